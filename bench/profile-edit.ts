// Profiling and timing driver (not a benchmark of record): the generated 100,000-line IOS config
// open in a LanguageService, then N edits as the server applies them (TextDocument.update of one
// incremental change, openDocument, the file's diagnostics, serialized as the publish does).
// Prints the median and p95 of each phase. With --prof FILE, the edits after the first 4 are
// profiled (node:inspector) into FILE (a .cpuprofile for Chrome DevTools).
//   node --import tsx bench/profile-edit.ts [char|enter] [N] [--prof FILE]
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../server/src/service/languageService';
import { DEFAULT_SETTINGS } from '../server/src/core/types';
import { fmt, genIos, median, percentile } from './gen';

const mode = process.argv[2] ?? 'char';
const n = Number(process.argv[3] ?? 60);
const text = genIos(100_000);
const uri = 'file:///p/router-confg';
const service = new LanguageService({ fs: { readFile: () => undefined, readDirectory: () => undefined }, settings: () => DEFAULT_SETTINGS });
let doc = TextDocument.create(uri, 'cisco-ios', 1, text);
service.workspace.openDocument(doc);
service.diagnostics(uri);
const lines = text.split('\n');
const mtuLine = lines.findIndex((l) => l.includes(' ip mtu 140'));
const at = mode === 'enter' ? { line: lines.length >> 1, character: lines[lines.length >> 1].length } : { line: mtuLine, character: lines[mtuLine].indexOf(' ip mtu 140') + 11 };
const profOut = process.argv.includes('--prof') ? process.argv[process.argv.indexOf('--prof') + 1] : undefined;
const session = profOut ? new Session() : undefined;
session?.connect();
const post = (method: string, params?: object) => new Promise<any>((res, rej) => session!.post(method, params ?? {}, (e, r) => (e ? rej(e) : res(r))));
const phases: Record<string, number[]> = { update: [], parse: [], findings: [], diagnostics: [], total: [] };
async function main() {
for (let v = 2; v < n + 2; v++) {
  if (v === 5 && session) {
    await post('Profiler.enable');
    await post('Profiler.start');
  }
  const insert = v % 2 === 0;
  const ch = mode === 'enter' ? '\n' : '7';
  const end = mode === 'enter' ? { line: at.line + 1, character: 0 } : { line: at.line, character: at.character + 1 };
  const t0 = performance.now();
  doc = TextDocument.update(doc, [{ range: insert ? { start: at, end: at } : { start: at, end }, text: insert ? ch : '' }], v);
  service.workspace.openDocument(doc);
  const t1 = performance.now();
  service.parse(uri);
  const t2 = performance.now();
  service.findings(uri);
  const t3 = performance.now();
  JSON.stringify(service.diagnostics(uri));
  const t4 = performance.now();
  if (v > 4) {
    phases.update.push(t1 - t0);
    phases.parse.push(t2 - t1);
    phases.findings.push(t3 - t2);
    phases.diagnostics.push(t4 - t3);
    phases.total.push(t4 - t0);
  }
}
if (session) writeFileSync(profOut!, JSON.stringify((await post('Profiler.stop')).profile));
console.log(`${mode}, ${n} edits: ` + Object.entries(phases).map(([k, xs]) => `${k} p50 ${fmt(median(xs))} p95 ${fmt(percentile(xs, 95))}`).join('; '));
}
void main();
