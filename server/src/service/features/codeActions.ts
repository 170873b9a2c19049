// Code actions are the fixes attached to findings, as workspace edits that may span both peers'
// files (and create a companion script). A client that resolves code actions (codeAction/resolve
// with `edit` among resolveSupport's properties) gets each action without its edit but with the
// data to find its fix again; the edit is made when the user picks the action.
import { CodeActionKind, type CodeAction, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import { toDiagnostic } from '../findings';
import type { Finding, Fix } from '../../core/types';

function overlaps(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** What the client can apply (its `workspace.workspaceEdit` capabilities). */
export interface EditOptions {
  /**
   * The client creates files (`resourceOperations` holds `create`; the default). A client that
   * does not (eglot 1.9 announces documentChanges only, and fails on a CreateFile) gets the new
   * file's text as plain `changes` on its uri: it opens a new buffer for the uri and inserts it.
   */
  createFiles?: boolean;
}

export function fixToWorkspaceEdit(fix: Fix, opts: EditOptions = {}): WorkspaceEdit {
  const byUri = new Map<string, TextEdit[]>();
  for (const e of fix.edits) byUri.set(e.uri, [...(byUri.get(e.uri) ?? []), { range: e.range, newText: e.newText }]);
  if (!fix.createFiles?.length || opts.createFiles === false) return { changes: Object.fromEntries(byUri) };
  return {
    documentChanges: [
      ...fix.createFiles.map((uri) => ({ kind: 'create' as const, uri, options: { ignoreIfExists: true } })),
      ...[...byUri].map(([uri, edits]) => ({ textDocument: { uri, version: null }, edits })),
    ],
  };
}

/** What a code action to be resolved carries: the document version, the finding and the fix. */
export interface CodeActionData {
  tunnelLens: 1;
  uri: string;
  /** The document version the findings were of (undefined: not known). */
  version?: number;
  /** The finding's place in the document's findings, its code and where it starts. */
  finding: number;
  code: string;
  line: number;
  character: number;
  /** The fix's place among the finding's fixes, and its title. */
  fix: number;
  title: string;
}

export function isCodeActionData(d: unknown): d is CodeActionData {
  const x = d as Partial<CodeActionData> | undefined;
  return !!x && x.tunnelLens === 1 && typeof x.uri === 'string' && typeof x.finding === 'number' && typeof x.fix === 'number' && typeof x.code === 'string';
}

export interface CodeActionOptions extends EditOptions {
  /** Leave the edit out and give the data to resolve it later (codeAction/resolve). */
  resolveLater?: boolean;
  uri?: string;
  version?: number;
}

export function codeActions(findings: Finding[], range: Range, opts: CodeActionOptions = {}): CodeAction[] {
  const out: CodeAction[] = [];
  findings.forEach((f, i) => {
    if (!overlaps(f.range, range)) return;
    f.fixes.forEach((fix, j) => {
      const action: CodeAction = {
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toDiagnostic(f)],
        isPreferred: fix.isPreferred,
      };
      if (opts.resolveLater && opts.uri !== undefined) {
        const data: CodeActionData = { tunnelLens: 1, uri: opts.uri, version: opts.version, finding: i, code: f.code, line: f.range.start.line, character: f.range.start.character, fix: j, title: fix.title };
        action.data = data;
      } else action.edit = fixToWorkspaceEdit(fix, opts);
      out.push(action);
    });
  });
  return out;
}

/**
 * The fix a code action's data names, among the document's current findings: the same finding
 * (place, code, start) and fix (place and title), or undefined when the document changed since.
 */
export function fixOf(findings: Finding[], data: CodeActionData): Fix | undefined {
  const same = (f: Finding | undefined) => !!f && f.code === data.code && f.range.start.line === data.line && f.range.start.character === data.character;
  const f = same(findings[data.finding]) ? findings[data.finding] : undefined;
  const fix = f?.fixes[data.fix];
  return fix && fix.title === data.title ? fix : undefined;
}
