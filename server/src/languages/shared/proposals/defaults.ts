// The proposals each version uses when ike=/esp=/ah= is absent, and the parts a written proposal
// leaves out, exactly as `ipsec algparse` prints them (docs/reference/ipsec-conf-proposals.md §3;
// the 4.10 rows observed with algparse, the others read from the sources named there).
import type { Proposal } from '../../../core/endpoint';
import { PRF_TO_INTEG } from './algorithms';
import type { ProposalTarget as Target } from './types';
import { isAead, proposal, type ProposalKind } from './types';

const DH_4 = ['MODP2048', 'MODP3072', 'MODP4096', 'MODP8192', 'DH19', 'DH20', 'DH21', 'DH31'];
const DH_5 = ['DH19', 'DH20', 'DH21', 'DH31', 'MODP4096', 'MODP3072', 'MODP2048', 'MODP8192'];
export const PRF_V2 = ['HMAC_SHA2_512', 'HMAC_SHA2_256'];
export const PRF_V1 = ['HMAC_SHA2_256', 'HMAC_SHA2_512', 'HMAC_SHA1'];
export const INTEG_V2 = ['HMAC_SHA2_512_256', 'HMAC_SHA2_256_128'];

/** IKE integrity is the PRF's hash; AEAD has none. */
export function ikeIntegFor(encr: string[], prf: string[]): string[] {
  return isAead(encr[0]) ? [] : prf.map((x) => PRF_TO_INTEG[x] ?? x);
}

export function defaultDh(t: Target, v: 1 | 2): string[] {
  if (t.major >= 5) return v === 1 ? ['MODP2048', 'MODP1536', 'DH19', 'DH31'] : DH_5;
  if (t.major >= 4) return v === 1 ? ['MODP2048', 'MODP1536'] : DH_4;
  return v === 1 ? ['MODP2048', 'MODP1536'] : ['MODP2048'];
}

/**
 * Default AH integrity, one proposal each: 3.25 SHA1 only; 4.x IKEv2 SHA2_512, SHA2_256, SHA1
 * (observed with 4.10's algparse), IKEv1 SHA1; 5.x IKEv2 SHA2_512, SHA2_256 and IKEv1 SHA1, SHA2_512,
 * SHA2_256 (docs/reference/libreswan-keywords-5x.tsv, `ah`).
 */
export function defaultAh(t: Target, v: 1 | 2): string[] {
  if (t.major < 4) return ['HMAC_SHA1_96'];
  if (t.major < 5) return v === 1 ? ['HMAC_SHA1_96'] : ['HMAC_SHA2_512_256', 'HMAC_SHA2_256_128', 'HMAC_SHA1_96'];
  return v === 1 ? ['HMAC_SHA1_96', 'HMAC_SHA2_512_256', 'HMAC_SHA2_256_128'] : ['HMAC_SHA2_512_256', 'HMAC_SHA2_256_128'];
}

/** IKEv1 (and 3.25) has no '+': every combination is its own proposal, DH outer, PRF inner. */
export function expandV1(encr: string[], prfs: string[], dhs: string[]): Proposal[] {
  const out: Proposal[] = [];
  for (const e of encr) for (const d of dhs) for (const f of prfs) out.push(proposal([e], ikeIntegFor([e], [f]), [f], [d]));
  return out;
}

/** The proposals a version uses when the key is absent, with the rule text for the Origin. */
export function defaultProposals(kind: ProposalKind, t: Target, v: 1 | 2): { proposals: Proposal[]; rule: string } {
  const who = `${t.daemon === 'libreswan' ? 'Libreswan' : 'strongSwan'} ${t.version}${t.daemon === 'libreswan' ? ` IKEv${v}` : ''}`;
  const rule = `${who} default ${kind}=`;
  const p = proposal;
  if (t.daemon === 'strongswan') {
    if (kind === 'ike') return { rule, proposals: [p(['AES_CBC_128'], ['HMAC_SHA2_256_128'], ['HMAC_SHA2_256'], ['MODP3072'])] };
    return { rule, proposals: [p(['AES_CBC_128'], ['HMAC_SHA2_256_128'], [], [])] };
  }
  if (kind === 'ah') return { rule, proposals: defaultAh(t, v).map((i) => p([], [i], [], [])) };
  if (t.major < 4) {
    if (kind === 'esp') return { rule, proposals: [p(['AES_CBC'], ['HMAC_SHA1_96'], [], [])] };
    return { rule, proposals: expandV1(['AES_CBC', '3DES_CBC'], PRF_V1, v === 1 ? ['MODP2048', 'MODP1536'] : ['MODP2048']) };
  }
  const five = t.major >= 5;
  if (kind === 'ike') {
    if (v === 1) return { rule, proposals: expandV1(['AES_CBC', '3DES_CBC'], PRF_V1, defaultDh(t, 1)) };
    const encs = five
      ? ['AES_GCM_16_256', 'AES_GCM_16_128', 'CHACHA20_POLY1305', 'AES_CBC_256', 'AES_CBC_128']
      : ['AES_GCM_16_256', 'AES_GCM_16_128', 'AES_CBC_256', 'AES_CBC_128'];
    return { rule, proposals: encs.map((e) => p([e], ikeIntegFor([e], PRF_V2), PRF_V2, defaultDh(t, 2))) };
  }
  if (v === 1 && !five) return { rule, proposals: [p(['AES_CBC'], ['HMAC_SHA1_96'], [], [])] };
  if (v === 1) {
    const integ = ['HMAC_SHA1_96', 'HMAC_SHA2_512_256', 'HMAC_SHA2_256_128'];
    return {
      rule,
      proposals: [
        ...integ.map((i) => p(['AES_CBC'], [i], [], [])),
        p(['AES_GCM_16_128'], ['NONE'], [], []),
        p(['AES_GCM_16_256'], ['NONE'], [], []),
        ...integ.map((i) => p(['3DES_CBC'], [i], [], [])),
      ],
    };
  }
  const aeads = five ? ['AES_GCM_16_256', 'AES_GCM_16_128', 'CHACHA20_POLY1305'] : ['AES_GCM_16_256', 'AES_GCM_16_128'];
  return {
    rule,
    proposals: [...aeads.map((e) => p([e], ['NONE'], [], [])), p(['AES_CBC_256'], INTEG_V2, [], []), p(['AES_CBC_128'], INTEG_V2, [], [])],
  };
}
