// `include PATTERN` of ipsec.secrets: the files it names, wildcards in the last path segment
// expanded as glob(3) does, read through ctx.fs.
import type { ParseContext } from '../../core/types';
import { basenameOfUri, dirnameUri, resolveUri } from '../../core/uri';

function globToRegExp(glob: string): RegExp {
  try {
    // `[…]` stays a character class, as in glob(3).
    return new RegExp('^' + glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
  } catch {
    // A malformed class (`[z-a`, an unclosed `[`) matches itself literally, as glob(3) takes it.
    return new RegExp('^' + glob.replace(/[.+^${}()|\\[\]]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
  }
}

export const hasWildcard = (pattern: string) => /[*?[]/.test(pattern);

/** Expands an include pattern (wildcards in the last path segment) through ctx.fs. */
export function expandInclude(baseDir: string, pattern: string, ctx: ParseContext): string[] {
  const uri = resolveUri(baseDir, pattern);
  if (!hasWildcard(pattern)) return ctx.fs.readFile(uri) !== undefined ? [uri] : [];
  const dir = dirnameUri(uri);
  const re = globToRegExp(basenameOfUri(uri));
  return (ctx.fs.readDirectory(dir) ?? []).filter((u) => re.test(basenameOfUri(u))).sort();
}
