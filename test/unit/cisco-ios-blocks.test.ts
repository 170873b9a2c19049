// Every child line of an IOS block is read, whatever comes before it. The extractor once left a
// block at the first child it did not want (`return` where `continue` was meant), so a keyring
// whose first child is `local-address` had no keys and psk-mismatch could never fire. Each test
// puts such a child first and checks that the lines after it still reach the model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseText } from '../fixtures/cisco-ios/parse';
import { analyse, expectFinding, expectNoFinding } from '../helpers/analyse';

const cfgOf = (lines: string[]) => parseText(lines.join('\n')).tree.cfg;

test('crypto keyring: keys after local-address and after malformed pre-shared-key lines', () => {
  const kr = cfgOf([
    'crypto keyring KR',
    ' local-address GigabitEthernet0/0',
    ' pre-shared-key address 192.0.2.9',
    ' pre-shared-key address 192.0.2.8 key',
    ' no pre-shared-key address 192.0.2.7 key gone',
    ' pre-shared-key address 192.0.2.1 key fake-sample-key-1',
  ]).keyrings.get('KR')!;
  assert.deepEqual(kr.keys.map((k) => k.address), ['192.0.2.1/32']);
});

test('crypto isakmp profile: keyring, match identity and lifetime after a `no` line', () => {
  const p = cfgOf([
    'crypto isakmp profile IP',
    ' no keepalive',
    ' keyring KR',
    ' match identity address 192.0.2.1 255.255.255.255',
    ' lifetime 3600',
  ]).isakmpProfiles.get('IP')!;
  assert.deepEqual(p.keyrings.map((r) => r.name), ['KR']);
  assert.deepEqual(p.matchAddresses, ['192.0.2.1/32']);
  assert.equal(p.lifetime?.text, '3600');
});

test('crypto ikev2 policy: proposals and match address local after a `no` line', () => {
  const p = cfgOf(['crypto ikev2 policy POL', ' no match fvrf any', ' proposal PROP', ' match address local 203.0.113.1']).ikev2Policies.get('POL')!;
  assert.deepEqual(p.proposals.map((r) => r.name), ['PROP']);
  assert.deepEqual(p.matchLocal, ['203.0.113.1']);
});

test('crypto ikev2 keyring: peers after another child, and peer lines after a `no` line', () => {
  const kr = cfgOf([
    'crypto ikev2 keyring KR',
    ' description peers of the hub',
    ' peer LINUX',
    '  no hostname',
    '  address 192.0.2.1',
    '  pre-shared-key fake-sample-key-1',
    ' peer OTHER',
    '  address 192.0.2.2',
  ]).ikev2Keyrings.get('KR')!;
  assert.deepEqual(kr.peers.map((p) => [p.name, p.addresses, !!p.psk]), [
    ['LINUX', ['192.0.2.1/32'], true],
    ['OTHER', ['192.0.2.2/32'], false],
  ]);
});

test('crypto ikev2 profile: identities, authentication and keyring after a `no` line or a bare `authentication local`', () => {
  for (const first of [' no config-exchange request', ' authentication local']) {
    const p = cfgOf([
      'crypto ikev2 profile PROF',
      first,
      ' match identity remote address 192.0.2.1 255.255.255.255',
      ' identity local address 203.0.113.1',
      ' authentication remote pre-share',
      ' authentication local pre-share',
      ' keyring local KR',
      ' lifetime 3600',
    ]).ikev2Profiles.get('PROF')!;
    assert.deepEqual(p.matchRemote.map((w) => w.text), ['address 192.0.2.1 255.255.255.255'], first);
    assert.equal(p.identityLocal?.text, 'address 203.0.113.1', first);
    assert.deepEqual([p.authLocal.map((w) => w.text), p.authRemote.map((w) => w.text)], [['pre-share'], ['pre-share']], first);
    assert.equal(p.keyring?.name, 'KR', first);
    assert.equal(p.lifetime?.text, '3600', first);
  }
});

test('crypto ipsec transform-set: mode after a child that is not `mode`', () => {
  const ts = cfgOf(['crypto ipsec transform-set TS esp-aes esp-sha-hmac', ' padding random', ' mode transport']).transformSets.get('TS')!;
  assert.equal(ts.mode?.value, 'transport');
});

test('named access list: entries after a `no` line', () => {
  const acl = cfgOf(['ip access-list extended CRYPTO-1', ' no 5', ' permit gre host 203.0.113.1 host 192.0.2.1']).acls.get('CRYPTO-1')!;
  assert.deepEqual(acl.entries.map((e) => [e.action, e.protocol, e.src, e.dst]), [['permit', 47, '203.0.113.1/32', '192.0.2.1/32']]);
});

// The two cases of the issue, end to end: the keys now reach the peer comparison.

const LINUX_CONF = [
  'conn r1-gre',
  '\ttype=transport',
  '\tauthby=secret',
  '\tleft=192.0.2.1',
  '\tleftprotoport=gre',
  '\tright=203.0.113.1',
  '\trightprotoport=gre',
  '\tike=aes128-sha1;modp2048',
  '\tesp=aes128-sha1',
  '\tpfs=no',
  '\tauto=start',
  '',
].join('\n');

function iosIkev2(keyringFirst: string, profileFirst: string): string {
  return [
    'version 15.7',
    'hostname R1',
    'crypto ikev2 proposal PROP-1',
    ' encryption aes-cbc-128',
    ' integrity sha1',
    ' group 14',
    'crypto ikev2 policy POL-1',
    ' proposal PROP-1',
    'crypto ikev2 keyring KR-1',
    keyringFirst,
    ' peer LINUX',
    '  address 192.0.2.1',
    '  <|pre-shared-key fake-sample-key-1|>',
    'crypto ikev2 profile PROF-1',
    profileFirst,
    ' match identity remote address 192.0.2.1 255.255.255.255',
    ' identity local address 203.0.113.1',
    ' authentication remote pre-share',
    ' authentication local pre-share',
    ' keyring local KR-1',
    'crypto ipsec transform-set TS-1 esp-aes esp-sha-hmac',
    ' mode transport',
    'crypto map CMAP 10 ipsec-isakmp',
    ' set peer 192.0.2.1',
    ' set transform-set TS-1',
    ' set ikev2-profile PROF-1',
    ' match address CRYPTO-1',
    'interface GigabitEthernet0/0',
    ' ip address 203.0.113.1 255.255.255.0',
    ' crypto map CMAP',
    'ip access-list extended CRYPTO-1',
    ' permit gre host 203.0.113.1 host 192.0.2.1',
    'end',
  ].join('\n');
}

function withLinux(ios: string, linuxKey: string) {
  return analyse({
    '/site/cisco/r1-confg': ios,
    '/site/linux/ipsec.conf': LINUX_CONF,
    '/site/linux/ipsec.secrets': `192.0.2.1 203.0.113.1 : PSK "${linuxKey}"\n`,
  });
}

test('psk-mismatch: an IKEv2 keyring whose first child is local-address still yields its keys', () => {
  const r = withLinux(iosIkev2(' local-address GigabitEthernet0/0', ' description to the Linux host'), 'fake-sample-key-9');
  expectFinding(r, 'psk-mismatch', r.marks['/site/cisco/r1-confg'].ranges[0], '/site/cisco/r1-confg');
  expectNoFinding(withLinux(iosIkev2(' local-address GigabitEthernet0/0', ' description to the Linux host'), 'fake-sample-key-1'), 'psk-mismatch');
});

test('psk-mismatch: an IKEv2 profile whose first child is a `no` line keeps its identity, authentication and keyring', () => {
  const r = withLinux(iosIkev2(' description the keyring of the Linux host', ' no config-exchange request'), 'fake-sample-key-9');
  expectFinding(r, 'psk-mismatch', r.marks['/site/cisco/r1-confg'].ranges[0], '/site/cisco/r1-confg');
});

test('psk-mismatch between two routers: an IKEv1 crypto keyring whose first child is local-address', () => {
  const router = (name: string, peer: string, self: string, key: string[]) => [
    `hostname ${name}`,
    'crypto isakmp policy 10',
    ' encryption aes 256',
    ' hash sha256',
    ' authentication pre-share',
    ' group 14',
    ...key,
    'crypto ipsec transform-set TS-1 esp-aes 256 esp-sha256-hmac',
    'crypto ipsec profile IPSEC-1',
    ' set transform-set TS-1',
    'interface Tunnel0',
    ' ip address 10.0.12.1 255.255.255.252',
    ' tunnel source GigabitEthernet0/0',
    ` tunnel destination ${peer}`,
    ' tunnel protection ipsec profile IPSEC-1',
    'interface GigabitEthernet0/0',
    ` ip address ${self} 255.255.255.0`,
    'end',
  ].join('\n');
  const r = analyse({
    '/site/cisco/r1-confg': router('R1', '198.51.100.1', '203.0.113.1', ['crypto keyring KR', ' local-address GigabitEthernet0/0', ' <|pre-shared-key address 198.51.100.1 key fake-sample-key-3|>']),
    '/site/cisco/r2-confg': router('R2', '203.0.113.1', '198.51.100.1', ['crypto isakmp key fake-sample-key-4 address 203.0.113.1']),
  });
  expectFinding(r, 'psk-mismatch', r.marks['/site/cisco/r1-confg'].ranges[0], '/site/cisco/r1-confg');
});
