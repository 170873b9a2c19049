// The second wall: known secret values are masked in whatever leaves the process, whole or cut short.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { forTerminal, markdownCode, markdownText, MASK, quoteValue, Redactor } from '../../server/src/core/redact';

test('a secret is masked whole, and so is its beginning cut short; other text stays', () => {
  const r = new Redactor();
  r.setSecrets(['S3cretPassphrase99', 'k3y!']);
  assert.equal(r.mask('psk S3cretPassphrase99 here'), `psk ${MASK} here`);
  assert.equal(r.mask('unknown secret type "S3cretPassp…"'), `unknown secret type "${MASK}…"`);
  assert.equal(r.mask('value S3cret'), 'value S3cret', 'fewer than 8 characters of a long secret are not a leak worth garbling text for');
  assert.equal(r.mask('key k3y! and monk3y!s'), `key ${MASK} and monk3y!s`, 'a short secret only as a whole word');
  assert.equal(r.mask('nothing secret'), 'nothing secret');
});

test('maskDeep masks every string of a JSON-like value, keys included, and keeps the shape', () => {
  const r = new Redactor();
  r.setSecrets(['hunter2hunter2']);
  const v = { a: ['x hunter2hunter2 y', 3, null, { 'hunter2hunter2': true }], b: false };
  assert.deepEqual(r.maskDeep(v), { a: [`x ${MASK} y`, 3, null, { [MASK]: true }], b: false });
  assert.equal(new Redactor().maskDeep(v), v, 'no secrets: the same object');
});

test('secrets with regular-expression characters are masked literally', () => {
  const r = new Redactor();
  r.setSecrets(['a.b*c(d)[e]{f}+g?h|i\\j$']);
  assert.equal(r.mask('x a.b*c(d)[e]{f}+g?h|i\\j$ y'), `x ${MASK} y`);
  assert.equal(r.mask('x aXb*c(d)[e] y'), 'x aXb*c(d)[e] y');
});

test('terminal text: ANSI escapes and control characters are shown, never interpreted; values are cut short', () => {
  assert.equal(forTerminal('a\u001b[31mred\u001b[0m\u0000b\tc\n\u009b2J'), 'a\\u001b[31mred\\u001b[0m\\u0000b\tc\n\\u009b2J');
  // The escaped form is valid JSON: a JSON document stays one.
  assert.deepEqual(JSON.parse(forTerminal(JSON.stringify({ m: 'x\u009b\u007fy' }))), { m: 'x\u009b\u007fy' });
  assert.equal(quoteValue('x'.repeat(10_000_000)).length, 61);
});

test('hover markdown: config text cannot become a link, an image or HTML', () => {
  const evil = '[run](command:workbench.action.terminal.new) ![x](https://evil/x.png) <img src=x>';
  const md = markdownText(evil);
  assert.doesNotMatch(md, /(?<!\\)\[|(?<!\\)\]\(|(?<!\\)</);
  assert.equal(markdownCode('a`b'), '`` a`b ``');
  assert.equal(markdownCode('plain'), '`plain`');
});

test('a common short secret does not eat a uri or a word that contains it', () => {
  const r = new Redactor();
  r.setSecrets(['secret', 'ipsec-longer-secret-value']);
  assert.equal(r.mask('file:///etc/ipsec.secrets'), 'file:///etc/ipsec.secrets');
  assert.equal(r.mask('see ipsec.secrets line 3'), 'see ipsec.secrets line 3');
  assert.equal(r.mask('psk "secret" here'), `psk "${MASK}" here`);
  assert.equal(r.mask('cut: ipsec-longer-sec…'), `cut: ${MASK}…`);
});
