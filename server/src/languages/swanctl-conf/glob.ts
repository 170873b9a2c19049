// `include PATTERN` as libstrongswan resolves it (docs/reference/swanctl-conf.md §1): relative to
// the directory of the file holding the include, absolute as is; a glob(3) pattern (wildcards in
// any path segment, `*` and `?` never match a leading dot, `\` escapes), matches in sorted order,
// non-regular files skipped. Only through the FileSystem of the parse context, never the disk.
import type { FileSystem } from '../../core/types';
import { basenameOfUri, dirnameUri, joinUri, resolveUri } from '../../core/uri';

const WILD = /(^|[^\\])[*?[]/;

/** One path segment of a glob as a RegExp (glob(3) without GLOB_PERIOD or GLOB_NOESCAPE). */
export function segmentRegExp(seg: string): RegExp {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '\\' && i + 1 < seg.length) {
      re += escape(seg[++i]);
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = seg.indexOf(']', i + 2);
      if (close < 0) {
        re += '\\[';
        continue;
      }
      let body = seg.slice(i + 1, close);
      const negate = body[0] === '!' || body[0] === '^';
      if (negate) body = body.slice(1);
      re += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, (m) => `\\${m}`)}]`;
      i = close;
    } else re += escape(c);
  }
  try {
    return new RegExp(`^${re}$`, 'u');
  } catch {
    return new RegExp(`^${escape(seg)}$`);
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const unescape = (s: string) => s.replace(/\\(.)/g, '$1');

/**
 * The files an include pattern matches, in glob order, through `fs`. A file is a uri whose
 * readFile answers; folders are what readDirectory lists.
 */
export function expandInclude(fs: FileSystem, includingUri: string, pattern: string): string[] {
  const full = resolveUri(dirnameUri(includingUri), pattern.replace(/\/+$/, ''));
  if (!WILD.test(pattern)) {
    const uri = resolveUri(dirnameUri(includingUri), unescape(pattern));
    return fs.readFile(uri) !== undefined ? [uri] : [];
  }
  // Walk from the deepest folder without wildcards, one segment at a time.
  const segments: string[] = [];
  let base = full;
  while (WILD.test(basenameOfUri(base))) {
    segments.unshift(basenameOfUri(base));
    const up = dirnameUri(base);
    if (up === base) break;
    base = up;
  }
  let current = [base];
  segments.forEach((seg, idx) => {
    const last = idx === segments.length - 1;
    const next: string[] = [];
    for (const dir of current) {
      if (!WILD.test(seg)) {
        next.push(joinUri(dir, unescape(seg)));
        continue;
      }
      const re = segmentRegExp(seg);
      const names = (fs.readDirectory(dir) ?? []).map((u) => basenameOfUri(u)).sort();
      for (const name of names) if (!name.startsWith('.') && re.test(name)) next.push(joinUri(dir, name));
    }
    current = last ? next : next.filter((d) => fs.readDirectory(d) !== undefined);
  });
  return current.filter((u) => fs.readFile(u) !== undefined).sort();
}
