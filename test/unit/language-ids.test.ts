// One list of language ids (core/languages.ts): the dialect registry, the client's document
// selector and package.json must all name the same dialects, or a file opens with no server.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LANGUAGE_IDS } from '../../server/src/core/languages';
import { DIALECTS } from '../../server/src/languages';

const pkg = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8'));
const sorted = (x: Iterable<string>) => [...x].sort();

test('the registry has one dialect per language id', () => {
  assert.deepEqual(sorted(DIALECTS.map((d) => d.id)), sorted(LANGUAGE_IDS));
});

test('package.json activates on every language id and contributes each (shellscript adds file names only)', () => {
  const onLanguage = (pkg.activationEvents as string[]).filter((e) => e.startsWith('onLanguage:')).map((e) => e.slice('onLanguage:'.length));
  assert.deepEqual(sorted(onLanguage), sorted(LANGUAGE_IDS));
  const contributed = (pkg.contributes.languages as { id: string }[]).map((l) => l.id);
  assert.deepEqual(sorted(contributed), sorted(LANGUAGE_IDS));
});

test('the client selects documents of exactly these languages', () => {
  const src = readFileSync(resolve(__dirname, '../../client/src/extension.ts'), 'utf8');
  assert.match(src, /documentSelector: LANGUAGES\.map/);
  assert.match(src, /export const LANGUAGES = LANGUAGE_IDS;/);
});
