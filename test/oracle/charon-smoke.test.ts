// The charon oracle helper (test/helpers/charon.ts) against the recorded verdicts of
// shared/corpus/strongswan-swanctl/ORACLE-charon-5.9.8.tsv: one file of every verdict class, plus
// the helper's own promises (text input, line numbers, secrets redacted, exactly its PID stopped).
// By hand, the same comparison over all 921 rows of the TSV agreed on every row.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '../helpers/corpus';
import { startCharon, type Charon } from '../helpers/charon';

const DIR = corpusDir('strongswan-swanctl');

interface Row {
  file: string;
  cls: string;
  line: string;
  loaded: number;
  failed: number;
  reason: string;
}
const ORACLE = new Map<string, Row>(
  readFileSync(join(DIR, 'ORACLE-charon-5.9.8.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .map(([file, cls, line, loaded, failed, reason]) => [
      file,
      { file, cls, line, loaded: Number(loaded), failed: Number(failed), reason },
    ]),
);

const FILES = [
  'testing__tests__ikev2__net2net-psk__hosts__moon__etc__swanctl__swanctl.conf', // ACCEPT, secrets
  'testing__tests__ikev2__net2net-cert__hosts__moon__etc__swanctl__swanctl.conf', // ACCEPT, certs= placeholders
  'testing__tests__ikev2__net2net-pkcs12__hosts__moon__etc__swanctl__swanctl.conf', // ACCEPT, pkcs12 under its secret
  '_trees/testing__tests__ikev2__start-action-start__hosts__moon__etc__swanctl/swanctl.conf', // include conf.d/*.conf
  'testing__tests__ikev2__per-cpu-sas__hosts__moon__etc__swanctl__swanctl.conf', // a 6.x option: CONN_ERROR
  'testing__tests__ikev2__rw-mlkem__hosts__moon__etc__swanctl__swanctl.conf', // ML-KEM proposal: CONN_ERROR
  'mut__ikev2-net2net-psk-moon__esp-proposals-bogus.conf',
  'mut__ikev2-net2net-psk-moon__second-conn-broken.conf',
  'mut__ikev2-net2net-psk-moon__extra-close-brace.conf', // REJECT_SYNTAX with a line
  'mut__ikev2-net2net-psk-moon__missing-close-brace.conf', // REJECT_SYNTAX at end of file, no line
  'mut__ikev2-net2net-psk-moon__unterminated-quote.conf',
  'mut__ikev2-net2net-psk-moon__include-missing.conf', // a warning only
  'mut__ikev2-net2net-psk-moon__no-connections.conf',
  'mut__ikev2-ip-pool-moon__pool-unknown-option.conf', // LOAD_ABORTED
];

let charon: Charon;
before(async () => {
  charon = await startCharon();
});
after(async () => {
  await charon?.stop();
});

test('the oracle is charon 5.9.8, answering on its private socket', () => {
  assert.equal(charon.version, '5.9.8', 'ORACLE-charon-5.9.8.tsv was recorded with Debian 12 strongSwan 5.9.8');
  assert.ok(charon.pid > 0);
});

for (const file of FILES) {
  test(`verdict of ${file} matches the recorded oracle`, async () => {
    const want = ORACLE.get(file);
    assert.ok(want, `${file} has a row in ORACLE-charon-5.9.8.tsv`);
    const got = await charon.load(join(DIR, file));
    assert.equal(got.verdict, want.cls, got.raw);
    assert.equal(String(got.syntaxError?.line ?? ''), want.line, got.raw);
    assert.equal(got.conns.filter((c) => c.loaded).length, want.loaded, got.raw);
    assert.equal(got.conns.filter((c) => !c.loaded).length, want.failed, got.raw);
    if (want.cls === 'CONN_ERROR') {
      const reason = got.conns
        .filter((c) => !c.loaded)
        .map((c) => `${c.name}: ${c.error}`)
        .join(' | ');
      assert.equal(reason, want.reason);
    }
  });
}

test('text input: a syntax error names its line; an earlier load does not leak into the next', async () => {
  const bad = await charon.load({ text: 'connections {\n  gw {\n    remote_addrs 192.0.2.2\n  }\n}\n' });
  assert.equal(bad.verdict, 'REJECT_SYNTAX');
  assert.equal(bad.syntaxError?.line, 3);
  assert.equal(bad.rc, 0, 'swanctl 5.9.8 exits 0 on a syntax error');
  const ok = await charon.load({
    text: 'connections {\n  a {\n    remote_addrs = 192.0.2.2\n    local {\n      auth = psk\n    }\n    remote {\n      auth = psk\n    }\n    children {\n      c {\n        esp_proposals = aes128-sha256-modp2048\n      }\n    }\n  }\n}\n',
  });
  assert.equal(ok.verdict, 'ACCEPT');
  assert.deepEqual(ok.conns, [{ name: 'a', loaded: true }]);
});

test('secret values never appear in the output', async () => {
  const secret = 'tl-oracle-s3cr3t-value';
  const r = await charon.load({
    text: `secrets {\n  ike-1 {\n    id = 192.0.2.2\n    secret = "${secret}"\n  }\n}\nconnections {\n  a {\n    version = bogus\n  }\n}\n`,
  });
  assert.equal(r.verdict, 'CONN_ERROR');
  assert.match(r.raw, /loaded ike secret 'ike-1'/);
  assert.ok(!r.raw.includes(secret));
});

test('a second daemon runs beside the first, and stop() ends exactly its PID', async () => {
  const other = await startCharon();
  assert.notEqual(other.pid, charon.pid);
  const r = await other.load({ text: 'connections {\n  x {\n    children {\n      c {\n        mode = iptfs\n      }\n    }\n  }\n}\n' });
  assert.equal(r.verdict, 'CONN_ERROR');
  assert.equal(r.conns[0]?.error, 'invalid value for: mode, config discarded');
  await other.stop();
  assert.throws(() => process.kill(other.pid, 0), /ESRCH/);
  process.kill(charon.pid, 0); // the first one is still there
});
