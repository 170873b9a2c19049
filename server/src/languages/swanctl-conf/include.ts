// The token stream of a file with its includes in place, as libstrongswan's lexer pushes the
// included files' buffers (docs/reference/swanctl-conf.md §1): read through the parse context's
// FileSystem only. A file that includes itself would be read again and again by charon; here the
// include is refused with a finding, as is nesting deeper than MAX_DEPTH.
import type { FileSystem } from '../../core/types';
import { expandInclude } from './glob';
import { lex, type LexResult } from './lexer';

const MAX_DEPTH = 8;

export interface Loaded extends LexResult {
  /** Every file the includes read, for re-parsing when one changes. */
  dependencies: string[];
}

export function lexWithIncludes(text: string, uri: string, fs: FileSystem): Loaded {
  const deps = new Set<string>();
  const go = (t: string, u: string, stack: string[]): LexResult =>
    lex(t, u, (pattern) => {
      const targets = expandInclude(fs, u, pattern);
      for (const x of targets) deps.add(x);
      if (targets.some((x) => stack.includes(x))) return { tokens: [], targets, refused: 'the pattern matches a file that is already being read (it includes itself); charon would read it again and again' };
      if (stack.length > MAX_DEPTH) return { tokens: [], targets, refused: `includes nested more than ${MAX_DEPTH} deep` };
      const tokens = [];
      for (const x of targets) {
        const inner = fs.readFile(x);
        if (inner === undefined) continue;
        const r = go(inner, x, [...stack, x]);
        for (let i = 0; i < r.tokens.length - 1; i++) tokens.push(r.tokens[i]);
      }
      return { tokens, targets };
    });
  const r = go(text, uri, [uri]);
  return { ...r, dependencies: [...deps] };
}
