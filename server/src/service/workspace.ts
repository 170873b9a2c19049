// The set of files the service knows: open documents (from the editor) over files read from disk.
// Each document version is parsed once; dependants (files that include a changed file) re-parse;
// cross-peer findings are recomputed from the endpoints of every file.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckRegistry } from './registry';
import { analyse, dialectFor, unreadFile } from './analysis';
import { detectDialect, dialectById } from '../languages';
import { uriToPath } from '../core/uri';
import { analysePeers, PeerCache, type PeerAnalysis } from './peers';
import { withUserSeverity, type Log } from './findings';
import type { Finding, FileSystem, ParseContext, ParsedFile, Settings, Unread } from '../core/types';

export class Workspace {
  private readonly docs = new Map<string, TextDocument>();
  /** The secret values of each parsed file version. */
  private readonly secretCache = new WeakMap<ParsedFile, string[]>();
  /** Files the disk would not give us, and why (see unreadFile). */
  private readonly unread = new Map<string, Unread>();
  private readonly open = new Set<string>();
  private readonly parsed = new Map<string, ParsedFile>();
  /** The ParsedFile of a document's previous version, until the new one is parsed (incremental re-parse). */
  private readonly previous = new Map<string, ParsedFile>();
  private peers: PeerAnalysis | undefined;
  /** A stamp per document, new at every change: what the peer cache checks its fixes' reads against. */
  private readonly stamps = new Map<string, number>();
  private clock = 0;
  private peerCache = new PeerCache((uri) => this.stamps.get(uri));
  /** Reads open documents first, then the underlying file system. */
  readonly fs: FileSystem;

  constructor(
    diskFs: FileSystem,
    private readonly settings: () => Settings,
    private readonly registry: CheckRegistry,
    private readonly log?: Log,
  ) {
    this.fs = {
      readFile: (uri) => (this.open.has(uri) ? this.docs.get(uri)?.getText() : undefined) ?? diskFs.readFile(uri),
      readDirectory: (uri) => diskFs.readDirectory(uri),
      unreadReason: (uri) => (this.open.has(uri) ? undefined : diskFs.unreadReason?.(uri)),
    };
  }

  context(): ParseContext {
    return { settings: this.settings(), fs: this.fs };
  }

  /** An editor document: it wins over the disk until closed. */
  openDocument(doc: TextDocument): void {
    this.open.add(doc.uri);
    this.setDocument(doc);
  }

  closeDocument(uri: string): boolean {
    this.open.delete(uri);
    return this.refreshFromDisk(uri);
  }

  /** Changes at every edit, open, close or re-read: what caches of whole-workspace answers check. */
  generation(): number {
    return this.clock;
  }

  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  /** Adds or re-reads a file from disk (not while it is open). Returns false if it is not ours. */
  refreshFromDisk(uri: string, languageId = ''): boolean {
    if (this.open.has(uri)) return true;
    const text = this.fs.readFile(uri);
    if (text === undefined) {
      // A file we would read by its name, that the disk refused (a FIFO in its place, no
      // permission, over the size limit, outside the workspace): kept, so a finding says so.
      const why = this.fs.unreadReason?.(uri);
      const dialect = why && why.reason !== 'missing' && why.reason !== 'directory' ? (dialectById(languageId) ?? detectDialect(uriToPath(uri), '')) : undefined;
      this.delete(uri);
      if (!dialect || !why) return false;
      this.unread.set(uri, why);
      this.setDocument(TextDocument.create(uri, dialect.id, (this.docs.get(uri)?.version ?? 0) + 1, ''), true);
      return true;
    }
    const prev = this.docs.get(uri);
    const doc = TextDocument.create(uri, languageId || prev?.languageId || '', (prev?.version ?? 0) + 1, text);
    if (!dialectFor(doc)) return false;
    this.setDocument(doc);
    return true;
  }

  delete(uri: string): void {
    this.unread.delete(uri);
    this.stamps.set(uri, ++this.clock);
    this.docs.delete(uri);
    this.open.delete(uri);
    this.previous.delete(uri);
    if (this.parsed.delete(uri)) this.invalidateDependants(uri);
    this.peers = undefined;
  }

  private setDocument(doc: TextDocument, unread = false): void {
    if (!unread) this.unread.delete(doc.uri);
    this.stamps.set(doc.uri, ++this.clock);
    this.docs.set(doc.uri, doc);
    const prev = this.parsed.get(doc.uri);
    if (prev) this.previous.set(doc.uri, prev);
    this.parsed.delete(doc.uri);
    this.invalidateDependants(doc.uri);
    this.peers = undefined;
  }

  private invalidateDependants(uri: string): void {
    for (const [other, file] of this.parsed) {
      if (file.dependencies.includes(uri)) {
        this.parsed.delete(other);
        this.invalidateDependants(other);
      }
    }
  }

  /** Pairing files (tunnel-lens.json) are read during the peer analysis: a change to one redoes it. */
  invalidatePeers(): void {
    this.peers = undefined;
    this.peerCache = new PeerCache((uri) => this.stamps.get(uri));
  }

  document(uri: string): TextDocument | undefined {
    return this.docs.get(uri);
  }

  uris(): string[] {
    return [...this.docs.keys()];
  }

  /** The ParsedFile for the current version of a known document (parsed on first use). */
  parse(uri: string): ParsedFile | undefined {
    const cached = this.parsed.get(uri);
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    if (cached && cached.version === doc.version) return cached;
    const dialect = dialectFor(doc);
    if (!dialect) return undefined;
    const why = this.unread.get(uri);
    const file = why ? unreadFile(doc, dialect.id, why, this.settings().maxFileSize) : analyse(doc, dialect, this.context(), this.registry, this.previous.get(uri), this.log);
    this.previous.delete(uri);
    this.parsed.set(uri, file);
    return file;
  }

  /** Every secret value of every file of the workspace (for the redaction at the output edges). */
  secretValues(): Set<string> {
    const out = new Set<string>();
    for (const uri of this.uris()) {
      const file = this.parse(uri);
      const doc = this.docs.get(uri);
      const dialect = doc && file ? dialectFor(doc) : undefined;
      if (!file || !dialect?.secretValues) continue;
      let values = this.secretCache.get(file);
      if (!values) this.secretCache.set(file, (values = dialect.secretValues(file)));
      for (const v of values) out.add(v);
    }
    return out;
  }

  files(): ParsedFile[] {
    return this.uris().flatMap((u) => this.parse(u) ?? []);
  }

  peerAnalysis(): PeerAnalysis {
    this.peers ??= analysePeers(this.files(), this.registry, this.settings(), this.fs, this.peerCache, this.log);
    return this.peers;
  }

  /** Per-file findings and the cross-peer findings that land in this file, at the user's severities. */
  findings(uri: string): Finding[] {
    const file = this.parse(uri);
    if (!file) return [];
    const all = [...file.findings, ...(this.peerAnalysis().findingsByUri.get(uri) ?? [])];
    const overrides = this.settings().severity;
    if (Object.keys(overrides).length === 0) return all;
    return all.flatMap((f) => withUserSeverity(f, overrides) ?? []);
  }
}
