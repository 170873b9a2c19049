// What a cross-peer fix builder may look at: the current text of any file (open or on disk), and
// the settings. Fixes are computed after the checks, from the finding and the endpoints it is about.
import type { Endpoint } from '../core/endpoint';
import type { FindingCode } from '../core/codes';
import type { Fix, Settings } from '../core/types';
import type { PeerFinding } from '../checks/peerTypes';

export interface FixContext {
  text(uri: string): string | undefined;
  settings: Settings;
}

/** The endpoint a finding stands on, and its peer (absent for an unpaired endpoint). */
export interface PeerSubject {
  me: Endpoint;
  peer?: Endpoint;
}

export interface PeerFixProvider {
  code: FindingCode;
  provide(finding: PeerFinding, subject: PeerSubject, ctx: FixContext): Fix[];
}
