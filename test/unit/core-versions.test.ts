// One version compare and one directive reader for every dialect.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { atLeast, compareVersions, directiveFor, directiveIn, readDirectives } from '../../server/src/core/versions';
import { didYouMean } from '../../server/src/core/didYouMean';

test('versions compare by their numbers, IOS trains included', () => {
  assert.equal(compareVersions('15.7(3)M6', '15.7'), 1);
  assert.equal(compareVersions('4.10', '4.9'), 1);
  assert.equal(compareVersions('v5.0', '5'), 0);
  assert.ok(atLeast('1.42.6', '1.42.6') && !atLeast('1.42.5', '1.42.6'));
});

test('directives: any comment character, any case, with or without a version; a dialect can narrow the comment characters', () => {
  const text = 'conn x\n# tunnel-lens: libreswan 3.25\n! TUNNEL-LENS: IOS 15.7\n; tunnel-lens: networkmanager 1.44.2\n  # tunnel-lens: strongswan\n';
  assert.deepEqual(readDirectives(text).map((d) => [d.product, d.version, d.line]), [['libreswan', '3.25', 1], ['ios', '15.7', 2], ['networkmanager', '1.44.2', 3], ['strongswan', undefined, 4]]);
  assert.equal(directiveFor(text, 'ios')?.version, '15.7');
  assert.equal(directiveIn(text, '#', 'ios'), undefined, 'ipsec.conf reads only # comments');
  assert.equal(directiveIn(text, '#', 'strongswan')?.start, 2);
});

test('did-you-mean: near misses; a case-only difference only when asked', () => {
  assert.equal(didYouMean('ikelifetme', ['ikelifetime', 'keylife']), 'ikelifetime');
  assert.equal(didYouMean('Type', ['type', 'mode']), undefined);
  assert.equal(didYouMean('Type', ['type', 'mode'], undefined, true), 'type');
});
