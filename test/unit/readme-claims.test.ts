// The README's cheap-to-check claims, held to the repository: the build comes before dist/cli.js,
// the command-line synopsis is the CLI's own, the apt packages and code-server are what test:all
// installs, CI runs what the README says, every path and link named exists, the settings listed
// are package.json's, and the example workflow does not run an npm package that is not published.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, runCli } from '../helpers/cli';

const README = readFileSync(join(REPO, 'README.md'), 'utf8');
const flat = README.replace(/\s+/g, ' ');
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
const read = (p: string) => readFileSync(join(REPO, p), 'utf8');

test('the build comes first: dist/ is not in git, `npm run build` makes dist/cli.js, `npm start` builds, and the README says so', () => {
  const tracked = spawnSync('git', ['ls-files', 'dist'], { cwd: REPO, encoding: 'utf8' });
  assert.equal(tracked.status, 0);
  assert.equal(tracked.stdout, '', 'dist/ is built, never checked in');
  assert.match(read('.gitignore'), /^dist\/$/m);
  assert.equal(pkg.scripts.build, 'node esbuild.mjs');
  assert.match(read('scripts/bundles.mjs'), /cli: \{ [^}]*entryPoints: \['server\/src\/cli\.ts'\], outfile: `\$\{outdir\}\/cli\.js`/);
  assert.match(read('esbuild.mjs'), /bundles/);
  assert.match(pkg.scripts.start, /^node esbuild\.mjs && node scripts\/start\.mjs$/);
  assert.doesNotMatch(flat, /After `npm install`, `node dist\/cli\.js` is the command/);
  assert.match(flat, /after `npm install`, run `npm run build` \(or `npm start`, which builds first\)/);
});

test("the README's command-line synopsis is the CLI's usage, line for line", () => {
  const block = /## The command line\n\n```\n([\s\S]*?)```/.exec(README)![1];
  const readme = block.trimEnd().split('\n');
  const usage = runCli(['help']).stdout.split('\n');
  const lines = usage.slice(usage.indexOf('usage:') + 1, usage.findIndex((l) => l.startsWith('exit status'))).map((l) => l.replace(/^ {2}/, ''));
  assert.ok(lines.length >= 8, usage.join('\n'));
  assert.deepEqual(readme, lines);
  // Every command of the synopsis answers `help CMD`, and each of its flags is in that help.
  for (const line of readme.filter((l) => l.startsWith('tunnel-lens '))) {
    const cmd = line.split(/\s+/)[1];
    if (cmd === 'help') continue;
    const help = runCli(['help', cmd]);
    assert.equal(help.code, 0, cmd);
    const flags = readme.slice(readme.indexOf(line)).join('\n').split(/\ntunnel-lens /)[0].match(/--[a-z-]+/g) ?? [];
    for (const f of flags) if (!['--libreswan', '--strongswan', '--ios'].includes(f)) assert.ok(help.stdout.includes(f), `help ${cmd} lacks ${f}`);
  }
});

test('test:all: the apt packages the README lists are the ones scripts/test.mjs installs; code-server as scripts/install-code-server.sh installs it', (t) => {
  const apt = /whatever is missing of ((?:`[\w.-]+`(?:, | and )?)+)/.exec(flat)![1].match(/`([\w.-]+)`/g)!.map((p) => p.slice(1, -1));
  const script = [...read('scripts/test.mjs').matchAll(/\{ pkg: '([\w.-]+)'/g)].map((m) => m[1]);
  assert.ok(script.length >= 5);
  assert.deepEqual([...apt].sort(), [...script].sort());

  const installer = read('scripts/install-code-server.sh');
  const version = /^VERSION=([\d.]+)$/m.exec(installer)![1];
  assert.match(flat, new RegExp(`code-server ${version.replace(/\./g, '\\.')} from the npm registry into \`\\.cache/code-server\` \\(about (\\d+) MB on disk`));
  assert.match(installer, /DEST=\$\{1:-\$ROOT\/\.cache\/code-server\}/);
  assert.match(read('test/e2e/codeServer.ts'), /install-code-server\.sh/);
  const claimed = Number(/about (\d+) MB on disk/.exec(flat)![1]);
  const dir = join(REPO, '.cache/code-server');
  if (!existsSync(join(dir, `.installed-${version}`))) return t.skip('code-server is not installed here: its size is not measured');
  const du = spawnSync('du', ['-sm', dir], { encoding: 'utf8' });
  const mb = Number(du.stdout.split('\t')[0]);
  assert.ok(Math.abs(mb - claimed) <= claimed * 0.2, `.cache/code-server is ${mb} MB, the README says about ${claimed}`);
});

test('CI runs .ci/run, which does `npm ci && npm run test:all`', () => {
  assert.match(flat, /CI runs `\.ci\/run`, which does `npm ci && npm run test:all`/);
  const run = read('.ci/run').split('\n').filter((l) => l && !l.startsWith('#'));
  assert.ok(run.some((l) => /^npm ci\b/.test(l)));
  assert.ok(run.findIndex((l) => /^npm ci\b/.test(l)) < run.indexOf('npm run test:all'));
  assert.equal(pkg.scripts['test:all'], 'node scripts/test.mjs all');
});

test('every repository path and link the README names exists', () => {
  const top = ['server/', 'client/', 'codec/', 'test/', 'scripts/', 'docs/', 'samples/', 'schemas/', 'bench/', 'media/', 'syntaxes/', '.ci/', '.github/'];
  const named = [...README.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]).filter((p) => top.some((d) => p.startsWith(d)) && !/[*<>…]/.test(p));
  const links = [...README.matchAll(/\]\(([^)#\s]+)\)/g)].map((m) => m[1]).filter((p) => !/^[a-z]+:/.test(p));
  assert.ok(named.length >= 15 && links.length >= 5, `${named.length} paths, ${links.length} links`);
  for (const p of [...named, ...links]) assert.ok(existsSync(join(REPO, p.replace(/:\d+$/, ''))), `README names ${p}, which does not exist`);
});

test('the settings the README lists are the ones package.json contributes', () => {
  const c = pkg.contributes.configuration;
  const props = (Array.isArray(c) ? c : [c]).flatMap((x: { properties: Record<string, unknown> }) => Object.keys(x.properties)).map((k: string) => k.replace(/^tunnelLens\./, ''));
  const para = /Settings live under `tunnelLens\.\*` \((.*?)\)\. Files are recognised/.exec(flat)![1];
  const listed = [...para.matchAll(/`([\w.]+)`/g)].map((m) => m[1]);
  assert.deepEqual([...listed].sort(), [...props].sort());
});

test('the extension package is named after package.json, and the swanctl corpus count is the test\'s', () => {
  assert.match(flat, new RegExp(`into \`${pkg.name}-${pkg.version.replace(/\./g, '\\.')}\\.vsix\``));
  const n = /on all (\d+) files of strongSwan's own test scenarios/.exec(flat)![1];
  assert.match(read('test/corpus/swanctl-corpus.test.ts'), new RegExp(`\\b${n} rows\\b`));
});

test('the example workflow builds Tunnel Lens from its repository and says why: the npm package is not published', () => {
  assert.equal(pkg.private, true, 'package.json is private: npm refuses to publish it');
  const wf = read('.github/workflows/tunnel-lens.example.yml');
  const steps = wf.split('\n').filter((l) => !l.trimStart().startsWith('#'));
  assert.ok(!steps.some((l) => /\bnpx\b/.test(l)), 'no step runs npx');
  assert.match(wf, /^# Tunnel Lens is NOT published to npm yet/m);
  assert.ok(steps.some((l) => /repository: tunnel-lens\/tunnel-lens/.test(l)));
  assert.equal(pkg.repository.url, 'https://github.com/tunnel-lens/tunnel-lens');
  assert.ok(steps.some((l) => /npm ci\b.*&& npm run build/.test(l)));
  assert.ok(steps.some((l) => /node \.tunnel-lens\/dist\/cli\.js check --format sarif configs\//.test(l)));
  assert.match(flat, /Tunnel Lens is not published to npm yet, so the workflow checks out this repository/);
  assert.match(read('docs/github-actions.md').replace(/\s+/g, ' '), /\*\*Tunnel Lens is not published to npm yet\*\*/);
});
