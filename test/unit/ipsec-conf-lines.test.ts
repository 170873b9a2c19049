// The line ledger of ipsec.conf (core/lines.ts): each line is read into the model, outside it by a
// named rule, trivia, or reported by a finding; and the checks, each with its declared codes,
// report from the tree while parse() reports only what the reader could not read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Code, type FindingCode } from '../../server/src/core/codes';
import { LineUse } from '../../server/src/core/lines';
import { DEFAULT_SETTINGS } from '../../server/src/core/types';
import { dialect } from '../../server/src/languages/ipsec-conf';
import { ledgerOf } from '../helpers/ledger';
import { EMPTY_FS } from '../helpers/memoryFs';
import { conf, only } from './ipsec-conf-helpers';

const { unread, trivia, model, outside, continued } = LineUse;

test('Libreswan: headers, known keys, include and version are read; x- keys are outside; unknown keys and bad lines are reported', () => {
  const c = conf(
    [
      '# tunnel-lens: libreswan 4.10', // 0
      'version 2.0', // 1
      'config setup', // 2
      '\tlogfile=/tmp/pluto.log', // 3
      '', // 4
      'conn a', // 5
      '\tleft=192.0.2.1', // 6
      '\tfrobnicate=yes', // 7: unknown keyword
      '\tright=192.0.2.2', // 8: read although a line above was not
      '# column-0 comment inside the conn', // 9
      '\tx-note=anything = goes', // 10
      'left=192.0.2.9', // 11: syntax error (not indented)
      '\tlogfile=/tmp/x', // 12: a setup key in a conn
      '\ttype=transport # trailing', // 13
      'include /etc/ipsec.d/*.conf', // 14
      '',
    ].join('\n'),
  );
  assert.deepEqual([...dialect.lineUse(c.file)], [trivia, model, model, model, trivia, model, model, unread, model, trivia, outside, unread, unread, model, model, trivia]);
  const reported = new Set(c.findings.map((f) => f.range.start.line));
  assert.ok([7, 11, 12].every((l) => reported.has(l)), 'every unread line has a finding');
  assert.equal(ledgerOf(c.r.service, c.uri)?.dropped, 0);
});

test('strongSwan: the later lines of a quoted value continued with `\\` are continued lines; an indented include is read', () => {
  const c = conf('# tunnel-lens: strongswan 5.9\nconn a\n\tleftid="first \\\nsecond \\\nthird"\n\tinclude /etc/ipsec.d/a.conf\n\tright=192.0.2.2\n');
  assert.deepEqual([...dialect.lineUse(c.file)], [trivia, model, model, continued, continued, model, model, trivia]);
  assert.equal(c.file.symbols[0].children?.[0].detail, 'first second third');
});

test('a continued value whose key is unknown: its first line is reported, the rest continued, none dropped', () => {
  const c = conf('# tunnel-lens: strongswan 5.9\nconn a\n\tleftidd="one \\\ntwo"\n\tright=192.0.2.2\n');
  assert.deepEqual([...dialect.lineUse(c.file)].slice(0, 5), [trivia, model, unread, continued, model]);
  assert.equal(only(c.findings, 'unknown-keyword')[0]?.range.start.line, 2);
  assert.equal(ledgerOf(c.r.service, c.uri)?.dropped, 0);
});

test('parse() reports only syntax errors; each other code comes from the check that declares it', () => {
  const text = 'conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tfrobnicate=1\n\ttype=tunel\n\ttype=transport\n\talso=nowhere\n\tike=3des-md5;modp1536\n\tleftprotoport=47\n\tkeyexchange=ikev2\n\tleft-subnet=10.0.0.0/8\n  bad line\nconn %default\n\talso=a\n';
  const parsed = dialect.parse(TextDocument.create('file:///etc/ipsec.conf', 'ipsec-conf', 1, text), { settings: { ...DEFAULT_SETTINGS, versions: { libreswan: '4.10' } }, fs: EMPTY_FS });
  assert.deepEqual([...new Set(parsed.findings.map((f) => f.code))], [Code.syntaxError]);
  const c = conf(text, { libreswan: '4.10' });
  assert.deepEqual(only(c.findings, Code.internalError), [], 'no check reported a code it did not declare');
  const byCode = (code: FindingCode) => c.r.service.registry.emittersOf(code).map((e) => e.id);
  const expected: [FindingCode, string][] = [
    [Code.unknownKeyword, 'ipsec-conf/keywords'],
    [Code.invalidValue, 'ipsec-conf/values'],
    [Code.duplicateKey, 'ipsec-conf/duplicates'],
    [Code.undefinedReference, 'ipsec-conf/references'],
    [Code.weakAlgorithm, 'ipsec-conf/proposals'],
    [Code.configIgnored, 'ipsec-conf/default-section'],
    [Code.versionIncompatible, 'ipsec-conf/keywords'],
  ];
  for (const [code, check] of expected) {
    assert.ok(only(c.findings, code).length > 0, `a ${code} finding`);
    assert.ok(byCode(code).includes(check), `${check} declares ${code}`);
  }
});
