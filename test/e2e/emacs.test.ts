// Emacs 28 with Debian's elpa-eglot 1.9 (emacs --batch) as a real LSP client of dist/server.js
// --stdio on a copy of the founding case, configured by README.md's Emacs block alone (extracted
// between its markers and loaded verbatim, the server's path put in place of the placeholder):
// one server for the deployment (the README's project root), the founding finding pushed on both
// peers (Flymake), hover, the encaplimit quick fix applied by eglot-code-actions (a new ifup-local
// buffer eglot manages) and the finding gone on both peers. The steps are test/e2e/emacs-eglot.el.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readmeSnippetFor } from './readmeSnippet';
import { DIALECT_FILES, writeDialectFiles } from './dialectFiles';

const ROOT = resolve(__dirname, '../..');
const EMACS = '/usr/bin/emacs';
const EGLOT = '/usr/share/emacs/site-lisp/elpa/eglot-1.9';
const SERVER_JS = join(ROOT, 'dist/server.js');

interface Step {
  step: string;
  [k: string]: unknown;
}
/** (code line message related) as the Lisp side lists a Flymake diagnostic. */
type Diag = [string | null, number, string, number];

test("Emacs 28 + eglot 1.9 (batch) with the README's config: diagnostics on both peers, hover, the encaplimit code action", (t) => {
  assert.ok(existsSync(EMACS), `${EMACS} is missing: install it with \`apt-get install emacs-nox\``);
  assert.ok(existsSync(EGLOT), `${EGLOT} is missing: install eglot 1.9 with \`apt-get install elpa-eglot\``);
  assert.ok(existsSync(SERVER_JS), 'dist/server.js is missing: build it with `node esbuild.mjs` first');
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'tunnel-lens-emacs-')));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // The founding case with its tunnel-lens.json (the README's project marker) and no VCS above it.
  const ws = join(dir, 'founding-case');
  cpSync(join(ROOT, 'samples/founding-case'), ws, { recursive: true });
  assert.ok(existsSync(join(ws, 'tunnel-lens.json')));
  const init = join(dir, 'init.el');
  writeFileSync(init, readmeSnippetFor('emacs-config', SERVER_JS));
  mkdirSync(join(dir, 'home'));

  const version = spawnSync(EMACS, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
  const r = spawnSync(EMACS, ['--batch', '-l', init, '-l', join(__dirname, 'emacs-eglot.el')], {
    cwd: ws,
    encoding: 'utf8',
    timeout: 90_000,
    // A scratch HOME: nothing of this machine's ~/.emacs.d.
    env: { ...process.env, WS: ws, HOME: join(dir, 'home'), DIALECT_FILES: writeDialectFiles(dir) },
  });
  const out = `${r.stdout}${r.stderr}`;
  assert.match(r.stdout, /DONE/, `emacs did not finish (${version}, exit ${r.status ?? r.signal}):\n${out.slice(-4000)}`);
  const steps = new Map<string, Step>();
  for (const line of r.stdout.split('\n')) if (line.startsWith('RESULT ')) {
    const s = JSON.parse(line.slice(7)) as Step;
    steps.set(s.step, s);
  }
  assert.equal(steps.get('error'), undefined, `the Lisp script failed: ${JSON.stringify(steps.get('error'))}\n${r.stderr.slice(-3000)}`);

  const diag = steps.get('diagnostics') as Step & { mode: string; server: string | null; founding: Diag | null; diagnostics: Diag[] };
  assert.equal(diag.mode, 'ifcfg-mode');
  assert.equal(diag.server?.replace(/\/$/, ''), ws, "the README's project function makes the folder with tunnel-lens.json the root");
  assert.ok(diag.founding, `no ${'encaplimit-transport-interop'} diagnostic in ifcfg-tun10: ${JSON.stringify(diag.diagnostics)}\n${r.stderr.slice(-3000)}`);
  assert.equal(diag.founding[1], 8, 'on TYPE=GRE6 (line 8)');
  assert.ok(diag.founding[3] >= 1, 'relatedInformation points into the peer files');

  const cisco = steps.get('cisco') as Step & { mode: string; server: string | null; servers: number; founding: Diag | null };
  assert.equal(cisco.mode, 'cisco-ios-mode');
  assert.equal(cisco.servers, 1, 'one eglot server (one project) for both peers');
  assert.ok(cisco.founding, 'the Cisco side shows encaplimit-transport-interop too');

  const hover = steps.get('hover') as Step & { text: string };
  assert.match(hover.text, /\*\*TYPE\*\*/);
  assert.match(hover.text, /tun10/);

  const actions = steps.get('codeActions') as Step & { titles: string[]; asked: string[] };
  assert.ok(actions.titles.some((x) => /encaplimit none/.test(x)), `offered: ${JSON.stringify(actions.titles)}`);

  const fixed = steps.get('afterFix') as Step & {
    cleared: boolean;
    scriptBuffer: boolean;
    scriptMode: string | null;
    scriptManaged: boolean;
    script: string | null;
    linuxLeft: Diag[];
    ciscoLeft: Diag[];
  };
  assert.ok(fixed.scriptBuffer, 'the code action opened linux/ifup-local in a buffer');
  assert.equal(fixed.scriptMode, 'sh-mode');
  assert.ok(fixed.scriptManaged, 'eglot manages the new script (the server was sent it)');
  assert.ok(fixed.cleared, `the finding went away on both peers: ${JSON.stringify(fixed)}`);
  assert.match(fixed.script ?? '', /encaplimit none/, 'save-some-buffers wrote linux/ifup-local');

  // Every dialect's file names get a mode that starts Tunnel Lens (README: "covers every dialect").
  const modes = steps.get('modes') as Step & { modes: [string, string | null, boolean][] };
  assert.deepEqual(
    modes.modes.map(([p, m, eglot]) => [p, m, eglot]),
    DIALECT_FILES.map(([p, m]) => [p, m, true]),
    "README's auto-mode-alist entries, eglot-server-programs and hooks for every dialect",
  );
  console.log(
    `${version}: ${diag.diagnostics.length} diagnostic(s) in ifcfg-tun10, Cisco line ${cisco.founding[1]}; actions ${JSON.stringify(actions.titles.length)}; asked ${JSON.stringify(actions.asked)}; cleared`,
  );
});
