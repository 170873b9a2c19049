// ike= / esp= / ah= (phase2alg=) strings -> canonical Proposal[], validated the way Libreswan's
// `ipsec algparse` does (4.10 lib/libswan/v2_proposals.c behaviour, observed with the oracle), and
// strongSwan's '-'-only syntax with its strict '!' suffix. Missing parts are filled from the
// version's defaults exactly as algparse prints them.
import type { Proposal } from '../../core/endpoint';
import { LSW_DH, LSW_ENCR, LSW_HASH, PRF_TO_INTEG, strongswanToken } from './algorithms';
import { atLeast, type Target } from './version';

export type ProposalKind = 'ike' | 'esp' | 'ah';

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

const PREFIX: Record<ProposalKind, string> = { ike: 'IKE', esp: 'ESP', ah: 'AH' };

// ---- defaults per version (ipsec-conf-proposals.md table; 4.10 rows observed with algparse) ----

const DH_4 = ['MODP2048', 'MODP3072', 'MODP4096', 'MODP8192', 'DH19', 'DH20', 'DH21', 'DH31'];
const DH_5 = ['DH19', 'DH20', 'DH21', 'DH31', 'MODP4096', 'MODP3072', 'MODP2048', 'MODP8192'];
const PRF_V2 = ['HMAC_SHA2_512', 'HMAC_SHA2_256'];
const PRF_V1 = ['HMAC_SHA2_256', 'HMAC_SHA2_512', 'HMAC_SHA1'];
const INTEG_V2 = ['HMAC_SHA2_512_256', 'HMAC_SHA2_256_128'];

function p(encr: string[], integ: string[], prf: string[], dh: string[]): Proposal {
  return { encr, integ, prf, dh };
}

function ikeIntegFor(encr: string[], prf: string[]): string[] {
  return isAead(encr[0]) ? [] : prf.map((x) => PRF_TO_INTEG[x] ?? x);
}

function isAead(name: string | undefined): boolean {
  return !!name && /GCM|CCM|CHACHA|GMAC/.test(name);
}

function defaultDh(t: Target, v: 1 | 2): string[] {
  if (t.major >= 5) return v === 1 ? ['MODP2048', 'MODP1536', 'DH19', 'DH31'] : DH_5;
  if (t.major >= 4) return v === 1 ? ['MODP2048', 'MODP1536'] : DH_4;
  return v === 1 ? ['MODP2048', 'MODP1536'] : ['MODP2048'];
}

/** IKEv1 (and 3.25) has no '+': every combination is its own proposal, DH outer, PRF inner. */
function expandV1(encr: string[], prfs: string[], dhs: string[]): Proposal[] {
  const out: Proposal[] = [];
  for (const e of encr) for (const d of dhs) for (const f of prfs) out.push(p([e], ikeIntegFor([e], [f]), [f], [d]));
  return out;
}

/** The proposals a version uses when the key is absent, with the rule text for the Origin. */
export function defaultProposals(kind: ProposalKind, t: Target, v: 1 | 2): { proposals: Proposal[]; rule: string } {
  const who = `${t.daemon === 'libreswan' ? 'Libreswan' : 'strongSwan'} ${t.version}${t.daemon === 'libreswan' ? ` IKEv${v}` : ''}`;
  const rule = `${who} default ${kind}=`;
  if (t.daemon === 'strongswan') {
    if (kind === 'ike') return { rule, proposals: [p(['AES_CBC_128'], ['HMAC_SHA2_256_128'], ['HMAC_SHA2_256'], ['MODP3072'])] };
    return { rule, proposals: [p(['AES_CBC_128'], ['HMAC_SHA2_256_128'], [], [])] };
  }
  if (kind === 'ah') return { rule, proposals: [p([], ['HMAC_SHA1_96'], [], [])] };
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

// ---- Libreswan ----

interface Tok {
  text: string;
  sep: '' | '-' | ';';
}

function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  let cur = '';
  let sep: Tok['sep'] = '';
  for (const ch of s) {
    if (ch === '-' || ch === ';') {
      out.push({ text: cur, sep });
      cur = '';
      sep = ch;
    } else cur += ch;
  }
  out.push({ text: cur, sep });
  return out;
}

function parseEncr(name: string, kind: ProposalKind, t: Target, nextKeyLen: string | undefined): { name?: string; error?: string; usedKeyLen?: boolean } {
  const P = PREFIX[kind];
  const lower = name.toLowerCase();
  const bad = (why: 'recognized' | 'supported') => ({ error: `${P} encryption algorithm '${name}' is not ${why}` });
  let row = LSW_ENCR[lower];
  let len: number | undefined;
  if (!row) {
    const m = /^(.*?)_?(\d+)$/.exec(lower);
    if (m && LSW_ENCR[m[1]]?.keyLens) {
      row = LSW_ENCR[m[1]];
      len = Number(m[2]);
    }
  }
  if (!row) return bad('recognized');
  if (row.unsupported && t.major >= 4) return bad('supported');
  if (row.espOnly && kind === 'ike') return bad('supported');
  let usedKeyLen = false;
  if (len === undefined && nextKeyLen !== undefined && row.keyLens) {
    len = Number(nextKeyLen);
    usedKeyLen = true;
  }
  if (len !== undefined) {
    if (!row.keyLens?.includes(len)) return { error: `${P} encryption algorithm '${name}' key length ${len} is not supported` };
    return { name: row.base === 'NULL_AUTH_AES_GMAC' ? row.base : `${row.base}_${len}`, usedKeyLen };
  }
  return { name: row.base, usedKeyLen };
}

function parseLibreswanOne(text: string, kind: ProposalKind, t: Target, o: ProposalOptions, res: ProposalResult): Proposal[] {
  const P = PREFIX[kind];
  const plusOk = t.major > 3 || (t.major === 3 && t.minor >= 28);
  const plusAllowed = plusOk && o.ikeVersion === 2;
  const toks = tokenize(text);
  let i = 0;
  const list = (tok: Tok, what: string): string[] | undefined => {
    const parts = tok.text.split('+');
    if (parts.length > 1 && !plusAllowed) {
      res.errors.push(`${P} ${what} algorithm '${tok.text}' is not recognized`);
      return undefined;
    }
    if (parts.some((x) => x === '')) {
      res.errors.push(`${P} ${what} algorithm '${tok.text}' is empty or malformed`);
      return undefined;
    }
    return parts;
  };
  let encr: string[] = [];
  if (kind !== 'ah') {
    const names = list(toks[i], 'encryption');
    if (!names) return [];
    const next = toks[i + 1];
    const keyLen = next && next.sep === '-' && /^\d+$/.test(next.text) ? next.text : undefined;
    let used = false;
    for (let k = 0; k < names.length; k++) {
      const r = parseEncr(names[k], kind, t, k === names.length - 1 ? keyLen : undefined);
      if (r.error) {
        res.errors.push(r.error);
        return [];
      }
      encr.push(r.name!);
      used ||= !!r.usedKeyLen;
    }
    i += used ? 2 : 1;
    const aeads = encr.filter(isAead).length;
    if (aeads > 0 && aeads < encr.length) {
      res.errors.push(`AEAD and non-AEAD ${P} encryption algorithm cannot be combined`);
      return [];
    }
  }
  // second element: PRF (IKE) or integrity (ESP/AH), unless introduced by ';' (then it is the DH)
  let hash: string[] | undefined;
  if (i < toks.length && (toks[i].sep === '-' || (kind === 'ah' && i === 0))) {
    const what = kind === 'ike' ? 'PRF' : 'integrity';
    const names = list(toks[i], what);
    if (!names) return [];
    hash = [];
    for (const n of names) {
      const row = LSW_HASH[n.toLowerCase()];
      const canon = kind === 'ike' ? row?.prf : row?.integ;
      if (!canon) {
        res.errors.push(`${P} ${what} algorithm '${n}' is not ${row ? 'supported' : 'recognized'}`);
        return [];
      }
      hash.push(canon);
    }
    i++;
  }
  let dh: string[] | undefined;
  if (i < toks.length) {
    const names = list(toks[i], 'DH');
    if (!names) return [];
    dh = [];
    for (const n of names) {
      const row = LSW_DH[n.toLowerCase()];
      if (!row || (row.name === 'NONE' && kind === 'ike')) {
        res.errors.push(`${P} DH algorithm '${n}' is not recognized`);
        return [];
      }
      if (row.unsupported && t.major >= 4) {
        res.errors.push(`${P} DH algorithm '${n}' is not supported`);
        return [];
      }
      dh.push(row.name);
    }
    i++;
  }
  if (i < toks.length) {
    res.errors.push(`${P} proposal '${text}' has unexpected '${toks.slice(i).map((x) => x.sep + x.text).join('')}'`);
    return [];
  }
  if (kind === 'ike') {
    const v1 = o.ikeVersion === 1 || t.major < 4;
    const prfs = hash ?? (v1 ? PRF_V1 : PRF_V2);
    const dhs = dh ?? defaultDh(t, o.ikeVersion);
    if (v1) return expandV1(encr, prfs, dhs);
    return [p(encr, ikeIntegFor(encr, prfs), prfs, dhs)];
  }
  // ESP / AH
  let integ = hash;
  if (kind === 'esp') {
    const aead = isAead(encr[0]);
    if (!integ) integ = aead ? ['NONE'] : o.ikeVersion === 1 || t.major < 4 ? ['HMAC_SHA1_96'] : INTEG_V2;
    if (aead && integ.some((x) => x !== 'NONE')) {
      res.errors.push(`AEAD ${P} encryption algorithm ${encr[0]} must have 'NONE' as the integrity algorithm`);
      return [];
    }
    if (!aead && integ.includes('NONE')) {
      res.errors.push(`non-AEAD ${P} encryption algorithm ${encr[0]} cannot have 'NONE' as the integrity algorithm`);
      return [];
    }
  } else if (integ!.includes('NONE')) {
    res.errors.push(`${P} integrity algorithm 'none' is not supported`);
    return [];
  }
  let pfsDh = dh ?? [];
  if (pfsDh.length && !o.pfs && pfsDh.every((x) => x === 'NONE')) pfsDh = [];
  if (pfsDh.length && !o.pfs) {
    if (t.major < 4) {
      res.errors.push(`${P} DH algorithm ${pfsDh[0]} is invalid as PFS policy is disabled`);
      return [];
    }
    res.warnings.push(`ignoring ${P} DH algorithm ${pfsDh[0]} as PFS policy is disabled`);
    pfsDh = [];
  }
  if (o.ikeVersion === 1 && kind === 'esp' && encr.length === 1 && integ!.length > 1) {
    return integ!.map((x) => p(encr, [x], [], pfsDh));
  }
  return [p(encr, integ!, [], pfsDh)];
}

function parseLibreswan(s: string, kind: ProposalKind, t: Target, o: ProposalOptions): ProposalResult {
  const res: ProposalResult = { proposals: [], errors: [], warnings: [], strict: true };
  if (s.trim() === '') {
    res.errors.push(`${PREFIX[kind]} proposal is empty`);
    return res;
  }
  for (const one of s.split(',')) {
    if (one === '') {
      res.errors.push(`${PREFIX[kind]} proposal is empty`);
      continue;
    }
    res.proposals.push(...parseLibreswanOne(one, kind, t, o, res));
    if (res.errors.length) break; // algparse stops at the first bad proposal
  }
  if (res.errors.length) res.proposals = [];
  return res;
}

// ---- strongSwan ----

function parseStrongswan(s: string, kind: ProposalKind): ProposalResult {
  const res: ProposalResult = { proposals: [], errors: [], warnings: [], strict: false };
  let body = s.trim();
  if (body.endsWith('!')) {
    res.strict = true;
    body = body.slice(0, -1);
  }
  for (const one of body.split(',')) {
    const pr = p([], [], [], []);
    for (const tok of one.trim().split('-')) {
      const r = strongswanToken(tok);
      if (!r) {
        res.errors.push(`algorithm '${tok}' not recognized in ${kind}= proposal '${one}'`);
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

export { atLeast };
