// The one table of finding codes (docs/checks.md documents each). Each code's scope, default severity, title
// and docs anchor live here and nowhere else: dialect parsers, file checks, peer checks and the
// codec's packet notes all name a code through `Code.<name>`, the registry checks that every
// emitter declares the codes it reports, and test/unit/codes.test.ts holds docs/checks.md, this
// table and the registry to the same set. Codes are a public contract (JSON, SARIF rule ids, LSP
// diagnostic codes, quick fixes): they never change once released.
//
// Severity follows consequence: the tunnel cannot come up = error; it comes up and then fails =
// warning; a cost or a risk = info; style = hint. An emitter may report another severity where the
// consequence differs (an ifcfg user variable is only a hint; a strongSwan unknown key is non-fatal),
// and the user may override any code with the `tunnelLens.severity` setting.
//
// This file is imported by the codec and the webview too: it must stay free of imports.

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Where a code is reported: one file, a pair of peers, a decoded packet, or Tunnel Lens itself. */
export type CodeScope = 'file' | 'peer' | 'packet' | 'internal';

export interface CodeInfo {
  scope: CodeScope;
  severity: Severity;
  title: string;
  /** Also a packet note (the founding case is both a config finding and a note on a capture). */
  alsoPacket?: boolean;
}

const TABLE = {
  // Per file.
  'syntax-error': { scope: 'file', severity: 'error', title: 'The file does not parse' },
  'unknown-keyword': { scope: 'file', severity: 'error', title: 'Unknown keyword' },
  'invalid-value': { scope: 'file', severity: 'error', title: 'Invalid value' },
  'duplicate-key': { scope: 'file', severity: 'error', title: 'Key set twice' },
  'undefined-reference': { scope: 'file', severity: 'error', title: 'Reference to something not defined' },
  'unused-definition': { scope: 'file', severity: 'hint', title: 'Defined but never used' },
  'deprecated-option': { scope: 'file', severity: 'warning', title: 'Deprecated option' },
  'version-incompatible': { scope: 'file', severity: 'error', title: 'Not supported by the target version' },
  'weak-algorithm': { scope: 'file', severity: 'warning', title: 'Weak algorithm' },
  'config-ignored': { scope: 'file', severity: 'error', title: 'The daemon ignores this configuration' },
  'file-too-large': { scope: 'file', severity: 'warning', title: 'File not analysed: over the size limit' },
  'file-unreadable': { scope: 'file', severity: 'warning', title: 'File not read: not a regular file, no permission, or outside the workspace' },
  // Across peers.
  'peer-unpaired': { scope: 'peer', severity: 'info', title: 'No peer found for this tunnel' },
  'peer-address-mismatch': { scope: 'peer', severity: 'error', title: 'Peer addresses do not correspond' },
  'outer-family-mismatch': { scope: 'peer', severity: 'error', title: 'Outer address families differ' },
  'tunnel-encap-mismatch': { scope: 'peer', severity: 'error', title: 'Tunnel encapsulations differ' },
  'gre-key-mismatch': { scope: 'peer', severity: 'error', title: 'GRE keys differ' },
  'ike-version-mismatch': { scope: 'peer', severity: 'error', title: 'IKE versions differ' },
  'ike-proposal-mismatch': { scope: 'peer', severity: 'error', title: 'No common IKE proposal' },
  'esp-proposal-mismatch': { scope: 'peer', severity: 'error', title: 'No common ESP proposal' },
  'pfs-mismatch': { scope: 'peer', severity: 'warning', title: 'PFS settings differ' },
  'ipsec-mode-mismatch': { scope: 'peer', severity: 'error', title: 'Transport and tunnel mode differ' },
  'traffic-selector-mismatch': { scope: 'peer', severity: 'error', title: 'Traffic selectors differ' },
  'auth-method-mismatch': { scope: 'peer', severity: 'error', title: 'Authentication methods differ' },
  'psk-mismatch': { scope: 'peer', severity: 'error', title: 'Pre-shared keys differ' },
  'lifetime-mismatch': { scope: 'peer', severity: 'info', title: 'Lifetimes differ' },
  'encaplimit-transport-interop': {
    scope: 'peer',
    severity: 'error',
    title: 'Destination Options header in front of transport-mode ESP',
    alsoPacket: true,
  },
  'mtu-exceeds-path': { scope: 'peer', severity: 'warning', title: 'Tunnel MTU larger than the path allows' },
  'mtu-mismatch': { scope: 'peer', severity: 'warning', title: 'Tunnel MTUs differ between peers' },
  'protection-mismatch': { scope: 'peer', severity: 'error', title: 'One end protects the tunnel with IPsec, the other does not' },
  'pairing-ambiguous': { scope: 'peer', severity: 'warning', title: 'Several configs match this tunnel end' },
  // On a decoded packet (tunnel-lens decode, the preview).
  'bad-checksum': { scope: 'packet', severity: 'warning', title: 'A checksum does not verify' },
  'icv-bad': { scope: 'packet', severity: 'error', title: 'The ESP integrity check value does not verify' },
  'esp-padding': { scope: 'packet', severity: 'info', title: 'ESP padding is not the default sequence' },
  'malformed-option': { scope: 'packet', severity: 'warning', title: 'A malformed IPv6 option' },
  // Tunnel Lens itself.
  'internal-error': { scope: 'internal', severity: 'error', title: 'Tunnel Lens failed on this file' },
} as const satisfies Record<string, CodeInfo>;

export type FindingCode = keyof typeof TABLE;

export const CODE_TABLE: Readonly<Record<FindingCode, CodeInfo>> = TABLE;

/** Every code, in table order (SARIF rules, docs order). */
export const ALL_CODES = Object.keys(TABLE) as FindingCode[];

type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** `Code.invalidValue` is 'invalid-value': emitters name codes through this, never by a string. */
export const Code = Object.freeze(Object.fromEntries(ALL_CODES.map((c) => [camel(c), c]))) as { readonly [K in FindingCode as Camel<K>]: K };

export function codeInfo(code: FindingCode): CodeInfo {
  return TABLE[code];
}

export function isFindingCode(s: string): s is FindingCode {
  return Object.prototype.hasOwnProperty.call(TABLE, s);
}

/** Codes reported on config files (per file or across peers): what the settings and SARIF list. */
export function isConfigCode(code: FindingCode): boolean {
  const s = TABLE[code].scope as CodeScope;
  return s === 'file' || s === 'peer' || s === 'internal';
}

/** The docs/checks.md section of a code (GitHub's heading anchor is the code itself). */
export function docsAnchor(code: FindingCode): string {
  return `docs/checks.md#${code}`;
}

export const DOCS_BASE_URL = 'https://github.com/tunnel-lens/tunnel-lens/blob/main/';
