// The shell commands ifupdown runs for a stanza, read as the shell would (never run): a method's
// `ip tunnel add …` built from its template with the option values spliced in as ifupdown does
// (so a `# comment` in a value ends the command there, as it does for /bin/sh), and the `pre-up`/
// `up`/`post-up` lines. The command text is lexed by the shared shell lexer; each word's range is
// mapped back to the file: into the option value it came from, or onto the template's stand-in.
import type { Range } from 'vscode-languageserver-types';
import { lexShell, type LexError, type Word } from '../shared/shellLexer';
import type { Segment, TextSpan } from './reader';

/** A piece of a command: text copied from the file at `range` (exact), or a template word shown at `range`. */
export interface Piece {
  text: string;
  range: Range;
  exact: boolean;
}

export const lit = (text: string, at: Range): Piece => ({ text, range: at, exact: false });

/** The pieces of a value as written, one per physical segment. */
export function valuePieces(v: TextSpan): Piece[] {
  return v.segments.map((s: Segment) => ({ text: s.text, range: { start: { line: s.line, character: s.character }, end: { line: s.line, character: s.character + s.text.length } }, exact: true }));
}

export interface Built {
  text: string;
  commands: Word[][];
  errors: LexError[];
}

/** Joins the pieces into one command text, lexes it, and maps every word back to the file. */
export function buildCommand(pieces: Piece[]): Built {
  const starts: number[] = [];
  let text = '';
  for (const p of pieces) {
    starts.push(text.length);
    text += p.text;
  }
  const pieceAt = (offset: number): number => {
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const posAt = (offset: number, end: boolean) => {
    if (pieces.length === 0) return { line: 0, character: 0 };
    const k = pieceAt(end ? Math.max(0, offset - 1) : offset);
    const p = pieces[k];
    if (!p.exact) return end ? p.range.end : p.range.start;
    const d = Math.min(Math.max(0, offset - starts[k]), p.text.length);
    return { line: p.range.start.line, character: p.range.start.character + d };
  };
  const map = (start: number, end: number): Range => ({ start: posAt(start, false), end: posAt(end, true) });
  const lexed = lexShell(text);
  const commands = lexed.commands.map((c) => c.words.map((w) => ({ ...w, range: map(w.start, w.end) })));
  const errors = lexed.errors.map((e) => ({ ...e, range: pieces.length ? pieces[0].range : e.range }));
  return { text, commands, errors };
}
