// A shell word lexer: splits text into simple commands and words the way bash quotes them, and
// records expansions instead of performing them. NOTHING is ever executed: `$(…)`, backticks and
// `$VAR` become parts a caller may resolve from variables it already knows, or leave dynamic.
// Used by the shellscript dialect (ip commands) and by ifcfg (initscripts sources ifcfg with bash).
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

export interface Lexed {
  commands: Command[];
  errors: LexError[];
  /** Offsets of the starts of every line (for position conversion). */
  lineStarts: number[];
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

export function lexShell(text: string): Lexed {
  const lineStarts = lineStartsOf(text);
  const rangeOf = (s: number, e: number): Range => ({ start: positionAt(lineStarts, s), end: positionAt(lineStarts, e) });
  const commands: Command[] = [];
  const errors: LexError[] = [];
  let words: Word[] = [];
  let cmdStart = -1;
  let i = 0;
  let pendingHeredocs: { delim: string; strip: boolean }[] = [];
  let skipNextWord = false; // the target of a redirection

  const endCommand = (terminator: string, at: number) => {
    if (words.length) commands.push({ words, start: cmdStart, end: at, terminator });
    words = [];
    cmdStart = -1;
  };

  /** Reads `$…` at text[i] === '$'; returns the part and the new index. */
  const readDollar = (j: number): [Part, number] => {
    const n = text[j + 1];
    if (n === '(') {
      const end = matchParen(text, j + 1);
      return [{ kind: 'subst', text: text.slice(j, end) }, end];
    }
    if (n === '{') {
      let k = j + 2;
      while (k < text.length && text[k] !== '}') k++;
      const inner = text.slice(j + 2, k);
      const part: Part = /^[A-Za-z_][A-Za-z0-9_]*$|^[0-9]$/.test(inner) ? { kind: 'var', name: inner } : { kind: 'subst', text: text.slice(j, k + 1) };
      return [part, Math.min(k + 1, text.length)];
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*|^[0-9@*#?$!-]/.exec(text.slice(j + 1, j + 64));
    if (m) return [{ kind: 'var', name: m[0] }, j + 1 + m[0].length];
    return [{ kind: 'lit', text: '$' }, j + 1];
  };

  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      endCommand('\n', i);
      i++;
      if (pendingHeredocs.length) {
        i = skipHeredocs(text, i, pendingHeredocs);
        pendingHeredocs = [];
      }
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && text[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    const op = /^(;;&?|;&|;|&&|\|\||\|&|\||&|\(|\)|<<-?|<<<|>>|>&|<&|>\||<>|>|<)/.exec(text.slice(i, i + 3));
    if (op) {
      const o = op[0];
      if (o.startsWith('<<') && o !== '<<<') {
        // here-document: remember the delimiter, skip its body after the line ends
        let k = i + o.length;
        while (text[k] === ' ' || text[k] === '\t') k++;
        const m = /^(['"]?)([^\s'";&|<>()]+)\1/.exec(text.slice(k));
        if (m) {
          pendingHeredocs.push({ delim: m[2], strip: o === '<<-' });
          i = k + m[0].length;
        } else i += o.length;
        continue;
      }
      if (/[<>]/.test(o)) {
        // a redirection: drop a preceding fd number word and the following target word
        const last = words[words.length - 1];
        if (last && /^\d+$/.test(last.raw) && last.end === i) words.pop();
        skipNextWord = true;
        i += o.length;
        continue;
      }
      endCommand(o, i);
      i += o.length;
      continue;
    }
    // a word
    const start = i;
    const parts: Part[] = [];
    let quoted = false;
    let glob = false;
    const lit = (s: string) => {
      const last = parts[parts.length - 1];
      if (last && last.kind === 'lit') last.text += s;
      else parts.push({ kind: 'lit', text: s });
    };
    let assign: Word['assign'];
    const am = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(text.slice(i, i + 256));
    let assignPartIndex = -1;
    if (am && words.every((w) => w.assign)) {
      // assignment words only count before the command word
      i += am[0].length;
      assignPartIndex = 0;
    }
    while (i < text.length) {
      const ch = text[i];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ';&|()<>'.includes(ch)) break;
      if (ch === '\\') {
        if (text[i + 1] === '\n') {
          i += 2;
          continue;
        }
        if (i + 1 >= text.length) {
          i++;
          continue;
        }
        quoted = true;
        lit(text[i + 1]);
        i += 2;
        continue;
      }
      if (ch === "'") {
        quoted = true;
        const e = text.indexOf("'", i + 1);
        if (e < 0) {
          errors.push({ range: rangeOf(i, i + 1), message: 'unterminated single quote' });
          lit(text.slice(i + 1));
          i = text.length;
          break;
        }
        lit(text.slice(i + 1, e));
        i = e + 1;
        continue;
      }
      if (ch === '$' && text[i + 1] === "'") {
        quoted = true;
        let k = i + 2;
        let s = '';
        while (k < text.length && text[k] !== "'") {
          if (text[k] === '\\' && k + 1 < text.length) {
            const n = text[k + 1];
            if (ANSI[n] !== undefined) {
              s += ANSI[n];
              k += 2;
            } else {
              s += '\\' + n;
              k += 2;
            }
          } else s += text[k++];
        }
        if (k >= text.length) errors.push({ range: rangeOf(i, i + 2), message: "unterminated $'…' quote" });
        lit(s);
        i = k + 1;
        continue;
      }
      if (ch === '"') {
        quoted = true;
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
            if (n === '\n') k += 2;
            else if ('$`"\\'.includes(n)) {
              lit(n);
              k += 2;
            } else {
              lit('\\' + n);
              k += 2;
            }
            continue;
          }
          if (d === '$') {
            const [p, e] = readDollar(k);
            if (p.kind === 'lit') lit(p.text);
            else parts.push(p);
            k = e;
            continue;
          }
          if (d === '`') {
            const e = text.indexOf('`', k + 1);
            const end = e < 0 ? text.length : e + 1;
            parts.push({ kind: 'subst', text: text.slice(k, end) });
            k = end;
            continue;
          }
          lit(d);
          k++;
        }
        if (!closed) errors.push({ range: rangeOf(i, i + 1), message: 'unterminated double quote' });
        i = k;
        continue;
      }
      if (ch === '$') {
        const [p, e] = readDollar(i);
        if (p.kind === 'lit') lit(p.text);
        else parts.push(p);
        i = e;
        continue;
      }
      if (ch === '`') {
        const e = text.indexOf('`', i + 1);
        const end = e < 0 ? text.length : e + 1;
        if (e < 0) errors.push({ range: rangeOf(i, i + 1), message: 'unterminated backquote' });
        parts.push({ kind: 'subst', text: text.slice(i, end) });
        i = end;
        continue;
      }
      if (ch === '*' || ch === '?' || ch === '[') glob = true;
      lit(ch);
      i++;
    }
    if (am && assignPartIndex === 0) {
      assign = { name: am[1], append: am[2] === '+', parts, valueStart: start + am[0].length };
    }
    const word: Word = {
      raw: text.slice(start, i),
      start,
      end: i,
      range: rangeOf(start, i),
      parts: assign ? [{ kind: 'lit', text: am![0] }, ...parts] : parts,
      quoted,
      glob,
      assign,
    };
    if (skipNextWord) {
      skipNextWord = false;
      continue;
    }
    if (cmdStart < 0) cmdStart = start;
    words.push(word);
  }
  endCommand('', text.length);
  return { commands, errors, lineStarts };
}

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

function skipHeredocs(text: string, i: number, docs: { delim: string; strip: boolean }[]): number {
  for (const d of docs) {
    while (i < text.length) {
      const e = text.indexOf('\n', i);
      const line = text.slice(i, e < 0 ? text.length : e);
      i = e < 0 ? text.length : e + 1;
      if ((d.strip ? line.replace(/^\t+/, '') : line) === d.delim) break;
    }
  }
  return i;
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
