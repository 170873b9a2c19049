// A fix that creates a file, as a workspace edit for what the client announces: a CreateFile then
// the text for a client whose workspaceEdit.resourceOperations holds 'create' (VS Code, Neovim);
// plain `changes` with the new file's text for one that announces no resource operations (eglot
// 1.9, which fails on a CreateFile; it opens a new buffer for the uri and inserts the text).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixToWorkspaceEdit, codeActions } from '../../server/src/service/features/codeActions';
import type { Finding, Fix } from '../../server/src/core/types';

const IFCFG = 'file:///ws/linux/ifcfg-tun10';
const SCRIPT = 'file:///ws/linux/ifup-local';
const at = (line: number, character: number) => ({ line, character });
const fix: Fix = {
  title: 'Run `ip link set dev tun10 type ip6gre encaplimit none` from a new ifup-local script',
  createFiles: [SCRIPT],
  edits: [{ uri: SCRIPT, range: { start: at(0, 0), end: at(0, 0) }, newText: '#!/bin/bash\nip link set dev tun10 type ip6gre encaplimit none\n' }],
};

test('a client that creates files gets a CreateFile (ignoreIfExists) before the text', () => {
  for (const edit of [fixToWorkspaceEdit(fix), fixToWorkspaceEdit(fix, { createFiles: true })]) {
    assert.equal(edit.changes, undefined);
    assert.deepEqual(edit.documentChanges, [
      { kind: 'create', uri: SCRIPT, options: { ignoreIfExists: true } },
      { textDocument: { uri: SCRIPT, version: null }, edits: [{ range: fix.edits[0].range, newText: fix.edits[0].newText }] },
    ]);
  }
});

test('a client that creates no files gets the new file as plain changes on its uri', () => {
  const edit = fixToWorkspaceEdit(fix, { createFiles: false });
  assert.equal(edit.documentChanges, undefined);
  assert.deepEqual(edit.changes, { [SCRIPT]: [{ range: fix.edits[0].range, newText: fix.edits[0].newText }] });
});

test('code actions carry the edit made for the client', () => {
  const finding: Finding = {
    code: 'encaplimit-transport-interop',
    severity: 'error',
    message: 'm',
    uri: IFCFG,
    range: { start: at(7, 5), end: at(7, 9) },
    related: [],
    fixes: [fix],
  };
  const [withCreate] = codeActions([finding], finding.range, { createFiles: true });
  const [without] = codeActions([finding], finding.range, { createFiles: false });
  assert.ok(withCreate.edit?.documentChanges);
  assert.deepEqual(Object.keys(without.edit?.changes ?? {}), [SCRIPT]);
});
