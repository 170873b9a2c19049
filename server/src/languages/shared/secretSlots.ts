// The first wall around secrets (core/redact.ts is the second, at the output edges). Each dialect
// keeps a table of every keyword and position that holds a secret (its `secrets.ts`), and every
// feature reads values through it: a hover says the value is hidden, a symbol's detail and a
// completion never carry one, a message never quotes one (a malformed secret line is reported by
// its position and shape only), and the dialect's secretValues() hands the redactor the very
// values the table finds. A GRE key is not a secret and keeps showing.

/** One row of a dialect's table: a keyword or a position that holds a secret. */
export interface SecretSlot {
  /** Stable id, `<dialect>/<name>`: the marker test plants a secret in every row (test/protocol/secret-markers.test.ts). */
  id: string;
  /** Where the secret stands, in words. */
  where: string;
}

/** What a hover and a symbol's detail show instead of a secret value. */
export const HIDDEN = 'hidden (a secret)';

/** The hover text of a secret slot: the key is named, its value never. */
export function hiddenHover(what: string): string {
  return `${what}: the value is a secret and is hidden. Tunnel Lens never shows it.`;
}

/** A secret's shape for a message about a malformed line: its length, never its text. */
export function shapeOf(text: string): string {
  return `${text.length} character${text.length === 1 ? '' : 's'}`;
}

/** Words a secret position may hold that are no secret: the daemons' prompt keyword. */
const NOT_SECRET = new Set(['%prompt']);

/**
 * The strings the redactor is to mask for these secret values: each value as written and without
 * its quotes, and each of its blank-separated words of 6 characters or more (a message about a
 * malformed line might quote one word of it; a shorter word would be masked wherever it stands as
 * a word, garbling other text), empty ones and keywords left out.
 */
export function redactionStrings(values: Iterable<string>): string[] {
  const out = new Set<string>();
  const add = (s: string) => {
    const t = s.trim();
    if (t !== '' && !NOT_SECRET.has(t)) out.add(t);
  };
  for (const v of values) {
    add(v);
    const unquoted = v.trim().replace(/^(["'])([\s\S]*)\1$/, '$2');
    add(unquoted);
    const words = unquoted.split(/\s+/);
    if (words.length > 1) for (const w of words) if (w.length >= 6) add(w.replace(/^["']|["']$/g, ''));
  }
  return [...out].flatMap(chunks);
}

/** Strings longer than this go to the redactor in pieces: it builds one nested group per character after the 8th. */
const PIECE = 64;
/** Of a longer value (no real secret is), the first this many characters are masked. */
const MAX_MASKED = 4096;

/**
 * A long value as consecutive pieces of at most PIECE characters (the last one at least 8): the
 * redactor masks each piece where it stands, so the whole value is masked, and its regular
 * expression stays small (a value of a few thousand characters made V8's regexp compiler overflow
 * its stack and abort the process).
 */
function chunks(v: string): string[] {
  if (v.length <= PIECE) return [v];
  const out: string[] = [];
  const end = Math.min(v.length, MAX_MASKED);
  for (let i = 0; i < end; i += PIECE) {
    const piece = v.slice(i, Math.min(end, i + PIECE));
    if (piece.length < 8 && out.length) out[out.length - 1] += piece;
    else out.push(piece);
  }
  return out;
}
