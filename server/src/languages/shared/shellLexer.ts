// A shell word lexer: splits text into simple commands and words the way bash quotes them, and
// records expansions instead of performing them. NOTHING is ever executed: `$(…)`, backticks and
// `$VAR` become parts a caller may resolve from variables it already knows, or leave dynamic.
// Used by the shellscript dialect (ip commands) and by ifcfg (initscripts sources ifcfg with bash).
//
// One scanner method per construct. Every step moves forward through the text and no construct
// re-reads what an earlier one read, so the cost stays linear in the text whatever it holds (a
// fuzz case once made the assignment-word test quadratic on a long run of NAME=value words).
import type { Range } from 'vscode-languageserver-types';

export type Part =
  | { kind: 'lit'; text: string }
  /** $NAME, ${NAME}, $1 */
  | { kind: 'var'; name: string }
  /** $(…), `…`, $((…)), ${…complex…} */
  | { kind: 'subst'; text: string };

export interface Word {
  raw: string;
  start: number;
  end: number;
  range: Range;
  parts: Part[];
  /** Any quoting was used. */
  quoted: boolean;
  /** Unquoted glob characters (* ? [). */
  glob: boolean;
  /** For NAME=value / NAME+=value words: the name and the value's parts. */
  assign?: { name: string; append: boolean; parts: Part[]; valueStart: number };
}

export interface Command {
  words: Word[];
  start: number;
  end: number;
  /** The operator that ended it: ';', '&&', '||', '|', '&', '\n', ')', or '' at the end. */
  terminator: string;
}

export interface LexError {
  range: Range;
  message: string;
}

/** A stretch of text [start, end) by offsets. */
export interface Span {
  start: number;
  end: number;
}

export interface Lexed {
  commands: Command[];
  errors: LexError[];
  /** Offsets of the starts of every line (for position conversion). */
  lineStarts: number[];
  /** Here-document bodies, delimiter line included: text bash feeds a command, never commands. */
  heredocs: Span[];
  /**
   * Shell syntax that is no word of a command: operators, redirections with their targets, line
   * continuations between words. The line ledger needs it for lines that hold nothing else.
   */
  syntax: Span[];
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

export function positionAt(lineStarts: number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo] };
}

const ANSI: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/** Control and redirection operators, longest first where one is a prefix of another (bash's order). */
const OPERATOR = /^(;;&?|;&|;|&&|\|\||\|&|\||&|\(|\)|<<-?|<<<|>>|>&|<&|>\||<>|>|<)/;
/** `NAME=` or `NAME+=` at the start of a word (bash's assignment words). */
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/;
/** The delimiter word after `<<`: sticky, so it is matched in place and the rest of the text is never copied. */
const HEREDOC_DELIMITER = /(['"]?)([^\s'";&|<>()]+)\1/y;
const DOLLAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*|^[0-9@*#?$!-]/;
const SIMPLE_BRACED = /^[A-Za-z_][A-Za-z0-9_]*$|^[0-9]$/;
const WORD_END = ';&|()<>';
/** Characters of a word that need no construct of their own (sticky: matched in place). */
const PLAIN_RUN = /[^ \t\n\r;&|()<>\\'"$`]+/y;
/** Characters inside double quotes that are themselves. */
const QUOTED_RUN = /[^"\\$`]+/y;

/** The parts of one word as they are read: adjacent literal text is joined into one part. */
class WordParts {
  readonly parts: Part[] = [];
  quoted = false;
  glob = false;
  lit(s: string): void {
    const last = this.parts[this.parts.length - 1];
    if (last && last.kind === 'lit') last.text += s;
    else this.parts.push({ kind: 'lit', text: s });
  }
  add(p: Part): void {
    if (p.kind === 'lit') this.lit(p.text);
    else this.parts.push(p);
  }
}

class ShellScanner {
  private readonly lineStarts: number[];
  private readonly commands: Command[] = [];
  private readonly errors: LexError[] = [];
  private readonly heredocs: Span[] = [];
  private readonly syntax: Span[] = [];
  private i = 0;
  private words: Word[] = [];
  /** Words of the current command that are not assignments: assignment words only count before the command word. */
  private nonAssignments = 0;
  private cmdStart = -1;
  private pendingHeredocs: { delim: string; strip: boolean }[] = [];
  /** The next word is the target of a redirection, not a word of the command. */
  private skipNextWord = false;

  constructor(private readonly text: string) {
    this.lineStarts = lineStartsOf(text);
  }

  run(): Lexed {
    while (this.i < this.text.length) this.step();
    this.endCommand('', this.text.length);
    return { commands: this.commands, errors: this.errors, lineStarts: this.lineStarts, heredocs: this.heredocs, syntax: this.syntax };
  }

  private rangeOf(s: number, e: number): Range {
    return { start: positionAt(this.lineStarts, s), end: positionAt(this.lineStarts, e) };
  }

  private step(): void {
    const { text, i } = this;
    const c = text[i];
    if (c === '\n') return this.newline();
    if (c === ' ' || c === '\t' || c === '\r') {
      this.i++;
      return;
    }
    if (c === '\\' && text[i + 1] === '\n') return this.continuation();
    if (c === '#') return this.comment();
    const op = OPERATOR.exec(text.slice(i, i + 3));
    if (op) return this.operator(op[0]);
    this.word();
  }

  private endCommand(terminator: string, at: number): void {
    if (this.words.length) this.commands.push({ words: this.words, start: this.cmdStart, end: at, terminator });
    this.words = [];
    this.nonAssignments = 0;
    this.cmdStart = -1;
  }

  /** A newline ends the command; the bodies of here-documents opened on the line follow it. */
  private newline(): void {
    this.endCommand('\n', this.i);
    this.i++;
    if (this.pendingHeredocs.length) {
      for (const d of this.pendingHeredocs) this.heredocBody(d);
      this.pendingHeredocs = [];
    }
  }

  /** Backslash-newline between words joins the lines. */
  private continuation(): void {
    this.syntax.push({ start: this.i, end: this.i + 2 });
    this.i += 2;
  }

  private comment(): void {
    const e = this.text.indexOf('\n', this.i);
    this.i = e < 0 ? this.text.length : e;
  }

  private operator(o: string): void {
    const start = this.i;
    if (o.startsWith('<<') && o !== '<<<') this.heredocOperator(o);
    else if (/[<>]/.test(o)) this.redirection(o);
    else {
      this.endCommand(o, this.i);
      this.i += o.length;
    }
    this.syntax.push({ start, end: this.i });
  }

  /** `<<WORD` / `<<-WORD`: remember the delimiter; the body is skipped after the line ends. */
  private heredocOperator(o: string): void {
    let k = this.i + o.length;
    while (this.text[k] === ' ' || this.text[k] === '\t') k++;
    HEREDOC_DELIMITER.lastIndex = k;
    const m = HEREDOC_DELIMITER.exec(this.text);
    if (m) {
      this.pendingHeredocs.push({ delim: m[2], strip: o === '<<-' });
      this.i = k + m[0].length;
    } else this.i += o.length;
  }

  /** A redirection drops a preceding fd number word and the following target word. */
  private redirection(o: string): void {
    const last = this.words[this.words.length - 1];
    if (last && /^\d+$/.test(last.raw) && last.end === this.i) {
      this.words.pop();
      if (!last.assign) this.nonAssignments--;
      this.syntax.push({ start: last.start, end: last.end });
    }
    this.skipNextWord = true;
    this.i += o.length;
  }

  /** The lines of one here-document body, up to and including its delimiter line. */
  private heredocBody(d: { delim: string; strip: boolean }): void {
    const { text } = this;
    const start = this.i;
    let i = this.i;
    while (i < text.length) {
      const e = text.indexOf('\n', i);
      const line = text.slice(i, e < 0 ? text.length : e);
      i = e < 0 ? text.length : e + 1;
      if ((d.strip ? line.replace(/^\t+/, '') : line) === d.delim) break;
    }
    this.i = i;
    if (i > start) this.heredocs.push({ start, end: i });
  }

  private word(): void {
    const { text } = this;
    const start = this.i;
    const w = new WordParts();
    const am = ASSIGNMENT.exec(text.slice(this.i, this.i + 256));
    const isAssignment = !!am && this.nonAssignments === 0;
    if (isAssignment) this.i += am![0].length;
    while (this.i < text.length) {
      const ch = text[this.i];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || WORD_END.includes(ch)) break;
      if (ch === '\\') this.escape(w);
      else if (ch === "'") this.singleQuote(w);
      else if (ch === '$' && text[this.i + 1] === "'") this.ansiQuote(w);
      else if (ch === '"') this.doubleQuote(w);
      else if (ch === '$') {
        const [p, e] = this.dollar(this.i);
        w.add(p);
        this.i = e;
      } else if (ch === '`') this.backquote(w);
      else {
        // A run of plain characters at once: one string, not one concatenation per character
        // (a 10 MB value made a rope of ten million pieces).
        PLAIN_RUN.lastIndex = this.i;
        const run = PLAIN_RUN.exec(text)![0];
        if (/[*?[]/.test(run)) w.glob = true;
        w.lit(run);
        this.i += run.length;
      }
    }
    const assign = isAssignment ? { name: am![1], append: am![2] === '+', parts: w.parts, valueStart: start + am![0].length } : undefined;
    const word: Word = {
      raw: text.slice(start, this.i),
      start,
      end: this.i,
      range: this.rangeOf(start, this.i),
      parts: assign ? [{ kind: 'lit', text: am![0] }, ...w.parts] : w.parts,
      quoted: w.quoted,
      glob: w.glob,
      assign,
    };
    if (this.skipNextWord) {
      this.skipNextWord = false;
      this.syntax.push({ start, end: this.i });
      return;
    }
    if (this.cmdStart < 0) this.cmdStart = start;
    this.words.push(word);
    if (!assign) this.nonAssignments++;
  }

  /** `\c` outside quotes: the character itself; backslash-newline inside a word joins the lines. */
  private escape(w: WordParts): void {
    const { text, i } = this;
    if (text[i + 1] === '\n') {
      this.i += 2;
      return;
    }
    if (i + 1 >= text.length) {
      this.i++;
      return;
    }
    w.quoted = true;
    w.lit(text[i + 1]);
    this.i += 2;
  }

  /** `'…'`: everything literal up to the next quote. */
  private singleQuote(w: WordParts): void {
    const { text, i } = this;
    w.quoted = true;
    const e = text.indexOf("'", i + 1);
    if (e < 0) {
      this.errors.push({ range: this.rangeOf(i, i + 1), message: 'unterminated single quote' });
      w.lit(text.slice(i + 1));
      this.i = text.length;
      return;
    }
    w.lit(text.slice(i + 1, e));
    this.i = e + 1;
  }

  /** `$'…'`: ANSI-C escapes. */
  private ansiQuote(w: WordParts): void {
    const { text, i } = this;
    w.quoted = true;
    let k = i + 2;
    let s = '';
    while (k < text.length && text[k] !== "'") {
      if (text[k] === '\\' && k + 1 < text.length) {
        const n = text[k + 1];
        s += ANSI[n] !== undefined ? ANSI[n] : '\\' + n;
        k += 2;
      } else s += text[k++];
    }
    if (k >= text.length) this.errors.push({ range: this.rangeOf(i, i + 2), message: "unterminated $'…' quote" });
    w.lit(s);
    this.i = k + 1;
  }

  /** `"…"`: `$` and backquotes expand inside; `\` escapes only `$ \` " \\` and newline. */
  private doubleQuote(w: WordParts): void {
    const { text, i } = this;
    w.quoted = true;
    let k = i + 1;
    let closed = false;
    while (k < text.length) {
      const d = text[k];
      if (d === '"') {
        closed = true;
        k++;
        break;
      }
      if (d === '\\' && k + 1 < text.length) {
        const n = text[k + 1];
        if (n !== '\n') w.lit('$`"\\'.includes(n) ? n : '\\' + n);
        k += 2;
        continue;
      }
      if (d === '$') {
        const [p, e] = this.dollar(k);
        w.add(p);
        k = e;
        continue;
      }
      if (d === '`') {
        const e = text.indexOf('`', k + 1);
        const end = e < 0 ? text.length : e + 1;
        w.parts.push({ kind: 'subst', text: text.slice(k, end) });
        k = end;
        continue;
      }
      QUOTED_RUN.lastIndex = k;
      // (a backslash at the very end of the text is itself too)
      const run = QUOTED_RUN.exec(text)?.[0] ?? d;
      w.lit(run);
      k += run.length;
    }
    if (!closed) this.errors.push({ range: this.rangeOf(i, i + 1), message: 'unterminated double quote' });
    this.i = k;
  }

  /** `` `…` `` outside double quotes: a command substitution, never run. */
  private backquote(w: WordParts): void {
    const { text, i } = this;
    const e = text.indexOf('`', i + 1);
    const end = e < 0 ? text.length : e + 1;
    if (e < 0) this.errors.push({ range: this.rangeOf(i, i + 1), message: 'unterminated backquote' });
    w.parts.push({ kind: 'subst', text: text.slice(i, end) });
    this.i = end;
  }

  /** `$…` at text[j] === '$': the part it stands for and the offset after it. */
  private dollar(j: number): [Part, number] {
    const { text } = this;
    const n = text[j + 1];
    if (n === '(') {
      const end = matchParen(text, j + 1);
      return [{ kind: 'subst', text: text.slice(j, end) }, end];
    }
    if (n === '{') {
      let k = j + 2;
      while (k < text.length && text[k] !== '}') k++;
      const inner = text.slice(j + 2, k);
      const part: Part = SIMPLE_BRACED.test(inner) ? { kind: 'var', name: inner } : { kind: 'subst', text: text.slice(j, k + 1) };
      return [part, Math.min(k + 1, text.length)];
    }
    const m = DOLLAR_NAME.exec(text.slice(j + 1, j + 64));
    if (m) return [{ kind: 'var', name: m[0] }, j + 1 + m[0].length];
    return [{ kind: 'lit', text: '$' }, j + 1];
  }
}

export function lexShell(text: string): Lexed {
  return new ShellScanner(text).run();
}

/** The offset after the `)` that closes the `(` at `open` (quotes and escapes skipped), or the end. */
function matchParen(text: string, open: number): number {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    const c = text[k];
    if (c === '\\') {
      k++;
      continue;
    }
    if (c === "'") {
      const e = text.indexOf("'", k + 1);
      if (e < 0) return text.length;
      k = e;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return k + 1;
    }
  }
  return text.length;
}

/** The word's value when every part is known: literals, and variables found in `vars`. */
export function wordValue(parts: Part[], vars?: ReadonlyMap<string, string>): string | undefined {
  let s = '';
  for (const p of parts) {
    if (p.kind === 'lit') s += p.text;
    else if (p.kind === 'var' && vars?.has(p.name)) s += vars.get(p.name)!;
    else return undefined;
  }
  return s;
}

/** The text of a word for messages: its value if static, else its source text. */
export function wordText(w: Word, vars?: ReadonlyMap<string, string>): string {
  return wordValue(w.parts, vars) ?? w.raw;
}
