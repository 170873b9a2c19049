// Contracts shared by every dialect, check and feature. The language service is a plain library:
// TextDocument in, LSP types out. Nothing here may import vscode or a connection.
import type { Position, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FindingCode, Severity } from './codes';
export type { FindingCode, Severity } from './codes';
import type { Endpoint } from './endpoint';

export type { Position, Range };
export { LANGUAGE_IDS, type LanguageId } from './languages';
import type { LanguageId } from './languages';



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
  /** One sentence (about 120 characters at most): what fails and what to do. */
  message: string;
  /** The rest: the rule, the defaults, the other side's offer (related information, hover, --verbose). */
  detail?: string;
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
  /** Per-code severity overrides (tunnelLens.severity), 'off' hides the code; as css.lint.* does. */
  severity: SeverityOverrides;
}

export type SeverityOverrides = Partial<Record<FindingCode, Severity | 'off'>>;

/**
 * The path MTUs Tunnel Lens accepts (setting tunnelLens.pathMtu, `--path-mtu` of every command):
 * from 576, the datagram every IPv4 host must accept (RFC 791), to the largest IP packet.
 */
export const PATH_MTU = { min: 576, max: 65535, default: 1500 } as const;

export const DEFAULT_SETTINGS: Settings = {
  versions: {},
  pathMtu: PATH_MTU.default,
  maxFileSize: 20 * 1024 * 1024,
  severity: {},
};

/**
 * The only window a dialect has on the world: reading other files (includes, companion scripts).
 * The server and the CLI pass a disk-backed one; tests pass an in-memory one.
 */
export interface FileSystem {
  /**
   * Returns the text of a file, or undefined when it cannot be read. A disk-backed one reads only
   * regular files within its size limit, checked before reading (never a FIFO, a device or /proc's
   * endless files), and only inside the workspace.
   */
  readFile(uri: string): string | undefined;
  /** Lists the file uris directly inside a directory uri, or undefined when it does not exist. */
  readDirectory(uri: string): string[] | undefined;
  /** Why readFile(uri) returns undefined, when the file system can tell (for a finding that says so). */
  unreadReason?(uri: string): Unread | undefined;
}

/** Why a file was not read. */
export interface Unread {
  reason: 'missing' | 'directory' | 'not-regular' | 'too-large' | 'unreadable' | 'outside-workspace';
  /** For too-large: the size stat gave, in bytes. For not-regular: what it is (a FIFO, a device, …). */
  size?: number;
  what?: string;
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

/**
 * Everything a dialect learns from one document version; every feature reads it, none re-parses.
 * T is the dialect's own tree (IosTree, IpsecConfTree, …): only that dialect's code looks inside.
 */
export interface ParsedFile<T = unknown> {
  uri: string;
  version: number;
  languageId: LanguageId;
  text: string;
  /** Findings of the parser (the dialect's `parseCodes`), then of the dialect's registered checks. */
  findings: Finding[];
  endpoints: Endpoint[];
  symbols: SymbolDef[];
  references: SymbolRef[];
  folding: FoldRange[];
  /** Files this one depends on (includes); a change to them re-parses this one. */
  dependencies: string[];
  /** Dialect-private tree for hover, completion and checks; opaque to the service. */
  tree: T;
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

/** Reports one finding; the code's table entry supplies the default severity. */
export type Report = (f: {
  code: FindingCode;
  message: string;
  detail?: string;
  range: Range;
  severity?: Severity;
  related?: RelatedInfo[];
  fixes?: Fix[];
  uri?: string;
}) => void;

/**
 * A per-file rule of one dialect. `codes` are every code it may report: the registry rejects a
 * report of any other (so the registry can tell which check emits which code), and a check that
 * throws becomes an `internal-error` finding and a log line instead of hiding the others.
 */
export interface FileCheck<T = unknown> {
  /** Stable name for logs and the registry listing: 'ipsec-conf/keywords'. */
  id: string;
  codes: readonly FindingCode[];
  run(file: ParsedFile<T>, ctx: ParseContext, report: Report): void;
}

/** Produces quick fixes for a per-file finding of its code (when the check did not attach them). */
export interface FixProvider<T = unknown> {
  code: FindingCode;
  provide(finding: Finding, file: ParsedFile<T>, ctx: ParseContext): Fix[];
}

/** A pre-shared key an IPsec conn takes from a secrets file: its digest and its line, never the key. */
export interface PskMatch {
  digest: string;
  uri: string;
  /** The secret's line, for related information (never its text). */
  range: Range;
}

/**
 * What a secrets dialect (ipsec.secrets, swanctl `secrets`, NetworkManager vpn-secrets) offers the
 * peer analysis, so the service never reads a dialect's tree: the key the daemon would use for a
 * pair of IDs.
 */
export interface SecretSource<T = unknown> {
  pskFor(file: ParsedFile<T>, localId: string, remoteId: string): PskMatch | undefined;
}

export interface Dialect<T = unknown> {
  id: LanguageId;
  /** Human name for messages and the manifest. */
  name: string;
  /** True when this dialect claims a file by its path (and, for ambiguous names, its first lines). */
  matches(path: string, head: string): boolean;
  /** The codes parse() itself may report: the parser's own (`syntax-error`, …). Validation belongs in `checks`. */
  parseCodes: readonly FindingCode[];
  /**
   * `previous` (optional) is this dialect's ParsedFile of an earlier version of the same uri: a
   * dialect may reuse what the edit did not touch, but the result must equal a parse from scratch.
   */
  parse(doc: TextDocument, ctx: ParseContext, previous?: ParsedFile<T>): ParsedFile<T>;
  /**
   * What became of every line of the file (see core/lines.ts): the model read it, it is outside
   * the model by a named rule, it is blank or a comment — or nothing did (LineUse.unread), which
   * is allowed only where a finding reports the line. Computed on demand, never on a keystroke.
   */
  lineUse(file: ParsedFile<T>): Uint8Array;
  hover?(file: ParsedFile<T>, pos: Position, ctx: ParseContext): HoverResult | undefined;
  complete?(file: ParsedFile<T>, pos: Position, ctx: ParseContext): CompletionEntry[];
}

export interface DialectModule<T = unknown> extends Dialect<T> {
  checks?: readonly FileCheck<T>[];
  fixes?: readonly FixProvider<T>[];
  /** Present on dialects that hold pre-shared keys. */
  secrets?: SecretSource<T>;
  /**
   * Every secret value the file holds (PSKs, passwords, private keys, communities), read through
   * the dialect's table of secret slots: the redaction at the output edges masks each of them in
   * whatever leaves the process (core/redact.ts). A GRE key is not a secret.
   */
  secretValues?(file: ParsedFile<T>): string[];
}

/** A dialect of the registry, whatever its tree. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDialect = DialectModule<any>;
