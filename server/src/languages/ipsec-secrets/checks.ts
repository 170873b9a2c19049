// The ipsec.secrets checks: an include that names no file, and a second PSK for the same IDs.
import type { FileCheck } from '../../core/types';
import { Code } from '../../core/codes';
import { hasWildcard } from './include';
import type { PskEntry, SecretsTree } from './parser';

export function idLabel(ids: string[]): string {
  return ids.length ? ids.join(' ') : '(any pair)';
}

/** `include FILE` of a file that does not exist (a pattern may match nothing). */
export const includesCheck: FileCheck<SecretsTree> = {
  id: 'ipsec-secrets/includes',
  codes: [Code.undefinedReference],
  run(file, _ctx, report) {
    for (const i of file.tree.includes)
      if (i.uri === file.uri && !i.uris.length && !hasWildcard(i.pattern)) report({ code: Code.undefinedReference, severity: 'warning', message: `include ${i.pattern}: no such file.`, range: i.range });
  },
};

/** The same ID set twice with a PSK: the daemon uses one of them, the other is dead. */
export const duplicatesCheck: FileCheck<SecretsTree> = {
  id: 'ipsec-secrets/duplicates',
  codes: [Code.duplicateKey],
  run(file, _ctx, report) {
    const seen = new Map<string, PskEntry>();
    for (const e of file.tree.entries.filter((x) => x.uri === file.uri && x.type === 'PSK')) {
      const k = [...e.ids].sort().join(' ');
      const prev = seen.get(k);
      if (prev) report({ code: Code.duplicateKey, severity: 'warning', message: `A second PSK for ${idLabel(e.ids)} (the first is on line ${prev.range.start.line + 1}).`, range: e.range });
      else seen.set(k, e);
    }
  },
};

export const SECRETS_CHECKS: readonly FileCheck<SecretsTree>[] = [includesCheck, duplicatesCheck];
