// Text edits expressed on a file's current text: replace a range, replace or delete a whole line,
// insert a line after another, append a block. Positions are LSP (0-based line and UTF-16 column).
import type { Range } from 'vscode-languageserver-types';
import type { TextEditSpec } from '../core/types';

export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

export function replaceRange(uri: string, range: Range, newText: string): TextEditSpec {
  return { uri, range, newText };
}

/** Replaces the whole of line `line` (without its line break). */
export function replaceLine(uri: string, text: string, line: number, newLine: string): TextEditSpec {
  const l = splitLines(text)[line] ?? '';
  return { uri, range: { start: { line, character: 0 }, end: { line, character: l.length } }, newText: newLine };
}

/** Deletes line `line` with its line break. */
export function deleteLine(uri: string, text: string, line: number): TextEditSpec {
  const lines = splitLines(text);
  if (line + 1 < lines.length) return { uri, range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
  const prev = Math.max(0, line - 1);
  return { uri, range: { start: { line: prev, character: lines[prev]?.length ?? 0 }, end: { line, character: lines[line]?.length ?? 0 } }, newText: '' };
}

/** Inserts `newLine` as a line of its own after line `line`. */
export function insertLineAfter(uri: string, text: string, line: number, newLine: string): TextEditSpec {
  const lines = splitLines(text);
  if (line + 1 < lines.length) return { uri, range: { start: { line: line + 1, character: 0 }, end: { line: line + 1, character: 0 } }, newText: `${newLine}\n` };
  const last = lines.length - 1;
  const at = { line: last, character: lines[last].length };
  return { uri, range: { start: at, end: at }, newText: `\n${newLine}` };
}

/** Appends a block at the end of the file, on lines of its own. */
export function appendBlock(uri: string, text: string, block: string): TextEditSpec {
  const lines = splitLines(text);
  const last = lines.length - 1;
  const at = { line: last, character: lines[last].length };
  const sep = text.length === 0 ? '' : text.endsWith('\n') ? '' : '\n';
  return { uri, range: { start: at, end: at }, newText: `${sep}${block.endsWith('\n') ? block : block + '\n'}` };
}

/** The first line at or after `from` (and before `to`) that matches. */
export function findLine(text: string, re: RegExp, from = 0, to = Infinity): number | undefined {
  const lines = splitLines(text);
  for (let i = from; i < Math.min(lines.length, to); i++) if (re.test(lines[i])) return i;
  return undefined;
}

export function textAt(text: string, range: Range): string {
  const lines = splitLines(text);
  if (range.start.line !== range.end.line) return '';
  return (lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
}
