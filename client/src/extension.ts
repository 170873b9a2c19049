// The VS Code side: starts the language server over node-ipc and wires the commands. All analysis
// happens in the server; this file only connects VS Code to it.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { PreviewManager } from './preview/panel';
import { LAYOUT_REQUEST, PREVIEW_VIEW_TYPE, SHOW_PACKET_LAYOUT_COMMAND, type LayoutRequestParams, type LayoutResponse, type PreviewState } from './preview/protocol';
import { PeerStatusBar, type Requester } from './statusBar';
import { checkWorkspace, pairWith } from './commands';
import { REINDEX_REQUEST } from './protocol';

export const LANGUAGES = ['ipsec-conf', 'ipsec-secrets', 'cisco-ios', 'ifcfg', 'shellscript', 'systemd-netdev', 'nm-connection'];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const output = vscode.window.createOutputChannel('Tunnel Lens', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.map((language) => ({ scheme: 'file', language })),
    synchronize: {
      configurationSection: 'tunnelLens',
      fileEvents: vscode.workspace.createFileSystemWatcher(
        '**/{ipsec.conf,ipsec.secrets,*.conf,*.secrets,ifcfg-*,*.sh,ifup-local,*.netdev,*.nmconnection,*.ios,*.cisco,*-confg,*.cfg,*.txt,tunnel-lens.json}',
      ),
    },
    outputChannel: output,
  };
  client = new LanguageClient('tunnelLens', 'Tunnel Lens', serverOptions, clientOptions);

  // Requests to the server; before it runs (or after it stopped) they fail and callers show nothing.
  const request: Requester = async <R>(method: string, params: unknown) => {
    if (!client?.isRunning()) throw new Error('the Tunnel Lens language server is not running');
    return client.sendRequest<R>(method, params);
  };
  const statusBar = new PeerStatusBar(request, LANGUAGES);
  context.subscriptions.push(
    output,
    statusBar,
    vscode.commands.registerCommand('tunnelLens.checkWorkspace', async () => {
      await checkWorkspace(request, output);
      statusBar.refresh();
    }),
    vscode.commands.registerCommand('tunnelLens.pairWith', async () => {
      await pairWith(request, async () => {
        await request(REINDEX_REQUEST, {});
        statusBar.refresh();
      });
    }),
  );

  // The packet-layout preview: the command (code lens: uri + position; palette: the cursor) and the
  // serializer that restores open panels after a reload (activation onWebviewPanel:tunnelLens.preview).
  const previews = new PreviewManager(context.extensionUri, (p: LayoutRequestParams) =>
    client ? client.sendRequest<LayoutResponse | null>(LAYOUT_REQUEST, p) : Promise.resolve(null),
  );
  context.subscriptions.push(
    previews,
    vscode.commands.registerCommand(SHOW_PACKET_LAYOUT_COMMAND, (uri?: vscode.Uri | string, position?: { line: number; character: number }) => previews.show(uri, position)),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => previews.restore(panel, state as PreviewState | undefined),
    }),
  );
  await client.start();
  output.info(`Tunnel Lens ${String(context.extension.packageJSON.version)} started in ${vscode.env.appName} ${vscode.version}`);
  statusBar.refresh();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
