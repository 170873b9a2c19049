// Reads one interfaces(5) file into stanzas and options, as ifupdown's config.c does
// (docs/reference/ifupdown.md §1, §8): a line whose first non-blank character is `#` is a comment
// (end-of-line comments do not exist: a `#` later on a line is part of the value), a line ending
// in a backslash continues on the next with the backslash and the line break removed, a line whose
// first word is a stanza keyword starts a stanza, any other line is an option of the current
// `iface`/`mapping`/`template` stanza and, anywhere else, a "misplaced option" that makes ifupdown
// read none of the file. Nothing is resolved or followed here (config.ts does that).
import type { Range } from 'vscode-languageserver-types';

/** A piece of a logical line on one physical line: its text and where it starts. */
export interface Segment {
  text: string;
  line: number;
  character: number;
}

export interface TextSpan {
  text: string;
  range: Range;
  /** The physical pieces of the text (one unless the line was continued). */
  segments: Segment[];
}

export interface Option {
  name: string;
  nameRange: Range;
  /** Everything after the name, trimmed, the continuation joined ('' when none). */
  value: TextSpan;
  line: number;
  endLine: number;
}

export type StanzaKind =
  | 'iface'
  | 'template'
  | 'mapping'
  | 'auto'
  | 'allow'
  | 'rename'
  | 'no-auto-down'
  | 'no-scripts'
  | 'source'
  | 'source-directory';

export interface Stanza {
  kind: StanzaKind;
  uri: string;
  keyword: TextSpan;
  /** The words after the keyword on the header line. */
  words: TextSpan[];
  /** The header's rest as written (source patterns may hold blanks). */
  rest: TextSpan;
  options: Option[];
  line: number;
  /** The last line of the header or of its last option. */
  endLine: number;
  headerRange: Range;
}

export interface ReadError {
  message: string;
  range: Range;
  line: number;
}

export interface ReadFile {
  uri: string;
  text: string;
  stanzas: Stanza[];
  /** Options outside any iface/mapping stanza: ifupdown reads none of the file then. */
  errors: ReadError[];
  /** Lines a continued logical line goes on to: [from, to]. */
  continued: [number, number][];
  /** Comment lines (including the lines they continue onto). */
  comments: number[];
  lineCount: number;
}

/** Keyword → stanza kind; `allow-*` and `source-dir*` by prefix (config.c). */
export function stanzaKindOf(word: string): StanzaKind | undefined {
  if (word === 'iface' || word === 'template' || word === 'mapping' || word === 'auto' || word === 'rename' || word === 'no-auto-down' || word === 'no-scripts' || word === 'source') return word;
  if (word.startsWith('allow-')) return 'allow';
  if (word.startsWith('source-dir')) return 'source-directory';
  return undefined;
}

/** Stanzas whose following lines are options. */
const TAKES_OPTIONS = new Set<StanzaKind>(['iface', 'template', 'mapping']);

interface Logical {
  segments: Segment[];
  text: string;
  line: number;
  endLine: number;
}

function logicalLines(text: string): Logical[] {
  const phys = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const out: Logical[] = [];
  for (let i = 0; i < phys.length; i++) {
    const segs: Segment[] = [];
    const start = i;
    for (;;) {
      const l = phys[i];
      if (l.endsWith('\\') && i + 1 < phys.length) {
        segs.push({ text: l.slice(0, -1), line: i, character: 0 });
        i++;
        continue;
      }
      segs.push({ text: l, line: i, character: 0 });
      break;
    }
    out.push({ segments: segs, text: segs.map((s) => s.text).join(''), line: start, endLine: i });
  }
  return out;
}

/** The position of an offset of a logical line's joined text. */
function positionIn(segs: Segment[], offset: number): { line: number; character: number } {
  let at = 0;
  for (let k = 0; k < segs.length; k++) {
    const s = segs[k];
    if (offset <= at + s.text.length && (offset < at + s.text.length || k === segs.length - 1)) return { line: s.line, character: s.character + offset - at };
    at += s.text.length;
  }
  const last = segs[segs.length - 1];
  return { line: last.line, character: last.character + last.text.length };
}

/** The segments covering [from, to) of a logical line's joined text. */
function segmentsOf(segs: Segment[], from: number, to: number): Segment[] {
  if (to <= from) return [{ text: '', ...positionIn(segs, from) }];
  const out: Segment[] = [];
  let at = 0;
  for (const s of segs) {
    const a = Math.max(from, at);
    const b = Math.min(to, at + s.text.length);
    if (b > a) out.push({ text: s.text.slice(a - at, b - at), line: s.line, character: s.character + a - at });
    at += s.text.length;
  }
  return out;
}

function span(l: Logical, from: number, to: number): TextSpan {
  return { text: l.text.slice(from, to), range: { start: positionIn(l.segments, from), end: positionIn(l.segments, to) }, segments: segmentsOf(l.segments, from, to) };
}

/** The words of [from, to) of a logical line, split at blanks. */
function wordsOf(l: Logical, from: number): TextSpan[] {
  const out: TextSpan[] = [];
  const re = /\S+/g;
  re.lastIndex = from;
  for (let m = re.exec(l.text); m; m = re.exec(l.text)) out.push(span(l, m.index, m.index + m[0].length));
  return out;
}

export function readInterfaces(text: string, uri: string): ReadFile {
  const file: ReadFile = { uri, text, stanzas: [], errors: [], continued: [], comments: [], lineCount: text.split('\n').length };
  let cur: Stanza | undefined;
  for (const l of logicalLines(text)) {
    if (l.endLine > l.line) file.continued.push([l.line + 1, l.endLine]);
    const first = /\S/.exec(l.text);
    if (!first) {
      // Blank once joined (a lone backslash continuing onto a blank line): nothing to read.
      for (let k = l.line; k <= l.endLine; k++) file.comments.push(k);
      continue;
    }
    if (l.text[first.index] === '#') {
      for (let k = l.line; k <= l.endLine; k++) file.comments.push(k);
      continue;
    }
    const m = /\S+/.exec(l.text.slice(first.index))!;
    const word = m[0];
    const wordEnd = first.index + word.length;
    const restStart = wordEnd + (/^\s*/.exec(l.text.slice(wordEnd))?.[0].length ?? 0);
    const restEnd = l.text.trimEnd().length;
    const rest = span(l, restStart, Math.max(restStart, restEnd));
    const kind = stanzaKindOf(word);
    if (kind) {
      cur = {
        kind,
        uri,
        keyword: span(l, first.index, wordEnd),
        words: wordsOf(l, wordEnd),
        rest,
        options: [],
        line: l.line,
        endLine: l.endLine,
        headerRange: { start: positionIn(l.segments, first.index), end: positionIn(l.segments, restEnd) },
      };
      file.stanzas.push(cur);
      continue;
    }
    if (!cur || !TAKES_OPTIONS.has(cur.kind)) {
      const where = cur ? `after the \`${cur.keyword.text}\` line (only iface and mapping stanzas take options)` : 'before any stanza';
      // The finding starts on the logical line's first line, also when a continuation brings the word.
      const r = span(l, first.index, restEnd).range;
      file.errors.push({ message: `\`${word.length > 40 ? word.slice(0, 37) + '…' : word}\` is an option ${where}: ifupdown stops with "misplaced option" and reads none of this file.`, range: { start: r.start.line === l.line ? r.start : { line: l.line, character: 0 }, end: r.end }, line: l.line });
      continue;
    }
    cur.options.push({ name: word, nameRange: span(l, first.index, wordEnd).range, value: rest, line: l.line, endLine: l.endLine });
    cur.endLine = l.endLine;
  }
  return file;
}

/** The stanza's range: its header to its last option. */
export function stanzaRange(s: Stanza): Range {
  const last = s.options[s.options.length - 1];
  return { start: s.headerRange.start, end: last ? last.value.range.end : s.headerRange.end };
}
