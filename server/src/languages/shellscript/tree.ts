// The tree of a shellscript ParsedFile: the `ip` commands (for hover, completion and the checks),
// the changes the ioctl check judges, and the marks the reader left for the line ledger.
import type { Range } from 'vscode-languageserver-types';
import type { Endpoint } from '../../core/endpoint';
import type { Issue } from '../shared/findings';

export interface IpCommandNode {
  range: Range;
  object: string;
  verb?: string;
  device?: string;
  words: { text: string; range: Range }[];
  /** Key material (ip xfrm … enc ALG KEY): never shown. */
  secretRanges: Range[];
  /** What iproute2 would reject in its arguments (the ip-arguments check reports them). */
  issues: Issue[];
}

/** `ip -6 tunnel change DEV … encaplimit X`: the change, and the creator this script knows, if any. */
export interface IoctlChange {
  device: string;
  change: Endpoint;
  /** The device as an earlier command of this script created it. */
  creator?: Endpoint;
}

/**
 * Why a line is outside the model, by rule: only `ip` commands are modelled, and of those only the
 * objects that make or change tunnels; unrelated shell gets no findings.
 */
export const OUTSIDE_RULES = {
  'not-ip': 'a shell command that is not `ip`: only ip commands are modelled',
  'ip-object': 'an `ip` object that makes no tunnel (route, rule, neigh, …), or one only known when the script runs',
  'shell-syntax': 'shell syntax outside any command: operators, redirections, line continuations',
} as const;
export type OutsideRule = keyof typeof OUTSIDE_RULES;

/** Lines [from, to] of one command (or piece of shell syntax) as its reader took it. */
export interface LineMark {
  from: number;
  to: number;
  use: 'model' | 'outside' | 'continued';
  rule?: OutsideRule;
}

export interface ShellTree {
  kind: 'shellscript';
  commands: IpCommandNode[];
  ioctlChanges: IoctlChange[];
  /** Every command, piece of syntax and here-document body, in the order the reader met them. */
  marks: LineMark[];
  /** The key material of every `ip` command (languages/shared/ip/secrets.ts), as written and as its value: only for secretValues(), never shown. */
  secrets: string[];
}
