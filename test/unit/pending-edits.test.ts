// Queued edits applied in one pass give exactly the text TextDocument.update gives, edit by edit.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyChanges } from '../../server/src/lsp/pendingEdits';
import { prng } from '../helpers/prng';

test('random edits (inside lines, across lines, new lines, whole-text replacements, positions past the end) agree with TextDocument.update', () => {
  const rnd = prng(42);
  const int = (n: number) => Math.floor(rnd() * n);
  for (let round = 0; round < 300; round++) {
    let text = Array.from({ length: 1 + int(12) }, () => 'ab cd ef gh'.slice(0, int(11))).join('\n');
    const doc = TextDocument.create('file:///x', 'x', 1, text);
    const changes = [];
    for (let i = 0; i < 1 + int(20); i++) {
      const lines = doc.getText().split('\n');
      if (rnd() < 0.05) changes.push({ text: 'whole\nnew' });
      else {
        const pos = () => ({ line: int(lines.length + 2), character: int(14) });
        const a = pos();
        const b = rnd() < 0.5 ? a : pos();
        const ordered = a.line < b.line || (a.line === b.line && a.character <= b.character) ? { start: a, end: b } : { start: b, end: a };
        changes.push({ range: ordered, text: ['', 'x', '\n', 'y\nz', 'long text'][int(5)] });
      }
      // The library corrupts its line offsets on a position past the end (no editor sends one):
      // it gets the positions clamped as its own offsetAt reads them; applyChanges gets them raw.
      const c = changes[changes.length - 1];
      const clamp = (p: { line: number; character: number }) => doc.positionAt(doc.offsetAt(p));
      TextDocument.update(doc, ['range' in c && c.range ? { range: { start: clamp(c.range.start), end: clamp(c.range.end) }, text: c.text } : c], i + 2);
    }
    text = applyChanges(text, changes);
    assert.equal(text, doc.getText(), `round ${round}: ${JSON.stringify(changes)}`);
  }
});
