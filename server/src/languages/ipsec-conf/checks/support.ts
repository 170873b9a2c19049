// What the ipsec.conf checks share: one finding per place and message, the replace-this quick fix,
// and "did you mean".
import type { Range } from 'vscode-languageserver-types';
import { didYouMean } from '../../../core/didYouMean';
import { quoteValue } from '../../../core/redact';
import type { Fix, Report } from '../../../core/types';

/**
 * A reporter that passes each (code, start, message) once: a conn reached through several also=
 * chains meets the same entry more than once, and strongSwan's messages do not name the conn.
 */
export function reportOnce(report: Report): Report {
  const seen = new Set<string>();
  return (f) => {
    const k = `${f.code}|${f.range.start.line}:${f.range.start.character}|${f.message}`;
    if (seen.has(k)) return;
    seen.add(k);
    report(f);
  };
}

export function replaceFix(uri: string, range: Range, newText: string, title: string): Fix {
  return { title, edits: [{ uri, range, newText }], isPreferred: true };
}

/**
 * "Did you mean": the nearest candidate, a spelling that differs only in case included (strongSwan
 * keys and values are case-sensitive, so `Type` is worth a `type`).
 */
export function closest(word: string, candidates: string[]): string | undefined {
  const w = word.toLowerCase();
  return candidates.find((c) => c.toLowerCase() === w) ?? didYouMean(word, candidates, Math.max(2, Math.floor(word.length / 3)));
}

/** File text in a message: cut short and free of control characters (a 10 MB value is never echoed whole). */
export function q(text: string): string {
  return quoteValue(text);
}
