// The ifcfg line ledger (core/lines.ts). A `KEY=value` line is read into the model when Tunnel
// Lens knows the key, and reported (unknown-keyword) when it does not. The other lines of a file
// both readers should read alike are either continuations of a multi-line bash word or
// here-document (continued), a declaration without an assignment (`export NAME`: outside, it
// changes no value), or reported: a command bash would run, a line only bash assigns on, a line
// neither reads (the readings check).
import type { ParsedFile } from '../../core/types';
import { LineUse, markLines, triviaLedger } from '../../core/lines';
import type { IfcfgTree } from '../shared/ifcfgRead';
import { keyInfo } from './keys';

export function ifcfgLineUse(file: ParsedFile<IfcfgTree>): Uint8Array {
  const ledger = triviaLedger(file.text);
  const tree = file.tree;
  for (const [from, to] of tree.continued) markLines(ledger, from, to, LineUse.continued);
  for (const line of tree.declarations) markLines(ledger, line, line, LineUse.outside);
  for (const a of tree.assignments) if (keyInfo(a.key)) markLines(ledger, a.line, a.line, LineUse.model);
  return ledger;
}
