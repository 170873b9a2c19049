import type { Endpoint } from '../core/endpoint';
import type { FindingCode } from '../core/codes';
import type { Fix, RelatedInfo, Settings, Severity } from '../core/types';
import type { Range } from 'vscode-languageserver-types';

/** Two endpoints that are believed to be the two ends of one tunnel. */
export interface PeerPair {
  a: Endpoint;
  b: Endpoint;
  /**
   * How they were paired: both addresses correspond; only A's remote is B's local ('address-half',
   * which peer-address-mismatch reports); or the tunnel-lens.json pairing file.
   */
  pairedBy: 'address' | 'address-half' | 'pairing-file';
}

export interface PeerFinding {
  code: FindingCode;
  severity?: Severity;
  /** One sentence: what fails and what to do (see Finding). */
  message: string;
  detail?: string;
  uri: string;
  range: Range;
  related: RelatedInfo[];
  fixes?: Fix[];
}

export interface PeerCheckContext {
  settings: Settings;
  /** True when at least one pair was found: unpaired endpoints are then worth a word. */
  workspaceHasPairs: boolean;
}

/** A rule over one pair; it reports on either side (usually the line that causes it). */
export interface PeerCheck {
  /** Stable name for logs and the registry: 'peer/mtu-mismatch'. */
  id: string;
  /** Every code it may report (the registry refuses any other). */
  codes: readonly FindingCode[];
  run(pair: PeerPair, ctx: PeerCheckContext, report: (f: PeerFinding) => void): void;
  /** For rules that also apply to an endpoint with no peer in the workspace. */
  runUnpaired?(endpoint: Endpoint, ctx: PeerCheckContext, report: (f: PeerFinding) => void): void;
}
