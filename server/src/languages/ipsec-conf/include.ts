// `include` of ipsec.conf: the files each statement names (languages/shared/includes.ts resolves
// them, absolute ones against the workspace's copy of the host's root, and reads each once per
// parse, within a budget), parsed in include order. A relative path is resolved against the
// including file's directory (strongSwan's rule and the man page's); Libreswan 4.10 really
// resolves it against the daemon's working directory (docs/reference/ipsec-conf-grammar.md §4),
// which hovers and messages point out. Only a literal include that names no file is a problem:
// Libreswan logs an unmatched wildcard at debug level only (docs/reference/stock-layouts.md §6).
// Nesting is limited to 10 (MAX_INCLUDE_DEPTH) and include cycles are cut.
import { quoteValue } from '../../core/redact';
import type { FileSystem } from '../../core/types';
import { IncludeExpansion, shortUri } from '../shared/includes';
import { parseConf } from './parser';
import type { IncludeStmt, ParsedConf } from './tree';
import type { Daemon } from './version';

export const MAX_INCLUDE_DEPTH = 10;

export type IncludeProblemKind = 'no-match' | 'depth' | 'cycle' | 'unreadable' | 'unrooted' | 'outside' | 'budget';

export interface IncludeResult {
  stmt: IncludeStmt;
  targets: string[];
  /** Why nothing or not everything was read. */
  problem?: { kind: IncludeProblemKind; message: string };
}

export interface Loaded {
  /** Every included file parsed, in include order (not the root), each once. */
  files: ParsedConf[];
  includes: IncludeResult[];
  dependencies: string[];
}

/** Follows the includes of `root` (already parsed) depth-first, each file read and parsed once. */
export function loadIncludes(root: ParsedConf, rootText: string, daemon: Daemon, fs: FileSystem): Loaded {
  const out: Loaded = { files: [], includes: [], dependencies: [] };
  const deps = new Set<string>();
  const dep = (u: string) => {
    if (!deps.has(u)) {
      deps.add(u);
      out.dependencies.push(u);
    }
  };
  const x = new IncludeExpansion(fs);
  x.seed(root.uri, rootText);
  const expanded = new Set<string>([root.uri]);
  // A problem deep down (cycle, depth, a file not read) is reported on the root file's include that leads there.
  const visit = (file: ParsedConf, depth: number, stack: string[], rootRes?: IncludeResult) => {
    for (const stmt of file.includes) {
      const own: IncludeResult = { stmt, targets: [] };
      const isRoot = file === root;
      if (isRoot) out.includes.push(own);
      const res = rootRes ?? own;
      const problem = (kind: IncludeProblemKind, message: string) => {
        if (res.problem?.kind !== 'budget') res.problem = { kind, message };
      };
      const t = x.target(file.uri, stmt.path);
      if (t.kind === 'unrooted') {
        if (isRoot) problem('unrooted', `include '${q(stmt.path)}' is not followed: no folder above this file holds a copy of the host's etc/ to resolve an absolute path against`);
        continue;
      }
      dep(t.uri);
      const targets = x.matches(t);
      own.targets = targets;
      if (targets.length === 0) {
        if (isRoot && !t.wildcard) problem('no-match', `include '${q(stmt.path)}' matches no file`);
        continue;
      }
      for (const u of targets) {
        dep(u);
        if (stack.includes(u)) {
          problem('cycle', `include cycle: ${[...stack, u].map((v) => q(shortUri(v))).join(' → ')}`);
          continue;
        }
        if (expanded.has(u)) continue;
        if (depth + 1 > MAX_INCLUDE_DEPTH) {
          problem('depth', `includes nest deeper than ${MAX_INCLUDE_DEPTH} levels; '${q(shortUri(u))}' is not read`);
          continue;
        }
        const r = x.read(u);
        if ('problem' in r) {
          if (r.problem === 'budget') problem('budget', `includes are not followed past ${x.budget.files} files or ${x.budget.bytes / 1024 / 1024} MB in one expansion; '${q(shortUri(u))}' and what follows are not read`);
          else if (r.problem === 'outside') problem('outside', `include '${q(stmt.path)}' is not followed: '${q(shortUri(u))}' lies outside the workspace`);
          else problem('unreadable', `cannot read '${q(shortUri(u))}'`);
          continue;
        }
        expanded.add(u);
        const parsed = parseConf(r.text, u, daemon);
        out.files.push(parsed);
        visit(parsed, depth + 1, [...stack, u], res);
      }
    }
  };
  visit(root, 0, [root.uri]);
  return out;
}

/** A path in a message: cut short, control characters shown as escapes. */
const q = (p: string) => quoteValue(p, 200);
