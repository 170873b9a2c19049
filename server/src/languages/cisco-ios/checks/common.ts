// What the IOS file checks share: the check shape, the weak-or-refused judgement of an algorithm
// word, and range checks. Severity follows docs/checks.md: what IOS rejects or what keeps the
// tunnel down is an error, what it accepts but is risky a warning, style a hint. Where the
// reference is unverified ([U], docs/reference/ios-grammar.md §1) a value is warned about, never
// rejected.
import type { FileCheck, ParsedFile, Report, Severity } from '../../../core/types';
import type { FindingCode } from '../../../core/codes';
import { Code } from '../../../core/codes';
import { transformInfo, type TransformType } from '../../../model/algorithms';
import { REFUSED_FROM_17_11, refusesWeak, versionLabel } from '../defaults';
import type { Word } from '../model';
import type { IosTree } from '../tree';

/** A check of the IOS dialect; it reads the model of the file's tree. */
export function iosCheck(name: string, codes: readonly FindingCode[], run: (t: IosTree, report: Report, file: ParsedFile<IosTree>) => void): FileCheck<IosTree> {
  return { id: `cisco-ios/${name}`, codes, run: (file, _ctx, report) => run(file.tree, report, file) };
}

/**
 * An algorithm IOS-XE 17.11.1+ refuses (unless weak crypto is re-enabled) is version-incompatible;
 * otherwise a weak one (the registry's list: DES, 3DES, MD5, NULL, DH 1/2/5) is a warning.
 * `key` is `<context>:<IOS word>` as in REFUSED_FROM_17_11.
 */
export function weakOrRefused(t: IosTree, report: Report, key: string, type: TransformType, canonical: string | undefined, w: Word, what: string): void {
  if (REFUSED_FROM_17_11.has(key) && refusesWeak(t.version) && !t.cfg.weakCryptoReenabled) {
    report({ code: Code.versionIncompatible, severity: 'error', message: `${versionLabel(t.version)} refuses ${what} "${w.text}" (weak crypto is rejected from IOS-XE 17.11.1, Cisco FN72510)`, range: w.range });
    return;
  }
  const info = canonical ? transformInfo(type, canonical) : undefined;
  // Group 24 is not in the registry's weak list; only 17.11+ refuses it.
  if (info?.weak) report({ code: Code.weakAlgorithm, severity: 'warning', message: `${what} "${w.text}" is weak: ${info.weak}`, range: w.range });
}

/** A number within [lo, hi]. */
export function rangeCheck(report: Report, w: Word, [lo, hi]: readonly [number, number], what: string, severity: Severity): void {
  if (!/^\d+$/.test(w.text)) {
    report({ code: Code.invalidValue, severity, message: `${what} must be a number (${lo}–${hi}), not "${w.text}"`, range: w.range });
    return;
  }
  const n = Number(w.text);
  if (n < lo || n > hi) report({ code: Code.invalidValue, severity, message: `${what} ${n} is outside ${lo}–${hi}`, range: w.range });
}
