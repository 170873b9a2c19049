// `npm start`'s tour (scripts/start.mjs, after the build): the founding finding, the fix, one count
// line per sample folder, the pointer to samples/README.md, about a screen, exit 0; and exit 1 with
// a word when the founding case is no longer found.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(__dirname, '../..');
const START = join(REPO, 'scripts/start.mjs');

function start(args: string[] = []) {
  const r = spawnSync(process.execPath, [START, ...args], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, lines: r.stdout.trimEnd().split('\n'), stdout: r.stdout, stderr: r.stderr };
}

const sampleDirs = (root: string) => readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory());

test('npm start: the founding case found, its fix shown, one count line per sample folder, the pointer, about a screen', () => {
  const r = start();
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.lines.length <= 45, `${r.lines.length} lines: more than a screen\n${r.stdout}`);
  assert.ok(r.lines.every((l) => l.length <= 220), 'no line runs on');
  assert.match(r.stdout, /on purpose/, 'says the errors are deliberate');

  // 1. the finding, on the Linux line that causes it, with the peers' lines.
  const finding = r.lines.findIndex((l) => /^ {3}samples\/founding-case\/linux\/ifcfg-tun10:8:6: error \[encaplimit-transport-interop\] /.test(l));
  assert.ok(finding > 0, r.stdout);
  assert.match(r.lines[finding + 1], /^ {7}samples\/founding-case\/linux\/ipsec\.conf:10:7: .*transport mode/);
  assert.match(r.lines[finding + 2], /^ {7}samples\/founding-case\/cisco\/c897va-confg:\d+:\d+: /);

  // 2. the fix, as the diff `fix --dry-run` prints, after the finding.
  const created = r.lines.findIndex((l) => l === '   +++ b/samples/founding-case/linux/ifup-local');
  assert.ok(created > finding, r.stdout);
  assert.ok(r.lines.includes('   +    ip link set dev tun10 type ip6gre encaplimit none'), r.stdout);
  assert.ok(r.lines.some((l) => /also offers: Switch both peers to ESP tunnel mode/.test(l)));

  // 3. one line per folder of samples/, each after the fix, with its counts.
  const dirs = sampleDirs(join(REPO, 'samples'));
  assert.ok(dirs.length >= 8 && dirs.includes('pairs'));
  for (const d of dirs) {
    const mine = r.lines.filter((l) => l.startsWith(`   ${d}/ `));
    assert.equal(mine.length, 1, `${d}: ${mine.join(' | ')}`);
    assert.ok(r.lines.indexOf(mine[0]) > created);
    assert.match(mine[0], /\d+ errors?|no findings/);
  }
  assert.match(r.lines.find((l) => l.startsWith('   founding-case/ '))!, /2 errors/);
  assert.match(r.lines.find((l) => l.startsWith('   fixed-by-script/ '))!, /no findings/);
  const deployments = readdirSync(join(REPO, 'samples/pairs'), { recursive: true }).filter((p) => String(p).endsWith('tunnel-lens.json')).length;
  assert.match(r.lines.find((l) => l.startsWith('   pairs/ '))!, new RegExp(`${deployments} deployments: \\d+ errors`));

  // The counts are the check's: the sum of the lines is what `check samples` reports.
  const check = spawnSync(process.execPath, [join(REPO, 'dist/cli.js'), 'check', 'samples'], { cwd: REPO, encoding: 'utf8' });
  const total = /: (\d+) error\(s\), (\d+) warning\(s\)/.exec(check.stdout)!;
  const sum = (re: RegExp) => r.lines.map((l) => Number(re.exec(l)?.[1] ?? 0)).reduce((a, b) => a + b, 0);
  assert.equal(sum(/ (\d+) errors?\b/), Number(total[1]));
  assert.equal(sum(/ (\d+) warnings?\b/), Number(total[2]));

  assert.ok(r.lines.findIndex((l) => l.includes('samples/README.md')) > created, 'the pointer comes at the end');
});

test('npm start says so, and exits 1, when the founding case is no longer found', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'tl-start-'));
  try {
    const samples = join(tmp, 'samples');
    cpSync(join(REPO, 'samples'), samples, { recursive: true });
    const conf = join(samples, 'founding-case/linux/ipsec.conf');
    const text = readFileSync(conf, 'utf8');
    assert.ok(text.includes('\ttype=transport'));
    writeFileSync(conf, text.replace('\ttype=transport', '\ttype=tunnel'));
    const r = start([samples]);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /NOT FOUND: no encaplimit-transport-interop finding on samples\/founding-case\/linux\/ifcfg-tun10/);
    assert.doesNotMatch(r.stdout, /\+\+\+ b\//, 'no fix shown for a case not found');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
