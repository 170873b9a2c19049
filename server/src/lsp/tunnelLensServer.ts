// The LSP adapter: binds connection events to the language service and pushes diagnostics
// (Neovim 0.7 and eglot do not pull). No analysis lives here. What it owns is the flow: documents
// are kept in sync as edits arrive (applying an edit is cheap), but analysis waits for a quiet
// moment and works one file at a time, yielding to the message loop between files and starting
// over when a newer edit arrives, so a storm of edits costs one analysis of the final version and
// hover, completion and shutdown are answered while it runs.
import {
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type TextDocumentContentChangeEvent,
  type CodeAction,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../service/languageService';
import { DEFAULT_SETTINGS, type Settings } from '../core/types';
import { Redactor } from '../core/redact';
import { createNodeFileSystem, listFilesRecursively } from '../node/nodeFs';
import { pathToUri, uriToPath } from '../core/uri';
import { settingsFromConfiguration } from '../service/settings';
import { registerLayout } from './layout';
import { registerPeerInfo } from './peerInfo';
import { documentUri, handler, params, position, range } from './params';
import { PendingEdits } from './pendingEdits';
import { collectGarbageSoon } from './memory';

export const SERVER_NAME = 'tunnel-lens';

/** Analysis starts once edits have paused this long… */
const QUIET_MS = 25;
/** …or this long after the first edit that is not yet analysed, whichever comes first. */
const MAX_DELAY_MS = 250;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class TunnelLensServer {
  private settings: Settings = DEFAULT_SETTINGS;
  /** The folders the server may read: the workspace folders, else the folders of the opened documents. */
  private readonly roots: string[] = [];
  private readonly disk = createNodeFileSystem({ maxBytes: () => this.settings.maxFileSize, roots: () => this.roots });
  readonly service = new LanguageService({ fs: this.disk, settings: () => this.settings, log: (line) => this.log(line) });
  private hasWorkspaceFolders = false;
  /** The documents open in the editor, as of the last flush of their edits. */
  private readonly docs = new Map<string, TextDocument>();
  /** Open documents of a dialect of ours (the others are kept in sync, never analysed). */
  private readonly ours = new Set<string>();
  /** Edits received and not yet applied: applied in one pass when the text is needed. */
  private readonly pendingEdits = new PendingEdits();
  private connection!: Connection;
  private canPullConfiguration = false;
  /** The client resolves a code action's edit (codeAction/resolve): actions are sent without it. */
  private resolveEdits = false;
  /** The client creates files in a workspace edit (resourceOperations holds 'create'). */
  private createFiles = true;
  /** Bumped by every change the diagnostics must follow. */
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstPendingAt: number | undefined;
  private publishing = false;
  private shuttingDown = false;
  /** Uris whose diagnostics were last published non-empty, to clear them when they go away. */
  private published = new Set<string>();
  /** What was last sent per uri: unchanged diagnostics of an unchanged document are not sent again. */
  private lastSent = new Map<string, { doc: unknown; version: number | undefined; json: string }>();
  private secretsAt = -1;

  /** `redactor` is the writer's: the server keeps it told of every secret of the workspace. */
  constructor(private readonly redactor: Redactor = new Redactor()) {}

  /** Brings the redactor up to date with the workspace's secrets (the writer calls it before each message). */
  refreshSecrets(): void {
    const g = this.service.workspace.generation();
    if (g === this.secretsAt) return;
    this.secretsAt = g;
    this.redactor.setSecrets(this.service.workspace.secretValues());
  }

  private log(line: string): void {
    this.connection?.console.error(line);
  }

  register(connection: Connection): void {
    this.connection = connection;
    // On --stdio, stdout is the protocol: stray logging would corrupt it.
    console.log = (...a: unknown[]) => connection.console.log(a.map(String).join(' '));
    console.error = (...a: unknown[]) => connection.console.error(a.map(String).join(' '));

    connection.onInitialize((p) => this.initialize(p));
    connection.onInitialized(() => void this.initialized());
    connection.onShutdown(() => {
      this.shuttingDown = true;
      if (this.timer) clearTimeout(this.timer);
    });
    connection.onDidChangeConfiguration((p) => void this.configurationChanged(p?.settings));
    connection.onDidChangeWatchedFiles((p) => {
      if (!Array.isArray(p?.changes)) return;
      for (const c of p.changes) {
        if (typeof c?.uri !== 'string') continue;
        if (c.type === 3) this.service.workspace.delete(c.uri);
        else this.service.workspace.refreshFromDisk(c.uri);
      }
      this.service.workspace.invalidatePeers();
      this.changed();
    });

    connection.onDidOpenTextDocument((p) => this.opened(p));
    connection.onDidChangeTextDocument((p) => this.edited(p));
    connection.onDidCloseTextDocument((p) => this.closed(p));

    // Every request sees the text with every edit received so far applied.
    const log = (line: string) => this.log(line);
    const ready = () => this.flushEdits();
    const s = this.service;
    const h = <R>(what: string, fallback: R, fn: (p: Record<string, unknown>) => R) => handler(log, what, fallback, (p) => (ready(), fn(p)));
    connection.onHover(h('hover', null, (p) => s.hover(documentUri(p), position(p.position))));
    connection.onCompletion(h('completion', [], (p) => s.complete(documentUri(p), position(p.position))));
    connection.onDocumentSymbol(h('documentSymbol', [], (p) => s.symbols(documentUri(p))));
    connection.onDefinition(h('definition', [], (p) => s.definition(documentUri(p), position(p.position))));
    connection.onReferences(
      h('references', [], (p) => s.references(documentUri(p), position(p.position), (p.context as { includeDeclaration?: unknown } | undefined)?.includeDeclaration !== false)),
    );
    connection.onFoldingRanges(h('foldingRange', [], (p) => s.folding(documentUri(p))));
    connection.onCodeAction(h('codeAction', [], (p) => s.codeActions(documentUri(p), range(p.range), { resolveLater: this.resolveEdits, createFiles: this.createFiles })));
    // The edit of an action given without one (the client resolves actions' edits).
    connection.onCodeActionResolve((p, token) => handler(log, 'codeAction/resolve', p, (q) => (ready(), s.resolveCodeAction(q as unknown as CodeAction, { createFiles: this.createFiles })))(p, token));
    registerLayout(connection, s, ready);
    registerPeerInfo(connection, s, () => this.changed(), ready);
  }

  private initialize(p: InitializeParams): InitializeResult {
    this.canPullConfiguration = !!p?.capabilities?.workspace?.configuration;
    const resolvable = p?.capabilities?.textDocument?.codeAction?.resolveSupport?.properties;
    this.resolveEdits = Array.isArray(resolvable) && resolvable.includes('edit');
    const operations = p?.capabilities?.workspace?.workspaceEdit?.resourceOperations;
    this.createFiles = Array.isArray(operations) && operations.includes('create');
    this.settings = settingsFromConfiguration((p?.initializationOptions as { settings?: unknown } | undefined)?.settings);
    const folders = Array.isArray(p?.workspaceFolders) ? p.workspaceFolders.map((f) => f?.uri).filter((u): u is string => typeof u === 'string') : typeof p?.rootUri === 'string' ? [p.rootUri] : [];
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
        codeActionProvider: { codeActionKinds: ['quickfix'], resolveProvider: true },
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: SERVER_NAME, version: '0.1.0' },
    };
  }

  private async initialized(): Promise<void> {
    // The editor's log names the process, so a crash (or a kill) can be traced to it.
    this.connection.console.info(`Tunnel Lens language server running (pid ${process.pid}, node ${process.version})`);
    if (this.canPullConfiguration) {
      void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'tunnelLens' });
      await this.configurationChanged(undefined);
    }
    this.changed();
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
    for (const d of this.docs.values()) {
      const again = TextDocument.create(d.uri, d.languageId, d.version + 1, d.getText());
      this.docs.set(d.uri, again);
      this.service.workspace.openDocument(again);
    }
    this.changed();
  }

  /** Reads every supported file of the workspace folders, open or not, for the cross-peer checks. */
  private indexFolders(folderUris: string[]): void {
    for (const folder of folderUris) {
      if (!folder.startsWith('file:')) continue;
      this.roots.push(uriToPath(folder));
      this.hasWorkspaceFolders = true;
      for (const path of listFilesRecursively(uriToPath(folder), 20_000)) {
        this.service.workspace.refreshFromDisk(pathToUri(path));
      }
    }
  }

  private opened(p: unknown): void {
    const td = (p as { textDocument?: { uri?: unknown; languageId?: unknown; version?: unknown; text?: unknown } } | undefined)?.textDocument;
    if (!td || typeof td.uri !== 'string' || typeof td.text !== 'string') {
      this.log('tunnel-lens: ignored a didOpen without textDocument.uri and text');
      return;
    }
    const doc = TextDocument.create(td.uri, typeof td.languageId === 'string' ? td.languageId : '', typeof td.version === 'number' ? td.version : 0, td.text);
    this.pendingEdits.drop(doc.uri);
    this.docs.set(doc.uri, doc);
    if (!this.service.handles(doc)) {
      this.ours.delete(doc.uri);
      return;
    }
    this.ours.add(doc.uri);
    // Without workspace folders, the folder of an opened document is where its includes and peers may be read.
    if (!this.hasWorkspaceFolders && doc.uri.startsWith('file:')) {
      const dir = uriToPath(doc.uri).replace(/\/[^/]*$/, '') || '/';
      if (!this.roots.includes(dir)) this.roots.push(dir);
    }
    this.service.workspace.openDocument(doc);
    this.changed();
  }

  private edited(p: unknown): void {
    const o = p as { textDocument?: { uri?: unknown; version?: unknown }; contentChanges?: unknown } | undefined;
    const uri = o?.textDocument?.uri;
    const doc = typeof uri === 'string' ? this.docs.get(uri) : undefined;
    if (!doc || !Array.isArray(o?.contentChanges)) {
      this.log('tunnel-lens: ignored a didChange for a document that is not open, or without contentChanges');
      return;
    }
    const changes: TextDocumentContentChangeEvent[] = [];
    for (const c of o.contentChanges as unknown[]) {
      const ch = c as { text?: unknown; range?: unknown };
      if (typeof ch?.text !== 'string') continue;
      if (ch.range === undefined) changes.push({ text: ch.text });
      else {
        try {
          changes.push({ range: range(ch.range), text: ch.text });
        } catch {
          this.log('tunnel-lens: ignored a content change with a malformed range');
        }
      }
    }
    const version = typeof o.textDocument?.version === 'number' ? o.textDocument.version : doc.version + 1;
    // Queued, not applied: a storm of edits is applied in one pass when the text is next needed.
    this.pendingEdits.add(doc, changes, version);
    if (this.ours.has(doc.uri)) this.changed();
    else this.flushEdits();
  }

  /** Applies the queued edits: the service gets each edited document's new version. */
  private flushEdits(): void {
    for (const doc of this.pendingEdits.flush()) {
      this.docs.set(doc.uri, doc);
      if (this.ours.has(doc.uri)) this.service.workspace.openDocument(doc);
    }
  }

  private closed(p: unknown): void {
    const uri = (p as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
    if (typeof uri !== 'string') return;
    // The editor's copy, its trees and caches go; the file on disk (if any) takes its place.
    this.pendingEdits.drop(uri);
    // A large document's trees become garbage: collect them once the editor is quiet.
    if ((this.docs.get(uri)?.getText().length ?? 0) > 1_000_000) collectGarbageSoon();
    this.docs.delete(uri);
    this.ours.delete(uri);
    this.lastSent.delete(uri);
    this.service.workspace.closeDocument(uri);
    this.changed();
  }

  /** Something the diagnostics depend on changed: analyse when the edits pause (or at the latest after MAX_DELAY_MS). */
  private changed(): void {
    this.generation++;
    if (this.shuttingDown) return;
    const now = Date.now();
    this.firstPendingAt ??= now;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(QUIET_MS, this.firstPendingAt + MAX_DELAY_MS - now));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.publishAll();
    }, wait);
  }

  /** The open documents first (what the user looks at), then the rest of the workspace. */
  private publicationOrder(): string[] {
    const all = this.service.workspace.uris();
    const open = all.filter((u) => this.service.workspace.isOpen(u));
    return [...open, ...all.filter((u) => !this.service.workspace.isOpen(u))];
  }

  private async publishAll(): Promise<void> {
    if (this.publishing || this.shuttingDown) return;
    this.publishing = true;
    this.firstPendingAt = undefined;
    this.flushEdits();
    const generation = this.generation;
    let complete = true;
    try {
      const next = new Set<string>();
      for (const uri of this.publicationOrder()) {
        // A newer edit makes this round's answers stale: stop, the next round starts from it.
        if (this.generation !== generation || this.shuttingDown) {
          complete = false;
          break;
        }
        this.publishOne(uri, next);
        await yieldToLoop();
      }
      if (complete) {
        for (const uri of this.published) {
          if (!next.has(uri) && !this.service.workspace.document(uri)) {
            this.lastSent.delete(uri);
            void this.connection.sendDiagnostics({ uri, diagnostics: [] });
          }
        }
        this.published = next;
      } else for (const u of next) this.published.add(u);
    } finally {
      this.publishing = false;
      if (this.generation !== generation && !this.shuttingDown && !this.timer) this.changed();
    }
  }

  private publishOne(uri: string, next: Set<string>): void {
    let diagnostics;
    try {
      diagnostics = this.service.diagnostics(uri);
    } catch (e) {
      this.log(`tunnel-lens: diagnostics failed for ${uri}: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    // Files not open in the editor appear only when they have something to say.
    if (diagnostics.length === 0 && !this.published.has(uri) && !this.service.workspace.isOpen(uri)) return;
    if (diagnostics.length) next.add(uri);
    // On a keystroke in a workspace of a thousand files, only the files whose findings changed
    // (and the edited one) are sent again.
    // (An edit updates a document object in place, so its version tells an edit; opening a file
    // replaces the disk's document object by the editor's, which must be answered even when unchanged.)
    const doc = this.service.workspace.document(uri);
    const json = JSON.stringify(diagnostics);
    const last = this.lastSent.get(uri);
    if (last && last.doc === doc && last.version === doc?.version && last.json === json) return;
    this.lastSent.set(uri, { doc, version: doc?.version, json });
    // The version tells the client which text the diagnostics are for (open documents only).
    const open = this.service.workspace.isOpen(uri) && doc ? { version: doc.version } : {};
    void this.connection.sendDiagnostics({ uri, diagnostics, ...open });
  }
}

export type { CancellationToken };
export { params };
