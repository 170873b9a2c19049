// ike-proposal-mismatch / esp-proposal-mismatch: no common proposal after canonicalization, each
// side's version defaults included. A strongSwan side without `!` also accepts its daemon defaults
// (the dialect appends them to the list it reports).
import type { Endpoint, Proposal, Valued } from '../../core/endpoint';
import { firstMatch, proposalsText } from '../../model/negotiation';
import type { PeerCheck } from '../peerTypes';
import { because, describe, placeOf, reportBoth } from './util';
import { Code } from '../../core/codes';

function proposalCheck(kind: 'ike' | 'esp'): PeerCheck {
  const code = kind === 'ike' ? Code.ikeProposalMismatch : Code.espProposalMismatch;
  const label = kind === 'ike' ? 'IKE' : 'ESP';
  const get = (e: Endpoint): Valued<Proposal[]> | undefined => e.ipsec?.[kind];
  return {
    id: `peer/${code}`,
    codes: [code],
    run({ a, b }, _ctx, report) {
      const pa = get(a);
      const pb = get(b);
      if (!pa || !pb || pa.value.length === 0 || pb.value.length === 0) return;
      if (firstMatch(pa.value, pb.value, kind) || firstMatch(pb.value, pa.value, kind)) return;
      const offer = (e: Endpoint, p: Valued<Proposal[]>) => `${describe(e)} offers ${proposalsText(p.value, kind)} (${because(p)})`;
      reportBoth(
        code,
        report,
        { message: `No ${label} proposal of ${a.name} is one ${b.name} accepts: the ${kind === 'ike' ? 'IKE SA' : 'child SA'} is refused (NO_PROPOSAL_CHOSEN).`, detail: `${offer(a, pa)}; ${offer(b, pb)}.`, place: placeOf(a, 'ipsec', pa), relatedMessage: `${offer(a, pa)}.` },
        { message: `No ${label} proposal of ${b.name} is one ${a.name} accepts: the ${kind === 'ike' ? 'IKE SA' : 'child SA'} is refused (NO_PROPOSAL_CHOSEN).`, detail: `${offer(b, pb)}; ${offer(a, pa)}.`, place: placeOf(b, 'ipsec', pb), relatedMessage: `${offer(b, pb)}.` },
      );
    },
  };
}

export const ikeProposalMismatch = proposalCheck('ike');
export const espProposalMismatch = proposalCheck('esp');
