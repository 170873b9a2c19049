// The Tunnel Lens language service: a plain library (documents in, LSP types out), used by the
// LSP adapter (server.ts) and the CLI alike. It owns a Workspace of parsed files.
import {
  CompletionItemKind,
  FoldingRangeKind,
  MarkupKind,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Location,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { buildRegistry, type CheckRegistry } from './registry';
import { dialectFor } from './analysis';
import { codeActions, fixOf, fixToWorkspaceEdit, isCodeActionData, type EditOptions } from './features/codeActions';
import { definition, references } from './features/navigation';
import { documentSymbols } from './features/symbols';
import { toDiagnostic, type Log } from './findings';
import { Workspace } from './workspace';
import type { CompletionEntry, Finding, FileSystem, ParsedFile, Settings } from '../core/types';
import type { Endpoint } from '../core/endpoint';
import type { PeerPair } from '../checks/peerTypes';
import { hasEncapLimitHeader, maxInnerPacket } from '../../../codec';
import { endpointStack, pathFit } from '../model/stack';
import { contains } from '../core/ranges';
import { markdownText } from '../core/redact';

export interface LanguageServiceOptions {
  fs: FileSystem;
  settings: () => Settings;
  /** Where internal errors are logged (the server's output channel, the CLI's stderr). */
  log?: Log;
}

const COMPLETION_KIND: Record<CompletionEntry['kind'], CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  value: CompletionItemKind.EnumMember,
  algorithm: CompletionItemKind.Constant,
  reference: CompletionItemKind.Reference,
  snippet: CompletionItemKind.Snippet,
};

export class LanguageService {
  readonly workspace: Workspace;
  readonly registry: CheckRegistry;

  constructor(private readonly options: LanguageServiceOptions) {
    this.registry = buildRegistry();
    this.workspace = new Workspace(options.fs, options.settings, this.registry, options.log);
  }

  /** True when Tunnel Lens has a dialect for the document. */
  handles(doc: TextDocument): boolean {
    return dialectFor(doc) !== undefined;
  }

  parse(uri: string): ParsedFile | undefined {
    return this.workspace.parse(uri);
  }

  findings(uri: string): Finding[] {
    return this.workspace.findings(uri);
  }

  diagnostics(uri: string): Diagnostic[] {
    return this.findings(uri).map(toDiagnostic);
  }

  endpoints(): Endpoint[] {
    return this.workspace.peerAnalysis().endpoints;
  }

  pairs(): PeerPair[] {
    return this.workspace.peerAnalysis().pairs;
  }

  /** Files in the same include closure, for resolving names across includes. */
  private scope(file: ParsedFile): ParsedFile[] {
    const seen = new Set<string>([file.uri]);
    const out: ParsedFile[] = [];
    const visit = (f: ParsedFile) => {
      for (const dep of f.dependencies) {
        if (seen.has(dep)) continue;
        seen.add(dep);
        if (!this.workspace.document(dep)) this.workspace.refreshFromDisk(dep, f.languageId);
        const p = this.workspace.parse(dep);
        if (p) {
          out.push(p);
          visit(p);
        }
      }
    };
    visit(file);
    // Files that include this one see its names too.
    for (const other of this.workspace.files()) if (other.dependencies.includes(file.uri) && !seen.has(other.uri)) out.push(other);
    return out;
  }

  hover(uri: string, pos: Position): Hover | null {
    const file = this.parse(uri);
    const doc = this.workspace.document(uri);
    if (!file || !doc) return null;
    const h = dialectFor(doc)?.hover?.(file, pos, this.workspace.context());
    const overhead = this.overheadHover(uri, pos);
    // The detail of the findings here (the rule, the defaults, the peer's offer): the diagnostic
    // message says what fails and what to do in one sentence; the why is here.
    const why = this.findings(uri)
      .filter((f) => f.detail && contains(f.range, pos))
      .map((f) => `**${f.code}**: ${markdownText(f.detail!)}`);
    if (!h && !overhead && why.length === 0) return null;
    const value = [h?.markdown, overhead, ...why].filter(Boolean).join('\n\n---\n\n');
    return { contents: { kind: MarkupKind.Markdown, value }, range: h?.range };
  }

  /** On a tunnel's definition line: the packet it sends, its overhead and the largest inner packet. */
  private overheadHover(uri: string, pos: Position): string | undefined {
    const me = this.endpoints().find((e) => (e.uri === uri && e.range.start.line === pos.line) || (e.protectedBy?.uri === uri && e.protectedBy.range.start.line === pos.line));
    if (!me) return undefined;
    const pair = this.pairs().find((p) => p.a === me || p.b === me);
    const peer = pair ? (pair.a === me ? pair.b : pair.a) : undefined;
    const stack = endpointStack(me, peer);
    if (!stack) return undefined;
    const pathMtu = this.options.settings().pathMtu;
    const fits = maxInnerPacket(stack, pathMtu);
    // The pair's figure (the smaller of both directions), the one mtu-exceeds-path tells both ends.
    const pairFits = peer ? pathFit(me, peer, pathMtu)?.fits : undefined;
    const layers = [stack.outer === 'ipv6' ? 'IPv6' : 'IPv4'];
    if (hasEncapLimitHeader(stack)) layers.push('Destination Options (8)');
    if (stack.esp === 'tunnel') layers.push(`ESP tunnel (${stack.enc}, ${stack.integ})`, stack.outer === 'ipv6' ? 'IPv6' : 'IPv4');
    if (stack.esp === 'transport') layers.push(`ESP transport (${stack.enc}, ${stack.integ})`);
    if (stack.encap !== 'none') layers.push(stack.encap.toUpperCase());
    layers.push(stack.inner === 'ipv6' ? 'inner IPv6' : 'inner IPv4');
    const both = pairFits !== undefined && pairFits < fits ? ` The peer's packets fit only **${pairFits} bytes**: set the MTU to ${pairFits} on both ends.` : '';
    return `**Packet on the wire**: ${layers.join(' | ')}\n\nLargest inner packet on a ${pathMtu}-byte path: **${fits} bytes** (overhead ${pathMtu - fits} bytes with ESP padding).${both} "Tunnel Lens: Show packet layout" draws it.`;
  }

  complete(uri: string, pos: Position): CompletionItem[] {
    const file = this.parse(uri);
    const doc = this.workspace.document(uri);
    if (!file || !doc) return [];
    const entries = dialectFor(doc)?.complete?.(file, pos, this.workspace.context()) ?? [];
    return entries.map((e) => ({
      label: e.label,
      kind: COMPLETION_KIND[e.kind],
      detail: e.detail,
      documentation: e.documentation ? { kind: MarkupKind.Markdown, value: e.documentation } : undefined,
      insertText: e.insertText,
    }));
  }

  symbols(uri: string): DocumentSymbol[] {
    const file = this.parse(uri);
    return file ? documentSymbols(file) : [];
  }

  definition(uri: string, pos: Position): Location[] {
    const file = this.parse(uri);
    return file ? definition(file, pos, this.scope(file)) : [];
  }

  references(uri: string, pos: Position, includeDeclaration = true): Location[] {
    const file = this.parse(uri);
    return file ? references(file, pos, this.scope(file), includeDeclaration) : [];
  }

  folding(uri: string): FoldingRange[] {
    const file = this.parse(uri);
    if (!file) return [];
    return file.folding
      .filter((f) => f.endLine > f.startLine)
      .map((f) => ({
        startLine: f.startLine,
        endLine: f.endLine,
        kind: f.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region,
      }));
  }

  /**
   * The quick fixes of the findings on `range`. With `resolveLater`, each action comes without its
   * edit and with the data resolveCodeAction needs (the fixes are built for their titles; the edit
   * is made on resolve).
   */
  codeActions(uri: string, range: Range, opts: { resolveLater?: boolean } & EditOptions = {}): CodeAction[] {
    return codeActions(this.findings(uri), range, { resolveLater: opts.resolveLater, createFiles: opts.createFiles, uri, version: this.workspace.document(uri)?.version });
  }

  /** codeAction/resolve: the action with its edit, when its fix is still there (same document version, finding and fix). */
  resolveCodeAction(action: CodeAction, opts: EditOptions = {}): CodeAction {
    const data = action.data;
    if (action.edit || !isCodeActionData(data)) return action;
    if (data.version !== undefined && this.workspace.document(data.uri)?.version !== data.version) return action;
    const fix = fixOf(this.findings(data.uri), data);
    return fix ? { ...action, edit: fixToWorkspaceEdit(fix, opts) } : action;
  }
}
