// Runs the built CLI (dist/cli.js) as a user would.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const CLI_JS = resolve(__dirname, '../../dist/cli.js');
export const REPO = resolve(__dirname, '../..');

export function runCli(args: string[], cwd = REPO) {
  const r = spawnSync(process.execPath, [CLI_JS, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
