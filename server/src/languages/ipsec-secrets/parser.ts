// ipsec.secrets (Libreswan and strongSwan): `[ID…] : TYPE secret`, `include FILE`, comments.
// A continuation line starts with whitespace. The secret text itself never leaves this module:
// the tree keeps its range and a digest, so findings, hovers, symbols and JSON cannot print it.
import { secretDigest } from '../../model/secretDigest';
import type { Range } from 'vscode-languageserver-types';
import { parseAddress } from '../../core/address';
import { shapeOf } from '../shared/secretSlots';

export interface PskEntry {
  /** Normalized IDs: addresses in canonical form, `@fqdn`, `%any`. Empty = applies to every pair. */
  ids: string[];
  /** Non-reversible digest of the decoded secret bytes (see pskDigest). */
  pskDigest: string;
  uri: string;
  /** The whole entry (IDs to the end of the secret). */
  range: Range;
  /** Where the secret is (for related information); never its text. */
  secretRange: Range;
  /** Libreswan/strongSwan entry type: PSK, RSA, ECDSA, XAUTH, EAP, … */
  type: string;
}

export interface SecretsInclude {
  /** The file the `include` line is in (this one, or a file it includes). */
  uri: string;
  pattern: string;
  range: Range;
  uris: string[];
  /** Whether the pattern holds wildcards (only a literal that names no file is a problem). */
  wildcard: boolean;
  /** Why it was not followed, or not all of it: no copy of the host's root, a file not read, outside the workspace, the budget. */
  problem?: 'unrooted' | 'unreadable' | 'outside' | 'budget';
}

/** The lines [from, to] of one entry of this file; `reported` is where its syntax error is, if any. */
export interface EntrySpan {
  from: number;
  to: number;
  reported?: Range;
}

export interface SecretsTree {
  kind: 'ipsec-secrets';
  /** Every entry of this file and its includes, in file order (PSK and other types). */
  entries: PskEntry[];
  includes: SecretsInclude[];
  /** The entries of this file as the reader took them, for the line ledger. */
  spans: EntrySpan[];
}

export const SECRET_TYPES = ['PSK', 'RSA', 'ECDSA', 'XAUTH', 'EAP', 'NTLM', 'PIN', 'P12', 'PKCS12', 'BLISS', 'PPK', 'NULL', 'PKCS8', 'ECDSA'];
export const ANY_IDS = new Set(['%any', '%any6', '0.0.0.0', '::', '%any4']);

/**
 * The digest psk-mismatch compares: SHA-256 over a domain prefix and the secret's bytes, first 16
 * hex digits. Chosen over FNV-1a because the digest is printed in `endpoints` JSON: a fast
 * non-cryptographic hash of a short PSK would be easy to invert by guessing.
 */
export function pskDigest(secret: Uint8Array): string {
  return secretDigest(secret);
}

/** Normalizes one ID so both peers' spellings compare equal. */
export function normalizeId(id: string): string {
  const s = id.replace(/^"|"$/g, '');
  if (ANY_IDS.has(s.toLowerCase())) return '%any';
  const a = parseAddress(s);
  if (a) return a.text;
  return s.startsWith('@') ? s.toLowerCase() : s;
}

/** Decodes a secret token: "quoted", 'quoted', 0x hex, 0s base64, or bare. */
export function decodeSecret(token: string): Uint8Array | undefined {
  if ((token.startsWith('"') && token.endsWith('"') && token.length >= 2) || (token.startsWith("'") && token.endsWith("'") && token.length >= 2))
    return new TextEncoder().encode(token.slice(1, -1));
  if (/^0x[0-9a-f_]+$/i.test(token)) {
    const hex = token.slice(2).replace(/_/g, '');
    return hex.length % 2 ? undefined : Uint8Array.from(Buffer.from(hex, 'hex'));
  }
  if (/^0s[A-Za-z0-9+/=]+$/.test(token)) return Uint8Array.from(Buffer.from(token.slice(2), 'base64'));
  if (/^[^\s"'#]+$/.test(token)) return new TextEncoder().encode(token);
  return undefined;
}

export interface RawEntry {
  /** Every word of the entry, in order (the reader's only copy of the secret's text: never in a message). */
  words: string[];
  /** The words after the `:` (the type first); undefined without a `:`. */
  afterColon?: string[];
  ids: { text: string; range: Range }[];
  type?: { text: string; range: Range };
  /** Start/end offsets of the secret token in the line text; never the text in messages. */
  secret?: { token: string; range: Range };
  range: Range;
  error?: { message: string; range: Range };
}

export interface RawInclude {
  pattern: string;
  range: Range;
}

/** Splits the text into logical entries (continuation lines start with whitespace). */
export function scanSecrets(text: string): { entries: RawEntry[]; includes: RawInclude[] } {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const entries: RawEntry[] = [];
  const includes: RawInclude[] = [];
  // tokens with positions across the continuation lines of one entry
  let toks: { text: string; line: number; start: number; end: number }[] = [];
  const flush = () => {
    if (toks.length) entries.push(toEntry(toks));
    toks = [];
  };
  lines.forEach((l, line) => {
    const trimmed = l.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const m = /^include\s+(\S+)/.exec(l);
    if (m) {
      flush();
      includes.push({ pattern: m[1], range: { start: { line, character: l.indexOf(m[1]) }, end: { line, character: l.indexOf(m[1]) + m[1].length } } });
      return;
    }
    if (!/^\s/.test(l)) flush();
    // `:` separates only as a word of its own (or glued before the type, `:PSK`): IPv6 IDs hold colons
    const re = /"(?:[^"\\]|\\.)*"?|'[^']*'?|\{|\}|[^\s"'{}]+/g;
    for (const t of l.matchAll(re)) {
      if (t[0].startsWith('#')) break;
      const start = t.index!;
      if (/^:[A-Za-z]/.test(t[0])) {
        toks.push({ text: ':', line, start, end: start + 1 });
        toks.push({ text: t[0].slice(1), line, start: start + 1, end: start + t[0].length });
      } else toks.push({ text: t[0], line, start, end: start + t[0].length });
    }
  });
  flush();
  return { entries, includes };
}

function toEntry(toks: { text: string; line: number; start: number; end: number }[]): RawEntry {
  const r = (a: (typeof toks)[0], b: (typeof toks)[0] = a): Range => ({ start: { line: a.line, character: a.start }, end: { line: b.line, character: b.end } });
  const range = r(toks[0], toks[toks.length - 1]);
  const words = toks.map((t) => t.text);
  const colon = toks.findIndex((t) => t.text === ':');
  if (colon < 0) return { words, ids: [], range, error: { message: 'an entry needs `IDs : TYPE secret` (no `:` found)', range } };
  const afterColon = words.slice(colon + 1);
  const ids = toks.slice(0, colon).map((t) => ({ text: t.text, range: r(t) }));
  const typeTok = toks[colon + 1];
  if (!typeTok) return { words, afterColon, ids, range, error: { message: 'nothing after `:` (expected a type such as PSK and the secret)', range: r(toks[colon]) } };
  const upper = typeTok.text.toUpperCase();
  if (!SECRET_TYPES.includes(upper)) {
    // Libreswan: `IDs : "secret"` without a type is an (old) PSK
    if (/^["']/.test(typeTok.text)) return { words, afterColon, ids, type: { text: 'PSK', range: r(typeTok) }, secret: { token: typeTok.text, range: r(typeTok) }, range };
    // The word may be the secret itself, written without its type: its shape only (secrets.ts).
    return { words, afterColon, ids, range, error: { message: `the word after \`:\` is no secret type (PSK, RSA, ECDSA, XAUTH, EAP, …); it is not shown (${shapeOf(typeTok.text)}), as it may be the secret`, range: r(typeTok) } };
  }
  const secretToks = toks.slice(colon + 2);
  const secret = secretToks[0];
  return { words, afterColon, ids, type: { text: upper, range: r(typeTok) }, secret: secret ? { token: secret.text, range: r(secret, secretToks[secretToks.length - 1]) } : undefined, range };
}
