// One netplan YAML file read with the `yaml` package (a maintained parser that keeps the source
// offsets of every node; LineCounter turns them into lines): the document's errors, the `network:`
// mapping, and helpers that give any node's range. Nothing here knows netplan's keys.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Range } from 'vscode-languageserver-types';

export interface YamlFile {
  uri: string;
  text: string;
  lines: LineCounter;
  doc: Document.Parsed;
  errors: { message: string; range: Range }[];
  /** The `network:` pair at the top, when the document is a mapping that has one. */
  network?: Pair<unknown, unknown>;
}

export function readYaml(text: string, uri: string): YamlFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  const f: YamlFile = { uri, text, lines, doc, errors: [] };
  for (const e of doc.errors) f.errors.push({ message: `YAML: ${e.message.split('\n')[0]}`, range: offsetsRange(f, e.pos[0], e.pos[1]) });
  if (isMap(doc.contents)) f.network = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'network');
  return f;
}

function pos(f: YamlFile, offset: number): { line: number; character: number } {
  const o = Math.max(0, Math.min(offset, f.text.length));
  const p = f.lines.linePos(o);
  return { line: p.line - 1, character: p.col - 1 };
}

export function offsetsRange(f: YamlFile, start: number, end: number): Range {
  return { start: pos(f, start), end: pos(f, Math.max(start, end)) };
}

/** The range of a node's value (without trailing comments). */
export function nodeRange(f: YamlFile, n: unknown): Range | undefined {
  const r = (n as Node | null)?.range;
  return r ? offsetsRange(f, r[0], r[1]) : undefined;
}

/** The first and last line of a node's value. */
export function nodeLines(f: YamlFile, n: unknown): [number, number] | undefined {
  const r = (n as Node | null)?.range;
  return r ? [pos(f, r[0]).line, pos(f, Math.max(r[0], r[1] - 1)).line] : undefined;
}

/** A scalar's text ('' for a null), or undefined for a collection. */
export function scalarText(n: unknown): string | undefined {
  if (n === null || n === undefined) return '';
  if (!isScalar(n)) return undefined;
  const v = n.value;
  return v === null ? '' : String(v);
}

/** The pairs of a mapping node (none for anything else). */
export function pairsOf(n: unknown): Pair<unknown, unknown>[] {
  return isMap(n) ? (n as YAMLMap<unknown, unknown>).items.filter((p) => isPair(p)) : [];
}

export const keyText = (p: Pair<unknown, unknown>): string => scalarText(p.key) ?? '';

export { isMap, isScalar, isSeq };
