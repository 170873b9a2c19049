// `include` with glob patterns, read through ctx.fs. Paths are resolved relative to the including
// file's directory (strongSwan's rule and the man page's); Libreswan 4.10 really resolves them
// against the daemon's cwd (docs/reference/ipsec-conf-grammar.md §4), which hovers and messages
// point out.
// Nesting is limited to 10 (MAX_INCLUDE_DEPTH) and include cycles are cut.
import picomatch from 'picomatch';
import type { FileSystem } from '../../core/types';
import { dirnameUri, resolveUri } from '../../core/uri';
import { parseConf } from './parser';
import type { IncludeStmt, ParsedConf } from './tree';
import type { Daemon } from './version';

export const MAX_INCLUDE_DEPTH = 10;

export interface IncludeResult {
  stmt: IncludeStmt;
  targets: string[];
  /** Why nothing or not everything was read. */
  problem?: { kind: 'no-match' | 'depth' | 'cycle' | 'unreadable'; message: string };
}

export interface Loaded {
  /** Every included file parsed, in include order (not the root). */
  files: ParsedConf[];
  includes: IncludeResult[];
  dependencies: string[];
}

const GLOB_CHARS = /[*?[{]/;

/** Expands a resolved uri that may hold glob characters into the matching file uris, sorted. */
export function expandGlob(uri: string, fs: FileSystem): string[] {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(\/.*)$/i.exec(uri);
  if (!m) return [];
  const [, authority, path] = m;
  const segs = path.split('/').filter((s, i) => i > 0 || s !== '');
  if (!segs.some((s) => GLOB_CHARS.test(decodeURIComponent(s)))) {
    return fs.readFile(uri) !== undefined ? [uri] : [];
  }
  let bases = [authority];
  for (let i = 0; i < segs.length; i++) {
    const seg = decodeURIComponent(segs[i]);
    const next: string[] = [];
    for (const b of bases) {
      if (!GLOB_CHARS.test(seg)) {
        next.push(`${b}/${segs[i]}`);
        continue;
      }
      const isMatch = picomatch(seg, { dot: false });
      const children = fs.readDirectory(b === authority ? `${authority}/` : b) ?? [];
      for (const c of [...children].sort()) {
        const name = decodeURIComponent(c.slice(c.lastIndexOf('/') + 1));
        if (isMatch(name)) next.push(c.replace(/\/$/, ''));
      }
    }
    bases = next;
  }
  return bases.filter((u) => fs.readFile(u) !== undefined).sort();
}

/** Follows the includes of `root` (already parsed) depth-first. */
export function loadIncludes(root: ParsedConf, daemon: Daemon, fs: FileSystem): Loaded {
  const out: Loaded = { files: [], includes: [], dependencies: [] };
  // A problem deep down (cycle, depth) is reported on the root file's include that leads there.
  const visit = (file: ParsedConf, depth: number, stack: string[], rootRes?: IncludeResult) => {
    for (const stmt of file.includes) {
      const resolved = resolveUri(dirnameUri(file.uri), stmt.path);
      const targets = expandGlob(resolved, fs);
      const own: IncludeResult = { stmt, targets };
      if (file === root) out.includes.push(own);
      const res = rootRes ?? own;
      const isRoot = file === root;
      if (!out.dependencies.includes(resolved)) out.dependencies.push(resolved);
      if (targets.length === 0) {
        if (isRoot) res.problem = { kind: 'no-match', message: `include '${stmt.path}' matches no file` };
        continue;
      }
      for (const t of targets) {
        if (!out.dependencies.includes(t)) out.dependencies.push(t);
        if (stack.includes(t)) {
          res.problem = { kind: 'cycle', message: `include cycle: ${[...stack, t].map(short).join(' → ')}` };
          continue;
        }
        if (depth + 1 > MAX_INCLUDE_DEPTH) {
          res.problem = { kind: 'depth', message: `includes nest deeper than ${MAX_INCLUDE_DEPTH} levels; '${short(t)}' is not read` };
          continue;
        }
        const text = fs.readFile(t);
        if (text === undefined) {
          res.problem = { kind: 'unreadable', message: `cannot read '${short(t)}'` };
          continue;
        }
        const parsed = parseConf(text, t, daemon);
        out.files.push(parsed);
        visit(parsed, depth + 1, [...stack, t], res);
      }
    }
  };
  visit(root, 0, [root.uri]);
  return out;
}

function short(uri: string): string {
  return decodeURIComponent(uri.replace(/^file:\/\//, ''));
}
