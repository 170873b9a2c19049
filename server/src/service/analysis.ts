// Parse once per document version; every feature and check reads the same ParsedFile.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { detectDialect, dialectById } from '../languages';
import type { CheckRegistry } from './registry';
import { emptyParsedFile } from '../core/parsedFile';
import { Code, type FindingCode } from '../core/codes';
import { internalErrorFinding, lazyFixes, reporterFor, type Log } from './findings';
import { uriToPath } from '../core/uri';
import type { AnyDialect, Finding, ParseContext, ParsedFile, Unread } from '../core/types';

const WHOLE_FIRST_LINE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * The dialect for a document: by its file name and first lines first; the client's language id
 * only when those decide nothing (an untitled buffer, a router config saved as `.cfg` whose first
 * lines say nothing). Editors send what their users' modes say, and eglot 1.9 sends one language
 * id for every file a server entry lists: trusting it first read ipsec.conf as ifcfg.
 */
export function dialectFor(doc: TextDocument): AnyDialect | undefined {
  return detectDialect(uriToPath(doc.uri), doc.getText().slice(0, 2000)) ?? dialectById(doc.languageId);
}

/**
 * Parses a document and runs its dialect's registered checks. `previous` is the ParsedFile of the
 * document's previous version, handed to the dialect for an incremental re-parse. A parser or a
 * check that throws, or reports a code it did not declare, is a bug of ours: the user gets an
 * `internal-error` finding with a range and the log a line, and the other checks still run.
 */
export function analyse(doc: TextDocument, dialect: AnyDialect, ctx: ParseContext, registry: CheckRegistry, previous?: ParsedFile, log?: Log): ParsedFile {
  const size = doc.getText().length;
  if (size > ctx.settings.maxFileSize) {
    const file = emptyParsedFile(doc, dialect.id);
    file.findings.push({
      code: Code.fileTooLarge,
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
    doc = withLineFeeds(doc);
    // The previous version of the same document, when it was parsed by the same dialect (incremental re-parse).
    file = dialect.parse(doc, ctx, previous && previous.uri === doc.uri && previous.languageId === dialect.id ? previous : undefined);
  } catch (e) {
    const failed = emptyParsedFile(doc, dialect.id);
    failed.findings.push(internalErrorFinding(doc.uri, WHOLE_FIRST_LINE, `reading this file as ${dialect.name}`, e, log));
    return failed;
  }
  file.findings = file.findings.map((f) => declared(f, dialect.parseCodes, `the ${dialect.id} parser`, log));
  const extra: Finding[] = [];
  for (const check of registry.fileChecks(dialect.id)) {
    const report = reporterFor(file, extra, check.codes, `check ${check.id}`, log);
    try {
      check.run(file, ctx, report);
    } catch (e) {
      extra.push(internalErrorFinding(doc.uri, WHOLE_FIRST_LINE, `running the check ${check.id}`, e, log));
    }
  }
  for (const f of [...file.findings, ...extra]) {
    if (f.fixes.length > 0) continue;
    const providers = registry.fileFixes(f.code);
    if (providers.length === 0) continue;
    // Built when first read (a code action on the finding, the CLI printing it), not per version.
    const given = f.fixes;
    lazyFixes(f, () => {
      const out = given;
      for (const p of providers) {
        try {
          out.push(...p.provide(f, file, ctx));
        } catch (e) {
          // A fix that cannot be computed is not offered; the log says why.
          log?.(`tunnel-lens: quick fix for ${f.code} failed: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      return out;
    });
  }
  file.findings = [...file.findings, ...extra];
  return file;
}

/**
 * LSP (and every editor) ends a line at \r\n, \n or a lone \r; the dialects split at \n. A lone \r
 * becomes \n, which keeps every offset and makes the dialects' line numbers the editor's.
 */
function withLineFeeds(doc: TextDocument): TextDocument {
  const text = doc.getText();
  if (!/\r(?!\n)/.test(text)) return doc;
  return TextDocument.create(doc.uri, doc.languageId, doc.version, text.replace(/\r(?!\n)/g, '\n'));
}

/** A finding whose code its emitter did not declare becomes an internal error at the same place. */
function declared(f: Finding, codes: readonly FindingCode[], who: string, log?: Log): Finding {
  if (codes.includes(f.code) || f.code === Code.internalError) return f;
  return internalErrorFinding(f.uri, f.range, `${who} reported the undeclared code ${f.code}`, undefined, log);
}

const UNREAD_WHY: Record<Exclude<Unread['reason'], 'too-large'>, string> = {
  missing: 'it does not exist',
  directory: 'it is a folder',
  'not-regular': 'it is not a regular file',
  unreadable: 'it cannot be read',
  'outside-workspace': 'it lies outside the workspace (Tunnel Lens reads only the workspace folders, or the PATHs given to the command line)',
};

/** The ParsedFile of a file the disk did not give us: one finding that says why, nothing else. */
export function unreadFile(doc: TextDocument, languageId: AnyDialect['id'], why: Unread, maxFileSize: number): ParsedFile {
  const file = emptyParsedFile(doc, languageId);
  const message =
    why.reason === 'too-large'
      ? `Not analysed: the file has ${why.size ?? 'more than ' + maxFileSize} bytes, over the limit of ${maxFileSize} (setting tunnelLens.maxFileSize); it was not read.`
      : `Not read: ${UNREAD_WHY[why.reason]}${why.what ? ` (${why.what})` : ''}. Its tunnels are missing from the analysis.`;
  file.findings.push({ code: why.reason === 'too-large' ? Code.fileTooLarge : Code.fileUnreadable, severity: 'warning', message, uri: doc.uri, range: WHOLE_FIRST_LINE, related: [], fixes: [] });
  return file;
}
