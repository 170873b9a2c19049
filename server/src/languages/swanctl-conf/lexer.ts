// The strongSwan settings lexer, state for state as libstrongswan's settings_lexer.l reads
// swanctl.conf (docs/reference/swanctl-conf.md §1): names, `{ } . , : =`, values after `=` up to a
// newline, `#` or `}`, double-quoted strings with their escapes, and `include PATTERN`, which is
// no token at all: the included files' tokens take its place (the lexer pushes their buffers).
// Positions are LSP positions (a lone CR is a line break for the editor, not for libstrongswan).
import type { Range } from 'vscode-languageserver-types';
import { LineUse, markLines } from '../../core/lines';

export type TokenType = 'name' | 'string' | 'lbrace' | 'rbrace' | 'dot' | 'comma' | 'colon' | 'equals' | 'newline' | 'string-error' | 'include' | 'eof';

export interface Token {
  type: TokenType;
  /** NAME text, the unescaped STRING, the include pattern. */
  text: string;
  uri: string;
  range: Range;
  /** string-error: libstrongswan's message. */
  error?: string;
  /** include: the files it expanded to (their tokens follow it in the stream). */
  include?: IncludeInfo;
  /** A token of an included file: the include statement of the outermost file that brought it in. */
  via?: { uri: string; range: Range };
}

export interface IncludeInfo {
  pattern: string;
  /** `include` and its pattern. */
  range: Range;
  patternRange: Range;
  /** The matched files, in glob order; empty when none matched. */
  targets: string[];
  /** Set when the include could not be followed (a cycle, too deep). */
  refused?: string;
}

/** Maps string offsets to LSP positions (\n, \r\n and a lone \r end a line, as TextDocument counts). */
export class Positions {
  readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }
  get lineCount(): number {
    return this.starts.length;
  }
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  pos(offset: number): { line: number; character: number } {
    const line = this.lineOf(offset);
    return { line, character: offset - this.starts[line] };
  }
  range(from: number, to: number): Range {
    return { start: this.pos(from), end: this.pos(to) };
  }
}

/** Characters that end a NAME outside a value (lexer `NAME [^#{}:.,="\r\n\t ]`). */
const NAME_STOP = new Set(['#', '{', '}', ':', '.', ',', '=', '"', '\r', '\n', '\t', ' ']);
/** Characters that end a word of a value (`[^#}"\r\n\t ]+`). */
const VALUE_STOP = new Set(['#', '}', '"', '\r', '\n', '\t', ' ']);
/** Characters that end an unquoted include pattern piece (`[^"\\#}\r\n\t ]+`). */
const INCLUDE_STOP = new Set(['"', '\\', '#', '}', '\r', '\n', '\t', ' ']);

export interface LexResult {
  tokens: Token[];
  /** One mark per line of this file: trivia where the lexer only met blanks and comments. */
  ledger: Uint8Array;
  positions: Positions;
}

/**
 * Lexes one file. `include` is called for each include statement with its pattern; it returns the
 * token stream of the files it matched (already lexed, without their end of file) and the files.
 */
export function lex(text: string, uri: string, include: (pattern: string) => { tokens: Token[]; targets: string[]; refused?: string }): LexResult {
  const pos = new Positions(text);
  const ledger = new Uint8Array(pos.lineCount);
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let state: 'initial' | 'ref' | 'val' = 'initial';

  const push = (type: TokenType, from: number, to: number, tokenText: string, extra?: Partial<Token>): Token => {
    const t: Token = { type, text: tokenText, uri, range: pos.range(from, to), ...extra };
    tokens.push(t);
    return t;
  };
  const trivia = (from: number, to: number) => markLines(ledger, pos.lineOf(from), pos.lineOf(Math.max(from, to - 1)), LineUse.trivia);

  /** Blanks, newlines and comments (initial and ref states). */
  const skipBlank = () => {
    const from = i;
    while (i < n) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n') i++;
      else if (c === '#') {
        while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
      } else break;
    }
    if (i > from) trivia(from, i);
  };

  /** A quoted string from the opening quote at i; returns its text or an error (unterminated, at EOF). */
  const scanString = (): { text: string; end: number; error?: string } => {
    let j = i + 1;
    let out = '';
    while (j < n) {
      const c = text[j];
      if (c === '"') return { text: out, end: j + 1 };
      if (c === '\r') {
        j++;
        continue;
      }
      if (c === '\\') {
        const d = text[j + 1];
        if (d === undefined) break;
        if (d === 'n') out += '\n';
        else if (d === 'r') out += '\r';
        else if (d === 't') out += '\t';
        else if (d === '\n') {
          j += 2;
          continue;
        } else if (d === '\r' && text[j + 2] === '\n') {
          j += 3;
          continue;
        } else out += d;
        j += 2;
        continue;
      }
      out += c;
      j++;
    }
    return { text: out, end: n, error: 'unterminated string detected' };
  };

  const scanInclude = (start: number) => {
    // `include` and its blanks are consumed; the pattern follows (state `inc`).
    let pattern = '';
    const patternFrom = i;
    let error: { from: number; message: string } | undefined;
    for (;;) {
      if (i >= n) break;
      const c = text[i];
      if (c === '\r') {
        i++;
        continue;
      }
      if (c === '#' || c === '}' || c === '\n') break;
      if (c === '\t' || c === ' ') {
        i++;
        break;
      }
      if (c === '"') {
        const s = scanString();
        if (s.error) {
          error = { from: i, message: s.error };
          i = s.end;
          break;
        }
        pattern += s.text;
        i = s.end;
        break; // a string include ends the pattern (both states are popped)
      }
      if (c === '\\') {
        const d = text[i + 1];
        if (d === '"' || d === '#' || d === '}' || d === ' ') {
          pattern += d;
          i += 2;
        } else {
          pattern += '\\';
          i++;
        }
        continue;
      }
      const from = i;
      while (i < n && !INCLUDE_STOP.has(text[i])) i++;
      pattern += text.slice(from, i);
    }
    if (error) {
      push('string-error', error.from, n, '', { error: error.message });
      return;
    }
    const patternEnd = Math.max(patternFrom, trimEnd(text, patternFrom, i));
    const expanded = pattern === '' ? { tokens: [], targets: [] } : include(pattern);
    const info: IncludeInfo = {
      pattern,
      range: pos.range(start, patternEnd),
      patternRange: pos.range(patternFrom, patternEnd),
      targets: expanded.targets,
      refused: expanded.refused,
    };
    push('include', start, patternEnd, pattern, { include: info });
    // Set at every level, the outermost last: `via` ends up naming this file's include.
    for (const t of expanded.tokens) {
      t.via = { uri, range: info.range };
      tokens.push(t);
    }
  };

  while (i < n || state === 'val') {
    if (state === 'val') {
      while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r')) i++;
      if (i >= n || text[i] === '#' || text[i] === '}' || text[i] === '\n') {
        // The value ends; `#`, `}` and the newline are read again in the initial state.
        push('newline', i, i, '');
        state = 'initial';
        continue;
      }
      if (text[i] === '"') {
        const s = scanString();
        if (s.error) {
          push('string-error', i, s.end, '', { error: s.error });
          i = s.end;
          state = 'initial';
          continue;
        }
        push('string', i, s.end, s.text);
        i = s.end;
        continue;
      }
      const from = i;
      while (i < n && !VALUE_STOP.has(text[i])) i++;
      push('name', from, i, text.slice(from, i));
      continue;
    }
    skipBlank();
    if (i >= n) break;
    const c = text[i];
    if (state === 'ref') {
      if (c === ',') {
        push('comma', i, i + 1, ',');
        i++;
        continue;
      }
      if (!NAME_STOP.has(c)) {
        // `{NAME}+(\.{NAME}+)*`: a dotted section path.
        const from = i;
        for (;;) {
          while (i < n && !NAME_STOP.has(text[i])) i++;
          if (text[i] === '.' && i + 1 < n && !NAME_STOP.has(text[i + 1])) i++;
          else break;
        }
        push('name', from, i, text.slice(from, i));
        continue;
      }
      state = 'initial';
      continue;
    }
    switch (c) {
      case '{':
        push('lbrace', i, i + 1, c);
        i++;
        continue;
      case '}':
        push('rbrace', i, i + 1, c);
        i++;
        continue;
      case '.':
        push('dot', i, i + 1, c);
        i++;
        continue;
      case ',':
        push('comma', i, i + 1, c);
        i++;
        continue;
      case ':':
        push('colon', i, i + 1, c);
        i++;
        state = 'ref';
        continue;
      case '=':
        push('equals', i, i + 1, c);
        i++;
        state = 'val';
        continue;
      case '"':
        push('string-error', i, i + 1, '', { error: 'unexpected string detected' });
        i++;
        continue;
    }
    if (text.startsWith('include', i)) {
      // `"include"[\t ]+/[^=]`: blanks, then any character but `=` (which makes `include` a key).
      let k = i + 7;
      while (k < n && (text[k] === ' ' || text[k] === '\t')) k++;
      if (k > i + 7 && k < n && text[k] !== '=') {
        const start = i;
        i = k;
        scanInclude(start);
        continue;
      }
    }
    const from = i;
    while (i < n && !NAME_STOP.has(text[i])) i++;
    push('name', from, i, text.slice(from, i));
  }
  push('eof', n, n, '');
  // Lines holding nothing at all (the end of the file after its last newline) are blank too.
  for (let l = 0; l < ledger.length; l++) {
    if (ledger[l] !== LineUse.unread) continue;
    const end = l + 1 < pos.starts.length ? pos.starts[l + 1] : n;
    if (/^[ \t\r\n]*$/.test(text.slice(pos.starts[l], end))) ledger[l] = LineUse.trivia;
  }
  return { tokens, ledger, positions: pos };
}

function trimEnd(text: string, from: number, to: number): number {
  let e = to;
  while (e > from && (text[e - 1] === ' ' || text[e - 1] === '\t' || text[e - 1] === '\r')) e--;
  return e;
}

/** How bison names a token in its messages ("unexpected NAME, expecting …"). */
export function tokenName(t: Token): string {
  switch (t.type) {
    case 'name':
      return 'NAME';
    case 'string':
      return 'STRING';
    case 'lbrace':
      return "'{'";
    case 'rbrace':
      return "'}'";
    case 'dot':
      return '.';
    case 'comma':
      return ',';
    case 'colon':
      return ':';
    case 'equals':
      return "'='";
    case 'newline':
      return 'NEWLINE';
    case 'string-error':
      return 'STRING_ERROR';
    default:
      return 'end of file';
  }
}
