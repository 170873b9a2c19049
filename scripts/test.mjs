// Test tiers. `npm test` runs the Node-only tiers (unit, protocol, corpus, fuzz); `npm run test:all`
// first installs with apt whatever the other tiers need, then runs every tier (oracle, webview,
// real editors too). One node:test run, so its closing summary counts every test.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const mode = process.argv[2] ?? 'node';
const NODE_TIERS = ['unit', 'protocol', 'corpus', 'fuzz'];
const ALL_TIERS = [...NODE_TIERS, 'oracle', 'webview', 'e2e'];

// Debian packages and the command that shows each is present.
const SYSTEM_DEPS = [
  { pkg: 'libreswan', present: () => existsSync('/usr/libexec/ipsec/addconn') },
  { pkg: 'tshark', present: () => existsSync('/usr/bin/tshark') },
  { pkg: 'python3-scapy', present: () => spawnSync('/usr/bin/python3', ['-c', 'import scapy']).status === 0 },
  { pkg: 'chromium', present: () => existsSync('/usr/bin/chromium') },
  { pkg: 'neovim', present: () => existsSync('/usr/bin/nvim') },
  // Emacs 28 and Debian's eglot 1.9 for test/e2e/emacs.test.ts (emacs-nox: no X libraries).
  { pkg: 'emacs-nox', present: () => existsSync('/usr/bin/emacs') },
  { pkg: 'elpa-eglot', present: () => existsSync('/usr/share/emacs/site-lisp/elpa/eglot-1.9') },
];

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function installSystemDeps() {
  const missing = SYSTEM_DEPS.filter((d) => !d.present()).map((d) => d.pkg);
  if (missing.length === 0) return;
  console.log(`installing with apt: ${missing.join(' ')}`);
  const asRoot = process.getuid?.() === 0;
  const sudo = asRoot ? [] : ['sudo'];
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => run(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(asRoot ? [] : ['apt-get']), ...args], env);
  // libreswan's postinst may try to start a daemon; a container has no init to do it.
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
}

function testFiles(tier) {
  const dir = join('test', tier);
  if (!existsSync(dir)) return [];
  const out = [];
  const walk = (d) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.test\.(ts|mjs)$/.test(n)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

const tiers = mode === 'all' ? ALL_TIERS : NODE_TIERS;
if (mode === 'all') installSystemDeps();
if (mode === 'all') run(process.execPath, ['scripts/install-strongswan.mjs']);
console.log('building bundles and type-checking');
run(process.execPath, ['esbuild.mjs']);
run(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']);
// Files directly in test/ (the architecture rule) belong to every run.
const topLevel = readdirSync('test').filter((n) => /\.test\.(ts|mjs)$/.test(n)).map((n) => join('test', n));
const files = [...topLevel, ...tiers.flatMap(testFiles)];
console.log(`running ${files.length} test files from tiers: ${tiers.join(', ')}`);
run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=300000', ...files], {
  TUNNEL_LENS_TEST_MODE: mode,
});
