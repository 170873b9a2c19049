// Libreswan and strongSwan algorithm spellings -> canonical names of model/algorithms.ts. Data only.
// Libreswan rows were checked against Debian's Libreswan 4.10 `ipsec algparse` (test/oracle/
// libreswan-oracle.test.ts; docs/reference/ipsec-conf-proposals.md §2): 'unsupported' rows are names
// algparse knows but rejects ("is not supported"), everything absent is "is not recognized".

/** An encryption algorithm: canonical family name (without key length). */
export interface EncrRow {
  /** Canonical name when no key length is given (family, or the fixed-size name). */
  base: string;
  /** Key lengths that may be appended (aes128, aes_256, aes-192). */
  keyLens?: number[];
  aead?: boolean;
  /** Not allowed in ike= (Libreswan: ESP-only ciphers). */
  espOnly?: boolean;
  /** Known but compiled out of Libreswan 4.x ("is not supported"). */
  unsupported?: boolean;
}

const AES_LENS = [128, 192, 256];

/** Libreswan encryption names (case-insensitive). */
export const LSW_ENCR: Record<string, EncrRow> = {
  aes: { base: 'AES_CBC', keyLens: AES_LENS },
  aes_cbc: { base: 'AES_CBC', keyLens: AES_LENS },
  aes_ctr: { base: 'AES_CTR', keyLens: AES_LENS },
  aesctr: { base: 'AES_CTR', keyLens: AES_LENS },
  aes_gcm: { base: 'AES_GCM_16', keyLens: AES_LENS, aead: true },
  aes_gcm_c: { base: 'AES_GCM_16', keyLens: AES_LENS, aead: true },
  aes_gcm16: { base: 'AES_GCM_16', keyLens: AES_LENS, aead: true },
  aes_gcm_b: { base: 'AES_GCM_12', keyLens: AES_LENS, aead: true },
  aes_gcm12: { base: 'AES_GCM_12', keyLens: AES_LENS, aead: true },
  aes_gcm_a: { base: 'AES_GCM_8', keyLens: AES_LENS, aead: true },
  aes_gcm8: { base: 'AES_GCM_8', keyLens: AES_LENS, aead: true },
  aes_ccm: { base: 'AES_CCM_16', keyLens: AES_LENS, aead: true, espOnly: true },
  aes_ccm_c: { base: 'AES_CCM_16', keyLens: AES_LENS, aead: true, espOnly: true },
  aes_ccm_b: { base: 'AES_CCM_12', keyLens: AES_LENS, aead: true, espOnly: true },
  aes_ccm_a: { base: 'AES_CCM_8', keyLens: AES_LENS, aead: true, espOnly: true },
  '3des': { base: '3DES_CBC' },
  '3des_cbc': { base: '3DES_CBC' },
  camellia: { base: 'CAMELLIA_CBC', keyLens: AES_LENS },
  camellia_cbc: { base: 'CAMELLIA_CBC', keyLens: AES_LENS },
  chacha20_poly1305: { base: 'CHACHA20_POLY1305', aead: true },
  chacha20poly1305: { base: 'CHACHA20_POLY1305', aead: true },
  null: { base: 'NULL', espOnly: true },
  null_auth_aes_gmac: { base: 'NULL_AUTH_AES_GMAC', aead: true, espOnly: true, keyLens: AES_LENS },
  des: { base: 'DES_CBC', unsupported: true },
  '1des': { base: 'DES_CBC', unsupported: true },
  blowfish: { base: 'BLOWFISH', unsupported: true },
};

/** Libreswan hash names -> ESP/AH integrity and IKE PRF canonical names. */
export const LSW_HASH: Record<string, { integ: string; prf?: string; ikeOnly?: boolean }> = {
  md5: { integ: 'HMAC_MD5_96', prf: 'HMAC_MD5' },
  sha: { integ: 'HMAC_SHA1_96', prf: 'HMAC_SHA1' },
  sha1: { integ: 'HMAC_SHA1_96', prf: 'HMAC_SHA1' },
  sha2: { integ: 'HMAC_SHA2_256_128', prf: 'HMAC_SHA2_256' },
  sha256: { integ: 'HMAC_SHA2_256_128', prf: 'HMAC_SHA2_256' },
  sha2_256: { integ: 'HMAC_SHA2_256_128', prf: 'HMAC_SHA2_256' },
  sha384: { integ: 'HMAC_SHA2_384_192', prf: 'HMAC_SHA2_384' },
  sha2_384: { integ: 'HMAC_SHA2_384_192', prf: 'HMAC_SHA2_384' },
  sha512: { integ: 'HMAC_SHA2_512_256', prf: 'HMAC_SHA2_512' },
  sha2_512: { integ: 'HMAC_SHA2_512_256', prf: 'HMAC_SHA2_512' },
  aes_xcbc: { integ: 'AES_XCBC_96', prf: 'AES_XCBC' },
  aes_xcbc_96: { integ: 'AES_XCBC_96', prf: 'AES_XCBC' },
  aes_cmac: { integ: 'AES_CMAC_96' },
  aes_cmac_96: { integ: 'AES_CMAC_96' },
  none: { integ: 'NONE' },
  null: { integ: 'NONE' },
};

/** IKE integrity that goes with a PRF (IKE uses the same hash for both). */
export const PRF_TO_INTEG: Record<string, string> = {
  HMAC_MD5: 'HMAC_MD5_96',
  HMAC_SHA1: 'HMAC_SHA1_96',
  HMAC_SHA2_256: 'HMAC_SHA2_256_128',
  HMAC_SHA2_384: 'HMAC_SHA2_384_192',
  HMAC_SHA2_512: 'HMAC_SHA2_512_256',
  AES_XCBC: 'AES_XCBC_96',
};

/** Libreswan DH names; `unsupported` = compiled out in 4.x (modp768, modp1024). */
export const LSW_DH: Record<string, { name: string; unsupported?: boolean }> = {
  modp768: { name: 'MODP768', unsupported: true },
  dh1: { name: 'MODP768', unsupported: true },
  modp1024: { name: 'MODP1024', unsupported: true },
  dh2: { name: 'MODP1024', unsupported: true },
  modp1536: { name: 'MODP1536' },
  dh5: { name: 'MODP1536' },
  modp2048: { name: 'MODP2048' },
  dh14: { name: 'MODP2048' },
  modp3072: { name: 'MODP3072' },
  dh15: { name: 'MODP3072' },
  modp4096: { name: 'MODP4096' },
  dh16: { name: 'MODP4096' },
  modp6144: { name: 'MODP6144' },
  dh17: { name: 'MODP6144' },
  modp8192: { name: 'MODP8192' },
  dh18: { name: 'MODP8192' },
  ecp256: { name: 'DH19' },
  ecp_256: { name: 'DH19' },
  dh19: { name: 'DH19' },
  ecp384: { name: 'DH20' },
  ecp_384: { name: 'DH20' },
  dh20: { name: 'DH20' },
  ecp521: { name: 'DH21' },
  ecp_521: { name: 'DH21' },
  dh21: { name: 'DH21' },
  curve25519: { name: 'DH31' },
  dh31: { name: 'DH31' },
  dh22: { name: 'DH22', unsupported: true },
  dh23: { name: 'DH23', unsupported: true },
  dh24: { name: 'DH24', unsupported: true },
  none: { name: 'NONE' },
};

// ---- strongSwan (proposal_keywords_static.txt spellings; every separator is '-'; docs/reference/ipsec-conf-proposals.md §4) ----

export type SsType = 'encr' | 'integ' | 'prf' | 'dh' | 'esn';

/** Looks up one strongSwan proposal token; undefined when strongSwan would not know it. */
export function strongswanToken(raw: string): { type: SsType; name: string } | undefined {
  const t = raw.toLowerCase();
  const enc = /^(aes|camellia)(128|192|256)?(ctr|gcm(8|12|16|64|96|128)|ccm(8|12|16|64|96|128))?$/.exec(t);
  if (enc) {
    const fam = enc[1] === 'aes' ? 'AES' : 'CAMELLIA';
    const len = enc[2] ?? '128';
    const mode = enc[3] ?? '';
    if (mode === '') return { type: 'encr', name: `${fam}_CBC_${len}` };
    if (mode === 'ctr') return { type: 'encr', name: `${fam}_CTR_${len}` };
    const icvBits: Record<string, string> = { '8': '8', '64': '8', '12': '12', '96': '12', '16': '16', '128': '16' };
    const icv = icvBits[enc[4] ?? enc[5] ?? '16'];
    return { type: 'encr', name: `${fam}_${mode.startsWith('gcm') ? 'GCM' : 'CCM'}_${icv}_${len}` };
  }
  const fixed: Record<string, { type: SsType; name: string }> = {
    '3des': { type: 'encr', name: '3DES_CBC' },
    des: { type: 'encr', name: 'DES_CBC' },
    null: { type: 'encr', name: 'NULL' },
    chacha20poly1305: { type: 'encr', name: 'CHACHA20_POLY1305' },
    aes128gmac: { type: 'encr', name: 'NULL_AUTH_AES_GMAC' },
    md5: { type: 'integ', name: 'HMAC_MD5_96' },
    sha: { type: 'integ', name: 'HMAC_SHA1_96' },
    sha1: { type: 'integ', name: 'HMAC_SHA1_96' },
    sha256: { type: 'integ', name: 'HMAC_SHA2_256_128' },
    sha2_256: { type: 'integ', name: 'HMAC_SHA2_256_128' },
    sha256_96: { type: 'integ', name: 'HMAC_SHA2_256_96' },
    sha384: { type: 'integ', name: 'HMAC_SHA2_384_192' },
    sha2_384: { type: 'integ', name: 'HMAC_SHA2_384_192' },
    sha512: { type: 'integ', name: 'HMAC_SHA2_512_256' },
    sha2_512: { type: 'integ', name: 'HMAC_SHA2_512_256' },
    aesxcbc: { type: 'integ', name: 'AES_XCBC_96' },
    aescmac: { type: 'integ', name: 'AES_CMAC_96' },
    prfmd5: { type: 'prf', name: 'HMAC_MD5' },
    prfsha1: { type: 'prf', name: 'HMAC_SHA1' },
    prfsha256: { type: 'prf', name: 'HMAC_SHA2_256' },
    prfsha384: { type: 'prf', name: 'HMAC_SHA2_384' },
    prfsha512: { type: 'prf', name: 'HMAC_SHA2_512' },
    prfaesxcbc: { type: 'prf', name: 'AES_XCBC' },
    prfaescmac: { type: 'prf', name: 'AES_CMAC' },
    ecp256: { type: 'dh', name: 'DH19' },
    ecp384: { type: 'dh', name: 'DH20' },
    ecp521: { type: 'dh', name: 'DH21' },
    ecp192: { type: 'dh', name: 'ECP192' },
    ecp224: { type: 'dh', name: 'ECP224' },
    curve25519: { type: 'dh', name: 'DH31' },
    x25519: { type: 'dh', name: 'DH31' },
    curve448: { type: 'dh', name: 'DH32' },
    x448: { type: 'dh', name: 'DH32' },
    esn: { type: 'esn', name: 'ESN' },
    noesn: { type: 'esn', name: 'NOESN' },
  };
  if (fixed[t]) return fixed[t];
  const modp = /^modp(768|1024|1536|2048|3072|4096|6144|8192)(s160|s224|s256)?$/.exec(t);
  if (modp) return { type: 'dh', name: `MODP${modp[1]}` };
  return undefined;
}

/** Every spelling completion offers, per proposal type. */
export const LSW_COMPLETION_NAMES = {
  encr: ['aes', 'aes128', 'aes256', 'aes_gcm', 'aes_gcm128', 'aes_gcm256', 'aes_ctr', 'chacha20_poly1305', 'camellia', '3des'],
  hash: ['sha1', 'sha2', 'sha2_256', 'sha2_384', 'sha2_512', 'aes_xcbc', 'md5'],
  dh: ['modp2048', 'modp3072', 'modp4096', 'modp8192', 'dh19', 'dh20', 'dh21', 'dh31', 'ecp256', 'curve25519'],
};
export const SS_COMPLETION_NAMES = ['aes128', 'aes256', 'aes128gcm16', 'aes256gcm16', 'chacha20poly1305', 'sha256', 'sha384', 'sha512', 'sha1', 'prfsha256', 'modp2048', 'modp3072', 'ecp256', 'ecp384', 'x25519', 'esn', 'noesn'];
