// Entry of the language server bundle: node-ipc when VS Code starts it, --stdio for any other
// editor. The wire is ours at both ends (lsp/transport.ts): a resilient reader for stdio, and a
// writer that masks every secret of the workspace in whatever the server sends. The wiring of the
// protocol lives in lsp/tunnelLensServer.ts.
import {
  createConnection,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageWriter,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';
import { Redactor } from './core/redact';
import { TunnelLensServer } from './lsp/tunnelLensServer';
import { RedactingWriter, ResilientStreamReader } from './lsp/transport';

const redactor = new Redactor();
const server = new TunnelLensServer(redactor);

function wire(): { reader: MessageReader; writer: MessageWriter } {
  const args = process.argv.slice(2);
  if (args.includes('--node-ipc')) {
    const writer = new RedactingWriter(new IPCMessageWriter(process), redactor, () => server.refreshSecrets());
    return { reader: new IPCMessageReader(process), writer };
  }
  // --stdio, and the default for any editor that starts us with no transport argument.
  const writer = new RedactingWriter(new StreamMessageWriter(process.stdout), redactor, () => server.refreshSecrets());
  const reader = new ResilientStreamReader(process.stdin, (m: Message) => void writer.write(m), (line) => process.stderr.write(redactor.mask(line) + '\n'));
  return { reader, writer };
}

const { reader, writer } = wire();
const connection = createConnection(ProposedFeatures.all, reader, writer, {
  // A request cancelled while still queued is answered as cancelled, never computed.
  cancelUndispatched: (message) => ({ jsonrpc: '2.0', id: (message as { id?: number | string }).id ?? null, error: { code: -32800, message: 'Request cancelled' } }),
});
server.register(connection);
connection.listen();
