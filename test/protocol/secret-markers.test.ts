// Issue 17's marker test: a unique marker in every secret slot of every dialect's table (the very
// table its features read; test/helpers/secretMarkers.ts plants them, well-formed and malformed),
// and no marker, whole or in part, in anything Tunnel Lens produces:
//   1. the language service itself, before any redaction (the first wall: every feature reads
//      values through the table): findings, hovers at every column, symbols, completion, code
//      actions and their edits, folding, definitions, references, endpoints, layouts;
//   2. the real stdio server (dist/server.js), every method it serves, everything it writes to
//      stdout (responses, publishDiagnostics, window/logMessage) and stderr;
//   3. every CLI command in every format (dist/cli.js: check, fix --dry-run, endpoints, layout), and
//      the preview's HTML.
// A GRE key is no secret: it must keep showing, so the test proves it can see values.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeLensRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { LanguageService } from '../../server/src/service/languageService';
import { createNodeFileSystem } from '../../server/src/node/nodeFs';
import { DEFAULT_SETTINGS } from '../../server/src/core/types';
import { pathToUri } from '../../server/src/core/uri';
import { dialectById } from '../../server/src/languages';
import { layoutAt } from '../../server/src/lsp/layout';
import { peerInfo } from '../../server/src/lsp/peerInfo';
import { LayoutRequest, PeerInfoRequest, EndpointsRequest, ReindexRequest } from '../../server/src/protocol/requests';
import { renderPreviewHtml } from '../../client/src/preview/html';
import { startServer } from '../helpers/lspClient';
import { runCli } from '../helpers/cli';
import { GRE_KEY, MARKER_CORE, TABLES, markerWorkspace, type PlantedFile } from '../helpers/secretMarkers';

const { files, planted } = markerWorkspace();

function writeWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tl-markers-'));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
  }
  return dir;
}

/** Where in `text` the marker core appears (for the message of a failure), or undefined. */
function leak(what: string, text: string): string | undefined {
  const i = text.indexOf(MARKER_CORE);
  return i < 0 ? undefined : `${what}: …${text.slice(Math.max(0, i - 80), i + 40)}…`;
}

function assertNoLeaks(outputs: [string, string][]): void {
  const leaks = outputs.flatMap(([what, text]) => leak(what, text) ?? []);
  assert.deepEqual(leaks.slice(0, 20), [], `${leaks.length} outputs hold a marker`);
}

const lines = (f: PlantedFile) => f.text.split('\n');

test('every row of every table of secret slots has a planted marker, well-formed and malformed forms planted', () => {
  const ids = new Set(planted.map((p) => p.slot));
  for (const [dialect, table] of Object.entries(TABLES)) {
    for (const slot of table!) assert.ok(ids.has(slot.id), `${dialect}: no marker planted in ${slot.id} (${slot.where})`);
    assert.ok(planted.some((p) => p.dialect === dialect && p.malformed), `${dialect}: no malformed form planted`);
  }
  const all = new Set(Object.values(TABLES).flatMap((t) => t!.map((s) => s.id)));
  for (const id of ids) assert.ok(all.has(id), `${id} is planted but in no table`);
  assert.equal(new Set(planted.map((p) => p.marker)).size, planted.length);
});

test('the first wall: the language service shows no marker anywhere, knows every one as a secret, and shows the GRE key', () => {
  const dir = writeWorkspace();
  const service = new LanguageService({ fs: createNodeFileSystem({ maxBytes: () => DEFAULT_SETTINGS.maxFileSize, roots: () => [dir] }), settings: () => DEFAULT_SETTINGS });
  const outputs: [string, string][] = [];
  const out = (what: string, v: unknown) => outputs.push([what, typeof v === 'string' ? v : JSON.stringify(v) ?? '']);
  let greShown = false;
  for (const f of files) {
    const uri = pathToUri(join(dir, f.path));
    service.workspace.openDocument(TextDocument.create(uri, f.dialect, 1, f.text));
  }
  for (const f of files) {
    const uri = pathToUri(join(dir, f.path));
    const file = service.parse(uri);
    assert.equal(file?.languageId, f.dialect, f.path);
    // secretValues() (the redactor's list) holds every marker of the file, read through the same table.
    const values = dialectById(f.dialect)!.secretValues?.(file!) ?? [];
    for (const p of planted.filter((x) => x.file === f.path)) assert.ok(values.some((v) => v.includes(p.marker)), `${f.path}: ${p.slot}${p.malformed ? ' (malformed)' : ''} is not among the secret values`);
    const findings = service.findings(uri);
    out(`${f.path} findings`, findings);
    out(`${f.path} symbols`, service.symbols(uri));
    out(`${f.path} folding`, service.folding(uri));
    lines(f).forEach((l, line) => {
      for (let character = 0; character <= l.length; character++) {
        const h = service.hover(uri, { line, character });
        if (h) {
          out(`${f.path}:${line + 1}:${character} hover`, h);
          if (JSON.stringify(h).includes(GRE_KEY)) greShown = true;
        }
        if (character === 0 || character === l.length || l[character - 1] === ' ' || l[character - 1] === '=') {
          out(`${f.path}:${line + 1}:${character} completion`, service.complete(uri, { line, character }));
          out(`${f.path}:${line + 1}:${character} definition`, service.definition(uri, { line, character }));
          out(`${f.path}:${line + 1}:${character} references`, service.references(uri, { line, character }, true));
        }
      }
      out(`${f.path}:${line + 1} code actions`, service.codeActions(uri, { start: { line, character: 0 }, end: { line, character: l.length } }));
      out(`${f.path}:${line + 1} layout`, layoutAt(service, uri, { line, character: 0 }));
      out(`${f.path}:${line + 1} peer info`, peerInfo(service, { uri, position: { line, character: 0 } }));
    });
  }
  const endpoints = service.endpoints();
  out('endpoints', endpoints);
  out('pairs', service.pairs().map((p) => ({ a: p.a.id, b: p.b.id })));
  assertNoLeaks(outputs);
  assert.ok(greShown, 'the GRE key shows in a hover');
  assert.ok(JSON.stringify(endpoints).includes(GRE_KEY), 'the GRE key is in the endpoints');
  // The pair of conn gre6 is checked with both keys: a finding says they differ, naming neither.
  assert.ok(
    files.some((f) => service.findings(pathToUri(join(dir, f.path))).some((x) => x.code === 'psk-mismatch')),
    'psk-mismatch between the two ends (the keys are read, compared by digest)',
  );
});

test('the stdio server: every method, everything on stdout and stderr, holds no marker; the GRE key shows', { timeout: 600_000 }, async () => {
  const dir = writeWorkspace();
  const s = await startServer({ workspaceFolder: dir });
  let wire = '';
  s.proc.stdout.on('data', (d: Buffer) => (wire += d.toString('utf8')));
  s.conn.onRequest('workspace/workspaceFolders', () => [{ uri: pathToUri(dir), name: 'ws' }]);
  const outputs: [string, string][] = [];
  const out = (what: string, v: unknown) => outputs.push([what, JSON.stringify(v) ?? '']);
  try {
    const diags = new Map<string, Diagnostic[]>();
    for (const f of files) {
      const uri = pathToUri(join(dir, f.path));
      diags.set(uri, await s.open(uri, f.text, f.dialect));
    }
    assert.ok([...diags.values()].some((d) => d.length > 0), 'diagnostics were published');
    for (const f of files) {
      const uri = pathToUri(join(dir, f.path));
      out(`${f.path} symbols`, await s.symbols(uri));
      out(`${f.path} folding`, await s.folding(uri));
      out(`${f.path} code lenses`, await s.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri } }));
      const ls = lines(f);
      for (let line = 0; line < ls.length; line++) {
        const l = ls[line];
        const hovers = [];
        for (let character = 0; character <= l.length; character++) hovers.push(s.hover(uri, { line, character }));
        out(`${f.path}:${line + 1} hovers`, await Promise.all(hovers));
        const end = { line, character: l.length };
        out(`${f.path}:${line + 1} completion`, await s.completion(uri, end));
        out(`${f.path}:${line + 1} definition`, await s.definition(uri, { line, character: 0 }));
        out(`${f.path}:${line + 1} references`, await s.references(uri, { line, character: 0 }));
        const range = { start: { line, character: 0 }, end };
        const onLine = (s.latest.get(uri) ?? diags.get(uri) ?? []).filter((d) => d.range.start.line <= line && d.range.end.line >= line);
        out(`${f.path}:${line + 1} code actions`, await s.codeActions(uri, range, onLine));
        out(`${f.path}:${line + 1} layout`, await s.conn.sendRequest(LayoutRequest.method, { uri, position: { line, character: 0 } }));
        out(`${f.path}:${line + 1} peer info`, await s.conn.sendRequest(PeerInfoRequest.method, { uri, position: { line, character: 0 } }));
      }
    }
    out('endpoints', await s.conn.sendRequest(EndpointsRequest.method, {}));
    out('reindex', await s.conn.sendRequest(ReindexRequest.method, {}));
    // The preview's page for every tunnel: the layout response goes into its HTML.
    for (const f of files) {
      const uri = pathToUri(join(dir, f.path));
      for (let line = 0; line < lines(f).length; line++) {
        const data = await s.conn.sendRequest(LayoutRequest.method, { uri, position: { line, character: 0 } });
        if (data) out(`${f.path}:${line + 1} preview html`, renderPreviewHtml({ cspSource: 'https://test', nonce: 'abcdefghijklmnopqrstuvwxyz012345', scriptUri: 'https://test/w.js', styleUri: 'https://test/p.css', data: data as never }));
      }
    }
  } finally {
    await s.stop();
  }
  outputs.push(['stdout (every message the server wrote)', wire], ['stderr', s.stderr]);
  assertNoLeaks(outputs);
  assert.ok(wire.includes('publishDiagnostics'), 'the wire was captured');
  assert.ok(wire.includes(GRE_KEY), 'the GRE key shows (hover or endpoints)');
});

test('every CLI command in every format holds no marker; the GRE key shows', { timeout: 600_000 }, () => {
  const dir = writeWorkspace();
  const runs: [string, string][] = [];
  const run = (args: string[]) => {
    const r = runCli(args);
    assert.ok(r.code !== null && r.code <= 2, `${args.join(' ')}: ${r.stderr}`);
    runs.push([`${args.join(' ')} stdout`, r.stdout], [`${args.join(' ')} stderr`, r.stderr]);
    return r;
  };
  for (const format of ['text', 'json', 'sarif']) run(['check', '--format', format, dir]);
  // fix --dry-run prints the diff of every preferred fix (its context lines are the files' text).
  const fix = run(['fix', '--dry-run', dir]);
  assert.ok(fix.stdout.length > 0 || fix.stderr.length > 0, 'fix said something');
  const eps = run(['endpoints', '--format', 'json', dir]);
  const text = run(['endpoints', '--format', 'text', dir]);
  assert.ok(text.stdout.includes(GRE_KEY) || eps.stdout.includes(GRE_KEY), 'the GRE key shows in endpoints');
  // layout FILE:LINE for every line that defines a tunnel, and for a line of every file that holds a secret.
  const defined = (JSON.parse(eps.stdout) as { endpoints?: { uri?: string; file?: string; range?: { start: { line: number } } }[] }).endpoints ?? [];
  const targets = new Set<string>();
  for (const e of defined) {
    const file = e.file ?? e.uri?.replace(/^file:\/\//, '');
    if (file && e.range) targets.add(`${file.startsWith('/') ? file : join(dir, file)}:${e.range.start.line + 1}`);
  }
  for (const f of files) {
    const p = planted.find((x) => x.file === f.path)!;
    if (p) targets.add(`${join(dir, f.path)}:${lines(f).findIndex((l) => l.includes(p.marker)) + 1}`);
  }
  assert.ok(targets.size >= files.length);
  for (const t of targets) for (const format of ['text', 'json']) run(['layout', t, '--format', format]);
  assertNoLeaks(runs);
});
