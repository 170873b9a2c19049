// The line ledger of an ipsec.conf (core/lines.ts), from what the reader left in the tree: section
// headers, entries of known keywords, include and version statements are read into the model;
// Libreswan's x- comment keys are outside it by rule; the later lines of a statement continued
// across lines (strongSwan's quoted `\` continuation) are continued. An entry of an unknown or
// misplaced key stays unread: the keywords check reports it, as the reader's syntax errors report
// the lines it could not read.
import { LineUse, markLines, triviaLedger } from '../../core/lines';
import type { ParsedFile } from '../../core/types';
import type { IpsecConfTree } from './analysis';
import type { KeyReading } from './keyReading';

/** A comment or a blank line (of a CRLF file too): `#` is the only comment character of either daemon. */
const TRIVIA = /^[ \t]*(#|\r?$)/;

/** What an entry's line is, by what the daemon takes its key for. */
const ENTRY_USE: Record<KeyReading['kind'], LineUse> = {
  keyword: LineUse.model,
  // A user comment the daemon keeps and never interprets (docs/reference/ipsec-conf-grammar.md §3).
  comment: LineUse.outside,
  misplaced: LineUse.unread,
  unknown: LineUse.unread,
};

export function lineUse(file: ParsedFile<IpsecConfTree | undefined>): Uint8Array {
  const ledger = triviaLedger(file.text, TRIVIA);
  const conf = file.tree?.conf;
  if (!conf) return ledger;
  const mark = (line: number, use: LineUse) => markLines(ledger, line, line, use);
  for (const [first, last] of conf.multiLine) markLines(ledger, first + 1, last, LineUse.continued);
  for (const s of conf.sections) {
    mark(s.headerRange.start.line, LineUse.model);
    for (const e of s.entries) if (ENTRY_USE[e.reading.kind] !== LineUse.unread) mark(e.range.start.line, ENTRY_USE[e.reading.kind]);
  }
  for (const inc of conf.includes) mark(inc.range.start.line, LineUse.model);
  for (const v of conf.versions) mark(v.start.line, LineUse.model);
  return ledger;
}
