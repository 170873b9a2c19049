// systemd-networkd .network files (issue 13: `[Link] MTUBytes=` of the tunnel's .network was
// ignored, the kernel's MTU assumed, and false mtu-exceeds-path / mtu-mismatch followed), on the
// Ubuntu 24.04-style tree test/fixtures/hosts/ubuntu2404-netplan with its tunnel configured by
// networkd files instead of netplan (cloud-init's netplan uplink and the swanctl side as shipped),
// paired with the live Cisco C897VA (Tunnel21, `ip mtu 1400`). docs/reference/networkd-network.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ParsedFile } from '../../server/src/core/types';
import { dialect, type NetdevTree } from '../../server/src/languages/systemd-netdev';
import { analyseTree, hostTree, hostUri, ledger, show } from './hosts-helpers';

const TREE = 'ubuntu2404-netplan';
const NET = 'etc/systemd/network';
const NETDEV = '[NetDev]\nName=tun10\nKind=ip6gre\n\n[Tunnel]\nLocal=2001:db8:a::24\nRemote=2001:db8:b::1\nTTL=64\nEncapsulationLimit=none\nIndependent=yes\n';
const NETWORK = '[Match]\nName=tun10\n\n[Link]\nMTUBytes=1400\n\n[Network]\nAddress=192.0.2.5/30\nLinkLocalAddressing=no\n';

function tree(files: Record<string, string | null>) {
  return analyseTree(hostTree(TREE, { 'etc/netplan/60-tunnels.yaml': null, [`${NET}/30-tun10.netdev`]: NETDEV, ...files }));
}

function tun10(r: ReturnType<typeof analyseTree>) {
  const e = r.service.endpoints().find((x) => x.name === 'tun10' && x.vendor === 'linux');
  assert.ok(e, show(r.findings));
  return e;
}

test('ubuntu2404 tree with networkd files: [Link] MTUBytes=1400 of the tunnel\'s .network is the MTU in force, so no mtu-exceeds-path or mtu-mismatch', () => {
  const r = tree({ [`${NET}/30-tun10.network`]: NETWORK });
  const e = tun10(r);
  assert.equal(e.tunnel?.mtu?.value, 1400);
  assert.equal(e.tunnel?.mtu?.uri, hostUri(TREE, `${NET}/30-tun10.network`));
  assert.match(e.tunnel!.mtu!.rule!, /\[Link\] MTUBytes= of 30-tun10\.network, the \.network that matches tun10/);
  assert.deepEqual(e.tunnel?.innerAddresses.map((a) => a.value), ['192.0.2.5/30']);
  assert.equal(e.protectedBy?.name, 'gre6-cisco');
  assert.deepEqual(r.of('mtu-exceeds-path'), []);
  assert.deepEqual(r.of('mtu-mismatch'), []);
  assert.deepEqual(r.of('encaplimit-transport-interop'), []);
  assert.ok(r.service.parse(hostUri(TREE, `${NET}/30-tun10.netdev`))!.dependencies.includes(hostUri(TREE, `${NET}/30-tun10.network`)));
});

test('without the .network\'s MTUBytes= the kernel\'s MTU (1456 with EncapsulationLimit=none) stands, and the findings the issue reported are right there', () => {
  const r = tree({ [`${NET}/30-tun10.network`]: NETWORK.replace('MTUBytes=1400\n', '') });
  assert.equal(tun10(r).tunnel?.mtu?.value, 1456);
  assert.equal(r.of('mtu-mismatch').length, 2, show(r.findings));
  assert.equal(r.of('mtu-exceeds-path', hostUri(TREE, `${NET}/30-tun10.netdev`)).length, 1);
});

test('the .network\'s MTUBytes= wins over the .netdev\'s; a .network drop-in over the .network; the first matching .network by name applies', () => {
  const r = tree({ [`${NET}/30-tun10.netdev`]: NETDEV.replace('Kind=ip6gre\n', 'Kind=ip6gre\nMTUBytes=1500\n'), [`${NET}/30-tun10.network`]: NETWORK });
  assert.equal(tun10(r).tunnel?.mtu?.value, 1400);
  const d = tree({ [`${NET}/30-tun10.network`]: NETWORK, [`${NET}/30-tun10.network.d/mtu.conf`]: '[Link]\nMTUBytes=1380\n' });
  assert.equal(tun10(d).tunnel?.mtu?.value, 1380);
  assert.equal(tun10(d).tunnel?.mtu?.uri, hostUri(TREE, `${NET}/30-tun10.network.d/mtu.conf`));
  assert.equal(d.of('mtu-mismatch').length, 2);
  const first = tree({ [`${NET}/20-tun.network`]: NETWORK.replace('Name=tun10', 'Name=tun*').replace('1400', '1300'), [`${NET}/30-tun10.network`]: NETWORK });
  assert.equal(tun10(first).tunnel?.mtu?.value, 1300, '20-tun.network comes first and matches tun10 by its glob');
  const masked = tree({ [`${NET}/30-tun10.network`]: NETWORK, [`run/systemd/network/30-tun10.network`]: '' });
  assert.equal(tun10(masked).tunnel?.mtu?.value, 1400, 'an empty file masks only by the same name in a higher directory');
});

test('a .netdev drop-in sets the limit of the main file; the netdev\'s own MTUBytes= applies when no .network sets one', () => {
  const r = tree({ [`${NET}/30-tun10.netdev`]: NETDEV.replace('EncapsulationLimit=none\n', '').replace('Kind=ip6gre\n', 'Kind=ip6gre\nMTUBytes=1400\n'), [`${NET}/30-tun10.netdev.d/limit.conf`]: '[Tunnel]\nEncapsulationLimit=none\n' });
  const e = tun10(r);
  assert.equal(e.tunnel?.encapLimit?.value, 'none');
  assert.equal(e.tunnel?.encapLimit?.uri, hostUri(TREE, `${NET}/30-tun10.netdev.d/limit.conf`));
  assert.equal(e.tunnel?.mtu?.value, 1400);
  const bad = tree({ [`${NET}/30-tun10.netdev.d/limit.conf`]: '[Tunnel]\nEncapsulationLimit=4\n' });
  const [w] = bad.of('config-ignored', hostUri(TREE, `${NET}/30-tun10.netdev.d/limit.conf`));
  assert.match(w.message, /never sends a numeric encapsulation limit for ip6gre/);
  assert.deepEqual(bad.of('config-ignored', hostUri(TREE, `${NET}/30-tun10.netdev`)), [], 'the drop-in\'s problem is the drop-in\'s');
});

test('the uplink\'s .network gives the host addresses, and a tunnel without Local= takes the address of the link whose Tunnel= creates it', () => {
  const uplink = '[Match]\nName=ens3\n\n[Network]\nAddress=203.0.113.24/24\nAddress=2001:db8:a::24/64\nGateway=203.0.113.1\nGateway=2001:db8:a::1\nTunnel=tun10\nDNS=203.0.113.53\n';
  const r = tree({ 'etc/netplan/50-cloud-init.yaml': null, [`${NET}/10-ens3.network`]: uplink, [`${NET}/30-tun10.netdev`]: NETDEV.replace('Local=2001:db8:a::24\n', '').replace('Independent=yes\n', ''), [`${NET}/30-tun10.network`]: NETWORK });
  const f = r.service.parse(hostUri(TREE, `${NET}/10-ens3.network`)) as ParsedFile<NetdevTree>;
  assert.deepEqual(dialect.hostAddresses(f).map((a) => `${a.device} ${a.address.value}/${a.prefixLength} via ${a.defaultGateway?.value}`), ['ens3 203.0.113.24/24 via 203.0.113.1', 'ens3 2001:db8:a::24/64 via 2001:db8:a::1']);
  assert.deepEqual(dialect.hostAddresses(r.service.parse(hostUri(TREE, `${NET}/30-tun10.network`)) as ParsedFile<NetdevTree>), [], 'a tunnel\'s .network holds addresses inside the tunnel');
  const e = tun10(r);
  assert.equal(e.local?.value, '2001:db8:a::24');
  assert.equal(e.local?.source, 'derived');
  assert.match(e.local!.rule!, /the \.network whose Tunnel= creates tun10 on its link \(ens3\)/);
  assert.equal(e.protectedBy?.name, 'gre6-cisco', 'paired and composed through the derived local address');
  assert.deepEqual(r.of('duplicate-key'), [], 'Address=, Gateway= may repeat');
});

test('.network keys, values and the line ledger', () => {
  const text = '# tunnel\n[Match]\nName=tun10\n\n[Link]\nMTUBytes=14oo\nMTUByte=1400\n\n[Network]\nAddress=192.0.2.5\nDescription=a\nDescription=b\n\n[DHCPv4]\nUseDNS=no\n';
  const r = tree({ [`${NET}/30-tun10.network`]: text });
  const uri = hostUri(TREE, `${NET}/30-tun10.network`);
  assert.deepEqual(r.findings.filter((x) => x.uri === uri).map((x) => `${x.range.start.line}:${x.code}`).sort(), ['10:duplicate-key', '5:invalid-value', '6:unknown-keyword', '9:invalid-value'].sort());
  const l = ledger(r, uri);
  assert.equal(l.account.dropped, 0);
  assert.deepEqual(l.uses, ['trivia', 'model', 'model', 'trivia', 'model', 'model', 'unread', 'trivia', 'model', 'model', 'model', 'model', 'trivia', 'outside', 'outside', 'trivia']);
});
