// The VS Code side: starts the language server over node-ipc and wires the commands. All analysis
// happens in the server; this file only connects VS Code to it.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { PreviewManager } from './preview/panel';
import { LAYOUT_REQUEST, PREVIEW_VIEW_TYPE, SHOW_PACKET_LAYOUT_COMMAND, type LayoutRequestParams, type LayoutResponse, type PreviewState } from './preview/protocol';

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

  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('tunnelLens.checkWorkspace', async () => {
      await vscode.commands.executeCommand('workbench.actions.view.problems');
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
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
