// What two peers would negotiate, computed on canonical transforms. IKEv2 proposals carry several
// transforms of one type (`aes+aes256-sha1-modp2048+dh19`); two proposals match when every
// transform type has a common member. IKEv1 proposals are single suites, a special case.
import type { Proposal } from '../core/endpoint';
import { transformInfo, transformsAgree, type TransformType } from './algorithms';

export interface ProposalMatch {
  a: Proposal;
  b: Proposal;
  /** The transforms both would pick, one per type. */
  chosen: { encr?: string; integ?: string; prf?: string; dh?: string };
}

function common(type: TransformType, xs: string[], ys: string[]): string | undefined {
  for (const x of xs) for (const y of ys) if (transformsAgree(type, x, y)) return transformInfo(type, x)?.keyBits ? x : y;
  return undefined;
}

const isAead = (p: Proposal) => p.encr.length > 0 && p.encr.every((e) => transformInfo('encr', e)?.aead);
/** No integrity transform: AEAD ciphers, or an explicit NONE. */
const noInteg = (p: Proposal) => p.integ.length === 0 || (p.integ.length === 1 && p.integ[0] === 'NONE');

/**
 * The first proposal pair (in A's order, as an initiator offers) that both accept.
 * `withDh`: compare key-exchange groups too (IKE proposals; ESP only when PFS is compared).
 */
export function firstMatch(as: Proposal[], bs: Proposal[], kind: 'ike' | 'esp', withDh = kind === 'ike'): ProposalMatch | undefined {
  for (const a of as) {
    for (const b of bs) {
      const encr = common('encr', a.encr, b.encr);
      if (!encr) continue;
      let integ: string | undefined;
      if (!(isAead(a) && isAead(b))) {
        if (noInteg(a) !== noInteg(b)) continue;
        if (!noInteg(a)) {
          integ = common('integ', a.integ, b.integ);
          if (!integ) continue;
        }
      }
      let prf: string | undefined;
      if (kind === 'ike' && a.prf.length && b.prf.length) {
        prf = common('prf', a.prf, b.prf);
        if (!prf) continue;
      }
      let dh: string | undefined;
      if (withDh && a.dh.length && b.dh.length) {
        dh = common('dh', a.dh, b.dh);
        if (!dh) continue;
      }
      return { a, b, chosen: { encr, integ, prf, dh } };
    }
  }
  return undefined;
}

/** `AES_CBC_128-HMAC_SHA1_96-MODP2048` style text, as algparse prints one proposal. */
export function proposalText(p: Proposal, kind: 'ike' | 'esp'): string {
  const parts = [p.encr, kind === 'ike' ? (p.prf.length ? p.prf : p.integ) : p.integ, p.dh].filter((x) => x.length > 0);
  return parts.map((x) => x.join('+')).join('-');
}

export function proposalsText(ps: Proposal[], kind: 'ike' | 'esp', max = 4): string {
  const shown = ps.slice(0, max).map((p) => proposalText(p, kind));
  return shown.join(', ') + (ps.length > max ? ` and ${ps.length - max} more` : '');
}
