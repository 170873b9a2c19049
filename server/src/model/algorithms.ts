// The one registry of canonical IPsec transforms. Names are the ones Libreswan's `ipsec algparse`
// prints, so the oracle's output can be compared directly. Each dialect maps its own spellings to
// these in its folder (languages/<id>/algorithms.ts); checks and the codec only see canonical names.

export type TransformType = 'encr' | 'integ' | 'prf' | 'dh';

export interface TransformInfo {
  name: string;
  type: TransformType;
  /** Why it is a weak-algorithm (docs/checks.md: DES, 3DES, MD5, NULL encryption, DH 1/2/5), if it is. */
  weak?: string;
  aead?: boolean;
  /** Key length in bits for ciphers with a fixed one. */
  keyBits?: number;
  /** For 'AES_CBC' without a length: matches any key length of the family. */
  family?: string;
}

const rows: TransformInfo[] = [
  // encryption
  { name: 'AES_CBC', type: 'encr', family: 'AES_CBC' },
  { name: 'AES_CBC_128', type: 'encr', family: 'AES_CBC', keyBits: 128 },
  { name: 'AES_CBC_192', type: 'encr', family: 'AES_CBC', keyBits: 192 },
  { name: 'AES_CBC_256', type: 'encr', family: 'AES_CBC', keyBits: 256 },
  { name: 'AES_CTR', type: 'encr', family: 'AES_CTR' },
  { name: 'AES_CTR_128', type: 'encr', family: 'AES_CTR', keyBits: 128 },
  { name: 'AES_CTR_192', type: 'encr', family: 'AES_CTR', keyBits: 192 },
  { name: 'AES_CTR_256', type: 'encr', family: 'AES_CTR', keyBits: 256 },
  ...(['8', '12', '16'] as const).flatMap((icv) => [
    { name: `AES_GCM_${icv}`, type: 'encr' as const, aead: true, family: `AES_GCM_${icv}` },
    { name: `AES_GCM_${icv}_128`, type: 'encr' as const, aead: true, family: `AES_GCM_${icv}`, keyBits: 128 },
    { name: `AES_GCM_${icv}_192`, type: 'encr' as const, aead: true, family: `AES_GCM_${icv}`, keyBits: 192 },
    { name: `AES_GCM_${icv}_256`, type: 'encr' as const, aead: true, family: `AES_GCM_${icv}`, keyBits: 256 },
    { name: `AES_CCM_${icv}`, type: 'encr' as const, aead: true, family: `AES_CCM_${icv}` },
    { name: `AES_CCM_${icv}_128`, type: 'encr' as const, aead: true, family: `AES_CCM_${icv}`, keyBits: 128 },
    { name: `AES_CCM_${icv}_192`, type: 'encr' as const, aead: true, family: `AES_CCM_${icv}`, keyBits: 192 },
    { name: `AES_CCM_${icv}_256`, type: 'encr' as const, aead: true, family: `AES_CCM_${icv}`, keyBits: 256 },
  ]),
  { name: 'CHACHA20_POLY1305', type: 'encr', aead: true, keyBits: 256 },
  { name: 'CAMELLIA_CBC', type: 'encr', family: 'CAMELLIA_CBC' },
  { name: 'CAMELLIA_CBC_128', type: 'encr', family: 'CAMELLIA_CBC', keyBits: 128 },
  { name: 'CAMELLIA_CBC_192', type: 'encr', family: 'CAMELLIA_CBC', keyBits: 192 },
  { name: 'CAMELLIA_CBC_256', type: 'encr', family: 'CAMELLIA_CBC', keyBits: 256 },
  { name: 'NULL_AUTH_AES_GMAC', type: 'encr', aead: true, weak: 'provides no confidentiality' },
  { name: '3DES_CBC', type: 'encr', keyBits: 192, weak: '3DES has a 64-bit block (Sweet32) and is deprecated' },
  { name: 'DES_CBC', type: 'encr', keyBits: 64, weak: 'DES is broken' },
  { name: 'NULL', type: 'encr', weak: 'NULL encryption sends the payload in clear' },
  // integrity (ESP and IKE)
  { name: 'HMAC_MD5_96', type: 'integ', weak: 'MD5 is deprecated' },
  { name: 'HMAC_SHA1_96', type: 'integ' },
  { name: 'HMAC_SHA2_256_96', type: 'integ' },
  { name: 'HMAC_SHA2_256_128', type: 'integ' },
  { name: 'HMAC_SHA2_384_192', type: 'integ' },
  { name: 'HMAC_SHA2_512_256', type: 'integ' },
  { name: 'AES_XCBC_96', type: 'integ' },
  { name: 'AES_CMAC_96', type: 'integ' },
  { name: 'NONE', type: 'integ' },
  // pseudo-random functions (IKE)
  { name: 'HMAC_MD5', type: 'prf', weak: 'MD5 is deprecated' },
  { name: 'HMAC_SHA1', type: 'prf' },
  { name: 'HMAC_SHA2_256', type: 'prf' },
  { name: 'HMAC_SHA2_384', type: 'prf' },
  { name: 'HMAC_SHA2_512', type: 'prf' },
  { name: 'AES_XCBC', type: 'prf' },
  { name: 'AES_CMAC', type: 'prf' },
  // key exchange
  { name: 'MODP768', type: 'dh', weak: 'DH group 1 (768-bit MODP) is broken' },
  { name: 'MODP1024', type: 'dh', weak: 'DH group 2 (1024-bit MODP) is too small' },
  { name: 'MODP1536', type: 'dh', weak: 'DH group 5 (1536-bit MODP) is too small' },
  { name: 'MODP2048', type: 'dh' },
  { name: 'MODP3072', type: 'dh' },
  { name: 'MODP4096', type: 'dh' },
  { name: 'MODP6144', type: 'dh' },
  { name: 'MODP8192', type: 'dh' },
  { name: 'DH19', type: 'dh' },
  { name: 'DH20', type: 'dh' },
  { name: 'DH21', type: 'dh' },
  { name: 'DH31', type: 'dh' },
  { name: 'DH32', type: 'dh' },
  { name: 'NONE', type: 'dh' },
];

const byKey = new Map<string, TransformInfo>(rows.map((r) => [`${r.type}:${r.name}`, r]));

export const TRANSFORMS: readonly TransformInfo[] = rows;

export function transformInfo(type: TransformType, name: string): TransformInfo | undefined {
  return byKey.get(`${type}:${name}`);
}

/** DH group numbers (RFC 7296 / IANA) to canonical names, for IOS `group 14` and `pfs group14`. */
export const DH_GROUP_NUMBERS: Readonly<Record<number, string>> = {
  1: 'MODP768',
  2: 'MODP1024',
  5: 'MODP1536',
  14: 'MODP2048',
  15: 'MODP3072',
  16: 'MODP4096',
  17: 'MODP6144',
  18: 'MODP8192',
  19: 'DH19',
  20: 'DH20',
  21: 'DH21',
  31: 'DH31',
  32: 'DH32',
};

/**
 * Two canonical names of one type agree when they are equal, or when one is a family without a
 * key length (Libreswan's `aes` = "any AES_CBC key length") and the other a member of it.
 */
export function transformsAgree(type: TransformType, a: string, b: string): boolean {
  if (a === b) return true;
  const ia = transformInfo(type, a);
  const ib = transformInfo(type, b);
  if (!ia || !ib || !ia.family || ia.family !== ib.family) return false;
  return ia.keyBits === undefined || ib.keyBits === undefined;
}
