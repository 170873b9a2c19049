// NetworkManager's own expectations for svUnescape (test-ifcfg-rh.c test_svUnescape, 145 vectors):
// the "full" set is a whole value after KEY=, the "ansi" set is the inside of $'…'.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { svUnescape, svUnescapeBytes, shvarKeyLine, nmBoolean, initscriptsBoolean } from '../../server/src/languages/shared/shvar';

interface Vector { set: 'full' | 'ansi'; macro: string; input_hex: string; expected_hex: string | null }
// Read in place from the shared reference folder beside the repository, never copied into it.
const data = JSON.parse(readFileSync(resolve(__dirname, '../../../shared/reference/nm-shvar-unescape-vectors.json'), 'utf8')) as { count: number; vectors: Vector[] };

test('the reference file holds 145 vectors', () => {
  assert.equal(data.vectors.length, 145);
  assert.equal(data.count, 145);
});

data.vectors.forEach((v, i) => {
  test(`shvar vector ${i} (${v.set} ${v.macro}) ${JSON.stringify(Buffer.from(v.input_hex, 'hex').toString('latin1'))}`, () => {
    let input = Buffer.from(v.input_hex, 'hex');
    if (v.set === 'ansi') input = Buffer.concat([Buffer.from("$'"), input, Buffer.from("'")]);
    // NM's test calls svUnescape_full(value, check_utf8 = FALSE): some vectors expect invalid UTF-8
    const r = svUnescapeBytes(input, false);
    assert.equal(r.bytes ? Buffer.from(r.bytes).toString('hex') : null, v.expected_hex);
    if (v.expected_hex === null) assert.ok(r.error, 'a rejected value carries a reason');
  });
});

test('the UTF-8 check rejects what NM rejects when reading a file', () => {
  assert.equal(svUnescape("$'\\Uabcde0'").value, null);
  assert.match(svUnescape("$'\\Uabcde0'").error!, /UTF-8/);
  assert.equal(svUnescape('"2001:db8::1"').value, '2001:db8::1');
});

test('key lines follow line_new_parse', () => {
  assert.deepEqual(shvarKeyLine('  FOO=bar'), { key: 'FOO', keyStart: 2, valueStart: 6 });
  assert.equal(shvarKeyLine('export FOO=bar'), undefined);
  assert.equal(shvarKeyLine('FOO =bar'), undefined);
  assert.equal(shvarKeyLine('FOO+=bar'), undefined);
  assert.equal(shvarKeyLine('1FOO=bar'), undefined);
});

test('booleans: NM has no on/off, initscripts does', () => {
  assert.equal(nmBoolean('on'), undefined);
  assert.equal(initscriptsBoolean('on'), true);
  assert.equal(nmBoolean('YES'), true);
  assert.equal(initscriptsBoolean('Off'), false);
});
