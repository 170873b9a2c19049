// The tree the ipsec.conf reader builds from one file: sections, their key=value entries, include
// and version statements, and the syntax problems of the lines it could not read. Every node keeps
// its range, so the line ledger and every check work from the tree, never from the text.
import type { Range } from 'vscode-languageserver-types';
import type { KeyReading } from './keyReading';
import type { Daemon } from './version';

export interface Entry {
  /** As written. */
  key: string;
  keyRange: Range;
  /** Value with quotes/braces stripped; '' for `key=`. */
  value: string;
  valueRange: Range;
  quoted: boolean;
  braced: boolean;
  /** Range of the whole `key=value`. */
  range: Range;
  uri: string;
  section: Section;
  /** What the daemon takes the key for, in this section (keyReading.ts). */
  reading: KeyReading;
}

export interface Section {
  kind: 'setup' | 'conn' | 'ca';
  name: string;
  nameRange: Range;
  headerRange: Range;
  /** Header through the last body line. */
  range: Range;
  entries: Entry[];
  uri: string;
}

export interface IncludeStmt {
  path: string;
  range: Range;
  pathRange: Range;
  uri: string;
}

export interface SyntaxProblem {
  message: string;
  range: Range;
}

export interface ParsedConf {
  uri: string;
  daemon: Daemon;
  sections: Section[];
  /** Column-0 includes, and strongSwan's indented ones. */
  includes: IncludeStmt[];
  /** `version 2` statements the daemon accepts where they stand (read and ignored, as the daemon does). */
  versions: Range[];
  errors: SyntaxProblem[];
  /** Statements that span several lines (a strongSwan quoted value continued with `\`): [first, last] line. */
  multiLine: [number, number][];
  /** The lines whose key holds a secret (secrets.ts), well-formed or not, with the key and the raw text after `=`. */
  secretLines: Map<number, { key: string; raw: string }>;
}
