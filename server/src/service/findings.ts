// Turns check reports into Findings (filling defaults from the code registry) and Findings into
// LSP diagnostics.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { Code, codeInfo, docsAnchor, DOCS_BASE_URL, type FindingCode } from '../core/codes';
import type { Finding, ParsedFile, Range, Report, Severity, SeverityOverrides } from '../core/types';

/** Where the service writes a line for the user's log (the server's output channel, the CLI's stderr). */
export type Log = (line: string) => void;

/**
 * A reporter for one emitter: fills the default severity from the code table, and turns a report
 * of a code the emitter did not declare into an internal error (the registry's promise that it
 * knows who emits what).
 */
export function reporterFor(file: ParsedFile, sink: Finding[], codes: readonly FindingCode[], who: string, log?: Log): Report {
  return (f) => {
    if (!codes.includes(f.code)) {
      sink.push(internalErrorFinding(f.uri ?? file.uri, f.range, `${who} reported the undeclared code ${f.code}`, undefined, log));
      return;
    }
    sink.push({
      code: f.code,
      severity: f.severity ?? codeInfo(f.code).severity,
      message: f.message,
      uri: f.uri ?? file.uri,
      range: f.range,
      related: f.related ?? [],
      fixes: f.fixes ?? [],
    });
  };
}

/**
 * The finding for a bug of ours (a parser or check that threw, an undeclared code): visible where
 * it happened, and one line in the log. The exception's text is cut short: it may quote the file.
 */
export function internalErrorFinding(uri: string, range: Range, where: string, e: unknown, log?: Log): Finding {
  const what = e === undefined ? '' : ` (${(e instanceof Error ? e.message : String(e)).slice(0, 200)})`;
  log?.(`tunnel-lens: internal error while ${where} in ${uri}${what}`);
  return {
    code: Code.internalError,
    severity: 'error',
    message: `Tunnel Lens failed while ${where}${what}. This is a bug in Tunnel Lens, not necessarily in the file: the findings here may be incomplete.`,
    uri,
    range,
    related: [],
    fixes: [],
  };
}

/** A finding with the user's severity for its code (tunnelLens.severity), or undefined when turned off. */
export function withUserSeverity(f: Finding, overrides: SeverityOverrides): Finding | undefined {
  const o = overrides[f.code];
  if (o === undefined || o === f.severity) return f;
  if (o === 'off') return undefined;
  return { ...f, severity: o };
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
    codeDescription: { href: DOCS_BASE_URL + docsAnchor(f.code) },
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
