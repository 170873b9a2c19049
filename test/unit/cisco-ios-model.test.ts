// Endpoints of the IOS dialect: the founding case, tunnel modes, crypto maps, defaults per version.
import { test } from 'node:test';
import { secretDigest } from '../../server/src/model/secretDigest';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../fixtures/cisco-ios/parse';
import { modeEncapsulation, modeFamily } from '../../server/src/languages/cisco-ios/endpoints/tunnel';

const root = join(__dirname, '..', '..');
const founding = readFileSync(join(root, 'samples/founding-case/cisco/c897va-confg'), 'utf8');
const tp = readFileSync(join(root, 'samples/tunnel-protection/cisco/c897va-tp-confg'), 'utf8');

test('founding case: Tunnel20 carries the ipv6 crypto map binding (transport, IKEv2, group 14)', () => {
  const f = parseText(founding, { uri: 'file:///s/c897va-confg' });
  assert.deepEqual(f.findings.filter((x) => x.severity !== 'hint'), []);
  assert.equal(f.endpoints.length, 1, 'the crypto map entry is merged into the GRE tunnel it protects');
  const ep = f.endpoints[0];
  assert.equal(ep.name, 'Tunnel20');
  assert.equal(ep.vendor, 'cisco-ios');
  assert.equal(ep.version?.value, '15.7');
  assert.equal(ep.family?.value, 'ipv6');
  assert.equal(ep.local?.value, '2001:db8:b::1');
  assert.equal(ep.local?.source, 'derived');
  assert.equal(ep.localInterface, 'GigabitEthernet8');
  assert.equal(ep.remote?.value, '2001:db8:a::1');
  assert.equal(ep.tunnel?.kind.value, 'gre ipv6');
  assert.equal(ep.tunnel?.encapsulation.value, 'gre');
  assert.equal(ep.tunnel?.mtu?.value, 1400);
  assert.equal(ep.tunnel?.device, 'Tunnel20');
  assert.deepEqual(ep.tunnel?.innerAddresses.map((a) => a.value), ['10.10.10.2/30']);
  const s = ep.ipsec!;
  assert.equal(s.ikeVersion?.value, 2);
  assert.deepEqual(s.ike?.value, [{ encr: ['AES_CBC_128'], integ: ['HMAC_SHA1_96'], prf: ['HMAC_SHA1'], dh: ['MODP2048'] }]);
  assert.deepEqual(s.esp?.value, [{ encr: ['AES_CBC_128'], integ: ['HMAC_SHA1_96'], prf: [], dh: ['MODP2048'] }]);
  assert.equal(s.pfs?.value, 'MODP2048');
  assert.equal(s.mode?.value, 'transport');
  assert.equal(s.mode?.source, 'written');
  assert.deepEqual(s.trafficSelector?.value, { protocol: 47, localSubnets: ['2001:db8:b::1/128'], remoteSubnets: ['2001:db8:a::1/128'] });
  assert.equal(s.authLocal?.value, 'psk');
  assert.equal(s.saLifetime?.value, 3600);
  assert.equal(s.saLifetime?.source, 'default');
  assert.equal(s.pskDigest!.value, secretDigest('Tunn3l-L3ns-Sampl3!'), 'one digest for every dialect');
  assert.ok(!JSON.stringify(f.endpoints).includes('Tunn3l-L3ns'), 'the key never appears in endpoints');
});

test('tunnel-protection variant: same tunnel, same binding, selector derived from the tunnel', () => {
  const f = parseText(tp);
  assert.deepEqual(f.findings.filter((x) => x.severity !== 'hint'), []);
  const ep = f.endpoints[0];
  assert.equal(ep.ipsec?.mode?.value, 'transport');
  assert.equal(ep.ipsec?.trafficSelector?.source, 'derived');
  assert.equal(ep.ipsec?.pskDigest?.value, parseText(founding).endpoints[0].ipsec?.pskDigest?.value);
});

test('defaults: tunnel mode gre ip, default transform set (transport), no PFS, IKEv1 — with version rules', () => {
  const f = parseText([
    '! tunnel-lens: ios 15.7',
    'crypto ipsec profile P',
    'interface Loopback0',
    ' ip address 192.0.2.1 255.255.255.255',
    'interface Tunnel1',
    ' ip address 10.0.0.1 255.255.255.252',
    ' tunnel source Loopback0',
    ' tunnel destination 198.51.100.1',
    ' tunnel protection ipsec profile P',
  ].join('\n'));
  const ep = f.endpoints[0];
  assert.equal(ep.tunnel?.kind.value, 'gre ip');
  assert.equal(ep.tunnel?.kind.source, 'default');
  assert.match(ep.tunnel!.kind.rule!, /^IOS 15\.7 default tunnel mode gre ip/);
  assert.equal(ep.tunnel?.mtu?.value, 1476);
  assert.equal(ep.tunnel?.mtu?.source, 'default');
  assert.equal(ep.local?.value, '192.0.2.1');
  assert.equal(ep.ipsec?.esp?.source, 'default');
  assert.match(ep.ipsec!.esp!.rule!, /IOS 15\.7 default transform set \(esp-aes esp-sha-hmac, transport\)/);
  assert.deepEqual(ep.ipsec?.esp?.value, [{ encr: ['AES_CBC_128'], integ: ['HMAC_SHA1_96'], prf: [], dh: [] }]);
  assert.equal(ep.ipsec?.mode?.value, 'transport');
  assert.equal(ep.ipsec?.pfs?.value, false);
  assert.equal(ep.ipsec?.ikeVersion?.value, 1);
  assert.equal(ep.ipsec?.ikeVersion?.source, 'default');
  assert.equal(ep.version?.source, 'written');
});

test('transform-set mode defaults to tunnel; mode transport require sets modeRequired', () => {
  const base = (mode: string) => parseText([
    'crypto ipsec transform-set TS esp-aes 256 esp-sha256-hmac',
    mode,
    'crypto ipsec profile P',
    ' set transform-set TS',
    'interface Tunnel1',
    ' tunnel source 192.0.2.1',
    ' tunnel destination 198.51.100.1',
    ' tunnel mode ipsec ipv4',
    ' tunnel protection ipsec profile P',
  ].join('\n')).endpoints[0].ipsec!;
  const t = base('!');
  assert.equal(t.mode?.value, 'tunnel');
  assert.equal(t.mode?.source, 'default');
  assert.deepEqual(t.esp?.value[0].encr, ['AES_CBC_256']);
  assert.deepEqual(t.esp?.value[0].integ, ['HMAC_SHA2_256_128']);
  const r = base(' mode transport require');
  assert.equal(r.mode?.value, 'transport');
  assert.equal(r.modeRequired, true);
  // A VTI protects everything routed into it.
  assert.deepEqual(t.trafficSelector?.value, { localSubnets: ['0.0.0.0/0'], remoteSubnets: ['0.0.0.0/0'] });
});

test('IKEv2 smart-default proposal differs by version (directive > setting > version line)', () => {
  const cfg = (head: string) => [
    head,
    'crypto ikev2 profile PR',
    ' authentication local pre-share',
    ' authentication remote pre-share',
    'crypto ipsec profile P',
    ' set ikev2-profile PR',
    'interface Tunnel1',
    ' tunnel source 192.0.2.1',
    ' tunnel destination 198.51.100.1',
    ' tunnel protection ipsec profile P',
  ].join('\n');
  const old = parseText(cfg('version 15.7')).endpoints[0].ipsec!.ike!;
  assert.equal(old.source, 'default');
  assert.deepEqual(old.value[0].dh, ['MODP1536', 'MODP1024']);
  assert.match(old.rule!, /^IOS 15\.7 IKEv2 smart-default proposal/);
  const xe = parseText(cfg('version 17.3')).endpoints[0].ipsec!.ike!;
  assert.deepEqual(xe.value[0].dh, ['DH19', 'MODP2048', 'DH21', 'MODP1536']);
  assert.match(xe.rule!, /^IOS-XE 17\.3/);
  // A setting beats the version line; a directive beats the setting.
  assert.match(parseText(cfg('version 15.7'), { ios: '17.6' }).endpoints[0].ipsec!.ike!.rule!, /^IOS-XE 17\.6/);
  assert.match(parseText(cfg('! tunnel-lens: ios 15.4\nversion 17.3'), { ios: '17.6' }).endpoints[0].ipsec!.ike!.rule!, /^IOS 15\.4/);
});

test('crypto map entry endpoint: IPv4 map with wildcard ACL, isakmp policy, psk digest', () => {
  const f = parseText([
    'crypto isakmp policy 10',
    ' encr aes 256',
    ' hash sha256',
    ' authentication pre-share',
    ' group 14',
    ' lifetime 28800',
    'crypto isakmp key S3cret! address 198.51.100.1',
    'crypto ipsec transform-set TS esp-aes esp-sha-hmac',
    'crypto map CM 10 ipsec-isakmp',
    ' set peer 198.51.100.1',
    ' set transform-set TS',
    ' set security-association lifetime seconds 7200',
    ' match address 101',
    'interface GigabitEthernet0/0',
    ' ip address 192.0.2.1 255.255.255.0',
    ' crypto map CM',
    'access-list 101 permit ip 10.1.0.0 0.0.255.255 10.2.0.0 0.0.255.255',
  ].join('\n'));
  assert.deepEqual(f.findings.filter((x) => x.severity !== 'hint'), []);
  const ep = f.endpoints[0];
  assert.equal(ep.name, 'crypto map CM 10');
  assert.equal(ep.local?.value, '192.0.2.1');
  assert.equal(ep.localInterface, 'GigabitEthernet0/0');
  assert.equal(ep.remote?.value, '198.51.100.1');
  const s = ep.ipsec!;
  assert.equal(s.ikeVersion?.value, 1);
  assert.deepEqual(s.ike?.value, [{ encr: ['AES_CBC_256'], integ: ['HMAC_SHA2_256_128'], prf: ['HMAC_SHA2_256'], dh: ['MODP2048'] }]);
  assert.equal(s.ikeLifetime?.value, 28800);
  assert.equal(s.saLifetime?.value, 7200);
  assert.equal(s.mode?.value, 'tunnel');
  assert.deepEqual(s.trafficSelector?.value, { localSubnets: ['10.1.0.0/16'], remoteSubnets: ['10.2.0.0/16'] });
  assert.ok(s.pskDigest);
});

test('tunnel mode words map to the model encapsulation and outer family', () => {
  const rows: [string, boolean, string, string][] = [
    ['gre ip', true, 'gre', 'ipv4'],
    ['gre ipv6', true, 'gre', 'ipv6'],
    ['gre multipoint', true, 'gre', 'ipv4'],
    ['ipsec ipv4', true, 'vti', 'ipv4'],
    ['ipsec ipv6 v4-overlay', true, 'vti', 'ipv6'],
    ['ipip', true, 'ipip', 'ipv4'],
    ['ipv6ip', false, 'sit', 'ipv4'],
    ['ipv6', true, 'ipip6', 'ipv6'],
    ['ipv6', false, 'ip6ip6', 'ipv6'],
    ['udp ip', true, 'none', 'ipv4'],
  ];
  for (const [m, v4, enc, fam] of rows) {
    assert.equal(modeEncapsulation(m.split(' '), v4), enc, m);
    assert.equal(modeFamily(m.split(' ')), fam, m);
  }
});

test('no `set pfs`: the default "no PFS" stands on the crypto map entry, where `set pfs` belongs', () => {
  const f = parseText([
    'version 15.7',
    'crypto ipsec transform-set TS esp-aes esp-sha-hmac',
    ' mode tunnel',
    'crypto map CMAP 10 ipsec-isakmp',
    ' set peer 192.0.2.1',
    ' set transform-set TS',
    ' match address ACL',
    'interface GigabitEthernet0/0',
    ' ip address 203.0.113.1 255.255.255.0',
    ' crypto map CMAP',
    'ip access-list extended ACL',
    ' permit ip 10.2.0.0 0.0.0.255 10.1.0.0 0.0.0.255',
  ].join('\n'));
  const pfs = f.endpoints[0].ipsec!.pfs!;
  assert.equal(pfs.value, false);
  assert.equal(pfs.source, 'default');
  assert.equal(pfs.range?.start.line, 3);
  assert.ok(pfs.uri);
});
