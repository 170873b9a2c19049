// IOS spellings of IKE and ESP transforms mapped to the canonical names of model/algorithms.ts.
// Sources: ios-grammar.md §2.1–2.8 (Batfish grammar, Cisco YANG via terraform-provider-iosxe).
import { DH_GROUP_NUMBERS } from '../../model/algorithms';

/**
 * IOS DH group number to canonical name. Group 24 (2048-bit MODP with a 256-bit prime-order
 * subgroup, RFC 5114) has no entry in the shared registry; it keeps the non-registry name DH24.
 */
export function iosDhGroup(n: string): string | undefined {
  if (!/^\d+$/.test(n)) return undefined;
  const num = Number(n);
  if (num === 24) return 'DH24';
  return DH_GROUP_NUMBERS[num];
}

/** IKEv1 `encryption des|3des|aes [128|192|256]`. */
export function isakmpEncryption(words: readonly string[]): string | undefined {
  const [a, b] = words.map((w) => w.toLowerCase());
  if (a === 'des') return 'DES_CBC';
  if (a === '3des') return '3DES_CBC';
  if (a === 'aes') {
    if (b === undefined || b === '128') return 'AES_CBC_128';
    if (b === '192' || b === '256') return `AES_CBC_${b}`;
  }
  return undefined;
}

interface HashRow {
  integ: string;
  prf: string;
}

/** IKEv1 `hash` and IKEv2 `integrity`/`prf` values: the integrity transform and the PRF. */
export const IKE_HASHES: Readonly<Record<string, HashRow>> = {
  md5: { integ: 'HMAC_MD5_96', prf: 'HMAC_MD5' },
  sha: { integ: 'HMAC_SHA1_96', prf: 'HMAC_SHA1' },
  sha1: { integ: 'HMAC_SHA1_96', prf: 'HMAC_SHA1' },
  sha256: { integ: 'HMAC_SHA2_256_128', prf: 'HMAC_SHA2_256' },
  sha384: { integ: 'HMAC_SHA2_384_192', prf: 'HMAC_SHA2_384' },
  sha512: { integ: 'HMAC_SHA2_512_256', prf: 'HMAC_SHA2_512' },
};

/** IKEv2 proposal `encryption` values. */
export const IKEV2_ENCRYPTION: Readonly<Record<string, string>> = {
  des: 'DES_CBC',
  '3des': '3DES_CBC',
  'aes-cbc-128': 'AES_CBC_128',
  'aes-cbc-192': 'AES_CBC_192',
  'aes-cbc-256': 'AES_CBC_256',
  'aes-gcm-128': 'AES_GCM_16_128',
  'aes-gcm-192': 'AES_GCM_16_192',
  'aes-gcm-256': 'AES_GCM_16_256',
};

export interface EspTransform {
  kind: 'encr' | 'integ' | 'ah' | 'comp';
  /** Canonical name (for ESP encryption and integrity). */
  canonical?: string;
  /** Whether a key length may follow (`esp-aes 256`). */
  keyLengths?: readonly string[];
  /** Canonical name per key length. */
  byLength?: Readonly<Record<string, string>>;
}

/** Transform-set transforms (BF-CRYPTO `ipsec_encryption`/`ipsec_authentication`, TF choices). */
export const ESP_TRANSFORMS: Readonly<Record<string, EspTransform>> = {
  'esp-aes': { kind: 'encr', canonical: 'AES_CBC_128', keyLengths: ['128', '192', '256'], byLength: { '128': 'AES_CBC_128', '192': 'AES_CBC_192', '256': 'AES_CBC_256' } },
  'esp-192-aes': { kind: 'encr', canonical: 'AES_CBC_192' },
  'esp-256-aes': { kind: 'encr', canonical: 'AES_CBC_256' },
  'esp-gcm': { kind: 'encr', canonical: 'AES_GCM_16_128', keyLengths: ['128', '192', '256'], byLength: { '128': 'AES_GCM_16_128', '192': 'AES_GCM_16_192', '256': 'AES_GCM_16_256' } },
  'esp-gmac': { kind: 'encr', canonical: 'NULL_AUTH_AES_GMAC', keyLengths: ['128', '192', '256'], byLength: { '128': 'NULL_AUTH_AES_GMAC', '192': 'NULL_AUTH_AES_GMAC', '256': 'NULL_AUTH_AES_GMAC' } },
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

/** A helpful correction for a common misspelling (`esp-aes-128` → `esp-aes 128`). */
export function suggestTransform(word: string): string | undefined {
  const w = word.toLowerCase();
  const m = /^(esp-(?:aes|gcm|gmac))-?(128|192|256)$/.exec(w);
  if (m) return `${m[1]} ${m[2]}`;
  const m2 = /^esp-aes-?(128|192|256)-?(sha|sha1|md5)/.exec(w);
  if (m2) return `esp-aes ${m2[1]} esp-${m2[2] === 'md5' ? 'md5' : 'sha'}-hmac`;
  if (w === 'esp-sha1-hmac' || w === 'esp-sha-1-hmac') return 'esp-sha-hmac';
  if (w === 'esp-sha2-256-hmac') return 'esp-sha256-hmac';
  if (w === 'esp-aes128') return 'esp-aes 128';
  if (w === 'esp-aes256') return 'esp-aes 256';
  return undefined;
}
