// Runs the built CLI (dist/cli.js) as a user would.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const CLI_JS = resolve(__dirname, '../../dist/cli.js');
export const REPO = resolve(__dirname, '../..');

export function runCli(args: string[], cwd = REPO) {
  // A bounded run: a CLI that hangs (reading a FIFO, say) fails the test instead of the tier.
  const r = spawnSync(process.execPath, [CLI_JS, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs the CLI as the unprivileged user `nobody` (root reads files whatever their mode, so a
 * permission case needs another user). As root this uses setpriv; otherwise the current user is
 * already unprivileged.
 */
export function runCliUnprivileged(args: string[], cwd = REPO) {
  if (process.getuid?.() !== 0) return runCli(args, cwd);
  const r = spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, CLI_JS, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  if (r.error) throw new Error(`setpriv failed (${r.error.message}): it is part of util-linux (apt-get install util-linux)`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
