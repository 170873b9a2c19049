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
import { buildRegistry, type CheckRegistry } from '../checks/registry';
import { dialectFor } from './analysis';
import { codeActions } from './features/codeActions';
import { definition, references } from './features/navigation';
import { documentSymbols } from './features/symbols';
import { toDiagnostic } from './findings';
import { Workspace } from './workspace';
import type { CompletionEntry, Finding, FileSystem, ParsedFile, Settings } from './types';
import type { Endpoint } from '../model/endpoint';
import type { PeerPair } from '../checks/peerTypes';

export interface LanguageServiceOptions {
  fs: FileSystem;
  settings: () => Settings;
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
    this.workspace = new Workspace(options.fs, options.settings, this.registry);
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
    return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range } : null;
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

  codeActions(uri: string, range: Range): CodeAction[] {
    return codeActions(this.findings(uri), range);
  }
}
