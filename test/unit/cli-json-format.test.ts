// docs/cli.md, the JSON output of `check --format json`, held to the real output: the field lists of
// a finding, a related place, a fix and an edit; 0-based positions (the text format's are 1-based);
// the example's positions; the exit status and an empty stdout on an I/O error.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, runCli } from '../helpers/cli';

const DOC = readFileSync(join(REPO, 'docs/cli.md'), 'utf8');

interface Pos {
  line: number;
  character: number;
}
interface Range {
  start: Pos;
  end: Pos;
}
interface JsonFinding {
  code: string;
  severity: string;
  message: string;
  detail?: string;
  file: string;
  range: Range;
  related: { file: string; range: Range; message: string }[];
  fixes: { title: string; edits: { file: string; range: Range; newText: string }[] }[];
}

function check(path: string): JsonFinding[] {
  const r = runCli(['check', '--format', 'json', path]);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
}

/** The rows of the "A finding" table: field name, and whether the doc calls it optional. */
function findingRows(): { field: string; optional: boolean; what: string }[] {
  const section = DOC.slice(DOC.indexOf('## A finding'), DOC.indexOf('## Positions'));
  return [...section.matchAll(/^\| `(\w+)` \| ([^|]+) \| (.+) \|$/gm)].map((m) => ({ field: m[1], optional: /optional/.test(m[2]), what: m[3] }));
}

/** `{ "a", "b" }` in a text: the keys it lists. */
const keysIn = (text: string) => {
  const m = /\{ ((?:"\w+"(?:, )?)+) \}/.exec(text);
  assert.ok(m, `no key list in: ${text}`);
  return [...m[1].matchAll(/"(\w+)"/g)].map((k) => k[1]).sort();
};

const all = check('samples');

test('docs/cli.md lists exactly the fields of a finding, and which one is optional', () => {
  const rows = findingRows();
  assert.ok(rows.length >= 8, JSON.stringify(rows));
  assert.ok(all.length > 50);
  const required = rows.filter((r) => !r.optional).map((r) => r.field).sort();
  const optional = rows.filter((r) => r.optional).map((r) => r.field);
  assert.deepEqual(optional, ['detail']);
  for (const f of all) {
    const keys = Object.keys(f).filter((k) => !optional.includes(k)).sort();
    assert.deepEqual(keys, required, `${f.code} in ${f.file}`);
  }
  assert.ok(all.some((f) => f.detail) && all.every((f) => f.detail === undefined || (typeof f.detail === 'string' && f.detail.length > 0)));
  assert.ok(all.some((f) => f.related.length > 0) && all.some((f) => f.fixes.length > 0));
});

test('docs/cli.md: the keys of a related place, a fix and an edit, and the severities, are the real ones', () => {
  const rows = findingRows();
  const related = keysIn(rows.find((r) => r.field === 'related')!.what);
  const fix = keysIn(rows.find((r) => r.field === 'fixes')!.what);
  const range = keysIn(rows.find((r) => r.field === 'range')!.what);
  const fixes = DOC.slice(DOC.indexOf('## Fixes'));
  const edit = keysIn(fixes.slice(fixes.indexOf('An edit')));
  for (const f of all) {
    assert.deepEqual(Object.keys(f.range.start).sort(), range);
    for (const r of f.related) assert.deepEqual(Object.keys(r).sort(), related);
    for (const x of f.fixes) {
      assert.deepEqual(Object.keys(x).sort(), fix);
      assert.ok(x.edits.length > 0);
      for (const e of x.edits) assert.deepEqual(Object.keys(e).sort(), edit);
    }
  }
  const severities = [...rows.find((r) => r.field === 'severity')!.what.matchAll(/`(\w+)`/g)].map((m) => m[1]).filter((s) => s !== 'tunnelLens');
  assert.deepEqual(severities.sort(), ['error', 'hint', 'info', 'warning']);
  for (const f of all) assert.ok(severities.includes(f.severity), f.severity);
});

test('positions are 0-based: each JSON finding is the text format\'s line and column less one, in the same order', () => {
  const json = check('samples/founding-case');
  const text = runCli(['check', 'samples/founding-case']).stdout.split('\n').filter((l) => /^\S.*:\d+:\d+: \w+ \[/.test(l));
  assert.equal(text.length, json.length);
  json.forEach((f, i) => {
    assert.equal(text[i].slice(0, text[i].indexOf(' [')), `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity}`);
  });
  assert.match(DOC, /`ifcfg-tun10:8:6` is `\{ "line": 7, "character": 5 \}` in JSON/);
  assert.ok(json.some((f) => f.file.endsWith('ifcfg-tun10') && f.range.start.line === 7 && f.range.start.character === 5));
});

test('the example of docs/cli.md is real output: its file, code, range, related place and created file', () => {
  const block = /```json\n([\s\S]*?)```/.exec(DOC)![1];
  const ex = (JSON.parse(block) as { findings: JsonFinding[] }).findings[0];
  const real = check('samples/founding-case').find((f) => f.file === ex.file && f.code === ex.code)!;
  assert.ok(real, `${ex.code} in ${ex.file}`);
  assert.equal(real.severity, ex.severity);
  assert.deepEqual(real.range, ex.range);
  assert.deepEqual({ ...real.related[0], message: undefined }, { ...ex.related[0], message: undefined });
  assert.equal(real.related[0].message, ex.related[0].message);
  const created = real.fixes[0].edits[0];
  assert.equal(created.file, ex.fixes[0].edits[0].file);
  assert.deepEqual(created.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  assert.match(created.newText, /^#!\/bin\/bash\n/);
});

test('an I/O error: exit 2, one line on stderr, nothing on stdout', () => {
  const r = runCli(['check', '--format', 'json', 'samples/no-such-folder']);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr.trim().split('\n').length, 1);
});
