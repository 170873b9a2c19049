// Libreswan's proposal syntax, validated the way 4.10's `ipsec algparse` does
// (lib/libswan/v2_proposals.c, observed with the oracle; docs/reference/ipsec-conf-proposals.md §2):
// ENCRYPT[-PRF|-INTEG][;DH], '+' for alternatives inside one proposal (IKEv2, 3.28+), and every
// part left out filled from the version's defaults.
import { quoteValue as q } from '../../../core/redact';
import type { Proposal } from '../../../core/endpoint';
import { atLeast } from '../../../core/versions';
import { LSW_DH, LSW_ENCR, LSW_HASH } from './algorithms';
import { defaultDh, expandV1, ikeIntegFor, INTEG_V2, PRF_V1, PRF_V2 } from './defaults';
import type { ProposalTarget as Target } from './types';
import { isAead, PREFIX, proposal as p, type ProposalKind, type ProposalOptions, type ProposalResult } from './types';

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
  const bad = (why: 'recognized' | 'supported') => ({ error: `${P} encryption algorithm '${q(name)}' is not ${why}` });
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
    if (!row.keyLens?.includes(len)) return { error: `${P} encryption algorithm '${q(name)}' key length ${q(String(len))} is not supported` };
    return { name: row.base === 'NULL_AUTH_AES_GMAC' ? row.base : `${row.base}_${len}`, usedKeyLen };
  }
  return { name: row.base, usedKeyLen };
}

function parseLibreswanOne(text: string, kind: ProposalKind, t: Target, o: ProposalOptions, res: ProposalResult): Proposal[] {
  const P = PREFIX[kind];
  const plusOk = atLeast(t.version, '3.28');
  const plusAllowed = plusOk && o.ikeVersion === 2;
  const toks = tokenize(text);
  let i = 0;
  const list = (tok: Tok, what: string): string[] | undefined => {
    const parts = tok.text.split('+');
    if (parts.length > 1 && !plusAllowed) {
      res.errors.push(`${P} ${what} algorithm '${q(tok.text)}' is not recognized`);
      return undefined;
    }
    if (parts.some((x) => x === '')) {
      res.errors.push(`${P} ${what} algorithm '${q(tok.text)}' is empty or malformed`);
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
        res.errors.push(`${P} ${what} algorithm '${q(n)}' is not ${row ? 'supported' : 'recognized'}`);
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
        res.errors.push(`${P} DH algorithm '${q(n)}' is not recognized`);
        return [];
      }
      if (row.unsupported && t.major >= 4) {
        res.errors.push(`${P} DH algorithm '${q(n)}' is not supported`);
        return [];
      }
      dh.push(row.name);
    }
    i++;
  }
  if (i < toks.length) {
    res.errors.push(`${P} proposal '${q(text)}' has unexpected '${q(toks.slice(i).map((x) => x.sep + x.text).join(''))}'`);
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

export function parseLibreswan(s: string, kind: ProposalKind, t: Target, o: ProposalOptions): ProposalResult {
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
