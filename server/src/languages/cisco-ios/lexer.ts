// Line-level lexing of an IOS configuration: words with their columns, comment and noise lines,
// and keyword resolution by unique prefix (IOS accepts `int tun 1`, `encr`, `tunnel destin`).
import type { Kw, KwTable } from './commands';

export interface Token {
  text: string;
  /** Character offsets on the line. */
  start: number;
  end: number;
}

/** Whitespace as `\s` sees it (the ASCII ones are tested first; the rest is rare). */
function isSpace(c: number, line: string, i: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c > 127 && /\s/.test(line[i]);
}

/** The words of a line (runs of non-whitespace, as `/\S+/g` finds them), without regex matches. */
export function tokenize(line: string): Token[] {
  const out: Token[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(line.charCodeAt(i), line, i)) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpace(line.charCodeAt(i), line, i)) i++;
    out.push({ text: line.slice(start, i), start, end: i });
  }
  return out;
}

export function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  return i;
}

/**
 * A comment is a line whose first non-blank character is `!` or `#`. A `!` later in a line is data
 * (`pre-shared-key Passw0rd!`), which is why comments are never stripped from inside a line.
 */
export function isCommentLine(line: string): boolean {
  return /^\s*[!#]/.test(line);
}

/** Lines show-run and terminal sessions add around a configuration; not configuration. */
const NOISE: readonly RegExp[] = [
  /^\s*Building configuration\.\.\.\s*$/i,
  /^\s*Current configuration\s*:\s*\d+\s*bytes\s*$/i,
  /^\s*Using \d+ out of \d+ bytes/i,
  /^\s*(configure|conf)( t| terminal| term)?\s*$/i,
  /^\s*(enable|en|ena)\s*$/i,
  /^\s*Enter configuration commands, one per line\./i,
  /^\s*\S+[#>]\s*(show|sh|sho)\s+(run|running-config|start|startup-config)/i,
  /^\s*\S+(\(config[^)]*\))?#\s*$/,
];

/** Every noise line starts with one of these letters (case-insensitive) or holds a prompt's `#`/`>`. */
const NOISE_START = /^\s*[bcueBCUE]/;

export function isNoiseLine(line: string): boolean {
  if (!NOISE_START.test(line) && !line.includes('#') && !line.includes('>')) return false;
  return NOISE.some((r) => r.test(line));
}

export interface Resolution {
  /** Canonical keywords, in order. */
  path: string[];
  /** The Kw entries of the path. */
  kws: Kw[];
  /** How many words were consumed as keywords. */
  consumed: number;
}

/** Resolves one word against a table: exact match first, else a unique prefix (unless exact-only). */
export function resolveWord(table: KwTable | undefined, word: string): string | undefined {
  if (!table) return undefined;
  // The tables are constants and configs repeat their words: memoize per table (bounded).
  let memo = RESOLVED.get(table);
  if (!memo) RESOLVED.set(table, (memo = new Map()));
  const hit = memo.get(word);
  if (hit !== undefined) return hit === null ? undefined : hit;
  const r = resolveWordUncached(table, word);
  if (memo.size >= 20_000) memo.clear();
  memo.set(word, r ?? null);
  return r;
}

const RESOLVED = new WeakMap<KwTable, Map<string, string | null>>();

function resolveWordUncached(table: KwTable, word: string): string | undefined {
  const w = word.toLowerCase();
  if (Object.prototype.hasOwnProperty.call(table, w)) return w;
  if (/^\d/.test(w)) return undefined;
  let found: string | undefined;
  for (const key of Object.keys(table)) {
    if (key.startsWith(w)) {
      if (table[key].exact) continue;
      if (found !== undefined) return undefined; // ambiguous
      found = key;
    }
  }
  return found;
}

/** Walks the keyword tree as far as the words resolve; the rest are arguments. */
export function resolve(table: KwTable, words: readonly string[]): Resolution {
  const path: string[] = [];
  const kws: Kw[] = [];
  let t: KwTable | undefined = table;
  let i = 0;
  for (; i < words.length && t; i++) {
    const key = resolveWord(t, words[i]);
    if (!key) break;
    path.push(key);
    kws.push(t[key]);
    t = t[key].sub;
  }
  return { path, kws, consumed: i };
}
