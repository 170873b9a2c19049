// The stable finding codes of DESIGN.md. Checks, fixes, tests and docs/checks.md match on these
// strings, so they never change once released.
export const PER_FILE_CODES = [
  'syntax-error',
  'unknown-keyword',
  'invalid-value',
  'duplicate-key',
  'undefined-reference',
  'unused-definition',
  'deprecated-option',
  'version-incompatible',
  'weak-algorithm',
  'config-ignored',
  'file-too-large',
] as const;

export const CROSS_PEER_CODES = [
  'peer-unpaired',
  'peer-address-mismatch',
  'outer-family-mismatch',
  'tunnel-encap-mismatch',
  'gre-key-mismatch',
  'ike-version-mismatch',
  'ike-proposal-mismatch',
  'esp-proposal-mismatch',
  'pfs-mismatch',
  'ipsec-mode-mismatch',
  'traffic-selector-mismatch',
  'auth-method-mismatch',
  'psk-mismatch',
  'lifetime-mismatch',
  'encaplimit-transport-interop',
  'mtu-exceeds-path',
  'mtu-mismatch',
] as const;

export type PerFileCode = (typeof PER_FILE_CODES)[number];
export type CrossPeerCode = (typeof CROSS_PEER_CODES)[number];
export type FindingCode = PerFileCode | CrossPeerCode;

export const ALL_CODES: readonly FindingCode[] = [...PER_FILE_CODES, ...CROSS_PEER_CODES];
