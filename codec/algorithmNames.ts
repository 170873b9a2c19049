// Spellings of an ESP transform mapped to the codec's canonical names (`aes-cbc-128`,
// `hmac-sha1-96`, …): the canonical names, the model registry's (`AES_CBC_128`, `HMAC_SHA1_96`),
// Libreswan/strongSwan proposal words and Linux `ip xfrm` algorithm names. Pure data, so the
// webview can use it too. Keys are normalised by normaliseAlgorithmName() (lower case, `_` and
// spaces and `-` collapsed to `-`).
//
// Cisco IOS transform words have one table, model/iosTransforms.ts, which the CLI reads first; the
// codec (which may import only core/) knows none of them.

import type { EncName, IntegName } from './espAlgorithms';

const ENC: Readonly<Record<string, EncName>> = {
  // canonical / model registry
  'null': 'null', 'aes-cbc-128': 'aes-cbc-128', 'aes-cbc-192': 'aes-cbc-192', 'aes-cbc-256': 'aes-cbc-256',
  'aes-gcm-128': 'aes-gcm-128', 'aes-gcm-192': 'aes-gcm-192', 'aes-gcm-256': 'aes-gcm-256',
  'aes-gcm-16-128': 'aes-gcm-128', 'aes-gcm-16-192': 'aes-gcm-192', 'aes-gcm-16-256': 'aes-gcm-256',
  // Libreswan / strongSwan (esp=, ike=, proposals=)
  'aes': 'aes-cbc-128', 'aes128': 'aes-cbc-128', 'aes192': 'aes-cbc-192', 'aes256': 'aes-cbc-256',
  'aes-128': 'aes-cbc-128', 'aes-192': 'aes-cbc-192', 'aes-256': 'aes-cbc-256',
  'aes-cbc': 'aes-cbc-128', 'aes-cbc128': 'aes-cbc-128', 'aes-cbc256': 'aes-cbc-256',
  // Libreswan: aes_gcm = aes_gcm_c = 16-byte ICV; without a length it proposes 256 and 128 — the
  // size does not change the layout, 128 is taken
  'aes-gcm': 'aes-gcm-128', 'aes-gcm-c': 'aes-gcm-128', 'aes-gcm128': 'aes-gcm-128', 'aes-gcm256': 'aes-gcm-256',
  'aes-gcm-c-128': 'aes-gcm-128', 'aes-gcm-c-256': 'aes-gcm-256', 'aesgcm': 'aes-gcm-128',
  'aes-gcm-16': 'aes-gcm-128',
  // strongSwan: aes128gcm16 (ICV 16 octets) = aes128gcm128 (ICV 128 bits)
  'aes128gcm16': 'aes-gcm-128', 'aes192gcm16': 'aes-gcm-192', 'aes256gcm16': 'aes-gcm-256',
  'aes128gcm128': 'aes-gcm-128', 'aes192gcm128': 'aes-gcm-192', 'aes256gcm128': 'aes-gcm-256',
  'aes128gcm': 'aes-gcm-128', 'aes256gcm': 'aes-gcm-256',
  // Linux ip xfrm
  'cbc(aes)': 'aes-cbc-128', 'rfc4106(gcm(aes))': 'aes-gcm-128', 'ecb(cipher-null)': 'null', 'cipher-null': 'null',
};

const INTEG: Readonly<Record<string, IntegName>> = {
  'none': 'none', 'null': 'none', 'hmac-sha1-96': 'hmac-sha1-96', 'hmac-sha2-256-128': 'hmac-sha2-256-128',
  'hmac-sha2-384-192': 'hmac-sha2-384-192', 'hmac-sha2-512-256': 'hmac-sha2-512-256',
  // Libreswan / strongSwan
  'sha': 'hmac-sha1-96', 'sha1': 'hmac-sha1-96', 'sha1-96': 'hmac-sha1-96', 'hmac-sha1': 'hmac-sha1-96',
  'sha2': 'hmac-sha2-256-128', 'sha2-256': 'hmac-sha2-256-128', 'sha256': 'hmac-sha2-256-128', 'sha2-256-128': 'hmac-sha2-256-128',
  'sha2-384': 'hmac-sha2-384-192', 'sha384': 'hmac-sha2-384-192', 'sha2-384-192': 'hmac-sha2-384-192',
  'sha2-512': 'hmac-sha2-512-256', 'sha512': 'hmac-sha2-512-256', 'sha2-512-256': 'hmac-sha2-512-256',
  'hmac-sha256': 'hmac-sha2-256-128', 'hmac-sha384': 'hmac-sha2-384-192', 'hmac-sha512': 'hmac-sha2-512-256',
  'hmac-sha2-256': 'hmac-sha2-256-128', 'hmac-sha2-384': 'hmac-sha2-384-192', 'hmac-sha2-512': 'hmac-sha2-512-256',
  // Linux ip xfrm (auth-trunc)
  'hmac(sha1)': 'hmac-sha1-96', 'hmac(sha256)': 'hmac-sha2-256-128', 'hmac(sha384)': 'hmac-sha2-384-192', 'hmac(sha512)': 'hmac-sha2-512-256',
};

export function normaliseAlgorithmName(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_-]+/g, '-');
}

export function encryptionByName(text: string): EncName | undefined {
  return ENC[normaliseAlgorithmName(text)];
}

export function integrityByName(text: string): IntegName | undefined {
  return INTEG[normaliseAlgorithmName(text)];
}

/** Every accepted spelling (normalised), for help texts and tests. */
export const ENCRYPTION_SPELLINGS: readonly string[] = Object.keys(ENC);
export const INTEGRITY_SPELLINGS: readonly string[] = Object.keys(INTEG);
