// What charon says about keys and values of a swanctl.conf (docs/reference/swanctl-conf.md §2–§4),
// as the swanctl-conf checks report it: unknown options with did-you-mean, invalid values, what the
// target release lacks, references, weak algorithms; and what charon takes without a word
// (warnings, never errors). test/oracle/charon-swanctl.test.ts loads the same cases into charon.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyse, expectFinding, expectNoFinding } from '../helpers/analyse';
import { CASES, SWANCTL_PATH as F, caseFile as file } from '../helpers/swanctlCases';

const errorsOf = (text: string, settings = {}) => analyse({ [F]: text }, settings).findings.filter((f) => f.severity === 'error');

for (const [connKeys, childKeys, code, message] of CASES) {
  const label = (connKeys || childKeys).trim().replace(/\s+/g, ' ');
  test(`${label}: ${code ?? 'no error'}`, () => {
    const errors = errorsOf(file(connKeys, childKeys));
    if (!code) {
      assert.deepEqual(errors.map((e) => `${e.code}: ${e.message}`), []);
      return;
    }
    assert.ok(errors.some((e) => e.code === code), `expected ${code}, got ${JSON.stringify(errors.map((e) => e.code))}`);
    if (message) assert.ok(errors.some((e) => message.test(e.message)), errors.map((e) => e.message).join('\n'));
  });
}

test('version-incompatible: 6.x keys and values under the default target 5.9.8, none under 6.0; the message names the rule', () => {
  const text = file('', '        per_cpu_sas = encap\n        mode = iptfs\n        icmp = yes\n        esp_proposals = aes256gcm16-mlkem768-ke1_x25519', '');
  const old = errorsOf(text);
  assert.deepEqual(
    [...new Set(old.map((e) => e.code))],
    ['version-incompatible'],
    old.map((e) => e.message).join('\n'),
  );
  assert.ok(old.some((e) => /`per_cpu_sas` is new in strongSwan 6\.0\.2; the target strongSwan 5\.9\.8 \(no directive or setting: strongSwan 5\.9\.8 \(Debian 12\) assumed\)/.test(e.message)));
  assert.ok(old.some((e) => /'mlkem768' is new in strongSwan 6\.0\.0/.test(e.message)));
  assert.ok(old.some((e) => /'ke1_x25519'/.test(e.message)));
  assert.deepEqual(errorsOf(text, { versions: { strongswan: '6.0' } }), []);
  assert.deepEqual(errorsOf(`# tunnel-lens: strongswan 6.0.5\n${text}`), []);
  const early = errorsOf(`# tunnel-lens: strongswan 6.0.1\n${text}`);
  assert.ok(early.some((e) => /`per_cpu_sas` is new in strongSwan 6\.0\.2; the target strongSwan 6\.0\.1 \(the `# tunnel-lens: strongswan 6\.0\.1` directive on line 1\)/.test(e.message)));
});

test('release-dependent values: ocsp (5.9.14), hw_offload = packet (5.9.10); 5.9 as a setting is the newest 5.9', () => {
  const text = file('    ocsp = both', '        hw_offload = packet');
  assert.equal(errorsOf(text).filter((e) => e.code === 'version-incompatible').length, 2);
  assert.deepEqual(errorsOf(text, { versions: { strongswan: '5.9' } }), []);
  assert.deepEqual(errorsOf(text, { versions: { strongswan: '5.9.14' } }), []);
});

test('NTRU was removed in 6.0: fine for 5.9.8, refused for 6.0', () => {
  const text = file('    proposals = aes128-sha256-ntru128');
  assert.deepEqual(errorsOf(text), []);
  assert.match(errorsOf(text, { versions: { strongswan: '6.0' } })[0].message, /'ntru128' was removed in strongSwan 6\.0\.0/);
});

test('what charon 5.9.8 loads without a word is a warning, never an error', () => {
  for (const [keys, child, code, what] of [
    ['    version = 3', '', 'invalid-value', /IKE version 3 does not exist/],
    ['', '        local_ts = 10.1.0.0/33', 'invalid-value', /prefix length over 32/],
    ['', '        local_ts = 10.0.0.0/8 10.1.0.0/16', 'invalid-value', /separated by commas only/],
    ['', '        local_ts = %any', 'invalid-value', /0\.0\.0\.0\/32, not "everything"/],
    ['    local_addrs = 192.168.0.300', '', 'invalid-value', /host name/],
    ['    pools = nowhere', '', 'undefined-reference', /No pool `nowhere`/],
  ] as const) {
    const r = analyse({ [F]: file(keys, child) });
    assert.deepEqual(r.findings.filter((f) => f.severity === 'error'), [], keys || child);
    assert.match(expectFinding(r, code).message, what);
  }
});

test('weak-algorithm on written proposals, with the keyword\'s range', () => {
  const r = analyse({ [F]: file('    proposals = <|3des|>-sha1-<|modp1024|>') });
  const m = r.marks[F].ranges;
  assert.match(expectFinding(r, 'weak-algorithm', m[0]).message, /Sweet32/);
  assert.match(expectFinding(r, 'weak-algorithm', m[1]).message, /too small/);
  expectNoFinding(analyse({ [F]: file('') }), 'weak-algorithm');
});

test('pools: a defined pool is no undefined reference; an unknown pool attribute stops swanctl before the connections', () => {
  const ok = analyse({ [F]: file('    pools = p1, dhcp', '', 'pools {\n  p1 {\n    addrs = 10.3.0.0/24\n    dns = 10.1.0.53\n    25 = 0x01\n  }\n}\n') });
  expectNoFinding(ok, 'undefined-reference');
  assert.deepEqual(ok.findings.filter((f) => f.severity === 'error'), []);
  const bad = analyse({ [F]: 'pools {\n  p1 {\n    addrs = 10.3.0.0/24\n    <|bogus|> = 1\n  }\n}\n' });
  assert.match(expectFinding(bad, 'unknown-keyword', bad.marks[F].ranges[0]).message, /swanctl loads no connection after it/);
});

test('secrets: unsupported names and missing secrets are warnings; no value ever appears', () => {
  const key = 'Sup3r-S3cret-Value';
  const r = analyse({ [F]: `secrets {\n  <|psk-1|> {\n    secret = ${key}\n  }\n  ike-2 {\n    id = moon\n  }\n  ike-3 {\n    secrett = ${key}\n    secret = "${key}"\n  }\n}\n` });
  assert.match(expectFinding(r, 'unknown-keyword', r.marks[F].ranges[0]).message, /ignoring unsupported secret/);
  assert.match(expectFinding(r, 'config-ignored').message, /`ike-2` has no `secret`/);
  assert.match(expectFinding(r, 'unknown-keyword', { line: 8, character: 4 }).message, /Did you mean `secret`/);
  assert.ok(!JSON.stringify(r.findings).includes(key));
  assert.ok(!JSON.stringify(r.service.symbols(r.uri(F))).includes(key));
  for (let line = 0; line < 12; line++) for (const character of [4, 10, 14]) assert.ok(!JSON.stringify(r.service.hover(r.uri(F), { line, character })).includes(key));
});

test('unknown top-level sections are ignored (a warning with did-you-mean); a template others inherit from is not', () => {
  const r = analyse({ [F]: 'connection {\n}\nbase {\n  version = 2\n}\nconnections {\n  gw : base {\n  }\n}\n' });
  assert.match(expectFinding(r, 'unknown-keyword', { line: 0, character: 0 }).message, /Did you mean `connections`/);
  assert.equal(r.findings.filter((f) => f.code === 'unknown-keyword').length, 1);
});
