// `tunnel-lens fix` on every sample deployment: the codes it fixed are gone from `check`, a second
// run changes nothing, a created script is executable, --dry-run writes nothing, --only narrows,
// and the diff shows no secret.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../helpers/cli';

const SAMPLES = resolve(__dirname, '../../samples');

interface JsonFinding { code: string; file: string; fixes: { title: string }[] }
const check = (dir: string) => (JSON.parse(runCli(['check', '--format', 'json', dir]).stdout) as { findings: JsonFinding[] }).findings;

function copy(): string {
  const d = mkdtempSync(join(tmpdir(), 'tl-fix-'));
  cpSync(SAMPLES, d, { recursive: true });
  return d;
}

test('fix on every sample: the fixed codes are gone, and a second run changes nothing', () => {
  const d = copy();
  const before = check(d);
  const fixable = before.filter((f) => f.fixes.length > 0 && f.code !== 'pairing-ambiguous');
  assert.ok(fixable.length >= 20, `${fixable.length} fixable findings`);
  const r = runCli(['fix', d]);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  assert.match(r.stdout, /^\+\+\+ /m, 'a unified diff');
  const after = check(d);
  const left = after.filter((f) => fixable.some((x) => x.code === f.code && x.file === f.file));
  assert.deepEqual(left.map((f) => `${f.code} ${f.file}`), []);
  const again = runCli(['fix', d]);
  assert.equal(again.stdout, '', 'a second run changes nothing');
  assert.match(again.stderr, /fixed 0 finding\(s\) in 0 file\(s\)/);
  // The founding case's fix writes /sbin/ifup-local, which initscripts runs only when executable.
  const script = join(d, 'founding-case/linux/ifup-local');
  assert.equal(statSync(script).mode & 0o777, 0o755);
  assert.match(readFileSync(script, 'utf8'), /encaplimit none/);
  // The sample keys never show.
  for (const f of [r.stdout, r.stderr]) assert.doesNotMatch(f, /fake-sample-key|sample-psk/i);
});

test('--dry-run writes nothing; --only fixes one code', () => {
  const d = copy();
  const founding = join(d, 'founding-case');
  const dry = runCli(['fix', '--dry-run', founding]);
  assert.match(dry.stdout, /ifup-local/);
  assert.throws(() => statSync(join(founding, 'linux/ifup-local')));
  const other = runCli(['fix', '--only', 'mtu-mismatch', founding]);
  assert.equal(other.stdout, '');
  assert.throws(() => statSync(join(founding, 'linux/ifup-local')));
  const bad = runCli(['fix', '--only', 'no-such-code', founding]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--only takes a finding code/);
});
