// Benchmark: (1) the language server's start, spawning dist/server.js --stdio until its initialize
// response (median of 10): what an editor waits for before the first answer; extension activation
// itself (activate() against a stand-in vscode) is bench/activation.ts. (2) bundle sizes of
// dist/*.js built with `node esbuild.mjs --production` (rebuilt in development mode afterwards).
//   node --import tsx bench/startup.ts
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
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

async function main() {
  execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: ROOT, stdio: 'inherit' });
  const sizes = readdirSync(join(ROOT, 'dist')).filter((f) => f.endsWith('.js')).map((f) => [f, statSync(join(ROOT, 'dist', f)).size] as const);
  const start = await serverStart();
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  for (const [f, n] of sizes) console.log(`bundle dist/${f} (production): ${(n / 1024).toFixed(0)} KiB${f === 'server.js' ? ' (target < 1 MB)' : ''}`);
  console.log(`server start, spawn → initialize response (production bundle, median of 10): ${fmt(start)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
