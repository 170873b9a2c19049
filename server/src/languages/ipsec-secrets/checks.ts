// The ipsec.secrets checks: an include that names no file, and a second PSK for the same IDs.
import type { FileCheck } from '../../core/types';
import { Code } from '../../core/codes';
import type { Severity } from '../../core/types';
import { quoteValue } from '../../core/redact';
import type { PskEntry, SecretsInclude, SecretsTree } from './parser';

export function idLabel(ids: string[]): string {
  return ids.length ? ids.join(' ') : '(any pair)';
}

/** What an include that was not (all) followed is: its severity and what the message says. */
const NOT_FOLLOWED: Record<NonNullable<SecretsInclude['problem']>, [Severity, string]> = {
  unrooted: ['info', 'not followed: no folder above this file holds a copy of the host\'s etc/ to resolve an absolute path against.'],
  outside: ['info', 'not followed: it lies outside the workspace.'],
  unreadable: ['warning', 'a file it names cannot be read.'],
  budget: ['warning', 'not followed to the end: the expansion reached its budget of files and bytes.'],
};

/**
 * `include FILE` of a file that does not exist (a pattern may match nothing: the daemons say
 * nothing then, docs/reference/stock-layouts.md §6), and an include Tunnel Lens could not follow.
 */
export const includesCheck: FileCheck<SecretsTree> = {
  id: 'ipsec-secrets/includes',
  codes: [Code.undefinedReference],
  run(file, _ctx, report) {
    for (const i of file.tree.includes) {
      if (i.uri !== file.uri) continue;
      const what = `include ${quoteValue(i.pattern, 200)}`;
      if (i.problem) {
        const [severity, says] = NOT_FOLLOWED[i.problem];
        report({ code: Code.undefinedReference, severity, message: `${what}: ${says}`, range: i.range });
      } else if (!i.uris.length && !i.wildcard) report({ code: Code.undefinedReference, severity: 'warning', message: `${what}: no such file.`, range: i.range });
    }
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
      if (prev) report({ code: Code.duplicateKey, severity: 'warning', message: `A second PSK for ${quoteValue(idLabel(e.ids), 200)} (the first is on line ${prev.range.start.line + 1}).`, range: e.range });
      else seen.set(k, e);
    }
  },
};

export const SECRETS_CHECKS: readonly FileCheck<SecretsTree>[] = [includesCheck, duplicatesCheck];
