// The stdio server survives what a buggy client or a strange file throws at it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { startServer } from '../helpers/lspClient';

test('initialize announces the features DESIGN promises', async () => {
  const s = await startServer();
  try {
    const c = s.init.capabilities;
    assert.ok(c.hoverProvider && c.completionProvider && c.documentSymbolProvider && c.definitionProvider);
    assert.ok(c.referencesProvider && c.foldingRangeProvider && c.codeActionProvider && c.codeLensProvider);
    assert.equal(s.init.serverInfo?.name, 'tunnel-lens');
  } finally {
    await s.stop();
  }
});

test('malformed LSP messages and requests for unknown documents do not kill the server', async () => {
  const s = await startServer();
  try {
    // Correctly framed, but broken inside: bad JSON, unknown methods, requests without params,
    // notifications with nonsense params. (A stream whose framing lies cannot be resynchronised by
    // any LSP server; that is the client's bug, not a message.)
    const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    for (const body of [
      '{"a":',
      'not json at all',
      '{"jsonrpc":"2.0","id":9999,"method":"nope"}',
      '{"jsonrpc":"2.0","id":10000,"method":"textDocument/hover"}',
      '{"jsonrpc":"2.0","id":10001,"method":"textDocument/hover","params":{"textDocument":42}}',
      '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":7}}}',
      '{"jsonrpc":"2.0","method":"textDocument/didChange","params":null}',
      '[1,2,3]',
    ]) {
      s.proc.stdin.write(frame(body));
    }
    // The server reads its input in order: the answer to this request comes after every frame above was handled.
    const hover = await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///nowhere/ipsec.conf' }, position: { line: 0, character: 0 } });
    assert.equal(hover, null);
    assert.equal(s.proc.exitCode, null, 'still running');
  } finally {
    s.proc.kill();
  }
});

test('a binary file opened as ipsec.conf gets syntax errors on its lines, not a crash', async () => {
  const s = await startServer();
  try {
    const bytes = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    const lines = bytes.split(/\r\n|\r|\n/).length;
    const diags = await s.open('file:///tmp/binary/ipsec.conf', bytes, 'ipsec-conf');
    assert.ok(diags.length > 0, 'binary junk is not a valid ipsec.conf');
    assert.ok(diags.some((d) => d.code === 'syntax-error'), JSON.stringify(diags.map((d) => d.code)));
    for (const d of diags) {
      assert.ok(d.range.start.line >= 0 && d.range.end.line < lines, `range inside the file: ${JSON.stringify(d.range)}`);
      assert.notEqual(d.code, 'internal-error', String(d.message));
    }
    // The server keeps serving that file's features.
    const symbols = await s.symbols('file:///tmp/binary/ipsec.conf');
    assert.ok(Array.isArray(symbols));
    const hover = await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///tmp/binary/ipsec.conf' }, position: { line: 0, character: 0 } });
    assert.ok(hover === null || typeof hover === 'object');
    assert.equal(s.proc.exitCode, null);
  } finally {
    await s.stop();
  }
});
