// The dialect's per-file checks, one FileCheck per stable code. The analysis runs once per parse
// (parse() keeps it in ParsedFile.tree); each check hands out the findings of its code, so the
// service can run, filter or disable them by code. parse() itself only reports syntax errors.
import type { FileCheck, ParsedFile } from '../../core/types';
import { Code, type FindingCode } from '../../core/codes';
import type { Analysis } from './analyze';

export const CHECKED_CODES: readonly FindingCode[] = [
  Code.unknownKeyword,
  Code.invalidValue,
  Code.duplicateKey,
  Code.undefinedReference,
  Code.deprecatedOption,
  Code.versionIncompatible,
  Code.weakAlgorithm,
  Code.configIgnored,
];

export function analysisOf(file: ParsedFile): Analysis | undefined {
  const t = file.tree as { analysis?: Analysis } | undefined;
  return t?.analysis;
}

export const checks: FileCheck[] = CHECKED_CODES.map((code) => ({
  id: `ipsec-conf/${code}`,
  codes: [code],
  run(file, _ctx, report) {
    for (const f of analysisOf(file)?.findings ?? []) {
      if (f.code !== code) continue;
      report({ code, message: f.message, range: f.range, severity: f.severity, related: f.related, fixes: f.fixes, uri: f.uri });
    }
  },
}));

/** Every finding of a parsed file: the parser's plus every check's (what the service shows). */
export function allFindings(file: ParsedFile) {
  const a = analysisOf(file);
  return [...file.findings, ...(a?.findings.filter((f) => f.code !== Code.syntaxError) ?? [])];
}
