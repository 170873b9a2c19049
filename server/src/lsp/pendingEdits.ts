// Edits as they arrive, applied when the text is next needed. Applying each incremental change to
// a 4 MB document costs a copy of the whole text (and of its line offsets): 1,000 keystrokes then
// cost seconds before the first of them is analysed. Queued, a burst is applied in one pass over
// an array of lines, where a change inside a line costs that line only.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';

interface Pending {
  doc: TextDocument;
  changes: TextDocumentContentChangeEvent[];
  version: number;
}

/** Applies content changes in order to a text, through its lines; equal to TextDocument.update. */
export function applyChanges(text: string, changes: readonly TextDocumentContentChangeEvent[]): string {
  let lines = text.split('\n');
  for (const c of changes) {
    if (!('range' in c) || !c.range) {
      lines = c.text.split('\n');
      continue;
    }
    // Positions are clamped as TextDocument does: past the end of a line or of the text means its end.
    const clampLine = (l: number) => Math.max(0, Math.min(l, lines.length - 1));
    let { start, end } = c.range;
    if (end.line < start.line || (end.line === start.line && end.character < start.character)) [start, end] = [end, start];
    const sl = start.line >= lines.length ? lines.length - 1 : clampLine(start.line);
    const el = end.line >= lines.length ? lines.length - 1 : clampLine(end.line);
    const sc = start.line >= lines.length ? lines[sl].length : Math.max(0, Math.min(start.character, lines[sl].length));
    const ec = end.line >= lines.length ? lines[el].length : Math.max(0, Math.min(end.character, lines[el].length));
    const merged = lines[sl].slice(0, sc) + c.text + lines[el].slice(ec);
    if (sl === el && !c.text.includes('\n')) lines[sl] = merged;
    else lines.splice(sl, el - sl + 1, ...merged.split('\n'));
  }
  return lines.join('\n');
}

export class PendingEdits {
  private readonly pending = new Map<string, Pending>();

  add(doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): void {
    const p = this.pending.get(doc.uri);
    if (p) {
      p.changes.push(...changes);
      p.version = version;
    } else this.pending.set(doc.uri, { doc, changes: [...changes], version });
  }

  has(uri: string): boolean {
    return this.pending.has(uri);
  }

  drop(uri: string): void {
    this.pending.delete(uri);
  }

  /** The documents with their edits applied (new document objects), clearing the queue. */
  flush(): TextDocument[] {
    const out: TextDocument[] = [];
    for (const p of this.pending.values()) {
      // A single edit is applied the library's way (cheap for one), its positions clamped first (the
      // library corrupts its line offsets on a position past the end); a burst through the lines.
      if (p.changes.length === 1) {
        const doc = TextDocument.create(p.doc.uri, p.doc.languageId, p.doc.version, p.doc.getText());
        const c = p.changes[0];
        const clamp = (pos: { line: number; character: number }) => doc.positionAt(doc.offsetAt(pos));
        out.push(TextDocument.update(doc, ['range' in c && c.range ? { range: { start: clamp(c.range.start), end: clamp(c.range.end) }, text: c.text } : c], p.version));
      }
      else out.push(TextDocument.create(p.doc.uri, p.doc.languageId, p.version, applyChanges(p.doc.getText(), p.changes)));
    }
    this.pending.clear();
    return out;
  }
}
