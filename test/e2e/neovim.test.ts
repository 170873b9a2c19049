// Neovim 0.7 (Debian's /usr/bin/nvim, headless) as a real LSP client of dist/server.js --stdio on a
// copy of the founding case, configured by README.md's Neovim block alone (extracted between its
// markers and loaded verbatim as init.lua, the server's path put in place of the placeholder):
// pushed diagnostics with the founding finding on both peers, hover, and the encaplimit code action
// applied with Neovim's own apply_workspace_edit; the ifup-local it creates is attached by the
// README's autocmds (no hand-set filetype, no hand attach) and the finding goes away on both peers.
// The steps are test/e2e/neovim-lsp.lua.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readmeSnippetFor } from './readmeSnippet';
import { DIALECT_FILES, writeDialectFiles } from './dialectFiles';

const ROOT = resolve(__dirname, '../..');
const NVIM = '/usr/bin/nvim';
const SERVER_JS = join(ROOT, 'dist/server.js');

interface Step {
  step: string;
  [k: string]: unknown;
}

test("Neovim 0.7 headless with the README's config: diagnostics on both peers, hover, the encaplimit code action", (t) => {
  assert.ok(existsSync(NVIM), `${NVIM} is missing: install it with \`apt-get install neovim\``);
  assert.ok(existsSync(SERVER_JS), 'dist/server.js is missing: build it with `node esbuild.mjs` first');
  const dir = mkdtempSync(join(tmpdir(), 'tunnel-lens-nvim-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const ws = join(dir, 'founding-case');
  cpSync(join(ROOT, 'samples/founding-case'), ws, { recursive: true });
  const init = join(dir, 'init.lua');
  writeFileSync(init, readmeSnippetFor('neovim-config', SERVER_JS));
  for (const d of ['config', 'data', 'state', 'cache']) mkdirSync(join(dir, d));

  const version = spawnSync(NVIM, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
  // -u init.lua: a user's config (file type detection and the runtime's plugins on, as for a user),
  // nothing of this machine's own ~/.config or ~/.local (XDG dirs in the scratch dir).
  const r = spawnSync(NVIM, ['--headless', '-u', init, '-i', 'NONE', '-n', '-c', `luafile ${join(__dirname, 'neovim-lsp.lua')}`], {
    cwd: ws,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...process.env,
      WS: ws,
      DIALECT_FILES: writeDialectFiles(dir),
      ELSEWHERE: join(dir, 'elsewhere'),
      XDG_CONFIG_HOME: join(dir, 'config'),
      XDG_DATA_HOME: join(dir, 'data'),
      XDG_STATE_HOME: join(dir, 'state'),
      XDG_CACHE_HOME: join(dir, 'cache'),
    },
  });
  const out = `${r.stdout}${r.stderr}`;
  assert.match(out, /DONE/, `nvim did not finish (${version}, exit ${r.status}):\n${out}`);
  const steps = new Map<string, Step>();
  for (const line of r.stdout.split('\n')) if (line.startsWith('RESULT ')) {
    const s = JSON.parse(line.slice(7)) as Step;
    steps.set(s.step, s);
  }
  assert.equal(steps.get('error'), undefined, `the Lua script failed: ${JSON.stringify(steps.get('error'))}`);

  const diag = steps.get('diagnostics') as Step & { clients: string[]; founding: { line: number; severity: number; related: number } | null; diagnostics: { code: string }[] };
  assert.deepEqual(diag.clients, ['tunnel-lens'], "the README's config attached the server to ifcfg-tun10");
  assert.ok(diag.founding, `no encaplimit-transport-interop diagnostic on line 8 of ifcfg-tun10: ${JSON.stringify(diag.diagnostics)}`);
  assert.equal(diag.founding.line, 7);
  assert.equal(diag.founding.severity, 1, 'an error');
  assert.ok(diag.founding.related >= 1, 'relatedInformation points into the peer files');

  const cisco = steps.get('cisco') as Step & { clients: string[]; line: number | null };
  assert.deepEqual(cisco.clients, ['tunnel-lens'], "the README's config attached the server to c897va-confg");
  assert.notEqual(cisco.line, null, 'the Cisco side shows encaplimit-transport-interop too');

  const hover = steps.get('hover') as Step & { text: string };
  assert.match(hover.text, /\*\*TYPE\*\*/);
  assert.match(hover.text, /tun10/);

  const actions = steps.get('codeActions') as Step & { titles: string[]; chosen: string | null };
  assert.ok(actions.chosen, `no code action sets encaplimit none; offered: ${JSON.stringify(actions.titles)}`);

  const fixed = steps.get('afterFix') as Step & {
    cleared: boolean;
    scriptBuffer: number;
    scriptClients: string[];
    scriptFiletype: string;
    scriptExists: boolean;
    script: string | null;
  };
  assert.ok(fixed.scriptBuffer > 0, 'the code action opened linux/ifup-local as a buffer');
  assert.deepEqual(fixed.scriptClients, ['tunnel-lens'], "the README's BufNewFile autocmd attached the server to the new ifup-local");
  assert.ok(fixed.cleared, `the finding went away on both peers once Neovim sent the new script: ${JSON.stringify(fixed)}`);
  assert.ok(fixed.scriptExists, ':wall wrote linux/ifup-local');
  assert.match(fixed.script ?? '', /encaplimit none/);

  // Every dialect's file names attach the server (README: the list covers every dialect).
  const dialects = steps.get('dialects') as Step & { files: [string, string[]][] };
  assert.deepEqual(dialects.files, DIALECT_FILES.map(([p]) => [p, ['tunnel-lens']]), "the README's autocmds attach the server to every dialect's files");
  console.log(`${version}: ${diag.diagnostics.length} diagnostic(s) in ifcfg-tun10, Cisco line ${(cisco.line ?? 0) + 1}; action "${actions.chosen}"; ifup-local filetype "${fixed.scriptFiletype}"; cleared`);
});
