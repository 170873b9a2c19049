// The mode-stack parser: show-run indentation, config-mode pastes with `exit`, abbreviations,
// `no`/`default`, comments, banners, certificate blocks, header noise and `end`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIos } from '../../server/src/languages/cisco-ios/parser';
import { extract } from '../../server/src/languages/cisco-ios/extract/roots';
import { canonicalInterface } from '../../server/src/languages/cisco-ios/words';
import { parseText, errors } from '../fixtures/cisco-ios/parse';

test('show-run indentation: children, grandchildren, and `!` closing sections', () => {
  const t = parseIos([
    'crypto ikev2 keyring KR',
    ' peer P1',
    '  address 192.0.2.1',
    ' !',
    ' peer P2',
    '  address 192.0.2.2',
    '!',
    'interface Tunnel1',
    ' tunnel source 192.0.2.9',
  ].join('\n'));
  assert.equal(t.roots.length, 2);
  const kr = t.roots[0];
  assert.equal(kr.opens, 'ikev2-keyring');
  assert.deepEqual(kr.children.map((c) => c.args[0].text), ['P1', 'P2']);
  assert.equal(kr.children[1].children[0].mode, 'ikev2-keyring-peer');
  assert.equal(t.roots[1].children[0].path.join(' '), 'tunnel source');
});

test('config-mode paste: unindented children and `exit` leave exactly one mode', () => {
  const cfg = extract(parseIos([
    'crypto ikev2 proposal pr1',
    'encryption aes-cbc-256',
    'integrity sha256',
    'group 14',
    'exit',
    'crypto ikev2 keyring kr1',
    'peer p1',
    'address 1.1.1.1',
    'pre-shared-key tester',
    'exit',
    'peer p2',
    'address 1.1.1.2',
    'exit',
    'exit',
    'interface gigabit1',
    'ip address 1.1.1.2 255.255.255.0',
    'ip route 0.0.0.0 0.0.0.0 1.1.1.1',
    'hostname R1',
  ].join('\n')));
  const pr = cfg.ikev2Proposals.get('pr1')!;
  assert.deepEqual(pr.encryption.map((w) => w.text), ['aes-cbc-256']);
  assert.deepEqual(pr.group.map((w) => w.text), ['14']);
  assert.deepEqual(cfg.ikev2Keyrings.get('kr1')!.peers.map((p) => [p.name, p.addresses]), [['p1', ['1.1.1.1/32']], ['p2', ['1.1.1.2/32']]]);
  const g = cfg.interfaces.get('GigabitEthernet1')!;
  assert.equal(g.ipv4[0].address, '1.1.1.2');
  // `ip route` is a global command: it left interface mode, and `hostname` is global too.
  assert.equal(cfg.hostname?.text, 'R1');
});

test('unique-prefix abbreviations: int tun 1, tunnel destin, encr, ip addr, int range', () => {
  const cfg = extract(parseIos([
    'int tun 1',
    ' tunnel source 1.1.1.2',
    ' tunnel destin 1.1.4.3',
    ' tun mod gre ipv6',
    ' ip addr 172.17.1.11 255.255.255.0',
    'cry isa pol 10',
    ' encr aes 256',
    ' hash sha256',
    ' auth pre-share',
    ' gro 14',
    'int range tun 0-1',
    ' tunnel protection ipsec profile P',
  ].join('\n')));
  const t1 = cfg.interfaces.get('Tunnel1')!;
  assert.equal(t1.tunnelDestination?.text, '1.1.4.3');
  assert.deepEqual(t1.tunnelMode?.words, ['gre', 'ipv6']);
  assert.equal(t1.ipv4[0].prefixLength, 24);
  assert.equal(t1.protection?.name, 'P');
  assert.equal(cfg.interfaces.get('Tunnel0')!.protection?.name, 'P');
  const pol = cfg.isakmpPolicies[0];
  assert.deepEqual(pol.encryption?.map((w) => w.text), ['aes', '256']);
  assert.equal(pol.hash?.text, 'sha256');
  assert.equal(pol.group?.text, '14');
  assert.equal(canonicalInterface('Gi0/0.10'), 'GigabitEthernet0/0.10');
  assert.equal(canonicalInterface('lo0'), 'Loopback0');
});

test('`no` and `default` forms unset attributes', () => {
  const cfg = extract(parseIos([
    'crypto ipsec transform-set TS esp-aes esp-sha-hmac',
    ' mode transport',
    ' no mode transport',
    'interface Tunnel5',
    ' tunnel mode gre ipv6',
    ' default tunnel mode',
    ' tunnel key 5',
    ' no tunnel key',
  ].join('\n')));
  assert.equal(cfg.transformSets.get('TS')!.mode, undefined);
  const t = cfg.interfaces.get('Tunnel5')!;
  assert.equal(t.tunnelMode, undefined);
  assert.equal(t.tunnelKey, undefined);
});

test('`!` and `#` start comments only at the start of a line; a `!` inside a line is data', () => {
  const f = parseText([
    '# a hash comment',
    'crypto isakmp key CR1T1CALP3SS! address 192.0.2.1',
    'crypto keyring KR',
    '  pre-shared-key address 192.0.2.2 key Passw0rd!',
    'crypto isakmp profile IP',
    ' keyring KR',
    ' match identity address 192.0.2.2 255.255.255.255',
  ].join('\n'));
  const cfg = f.tree.cfg;
  assert.equal(cfg.isakmpKeys.length, 1);
  assert.equal(cfg.isakmpKeys[0].address, '192.0.2.1/32');
  assert.equal(cfg.keyrings.get('KR')!.keys[0].address, '192.0.2.2/32');
  // Digests differ because the keys differ, and neither is the key text.
  const d1 = cfg.isakmpKeys[0].secret.digest!;
  const d2 = cfg.keyrings.get('KR')!.keys[0].secret.digest!;
  assert.notEqual(d1, d2);
  assert.ok(!d1.includes('CR1T1CAL') && !d2.includes('Passw0rd'));
});

test('banners with ^C, with another delimiter, and on one line never become configuration', () => {
  const text = [
    'banner motd ^C',
    'interface Tunnel9',
    ' tunnel mode gre ip',
    ' tunnel destination 2001:db8::9',
    'crypto ipsec transform-set BAD esp-aes-128',
    'end',
    '^C',
    'banner login #Line one',
    'crypto map X 10 ipsec-isakmp#',
    'banner exec ^CFirst line.^Cignored text',
    'hostname after-banners',
  ].join('\n');
  const f = parseText(text);
  assert.equal(f.tree.cfg.interfaces.size, 0);
  assert.equal(f.tree.cfg.transformSets.size, 0);
  assert.equal(f.tree.cfg.cryptoMaps.length, 0);
  assert.equal(f.findings.length, 0);
  assert.equal(f.tree.cfg.hostname?.text, 'after-banners');
  assert.deepEqual(f.tree.parse.blocks.map((b) => [b.kind, b.startLine, b.endLine]), [['banner', 0, 6], ['banner', 7, 8], ['banner', 9, 9]]);
  assert.ok(f.folding.some((r) => r.startLine === 0 && r.endLine === 6));
});

test('certificate and key-string blocks are skipped up to quit', () => {
  const f = parseText([
    'crypto pki certificate chain TP',
    ' certificate ca 01',
    '  30820122 300D0609 2A864886 F70D0101',
    '  crypto 0A',
    '  quit',
    'crypto key pubkey-chain rsa',
    ' named-key R2',
    '  key-string',
    '   305C300D 06092A86',
    '  quit',
    'hostname R1',
  ].join('\n'));
  // "crypto 0A" is not hex; the block ends before it — but it is still inside the cert chain mode
  // and is not a modeled command, so it yields nothing.
  assert.equal(f.findings.length, 0);
  assert.equal(f.tree.cfg.hostname?.text, 'R1');
  assert.ok(f.tree.parse.blocks.some((b) => b.kind === 'key-string' && b.startLine === 7 && b.endLine === 9));
});

test('header noise, version and end', () => {
  const f = parseText([
    'Building configuration...',
    '',
    'Current configuration : 1234 bytes',
    '!',
    'version 15.7',
    'hostname R1',
    'end',
    'interface Tunnel1',
    ' tunnel source 192.0.2.1',
  ].join('\n'));
  assert.equal(f.tree.cfg.version?.text, '15.7');
  assert.equal(f.tree.cfg.interfaces.size, 0, 'nothing after end is configuration');
  assert.deepEqual(errors(f), []);
});

test('unmodeled sections (BGP, QoS, VRF) never produce findings', () => {
  const f = parseText([
    'vrf definition CUST',
    ' rd 65000:1',
    ' address-family ipv4',
    ' exit-address-family',
    'class-map match-any VOICE',
    ' match ip dscp ef',
    'policy-map WAN',
    ' class VOICE',
    '  priority percent 30',
    'router bgp 65000',
    ' neighbor 192.0.2.1 remote-as 65001',
    ' address-family ipv4 vrf CUST',
    '  neighbor 192.0.2.1 activate',
    ' exit-address-family',
    'interface GigabitEthernet0/0',
    ' vrf forwarding CUST',
    ' service-policy output WAN',
    ' ip address 192.0.2.2 255.255.255.0',
    'aaa group server tacacs+ T',
    ' group tacacs+',
    'key chain K',
    ' key 1',
    '  key-string 7 0822455D0A16',
  ].join('\n'));
  assert.deepEqual(f.findings, []);
  assert.equal(f.tree.cfg.interfaces.get('GigabitEthernet0/0')!.ipv4[0].address, '192.0.2.2');
});
