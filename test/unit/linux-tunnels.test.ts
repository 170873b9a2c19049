// The kernel defaults table: MTU per kind and options, encapsulation limit per creator.
// Numbers from docs/reference/linux-kernel-tunnels.md §4 and §6 (kernel 6.1.192 source).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kernelDefaultMtu, defaultEncapLimit, greHeaderLength, describeEncapLimit, encapsulationOf } from '../../server/src/model/linuxTunnels';

test('ip6gre: 1448 with the option, 1456 without; key 1444/1452; key+seq+csum 1436/1444', () => {
  assert.equal(kernelDefaultMtu('ip6gre', 4)?.value, 1448);
  assert.equal(kernelDefaultMtu('ip6gre', 0)?.value, 1448, 'limit 0 still has the 8 bytes');
  assert.equal(kernelDefaultMtu('ip6gre', 'none')?.value, 1456);
  assert.equal(kernelDefaultMtu('ip6gre', 4, { key: true })?.value, 1444);
  assert.equal(kernelDefaultMtu('ip6gre', 'none', { key: true })?.value, 1452);
  assert.equal(kernelDefaultMtu('ip6gre', 4, { key: true, seq: true, csum: true })?.value, 1436);
  assert.equal(kernelDefaultMtu('ip6gre', 'none', { key: true, seq: true, csum: true })?.value, 1444);
  assert.equal(kernelDefaultMtu('ip6gretap', 4)?.value, 1434);
});

test('ip6tnl: 1452 with the option, 1460 without', () => {
  assert.equal(kernelDefaultMtu('ip6tnl', 4)?.value, 1452);
  assert.equal(kernelDefaultMtu('ip6tnl', 'none')?.value, 1460);
});

test('IPv4 kinds and the floor of 1280 for ip6 tunnels', () => {
  assert.equal(kernelDefaultMtu('gre', undefined)?.value, 1476);
  assert.equal(kernelDefaultMtu('ipip', undefined)?.value, 1480);
  assert.equal(kernelDefaultMtu('sit', undefined)?.value, 1480);
  assert.equal(kernelDefaultMtu('ip6gre', 4, {}, 1300)?.value, 1280);
  assert.equal(kernelDefaultMtu('nonsense', 4), undefined);
  assert.match(kernelDefaultMtu('ip6gre', 4)!.rule!, /1500 underlay − 40 IPv6 − 4 GRE − 8 Destination Options \(encaplimit 4\) = 1448/);
});

test('gre header length', () => {
  assert.equal(greHeaderLength(), 4);
  assert.equal(greHeaderLength({ key: true, seq: true }), 12);
});

test('encapsulation limit by creator', () => {
  assert.equal(defaultEncapLimit('ip6gre', 'ifcfg')?.value, 4);
  assert.equal(defaultEncapLimit('ip6tnl', 'ip-tunnel-add')?.value, 4);
  assert.equal(defaultEncapLimit('ip6gre', 'ip-link-add')?.value, 4);
  assert.equal(defaultEncapLimit('ip6gre', 'networkd')?.value, 0);
  assert.equal(defaultEncapLimit('ip6tnl', 'networkd')?.value, 4);
  assert.equal(defaultEncapLimit('ip6gre', 'networkmanager')?.value, 0);
  assert.equal(defaultEncapLimit('gre', 'ifcfg'), undefined, 'IPv4 tunnels never add the option');
  assert.equal(defaultEncapLimit('vti6', 'ip-tunnel-add'), undefined);
  assert.ok(['ifcfg', 'ip-tunnel-add', 'networkd', 'networkmanager'].every((c) => defaultEncapLimit('ip6gre', c as never)?.source === 'default'));
});

test('describe: 0 keeps the header, none removes it', () => {
  assert.match(describeEncapLimit(0), /0 does not remove it/);
  assert.match(describeEncapLimit('none'), /no Destination Options header/);
  assert.equal(encapsulationOf('ip6tnl', 'ipip6'), 'ipip6');
  assert.equal(encapsulationOf('ip6tnl'), 'ip6ip6');
  assert.equal(encapsulationOf('ip6gre'), 'gre');
});
