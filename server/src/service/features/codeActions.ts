// Code actions are the fixes attached to findings, as workspace edits that may span both peers'
// files (and create a companion script).
import { CodeActionKind, type CodeAction, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import { toDiagnostic } from '../findings';
import type { Finding, Fix } from '../../core/types';

function overlaps(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export function fixToWorkspaceEdit(fix: Fix): WorkspaceEdit {
  const byUri = new Map<string, TextEdit[]>();
  for (const e of fix.edits) byUri.set(e.uri, [...(byUri.get(e.uri) ?? []), { range: e.range, newText: e.newText }]);
  if (!fix.createFiles?.length) return { changes: Object.fromEntries(byUri) };
  return {
    documentChanges: [
      ...fix.createFiles.map((uri) => ({ kind: 'create' as const, uri, options: { ignoreIfExists: true } })),
      ...[...byUri].map(([uri, edits]) => ({ textDocument: { uri, version: null }, edits })),
    ],
  };
}

export function codeActions(findings: Finding[], range: Range): CodeAction[] {
  const out: CodeAction[] = [];
  for (const f of findings) {
    if (!overlaps(f.range, range)) continue;
    for (const fix of f.fixes) {
      out.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toDiagnostic(f)],
        isPreferred: fix.isPreferred,
        edit: fixToWorkspaceEdit(fix),
      });
    }
  }
  return out;
}
