// The one table of Cisco IOS algorithm words: transform-set transforms, ISAKMP and IKEv2 proposal
// values and DH group numbers, each with the canonical name of model/algorithms.ts. Validation,
// endpoints, completion (cisco-ios), the CLI's `--enc esp-aes 256` and the quick fixes that write
// `set pfs groupN` all read it, so the words one accepts are the words the others offer
// (test/unit/cisco-ios-transforms.test.ts holds them to that). It lives in the model, not in the
// dialect, because fixes/ and cli/ may import the model but no dialect. The word lists and their
// confidence are in docs/reference/ios-grammar.md §3–§6.
import { DH_GROUP_NUMBERS } from './algorithms';

export type IosTransformKind = 'encr' | 'integ' | 'ah' | 'comp';

export interface IosTransform {
  kind: IosTransformKind;
  /** Canonical name (ESP encryption and integrity; AH and compression have none). */
  canonical?: string;
  /** Canonical name per key length, when a length may follow (`esp-aes 256`); the bare word is the first. */
  byLength?: Readonly<Record<string, string>>;
  /**
   * Accepted but not offered: `show crypto ipsec transform-set` prints `esp-256-aes`, the running
   * configuration writes `esp-aes 256` (docs/reference/ios-grammar.md §5.1).
   */
  showOnly?: true;
}

const AES_CBC = { '128': 'AES_CBC_128', '192': 'AES_CBC_192', '256': 'AES_CBC_256' } as const;
const AES_GCM = { '128': 'AES_GCM_16_128', '192': 'AES_GCM_16_192', '256': 'AES_GCM_16_256' } as const;
const AES_GMAC = { '128': 'NULL_AUTH_AES_GMAC', '192': 'NULL_AUTH_AES_GMAC', '256': 'NULL_AUTH_AES_GMAC' } as const;

/** `crypto ipsec transform-set NAME <transforms>` (docs/reference/ios-grammar.md §5.1). */
export const IOS_TRANSFORMS: Readonly<Record<string, IosTransform>> = {
  'esp-aes': { kind: 'encr', canonical: 'AES_CBC_128', byLength: AES_CBC },
  'esp-192-aes': { kind: 'encr', canonical: 'AES_CBC_192', showOnly: true },
  'esp-256-aes': { kind: 'encr', canonical: 'AES_CBC_256', showOnly: true },
  'esp-gcm': { kind: 'encr', canonical: 'AES_GCM_16_128', byLength: AES_GCM },
  'esp-gmac': { kind: 'encr', canonical: 'NULL_AUTH_AES_GMAC', byLength: AES_GMAC },
  'esp-3des': { kind: 'encr', canonical: '3DES_CBC' },
  'esp-des': { kind: 'encr', canonical: 'DES_CBC' },
  'esp-null': { kind: 'encr', canonical: 'NULL' },
  // SEAL (a software stream cipher of old IOS) has no IANA transform id and no registry entry.
  'esp-seal': { kind: 'encr', canonical: 'SEAL' },
  'esp-md5-hmac': { kind: 'integ', canonical: 'HMAC_MD5_96' },
  'esp-sha-hmac': { kind: 'integ', canonical: 'HMAC_SHA1_96' },
  'esp-sha256-hmac': { kind: 'integ', canonical: 'HMAC_SHA2_256_128' },
  'esp-sha384-hmac': { kind: 'integ', canonical: 'HMAC_SHA2_384_192' },
  'esp-sha512-hmac': { kind: 'integ', canonical: 'HMAC_SHA2_512_256' },
  'ah-md5-hmac': { kind: 'ah' },
  'ah-sha-hmac': { kind: 'ah' },
  'ah-sha256-hmac': { kind: 'ah' },
  'ah-sha384-hmac': { kind: 'ah' },
  'ah-sha512-hmac': { kind: 'ah' },
  'comp-lzs': { kind: 'comp' },
};

/** The key lengths a transform word takes (`esp-aes 128|192|256`), none for the others. */
export function keyLengthsOf(t: IosTransform): readonly string[] {
  return t.byLength ? Object.keys(t.byLength) : [];
}

/** The transform words completion offers (every accepted one but the show-output spellings). */
export const OFFERED_TRANSFORMS: readonly string[] = Object.keys(IOS_TRANSFORMS).filter((w) => !IOS_TRANSFORMS[w].showOnly);

/** The canonical name of a transform word and an optional key length (`esp-aes`, `256`), if any. */
export function transformCanonical(word: string, keyLength?: string): string | undefined {
  const t = IOS_TRANSFORMS[word.toLowerCase()];
  if (!t) return undefined;
  if (keyLength !== undefined) return t.byLength?.[keyLength];
  return t.canonical;
}

/**
 * An IOS transform as one may type it on a command line: `esp-aes 256`, `esp-aes-256`,
 * `ESP_AES 256`, `esp-sha256-hmac`. Returns its kind and canonical name, or undefined.
 */
export function iosTransformByName(text: string): { kind: IosTransformKind; canonical: string } | undefined {
  const s = text.trim().toLowerCase().replace(/[\s_]+/g, ' ');
  const m = /^(.+?)(?:[ -](\d+))?$/.exec(s);
  if (!m) return undefined;
  for (const [word, len] of [[s.replace(/ /g, '-'), undefined], [m[1].replace(/ /g, '-'), m[2]]] as const) {
    const t = IOS_TRANSFORMS[word];
    const canonical = t && transformCanonical(word, len);
    if (t && canonical) return { kind: t.kind, canonical };
  }
  return undefined;
}

/** A correction for a common misspelling of a transform (`esp-aes-128` → `esp-aes 128`), if one is known. */
export function suggestTransform(word: string): string | undefined {
  const w = word.toLowerCase();
  const m = /^(esp-(?:aes|gcm|gmac))-?(128|192|256)$/.exec(w);
  if (m) return `${m[1]} ${m[2]}`;
  const m2 = /^esp-aes-?(128|192|256)-?(sha|sha1|md5)/.exec(w);
  if (m2) return `esp-aes ${m2[1]} esp-${m2[2] === 'md5' ? 'md5' : 'sha'}-hmac`;
  return MISSPELLED[w];
}

const MISSPELLED: Readonly<Record<string, string>> = {
  'esp-sha1-hmac': 'esp-sha-hmac',
  'esp-sha-1-hmac': 'esp-sha-hmac',
  'esp-sha2-256-hmac': 'esp-sha256-hmac',
  'esp-aes128': 'esp-aes 128',
  'esp-aes256': 'esp-aes 256',
};

/** A hash as IOS spells it in each place: ISAKMP `hash`, IKEv2 `integrity` and `prf` (docs/reference/ios-grammar.md §3.1, §4.1). */
interface IkeHash {
  /** `crypto isakmp policy` → `hash`. */
  isakmp: string;
  /** `crypto ikev2 proposal` → `integrity` / `prf`. */
  ikev2: string;
  integ: string;
  prf: string;
}

const IKE_HASHES: readonly IkeHash[] = [
  { isakmp: 'sha', ikev2: 'sha1', integ: 'HMAC_SHA1_96', prf: 'HMAC_SHA1' },
  { isakmp: 'sha256', ikev2: 'sha256', integ: 'HMAC_SHA2_256_128', prf: 'HMAC_SHA2_256' },
  { isakmp: 'sha384', ikev2: 'sha384', integ: 'HMAC_SHA2_384_192', prf: 'HMAC_SHA2_384' },
  { isakmp: 'sha512', ikev2: 'sha512', integ: 'HMAC_SHA2_512_256', prf: 'HMAC_SHA2_512' },
  { isakmp: 'md5', ikev2: 'md5', integ: 'HMAC_MD5_96', prf: 'HMAC_MD5' },
];

/** The ISAKMP `hash` words. */
export const ISAKMP_HASH_WORDS: readonly string[] = IKE_HASHES.map((h) => h.isakmp);
/** The IKEv2 `integrity` and `prf` words. */
export const IKEV2_HASH_WORDS: readonly string[] = IKE_HASHES.map((h) => h.ikev2);

/**
 * The integrity transform and PRF of a hash word. With a context only that context's spelling
 * counts (validation: ISAKMP says `sha`, IKEv2 `sha1`); without one either spelling is read, as
 * the endpoints read a policy whose wrong spelling validation already reports.
 */
export function ikeHash(word: string, context?: 'isakmp' | 'ikev2'): { integ: string; prf: string } | undefined {
  const w = word.toLowerCase();
  return IKE_HASHES.find((h) => (context ? h[context] === w : h.isakmp === w || h.ikev2 === w));
}

/** `crypto ikev2 proposal` → `encryption` (docs/reference/ios-grammar.md §4.1). */
export const IKEV2_ENCRYPTION: Readonly<Record<string, string>> = {
  'aes-cbc-128': 'AES_CBC_128',
  'aes-cbc-192': 'AES_CBC_192',
  'aes-cbc-256': 'AES_CBC_256',
  'aes-gcm-128': 'AES_GCM_16_128',
  'aes-gcm-192': 'AES_GCM_16_192',
  'aes-gcm-256': 'AES_GCM_16_256',
  '3des': '3DES_CBC',
  des: 'DES_CBC',
};

/** `crypto isakmp policy` → `encryption des|3des|aes [128|192|256]` (docs/reference/ios-grammar.md §3.1). */
const ISAKMP_ENCRYPTION: Readonly<Record<string, { canonical: string; byLength?: Readonly<Record<string, string>> }>> = {
  des: { canonical: 'DES_CBC' },
  '3des': { canonical: '3DES_CBC' },
  aes: { canonical: 'AES_CBC_128', byLength: AES_CBC },
};

/** The canonical cipher of an ISAKMP `encryption` line's words (`aes 256`), if they name one; DES and 3DES take no length. */
export function isakmpEncryption(words: readonly string[]): string | undefined {
  const [a, b] = words.map((w) => w.toLowerCase());
  const row = ISAKMP_ENCRYPTION[a];
  if (!row) return undefined;
  if (!row.byLength || b === undefined) return row.canonical;
  return row.byLength[b];
}

/** The ISAKMP `encryption` values as completion offers them (the bare word is the 128-bit one). */
export const ISAKMP_ENCRYPTION_VALUES: readonly string[] = Object.entries(ISAKMP_ENCRYPTION).flatMap(([w, row]) => [
  w,
  ...Object.keys(row.byLength ?? {}).filter((l) => row.byLength![l] !== row.canonical).map((l) => `${w} ${l}`),
]);

/**
 * IOS DH group numbers (`group 14`, `set pfs group14`) as the IOS lists give them
 * (docs/reference/ios-grammar.md §3.1, §6.1). Group 24 (2048-bit MODP with a 256-bit prime-order
 * subgroup, RFC 5114) has no entry in the shared registry; it keeps the non-registry name DH24.
 */
const IOS_DH_GROUPS: Readonly<Record<string, string>> = {
  '1': 'MODP768', '2': 'MODP1024', '5': 'MODP1536', '14': 'MODP2048', '15': 'MODP3072', '16': 'MODP4096',
  '19': 'DH19', '20': 'DH20', '21': 'DH21', '24': 'DH24',
};

/** The group numbers IOS lists, in its order: what completion offers and what fixes may write. */
export const IOS_DH_GROUP_NUMBERS: readonly string[] = Object.keys(IOS_DH_GROUPS).sort((a, b) => Number(a) - Number(b));

/**
 * The canonical group of an IOS group number. Beyond the IOS lists, any other number the registry
 * knows is accepted too (a superset, so a release with more groups is never rejected).
 */
export function iosDhGroup(n: string): string | undefined {
  if (!/^\d+$/.test(n)) return undefined;
  return IOS_DH_GROUPS[String(Number(n))] ?? DH_GROUP_NUMBERS[Number(n)];
}

/** The IOS group number of a canonical group, among the ones IOS lists (`MODP2048` → `14`). */
export function iosGroupNumber(canonical: string): string | undefined {
  return IOS_DH_GROUP_NUMBERS.find((n) => IOS_DH_GROUPS[n] === canonical);
}

/** `set pfs groupN` values. */
export const IOS_PFS_VALUES: readonly string[] = IOS_DH_GROUP_NUMBERS.map((n) => `group${n}`);
