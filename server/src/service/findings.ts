// Turns check reports into Findings (filling defaults from the code registry) and Findings into
// LSP diagnostics.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { Code, codeInfo, docsAnchor, DOCS_BASE_URL, type FindingCode } from '../core/codes';
import type { Finding, Fix, ParsedFile, Range, Report, Severity, SeverityOverrides } from '../core/types';

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
      ...(f.detail ? { detail: f.detail } : {}),
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

/**
 * Gives a finding fixes computed on first read of `fixes` (then kept): the fixes of a finding nobody
 * looks at are never built. The server reads them for a code action on the finding's range, the
 * CLI when it prints them. `fixes` stays a plain `Fix[]` to every reader (and may be assigned).
 */
export function lazyFixes(f: Finding, compute: () => Fix[]): Finding {
  let value: Fix[] | undefined;
  let computing = false;
  Object.defineProperty(f, 'fixes', {
    configurable: true,
    enumerable: true,
    get(): Fix[] {
      if (value === undefined) {
        // A fix builder that reads the finding's own fixes sees none (no recursion).
        if (computing) return [];
        computing = true;
        try {
          value = compute();
        } finally {
          computing = false;
        }
      }
      return value;
    },
    set(v: Fix[]) {
      value = v;
    },
  });
  return f;
}

/** True when the finding's fixes have not been built yet (lazyFixes). */
function isLazy(f: Finding): boolean {
  return typeof Object.getOwnPropertyDescriptor(f, 'fixes')?.get === 'function';
}

/**
 * A shallow copy of a finding with some fields replaced, as `{ ...f, ...patch }` — except that
 * fixes not built yet stay unbuilt (shared with `f`, as the spread would share the array).
 */
export function copyFinding(f: Finding, patch: Partial<Finding> = {}): Finding {
  if (!isLazy(f) || 'fixes' in patch) return { ...f, ...patch };
  const out = { code: f.code, severity: f.severity, message: f.message, uri: f.uri, range: f.range, related: f.related } as Finding;
  for (const k of Object.keys(f)) if (k !== 'fixes' && !(k in out)) (out as unknown as Record<string, unknown>)[k] = (f as unknown as Record<string, unknown>)[k];
  Object.assign(out, patch);
  Object.defineProperty(out, 'fixes', { configurable: true, enumerable: true, get: () => f.fixes, set: (v: Fix[]) => Object.defineProperty(out, 'fixes', { value: v, writable: true, enumerable: true, configurable: true }) });
  return out;
}

/** A finding with the user's severity for its code (tunnelLens.severity), or undefined when turned off. */
export function withUserSeverity(f: Finding, overrides: SeverityOverrides): Finding | undefined {
  const o = overrides[f.code];
  if (o === undefined || o === f.severity) return f;
  if (o === 'off') return undefined;
  return copyFinding(f, { severity: o });
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
    // The detail rides as the first related entry, at the finding's own place: editors show it
    // under the message (VS Code's Problems panel and hover, Neovim's float).
    relatedInformation:
      f.related.length || f.detail
        ? [...(f.detail ? [{ location: { uri: f.uri, range: f.range }, message: f.detail }] : []), ...f.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message }))]
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
