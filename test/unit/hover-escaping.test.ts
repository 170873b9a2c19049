// Config text in hover markdown is text (core/redact.ts markdownText / markdownCode): a `command:`
// link, a remote image or HTML written in a value comes back escaped or inside a code span, never
// live; and a value quoted in a message is cut short and free of control characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../helpers/analyse';

const LINK = '[x](command:workbench.action.terminal.new)';
const IMAGE = '![i](https://evil.example/x.png)';
const HTML = '<img src=x onerror=alert(1)>';

/** The planted link, image or HTML where it would render: outside code spans, unescaped. */
function live(md: string): string[] {
  const outside = md.replace(/(`+)[\s\S]*?\1/g, '');
  return [...outside.matchAll(/(?<!\\)\]\((?!\\)|(?<!\\)!\[i|(?<!\\)<img/gi)].map((m) => outside.slice(Math.max(0, m.index! - 20), m.index! + 20));
}

function hoversOf(path: string, text: string): string[] {
  const r = analyse({ [path]: text }, { versions: { libreswan: '4.10' } });
  const uri = r.uri(path);
  const out: string[] = [];
  text.split('\n').forEach((l, line) => {
    for (let character = 0; character <= l.length; character++) {
      const h = r.service.hover(uri, { line, character });
      if (h) out.push((h.contents as { value: string }).value);
    }
  });
  return out;
}

const CASES: [string, string][] = [
  ['/h/etc/ipsec.conf', `conn ${LINK}\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tleftid=${IMAGE}\n\trightid="${HTML}"\n\tleftupdown=${LINK}\ninclude ${IMAGE}\n`],
  ['/h/etc/ipsec.secrets', `@${LINK} @${HTML} : PSK "x"\n`],
  ['/h/ifcfg-tun0', `DEVICE=tun0\nTYPE=GRE\nPEER_OUTER_IPADDR=192.0.2.2\nNAME="${LINK}"\nZONE='${HTML}'\n${HTML.replace(/[^A-Za-z]/g, '')}=${IMAGE}\n`],
  ['/h/t.nmconnection', `[connection]\nid=${LINK}\ninterface-name=${HTML}\n[ip-tunnel]\nmode=2\nremote=192.0.2.2\n[${IMAGE}]\nx=${LINK}\n`],
  ['/h/t.netdev', `[NetDev]\nName=${LINK}\nKind=gre\n[Tunnel]\nRemote=192.0.2.2\nDescription=${HTML}\n`],
  ['/h/t.sh', `#!/bin/sh\nip link add '${LINK}' type gre remote 192.0.2.2 key 5\nip -6 tunnel change '${HTML}' encaplimit '${IMAGE}'\n`],
];

test('hovers show config text as text: no live link, image or HTML from a file', () => {
  for (const [path, text] of CASES) {
    const hovers = hoversOf(path, text);
    assert.ok(hovers.length > 0, `${path}: no hover at all`);
    const bad = hovers.flatMap(live);
    assert.deepEqual(bad, [], `${path}: live markdown in a hover`);
    assert.ok(hovers.some((h) => /command|evil|onerror/.test(h)), `${path}: the written text is still shown`);
  }
});

test('a value quoted in a message is cut short, whatever the dialect', () => {
  const long = 'v'.repeat(1_000_000);
  const r = analyse({
    '/m/etc/ipsec.conf': `conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\ttype=${long}\n\tike=${long}\n\t${long}=1\n`,
    '/m/ifcfg-t': `DEVICE=t\nTYPE=${long}\nMTU=${long}\n${long.toUpperCase()}=1\n`,
    '/m/t.netdev': `[NetDev]\nName=${long}\nKind=gre\n[Tunnel]\nRemote=${long}\n`,
    '/m/t.nmconnection': `[connection]\nid=t\n[ip-tunnel]\nmode=${long}\nremote=192.0.2.2\n${long}\n`,
    '/m/t.sh': `ip link add t type gre remote ${long}\nip xfrm state add src ${long} dst 192.0.2.1\n`,
    '/m/ipsec.secrets': `include ${long}.secrets\n${long} : ${long}\n`,
  }, { versions: { libreswan: '4.10' } });
  assert.ok(r.findings.length >= 6);
  for (const f of r.findings) assert.ok(f.message.length < 1000, `${f.code} ${f.uri}: a ${f.message.length}-character message`);
});
