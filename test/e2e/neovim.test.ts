// Neovim 0.7 (Debian's /usr/bin/nvim, headless) as a real LSP client of dist/server.js --stdio on a
// copy of the founding case: pushed diagnostics with the founding finding, hover, and the
// encaplimit code action applied with Neovim's own apply_workspace_edit (it creates ifup-local),
// after which the finding goes away. The client side is test/e2e/neovim-lsp.lua.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const NVIM = '/usr/bin/nvim';
const SERVER_JS = join(ROOT, 'dist/server.js');

interface Step {
  step: string;
  [k: string]: unknown;
}

test('Neovim 0.7 headless: diagnostics, hover and the encaplimit code action on the founding case', (t) => {
  assert.ok(existsSync(NVIM), `${NVIM} is missing: install it with \`apt-get install neovim\``);
  assert.ok(existsSync(SERVER_JS), 'dist/server.js is missing: build it with `node esbuild.mjs` first');
  const ws = mkdtempSync(join(tmpdir(), 'tunnel-lens-nvim-'));
  t.after(() => rmSync(ws, { recursive: true, force: true }));
  cpSync(join(ROOT, 'samples/founding-case'), ws, { recursive: true });

  const version = spawnSync(NVIM, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
  const r = spawnSync(NVIM, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(__dirname, 'neovim-lsp.lua')}`], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, WS: ws, SERVER_JS },
  });
  const out = `${r.stdout}${r.stderr}`;
  assert.match(out, /DONE/, `nvim did not finish (${version}, exit ${r.status}):\n${out}`);
  const steps = new Map<string, Step>();
  for (const line of r.stdout.split('\n')) if (line.startsWith('RESULT ')) {
    const s = JSON.parse(line.slice(7)) as Step;
    steps.set(s.step, s);
  }
  assert.equal(steps.get('error'), undefined, `the Lua script failed: ${JSON.stringify(steps.get('error'))}`);

  const diag = steps.get('diagnostics') as Step & { founding: { line: number; severity: number; related: number } | null; diagnostics: { code: string }[] };
  assert.ok(diag.founding, `no encaplimit-transport-interop diagnostic on line 8: ${JSON.stringify(diag.diagnostics)}`);
  assert.equal(diag.founding.line, 7);
  assert.equal(diag.founding.severity, 1, 'an error');
  assert.ok(diag.founding.related >= 1, 'relatedInformation points into the peer files');

  const hover = steps.get('hover') as Step & { text: string };
  assert.match(hover.text, /\*\*TYPE\*\*/);
  assert.match(hover.text, /tun10/);

  const actions = steps.get('codeActions') as Step & { titles: string[]; chosen: string | null };
  assert.ok(actions.chosen, `no code action sets encaplimit none; offered: ${JSON.stringify(actions.titles)}`);

  const fixed = steps.get('afterFix') as Step & { cleared: boolean; scriptExists: boolean; script: string | null };
  assert.ok(fixed.scriptExists, 'the code action created linux/ifup-local');
  assert.match(fixed.script ?? '', /encaplimit none/);
  assert.ok(fixed.cleared, 'the finding went away once Neovim sent the new script');
  console.log(`${version}: ${diag.diagnostics.length} diagnostic(s); action "${actions.chosen}"; cleared`);
});
