// strongSwan's proposal syntax: every separator is '-', the algorithm type comes from the name, and
// a trailing `!` makes the list strict (docs/reference/ipsec-conf-proposals.md §4).
import { quoteValue as q } from '../../../core/redact';
import { PRF_TO_INTEG, strongswanToken } from './algorithms';
import { isAead, proposal, type ProposalKind, type ProposalResult } from './types';

export function parseStrongswan(s: string, kind: ProposalKind): ProposalResult {
  const res: ProposalResult = { proposals: [], errors: [], warnings: [], strict: false };
  let body = s.trim();
  if (body.endsWith('!')) {
    res.strict = true;
    body = body.slice(0, -1);
  }
  for (const one of body.split(',')) {
    const pr = proposal([], [], [], []);
    for (const tok of one.trim().split('-')) {
      const r = strongswanToken(tok);
      if (!r) {
        res.errors.push(`algorithm '${q(tok)}' not recognized in ${kind}= proposal '${q(one)}'`);
        continue;
      }
      if (r.type === 'esn') continue;
      (pr[r.type] as string[]).push(r.name);
    }
    if (kind === 'ike' && pr.prf.length === 0) {
      pr.prf = pr.integ.map((x) => Object.entries(PRF_TO_INTEG).find(([, v]) => v === x)?.[0] ?? x);
    }
    if (pr.encr.length && isAead(pr.encr[0]) && kind === 'esp' && pr.integ.length === 0) pr.integ = ['NONE'];
    res.proposals.push(pr);
  }
  if (res.errors.length) res.proposals = [];
  return res;
}
