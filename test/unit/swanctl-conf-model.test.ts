// swanctl.conf → endpoints (docs/reference/swanctl-conf.md §3–§4): the defaults of each release
// exactly (each 5.9/6.x test fails if the two were swapped), which rule chose the release,
// addresses, versions, modes, selectors, auth, lifetimes, and PSKs through the secrets section
// (matched by identity as charon does, compared by digest, never shown).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyse, expectFinding, expectNoFinding, type Analysed } from '../helpers/analyse';
import type { Endpoint, Proposal } from '../../server/src/core/endpoint';

const F = '/etc/swanctl/swanctl.conf';
const conn = (connKeys: string, child = '', extra = '') =>
  `${extra}connections {\n  gw {\n    local_addrs = 192.0.2.1\n    remote_addrs = 192.0.2.2\n${connKeys}\n    children {\n      c {\n${child}\n      }\n    }\n  }\n}\n`;
const endpointOf = (text: string, settings = {}): Endpoint => {
  const r = analyse({ [F]: text }, settings);
  const e = r.service.parse(r.uri(F))!.endpoints[0];
  assert.ok(e, 'an endpoint');
  return e;
};
const groups = (ps: Proposal[]) => ps.map((p) => p.dh);

test('default ESP proposals: 5.9.8, 6.0.0 and 6.0.1 offer no key exchange; 6.0.2 and later offer every one, then NONE', () => {
  for (const v of ['5.9.8', '5.9.14', '6.0.0', '6.0.1']) {
    const e = endpointOf(conn(''), { versions: { strongswan: v } });
    assert.deepEqual(groups(e.ipsec!.esp!.value), [[], []], v);
    assert.equal(e.ipsec!.pfs!.value, false, v);
    assert.match(e.ipsec!.esp!.rule!, /without a key exchange \(no PFS\)/);
  }
  for (const v of ['6.0.2', '6.0.6', '6.0']) {
    const e = endpointOf(conn(''), { versions: { strongswan: v } });
    const [aead, classic] = e.ipsec!.esp!.value;
    assert.deepEqual(aead.dh, classic.dh);
    assert.equal(aead.dh[0], 'DH31', `${v}: Curve25519 first, in Debian's plugin order`);
    assert.equal(aead.dh[aead.dh.length - 1], 'NONE', `${v}: NONE last makes PFS optional`);
    assert.ok(aead.dh.includes('MODP2048'));
    assert.equal(e.ipsec!.pfs!.value, 'DH31');
  }
});

test('default ESP proposals themselves: AEAD first (AES-GCM-16 128/192/256), then AES-CBC with SHA-2, SHA-1, XCBC', () => {
  const [aead, classic] = endpointOf(conn('')).ipsec!.esp!.value;
  assert.deepEqual(aead.encr, ['AES_GCM_16_128', 'AES_GCM_16_192', 'AES_GCM_16_256']);
  assert.deepEqual(classic.encr, ['AES_CBC_128', 'AES_CBC_192', 'AES_CBC_256']);
  assert.deepEqual(classic.integ, ['HMAC_SHA2_256_128', 'HMAC_SHA2_384_192', 'HMAC_SHA2_512_256', 'HMAC_SHA1_96', 'AES_XCBC_96']);
});

test('`esp_proposals = default` lists the classic proposal first in 5.9 and the AEAD one first from 6.0', () => {
  const written = conn('', '        esp_proposals = default');
  assert.equal(endpointOf(written).ipsec!.esp!.value[0].encr[0], 'AES_CBC_128');
  assert.equal(endpointOf(written, { versions: { strongswan: '6.0.1' } }).ipsec!.esp!.value[0].encr[0], 'AES_GCM_16_128');
});

test('default IKE proposals: the classic one then the AEAD one, PRF and key exchanges in Debian\'s plugin order, same in 5.9 and 6.x', () => {
  for (const v of ['5.9.8', '6.0.6']) {
    const [classic, aead] = endpointOf(conn(''), { versions: { strongswan: v } }).ipsec!.ike!.value;
    assert.equal(classic.encr[0], 'AES_CBC_128');
    assert.ok(classic.encr.includes('3DES_CBC'));
    assert.deepEqual(classic.prf, ['HMAC_SHA2_256', 'HMAC_SHA2_384', 'HMAC_SHA2_512', 'AES_XCBC', 'AES_CMAC', 'HMAC_SHA1']);
    assert.deepEqual(classic.dh.slice(0, 3), ['DH31', 'DH32', 'DH19']);
    assert.ok(!classic.dh.includes('MODP1536') && !classic.dh.includes('ML_KEM_768'), 'no weak group, no ML-KEM by default');
    assert.deepEqual(aead.integ, []);
    assert.equal(aead.encr[0], 'AES_CCM_16_128');
  }
});

test('a written list is exactly what is written (swanctl appends nothing); `default` stands for the defaults where it is', () => {
  const e = endpointOf(conn('    proposals = aes256-sha384-ecp384'));
  assert.equal(e.ipsec!.ike!.value.length, 1);
  assert.equal(e.ipsec!.ikeStrict, true);
  const d = endpointOf(conn('    proposals = aes256-sha384-ecp384, default'));
  assert.equal(d.ipsec!.ike!.value.length, 3);
  assert.equal(d.ipsec!.ike!.source, 'derived');
});

test('child rekey: 1h by default; from 5.9.9 a child with only life_time rekeys at life_time / 1.1, 5.9.8 keeps 1h', () => {
  const text = conn('', '        life_time = 2h');
  assert.equal(endpointOf(text).ipsec!.saLifetime!.value, 3600);
  assert.equal(endpointOf(text, { versions: { strongswan: '6.0' } }).ipsec!.saLifetime!.value, Math.floor(7200 / 1.1));
  assert.equal(endpointOf(conn('', '        rekey_time = 20m')).ipsec!.saLifetime!.value, 1200);
  assert.equal(endpointOf(conn('')).ipsec!.ikeLifetime!.value, 4 * 3600);
  assert.equal(endpointOf(conn('    reauth_time = 3h')).ipsec!.ikeLifetime!.value, 3 * 3600);
});

test('the release: a directive beats the setting, which beats the default; the rule is on the endpoint', () => {
  assert.deepEqual(endpointOf(conn('')).version, { value: '5.9.8', source: 'default', rule: 'no directive or setting: strongSwan 5.9.8 (Debian 12) assumed' });
  assert.match(endpointOf(conn(''), { versions: { strongswan: '6.0' } }).version!.rule!, /tunnelLens\.strongswanVersion = 6\.0 \(read as 6\.0\.6\)/);
  const d = endpointOf(conn('', '', '# tunnel-lens: strongswan 6.0.1\n'), { versions: { strongswan: '5.9.8' } });
  assert.equal(d.version!.value, '6.0.1');
  assert.equal(d.version!.source, 'written');
});

test('IKE version: 0 (the default) answers both and initiates IKEv2; 1 and 2 are themselves', () => {
  const any = endpointOf(conn('')).ipsec!;
  assert.equal(any.ikeVersion!.value, 'either');
  assert.equal(any.initiatesIkeVersion!.value, 2);
  assert.equal(endpointOf(conn('    version = 1')).ipsec!.ikeVersion!.value, 1);
});

test('addresses: the first plain address of each list; %any, subnets and ranges give none; a name is kept', () => {
  const e = endpointOf('connections {\n  gw {\n    local_addrs = %any, 2001:DB8:A::1\n    remote_addrs = 10.0.0.0/8, 192.0.2.5-192.0.2.9, vpn.example.org\n  }\n}\n');
  assert.equal(e.local!.value, '2001:db8:a::1');
  assert.equal(e.family!.value, 'ipv6');
  assert.equal(e.remote!.value, 'vpn.example.org');
});

test('modes: transport_proxy is transport; pass and drop children are shunts without an endpoint', () => {
  assert.equal(endpointOf(conn('', '        mode = transport_proxy')).ipsec!.mode!.value, 'transport');
  const r = analyse({ [F]: conn('', '        mode = pass') });
  assert.deepEqual(r.service.parse(r.uri(F))!.endpoints, []);
});

test('several children: one endpoint each, named conn/child, each with its own mode', () => {
  const r = analyse({ [F]: 'connections {\n  gw {\n    remote_addrs = 192.0.2.2\n    children {\n      a {\n        mode = transport\n      }\n      b {\n      }\n    }\n  }\n}\n' });
  const es = r.service.parse(r.uri(F))!.endpoints;
  assert.deepEqual(es.map((e) => [e.name, e.ipsec!.mode!.value]), [['gw/a', 'transport'], ['gw/b', 'tunnel']]);
});

test('traffic selectors: dynamic[gre] is GRE between the outer addresses', () => {
  const ts = endpointOf(conn('', '        local_ts = dynamic[gre]\n        remote_ts = dynamic[gre]')).ipsec!.trafficSelector!.value;
  assert.deepEqual(ts, { protocol: 47, localPort: undefined, remotePort: undefined, localSubnets: ['192.0.2.1/32'], remoteSubnets: ['192.0.2.2/32'] });
  const nets = endpointOf(conn('', '        local_ts = 10.1.0.0/24[tcp/https]\n        remote_ts = 10.2.0.0/16')).ipsec!.trafficSelector!.value;
  assert.deepEqual([nets.protocol, nets.localPort, nets.localSubnets, nets.remoteSubnets], [6, 443, ['10.1.0.0/24'], ['10.2.0.0/16']]);
});

test('auth: the first round by `round`; psk, pubkey/rsa, eap-*; a local round without auth is pubkey', () => {
  const e = endpointOf(conn('    local-2 {\n      round = 2\n      auth = eap-mschapv2\n    }\n    local-1 {\n      round = 1\n      auth = rsa-sha256\n    }\n    remote {\n      auth = eap-tls\n    }'));
  assert.equal(e.ipsec!.authLocal!.value, 'rsasig');
  assert.equal(e.ipsec!.authRemote!.value, 'eap');
  const d = endpointOf(conn(''));
  assert.equal(d.ipsec!.authLocal!.value, 'pubkey');
  assert.equal(d.ipsec!.authLocal!.source, 'default');
  assert.equal(d.ipsec!.authRemote, undefined, 'a remote round without auth accepts any method');
});

const IOS = (key: string) => `! R1\nversion 15.7\nhostname R1\n!\ncrypto ikev2 proposal P\n encryption aes-cbc-128\n integrity sha1\n group 14\n!\ncrypto ikev2 policy POL\n proposal P\n!\ncrypto ikev2 keyring KR\n peer L\n  address 192.0.2.1\n  pre-shared-key ${key}\n !\n!\ncrypto ikev2 profile PR\n match identity remote address 192.0.2.1 255.255.255.255\n identity local address 192.0.2.2\n authentication remote pre-share\n authentication local pre-share\n keyring local KR\n!\ncrypto ipsec transform-set TS esp-aes esp-sha-hmac\n!\ncrypto map CMAP 10 ipsec-isakmp\n set peer 192.0.2.1\n set transform-set TS\n set ikev2-profile PR\n match address ACL\n!\ninterface GigabitEthernet0/0\n ip address 192.0.2.2 255.255.255.0\n crypto map CMAP\n!\nip access-list extended ACL\n permit ip host 192.0.2.2 host 192.0.2.1\n!\nend\n`;
const SWAN = (secrets: string) =>
  `connections {\n  gw {\n    version = 2\n    local_addrs = 192.0.2.1\n    remote_addrs = 192.0.2.2\n    proposals = aes128-sha1-modp2048\n    rekey_time = 24h\n    local {\n      auth = psk\n    }\n    remote {\n      auth = psk\n    }\n    children {\n      c {\n        esp_proposals = aes128-sha1\n      }\n    }\n  }\n}\nsecrets {\n${secrets}}\n`;
const pair = (secrets: string, iosKey = 'k3y-0ne'): Analysed => analyse({ '/site/tunnel-lens.json': '{"pairs": []}', '/site/linux/swanctl.conf': SWAN(secrets), '/site/cisco/r1-confg': IOS(iosKey) });

test('PSK from the secrets section: the one whose ids match best, compared with the IOS key by digest, never shown', () => {
  // Both ids (the addresses, the default ids) beat one id, which beats none; on a tie the last one counts.
  const same = pair('  ike-any {\n    secret = wrong-1\n  }\n  ike-me {\n    id = 192.0.2.1\n    secret = wrong-2\n  }\n  ike-both {\n    id-a = 192.0.2.1\n    id-b = 192.0.2.2\n    secret = k3y-0ne\n  }\n');
  expectNoFinding(same, 'psk-mismatch');
  const other = pair('  ike-both {\n    id-a = 192.0.2.1\n    id-b = 192.0.2.2\n    secret = "k3y-tw0"\n  }\n');
  const f = expectFinding(other, 'psk-mismatch', undefined, '/site/linux/swanctl.conf');
  assert.equal(f.range.start.line, 24, 'on the secret line of ike-both');
  assert.ok(!JSON.stringify(other.findings).includes('k3y-tw0') && !JSON.stringify(other.findings).includes('k3y-0ne'));
  // 0x hex is the same bytes as the text.
  expectNoFinding(pair('  ike-1 {\n    secret = 0x6b33792d306e65\n  }\n'), 'psk-mismatch');
});

test('optional PFS (NONE among the ESP key exchanges) matches a peer without PFS; a key exchange alone does not', () => {
  const withPfs = (esp: string) => analyse({ '/site/tunnel-lens.json': '{"pairs": []}', '/site/linux/swanctl.conf': SWAN('  ike-1 {\n    secret = k3y-0ne\n  }\n').replace('aes128-sha1\n', `${esp}\n`), '/site/cisco/r1-confg': IOS('k3y-0ne') });
  expectFinding(withPfs('aes128-sha1-modp2048'), 'pfs-mismatch');
  expectNoFinding(withPfs('aes128-sha1-modp2048-none'), 'pfs-mismatch');
  expectNoFinding(withPfs('aes128-sha1-modp2048, aes128-sha1'), 'pfs-mismatch');
});
