// Lexing and structure: indentation, comments, quoting, every error reported with its range.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ledgerOf } from '../helpers/ledger';
import { conf, only } from './ipsec-conf-helpers';

test('headers, indented bodies, comments anywhere, blank lines', () => {
  const { file, findings } = conf('# c\nversion 2\nconfig setup\n\tlogfile=/tmp/x\n# col-0 comment inside\n   \n\n conn-ish=1 # trailing\nconn a\n\tleft=192.0.2.1 # c\n\tright=192.0.2.2\n');
  assert.deepEqual(findings.filter((f) => f.code === 'syntax-error'), []);
  assert.deepEqual(file.symbols.map((s) => s.name), ['config setup', 'a']);
  assert.deepEqual(file.folding.map((f) => [f.startLine, f.endLine]), [[2, 7], [8, 10]]);
});

test('every syntax error in a file is reported, each at its own range', () => {
  const { m, findings } = conf('conn a\n<|left|>=192.0.2.1\n\tright=192.0.2.2\n  <|conn|> b\n\tike=aes128 <|,aes256|>\n\t<|esp|> aes\n');
  const got = findings.filter((f) => f.code === 'syntax-error').map((f) => f.range);
  assert.deepEqual(got, m.ranges);
});

test('Libreswan: # inside an unquoted value is a character; quoted values keep blanks; braces strip', () => {
  const { file } = conf('conn a\n\tleftid=@foo#bar\n\trightid="@x y"\n\tleftsubnets={10.0.1.0/24 10.0.2.0/24}\n');
  const conn = file.symbols[0];
  assert.deepEqual(conn.children!.map((c) => c.detail), ['@foo#bar', '@x y', '10.0.1.0/24 10.0.2.0/24']);
});

test('strongSwan: # starts a comment, = in a value is a syntax error, words join with a space, escapes', () => {
  const { m, findings, file } = conf('# tunnel-lens: strongswan 5.9\nconn a\n\tleftid=@foo#bar\n\tike=aes256 sha384\n\tesp=<|aes128;addke1=modp8192|>\n\trightid="a\\"b"\n');
  assert.deepEqual(findings.filter((f) => f.code === 'syntax-error').map((f) => f.range), m.ranges);
  assert.deepEqual(file.symbols[0].children!.map((c) => c.detail), ['@foo', 'aes256 sha384', 'a"b']);
});

test('strongSwan ca sections and indented include; Libreswan rejects ca', () => {
  const ss = conf('# tunnel-lens: strongswan\nca root\n\tcacert=root.pem\n\tauto=add\n');
  assert.deepEqual(ss.findings, []);
  assert.equal(ss.file.symbols[0].kind, 'ca');
  const { m, findings } = conf('<|ca|> root\n\tcacert=x\n', { libreswan: '4.10' });
  assert.equal(findings[0].code, 'syntax-error');
  assert.deepEqual(findings[0].range, m.ranges[0]);
});

test('conn names are values: `conn pfs=no` is one name', () => {
  const f = conf('conn pfs=no\n\tleft=192.0.2.1\n');
  assert.deepEqual(f.findings, []);
  assert.equal(f.file.symbols[0].name, 'pfs=no');
});

test('odd input: no internal error, and every line is read, trivia or reported', () => {
  const inputs = ['', '\n\n', '=', '"', '{', 'conn', 'conn \n\t=\n', '\t\t\tx', 'config\n', 'include', '\u0000\u0001ÿ', 'conn a\n\tx-\n', 'conn "a\n'];
  let seed = 7;
  for (let i = 0; i < 200; i++) {
    let s = '';
    const alphabet = 'conn config setup include = " { } # \t\n left right ike esp %default also aes-sha1;';
    for (let j = 0; j < 60; j++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      s += alphabet[seed % alphabet.length];
    }
    inputs.push(s);
  }
  for (const s of inputs) {
    const c = conf(s);
    assert.deepEqual(only(c.findings, 'internal-error'), [], JSON.stringify(s));
    assert.equal(ledgerOf(c.r.service, c.uri)?.dropped, 0, JSON.stringify(s));
  }
});
