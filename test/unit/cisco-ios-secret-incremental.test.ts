// The table's hits are kept per node (secrets.ts): an edited line must be read again, in the check and in secretValues().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../../server/src/service/languageService';
import { memoryFs } from '../helpers/memoryFs';
import { DEFAULT_SETTINGS } from '../../server/src/core/types';
test('IOS secrets follow incremental edits: a key line losing its address is reported, a changed key replaces the old one among the values to mask', () => {
  const s = new LanguageService({ fs: memoryFs(), settings: () => DEFAULT_SETTINGS });
  const uri = 'file:///r/router-confg';
  const text = 'hostname r\n!\ncrypto isakmp key Abcdefgh12345 address 192.0.2.1\n!\ninterface Tunnel0\n ip address 10.0.0.1 255.255.255.252\n!\nend\n';
  let doc = TextDocument.create(uri, 'cisco-ios', 1, text);
  s.workspace.openDocument(doc);
  const w1 = s.findings(uri).filter(f => f.message.includes('crypto isakmp key'));
  assert.equal(w1.length, 0);
  const col = 'crypto isakmp key Abcdefgh12345'.length;
  doc = TextDocument.update(doc, [{ range: { start: { line: 2, character: col }, end: { line: 2, character: col + ' address 192.0.2.1'.length } }, text: '' }], 2);
  s.workspace.openDocument(doc);
  const w2 = s.findings(uri).filter(f => f.message.includes('crypto isakmp key'));
  assert.equal(w2.length, 1, JSON.stringify(s.findings(uri).map(f=>f.message)));
  doc = TextDocument.update(doc, [{ range: { start: { line: 2, character: 18 }, end: { line: 2, character: col } }, text: 'Zyxwvut98765' }], 3);
  s.workspace.openDocument(doc);
  const vals = s.workspace.secretValues();
  assert.ok([...vals].some(v => v.includes('Zyxwvut98765')), JSON.stringify([...vals]));
  assert.ok(![...vals].some(v => v.includes('Abcdefgh')), JSON.stringify([...vals]));
});
