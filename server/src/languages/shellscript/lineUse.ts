// The shellscript line ledger (core/lines.ts), from the marks the reader left (extract.ts): `ip`
// commands and the assignments they read are the model, every other command and piece of shell
// syntax is outside by a rule of tree.ts OUTSIDE_RULES, the lines a command or here-document
// continues onto are continued, blank and comment lines are trivia.
import type { ParsedFile } from '../../core/types';
import { LineUse, triviaLedger } from '../../core/lines';
import { markConstruct } from '../shared/ledger';
import type { ShellTree } from './tree';

const USE = { model: LineUse.model, outside: LineUse.outside, continued: LineUse.continued } as const;

export function shellLineUse(file: ParsedFile<ShellTree>): Uint8Array {
  const ledger = triviaLedger(file.text);
  for (const m of file.tree.marks) markConstruct(ledger, m.from, m.to, USE[m.use]);
  return ledger;
}
