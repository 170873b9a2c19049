// The line ledger of an IOS file (core/lines.ts), built on demand from what the reader left in
// the tree: each command line's `use` as its family marked it (extract/dispatch.ts), the lines the
// parser consumed itself (`exit`, show-run noise, what follows `end`), banner, certificate and
// key bodies (continuations of the command that opened them), and blank and comment lines.
import { LineUse, markLines, newLedger } from '../../core/lines';
import type { ParsedFile } from '../../core/types';
import { isCommentLine } from './lexer';
import type { IosTree } from './tree';
import type { PassedLines } from './parser';

const PASSED_USE: Readonly<Record<PassedLines['kind'], LineUse>> = { exit: LineUse.model, noise: LineUse.outside, 'after-end': LineUse.outside, directive: LineUse.trivia };

export function iosLineUse(file: ParsedFile<IosTree>): Uint8Array {
  const t = file.tree.parse;
  const ledger = newLedger(t.lines.length);
  // `exit` is read by the parser's mode stack; noise and what follows `end` are not configuration.
  for (const p of t.passed) markLines(ledger, p.startLine, p.endLine, PASSED_USE[p.kind]);
  t.lines.forEach((l, i) => {
    if (l.trim() === '' || isCommentLine(l)) ledger[i] = LineUse.trivia;
  });
  for (const b of t.blocks) markLines(ledger, b.startLine + 1, b.endLine, LineUse.continued);
  for (const n of t.nodes) ledger[n.line] = n.use;
  return ledger;
}
