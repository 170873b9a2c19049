import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mark } from '../helpers/markers';

test('markers give positions and ranges and vanish from the text', () => {
  const m = mark('conn a\n\t<|type|>=tr<|>ansport\n');
  assert.equal(m.text, 'conn a\n\ttype=transport\n');
  assert.deepEqual(m.ranges, [{ start: { line: 1, character: 1 }, end: { line: 1, character: 5 } }]);
  assert.deepEqual(m.positions, [{ line: 1, character: 8 }]);
});
