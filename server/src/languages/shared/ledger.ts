// Line-ledger helpers for the Linux dialects (core/lines.ts): a construct's first line gets its
// use, the lines it continues onto are `continued`.
import { LineUse, markLines } from '../../core/lines';

/** Marks a construct that spans lines [from, to]: `from` with `use`, the rest as continued. */
export function markConstruct(ledger: Uint8Array, from: number, to: number, use: LineUse): void {
  markLines(ledger, from, from, use);
  if (to > from) markLines(ledger, from + 1, to, LineUse.continued);
}
