// The second wall around secrets. Every feature already reads values through its dialect's table
// of secret slots and never outputs one (the first wall); this masks, at the two output edges (the
// LSP adapter's writer and the CLI's streams), every secret value known from the workspace in every
// string that leaves the process: diagnostics, hovers, symbols, edits, log lines, error messages.
// A secret is masked whole, and so is any run of at least PREFIX characters of its beginning (a
// message that cut a value short still quotes its start).

export const MASK = '••••••';

/** Shorter secrets are masked only as whole words: masking "abc" inside every word would garble output. */
const WHOLE_WORD_BELOW = 12;
/** A cut-off beginning of a secret this long or longer is masked too. */
const PREFIX = 8;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const URI = /^[a-z][a-z0-9+.-]*:\/\/[^\s]*$/i;

export class Redactor {
  private pattern: RegExp | undefined;
  private readonly secrets = new Set<string>();

  /** Replaces the known secrets (values of every secret slot of the workspace). */
  setSecrets(values: Iterable<string>): void {
    this.secrets.clear();
    for (const v of values) {
      const s = v.trim();
      if (s.length >= 1) this.secrets.add(s);
    }
    this.pattern = undefined;
  }

  get size(): number {
    return this.secrets.size;
  }

  private regex(): RegExp | undefined {
    if (this.pattern !== undefined || this.secrets.size === 0) return this.pattern;
    const parts: string[] = [];
    // Longest first, so that a secret containing another is masked whole.
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) {
      if (s.length < WHOLE_WORD_BELOW) parts.push(`(?<![\\w])${escapeRe(s)}(?![\\w])`);
      else {
        // The whole secret, or its first PREFIX..n characters.
        const head = escapeRe(s.slice(0, PREFIX));
        const rest = [...s.slice(PREFIX)].map(escapeRe);
        let tail = '';
        for (let i = rest.length - 1; i >= 0; i--) tail = `(?:${rest[i]}${tail})?`;
        parts.push(head + tail);
      }
    }
    this.pattern = new RegExp(parts.join('|'), 'g');
    return this.pattern;
  }

  /** The text with every known secret masked. A uri is left as it is: it names a file, and a PSK of `secret` must not eat `ipsec.secrets`. */
  mask(text: string): string {
    const re = this.regex();
    if (!re || text.length === 0 || URI.test(text)) return text;
    re.lastIndex = 0;
    return re.test(text) ? text.replace(re, MASK) : text;
  }

  /** A copy of a JSON-like value with every string masked (keys included); other values as they are. */
  maskDeep<T>(value: T): T {
    if (!this.regex()) return value;
    const walk = (v: unknown, depth: number): unknown => {
      if (typeof v === 'string') return this.mask(v);
      if (!v || typeof v !== 'object' || depth > 64) return v;
      if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[this.mask(k)] = walk(x, depth + 1);
      return out;
    };
    return walk(value, 0) as T;
  }
}

/** Control characters but tab and newline (C0, DEL, C1: ESC starts ANSI sequences, 0x9b is CSI on its own). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex
const HAS_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * Text safe for a terminal: every control character but tab and newline shown as `\u00XX`, so an
 * escape sequence in a config cannot recolour, move or clear the user's terminal. The same form is
 * a valid JSON escape, so this applies to JSON output as well (where these characters can only
 * stand inside strings).
 */
export function forTerminal(text: string): string {
  // A test first: on text without any (nearly all of it) it is one scan that builds nothing, ~40% less
  // time than the replace's (measured on decode's 49 MB output of 100,000 packets).
  if (!HAS_CONTROL.test(text)) return text;
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** A value quoted in a message, cut short: a 10 MB value must not become a 10 MB message. */
export function quoteValue(value: string, max = 60): string {
  const v = forTerminal(value);
  return v.length > max ? `${v.slice(0, max)}…` : v;
}

/** Markdown for a hover with config text in it: the text shows as itself, never as a link, an image or HTML. */
export function markdownText(text: string): string {
  return forTerminal(text).replace(/[\\`*_{}[\]()#+\-.!<>|~&:]/g, (c) => `\\${c}`);
}

/** Config text as inline code in hover markdown (backticks in it are fenced around). */
export function markdownCode(text: string): string {
  const t = forTerminal(text).replace(/\n/g, ' ');
  const ticks = (t.match(/`+/g) ?? []).reduce((m, r) => Math.max(m, r.length), 0);
  const fence = '`'.repeat(ticks + 1);
  return `${fence}${ticks ? ' ' : ''}${t}${ticks ? ' ' : ''}${fence}`;
}
