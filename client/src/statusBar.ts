// The status bar item: which peer the active file's tunnel is paired with, in the warning colour
// when the pair's files have errors. Click: open the peer (or "Pair with…" when there is none).
import * as vscode from 'vscode';
import type { RequestType } from 'vscode-languageclient/node';
import { PeerInfoRequest } from '../../server/src/protocol/requests';
import type { EndpointInfo, PeerInfo, PeerInfoParams } from '../../server/src/protocol/peerInfo';

/** Sends one of the typed custom requests (protocol/requests.ts) once the server runs. */
export type Requester = <P, R>(type: RequestType<P, R, void>, params: P) => Promise<R>;

const basename = (uri: string) => decodeURIComponent(uri.replace(/\/+$/, '').split('/').pop() ?? uri);

export class PeerStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('tunnelLens.peer', vscode.StatusBarAlignment.Left, 20);
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor(
    private readonly request: Requester,
    private readonly languages: readonly string[],
  ) {
    this.item.name = 'Tunnel Lens: peer';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh(0)),
      vscode.window.onDidChangeTextEditorSelection((e) => e.textEditor === vscode.window.activeTextEditor && this.refresh(300)),
      vscode.languages.onDidChangeDiagnostics(() => this.refresh(150)),
    );
  }

  /** Recomputes after delayMs (bursts of events collapse into one request). */
  refresh(delayMs = 0): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delayMs);
  }

  private async update(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const doc = editor?.document;
    if (!doc || doc.uri.scheme !== 'file' || !this.languages.includes(doc.languageId)) {
      this.item.hide();
      return;
    }
    const gen = ++this.generation;
    const params: PeerInfoParams = { uri: doc.uri.toString(), position: editor.selection.active };
    let info: PeerInfo | null = null;
    try {
      info = await this.request(PeerInfoRequest, params);
    } catch {
      info = null; // server starting or restarting: show nothing rather than something stale
    }
    if (gen !== this.generation) return;
    if (!info) {
      this.item.hide();
      return;
    }
    this.render(info);
  }

  private render(info: PeerInfo): void {
    const me = info.endpoint;
    const problems = [info.errorCount ? `$(error) ${info.errorCount}` : '', info.warningCount ? `$(warning) ${info.warningCount}` : ''].filter(Boolean).join(' ');
    const md = new vscode.MarkdownString(undefined, true);
    if (info.peer) {
      const peer = info.peer;
      this.item.text = `$(link) ${me.name} ⇄ ${peer.name}${problems ? ' ' + problems : ''}`;
      md.appendMarkdown(`**Tunnel Lens** — \`${me.name}\` is paired with \`${peer.name}\` in ${basename(peer.file)}`);
      md.appendMarkdown(` (${info.pairedBy === 'pairing-file' ? 'by tunnel-lens.json' : 'by address'}).\n\n`);
      md.appendMarkdown(`${info.errorCount} error(s), ${info.warningCount} warning(s) in the pair's files. Click to open the peer.`);
      this.item.command = {
        title: 'Open the peer',
        command: 'vscode.open',
        arguments: [vscode.Uri.parse(peer.file), { selection: new vscode.Range(peer.line, 0, peer.line, 0) } satisfies vscode.TextDocumentShowOptions],
      };
    } else {
      this.item.text = `$(debug-disconnect) ${me.name}: no peer${problems ? ' ' + problems : ''}`;
      md.appendMarkdown(`**Tunnel Lens** — no peer in the workspace matches \`${me.name}\`'s addresses${describeAddresses(me)}.\n\n`);
      md.appendMarkdown('Click to pair it with a tunnel end by hand (writes tunnel-lens.json).');
      this.item.command = 'tunnelLens.pairWith';
    }
    this.item.tooltip = md;
    this.item.backgroundColor = info.errorCount > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.accessibilityInformation = { label: this.item.text.replace(/\$\([a-z-]+\)\s?/g, '') };
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

function describeAddresses(e: EndpointInfo): string {
  if (!e.local && !e.remote) return '';
  return ` (${e.local ?? '?'} → ${e.remote ?? '?'})`;
}
