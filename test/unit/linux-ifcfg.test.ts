// ifcfg: the two readings (NetworkManager's shvar, initscripts' bash), key checks, the endpoint,
// hover, completion and symbols.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dialect } from '../../server/src/languages/ifcfg';
import type { IfcfgTree } from '../../server/src/languages/ifcfg';
import { mark } from '../helpers/markers';
import { FIXTURES, SAMPLES, parseFile, parseText, onLine, ctxWith } from './linux-helpers';

test('matches ifcfg-* but not editor backups', () => {
  assert.ok(dialect.matches('/etc/sysconfig/network-scripts/ifcfg-tun10', ''));
  assert.ok(!dialect.matches('/etc/sysconfig/network-scripts/ifcfg-tun10~', ''));
  assert.ok(!dialect.matches('/etc/ifcfg.conf', ''));
});

test('founding case: GRE6 → ip6gre with iproute2 default encaplimit 4 and the written MTU 1400', () => {
  const f = parseFile(dialect, `${SAMPLES}/founding-case/linux/ifcfg-tun10`);
  assert.deepEqual(f.findings, []);
  assert.equal(f.endpoints.length, 1);
  const e = f.endpoints[0];
  assert.equal(e.vendor, 'linux');
  assert.equal(e.name, 'tun10');
  assert.equal(e.family?.value, 'ipv6');
  assert.equal(e.local?.value, '2001:db8:a::1');
  assert.equal(e.remote?.value, '2001:db8:b::1');
  assert.equal(e.tunnel?.kind.value, 'ip6gre');
  assert.equal(e.tunnel?.encapsulation.value, 'gre');
  assert.equal(e.tunnel?.encapLimit?.value, 4);
  assert.equal(e.tunnel?.encapLimit?.source, 'default');
  assert.match(e.tunnel!.encapLimit!.rule!, /iproute2's default 4/);
  assert.equal(e.tunnel?.encapLimit?.range?.start.line, 7, 'points at the TYPE line');
  assert.equal(e.tunnel?.mtu?.value, 1400);
  assert.equal(e.tunnel?.mtu?.source, 'written', 'the sample matches the router\'s ip mtu 1400');
  assert.deepEqual(e.tunnel?.innerAddresses.map((a) => a.value), ['10.10.10.1']);
  assert.equal(e.range.start.line, 4, 'the DEVICE line defines it');
});

test('quirks: each line read differently by bash and NetworkManager gets a finding', () => {
  const f = parseFile(dialect, `${FIXTURES}/ifcfg/ifcfg-tun20`);
  const tree = f.tree as IfcfgTree;
  // PEER_OUTER_IPADDR="…": both readers agree, no finding
  assert.deepEqual(onLine(f, 4), []);
  assert.equal(tree.last.get('PEER_OUTER_IPADDR')?.value, '2001:db8:b::1');
  // ONBOOT=on: initscripts yes, NM does not know "on"
  assert.match(onLine(f, 6)[0].message, /NetworkManager does not accept "on"/);
  // ENCAP_LIMIT and IKEY do not exist, with what to do instead
  assert.equal(onLine(f, 7)[0].code, 'unknown-keyword');
  assert.equal(onLine(f, 7)[0].severity, 'warning');
  assert.match(onLine(f, 7)[0].message, /does not exist.*ifup-local.*encaplimit none.*EncapsulationLimit=none.*flags=1/);
  assert.match(onLine(f, 8)[0].message, /only KEY/);
  // own variables: hint with did-you-mean
  assert.equal(onLine(f, 9)[0].severity, 'hint');
  assert.match(onLine(f, 9)[0].message, /Did you mean MTU\?/);
  assert.equal(onLine(f, 14)[0].severity, 'hint');
  // export: NM ignores the line, bash sets the variable
  assert.match(onLine(f, 10)[0].message, /NetworkManager ignores this line.*sets NM_CONTROLLED/);
  // $DEVICE: bash expands, NM keeps it literally
  assert.match(onLine(f, 11)[0].message, /bash\) reads NAME as "tun20" but NetworkManager reads "\$DEVICE"/);
  // TTL out of range
  assert.deepEqual(onLine(f, 12).map((x) => x.code), ['invalid-value']);
  // LANG=C ls: bash would run a command; nothing is run
  assert.ok(onLine(f, 13).some((x) => /bash runs the command `ls`.*never runs it/.test(x.message)));
  // the endpoint: IPIP6 → ip6tnl ipip6, normalized address, default 4, 1452
  const e = f.endpoints[0];
  assert.equal(e.local?.value, '2001:db8:a::1');
  assert.equal(e.tunnel?.kind.value, 'ip6tnl');
  assert.equal(e.tunnel?.encapsulation.value, 'ipip6');
  assert.equal(e.tunnel?.encapLimit?.value, 4);
  assert.equal(e.tunnel?.mtu?.value, 1452);
  assert.deepEqual(e.tunnel?.innerAddresses.map((a) => a.value), ['10.20.20.1/30']);
});

test('invalid values: fallback device, outer family, GRE key, MTU', () => {
  const f = parseFile(dialect, `${FIXTURES}/ifcfg/ifcfg-v4bad`);
  assert.match(onLine(f, 0)[0].message, /fallback tunnel device/);
  assert.match(onLine(f, 2)[0].message, /over IPv6, but MY_OUTER_IPADDR is an IPv4 address/);
  assert.match(onLine(f, 4)[0].message, /KEY must be a number/);
  assert.match(onLine(f, 5)[0].message, /MTU must be a number/);
  assert.ok(f.findings.every((x) => x.code === 'invalid-value' && x.severity === 'error'));
  assert.equal(f.endpoints[0].local, undefined, 'a wrong-family address is not used');
  assert.equal(f.endpoints[0].tunnel?.mtu?.value, 1448, 'an invalid MTU leaves the kernel default');
});

test('a non-tunnel ifcfg has no endpoint and no findings', () => {
  const f = parseFile(dialect, `${FIXTURES}/ifcfg/ifcfg-eth0`);
  assert.deepEqual(f.findings, []);
  assert.deepEqual(f.endpoints, []);
  assert.deepEqual(f.symbols.map((s) => s.name), ['TYPE', 'DEVICE', 'ONBOOT', 'BOOTPROTO']);
});

test('bad quoting: NM rejects, bash reads', () => {
  const f = parseText(dialect, 'DEVICE=tun1\nNAME="a $b"\nX=\'unterminated\n');
  assert.ok(onLine(f, 1).some((x) => /NetworkManager rejects this value.*`\$` or a backquote/.test(x.message)));
  assert.ok(f.findings.some((x) => x.code === 'syntax-error' && x.severity === 'error' && /unterminated single quote/.test(x.message)));
});

test('duplicate keys: the last wins, the earlier one is flagged', () => {
  const f = parseText(dialect, 'TYPE=GRE6\nDEVICE=tun1\nMTU=1400\nMTU=1300\nPEER_OUTER_IPADDR=2001:db8::2\n');
  assert.equal(onLine(f, 2)[0].code, 'duplicate-key');
  assert.equal(f.endpoints[0].tunnel?.mtu?.value, 1300);
  assert.equal(f.endpoints[0].tunnel?.mtu?.source, 'written');
  assert.equal(f.endpoints[0].name, 'tun1');
});

test('the device name falls back to the file name', () => {
  const f = parseText(dialect, 'TYPE=GRE\nMY_OUTER_IPADDR=192.0.2.1\nPEER_OUTER_IPADDR=192.0.2.2\nKEY=7\n', '/x/ifcfg-gre7');
  const e = f.endpoints[0];
  assert.equal(e.name, 'gre7');
  assert.equal(e.tunnel?.kind.value, 'gre');
  assert.equal(e.tunnel?.encapLimit, undefined, 'IPv4 GRE has no encapsulation limit');
  assert.equal(e.tunnel?.greKey?.value, 7);
  assert.equal(e.tunnel?.mtu?.value, 1472, '1500 − 20 − 8 (GRE with key)');
});

test('path MTU setting is the underlay', () => {
  const f = parseText(dialect, 'TYPE=GRE6\nDEVICE=t\nPEER_OUTER_IPADDR=2001:db8::2\n', '/x/ifcfg-t', ctxWith({ pathMtu: 9000 }));
  assert.equal(f.endpoints[0].tunnel?.mtu?.value, 9000 - 40 - 4 - 8);
});

test('hover on TYPE shows the effective encaplimit and MTU with reasons', () => {
  const m = mark('DEVICE=tun10\nTY<|>PE=GRE6\nPEER_OUTER_IPADDR=2001:db8:b::1\n');
  const f = parseText(dialect, m.text, '/x/ifcfg-tun10');
  const h = dialect.hover!(f, m.positions[0], ctxWith());
  assert.ok(h);
  assert.match(h.markdown, /encapsulation limit 4\*\*: every packet carries an 8-byte IPv6 Destination Options header/);
  assert.match(h.markdown, /MTU 1448/);
  assert.match(h.markdown, /initscripts 10\.03/);
});

test('completion: keys at line start, values after =', () => {
  const m1 = mark('DEVICE=tun10\nMY_OU<|>\n');
  const keys = dialect.complete!(parseText(dialect, m1.text), m1.positions[0], ctxWith()).map((c) => c.label);
  assert.ok(keys.includes('MY_OUTER_IPADDR'));
  const m2 = mark('TYPE=<|>\n');
  const vals = dialect.complete!(parseText(dialect, m2.text), m2.positions[0], ctxWith()).map((c) => c.label);
  assert.ok(vals.includes('GRE6') && vals.includes('IPIP6'));
  const m3 = mark('ONBOOT=<|>\n');
  assert.deepEqual(dialect.complete!(parseText(dialect, m3.text), m3.positions[0], ctxWith()).map((c) => c.label), ['yes', 'no']);
});

test('symbols: the tunnel interface with its variables', () => {
  const f = parseFile(dialect, `${SAMPLES}/founding-case/linux/ifcfg-tun10`);
  assert.equal(f.symbols.length, 1);
  assert.equal(f.symbols[0].name, 'tun10');
  assert.equal(f.symbols[0].detail, 'ip6gre');
  assert.ok(f.symbols[0].children!.some((c) => c.name === 'PEER_OUTER_IPADDR'));
});
