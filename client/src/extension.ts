// The VS Code side: starts the language server over node-ipc and wires the commands. All analysis
// happens in the server; this file only connects VS Code to it.
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, State, TransportKind, type ErrorHandler, type LanguageClientOptions, type RequestType, type ServerOptions } from 'vscode-languageclient/node';
import { PreviewManager } from './preview/panel';
import { PREVIEW_VIEW_TYPE, SHOW_PACKET_LAYOUT_COMMAND, type LayoutRequestParams, type PreviewState } from '../../server/src/protocol/preview';
import { LayoutRequest, ReindexRequest } from '../../server/src/protocol/requests';
import { PeerStatusBar, type Requester } from './statusBar';
import { LANGUAGE_IDS } from '../../server/src/core/languages';
import { restartPolicy, type RestartPolicy } from './restartPolicy';
import { checkWorkspace, pairWith } from './commands';

export const LANGUAGES = LANGUAGE_IDS;

let client: LanguageClient | undefined;

function errorHandlerFor(policy: RestartPolicy): ErrorHandler {
  return {
    error: (error, _message, count) => ({ action: policy.error(error.message, count) === 'continue' ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: () => ({ action: policy.closed() === 'restart' ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true }),
  };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const activationStart = performance.now();
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const output = vscode.window.createOutputChannel('Tunnel Lens', { log: true });
  const policy = restartPolicy(output);
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.map((language) => ({ scheme: 'file', language })),
    synchronize: {
      configurationSection: 'tunnelLens',
      fileEvents: vscode.workspace.createFileSystemWatcher(
        '**/{ipsec.conf,ipsec.secrets,*.conf,*.secrets,ifcfg-*,*.sh,ifup-local,*.netdev,*.network,*.nmconnection,interfaces,interfaces.d/*,*.yaml,*.ios,*.cisco,*-confg,*.cfg,*.txt,tunnel-lens.json}',
      ),
    },
    outputChannel: output,
    errorHandler: errorHandlerFor(policy),
  };
  client = new LanguageClient('tunnelLens', 'Tunnel Lens', serverOptions, clientOptions);

  // The server starts in the background: activation does not wait for it (VS Code stays responsive
  // while node loads the server); requests wait for the start, then fail if it did not run.
  const started = client.start();
  const request: Requester = async <P, R>(type: RequestType<P, R, void>, params: P): Promise<R> => {
    await started.catch(() => undefined);
    if (!client?.isRunning()) throw new Error('the Tunnel Lens language server is not running');
    // params is P by the request object's type; the client's RequestParam<P> cannot see that for a generic P.
    return client.sendRequest(type, params as never) as Promise<R>;
  };
  const statusBar = new PeerStatusBar(request, LANGUAGES);
  // After a restart: say the server is back, and ask it again for the status bar.
  context.subscriptions.push(
    client.onDidChangeState((e) => {
      if (e.newState !== State.Running || e.oldState === State.Running) return;
      policy.running();
      statusBar.refresh();
    }),
  );
  context.subscriptions.push(
    output,
    statusBar,
    vscode.commands.registerCommand('tunnelLens.checkWorkspace', async () => {
      await checkWorkspace(request, output);
      statusBar.refresh();
    }),
    vscode.commands.registerCommand('tunnelLens.pairWith', async () => {
      await pairWith(request, async () => {
        await request(ReindexRequest, {});
        statusBar.refresh();
      });
    }),
  );

  // The packet-layout preview: the command (code lens: uri + position; palette: the cursor) and the
  // serializer that restores open panels after a reload (activation onWebviewPanel:tunnelLens.preview).
  const previews = new PreviewManager(context.extensionUri, (p: LayoutRequestParams) => request(LayoutRequest, p));
  context.subscriptions.push(
    previews,
    vscode.commands.registerCommand(SHOW_PACKET_LAYOUT_COMMAND, (uri?: vscode.Uri | string, position?: { line: number; character: number }) => previews.show(uri, position)),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => previews.restore(panel, state as PreviewState | undefined),
    }),
  );
  output.info(`Tunnel Lens activated in ${(performance.now() - activationStart).toFixed(1)} ms`);
  started.then(
    () => {
      output.info(`Tunnel Lens ${String(context.extension.packageJSON.version)} server started in ${vscode.env.appName} ${vscode.version}`);
      statusBar.refresh();
    },
    (e: unknown) => output.error(`the Tunnel Lens language server did not start: ${e instanceof Error ? e.message : String(e)}`),
  );
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
