// Every quick fix, applied, removes its finding and leaves the files valid — over every fixture
// folder (each a self-contained deployment): the samples, the per-code peer pairs, and the per-file
// fix fixtures.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyseFiles, applyFix, readFolder } from '../helpers/memoryWorkspace';
import type { Finding } from '../../server/src/core/types';

const REPO = resolve(__dirname, '../..');
const VALIDITY_CODES = new Set(['syntax-error', 'unknown-keyword', 'invalid-value', 'duplicate-key', 'undefined-reference', 'version-incompatible', 'config-ignored']);

/** Folders holding a tunnel-lens.json (one deployment each), below the given roots. */
function deployments(...roots: string[]): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (existsSync(join(d, 'tunnel-lens.json'))) out.push(d);
    for (const n of readdirSync(d)) if (statSync(join(d, n)).isDirectory()) walk(join(d, n));
  };
  for (const r of roots) if (existsSync(r)) walk(r);
  return out.sort();
}

const key = (f: Finding) => `${f.code}|${f.uri}|${f.range.start.line}`;
const validityErrors = (fs: Finding[], uris: Set<string>) =>
  fs.filter((f) => f.severity === 'error' && VALIDITY_CODES.has(f.code) && uris.has(f.uri)).map((f) => `${f.code}: ${f.message}`);

const folders = deployments(join(REPO, 'samples'), join(REPO, 'test/fixtures/fixes'));

test('there are fixture folders with fixes to apply', () => {
  assert.ok(folders.length >= 6, `found ${folders.length}`);
});

let applied = 0;
for (const folder of folders) {
  test(`every fix in ${folder.slice(REPO.length + 1)} removes its finding and leaves the files valid`, () => {
    const files = readFolder(folder);
    const { findings } = analyseFiles(files);
    for (const f of findings) {
      for (const fix of f.fixes) {
        const after = applyFix(files, fix);
        const touched = new Set([...fix.edits.map((e) => e.uri), ...(fix.createFiles ?? [])]);
        const { findings: again } = analyseFiles(after);
        assert.ok(!again.some((g) => key(g) === key(f)), `"${fix.title}" did not remove ${key(f)}: ${f.message}`);
        const before = new Set(validityErrors(findings, touched));
        const introduced = validityErrors(again, touched).filter((m) => !before.has(m));
        assert.deepEqual(introduced, [], `"${fix.title}" left invalid files`);
        applied++;
      }
    }
  });
}

test('fixes were applied (the loop above is not vacuous)', () => {
  assert.ok(applied >= 10, `applied ${applied} fixes`);
  console.log(`# fixes applied and verified: ${applied} over ${folders.length} folders`);
});
