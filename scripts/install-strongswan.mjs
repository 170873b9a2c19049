#!/usr/bin/env node
// Installs strongSwan's charon-systemd and swanctl (Debian 12: 5.9.8) for the swanctl oracle tests.
//
// Debian's strongSwan packages conflict with the libreswan package *as packages* (both provide the
// IKE daemon), not as files, and the test machines need both. So, as the strongSwan corpus's recipe
// does (docs/reference/swanctl-conf.md §6), the .debs are downloaded with
// `apt-get download`, unpacked with `dpkg -x` and copied over / without overwriting anything
// (`cp -an`), then `ldconfig`. dpkg's database is not touched, so libreswan stays installed.
//
// Idempotent: does nothing when /usr/sbin/charon-systemd and /usr/sbin/swanctl are both there.
// Needs root for the copy (runs the privileged steps through `sudo -n` when not root).
// Usage: node scripts/install-strongswan.mjs [--force]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PACKAGES = [
  'charon-systemd',
  'strongswan-swanctl',
  'strongswan-libcharon',
  'libstrongswan',
  'libstrongswan-standard-plugins',
];
const BINARIES = ['/usr/sbin/charon-systemd', '/usr/sbin/swanctl'];
const force = process.argv.includes('--force');

function fail(msg) {
  console.error(`install-strongswan: ${msg}`);
  process.exit(1);
}

function which(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

const isRoot = process.getuid?.() === 0;
if (!isRoot && !which('sudo')) {
  fail('not running as root and sudo is not available: run this script as root (node scripts/install-strongswan.mjs)');
}

/** run a command, optionally as root; exits with a clear message on failure */
function run(cmd, args, { root = false, cwd, env, quiet = false } = {}) {
  const full = root && !isRoot ? ['sudo', '-n', cmd, ...args] : [cmd, ...args];
  const r = spawnSync(full[0], full.slice(1), {
    cwd,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive', ...env },
    encoding: 'utf8',
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
  });
  if (r.error) return { ok: false, out: String(r.error.message) };
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

const missing = BINARIES.filter((b) => !existsSync(b));
if (missing.length === 0 && !force) {
  console.log('install-strongswan: charon-systemd and swanctl already present, nothing to do');
  process.exit(0);
}
if (process.platform !== 'linux') fail('strongSwan is only installed on Linux (Debian) machines');
for (const tool of ['apt-get', 'dpkg', 'cp', 'ldconfig']) {
  if (!which(tool) && !existsSync(`/usr/sbin/${tool}`) && !existsSync(`/sbin/${tool}`)) {
    fail(`'${tool}' not found: this script needs a Debian-like system with apt and dpkg`);
  }
}
console.log(`install-strongswan: missing ${missing.join(', ') || '(forced)'}; installing ${PACKAGES.join(' ')}`);

const work = mkdtempSync(join(tmpdir(), 'ssw-debs-'));
// apt-get download as root writes through the unprivileged _apt user: let it write here.
chmodSync(work, 0o777);
try {
  let dl = run('apt-get', ['download', '-qq', ...PACKAGES], { cwd: work, quiet: true });
  if (!dl.ok) {
    // usually an empty or stale package list: update once, then try again
    console.log('install-strongswan: apt-get download failed, running apt-get update and retrying');
    const up = run('apt-get', ['update', '-qq'], { root: true, quiet: true });
    if (!up.ok) fail(`apt-get update failed:\n${up.out}`);
    dl = run('apt-get', ['download', '-qq', ...PACKAGES], { cwd: work, quiet: true });
    if (!dl.ok) fail(`apt-get download ${PACKAGES.join(' ')} failed:\n${dl.out}`);
  }
  const debs = readdirSync(work).filter((f) => f.endsWith('.deb'));
  if (debs.length < PACKAGES.length) fail(`expected ${PACKAGES.length} .deb files, got: ${debs.join(', ')}`);
  const root = join(work, 'root');
  for (const deb of debs) {
    const x = run('dpkg', ['-x', join(work, deb), root], { quiet: true });
    if (!x.ok) fail(`dpkg -x ${deb} failed:\n${x.out}`);
  }
  // -a keeps modes and links, -n never overwrites an existing file (libreswan's, or a local edit).
  // One top-level folder at a time, into `/<name>/`: on a merged-/usr system /lib is a symlink to
  // usr/lib, and a plain `cp -an root/. /` refuses to put the packages' lib/ directory over it.
  for (const top of readdirSync(root)) {
    const cp = run('cp', ['-an', `${root}/${top}/.`, `/${top}/`], { root: true, quiet: true });
    if (!cp.ok) fail(`copying the unpacked packages into /${top} failed (root needed):\n${cp.out}`);
  }
  const ld = run('ldconfig', [], { root: true, quiet: true });
  if (!ld.ok) fail(`ldconfig failed:\n${ld.out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

const still = BINARIES.filter((b) => !existsSync(b));
if (still.length) fail(`after the install ${still.join(', ')} still missing`);
const v = run('/usr/sbin/swanctl', ['--version'], { quiet: true });
const version = v.out.split('\n').find((l) => /^strongSwan \S+ swanctl/.test(l)) ?? 'swanctl';
console.log(`install-strongswan: installed (${version})`);
