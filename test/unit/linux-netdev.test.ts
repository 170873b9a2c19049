// systemd-networkd .netdev: the encapsulation limit networkd really sends, and the ini features.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dialect } from '../../server/src/languages/systemd-netdev';
import { FIXTURES, SAMPLES, analyseFile, analyseText } from './linux-helpers';

test('sample fixed by networkd: EncapsulationLimit=none, MTUBytes=1400', () => {
  const f = analyseFile(`${SAMPLES}/fixed-by-networkd/linux/tun10.netdev`);
  assert.deepEqual(f.findings, []);
  const e = f.file.endpoints[0];
  assert.equal(e.name, 'tun10');
  assert.equal(e.tunnel?.kind.value, 'ip6gre');
  assert.equal(e.tunnel?.encapLimit?.value, 'none');
  assert.equal(e.tunnel?.encapLimit?.source, 'written');
  assert.equal(e.tunnel?.mtu?.value, 1400);
  assert.equal(e.local?.value, '2001:db8:a::1');
});

test('MTUBytes and Key are read', () => {
  const e = analyseFile(`${FIXTURES}/netdev/tun10.netdev`).file.endpoints[0];
  assert.equal(e.tunnel?.mtu?.value, 1400);
  assert.equal(e.tunnel?.greKey?.value, 9);
});

test('a numeric EncapsulationLimit on ip6gre is not sent: kernel default 0, option still present', () => {
  const f = analyseFile(`${FIXTURES}/netdev/tun11-numeric.netdev`);
  const w = f.onLine(7)[0];
  assert.equal(w.code, 'config-ignored');
  assert.match(w.message, /never sends a numeric encapsulation limit for ip6gre.*EncapsulationLimit=none/);
  assert.match(f.onLine(8)[0].message, /EncapLimit= is not a \[Tunnel\] key/);
  const e = f.file.endpoints[0];
  assert.equal(e.tunnel?.encapLimit?.value, 0);
  assert.equal(e.tunnel?.encapLimit?.source, 'default');
  assert.equal(e.tunnel?.mtu?.value, 1448);
});

test('ip6tnl default 4; wrong outer family; misspelt section with did-you-mean', () => {
  const f = analyseFile(`${FIXTURES}/netdev/tun12-ip6tnl.netdev`);
  const e = f.file.endpoints[0];
  assert.equal(e.tunnel?.encapLimit?.value, 4);
  assert.match(e.tunnel!.encapLimit!.rule!, /systemd 248/);
  assert.equal(e.tunnel?.encapsulation.value, 'ipip6');
  assert.match(f.onLine(8)[0].message, /IPv6 outer header; Remote= is IPv4/);
  assert.match(f.onLine(10)[0].message, /Did you mean \[Tunnel\]\?/);
});

test('EncapsulationLimit=0 on ip6tnl still sends the option; missing Name is an error', () => {
  const f = analyseText('[NetDev]\nName=t\nKind=ip6tnl\n[Tunnel]\nRemote=2001:db8::2\nEncapsulationLimit=0\n', '/x/t.netdev');
  assert.match(f.onLine(5)[0].message, /still adds the 8-byte Destination Options header/);
  assert.equal(f.file.endpoints[0].tunnel?.encapLimit?.value, 0);
  const g = analyseText('[NetDev]\nKind=ip6gre\n', '/x/u.netdev');
  assert.match(g.findings[0].message, /needs Name=/);
});

test('symbols, folding, hover and completion', () => {
  const f = analyseFile(`${SAMPLES}/fixed-by-networkd/linux/tun10.netdev`);
  assert.deepEqual(f.file.symbols.map((s) => s.name), ['[NetDev]', '[Tunnel]']);
  assert.deepEqual(f.file.symbols[1].children!.map((c) => c.name), ['Local', 'Remote', 'EncapsulationLimit']);
  assert.equal(f.file.folding.length, 2);
  const line = f.file.text.split('\n').findIndex((l) => l.startsWith('EncapsulationLimit'));
  const h = f.hover({ line, character: 3 });
  assert.match(h!, /encapsulation limit none\*\*: no Destination Options header/);
  assert.match(h!, /MTU 1400/);
  const c = f.complete({ line, character: 'EncapsulationLimit='.length });
  assert.ok(c.includes('none'));
  const k = analyseText('[Tunnel]\n\n', '/x/a.netdev').complete({ line: 1, character: 0 });
  assert.ok(k.includes('EncapsulationLimit'));
});

test('the parser reports only what the ini reader cannot read; sections, keys and the tunnel are checks', () => {
  assert.deepEqual(dialect.parseCodes, ['syntax-error']);
  assert.deepEqual(dialect.checks!.map((c) => c.id), ['systemd-netdev/keys', 'systemd-netdev/duplicates', 'systemd-netdev/tunnel']);
  const f = analyseText('Name=x\n[NetDev]\nName=t\nKind=ip6gre\n[Tunnel]\nRemote=192.0.2.1\n', '/x/t.netdev');
  assert.deepEqual(f.findings.map((x) => `${x.range.start.line}:${x.code}`), ['0:syntax-error', '5:invalid-value']);
});

test('line ledger: tunnel sections and keys are the model, other netdev kinds outside, unknown keys reported', () => {
  const f = analyseText(
    [
      '; a comment', // 0 trivia (systemd takes ; comments)
      '[NetDev]', // 1 model
      'Name=t', // 2 model
      'Kind=ip6gre', // 3 model
      'Description=a \\', // 4 model, a continued value
      '  b', // 5 continued
      '[Peer]', // 6 a section of another kind: outside
      'Name=p', // 7 outside
      '[Bogus]', // 8 unknown section: reported
      'Foo=1', // 9 its keys: outside
      '[Tunnel]', // 10 model
      'Frob=1', // 11 unknown key: reported
      '',
    ].join('\n'),
    '/x/t.netdev',
  );
  assert.deepEqual(f.lineUse(), ['trivia', 'model', 'model', 'model', 'model', 'continued', 'outside', 'outside', 'unread', 'outside', 'model', 'unread', 'trivia']);
  assert.equal(f.onLine(8)[0].code, 'unknown-keyword');
  assert.equal(f.onLine(11)[0].code, 'unknown-keyword');
});
