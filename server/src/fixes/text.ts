// Text edits expressed on a file's current text: replace a range, replace or delete a whole line,
// insert a line after another, append a block. Positions are LSP (0-based line and UTF-16 column).
//
// Every helper reads the text through one line index per text (lineIndex): a document version is
// one string, so every fix and range computation on that version shares one index, built in one
// pass, instead of splitting the whole file again per fix (a hub's fixes all read the hub's file).
import type { Range } from 'vscode-languageserver-types';
import type { TextEditSpec } from '../core/types';

/**
 * The lines of one text, as `text.split(/\r?\n/)` gives them (a line break is `\n` or `\r\n`; a
 * lone `\r` stays in its line), found in one pass over the text and sliced on demand.
 */
export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: number[] = [0];
  private all: string[] | undefined;
  private readonly found = new Map<string, number | undefined>();

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The number of lines (1 for an empty text, as split gives). */
  get length(): number {
    return this.starts.length;
  }

  /** Line `i` without its line break, or undefined past the end. */
  line(i: number): string | undefined {
    if (this.all) return this.all[i];
    if (!(i >= 0 && i < this.starts.length) || !Number.isInteger(i)) return undefined;
    const start = this.starts[i];
    if (i + 1 === this.starts.length) return this.text.slice(start);
    const end = this.starts[i + 1] - 1;
    return this.text.slice(start, end > start && this.text.charCodeAt(end - 1) === 13 ? end - 1 : end);
  }

  /** Every line, as one array shared by every caller (frozen: nobody may change it). */
  lines(): string[] {
    if (!this.all) {
      const out = new Array<string>(this.starts.length);
      for (let i = 0; i < out.length; i++) out[i] = this.line(i)!;
      this.all = Object.freeze(out) as string[];
    }
    return this.all;
  }

  /**
   * The first line at or after `from` (and before `to`) that `re` matches. Answers are kept per
   * pattern and bounds (a hub's fixes look for the same transform set once); a global or sticky
   * pattern, whose answer depends on its lastIndex, is tested every time.
   */
  find(re: RegExp, from = 0, to = Infinity): number | undefined {
    const key = `${re.source}\u0000${re.flags}\u0000${from}\u0000${to}`;
    if (this.found.has(key)) return this.found.get(key);
    let hit: number | undefined;
    const end = Math.min(this.starts.length, to);
    for (let i = from; i < end; i++) {
      if (re.test(this.line(i)!)) {
        hit = i;
        break;
      }
    }
    if (!re.global && !re.sticky) this.found.set(key, hit);
    return hit;
  }
}

/** The line index of a text: the same object for the same text while it is in use (a few recent texts are kept). */
export function lineIndex(text: string): LineIndex {
  let ix = RECENT.get(text);
  if (ix) {
    // Most recently used last.
    RECENT.delete(text);
  } else {
    ix = new LineIndex(text);
    if (RECENT.size >= RECENT_MAX) RECENT.delete(RECENT.keys().next().value as string);
  }
  RECENT.set(text, ix);
  return ix;
}

const RECENT = new Map<string, LineIndex>();
const RECENT_MAX = 8;

/** The lines of `text`, shared (frozen): what `text.split(/\r?\n/)` gives. */
export function splitLines(text: string): string[] {
  return lineIndex(text).lines();
}

export function replaceRange(uri: string, range: Range, newText: string): TextEditSpec {
  return { uri, range, newText };
}

/** Replaces the whole of line `line` (without its line break). */
export function replaceLine(uri: string, text: string, line: number, newLine: string): TextEditSpec {
  const l = lineIndex(text).line(line) ?? '';
  return { uri, range: { start: { line, character: 0 }, end: { line, character: l.length } }, newText: newLine };
}

/** Deletes line `line` with its line break. */
export function deleteLine(uri: string, text: string, line: number): TextEditSpec {
  const lines = lineIndex(text);
  if (line + 1 < lines.length) return { uri, range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
  const prev = Math.max(0, line - 1);
  return { uri, range: { start: { line: prev, character: lines.line(prev)?.length ?? 0 }, end: { line, character: lines.line(line)?.length ?? 0 } }, newText: '' };
}

/** Inserts `newLine` as a line of its own after line `line`. */
export function insertLineAfter(uri: string, text: string, line: number, newLine: string): TextEditSpec {
  const lines = lineIndex(text);
  if (line + 1 < lines.length) return { uri, range: { start: { line: line + 1, character: 0 }, end: { line: line + 1, character: 0 } }, newText: `${newLine}\n` };
  const last = lines.length - 1;
  const at = { line: last, character: lines.line(last)!.length };
  return { uri, range: { start: at, end: at }, newText: `\n${newLine}` };
}

/** Appends a block at the end of the file, on lines of its own. */
export function appendBlock(uri: string, text: string, block: string): TextEditSpec {
  const lines = lineIndex(text);
  const last = lines.length - 1;
  const at = { line: last, character: lines.line(last)!.length };
  const sep = text.length === 0 ? '' : text.endsWith('\n') ? '' : '\n';
  return { uri, range: { start: at, end: at }, newText: `${sep}${block.endsWith('\n') ? block : block + '\n'}` };
}

/** The first line at or after `from` (and before `to`) that matches. */
export function findLine(text: string, re: RegExp, from = 0, to = Infinity): number | undefined {
  return lineIndex(text).find(re, from, to);
}

export function textAt(text: string, range: Range): string {
  if (range.start.line !== range.end.line) return '';
  return (lineIndex(text).line(range.start.line) ?? '').slice(range.start.character, range.end.character);
}
