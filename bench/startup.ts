// Benchmark: (1) extension activation, measured as what the user waits for before the first
// answer: spawning the language server (dist/server.js --stdio) until its initialize response
// (median of 10); plus the time to require dist/extension.js against a stub `vscode` module
// injected through Module._load (the bundle's top level; activate() itself is not run because the
// bundled LanguageClient cannot be stubbed from outside). (2) bundle sizes of dist/*.js built
// with `node esbuild.mjs --production` (rebuilt in development mode afterwards).
//   node --import tsx bench/startup.ts
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import Module from 'node:module';
import { join, resolve } from 'node:path';
import { startServer } from '../test/helpers/lspClient';
import { median, fmt } from './gen';

const ROOT = resolve(__dirname, '..');

async function serverStart() {
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    const s = await startServer();
    times.push(performance.now() - t0);
    await s.stop();
  }
  return median(times);
}

function requireExtension(): number {
  const stub: unknown = new Proxy(function () {}, { get: (_t, k) => (k === '__esModule' ? false : stub), apply: () => stub, construct: () => stub as object });
  const M = Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown };
  const orig = M._load;
  M._load = (req: string, ...rest: unknown[]) => (req === 'vscode' ? stub : orig(req, ...rest));
  try {
    const t0 = performance.now();
    const ext = require(join(ROOT, 'dist/extension.js'));
    const ms = performance.now() - t0;
    if (typeof ext.activate !== 'function') throw new Error('no activate()');
    return ms;
  } finally {
    M._load = orig;
  }
}

async function main() {
  execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: ROOT, stdio: 'inherit' });
  const sizes = readdirSync(join(ROOT, 'dist')).filter((f) => f.endsWith('.js')).map((f) => [f, statSync(join(ROOT, 'dist', f)).size] as const);
  let req = NaN;
  try {
    req = requireExtension();
  } catch (e) {
    console.log(`require dist/extension.js with a stub vscode failed: ${(e as Error).message}`);
  }
  const start = await serverStart();
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  for (const [f, n] of sizes) console.log(`bundle dist/${f} (production): ${(n / 1024).toFixed(0)} KiB${f === 'server.js' ? ' (target < 1 MB)' : ''}`);
  if (!Number.isNaN(req)) console.log(`require dist/extension.js (production) with a stub vscode: ${fmt(req)}`);
  console.log(`activation, measured as server spawn → initialize response (production bundle, median of 10): ${fmt(start)} (target < 100 ms)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
