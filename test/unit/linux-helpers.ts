// Shared by the linux-*.test.ts files: sample and fixture files (or texts with position markers)
// analysed by the real language service over the one in-memory FileSystem (test/helpers), so the
// findings are those of the parser and of every registered check, as a user sees them.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Position } from 'vscode-languageserver-types';
import type { CompletionEntry, Finding, ParsedFile, Settings } from '../../server/src/core/types';
import { LineUse } from '../../server/src/core/lines';
import { dialectById } from '../../server/src/languages';
import { analyse, type Analysed } from '../helpers/analyse';
import type { Marked } from '../helpers/markers';
import { readFolder } from '../helpers/memoryFs';

export const FIXTURES = resolve(__dirname, '../fixtures/linux');
export const SAMPLES = resolve(__dirname, '../../samples');

export interface LinuxFile {
  r: Analysed;
  uri: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  file: ParsedFile<any>;
  /** The findings on this file (parser, checks and peer checks). */
  findings: Finding[];
  marks: Marked | undefined;
  onLine(line: number): Finding[];
  /** The dialect's own hover text at pos. */
  hover(pos: Position): string | undefined;
  complete(pos: Position): string[];
  completions(pos: Position): CompletionEntry[];
  /** What the dialect's line ledger says of each line. */
  lineUse(): LineUseName[];
}

export type LineUseName = 'unread' | 'trivia' | 'model' | 'outside' | 'continued';
const NAMES = Object.fromEntries(Object.entries(LineUse).map(([k, v]) => [v, k])) as Record<number, LineUseName>;

function view(r: Analysed, key: string): LinuxFile {
  const uri = r.uri(key);
  const file = r.service.parse(uri);
  if (!file) throw new Error(`${key} was not analysed`);
  const dialect = dialectById(file.languageId)!;
  const ctx = r.service.workspace.context();
  const findings = r.findings.filter((f) => f.uri === uri);
  return {
    r,
    uri,
    file,
    findings,
    marks: r.marks[key],
    onLine: (line) => findings.filter((f) => f.range.start.line === line),
    hover: (pos) => dialect.hover?.(file, pos, ctx)?.markdown,
    completions: (pos) => dialect.complete?.(file, pos, ctx) ?? [],
    complete: (pos) => (dialect.complete?.(file, pos, ctx) ?? []).map((c) => c.label),
    lineUse: () => [...dialect.lineUse(file)].map((u) => NAMES[u]),
  };
}

/** A file on disk, alone in the workspace. */
export function analyseFile(path: string, settings: Partial<Settings> = {}): LinuxFile {
  return view(analyse({ [path]: readFileSync(path, 'utf8') }, settings), path);
}

/** A file on disk with the other files of its folder (the companion ifcfg of a hook script). */
export function analyseInFolder(path: string, settings: Partial<Settings> = {}): LinuxFile {
  const files = readFolder(dirname(path));
  const r = analyse(files, settings);
  const uri = [...files.keys()].find((u) => u.endsWith(`/${path.split('/').pop()}`))!;
  return view(r, uri);
}

/** A text (position markers allowed) under a file name whose name picks the dialect. */
export function analyseText(text: string, name = '/virtual/ifcfg-x', settings: Partial<Settings> = {}): LinuxFile {
  return view(analyse({ [name]: text }, settings), name);
}

/** `line:code:severity` of each finding, in order. */
export function codes(f: LinuxFile): string[] {
  return f.findings.map((x) => `${x.range.start.line}:${x.code}:${x.severity}`);
}
