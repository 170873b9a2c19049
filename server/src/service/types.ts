// Contracts shared by every dialect, check and feature. The language service is a plain library:
// TextDocument in, LSP types out. Nothing here may import vscode or a connection.
import type { Position, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FindingCode } from '../model/findingCodes';
import type { Endpoint } from '../model/endpoint';

export type { Position, Range };

export type LanguageId =
  | 'ipsec-conf'
  | 'ipsec-secrets'
  | 'cisco-ios'
  | 'ifcfg'
  | 'shellscript'
  | 'systemd-netdev'
  | 'nm-connection';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface TextEditSpec {
  uri: string;
  range: Range;
  newText: string;
}

/** A fix is a workspace edit that may span several files (both peers). */
export interface Fix {
  title: string;
  edits: TextEditSpec[];
  /** Files the fix creates (for example an /sbin/ifup-local script); edits may then target them. */
  createFiles?: string[];
  isPreferred?: boolean;
}

export interface RelatedInfo {
  uri: string;
  range: Range;
  message: string;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
  uri: string;
  range: Range;
  related: RelatedInfo[];
  fixes: Fix[];
}

/** Dialect and version targets; a file directive beats a setting, a setting beats a guess. */
export interface VersionSettings {
  libreswan?: string;
  strongswan?: string;
  ios?: string;
  networkManager?: string;
}

export interface Settings {
  versions: VersionSettings;
  /** Path MTU assumed for mtu-exceeds-path (tunnelLens.pathMtu). */
  pathMtu: number;
  /** Files larger than this many bytes are not analysed (tunnelLens.maxFileSize). */
  maxFileSize: number;
}

export const DEFAULT_SETTINGS: Settings = {
  versions: {},
  pathMtu: 1500,
  maxFileSize: 20 * 1024 * 1024,
};

/**
 * The only window a dialect has on the world: reading other files (includes, companion scripts).
 * The server and the CLI pass a disk-backed one; tests pass an in-memory one.
 */
export interface FileSystem {
  /** Returns the text of a file, or undefined when it cannot be read. */
  readFile(uri: string): string | undefined;
  /** Lists the file uris directly inside a directory uri, or undefined when it does not exist. */
  readDirectory(uri: string): string[] | undefined;
}

export interface ParseContext {
  settings: Settings;
  fs: FileSystem;
}

/** A named object in a file: a conn, a transform set, an interface, an ACL. */
export interface SymbolDef {
  name: string;
  /** Dialect-level kind, also the namespace for references: 'conn', 'transform-set', 'acl', … */
  kind: string;
  range: Range;
  selectionRange: Range;
  detail?: string;
  children?: SymbolDef[];
}

/** A use of a named object, resolved by name and kind (and optionally into another file). */
export interface SymbolRef {
  name: string;
  kind: string;
  range: Range;
  /** For file references (include): the target file uris. */
  targetUris?: string[];
}

export interface FoldRange {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

/** Everything a dialect learns from one document version; every feature reads it, none re-parses. */
export interface ParsedFile {
  uri: string;
  version: number;
  languageId: LanguageId;
  text: string;
  /** Findings the parser and the dialect's own checks produced. */
  findings: Finding[];
  endpoints: Endpoint[];
  symbols: SymbolDef[];
  references: SymbolRef[];
  folding: FoldRange[];
  /** Files this one depends on (includes); a change to them re-parses this one. */
  dependencies: string[];
  /** Dialect-private tree for hover/completion; opaque to the service. */
  tree: unknown;
}

export interface HoverResult {
  markdown: string;
  range?: Range;
}

export interface CompletionEntry {
  label: string;
  kind: 'keyword' | 'value' | 'algorithm' | 'reference' | 'snippet';
  detail?: string;
  documentation?: string;
  insertText?: string;
}

export interface Dialect {
  id: LanguageId;
  /** Human name for messages and the manifest. */
  name: string;
  /** True when this dialect claims a file by its path (and, for ambiguous names, its first lines). */
  matches(path: string, head: string): boolean;
  /**
   * `previous` (optional) is this dialect's ParsedFile of an earlier version of the same uri: a
   * dialect may reuse what the edit did not touch, but the result must equal a parse from scratch.
   */
  parse(doc: TextDocument, ctx: ParseContext, previous?: ParsedFile): ParsedFile;
  hover?(file: ParsedFile, pos: Position, ctx: ParseContext): HoverResult | undefined;
  complete?(file: ParsedFile, pos: Position, ctx: ParseContext): CompletionEntry[];
}

/** Reports one finding from a check; the code's registry entry supplies the default severity. */
export type Report = (f: {
  code: FindingCode;
  message: string;
  range: Range;
  severity?: Severity;
  related?: RelatedInfo[];
  fixes?: Fix[];
  uri?: string;
}) => void;

/** A per-file rule of one or more dialects, keyed by its stable code. */
export interface FileCheck {
  code: FindingCode;
  languages: LanguageId[];
  run(file: ParsedFile, ctx: ParseContext, report: Report): void;
}

/** Produces quick fixes for a finding of its code (when the check did not attach them itself). */
export interface FixProvider {
  code: FindingCode;
  provide(finding: Finding, file: ParsedFile, ctx: ParseContext): Fix[];
}

export interface DialectModule extends Dialect {
  checks?: FileCheck[];
  fixes?: FixProvider[];
}
