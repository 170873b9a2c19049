// systemd-networkd .netdev: the encapsulation limit networkd really sends, and the ini features.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dialect } from '../../server/src/languages/systemd-netdev';
import { FIXTURES, SAMPLES, parseFile, parseText, onLine, ctxWith } from './linux-helpers';

test('sample fixed by networkd: EncapsulationLimit=none, MTUBytes=1400', () => {
  const f = parseFile(dialect, `${SAMPLES}/fixed-by-networkd/linux/tun10.netdev`);
  assert.deepEqual(f.findings, []);
  const e = f.endpoints[0];
  assert.equal(e.name, 'tun10');
  assert.equal(e.tunnel?.kind.value, 'ip6gre');
  assert.equal(e.tunnel?.encapLimit?.value, 'none');
  assert.equal(e.tunnel?.encapLimit?.source, 'written');
  assert.equal(e.tunnel?.mtu?.value, 1400);
  assert.equal(e.local?.value, '2001:db8:a::1');
});

test('MTUBytes and Key are read', () => {
  const e = parseFile(dialect, `${FIXTURES}/netdev/tun10.netdev`).endpoints[0];
  assert.equal(e.tunnel?.mtu?.value, 1400);
  assert.equal(e.tunnel?.greKey?.value, 9);
});

test('a numeric EncapsulationLimit on ip6gre is not sent: kernel default 0, option still present', () => {
  const f = parseFile(dialect, `${FIXTURES}/netdev/tun11-numeric.netdev`);
  const w = onLine(f, 7)[0];
  assert.equal(w.code, 'config-ignored');
  assert.match(w.message, /never sends a numeric encapsulation limit for ip6gre.*EncapsulationLimit=none/);
  assert.match(onLine(f, 8)[0].message, /EncapLimit= is not a \[Tunnel\] key/);
  const e = f.endpoints[0];
  assert.equal(e.tunnel?.encapLimit?.value, 0);
  assert.equal(e.tunnel?.encapLimit?.source, 'default');
  assert.equal(e.tunnel?.mtu?.value, 1448);
});

test('ip6tnl default 4; wrong outer family; misspelt section with did-you-mean', () => {
  const f = parseFile(dialect, `${FIXTURES}/netdev/tun12-ip6tnl.netdev`);
  const e = f.endpoints[0];
  assert.equal(e.tunnel?.encapLimit?.value, 4);
  assert.match(e.tunnel!.encapLimit!.rule!, /systemd 248/);
  assert.equal(e.tunnel?.encapsulation.value, 'ipip6');
  assert.match(onLine(f, 8)[0].message, /IPv6 outer header; Remote= is IPv4/);
  assert.match(onLine(f, 10)[0].message, /Did you mean \[Tunnel\]\?/);
});

test('EncapsulationLimit=0 on ip6tnl still sends the option; missing Name is an error', () => {
  const f = parseText(dialect, '[NetDev]\nName=t\nKind=ip6tnl\n[Tunnel]\nRemote=2001:db8::2\nEncapsulationLimit=0\n', '/x/t.netdev');
  assert.match(onLine(f, 5)[0].message, /still adds the 8-byte Destination Options header/);
  assert.equal(f.endpoints[0].tunnel?.encapLimit?.value, 0);
  const g = parseText(dialect, '[NetDev]\nKind=ip6gre\n', '/x/u.netdev');
  assert.match(g.findings[0].message, /needs Name=/);
});

test('symbols, folding, hover and completion', () => {
  const f = parseFile(dialect, `${SAMPLES}/fixed-by-networkd/linux/tun10.netdev`);
  assert.deepEqual(f.symbols.map((s) => s.name), ['[NetDev]', '[Tunnel]']);
  assert.deepEqual(f.symbols[1].children!.map((c) => c.name), ['Local', 'Remote', 'EncapsulationLimit']);
  assert.equal(f.folding.length, 2);
  const line = f.text.split('\n').findIndex((l) => l.startsWith('EncapsulationLimit'));
  const h = dialect.hover!(f, { line, character: 3 }, ctxWith());
  assert.match(h!.markdown, /encapsulation limit none\*\*: no Destination Options header/);
  assert.match(h!.markdown, /MTU 1400/);
  const c = dialect.complete!(f, { line, character: 'EncapsulationLimit='.length }, ctxWith()).map((x) => x.label);
  assert.ok(c.includes('none'));
  const k = dialect.complete!(parseText(dialect, '[Tunnel]\n\n', '/x/a.netdev'), { line: 1, character: 0 }, ctxWith()).map((x) => x.label);
  assert.ok(k.includes('EncapsulationLimit'));
});
