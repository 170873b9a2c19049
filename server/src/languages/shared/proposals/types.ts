// The shapes every proposal parser shares: what a parse returns, what it needs to know of the conn,
// and how one canonical Proposal is put together.
import type { Proposal } from '../../../core/endpoint';

export type ProposalKind = 'ike' | 'esp' | 'ah';

/** The daemon and version a proposal string is read for (the ipsec.conf dialect's Target is one). */
export interface ProposalTarget {
  daemon: 'libreswan' | 'strongswan';
  /** e.g. "4.10", "3.25", "5.9". */
  version: string;
  major: number;
  minor: number;
}

export interface ProposalResult {
  proposals: Proposal[];
  /** algparse-style messages that make the string invalid ("ESP integrity algorithm 'x' is not recognized"). */
  errors: string[];
  /** Accepted but worth saying ("ignoring ESP DH algorithm MODP2048 as PFS policy is disabled"). */
  warnings: string[];
  /** strongSwan: a trailing `!` (only these proposals). Libreswan is always strict. */
  strict: boolean;
}

export interface ProposalOptions {
  ikeVersion: 1 | 2;
  pfs: boolean;
}

/** The word algparse starts its messages with. */
export const PREFIX: Record<ProposalKind, string> = { ike: 'IKE', esp: 'ESP', ah: 'AH' };

export function proposal(encr: string[], integ: string[], prf: string[], dh: string[]): Proposal {
  return { encr, integ, prf, dh };
}

export function isAead(name: string | undefined): boolean {
  return !!name && /GCM|CCM|CHACHA|GMAC/.test(name);
}
