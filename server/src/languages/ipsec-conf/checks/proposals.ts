// ike= / esp= / ah= (phase2alg=) strings as the daemon's proposal parser reads them
// (docs/reference/ipsec-conf-proposals.md §2, §4): invalid-value for what `ipsec algparse` would
// reject or warn about, weak-algorithm for each weak transform the proposals use.
import { Code } from '../../../core/codes';
import type { FileCheck, Report } from '../../../core/types';
import { transformInfo, type TransformType } from '../../../model/algorithms';
import { ownConns, type IpsecConfTree } from '../analysis';
import { ikeVersionOf } from '../endpoint';
import { parseProposals, type ProposalKind } from '../../shared/proposals';
import type { Resolved } from '../resolve';
import type { Entry } from '../tree';
import type { Target } from '../version';
import { reportOnce, q } from './support';

/** The proposal keys by their spelling; Libreswan folds case, strongSwan does not. */
const PROPOSAL_KEYS: Record<string, ProposalKind> = { ike: 'ike', esp: 'esp', phase2alg: 'esp', ah: 'ah' };

const TRUE_WORDS = ['y', 'yes', 'true', 'on'];

export const proposalsCheck: FileCheck<IpsecConfTree> = {
  id: 'ipsec-conf/proposals',
  codes: [Code.invalidValue, Code.weakAlgorithm],
  run(file, _ctx, report) {
    const { target: t, resolved } = file.tree;
    const once = reportOnce(report);
    for (const s of ownConns(file.tree)) {
      const r = s.name === '%default' ? undefined : resolved.get(s);
      for (const e of s.entries) {
        const key = t.daemon === 'libreswan' ? e.key.toLowerCase() : e.key;
        const kind = Object.hasOwn(PROPOSAL_KEYS, key) ? PROPOSAL_KEYS[key] : undefined;
        if (kind && e.value !== '') checkProposal(e, kind, r, t, once);
      }
    }
  },
};

function checkProposal(e: Entry, written: ProposalKind, r: Resolved | undefined, t: Target, report: Report): void {
  // A proposal is read in its conn: the IKE version, pfs= and phase2= decide how (IKEv2 and PFS outside a conn).
  let kind = written;
  let ikeVersion: 1 | 2 = 2;
  let pfs = true;
  if (r) {
    const v = ikeVersionOf(r, t);
    ikeVersion = v.v.value === 1 || v.initiates?.value === 1 ? 1 : 2;
    const pe = r.fields.get('pfs');
    pfs = !pe || TRUE_WORDS.includes(pe.value.toLowerCase());
    if (kind === 'esp' && r.fields.get('phase2')?.value.toLowerCase() === 'ah') kind = 'ah';
  }
  const res = parseProposals(kind, e.value, t, { ikeVersion, pfs });
  const range = e.valueRange;
  for (const err of res.errors) report({ code: Code.invalidValue, severity: 'error', message: `${q(e.key)}=${q(e.value)}: ${err}${t.daemon === 'libreswan' ? ' (ipsec algparse would reject it; pluto refuses the conn)' : ''}`, range });
  for (const w of res.warnings) report({ code: Code.invalidValue, severity: 'warning', message: `${q(e.key)}=${q(e.value)}: ${q(w)}`, range });
  const weak = new Set<string>();
  for (const p of res.proposals) {
    const parts: [TransformType, string[]][] = [['encr', p.encr], ['integ', p.integ], ['prf', p.prf], ['dh', p.dh]];
    for (const [type, names] of parts)
      for (const n of names) {
        const info = transformInfo(type, n);
        if (info?.weak && !weak.has(n)) {
          weak.add(n);
          report({ code: Code.weakAlgorithm, severity: 'warning', message: `${q(e.key)}= uses ${q(n)}: ${info.weak}`, range });
        }
      }
  }
}
