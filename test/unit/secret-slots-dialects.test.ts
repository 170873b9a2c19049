// The tables of secret slots of cisco-ios, swanctl-conf, netplan and ifupdown (issue 17): a hover
// on a secret names its slot and hides the value, symbols and findings never carry it, and the
// dialect's secretValues() (the redactor's list) holds it. A GRE key keeps showing. The marker test
// (test/protocol/secret-markers.test.ts) plants a secret in every row; these pin each dialect's
// reading on a few lines.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyse } from '../helpers/analyse';
import { dialectById } from '../../server/src/languages';
import type { LanguageId } from '../../server/src/core/types';
import { parseIos } from '../../server/src/languages/cisco-ios/parser';
import { iosSecretsOf } from '../../server/src/languages/cisco-ios/secrets';
import { swanctlSecretSlot } from '../../server/src/languages/swanctl-conf/secrets';
import { netplanSecretSlot } from '../../server/src/languages/netplan/secrets';
import { ifupdownSecretSlot } from '../../server/src/languages/ifupdown/secrets';

const HIDDEN = /is a secret and is hidden/;

/** Analyses one file whose secrets are marked `<|…|>`; checks hover, symbols, findings and secretValues for each. */
function holdsSecrets(path: string, dialect: LanguageId, text: string): { json: (v: unknown) => string; hover: (line: number, character: number) => string; uri: string } {
  const r = analyse({ [path]: text });
  const uri = r.uri(path);
  const m = r.marks[path];
  const file = r.service.parse(uri)!;
  assert.equal(file.languageId, dialect);
  const values = dialectById(dialect)!.secretValues!(file);
  const symbols = JSON.stringify(r.service.symbols(uri));
  const findings = JSON.stringify(r.service.findings(uri));
  const lines = m.text.split('\n');
  assert.ok(m.ranges.length > 0);
  for (const range of m.ranges) {
    const secret = lines[range.start.line].slice(range.start.character, range.end.character);
    assert.ok(values.some((v) => v.includes(secret)), `${secret} is among the secret values`);
    assert.ok(!symbols.includes(secret), `${secret} is in no symbol`);
    assert.ok(!findings.includes(secret), `${secret} is in no finding`);
    for (const character of [range.start.character, range.end.character - 1]) {
      const h = JSON.stringify(r.service.hover(uri, { line: range.start.line, character }) ?? '');
      assert.match(h, HIDDEN, `the hover at ${range.start.line}:${character} says the value is hidden`);
      assert.ok(!h.includes(secret), `the hover at ${range.start.line}:${character} hides ${secret}`);
    }
  }
  return { json: (v) => JSON.stringify(v), hover: (line, character) => JSON.stringify(r.service.hover(uri, { line, character }) ?? ''), uri };
}

test('cisco-ios: pre-shared keys, passwords, communities and keys are hidden and given to the redactor; the GRE key shows', () => {
  const f = holdsSecrets('/r/r1-confg', 'cisco-ios', [
    'version 15.7',
    'enable secret 9 <|$9$enableHash|>',
    'username admin privilege 15 secret 5 <|$1$userHash|>',
    'crypto isakmp key 0 <|isakmpKey!1|> address 192.0.2.2',
    'crypto keyring KR',
    ' pre-shared-key address 192.0.2.3 key 7 <|0822455D0A16|>',
    'crypto ikev2 keyring K2',
    ' peer P',
    '  address 192.0.2.4',
    '  pre-shared-key local <|ikev2LocalKey|>',
    'snmp-server community <|communityWord|> RO',
    'key chain KC',
    ' key 1',
    '  key-string 7 <|keyStringText|>',
    'interface Tunnel1',
    ' tunnel source 192.0.2.1',
    ' tunnel destination 192.0.2.4',
    ' tunnel key 31415926',
    'crypto isakmp key <|lonelyKeyWord|>',
    'end',
    '',
  ].join('\n'));
  assert.match(f.hover(17, 13), /31415926/);
});

test('cisco-ios: the table finds the secret after its key type, and leaves a GRE key and a key chain number alone', () => {
  const t = parseIos([
    'crypto isakmp key 6 K6 address 192.0.2.2',
    'enable secret level 5 5 L5',
    'snmp-server user U G v3 auth sha A1 priv aes 128 P1',
    'username u password two words',
    'interface Tunnel1',
    ' tunnel key 7',
    'key chain KC',
    ' key 1',
    'crypto isakmp key 7',
    '',
  ].join('\n'));
  const got = t.nodes.map((n) => iosSecretsOf(n).map((h) => `${h.slot.id}=${h.tokens.map((x) => x.text).join(' ')}`));
  assert.deepEqual(got, [
    ['cisco-ios/isakmp-key=K6'],
    ['cisco-ios/enable=L5'],
    ['cisco-ios/snmp-community=A1', 'cisco-ios/snmp-community=P1'],
    ['cisco-ios/username=two words'],
    [],
    [],
    [],
    [],
    ['cisco-ios/isakmp-key=7'],
  ]);
});

test('cisco-ios: a malformed key line is reported by its position and the key\'s shape, never its text', () => {
  const r = analyse({ '/r/r2-confg': 'version 15.7\n<|crypto isakmp key lonelyKey77|>\ncrypto keyring KR\n pre-shared-key address 192.0.2.3 <|keyWordless9|>\nend\n' });
  const uri = r.uri('/r/r2-confg');
  const m = r.marks['/r/r2-confg'];
  const found = r.service.findings(uri).filter((x) => x.code === 'invalid-value');
  assert.deepEqual(found.map((x) => x.range), [
    { start: { line: 1, character: 18 }, end: { line: 1, character: 29 } },
    { start: { line: 3, character: 34 }, end: { line: 3, character: 46 } },
  ]);
  assert.equal(m.ranges.length, 2);
  assert.match(found[0].message, /address.*hostname.*\(the key is hidden: 11 characters\)/);
  assert.match(found[1].message, /`key KEY` .* \(the key is hidden: 12 characters\)/);
  assert.ok(!JSON.stringify(found).includes('lonelyKey77') && !JSON.stringify(found).includes('keyWordless9'));
  assert.ok(!r.service.findings(uri).some((x) => x.code === 'invalid-value' && x.range.start.line === 0));
});

test('swanctl-conf: shared secrets, passphrases, PINs and the rest of `secrets` are hidden; ids and key files show', () => {
  holdsSecrets('/s/swanctl/swanctl.conf', 'swanctl-conf', [
    'secrets {',
    '  ike-1 {',
    '    id = moon.example',
    '    secret = <|0xdeadbeefcafe|>',
    '  }',
    '  rsa-1 {',
    '    file = moon.pem',
    '    secret = <|passphraseText|>',
    '  }',
    '  token-1 {',
    '    handle = 01',
    '    pin = <|123456789|>',
    '  }',
    '}',
    '',
  ].join('\n'));
  assert.equal(swanctlSecretSlot(['secrets', 'ike-1'], 'secret')?.id, 'swanctl-conf/shared-secret');
  assert.equal(swanctlSecretSlot(['secrets', 'pkcs12-a'], 'secret')?.id, 'swanctl-conf/key-passphrase');
  assert.equal(swanctlSecretSlot(['secrets', 'token-a'], 'pin')?.id, 'swanctl-conf/token-pin');
  assert.equal(swanctlSecretSlot(['secrets', 'ike-1'], 'id-moon'), undefined);
  assert.equal(swanctlSecretSlot(['secrets', 'rsa-1'], 'file'), undefined);
  assert.equal(swanctlSecretSlot(['connections', 'gw', 'local'], 'id'), undefined);
});

test('swanctl-conf: a malformed secret line goes to the redactor whole', () => {
  const r = analyse({ '/s/swanctl/swanctl.conf': 'secrets {\n  ike-1 {\n    secret brokenSecretWord\n  }\n}\n' });
  const uri = r.uri('/s/swanctl/swanctl.conf');
  assert.ok(r.service.findings(uri).some((x) => x.code === 'syntax-error'));
  assert.ok(!JSON.stringify(r.service.findings(uri)).includes('brokenSecretWord'));
  assert.ok(dialectById('swanctl-conf')!.secretValues!(r.service.parse(uri)!).includes('brokenSecretWord'));
});

test('netplan: Wi-Fi and 802.1X passwords, WireGuard private and shared keys are hidden; a GRE key shows', () => {
  const f = holdsSecrets('/e/netplan/01.yaml', 'netplan', [
    'network:',
    '  version: 2',
    '  wifis:',
    '    wl0:',
    '      access-points:',
    '        home:',
    '          password: <|wifiPassword|>',
    '  ethernets:',
    '    eth0:',
    '      auth:',
    '        key-management: 802.1x',
    '        password: <|eapPassword|>',
    '  tunnels:',
    '    wg0:',
    '      mode: wireguard',
    '      key: <|wgPrivateKeyBase64=|>',
    '      peers:',
    '        - keys:',
    '            public: cGVlcnB1YmxpY2tleQ==',
    '            shared: <|wgSharedKeyBase64=|>',
    '    gre1:',
    '      mode: gre',
    '      local: 192.0.2.1',
    '      remote: 192.0.2.2',
    '      key: 31415926',
    '',
  ].join('\n'));
  assert.ok(!HIDDEN.test(f.hover(24, 12)), 'the GRE key is no secret');
  assert.equal(netplanSecretSlot(['network', 'tunnels', 'gre1', 'key'], 'gre', '31415926'), undefined);
  assert.equal(netplanSecretSlot(['network', 'tunnels', 'wg1', 'keys', 'private'], 'wireguard', 'x')?.id, 'netplan/wireguard-private-key');
  assert.equal(netplanSecretSlot(['network', 'tunnels', 'wg1', 'keys', 'private-key-flags'], 'wireguard', 'x'), undefined);
});

test('ifupdown: wpa_supplicant and wireless-tools secrets are hidden; ip xfrm keys of a pre-up line go to the redactor', () => {
  holdsSecrets('/e/network/interfaces', 'ifupdown', [
    'auto wlan0',
    'iface wlan0 inet dhcp',
    '    wpa-ssid home',
    '    wpa-psk <|wpaPskValue1|>',
    '    wpa-password <|eapPassword2|>',
    '    wireless-key <|wepKeyValue3|>',
    '',
  ].join('\n'));
  const r = analyse({ '/e/network/interfaces': "iface eth0 inet manual\n    pre-up ip xfrm state add src 192.0.2.1 dst 192.0.2.2 proto esp spi 0x100 mode transport enc 'cbc(aes)' 0xa1b2c3d4e5f6a7b8\n" });
  const uri = r.uri('/e/network/interfaces');
  assert.ok(dialectById('ifupdown')!.secretValues!(r.service.parse(uri)!).includes('0xa1b2c3d4e5f6a7b8'));
  assert.equal(ifupdownSecretSlot('wpa-wep-key2')?.id, 'ifupdown/wpa-wep-key');
  assert.equal(ifupdownSecretSlot('tunnel-key'), undefined);
  assert.equal(ifupdownSecretSlot('wpa-ssid'), undefined);
});
