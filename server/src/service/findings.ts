// Turns check reports into Findings (filling defaults from the code registry) and Findings into
// LSP diagnostics.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { CODE_INFO } from '../checks/codeInfo';
import type { Finding, ParsedFile, Report, Severity } from './types';

export function reporterFor(file: ParsedFile, sink: Finding[]): Report {
  return (f) =>
    sink.push({
      code: f.code,
      severity: f.severity ?? CODE_INFO[f.code].severity,
      message: f.message,
      uri: f.uri ?? file.uri,
      range: f.range,
      related: f.related ?? [],
      fixes: f.fixes ?? [],
    });
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'tunnel-lens';

export function toDiagnostic(f: Finding): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: `https://github.com/tunnel-lens/tunnel-lens/blob/main/docs/checks.md#${f.code}` },
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
    relatedInformation: f.related.length
      ? f.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message }))
      : undefined,
  };
}

/** Findings sorted by position, then code: stable output for the CLI and tests. */
export function sortFindings(list: Finding[]): Finding[] {
  return [...list].sort(
    (x, y) =>
      x.uri.localeCompare(y.uri) ||
      x.range.start.line - y.range.start.line ||
      x.range.start.character - y.range.start.character ||
      x.code.localeCompare(y.code),
  );
}
