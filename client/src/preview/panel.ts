// The preview panel's host: one webview panel per editor column (opened beside it), fed by the
// server's `tunnelLens/layout` answer for the tunnel under the cursor. It re-asks when either peer's
// files change (throttled, like the markdown preview) or the cursor moves to another tunnel,
// restores itself after a reload (serializer) and writes "Export pcap" files.
import * as vscode from 'vscode';
import { makeNonce, renderPreviewHtml } from './html';
import { samplePcap } from './pcap';
import {
  isFromWebviewMessage,
  PREVIEW_VIEW_TYPE,
  revealTarget,
  type ExportVariant,
  type LayoutRequestParams,
  type LayoutResponse,
  type PreviewSource,
  type PreviewState,
  type ToWebviewMessage,
} from '../../../server/src/protocol/preview';

export type LayoutRequester = (params: LayoutRequestParams) => Promise<LayoutResponse | null | undefined>;

const THROTTLE_MS = 300;

type PositionLike = { line: number; character: number };

function toSource(uri: vscode.Uri | string, position: PositionLike | undefined): PreviewSource {
  return {
    uri: typeof uri === 'string' ? uri : uri.toString(),
    position: { line: position?.line ?? 0, character: position?.character ?? 0 },
  };
}

/** Opens, reuses and restores the preview panels. */
export class PreviewManager implements vscode.Disposable {
  private readonly panels = new Map<vscode.ViewColumn, PacketLayoutPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly request: LayoutRequester,
  ) {}

  /** The command: from the code lens (uri, position) or the active editor's cursor. */
  async show(uri?: vscode.Uri | string, position?: PositionLike): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    let source: PreviewSource | undefined;
    if (uri) source = toSource(uri, position);
    else if (editor) source = toSource(editor.document.uri, editor.selection.active);
    if (!source) {
      void vscode.window.showInformationMessage('Tunnel Lens: open a tunnel config and place the cursor on a tunnel to show its packet layout.');
      return;
    }
    const column = editor?.viewColumn ?? vscode.ViewColumn.One;
    let p = this.panels.get(column);
    if (p) p.reveal();
    else {
      const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Packet layout', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(this.extensionUri));
      p = this.track(new PacketLayoutPanel(panel, this.extensionUri, this.request, column));
    }
    p.setSource(source, true);
  }

  /** The serializer: a panel VS Code restores after a reload, with the state the webview saved. */
  restore(panel: vscode.WebviewPanel, state: PreviewState | undefined): void {
    panel.webview.options = webviewOptions(this.extensionUri);
    const column = vscode.ViewColumn.One;
    const p = this.track(new PacketLayoutPanel(panel, this.extensionUri, this.request, column, state?.data));
    if (state?.source) p.setSource(state.source, true);
  }

  private track(p: PacketLayoutPanel): PacketLayoutPanel {
    const old = this.panels.get(p.column);
    if (old && old !== p) this.panels.delete(p.column);
    if (!this.panels.has(p.column)) this.panels.set(p.column, p);
    p.onDispose(() => {
      if (this.panels.get(p.column) === p) this.panels.delete(p.column);
    });
    return p;
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
    this.panels.clear();
  }
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableForms: false,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
    retainContextWhenHidden: false,
  };
}

class PacketLayoutPanel {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeListeners: (() => void)[] = [];
  private source: PreviewSource | undefined;
  private data: LayoutResponse | undefined;
  private lastPosted = '';
  private pending: ToWebviewMessage | undefined;
  private disposed = false;
  private ready = false;
  private seq = 0;
  private throttle: ReturnType<typeof setTimeout> | undefined;
  private dirty = false;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly request: LayoutRequester,
    readonly column: vscode.ViewColumn,
    initial?: LayoutResponse,
  ) {
    this.data = initial;
    const webview = panel.webview;
    webview.html = renderPreviewHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      asWebviewUri: (rel) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...rel.split('/'))).toString(),
      data: initial,
    });
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.watches(e.document.uri.toString())) this.refresh();
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.watches(d.uri.toString())) this.refresh();
      }),
      // A fix may create a file the panel never knew (ifup-local); the server's new diagnostics for
      // the tunnel's own files are the signal that what it sends has changed.
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => this.watches(u.toString()))) this.refresh();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => this.cursorMoved(e)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('tunnelLens')) this.refresh();
      }),
    );
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  onDispose(fn: () => void): void {
    this.disposeListeners.push(fn);
  }

  setSource(source: PreviewSource, explicit: boolean): void {
    this.source = source;
    if (explicit) this.refresh(true, true);
  }

  private watches(uri: string): boolean {
    return uri === this.source?.uri || !!this.data?.watch.includes(uri);
  }

  /** The cursor moved in one of this tunnel's files: follow it when it reaches another line. */
  private cursorMoved(e: vscode.TextEditorSelectionChangeEvent): void {
    const uri = e.textEditor.document.uri.toString();
    if (!this.watches(uri)) return;
    const pos = e.selections[0]?.active;
    if (!pos) return;
    if (this.source && this.source.uri === uri && this.source.position.line === pos.line) return;
    this.source = toSource(uri, pos);
    this.refresh();
  }

  /** Immediately the first time, then at most once per THROTTLE_MS with the latest source. */
  private refresh(now = false, explicit = false): void {
    if (this.disposed) return;
    if (this.throttle && !now) {
      this.dirty = true;
      return;
    }
    this.dirty = false;
    void this.update(explicit);
    if (this.throttle) clearTimeout(this.throttle);
    this.throttle = setTimeout(() => {
      this.throttle = undefined;
      if (this.dirty) this.refresh();
    }, THROTTLE_MS);
  }

  private async update(explicit: boolean): Promise<void> {
    const source = this.source;
    if (!source) return;
    const id = ++this.seq;
    let data: LayoutResponse | null | undefined;
    try {
      data = await this.request(source);
    } catch (e) {
      if (explicit) void vscode.window.showWarningMessage(`Tunnel Lens: cannot compute the packet layout: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    if (this.disposed || id !== this.seq) return;
    if (!data) {
      // Moving the cursor off every tunnel keeps the last picture; asking for one says why not.
      if (explicit || !this.data) this.post({ type: 'noTunnel', message: 'No tunnel found here: place the cursor on a tunnel or conn definition.', source });
      return;
    }
    this.data = data;
    this.panel.title = `Packet layout: ${data.title}`;
    this.post({ type: 'update', data, source });
  }

  /** postMessage is a no-op after dispose; before the webview said 'ready' the last message waits. */
  private post(m: ToWebviewMessage): void {
    if (this.disposed) return;
    if (!this.ready) {
      if (m.type !== 'exported') this.pending = m;
      return;
    }
    const json = JSON.stringify(m);
    if (m.type !== 'exported' && json === this.lastPosted) return;
    if (m.type !== 'exported') this.lastPosted = json;
    void this.panel.webview.postMessage(m);
  }

  private async onMessage(raw: unknown): Promise<void> {
    if (!isFromWebviewMessage(raw)) return;
    switch (raw.type) {
      case 'ready':
        // Also after the webview was reloaded (hidden and shown again): it starts from its saved state.
        this.ready = true;
        this.lastPosted = '';
        if (this.pending) this.post(this.pending);
        else if (this.data && this.source) this.post({ type: 'update', data: this.data, source: this.source });
        this.pending = undefined;
        break;
      case 'exportPcap':
        await this.exportPcap(raw.variant);
        break;
      case 'reveal': {
        // Only a file of the pair shown: the webview's messages are untrusted input.
        const target = revealTarget(this.data, raw);
        if (!target) break;
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.file));
        const at = new vscode.Position(target.line, 0);
        await vscode.window.showTextDocument(doc, { viewColumn: this.column, selection: new vscode.Range(at, at) });
        break;
      }
    }
  }

  private async exportPcap(variant: ExportVariant): Promise<void> {
    const d = this.data;
    const sample = variant === 'fixed' ? d?.fixedSample : d?.sample;
    const stack = variant === 'fixed' ? d?.fixedStack : d?.stack;
    if (!d || !sample || !stack) return;
    const name = `${d.title.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'tunnel'}${variant === 'fixed' ? '-encaplimit-none' : ''}.pcap`;
    const base = this.source ? vscode.Uri.parse(this.source.uri) : undefined;
    const defaultUri = base && base.scheme === 'file' ? vscode.Uri.joinPath(base, '..', name) : undefined;
    const target = await vscode.window.showSaveDialog({ defaultUri, filters: { 'Packet capture': ['pcap'] }, saveLabel: 'Export pcap' });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, samplePcap(sample, stack.outer));
    this.post({ type: 'exported', file: target.fsPath || target.toString() });
    const hint = sample.sa ? ` Decrypt with the sample SA: tshark -r FILE -o esp.enable_encryption_decode:TRUE -o 'uat:esp_sa:${sample.sa.espSa}'` : '';
    void vscode.window.showInformationMessage(`Tunnel Lens: wrote ${target.fsPath || target.toString()}.${hint}`);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.throttle) clearTimeout(this.throttle);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
    for (const fn of this.disposeListeners.splice(0)) fn();
  }
}
