// strongSwan proposal strings (`proposals`, `esp_proposals`, `ah_proposals`) to canonical
// transforms, and the default proposals of each release (docs/reference/swanctl-conf.md §4, the
// keywords in docs/reference/strongswan-proposal-keywords.tsv). One list item is one proposal:
// keywords joined by `-` (case-sensitive, blanks trimmed, empty pieces skipped), or `default`
// (any case). No `!`: swanctl appends nothing to a written list, so the list is exactly what is
// written, `default` standing for the default proposals where it appears.
import type { Proposal } from '../../core/endpoint';
import { transformInfo } from '../../model/algorithms';
import { compareVersions } from '../../core/versions';
import type { Target } from './version';

export type ProposalKind = 'ike' | 'esp' | 'ah';
type KwKind = 'encr' | 'integ' | 'prf' | 'ke' | 'esn';

export interface Keyword {
  word: string;
  kind: KwKind;
  /** Canonical name as model/algorithms.ts spells it (docs/reference/strongswan-proposal-keywords.tsv). */
  name: string;
  since?: string;
  until?: string;
}

const KW: Keyword[] = [];
const add = (kind: KwKind, list: string, opts: { since?: string; until?: string } = {}) => {
  for (const pair of list.trim().split(/\s+/)) {
    const [word, name] = pair.split('=');
    KW.push({ word, kind, name, ...opts });
  }
};

add('encr', 'null=NULL des=DES_CBC 3des=3DES_CBC aes=AES_CBC_128 aes128=AES_CBC_128 aes192=AES_CBC_192 aes256=AES_CBC_256 aes128ctr=AES_CTR_128 aes192ctr=AES_CTR_192 aes256ctr=AES_CTR_256');
// The AEAD families: <cipher><bits>ccm|gcm<ICV in octets or bits> (aes128gcm16 = aes128gcm128).
for (const cipher of ['aes', 'camellia'])
  for (const mode of cipher === 'aes' ? ['ccm', 'gcm'] : ['ccm'])
    for (const bits of [128, 192, 256])
      for (const [icv, alias] of [[8, 64], [12, 96], [16, 128]])
        for (const suffix of [icv, alias]) KW.push({ word: `${cipher}${bits}${mode}${suffix}`, kind: 'encr', name: `${cipher.toUpperCase()}_${mode.toUpperCase()}_${icv}_${bits}` });
add('encr', 'aes128gmac=NULL_AUTH_AES_GMAC_128 aes192gmac=NULL_AUTH_AES_GMAC_192 aes256gmac=NULL_AUTH_AES_GMAC_256 blowfish=BLOWFISH_CBC_128 blowfish128=BLOWFISH_CBC_128 blowfish192=BLOWFISH_CBC_192 blowfish256=BLOWFISH_CBC_256');
add('encr', 'camellia=CAMELLIA_CBC_128 camellia128=CAMELLIA_CBC_128 camellia192=CAMELLIA_CBC_192 camellia256=CAMELLIA_CBC_256 camellia128ctr=CAMELLIA_CTR_128 camellia192ctr=CAMELLIA_CTR_192 camellia256ctr=CAMELLIA_CTR_256');
add('encr', 'cast128=CAST_CBC_128 serpent=SERPENT_CBC_128 serpent128=SERPENT_CBC_128 serpent192=SERPENT_CBC_192 serpent256=SERPENT_CBC_256 twofish=TWOFISH_CBC_128 twofish128=TWOFISH_CBC_128 twofish192=TWOFISH_CBC_192 twofish256=TWOFISH_CBC_256');
add('encr', 'chacha20poly1305=CHACHA20_POLY1305', { since: '5.3.3' });
add('encr', 'chacha20poly1305compat=CHACHA20_POLY1305', { since: '5.6.3' });
add('encr', 'aes128ccm=AES_CCM_16_128 aes192ccm=AES_CCM_16_192 aes256ccm=AES_CCM_16_256 aes128gcm=AES_GCM_16_128 aes192gcm=AES_GCM_16_192 aes256gcm=AES_GCM_16_256', { since: '5.9.2' });
add('integ', 'sha=HMAC_SHA1_96 sha1=HMAC_SHA1_96 sha1_160=HMAC_SHA1_160 sha256=HMAC_SHA2_256_128 sha2_256=HMAC_SHA2_256_128 sha256_96=HMAC_SHA2_256_96 sha2_256_96=HMAC_SHA2_256_96');
add('integ', 'sha384=HMAC_SHA2_384_192 sha2_384=HMAC_SHA2_384_192 sha512=HMAC_SHA2_512_256 sha2_512=HMAC_SHA2_512_256 md5=HMAC_MD5_96 md5_128=HMAC_MD5_128 aesxcbc=AES_XCBC_96 camelliaxcbc=CAMELLIA_XCBC_96 aescmac=AES_CMAC_96');
add('prf', 'prfsha1=HMAC_SHA1 prfsha256=HMAC_SHA2_256 prfsha384=HMAC_SHA2_384 prfsha512=HMAC_SHA2_512 prfmd5=HMAC_MD5 prfaesxcbc=AES_XCBC prfcamelliaxcbc=CAMELLIA_XCBC prfaescmac=AES_CMAC', { since: '5.0.2' });
add('ke', 'modpnull=MODP_NULL modp768=MODP768 modp1024=MODP1024 modp1536=MODP1536 modp2048=MODP2048 modp3072=MODP3072 modp4096=MODP4096 modp6144=MODP6144 modp8192=MODP8192');
add('ke', 'ecp192=DH25 ecp224=DH26 ecp256=DH19 ecp384=DH20 ecp521=DH21 modp1024s160=DH22 modp2048s224=DH23 modp2048s256=DH24');
add('ke', 'ecp224bp=DH27 ecp256bp=DH28 ecp384bp=DH29 ecp512bp=DH30', { since: '5.1.1' });
add('ke', 'ntru112=NTRU_112 ntru128=NTRU_128 ntru192=NTRU_192 ntru256=NTRU_256', { since: '5.1.2', until: '6.0.0' });
add('ke', 'modpnone=NONE', { since: '5.5.0' });
add('ke', 'newhope128=NEWHOPE_128', { since: '5.5.1', until: '6.0.0' });
add('ke', 'curve25519=DH31 x25519=DH31', { since: '5.5.2' });
add('ke', 'curve448=DH32 x448=DH32', { since: '5.8.0' });
add('ke', 'none=NONE', { since: '5.9.7' });
add('ke', 'gost256=DH33 gost512=DH34 mlkem512=ML_KEM_512 mlkem768=ML_KEM_768 mlkem1024=ML_KEM_1024', { since: '6.0.0' });
add('esn', 'noesn=NO_ESN esn=ESN');

export const KEYWORDS: readonly Keyword[] = KW;
const BY_WORD = new Map(KW.map((k) => [k.word, k]));

/** Additional key exchanges of RFC 9370, `ke1_` … `ke7_` (key_exchange.c, 6.0.0). */
const ADDKE = /^ke([1-7])_(.+)$/;
const ADDKE_SINCE = '6.0.0';

/** Weak transforms the algorithm registry does not list (RFC 8247 MUST NOT / SHOULD NOT). */
const WEAK_LOCAL: Readonly<Record<string, string>> = {
  HMAC_MD5_128: 'MD5 is deprecated',
  MODP_NULL: 'MODP_NULL is a test group without any key exchange',
  DH22: 'DH group 22 (1024-bit MODP) is too small',
  DH25: 'DH group 25 (192-bit ECP) is too small',
};

/** PRF derived from an integrity keyword when an IKE proposal names no `prf…` (proposal.c integ_prf_map). */
const INTEG_TO_PRF: Readonly<Record<string, string>> = {
  HMAC_SHA1_96: 'HMAC_SHA1',
  HMAC_SHA2_256_128: 'HMAC_SHA2_256',
  HMAC_SHA2_384_192: 'HMAC_SHA2_384',
  HMAC_SHA2_512_256: 'HMAC_SHA2_512',
  HMAC_MD5_96: 'HMAC_MD5',
  AES_XCBC_96: 'AES_XCBC',
  CAMELLIA_XCBC_96: 'CAMELLIA_XCBC',
  AES_CMAC_96: 'AES_CMAC',
};

export const isAeadName = (name: string) => /GCM|CCM|CHACHA|GMAC/.test(name);

export interface ProposalProblem {
  code: 'invalid' | 'version' | 'weak';
  message: string;
  /** The keyword it is about (its offset in the item), when one. */
  word?: { text: string; offset: number };
}

export interface ParsedProposal {
  proposal?: Proposal;
  problems: ProposalProblem[];
}

/** The `-` pieces of one proposal, as enumerator_create_token(algs, "-", " ") yields them. */
function pieces(item: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  const re = /[^-]+/g;
  for (let m = re.exec(item); m; m = re.exec(item)) {
    const lead = m[0].length - m[0].trimStart().length;
    const t = m[0].trim();
    if (t) out.push({ text: t, offset: m.index + lead });
  }
  return out;
}

/** One proposal string (not `default`) for the target, as proposal_create_from_string and check_proposal judge it. */
export function parseProposal(item: string, kind: ProposalKind, t: Target): ParsedProposal {
  const problems: ProposalProblem[] = [];
  const p: Proposal = { encr: [], integ: [], prf: [], dh: [] };
  const ws = pieces(item);
  if (ws.length === 0) return { problems: [{ code: 'invalid', message: 'an empty proposal' }] };
  for (const w of ws) {
    if (w.text.includes('!')) {
      problems.push({ code: 'invalid', message: `\`!\` is not part of swanctl's proposal syntax (a swanctl list is always exactly what is written)`, word: w });
      continue;
    }
    const add = ADDKE.exec(w.text);
    if (add) {
      const inner = BY_WORD.get(add[2]);
      if (!inner || inner.kind !== 'ke') {
        problems.push({ code: 'invalid', message: `'${w.text}': '${add[2]}' is not a key exchange keyword`, word: w });
      } else if (compareVersions(t.version, ADDKE_SINCE) < 0) {
        problems.push({ code: 'version', message: `'${w.text}' (an additional key exchange, RFC 9370) is new in strongSwan ${ADDKE_SINCE}`, word: w });
      } else if (!versionOk(inner, t)) {
        problems.push({ code: 'version', message: versionMessage(inner, t), word: w });
      }
      continue;
    }
    const k = BY_WORD.get(w.text);
    if (!k) {
      const lower = BY_WORD.get(w.text.toLowerCase());
      problems.push({ code: 'invalid', message: `algorithm '${w.text}' not recognized${lower ? ` (keywords are case-sensitive: '${lower.word}')` : ''}`, word: w });
      continue;
    }
    if (!versionOk(k, t)) {
      problems.push({ code: 'version', message: versionMessage(k, t), word: w });
      continue;
    }
    if (k.kind === 'esn') continue;
    const weak = weakness(k);
    if (weak) problems.push({ code: 'weak', message: `${k.word}: ${weak}`, word: w });
    const list = k.kind === 'ke' ? p.dh : p[k.kind];
    if (!list.includes(k.name)) list.push(k.name);
  }
  if (problems.some((x) => x.code !== 'weak')) return { problems };
  const rule = check(p, kind);
  if (rule) return { problems: [...problems, { code: 'invalid', message: rule }] };
  return { proposal: p, problems };
}

function versionOk(k: Keyword, t: Target): boolean {
  return (!k.since || compareVersions(t.version, k.since) >= 0) && (!k.until || compareVersions(t.version, k.until) < 0);
}

function versionMessage(k: Keyword, t: Target): string {
  if (k.until && compareVersions(t.version, k.until) >= 0) return `'${k.word}' was removed in strongSwan ${k.until}`;
  return `'${k.word}' is new in strongSwan ${k.since}`;
}

function weakness(k: Keyword): string | undefined {
  const type = k.kind === 'ke' ? 'dh' : k.kind === 'esn' ? undefined : k.kind;
  return (type && transformInfo(type, k.name)?.weak) || WEAK_LOCAL[k.name];
}

/** check_proposal (proposal.c): what each kind must and must not hold; mutates p like charon does. */
function check(p: Proposal, kind: ProposalKind): string | undefined {
  if (kind === 'ike') {
    if (p.prf.length === 0) for (const i of p.integ) if (INTEG_TO_PRF[i] && !p.prf.includes(INTEG_TO_PRF[i])) p.prf.push(INTEG_TO_PRF[i]);
    if (p.prf.length === 0) return 'a PRF algorithm is mandatory in IKE proposals (an AEAD cipher needs an explicit prf…, e.g. aes128gcm16-prfsha256-ecp256)';
    // KE_NONE is dropped from IKE proposals.
    p.dh = p.dh.filter((d) => d !== 'NONE');
    if (p.dh.length === 0) return 'a DH group is mandatory in IKE proposals';
  } else {
    p.prf = [];
  }
  if (kind === 'ah') {
    // AES-GMAC is integrity in AH; any other cipher is dropped.
    const gmac = p.encr.filter((e) => e.startsWith('NULL_AUTH_AES_GMAC'));
    p.integ.push(...gmac.map((g) => `AES_${g.slice(-3)}_GMAC`));
    p.encr = [];
    if (p.integ.length === 0) return 'an integrity algorithm is mandatory in AH proposals';
    return undefined;
  }
  if (p.encr.length === 0) return `an encryption algorithm is mandatory in ${kind.toUpperCase()} proposals`;
  const aead = p.encr.filter(isAeadName).length;
  if (aead > 0 && aead < p.encr.length) return `classic and combined-mode (AEAD) encryption algorithms can't be contained in the same ${kind.toUpperCase()} proposal`;
  if (aead > 0) p.integ = [];
  else if (kind === 'ike' && p.integ.length === 0) return 'an integrity algorithm is mandatory in IKE proposals with classic (non-AEAD) encryption algorithms';
  return undefined;
}

// ---------------------------------------------------------------- defaults

const size3 = (family: string) => [128, 192, 256].map((b) => `${family}_${b}`);
/** Key exchanges of the default proposals, in Debian 12's plugin order (docs/reference/swanctl-conf.md §4). */
const DEFAULT_KE = ['DH31', 'DH32', 'DH19', 'DH20', 'DH21', 'DH28', 'DH29', 'DH30', 'MODP3072', 'MODP4096', 'MODP6144', 'MODP8192', 'MODP2048'];
const DEFAULT_PRF = ['HMAC_SHA2_256', 'HMAC_SHA2_384', 'HMAC_SHA2_512', 'AES_XCBC', 'AES_CMAC', 'HMAC_SHA1'];

const IKE_CLASSIC: Proposal = {
  encr: [...size3('AES_CBC'), ...size3('AES_CTR'), ...size3('CAMELLIA_CBC'), ...size3('CAMELLIA_CTR'), '3DES_CBC'],
  integ: ['HMAC_SHA2_256_128', 'HMAC_SHA2_384_192', 'HMAC_SHA2_512_256', 'AES_XCBC_96', 'AES_CMAC_96', 'HMAC_SHA1_96'],
  prf: DEFAULT_PRF,
  dh: DEFAULT_KE,
};
const IKE_AEAD: Proposal = {
  encr: [...size3('AES_CCM_16'), ...size3('AES_GCM_16'), 'CHACHA20_POLY1305', ...size3('AES_CCM_8'), ...size3('AES_CCM_12'), ...size3('AES_GCM_8'), ...size3('AES_GCM_12')],
  integ: [],
  prf: DEFAULT_PRF,
  dh: DEFAULT_KE,
};

/** From 6.0.2 the default ESP/AH proposals offer every supported KE method and then NONE (PFS optional). */
export const OPTIONAL_PFS_SINCE = '6.0.2';
/** 6.0.0 made `esp_proposals = default` list AEAD first, as the unset key always did. */
const DEFAULT_ORDER_SINCE = '6.0.0';

function espDefaults(t: Target): { aead: Proposal; classic: Proposal } {
  const ke = compareVersions(t.version, OPTIONAL_PFS_SINCE) >= 0 ? [...DEFAULT_KE, 'NONE'] : [];
  return {
    aead: { encr: size3('AES_GCM_16'), integ: [], prf: [], dh: [...ke] },
    classic: { encr: size3('AES_CBC'), integ: ['HMAC_SHA2_256_128', 'HMAC_SHA2_384_192', 'HMAC_SHA2_512_256', 'HMAC_SHA1_96', 'AES_XCBC_96'], prf: [], dh: [...ke] },
  };
}

const copy = (p: Proposal): Proposal => ({ encr: [...p.encr], integ: [...p.integ], prf: [...p.prf], dh: [...p.dh] });

/**
 * The default proposals: `written` says whether they stand for a written `default` item (5.9 then
 * lists ESP's classic proposal first) or for an absent key.
 */
export function defaultProposals(kind: ProposalKind, t: Target, written: boolean): Proposal[] {
  if (kind === 'ike') return [copy(IKE_CLASSIC), copy(IKE_AEAD)];
  if (kind === 'ah') {
    const ke = compareVersions(t.version, OPTIONAL_PFS_SINCE) >= 0 ? [...DEFAULT_KE, 'NONE'] : [];
    return [{ encr: [], integ: ['HMAC_SHA2_256_128', 'HMAC_SHA2_384_192', 'HMAC_SHA2_512_256', 'HMAC_SHA1_96', 'AES_XCBC_96'], prf: [], dh: ke }];
  }
  const d = espDefaults(t);
  if (written && compareVersions(t.version, DEFAULT_ORDER_SINCE) < 0) return [d.classic, d.aead];
  return [d.aead, d.classic];
}

export function defaultRule(kind: ProposalKind, t: Target): string {
  const key = kind === 'ike' ? 'proposals' : `${kind}_proposals`;
  const pfs = kind !== 'ike' ? (compareVersions(t.version, OPTIONAL_PFS_SINCE) >= 0 ? ', which offer every key exchange and then none (PFS optional)' : ', without a key exchange (no PFS)') : '';
  return `strongSwan ${t.version} default ${key}${pfs}`;
}
