// `npm run package`: builds the .vsix offline with @vscode/vsce, in a staging folder
// (.cache/package) so the production bundles never overwrite dist/ while tests run from it.
//   node scripts/package.mjs [--out FILE.vsix]      (default: tunnel-lens-<version>.vsix)
// What goes in is .vscodeignore's allow-list; the staged package.json drops the prepublish script
// (this script is the prepublish step) and the devDependencies (everything is bundled).
import { build } from 'esbuild';
import { bundleTargets } from './bundles.mjs';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const stage = join(root, '.cache', 'package');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outArg = process.argv.indexOf('--out');
const out = resolve(outArg > 0 ? process.argv[outArg + 1] : join(root, `${pkg.name}-${pkg.version}.vsix`));
const t0 = Date.now();

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const p of ['README.md', 'LICENSE', '.vscodeignore', 'media', 'syntaxes', 'language-configuration', 'schemas']) {
  if (!existsSync(join(root, p))) {
    console.error(`package: ${p} is missing`);
    process.exit(2);
  }
  cpSync(join(root, p), join(stage, p), { recursive: true });
}
const { ['vscode:prepublish']: _prepublish, ...scripts } = pkg.scripts ?? {};
const { devDependencies: _dev, ...staged } = pkg;
writeFileSync(join(stage, 'package.json'), JSON.stringify({ ...staged, scripts }, null, 2) + '\n');

// The extension's bundles (not the CLI, which the extension does not use), minified.
const t = bundleTargets({ outdir: join(stage, 'dist'), production: true, absWorkingDir: root });
await Promise.all([build(t.extension), build(t.server), build(t.webview)]);

const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
mkdirSync(dirname(out), { recursive: true });
const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: stage, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
if (r.status !== 0) {
  process.stdout.write(r.stdout ?? '');
  console.error(`package: vsce failed (exit ${r.status})`);
  process.exit(1);
}
if (process.env.PACKAGE_VERBOSE) process.stdout.write(r.stdout);
console.log(`${out} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
