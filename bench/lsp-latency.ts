// Benchmark: keystroke-to-diagnostics latency over the stdio protocol, against the real
// dist/server.js --stdio (build it first: `node esbuild.mjs`). Each "keystroke" is an incremental
// didChange inserting or deleting one character inside a value; the time is until the server
// publishes diagnostics for that document. p50 and p95 over 200 edits (EDITS/4 for the last case,
// Enter/Backspace in the 100,000-line config, which moves every line below it).
//   node --import tsx bench/lsp-latency.ts [EDITS]
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, PublishDiagnosticsNotification } from 'vscode-languageserver-protocol/node';
import { startServer } from '../test/helpers/lspClient';
import { genIos, median, percentile, fmt } from './gen';

const EDITS = Number(process.argv[2] ?? 200);

type Server = Awaited<ReturnType<typeof startServer>>;

/**
 * Opens the file, then types and deletes one character at `at` EDITS times (with `ch` = '\n':
 * splits the line and joins it again, so every later line moves); returns the latencies.
 */
async function typeInto(s: Server, uri: string, languageId: string, text: string, at: { line: number; character: number }, edits: number, ch = '7'): Promise<number[]> {
  let waiting: ((t: number) => void) | undefined;
  s.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    if (p.uri === uri && waiting) {
      const w = waiting;
      waiting = undefined;
      w(performance.now());
    }
  });
  const next = () => new Promise<number>((r) => (waiting = r));
  let p = next();
  await s.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  await p;
  const times: number[] = [];
  for (let v = 2; v < edits + 2; v++) {
    const insert = v % 2 === 0;
    const end = ch === '\n' ? { line: at.line + 1, character: 0 } : { line: at.line, character: at.character + 1 };
    const range = insert ? { start: at, end: at } : { start: at, end };
    p = next();
    const t0 = performance.now();
    await s.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [{ range, text: insert ? ch : '' }] });
    times.push((await p) - t0);
  }
  return times;
}

function report(name: string, times: number[], target: number) {
  console.log(`${name}: ${times.length} edits — p50 ${fmt(median(times))}, p95 ${fmt(percentile(times, 95))} (target p95 < ${target} ms), max ${fmt(Math.max(...times))}`);
}

function position(text: string, needle: string): { line: number; character: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  if (line < 0) throw new Error(`'${needle}' not in the file`);
  return { line, character: lines[line].indexOf(needle) + needle.length };
}

async function main() {
  // 1. The founding case: both peers open, the workspace folder indexed (cross-peer findings live).
  const folder = resolve(__dirname, '../samples/founding-case');
  const conf = join(folder, 'linux/ipsec.conf');
  const ios = join(folder, 'cisco/c897va-confg');
  {
    const s = await startServer({ workspaceFolder: folder });
    try {
      const confText = readFileSync(conf, 'utf8');
      const iosText = readFileSync(ios, 'utf8');
      const a = await typeInto(s, `file://${conf}`, 'ipsec-conf', confText, position(confText, 'salifetime=1'), EDITS / 2);
      const b = await typeInto(s, `file://${ios}`, 'cisco-ios', iosText, position(iosText, ' ip mtu 140'), EDITS / 2);
      report('founding-case samples (ipsec.conf + IOS, both open)', [...a, ...b], 50);
      report('  of which ipsec.conf', a, 50);
      report('  of which IOS config', b, 50);
    } finally {
      await s.stop();
    }
  }
  // 2. The 100,000-line IOS config, alone in a folder: one character typed and deleted.
  await withBigIos(async (s, uri, text) => {
    const times = await typeInto(s, uri, 'cisco-ios', text, position(text, ' ip mtu 140'), EDITS);
    report('100,000-line IOS config', times, 200);
  });
  // 3. The same file, Enter and Backspace at the end of a line in the middle: the line count
  // changes, so every section below the edit moves (its parse nodes are copies with new lines).
  await withBigIos(async (s, uri, text) => {
    const lines = text.split('\n');
    const mid = lines.length >> 1;
    const times = await typeInto(s, uri, 'cisco-ios', text, { line: mid, character: lines[mid].length }, Math.max(2, EDITS / 4), '\n');
    report('100,000-line IOS config, Enter/Backspace mid-file (line count changes)', times, 200);
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/** A server on a fresh folder holding only the generated 100,000-line IOS config. */
async function withBigIos(fn: (s: Awaited<ReturnType<typeof startServer>>, uri: string, text: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tl-lat-'));
  const text = genIos(100_000);
  const file = join(dir, 'big-confg');
  writeFileSync(file, text);
  const s = await startServer({ workspaceFolder: dir });
  try {
    await fn(s, `file://${file}`, text);
  } finally {
    await s.stop();
  }
}
