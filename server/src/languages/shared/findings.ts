// The findings a Linux dialect's parser reports itself (what its reader cannot read), and the
// problems an extraction records in its tree for a registered check to report.
import type { Range } from 'vscode-languageserver-types';
import type { FileCheck, Finding, Severity } from '../../core/types';
import type { FindingCode } from '../../core/codes';

export function finding(uri: string, code: FindingCode, severity: Severity, message: string, r: Range): Finding {
  return { code, severity, message, uri, range: r, related: [], fixes: [] };
}

/**
 * A problem an extraction met while it read a value into the model (an address of the wrong
 * family, a limit networkd never sends). The extraction records it in the tree, where it already
 * knows the answer; a registered check reports it, so parse() reports only what its reader cannot read.
 */
export interface Issue {
  code: FindingCode;
  severity: Severity;
  message: string;
  range: Range;
}

/** A check that reports the issues an extraction recorded in the tree, declared with their codes. */
export function issuesCheck<T>(id: string, codes: readonly FindingCode[], issuesOf: (tree: T) => readonly Issue[]): FileCheck<T> {
  return {
    id,
    codes,
    run(file, _ctx, report) {
      for (const i of issuesOf(file.tree)) report({ code: i.code, severity: i.severity, message: i.message, range: i.range });
    },
  };
}
