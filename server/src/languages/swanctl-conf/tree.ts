// What one parse of a swanctl.conf knows, kept as the dialect's tree: every feature and check reads
// it, none parses again.
import type { Issue } from '../shared/findings';
import type { Merged, View } from './merge';
import type { Section, SyntaxIssue } from './parser';
import type { Positions } from './lexer';
import type { SharedSecret } from './secrets';
import type { Target } from './version';

export interface SwanctlTree {
  kind: 'swanctl-conf';
  target: Target;
  /** The file as written, includes in place (their content carries its own uri). */
  root: Section;
  merged: Merged;
  view: View;
  /** Syntax errors of this file and of what it includes. */
  syntax: SyntaxIssue[];
  /** What the registered checks report (validate.ts, secrets.ts). */
  issues: Issue[];
  secrets: SharedSecret[];
  /** The line ledger of this file (core/lines.ts), filled as the lexer and parser read it. */
  ledger: Uint8Array;
  positions: Positions;
}
