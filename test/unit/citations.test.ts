// The code cites only notes that are in the repository: every `something.md` a source comment
// names resolves to a file of docs/ (or the README), no comment points outside the repository
// (an absolute path, ../shared), and none leans on the design document, which is not shipped.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

function sources(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (/\.(ts|mjs)$/.test(n)) out.push(p);
  }
  return out;
}

const FILES = ['server/src', 'client', 'codec', 'scripts', 'bench'].flatMap((d) => sources(join(ROOT, d)));

/** The comment text of a source file (line and block comments), with line numbers. */
function comments(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  text.split('\n').forEach((l, i) => {
    const m = /(?:^|\s)(\/\/.*|\/\*.*|\*.*)$/.exec(l);
    if (m) out.push({ line: i + 1, text: m[1] });
  });
  return out;
}

function resolves(note: string): boolean {
  const bare = note.replace(/^\.?\/?/, '');
  return [bare, join('docs', bare), join('docs/reference', bare.replace(/^(docs\/)?reference\//, ''))].some((p) => existsSync(join(ROOT, p)));
}

test('every note a source comment cites is in the repository', () => {
  const bad: string[] = [];
  for (const f of FILES) {
    for (const c of comments(readFileSync(f, 'utf8'))) {
      for (const m of c.text.matchAll(/([\w./-]+\.md)\b/g)) {
        if (!resolves(m[1])) bad.push(`${relative(ROOT, f)}:${c.line}: cites ${m[1]}, which is not in docs/`);
      }
      if (/\/work\/|\/home\/|\.\.\/shared\/reference/.test(c.text)) bad.push(`${relative(ROOT, f)}:${c.line}: points outside the repository: ${c.text.trim().slice(0, 80)}`);
      if (/\bDESIGN\b/.test(c.text)) bad.push(`${relative(ROOT, f)}:${c.line}: cites DESIGN, which is not in the repository`);
    }
  }
  assert.deepEqual(bad, []);
});

test('the citation rule catches what it is meant to', () => {
  const found = (src: string) => comments(src).flatMap((c) => [...c.text.matchAll(/([\w./-]+\.md)\b/g)].map((m) => m[1])).filter((n) => !resolves(n));
  assert.deepEqual(found('// see ios-grammar-missing.md §2\nconst x = 1;'), ['ios-grammar-missing.md']);
  assert.deepEqual(found('// see docs/checks.md#syntax-error'), []);
});
