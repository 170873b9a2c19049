// NetworkManager's reading of an ifcfg file (ifcfg-rh plugin, shvar.c): a strict subset of shell
// with no evaluation (docs/reference/ifcfg.md §1.2). Ported from svUnescape_full() and
// line_new_parse() so that the reasons NM rejects a value can be told to the user; checked against
// NM's own 145 test vectors (test/unit/linux-shvar.test.ts). It mirrors NM's C, so it stays whole.

export interface UnescapeResult {
  /** The value's bytes (C-string semantics: cut at the first NUL), or null when NM rejects it. */
  bytes: Uint8Array | null;
  /** Why NM rejects it (for messages). */
  error?: string;
}

const isSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d); // g_ascii_isspace
const isOctal = (c: number) => c >= 0x30 && c < 0x38;
const isHex = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const hexVal = (c: number) => (c <= 0x39 ? c - 0x30 : (c & 0x4f) - 0x41 + 10);
const ch = (s: string) => s.charCodeAt(0);

const ANSI_ESCAPES: Record<number, number> = {
  [ch('a')]: 7, [ch('b')]: 8, [ch('e')]: 0x1b, [ch('E')]: 0x1b, [ch('f')]: 0x0c, [ch('n')]: 0x0a,
  [ch('r')]: 0x0d, [ch('t')]: 0x09, [ch('v')]: 0x0b, [ch('?')]: ch('?'), [ch('"')]: ch('"'),
  [ch('\\')]: ch('\\'), [ch("'")]: ch("'"),
};

/** g_unichar_to_utf8: the old 1..6-byte UTF-8 scheme, so out-of-range values give invalid UTF-8. */
function unicharToUtf8(c: number): number[] {
  let first: number;
  let len: number;
  if (c < 0x80) [first, len] = [0, 1];
  else if (c < 0x800) [first, len] = [0xc0, 2];
  else if (c < 0x10000) [first, len] = [0xe0, 3];
  else if (c < 0x200000) [first, len] = [0xf0, 4];
  else if (c < 0x4000000) [first, len] = [0xf8, 5];
  else [first, len] = [0xfc, 6];
  const out = new Array<number>(len);
  for (let i = len - 1; i > 0; --i) {
    out[i] = (c & 0x3f) | 0x80;
    c = Math.floor(c / 64);
  }
  out[0] = (c | first) & 0xff;
  return out;
}

/** The compat hack: old svEscape() wrote `"…"` with \' and \~ escaped; only such values drop them. */
function looksLikeOldSvEscaped(v: Uint8Array): boolean {
  if (v[0] !== ch('"')) return false;
  const old = (c: number | undefined) => c !== undefined && '"\\$`\'~'.includes(String.fromCharCode(c));
  for (let k = 1; ; k++) {
    if (k >= v.length) return false;
    if (!old(v[k])) continue;
    if (v[k] === ch('"')) return k + 1 === v.length;
    if (v[k] === ch('\\')) {
      k++;
      if (!old(v[k])) return false;
    } else return false;
  }
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** svUnescape_full(value, check_utf8): `value` is everything after `KEY=` on the line. */
export function svUnescapeBytes(value: Uint8Array, checkUtf8 = true): UnescapeResult {
  // The result is never longer than the value (every escape is at least as long as what it
  // stands for): one buffer of that size, not an array of numbers (80 bytes a byte for a 10 MB value).
  const buf = new Uint8Array(value.length);
  let n = 0;
  const out = {
    push: (...bytes: number[]) => {
      for (const b of bytes) buf[n++] = b;
    },
  };
  const at = (k: number) => (k < value.length ? value[k] : 0);
  let oldEscaped: boolean | undefined;
  let i = 0;
  const fail = (error: string): UnescapeResult => ({ bytes: null, error });
  for (;;) {
    const c = at(i);
    if (c === 0) break;
    if (isSpace(c) || c === ch(';')) {
      let hasSemicolon = c === ch(';');
      let j = i + 1;
      while (isSpace(at(j)) || (!hasSemicolon && (hasSemicolon = at(j) === ch(';')))) j++;
      if (at(j) !== 0 && at(j) !== ch('#')) return fail('unquoted whitespace or `;` followed by more text (NetworkManager does not run commands)');
      break;
    }
    if (c === ch('\\')) {
      i++;
      if (at(i) === 0) return fail('a backslash at the end of the line (no line continuation)');
      buf[n++] = at(i);
      i++;
      continue;
    }
    if (c === ch("'")) {
      let j = i + 1;
      for (;;) {
        if (at(j) === 0) return fail('an unterminated single quote');
        if (at(j) === ch("'")) break;
        j++;
      }
      for (let k = i + 1; k < j; k++) buf[n++] = value[k];
      i = j + 1;
      continue;
    }
    if (c === ch('"')) {
      i++;
      for (;;) {
        const d = at(i);
        if (d === ch('"')) {
          i++;
          break;
        }
        if (d === 0) return fail('an unterminated double quote');
        if (d === ch('`') || d === ch('$')) return fail('`$` or a backquote inside double quotes (NetworkManager does not expand variables)');
        if (d === ch('\\')) {
          i++;
          const e = at(i);
          if (e === 0) return fail('a backslash at the end of the line (no line continuation)');
          if ('$`"\\'.includes(String.fromCharCode(e))) {
            // drop the backslash
          } else if (e === ch("'") || e === ch('~')) {
            if (oldEscaped === undefined) oldEscaped = looksLikeOldSvEscaped(value);
            if (!oldEscaped) buf[n++] = ch('\\');
          } else buf[n++] = ch('\\');
        }
        buf[n++] = at(i);
        i++;
      }
      continue;
    }
    if (c === ch('$') && at(i + 1) === ch("'")) {
      i += 2;
      for (;;) {
        const d = at(i);
        if (d === ch("'")) {
          i++;
          break;
        }
        if (d === 0) return fail("an unterminated $'…' quote");
        if (d !== ch('\\')) {
          buf[n++] = d;
          i++;
          continue;
        }
        i++;
        const e = at(i);
        if (e === 0) return fail('a backslash at the end of the line (no line continuation)');
        if (ANSI_ESCAPES[e] !== undefined) {
          buf[n++] = ANSI_ESCAPES[e];
          i++;
        } else if (isOctal(e)) {
          let v = e - 0x30;
          i++;
          if (isOctal(at(i))) {
            v = v * 8 + at(i) - 0x30;
            i++;
            if (isOctal(at(i))) {
              v = v * 8 + at(i) - 0x30;
              i++;
            }
          }
          buf[n++] = v & 0xff;
        } else if (e === ch('x') || e === ch('u') || e === ch('U')) {
          let maxDigits = e === ch('x') ? 2 : e === ch('u') ? 4 : 8;
          i++;
          if (!isHex(at(i))) {
            out.push(ch('\\'), e);
          } else {
            let v = hexVal(at(i));
            i++;
            while (--maxDigits > 0) {
              if (!isHex(at(i))) break;
              v = v * 16 + hexVal(at(i));
              i++;
            }
            if (e === ch('x')) buf[n++] = v & 0xff;
            else out.push(...unicharToUtf8(v));
          }
        } else {
          out.push(ch('\\'), e);
          i++;
        }
      }
      continue;
    }
    if ('|&()<>'.includes(String.fromCharCode(c))) return fail(`an unquoted \`${String.fromCharCode(c)}\` (a shell operator)`);
    buf[n++] = c;
    i++;
  }
  const written = buf.subarray(0, n);
  const nul = written.indexOf(0);
  const bytes = nul >= 0 ? buf.slice(0, nul) : buf.slice(0, n);
  if (checkUtf8 && !isValidUtf8(bytes)) return fail('bytes that are not valid UTF-8');
  return { bytes };
}

/** svUnescape on text: the decoded string, or null with the reason. */
export function svUnescape(value: string): { value: string | null; error?: string } {
  const r = svUnescapeBytes(new TextEncoder().encode(value), true);
  return r.bytes ? { value: new TextDecoder().decode(r.bytes) } : { value: null, error: r.error };
}

/** line_new_parse: a key line is optional whitespace, NAME, `=`; anything else is not. */
export function shvarKeyLine(line: string): { key: string; keyStart: number; valueStart: number } | undefined {
  const m = /^([\t\n\v\f\r ]*)([A-Za-z_][A-Za-z0-9_]*)=/.exec(line);
  if (!m) return undefined;
  return { key: m[2], keyStart: m[1].length, valueStart: m[0].length };
}

/** svParseBoolean: NM's words (no on/off, unlike initscripts). */
export function nmBoolean(v: string): boolean | undefined {
  const l = v.toLowerCase();
  if (['yes', 'true', 't', 'y', '1'].includes(l)) return true;
  if (['no', 'false', 'f', 'n', '0'].includes(l)) return false;
  return undefined;
}

/** initscripts is_true/is_false (etc/rc.d/init.d/functions; docs/reference/ifcfg.md §1.1). */
export function initscriptsBoolean(v: string): boolean | undefined {
  const l = v.toLowerCase();
  if (['t', 'y', 'yes', 'on', 'true', '1'].includes(l)) return true;
  if (['f', 'n', 'no', 'off', 'false', '0'].includes(l)) return false;
  return undefined;
}
