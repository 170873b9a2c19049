// `left=%defaultroute` on real host trees: the local address comes from the host's own network
// configuration (the interface with the default route), before any assumption from the peer.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { analyse, expectFinding } from '../helpers/analyse';
import { readFolder } from '../helpers/memoryFs';
import { Code } from '../../server/src/core/codes';
import { pathToUri } from '../../server/src/core/uri';
import { ifcfgHostAddresses } from '../../server/src/languages/ifcfg/hostAddresses';
import { readIfcfg } from '../../server/src/languages/shared/ifcfgRead';

const HOSTS = resolve(__dirname, '../fixtures/hosts');
const CISCO = resolve(HOSTS, 'cisco-c897va');
const V410 = { versions: { libreswan: '4.10' } };

/** A host tree with the router beside it (the archived copy left out: it would make the end ambiguous). */
function hostWithRouter(host: string, edit: (files: Map<string, string>, at: (p: string) => string) => void): Map<string, string> {
  const files = new Map([...readFolder(resolve(HOSTS, host)), ...[...readFolder(CISCO)].filter(([u]) => !u.endsWith('.bak'))]);
  edit(files, (p) => pathToUri(resolve(HOSTS, host, p)));
  return files;
}

const setText = (files: Map<string, string>, uri: string, f: (t: string) => string) => {
  assert.ok(files.has(uri), uri);
  files.set(uri, f(files.get(uri)!));
};

test('RHEL/CentOS ifcfg: a %defaultroute conn with no tunnel device takes eth0\'s IPv6 address (IPV6_DEFAULTGW), not the peer\'s guess', () => {
  const files = hostWithRouter('centos7-ifcfg', (f, at) => {
    f.delete(at('etc/sysconfig/network-scripts/ifcfg-tun10'));
    setText(f, at('etc/ipsec.d/gre6.conf'), (t) => t.replace('left=2001:db8:a::7', 'left=%defaultroute'));
  });
  const r = analyse(files, V410);
  const conn = r.service.endpoints().find((e) => e.vendor === 'libreswan' && e.uri.endsWith('gre6.conf'))!;
  assert.ok(conn, 'the conn is read');
  assert.equal(conn.local?.value, '2001:db8:a::7');
  assert.match(conn.local?.rule ?? '', /%defaultroute: assumed 2001:db8:a::7, the address of eth0 in ifcfg-eth0 line \d+, the interface with the default route \(via 2001:db8:a::1\)/);
});

test('RHEL/CentOS ifcfg: a tunnel without MY_OUTER_IPADDR and a %defaultroute conn compose, both taking eth0\'s address; the founding case is found', () => {
  const files = hostWithRouter('centos7-ifcfg', (f, at) => {
    setText(f, at('etc/sysconfig/network-scripts/ifcfg-tun10'), (t) => t.replace(/^MY_OUTER_IPADDR=.*\n/m, ''));
    setText(f, at('etc/ipsec.d/gre6.conf'), (t) => t.replace('left=2001:db8:a::7', 'left=%defaultroute'));
  });
  const r = analyse(files, V410);
  const tun = r.service.endpoints().find((e) => e.name === 'tun10')!;
  assert.ok(tun.protectedBy, 'the conn protects the tunnel');
  assert.equal(tun.local?.value, '2001:db8:a::7');
  assert.match(tun.local?.rule ?? '', /no local address: assumed 2001:db8:a::7, the address of eth0/);
  assert.equal(tun.protectedBy.local?.value, '2001:db8:a::7');
  expectFinding(r, Code.encaplimitTransportInterop);
});

test('NetworkManager keyfiles: ens3\'s address1= with its gateway resolves a VPN profile\'s left=%defaultroute', () => {
  const vpn = 'etc/NetworkManager/system-connections/cisco-gre6-ipsec.nmconnection';
  const files = hostWithRouter('nm-libreswan-vpn', (f, at) => {
    f.delete(at('etc/NetworkManager/system-connections/tun10.nmconnection'));
    setText(f, at(vpn), (t) => t.replace('left=2001:db8:a::42', 'left=%defaultroute').replace(/^leftid=.*\n/m, ''));
  });
  const r = analyse(files, V410);
  const conn = r.service.endpoints().find((e) => e.uri.endsWith('cisco-gre6-ipsec.nmconnection') && e.ipsec)!;
  assert.ok(conn, 'the profile is read as an IPsec side');
  assert.equal(conn.local?.value, '2001:db8:a::42');
  assert.match(conn.local?.rule ?? '', /the address of ens3 in ens3\.nmconnection line \d+, the interface with the default route \(via 2001:db8:a::1\)/);
});

test('ifcfg host addresses: static IPv4 with PREFIX/NETMASK and GATEWAY, IPv6 only with IPV6INIT=yes, DEFROUTE=no, DHCP and tunnels give none', () => {
  const uri = 'file:///h/etc/sysconfig/network-scripts/ifcfg-eth0';
  const of = (text: string) => ifcfgHostAddresses(readIfcfg(text), uri).map((a) => `${a.device} ${a.address.value}/${a.prefixLength ?? '-'} gw=${a.defaultGateway?.value ?? '-'}`);
  assert.deepEqual(of('DEVICE=eth0\nIPADDR=203.0.113.7\nPREFIX=24\nGATEWAY=203.0.113.1\nIPADDR1=198.51.100.9\nNETMASK1=255.255.255.0\n'), ['eth0 203.0.113.7/24 gw=203.0.113.1', 'eth0 198.51.100.9/24 gw=203.0.113.1']);
  assert.deepEqual(of('DEVICE=eth0\nIPADDR=203.0.113.7\nGATEWAY=203.0.113.1\nDEFROUTE=no\n'), ['eth0 203.0.113.7/- gw=-']);
  assert.deepEqual(of('DEVICE=eth0\nIPV6ADDR=2001:db8::7/64\nIPV6_DEFAULTGW=2001:db8::1\n'), [], 'IPV6INIT defaults to no in initscripts and in NM\'s ifcfg-rh reader');
  assert.deepEqual(of('DEVICE=eth0\nIPV6INIT=yes\nIPV6ADDR=2001:db8::7/64\nIPV6ADDR_SECONDARIES="2001:db8::8/64"\nIPV6_DEFAULTGW=2001:db8::1%eth0\n'), ['eth0 2001:db8::7/64 gw=2001:db8::1', 'eth0 2001:db8::8/64 gw=2001:db8::1']);
  assert.deepEqual(of('DEVICE=eth0\nBOOTPROTO=dhcp\nIPADDR=203.0.113.7\n'), []);
  assert.deepEqual(of('DEVICE=tun0\nTYPE=GRE6\nMY_OUTER_IPADDR=2001:db8::7\n'), []);
});

test('the stock ifcfg-eth0 NetworkManager writes on RHEL/CentOS (IPV6_DEFROUTE, IPV6_ADDR_GEN_MODE) gives no unknown-keyword hint', () => {
  const r = analyse(readFolder(resolve(HOSTS, 'centos7-ifcfg')), V410);
  const eth0 = r.findings.filter((f) => f.uri.endsWith('/ifcfg-eth0'));
  assert.deepEqual(eth0.map((f) => `${f.code}: ${f.message}`), []);
});
