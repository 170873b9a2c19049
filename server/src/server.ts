// Entry of the language server bundle: node-ipc when VS Code starts it, --stdio for any other
// editor. The wiring lives in lspServer.ts.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { TunnelLensServer } from './lsp/tunnelLensServer';

const connection = createConnection(ProposedFeatures.all);
new TunnelLensServer().register(connection);
connection.listen();
