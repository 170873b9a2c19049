// ike= / esp= / ah= (phase2alg=) strings -> canonical Proposal[]: Libreswan's syntax validated the
// way `ipsec algparse` does, strongSwan's with its strict `!` (docs/reference/ipsec-conf-proposals.md).
import type { Proposal } from '../../../core/endpoint';
import type { ProposalTarget as Target } from './types';
import { parseLibreswan } from './libreswan';
import { parseStrongswan } from './strongswan';
import type { ProposalKind, ProposalOptions, ProposalResult } from './types';

export type { ProposalKind, ProposalOptions, ProposalResult, ProposalTarget } from './types';
export { defaultProposals } from './defaults';

export function parseProposals(kind: ProposalKind, s: string, t: Target, o: ProposalOptions): ProposalResult {
  if (t.daemon === 'strongswan') return parseStrongswan(s, kind);
  return parseLibreswan(s, kind, t, o);
}

/** algparse's printed form of one proposal (ENCR-PRF|INTEG-DH), for the oracle test and hovers. */
export function formatProposal(kind: ProposalKind, pr: Proposal): string {
  const parts: string[] = [];
  if (kind !== 'ah') parts.push(pr.encr.join('+'));
  const second = kind === 'ike' ? pr.prf : pr.integ;
  if (second.length) parts.push(second.join('+'));
  if (pr.dh.length) parts.push(pr.dh.join('+'));
  return parts.join('-');
}
