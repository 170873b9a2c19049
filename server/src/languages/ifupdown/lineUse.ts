// The ifupdown line ledger (core/lines.ts), from what the reader and the configuration's reading
// left: an iface/template header, a source line and every option the model reads are the model;
// interface selection (auto, allow-*), mapping stanzas, rename, down commands and options of other
// packages or hook scripts (dns-*, wireless-*, bridge_*, …) are outside it; the lines a continued
// line goes on to are continued; a misplaced option and an option a finding reports stay unread.
import type { ParsedFile } from '../../core/types';
import { LineUse, markLines, triviaLedger } from '../../core/lines';
import type { IfupdownTree } from './index';
import { COMMAND_OPTIONS } from './options';

/** Why a line is outside the model. */
export const OUTSIDE_RULES = {
  selection: 'interface selection (auto, allow-*, no-auto-down, no-scripts, rename): when ifup runs, not what it configures',
  mapping: 'a mapping stanza: a script picks the logical interface at run time',
  down: 'a down/pre-down/post-down command: it runs when the interface goes down',
  other: 'an option of another package or of hook scripts (passed as IF_* variables): not read by the methods Tunnel Lens models',
} as const;

export function ifupdownLineUse(file: ParsedFile<IfupdownTree>): Uint8Array {
  const ledger = triviaLedger(file.text);
  const { file: f, built, issues } = file.tree;
  for (const l of f.comments) markLines(ledger, l, l, LineUse.trivia);
  const reported = new Set(issues.map((i) => i.range.start.line));
  for (const s of f.stanzas) {
    const header = s.kind === 'iface' || s.kind === 'template' || s.kind === 'source' || s.kind === 'source-directory' ? LineUse.model : LineUse.outside;
    markLines(ledger, s.line, s.line, header);
    for (const o of s.options) {
      let use: LineUse | undefined;
      if (s.kind === 'mapping') use = LineUse.outside;
      else if (COMMAND_OPTIONS[o.name] === 'down') use = LineUse.outside;
      else if (built.known.has(o)) use = LineUse.model;
      else if (!reported.has(o.line)) use = LineUse.outside;
      if (use !== undefined) markLines(ledger, o.line, o.line, use);
    }
  }
  for (const [from, to] of f.continued) markLines(ledger, from, to, LineUse.continued);
  return ledger;
}
