// Helpers for the real-VS-Code e2e test: code-server 4.100.3 (VS Code 1.100.3) installed by
// scripts/install-code-server.sh into .cache/code-server, the .vsix built by `npm run package`
// installed into a fresh extensions dir, the server on 127.0.0.1 only, and Debian's chromium
// driven by playwright-core (never a downloaded browser).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const ROOT = resolve(__dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

const tail = (s: string, n = 25) => s.trim().split('\n').slice(-n).join('\n');

/** Installs code-server (idempotent, fast when cached); throws with the script's last lines on failure. */
export function ensureCodeServer(): string {
  const r = spawnSync('bash', [join(ROOT, 'scripts/install-code-server.sh')], { cwd: ROOT, encoding: 'utf8', timeout: 15 * 60_000 });
  const entry = r.stdout?.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !existsSync(entry)) {
    throw new Error(
      `code-server could not be installed by scripts/install-code-server.sh (exit ${r.status ?? r.signal}); ` +
        `the real-VS-Code e2e test cannot run without it.\n--- stderr (tail) ---\n${tail(r.stderr ?? '')}\n--- stdout (tail) ---\n${tail(r.stdout ?? '')}`,
    );
  }
  return entry;
}

/** Builds the .vsix exactly as `npm run package` does and returns its path. */
export function packageVsix(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const out = join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/package.mjs'), '--out', out], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(out)) throw new Error(`npm run package failed (exit ${r.status}):\n${tail(r.stderr + r.stdout)}`);
  return out;
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

export interface CodeServer {
  url: string;
  port: number;
  /** Scratch dir of this run: user data, extensions, XDG dirs, logs. */
  dir: string;
  log: () => string;
  /** The vscode-remote URI code-server's workbench uses for a file on this machine. */
  remoteUri: (absPath: string) => string;
  stop: () => Promise<void>;
}

/** Installs the .vsix into a fresh extensions dir, then starts code-server on 127.0.0.1. */
export async function startCodeServer(entry: string, vsix: string): Promise<CodeServer> {
  const dir = mkdtempSync(join(tmpdir(), 'tunnel-lens-cs-'));
  const env = {
    ...process.env,
    TMPDIR: join(dir, 'tmp'),
    XDG_CONFIG_HOME: join(dir, 'xdg-config'),
    XDG_DATA_HOME: join(dir, 'xdg-data'),
    XDG_CACHE_HOME: join(dir, 'xdg-cache'),
  };
  for (const d of ['tmp', 'xdg-config', 'xdg-data', 'xdg-cache']) mkdirSync(join(dir, d), { recursive: true });
  // A quiet workbench for screenshots: no walkthrough, no telemetry banner, no tips.
  mkdirSync(join(dir, 'user', 'User'), { recursive: true });
  writeFileSync(
    join(dir, 'user', 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.colorTheme': 'Default Dark Modern',
      'telemetry.telemetryLevel': 'off',
      'security.workspace.trust.enabled': false,
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'update.mode': 'none',
      'files.autoSave': 'off',
      'workbench.editor.enablePreview': false,
      'editor.minimap.enabled': false,
      'editor.stickyScroll.enabled': false,
      'window.commandCenter': false,
    }),
  );
  const common = ['--user-data-dir', join(dir, 'user'), '--extensions-dir', join(dir, 'extensions')];
  const inst = spawnSync(process.execPath, [entry, ...common, '--install-extension', vsix], { env, encoding: 'utf8', timeout: 120_000 });
  const instOut = `${inst.stdout}${inst.stderr}`;
  if (inst.status !== 0 || !/successfully installed/i.test(instOut)) throw new Error(`code-server --install-extension ${vsix} failed:\n${tail(instOut)}`);

  const port = await freePort();
  let log = '';
  const proc: ChildProcess = spawn(
    process.execPath,
    [
      entry,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      ...common,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  proc.stdout?.on('data', (d) => (log += d));
  proc.stderr?.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`code-server exited with ${proc.exitCode}:\n${tail(log)}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within 60 s:\n${tail(log)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port,
    dir,
    log: () => log,
    remoteUri: (p) => `vscode-remote://127.0.0.1:${port}${p}`,
    stop: () =>
      new Promise<void>((res) => {
        if (proc.exitCode !== null || !proc.pid) return res();
        const t = setTimeout(() => proc.kill('SIGKILL'), 5000);
        proc.once('exit', () => (clearTimeout(t), res()));
        proc.kill('SIGTERM');
      }),
  };
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with \`apt-get install chromium\` (never download a browser)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * The pids of the language servers the extension host started from this run's extensions dir
 * (node processes running <dir>/extensions/…/dist/server.js), read from /proc.
 */
export function languageServerPids(cs: CodeServer): number[] {
  const ours = join(cs.dir, 'extensions');
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // ended meanwhile
    }
    if (args.some((a) => a.startsWith(ours) && a.endsWith('/dist/server.js'))) pids.push(Number(name));
  }
  return pids;
}

/** The text of the extension's "Tunnel Lens" output channel, from the log file code-server writes it to. */
export function outputChannelLog(cs: CodeServer): string {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (/Tunnel Lens\.log$/.test(n)) found.push(p);
    }
  };
  const logs = join(cs.dir, 'user', 'logs');
  if (existsSync(logs)) walk(logs);
  return found.map((f) => readFileSync(f, 'utf8')).join('\n');
}
