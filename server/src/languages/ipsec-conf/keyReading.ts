// What the daemon takes a written key for, in the section it stands in: a keyword of its table, a
// Libreswan `x-` comment key, a keyword of another section, or nothing it knows. The reader
// records it on every entry; the keyword and value checks, the conn resolver and the line ledger
// all read that one answer (docs/reference/ipsec-conf-grammar.md §3, §7).
import { lookupKey, type KeyLookup, type Keyword, type Sect } from './keywords';
import type { Daemon } from './version';

export type KeyReading =
  /** A keyword of this section; `fullKey` is the spelling with its end (`rightprotoport` for a bare `protoport`). */
  | { kind: 'keyword'; hit: KeyLookup; kw: Keyword; fullKey: string }
  /** Libreswan `x-…` / `x_…`: a user comment, kept and never interpreted. */
  | { kind: 'comment' }
  /** A keyword of another section (`type=` in config setup). */
  | { kind: 'misplaced'; belongsIn: Sect }
  | { kind: 'unknown' };

/** Libreswan's user comment keys, any case. */
export const COMMENT_KEY = /^x[-_]/i;

export function readKey(key: string, daemon: Daemon, sect: Sect): KeyReading {
  const lsw = daemon === 'libreswan';
  if (lsw && COMMENT_KEY.test(key)) return { kind: 'comment' };
  // The `left-kw` spelling is Libreswan's (5.3+); strongSwan has no such form.
  const hits = lookupKey(key, daemon).filter((h) => lsw || !h.dashed);
  const inSect = hits.filter((h) => h.kw.sect === sect);
  if (inSect.length === 0) return hits.length > 0 ? { kind: 'misplaced', belongsIn: hits[0].kw.sect } : { kind: 'unknown' };
  const hit = inSect.find((h) => !h.dashed) ?? inSect[0];
  const kw = hit.kw;
  // A bare per-end key is Libreswan 4.10's right end (github#663).
  return { kind: 'keyword', hit, kw, fullKey: kw.perEnd ? `${hit.end ?? 'right'}${kw.name}` : kw.name };
}
