// The wire as a hostile or buggy client uses it: the server answers what JSON-RPC and LSP require,
// with plain messages, and keeps serving. Raw frames are written to the real stdio server.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { SERVER_JS } from '../helpers/lspClient';

interface Raw {
  send(body: unknown): void;
  write(bytes: string): void;
  /** The next message with this id (or, for id null, the next error without an id). */
  reply(id: number | string | null, timeoutMs?: number): Promise<{ id: unknown; result?: unknown; error?: { code: number; message: string } }>;
  stop(): Promise<number | null>;
}

function rawServer(): Raw {
  const proc = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let buf = Buffer.alloc(0);
  const messages: Record<string, unknown>[] = [];
  const waiters: { id: unknown; resolve: (m: never) => void }[] = [];
  const deliver = () => {
    for (const w of [...waiters]) {
      const i = messages.findIndex((m) => m.id === w.id && ('result' in m || 'error' in m));
      if (i >= 0) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(messages.splice(i, 1)[0] as never);
      }
    }
  };
  proc.stdout.on('data', (d: Buffer) => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) break;
      const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, end).toString())?.[1]);
      if (buf.length < end + 4 + len) break;
      messages.push(JSON.parse(buf.subarray(end + 4, end + 4 + len).toString()));
      buf = buf.subarray(end + 4 + len);
    }
    deliver();
  });
  const write = (s: string) => proc.stdin.write(s);
  const send = (body: unknown) => {
    const b = typeof body === 'string' ? body : JSON.stringify(body);
    write(`Content-Length: ${Buffer.byteLength(b)}\r\n\r\n${b}`);
  };
  return {
    send,
    write,
    reply: (id, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no reply to ${JSON.stringify(id)} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ id, resolve: (m) => (clearTimeout(t), resolve(m)) });
        deliver();
      }),
    stop: async () => {
      send({ jsonrpc: '2.0', id: 'bye', method: 'shutdown' });
      send({ jsonrpc: '2.0', method: 'exit' });
      return new Promise((r) => (proc.exitCode !== null ? r(proc.exitCode) : proc.once('exit', (c) => r(c))));
    },
  };
}

async function initialized(): Promise<Raw> {
  const s = rawServer();
  s.send({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  await s.reply(0);
  s.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
  return s;
}

test('requests with bad params get -32602 with a plain message, not a TypeError', async () => {
  const s = await initialized();
  try {
    for (const [id, method, params] of [
      [1, 'textDocument/hover', null],
      [2, 'textDocument/codeLens', null],
      [3, 'textDocument/hover', { textDocument: { uri: 42 }, position: { line: 0, character: 0 } }],
      [4, 'textDocument/completion', { textDocument: { uri: 'file:///x/ipsec.conf' }, position: { line: -1, character: 'a' } }],
      [5, 'tunnelLens/layout', { position: { line: 0, character: 0 } }],
    ] as const) {
      s.send({ jsonrpc: '2.0', id, method, params });
      const r = await s.reply(id);
      assert.equal(r.error?.code, -32602, `${method} ${JSON.stringify(params)}: ${JSON.stringify(r)}`);
      assert.match(r.error!.message, /^Invalid params: /);
      assert.doesNotMatch(r.error!.message, /TypeError|Cannot read|undefined/);
    }
  } finally {
    await s.stop();
  }
});

test('a request without a method gets -32600; a body that is not JSON gets -32700; the server goes on', async () => {
  const s = await initialized();
  try {
    s.send({ jsonrpc: '2.0', id: 7 });
    assert.equal((await s.reply(7)).error?.code, -32600);
    s.send('{"jsonrpc":"2.0","id":8,"method":');
    assert.equal((await s.reply(null)).error?.code, -32700);
    s.send({ jsonrpc: '2.0', id: 9, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///nowhere/ipsec.conf' }, position: { line: 0, character: 0 } } });
    assert.deepEqual((await s.reply(9)).result, null);
  } finally {
    await s.stop();
  }
});

test('a frame without Content-Length is dropped and the stream goes on (exit is still honoured)', async () => {
  const s = await initialized();
  s.write('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{"jsonrpc":"2.0","id":99,"method":"shutdown"}');
  s.send({ jsonrpc: '2.0', id: 10, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///nowhere/ipsec.conf' }, position: { line: 0, character: 0 } } });
  assert.deepEqual((await s.reply(10)).result, null);
  assert.equal(await s.stop(), 0);
});

test('a didOpen without text is ignored: the next document still gets its diagnostics', async () => {
  const s = await initialized();
  try {
    s.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///tmp/tl-hyg/a/ipsec.conf', languageId: 'ipsec-conf', version: 1 } } });
    s.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///tmp/tl-hyg/b/ipsec.conf', languageId: 'ipsec-conf', version: 1, text: 'conn a\n\ttype=tunel\n' } } });
    s.send({ jsonrpc: '2.0', id: 11, method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'file:///tmp/tl-hyg/b/ipsec.conf' } } });
    const symbols = (await s.reply(11)).result as { name: string }[];
    assert.deepEqual(symbols.map((x) => x.name), ['a']);
  } finally {
    await s.stop();
  }
});

test('shutdown and exit are honoured promptly after a storm of edits', async () => {
  const s = await initialized();
  const uri = 'file:///tmp/tl-hyg/storm/router-confg';
  const text = Array.from({ length: 20_000 }, (_, i) => `interface Loopback${i}\n ip address 10.${(i >> 8) & 255}.${i & 255}.1 255.255.255.255\n!`).join('\n');
  s.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'cisco-ios', version: 1, text } } });
  for (let v = 2; v < 300; v++) {
    s.send({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version: v }, contentChanges: [{ range: { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } }, text: 'x' }] } });
  }
  // A hover is answered during the storm's analysis…
  s.send({ jsonrpc: '2.0', id: 12, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 0, character: 3 } } });
  await s.reply(12, 30_000);
  // …and shutdown then exit end the process.
  assert.equal(await s.stop(), 0);
});
