// A pure-protocol LSP client for protocol tests: spawns dist/server.js --stdio (the bundle users
// run from Neovim, Emacs or Helix) and speaks to it with vscode-languageserver-protocol.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  CompletionRequest,
  createProtocolConnection,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  FoldingRangeRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ReferencesRequest,
  ShutdownRequest,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type Position,
  type Range,
} from 'vscode-languageserver-protocol/node';

export const SERVER_JS = resolve(__dirname, '../../dist/server.js');

export interface StartOptions {
  workspaceFolder?: string;
  settings?: Record<string, unknown>;
  /**
   * The client's capabilities, in place of the default ones (publishDiagnostics with related
   * information; code action literals without resolve support), e.g. textDocument.codeAction with
   * resolveSupport: { properties: ['edit'] } to be sent actions without their edit.
   */
  capabilities?: ClientCapabilities;
}

export async function startServer(opts: StartOptions = {}) {
  const proc = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += d));
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const latest = new Map<string, Diagnostic[]>();
  const waiters: { uri: string; pred: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  const listeners: ((p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => void)[] = [];
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    for (const l of listeners) l(p);
    latest.set(p.uri, p.diagnostics);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.pred(p.diagnostics)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  conn.listen();
  const folderUri = opts.workspaceFolder ? `file://${resolve(opts.workspaceFolder)}` : null;
  const init = await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: folderUri,
    workspaceFolders: folderUri ? [{ uri: folderUri, name: 'ws' }] : null,
    initializationOptions: { settings: opts.settings ?? {} },
    capabilities: opts.capabilities ?? {
      textDocument: {
        publishDiagnostics: { relatedInformation: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
      },
    },
  });
  await conn.sendNotification(InitializedNotification.type, {});

  /** Resolves with the next diagnostics for uri that satisfy pred (or the latest, if they already do). */
  const diagnostics = (uri: string, pred: (d: Diagnostic[]) => boolean = () => true, timeoutMs = 10_000) =>
    new Promise<Diagnostic[]>((res, rej) => {
      const t = setTimeout(() => rej(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
      waiters.push({ uri, pred, resolve: (d) => (clearTimeout(t), res(d)) });
    });

  return {
    init,
    conn,
    latest,
    diagnostics,
    /** Also told of every publication (the connection takes one handler per notification: this is it). */
    onPublish(fn: (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => void) {
      listeners.push(fn);
    },
    get stderr() {
      return stderr;
    },
    async open(uri: string, text: string, languageId: string) {
      const p = diagnostics(uri);
      await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
      return p;
    },
    async change(uri: string, version: number, text: string) {
      const p = diagnostics(uri);
      await conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
      return p;
    },
    hover: (uri: string, position: Position) => conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position }),
    completion: (uri: string, position: Position) => conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }),
    symbols: (uri: string) => conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }),
    definition: (uri: string, position: Position) => conn.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position }),
    references: (uri: string, position: Position) =>
      conn.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration: true } }),
    folding: (uri: string) => conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }),
    codeActions: (uri: string, range: Range, diags: Diagnostic[]) =>
      conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: diags } }),
    resolveCodeAction: (action: CodeAction) => conn.sendRequest(CodeActionResolveRequest.type, action),
    async stop() {
      await conn.sendRequest(ShutdownRequest.type);
      await conn.sendNotification(ExitNotification.type);
      await new Promise((r) => (proc.exitCode !== null ? r(null) : proc.once('exit', r)));
      conn.dispose();
    },
    proc,
  };
}
