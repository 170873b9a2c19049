// codeAction/resolve over stdio: a client that announces resolveSupport for `edit` is sent its
// code actions without their edits (the server builds an edit only when the client asks for it),
// and resolving one gives the very edit a client without that support is sent inline; a resolve for
// a version of the document that is gone gives the action back without an edit.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ClientCapabilities, CodeAction, Command } from 'vscode-languageserver-protocol/node';
import { startServer } from '../helpers/lspClient';

const SAMPLE = resolve(__dirname, '../../samples/founding-case');

const RESOLVING: ClientCapabilities = {
  textDocument: {
    publishDiagnostics: { relatedInformation: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, resolveSupport: { properties: ['edit'] }, dataSupport: true },
  },
  workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
};
// The same client, without resolve support.
const INLINE: ClientCapabilities = {
  textDocument: { publishDiagnostics: { relatedInformation: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } },
  workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
};

const actionsOnly = (xs: (CodeAction | Command)[] | null): CodeAction[] => (xs ?? []).filter((a): a is CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));

async function actionsOf(capabilities: ClientCapabilities) {
  const dir = mkdtempSync(join(tmpdir(), 'tl-resolve-'));
  cpSync(SAMPLE, dir, { recursive: true });
  const uri = `file://${dir}/linux/ifcfg-tun10`;
  const text = readFileSync(new URL(uri), 'utf8');
  const s = await startServer({ workspaceFolder: dir, capabilities });
  const diags = await s.open(uri, text, 'ifcfg');
  const founding = diags.find((d) => d.code === 'encaplimit-transport-interop');
  assert.ok(founding, JSON.stringify(diags.map((d) => d.code)));
  const actions = actionsOnly(await s.codeActions(uri, founding.range, [founding]));
  assert.ok(actions.length >= 2, `actions: ${actions.map((a) => a.title).join(' | ')}`);
  return { s, uri, text, dir, actions };
}

test('the server announces codeAction/resolve', async () => {
  const { s, dir } = await actionsOf(RESOLVING);
  try {
    const provider = s.init.capabilities.codeActionProvider;
    assert.ok(provider && typeof provider === 'object' && provider.resolveProvider === true, JSON.stringify(provider));
  } finally {
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('with resolve support, actions come without edits and resolve gives the edit sent inline to a client without it', async () => {
  const inline = await actionsOf(INLINE);
  let inlineActions: CodeAction[];
  try {
    inlineActions = inline.actions;
    for (const a of inlineActions) {
      assert.ok(a.edit, `inline edit for ${a.title}`);
      assert.equal(a.data, undefined, 'no resolve data for a client that cannot resolve');
    }
  } finally {
    await inline.s.stop();
    rmSync(inline.dir, { recursive: true, force: true });
  }

  const lazy = await actionsOf(RESOLVING);
  try {
    assert.deepEqual(
      lazy.actions.map((a) => a.title),
      inlineActions.map((a) => a.title),
      'the same actions, in the same order',
    );
    for (const a of lazy.actions) {
      assert.equal(a.edit, undefined, `no edit listed for ${a.title}`);
      assert.ok(a.data, `resolve data for ${a.title}`);
    }
    for (const [i, a] of lazy.actions.entries()) {
      const resolved = await lazy.s.resolveCodeAction(a);
      assert.ok(resolved.edit, `resolved edit for ${a.title}`);
      // The temp folders differ: compare with the folder's path taken out.
      const norm = (e: unknown, dir: string) => JSON.parse(JSON.stringify(e).split(dir).join('<ws>'));
      assert.deepEqual(norm(resolved.edit, lazy.dir), norm(inlineActions[i].edit, inline.dir), a.title);
      assert.equal(resolved.title, a.title);
      assert.deepEqual(resolved.diagnostics, a.diagnostics);
    }

    // The document changes: an action listed for the old version resolves to no edit (never a stale one).
    const changed = lazy.s.diagnostics(lazy.uri);
    await lazy.s.change(lazy.uri, 2, `${lazy.text}\n# edited\n`);
    await changed;
    const stale = await lazy.s.resolveCodeAction(lazy.actions[0]);
    assert.equal(stale.edit, undefined, 'no edit for a version that is gone');
  } finally {
    await lazy.s.stop();
    rmSync(lazy.dir, { recursive: true, force: true });
  }
});
