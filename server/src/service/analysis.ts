// Parse once per document version; every feature and check reads the same ParsedFile.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { detectDialect, dialectById } from '../languages';
import type { CheckRegistry } from '../checks/registry';
import { emptyParsedFile } from './parsedFile';
import { reporterFor } from './findings';
import { uriToPath } from './uri';
import type { DialectModule, Finding, LanguageId, ParseContext, ParsedFile } from './types';

const WHOLE_FIRST_LINE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The dialect for a document: its language id when it is one of ours, else detection by path and content. */
export function dialectFor(doc: TextDocument): DialectModule | undefined {
  const byId = dialectById(doc.languageId);
  if (byId) return byId;
  return detectDialect(uriToPath(doc.uri), doc.getText().slice(0, 2000));
}

/**
 * Parses a document and runs its dialect's per-file checks. `previous` is the ParsedFile of the
 * document's previous version, handed to the dialect for an incremental re-parse. A dialect that throws is a bug of
 * ours; the user still gets one finding with a range instead of a dead server.
 */
export function analyse(doc: TextDocument, dialect: DialectModule, ctx: ParseContext, registry: CheckRegistry, previous?: ParsedFile): ParsedFile {
  const size = doc.getText().length;
  if (size > ctx.settings.maxFileSize) {
    const file = emptyParsedFile(doc, dialect.id);
    file.findings.push({
      code: 'file-too-large',
      severity: 'warning',
      message: `Not analysed: the file has ${size} characters, over the limit of ${ctx.settings.maxFileSize} (setting tunnelLens.maxFileSize).`,
      uri: doc.uri,
      range: WHOLE_FIRST_LINE,
      related: [],
      fixes: [],
    });
    return file;
  }
  let file: ParsedFile;
  try {
    // The previous version of the same document, when it was parsed by the same dialect (incremental re-parse).
    file = dialect.parse(doc, ctx, previous && previous.uri === doc.uri && previous.languageId === dialect.id ? previous : undefined);
  } catch (e) {
    return internalError(doc, dialect.id, 'parsing', e);
  }
  const extra: Finding[] = [];
  const report = reporterFor(file, extra);
  for (const check of registry.fileChecks(dialect.id)) {
    try {
      check.run(file, ctx, report);
    } catch (e) {
      extra.push(internalError(doc, dialect.id, `check ${check.code}`, e).findings[0]);
    }
  }
  for (const f of [...file.findings, ...extra]) {
    if (f.fixes.length > 0) continue;
    for (const p of registry.fixProviders(f.code)) {
      try {
        f.fixes.push(...p.provide(f, file, ctx));
      } catch {
        // A fix that cannot be computed is simply not offered.
      }
    }
  }
  file.findings = [...file.findings, ...extra];
  return file;
}

function internalError(doc: TextDocument, languageId: LanguageId, where: string, e: unknown): ParsedFile {
  const file = emptyParsedFile(doc, languageId);
  const what = e instanceof Error ? e.message : String(e);
  file.findings.push({
    code: 'syntax-error',
    severity: 'error',
    message: `Tunnel Lens failed while ${where} this file (${what.slice(0, 200)}). This is a bug in Tunnel Lens, not necessarily in the file.`,
    uri: doc.uri,
    range: WHOLE_FIRST_LINE,
    related: [],
    fixes: [],
  });
  return file;
}
