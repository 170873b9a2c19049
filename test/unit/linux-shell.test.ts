// Shell scripts: only `ip` commands are read, their arguments are checked with iproute2's meaning,
// and what they do to tunnel devices becomes endpoints (creators, or partial changes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dialect } from '../../server/src/languages/shellscript';
import { lexShell, wordValue } from '../../server/src/languages/shared/shellLexer';
import { isPartialLinuxEndpoint, ANY_IFUP_DEVICE } from '../../server/src/model/linuxTunnels';
import { mark } from '../helpers/markers';
import { FIXTURES, SAMPLES, parseFile, parseText, onLine, ctxWith } from './linux-helpers';

const S = `${FIXTURES}/script`;

test('matches shell scripts and ifup-local hooks', () => {
  assert.ok(dialect.matches('/sbin/ifup-local', ''));
  assert.ok(dialect.matches('/x/setup.sh', ''));
  assert.ok(dialect.matches('/x/setup', '#!/bin/bash\n'));
  assert.ok(!dialect.matches('/x/notes.txt', 'hello'));
});

test('the lexer quotes like bash and never expands substitutions', () => {
  const l = lexShell('A="x $B" C=\'$D\' ip link set "$1" type ip6gre `rm -rf /` $(reboot) # c\nnext line\\\n  continued');
  assert.equal(l.commands.length, 2);
  const w = l.commands[0].words;
  assert.equal(w[0].assign?.name, 'A');
  assert.equal(wordValue(w[0].assign!.parts, new Map([['B', 'b']])), 'x b');
  assert.equal(wordValue(w[1].assign!.parts), '$D');
  assert.equal(w.length, 10, 'the comment is not a word');
  assert.equal(wordValue(w[8].parts), undefined, 'backquotes stay dynamic');
  assert.equal(wordValue(w[9].parts), undefined, 'command substitution stays dynamic');
  assert.deepEqual(l.commands[1].words.map((x) => wordValue(x.parts)), ['next', 'line', 'continued'], 'line continuation joins');
});

test('unrelated shell gets no findings and no endpoints', () => {
  const f = parseFile(dialect, `${S}/standalone/unrelated.sh`);
  assert.deepEqual(f.findings, []);
  assert.deepEqual(f.endpoints, []);
});

test('a script that creates tunnels: ip link add / ip -6 tunnel add, then changes them', () => {
  const f = parseFile(dialect, `${S}/standalone/tunnels.sh`);
  assert.equal(f.findings.length, 1);
  assert.equal(f.findings[0].range.start.line, 5);
  assert.match(f.findings[0].message, /`encaplimit 0` still adds the 8-byte Destination Options header/);
  const [t40, t41, t42] = f.endpoints;
  assert.equal(t40.name, 'tun40');
  assert.equal(t40.local?.value, '2001:db8:a::1', '$LOCAL resolved from the script');
  assert.equal(t40.remote?.value, '2001:db8:b::1');
  assert.equal(t40.tunnel?.greKey?.value, 5);
  assert.equal(t40.tunnel?.encapLimit?.value, 0);
  assert.equal(t40.tunnel?.encapLimit?.source, 'written');
  assert.equal(t40.tunnel?.mtu?.value, 1400, 'ip link set mtu after creation');
  assert.deepEqual(t40.tunnel?.innerAddresses.map((a) => a.value), ['10.40.40.1/30']);
  assert.ok(!isPartialLinuxEndpoint(t40));
  assert.equal(t41.tunnel?.kind.value, 'ip6tnl');
  assert.equal(t41.tunnel?.encapsulation.value, 'ipip6');
  assert.equal(t41.tunnel?.encapLimit?.value, 4);
  assert.match(t41.tunnel!.encapLimit!.rule!, /ip -6 tunnel add` default encaplimit 4/);
  assert.equal(t41.tunnel?.mtu?.value, 1452);
  assert.equal(t42.tunnel?.encapLimit?.value, 'none', 'continued line read');
  assert.equal(t42.tunnel?.greKey?.value, 7);
  assert.equal(t42.tunnel?.mtu?.value, 1452, '1500 − 40 − 8 (GRE with key), no option');
});

test('bad arguments get invalid-value with the iproute2 meaning', () => {
  const f = parseFile(dialect, `${S}/standalone/bad-args.sh`);
  assert.match(onLine(f, 1)[0].message, /does not know tunnel mode "ip6gree"/);
  assert.ok(onLine(f, 2).some((x) => /IPv6 outer header; `local 10.0.0.1`/.test(x.message)));
  assert.ok(onLine(f, 2).some((x) => /ELIM := \{ none \| 0\.\.255 \}/.test(x.message)));
  assert.deepEqual(onLine(f, 3).map((x) => x.message.replace(/;.*/, '')), ['`encaplimit` exists only for ip6gre, ip6gretap and ip6tnl']);
  assert.match(onLine(f, 4)[0].message, /Put the tunnel name first/);
  assert.match(onLine(f, 5)[0].message, /`key` takes a number/);
  assert.match(onLine(f, 6)[0].message, /mode takes transport/);
  assert.match(onLine(f, 7)[0].message, /10\.9\.9\.300\/24/);
  assert.ok(f.findings.every((x) => x.code === 'invalid-value'));
});

test('xfrm key material never appears in findings, hovers or symbols', () => {
  const key = '0x00112233445566778899aabbccddeeff';
  const m = mark(`ip xfrm state add src 2001:db8:a::1 dst 2001:db8:b::1 proto esp spi 0x100 mode bad enc 'cbc(aes)' 0x0011<|>2233445566778899aabbccddeeff\n`);
  const f = parseText(dialect, m.text, '/x/xfrm.sh');
  assert.equal(f.findings.length, 1);
  const h = dialect.hover!(f, m.positions[0], ctxWith());
  assert.equal(h?.markdown, 'Key material: hidden.');
  for (const s of [JSON.stringify(f.findings), JSON.stringify(f.symbols), JSON.stringify(f.endpoints), h!.markdown]) assert.ok(!s.includes(key.slice(2)));
});

test('ifup-local: a guarded "$1" names the device; the change is a partial endpoint', () => {
  const f = parseFile(dialect, `${S}/ipip6-fixed/ifup-local`);
  assert.deepEqual(f.findings, []);
  assert.equal(f.endpoints.length, 1);
  const e = f.endpoints[0];
  assert.equal(e.name, 'tun30');
  assert.ok(isPartialLinuxEndpoint(e));
  assert.equal(e.tunnel?.encapLimit?.value, 'none');
  assert.ok(f.dependencies.some((u) => u.endsWith('/ifcfg-tun30')), 'the sibling ifcfg is a dependency');
});

test('an unguarded "$1" in ifup-local means every device', () => {
  const f = parseFile(dialect, `${FIXTURES}/tree/host1/sbin/ifup-local`);
  assert.equal(f.endpoints[0].tunnel?.device, ANY_IFUP_DEVICE);
  assert.equal(f.endpoints[0].tunnel?.mtu?.value, 1400);
});

test('`ip -6 tunnel change … encaplimit none` on an ip6gre tunnel from a sibling ifcfg is flagged', () => {
  const f = parseFile(dialect, `${S}/ip6gre-ioctl/ifup-local`);
  assert.equal(f.findings.length, 1);
  assert.equal(f.findings[0].code, 'config-ignored');
  assert.match(f.findings[0].message, /tun10 is ip6gre \(ifcfg-tun10\).*ip link set dev tun10 type ip6gre encaplimit none/);
});

test('hover on a change shows the merged result with the sibling ifcfg', () => {
  const file = `${SAMPLES}/fixed-by-script/linux/ifup-local`;
  const f = parseFile(dialect, file);
  const line = f.text.split('\n').findIndex((l) => /^\s*ip .*encaplimit none/.test(l));
  const col = f.text.split('\n')[line].indexOf('none');
  const h = dialect.hover!(f, { line, character: col + 1 }, ctxWith());
  assert.ok(h);
  assert.match(h.markdown, /\*\*encaplimit none\*\*: no Destination Options header/);
  assert.match(h.markdown, /After ifcfg-tun10 created it/);
  assert.match(h.markdown, /MTU 1400/);
  assert.match(h.markdown, /local `2001:db8:a::1`/);
});

test('completion after ip, after type and after encaplimit', () => {
  const labels = (src: string) => {
    const m = mark(src);
    return dialect.complete!(parseText(dialect, m.text, '/x/a.sh'), m.positions[0], ctxWith()).map((c) => c.label);
  };
  assert.ok(labels('ip <|>\n').includes('tunnel'));
  assert.ok(labels('ip link add tun1 type <|>\n').includes('ip6gre'));
  assert.deepEqual(labels('ip link set tun1 type ip6gre encaplimit <|>\n'), ['none', '4']);
  assert.ok(labels('ip link add t type ip6gre <|>\n').includes('encaplimit'));
});

test('symbols list the ip commands', () => {
  const f = parseFile(dialect, `${S}/standalone/tunnels.sh`);
  assert.ok(f.symbols.some((s) => s.name === 'ip link add tun40'));
  assert.ok(f.symbols.some((s) => s.name === 'ip -6 tunnel add tun41'));
});
