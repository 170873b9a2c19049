// The LSP adapter: binds connection events to the language service and pushes diagnostics
// (Neovim 0.7 and eglot do not pull). No analysis lives here.
import {
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../service/languageService';
import { DEFAULT_SETTINGS, type Settings } from '../core/types';
import { listFilesRecursively, nodeFileSystem } from '../node/nodeFs';
import { pathToUri, uriToPath } from '../core/uri';
import { settingsFromConfiguration } from '../service/settings';
import { registerLayout } from './layout';
import { registerPeerInfo } from './peerInfo';

export const SERVER_NAME = 'tunnel-lens';

export class TunnelLensServer {
  private settings: Settings = DEFAULT_SETTINGS;
  readonly service = new LanguageService({ fs: nodeFileSystem, settings: () => this.settings, log: (line) => this.connection?.console.error(line) });
  private readonly documents = new TextDocuments(TextDocument);
  private connection!: Connection;
  private canPullConfiguration = false;
  private pending: ReturnType<typeof setImmediate> | undefined;
  /** Uris whose diagnostics were last published non-empty, to clear them when they go away. */
  private published = new Set<string>();
  /** What was last sent per uri, and for which document object: unchanged diagnostics of an unchanged document are not sent again. */
  private lastSent = new Map<string, { doc: unknown; version: number | undefined; json: string }>();

  register(connection: Connection): void {
    this.connection = connection;
    // On --stdio, stdout is the protocol: stray logging would corrupt it.
    console.log = (...a: unknown[]) => connection.console.log(a.map(String).join(' '));
    console.error = (...a: unknown[]) => connection.console.error(a.map(String).join(' '));

    connection.onInitialize((p) => this.initialize(p));
    connection.onInitialized(() => void this.initialized());
    connection.onDidChangeConfiguration((p) => void this.configurationChanged(p.settings));
    connection.onDidChangeWatchedFiles((p) => {
      for (const c of p.changes) {
        if (c.type === 3) this.service.workspace.delete(c.uri);
        else this.service.workspace.refreshFromDisk(c.uri);
      }
      this.service.workspace.invalidatePeers();
      this.schedulePublish();
    });

    this.documents.onDidOpen((e) => this.documentChanged(e.document));
    this.documents.onDidChangeContent((e) => this.documentChanged(e.document));
    this.documents.onDidClose((e) => {
      this.service.workspace.closeDocument(e.document.uri);
      this.schedulePublish();
    });

    const guard =
      <P, R>(fallback: R, fn: (p: P) => R) =>
      (p: P): R => {
        try {
          return fn(p);
        } catch (e) {
          connection.console.error(`request failed: ${e instanceof Error ? e.message : String(e)}`);
          return fallback;
        }
      };
    const s = this.service;
    connection.onHover(guard(null, (p) => s.hover(p.textDocument.uri, p.position)));
    connection.onCompletion(guard([], (p) => s.complete(p.textDocument.uri, p.position)));
    connection.onDocumentSymbol(guard([], (p) => s.symbols(p.textDocument.uri)));
    connection.onDefinition(guard([], (p) => s.definition(p.textDocument.uri, p.position)));
    connection.onReferences(guard([], (p) => s.references(p.textDocument.uri, p.position, p.context.includeDeclaration)));
    connection.onFoldingRanges(guard([], (p) => s.folding(p.textDocument.uri)));
    connection.onCodeAction(guard([], (p) => s.codeActions(p.textDocument.uri, p.range)));
    registerLayout(connection, s);
    registerPeerInfo(connection, s, () => this.schedulePublish());
    this.documents.listen(connection);
  }

  private initialize(p: InitializeParams): InitializeResult {
    this.canPullConfiguration = !!p.capabilities.workspace?.configuration;
    this.settings = settingsFromConfiguration((p.initializationOptions as { settings?: unknown })?.settings);
    const folders = p.workspaceFolders?.map((f) => f.uri) ?? (p.rootUri ? [p.rootUri] : []);
    this.indexFolders(folders);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['=', ' ', ',', '-'] },
        documentSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: SERVER_NAME, version: '0.1.0' },
    };
  }

  private async initialized(): Promise<void> {
    if (this.canPullConfiguration) {
      void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'tunnelLens' });
      await this.configurationChanged(undefined);
    }
    this.schedulePublish();
  }

  private async configurationChanged(pushed: unknown): Promise<void> {
    if (this.canPullConfiguration) {
      try {
        this.settings = settingsFromConfiguration(await this.connection.workspace.getConfiguration('tunnelLens'));
      } catch {
        // Keep the settings we have.
      }
    } else if (pushed && typeof pushed === 'object') {
      this.settings = settingsFromConfiguration((pushed as { tunnelLens?: unknown }).tunnelLens);
    }
    for (const uri of this.service.workspace.uris()) {
      if (!this.service.workspace.isOpen(uri)) this.service.workspace.refreshFromDisk(uri);
    }
    for (const d of this.documents.all()) this.service.workspace.openDocument(TextDocument.create(d.uri, d.languageId, d.version + 1, d.getText()));
    this.schedulePublish();
  }

  /** Reads every supported file of the workspace folders, open or not, for the cross-peer checks. */
  private indexFolders(folderUris: string[]): void {
    for (const folder of folderUris) {
      if (!folder.startsWith('file:')) continue;
      for (const path of listFilesRecursively(uriToPath(folder), 20_000)) {
        this.service.workspace.refreshFromDisk(pathToUri(path));
      }
    }
  }

  private documentChanged(doc: TextDocument): void {
    if (!this.service.handles(doc)) return;
    this.service.workspace.openDocument(doc);
    this.schedulePublish();
  }

  /** Coalesces bursts of edits into one publication, on the next turn of the event loop. */
  private schedulePublish(): void {
    if (this.pending) return;
    this.pending = setImmediate(() => {
      this.pending = undefined;
      this.publishAll();
    });
  }

  private publishAll(): void {
    const next = new Set<string>();
    for (const uri of this.service.workspace.uris()) {
      let diagnostics;
      try {
        diagnostics = this.service.diagnostics(uri);
      } catch (e) {
        this.connection.console.error(`diagnostics failed for ${uri}: ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      // Files not open in the editor appear only when they have something to say.
      if (diagnostics.length === 0 && !this.published.has(uri) && !this.service.workspace.isOpen(uri)) continue;
      if (diagnostics.length) next.add(uri);
      // On a keystroke in a workspace of a thousand files, only the files whose findings changed
      // (and the edited one) are sent again.
      const doc = this.service.workspace.document(uri);
      const json = JSON.stringify(diagnostics);
      const last = this.lastSent.get(uri);
      // (TextDocuments updates a document object in place: its version tells an edit.)
      if (last && last.doc === doc && last.version === doc?.version && last.json === json) continue;
      this.lastSent.set(uri, { doc, version: doc?.version, json });
      void this.connection.sendDiagnostics({ uri, diagnostics });
    }
    for (const uri of this.published) {
      if (!next.has(uri) && !this.service.workspace.document(uri)) {
        this.lastSent.delete(uri);
        void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      }
    }
    this.published = next;
  }
}
