// The line ledger: what became of every line of a file. The invariant every dialect holds (and
// test/corpus/line-ledger.test.ts checks on every corpus file and on the fuzz cases): each line is
// read into the model, outside the model by a named rule, blank or a comment, or reported by a
// finding. A line none of these covers was dropped without a word, the class of bug where a loop
// over a block's lines stops early and every later line of the block is silently lost.

/** One byte per line. */
export const LineUse = {
  /** Nothing read it: allowed only where a finding starts on the line. */
  unread: 0,
  /** Blank, or only a comment or a directive. */
  trivia: 1,
  /** The model read it (a keyword, a value, a command the dialect understands). */
  model: 2,
  /** Known, and outside what Tunnel Lens models (IOS routing, a shell command that is not `ip`). */
  outside: 3,
  /** The line of a multi-line construct whose first line was read (a continuation, a banner body). */
  continued: 4,
} as const;
export type LineUse = (typeof LineUse)[keyof typeof LineUse];

/** A ledger for a text of `lineCount` lines; dialects mark lines as their reader meets them. */
export function newLedger(lineCount: number): Uint8Array {
  return new Uint8Array(lineCount);
}

/** Marks lines [from, to] (inclusive) with `use`, never lowering a line already read into the model. */
export function markLines(ledger: Uint8Array, from: number, to: number, use: LineUse): void {
  for (let l = Math.max(0, from); l <= to && l < ledger.length; l++) if (ledger[l] !== LineUse.model) ledger[l] = use;
}

export interface LineAccount {
  lines: number;
  model: number;
  outside: number;
  trivia: number;
  /** Unread lines a finding starts on. */
  reported: number;
  /** Unread lines no finding reports: must be 0. */
  dropped: number;
  /** The first dropped lines (0-based), for the test's message. */
  droppedLines: number[];
}

/** Counts a ledger against the lines the file's findings start on. */
export function accountLines(ledger: Uint8Array, findingLines: Iterable<number>): LineAccount {
  const reportedAt = new Set(findingLines);
  const a: LineAccount = { lines: ledger.length, model: 0, outside: 0, trivia: 0, reported: 0, dropped: 0, droppedLines: [] };
  for (let l = 0; l < ledger.length; l++) {
    const u = ledger[l];
    if (u === LineUse.model || u === LineUse.continued) a.model++;
    else if (u === LineUse.outside) a.outside++;
    else if (u === LineUse.trivia) a.trivia++;
    else if (reportedAt.has(l)) a.reported++;
    else {
      a.dropped++;
      if (a.droppedLines.length < 10) a.droppedLines.push(l);
    }
  }
  return a;
}

/** The ledger of a line-oriented text where blank and `#` lines are trivia (a starting point for dialects). */
export function triviaLedger(text: string, comment = /^\s*(#|$)/): Uint8Array {
  const lines = text.split('\n');
  const ledger = newLedger(lines.length);
  lines.forEach((l, i) => {
    if (comment.test(l)) ledger[i] = LineUse.trivia;
  });
  return ledger;
}
