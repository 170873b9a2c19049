// ESP transforms the codec can build and open, as data: sizes drive layout(), the tshark names
// drive the `esp_sa` UAT record (spelled exactly as packet-ipsec.c of Wireshark 4.0 wants them).

import type { HashName } from './crypto';

export type EncName =
  | 'null'
  | 'aes-cbc-128'
  | 'aes-cbc-192'
  | 'aes-cbc-256'
  | 'aes-gcm-128'
  | 'aes-gcm-192'
  | 'aes-gcm-256';

export type IntegName = 'none' | 'hmac-sha1-96' | 'hmac-sha2-256-128' | 'hmac-sha2-384-192' | 'hmac-sha2-512-256';

export interface EncInfo {
  name: EncName;
  kind: 'null' | 'cbc' | 'gcm';
  /** Key bytes as configured: for GCM the AES key followed by the 4-byte salt (RFC 4106 §8.1). */
  keyLength: number;
  /** Explicit IV carried in each packet: 16 for CBC (one block), 8 for GCM (RFC 4106 §3.1). */
  ivLength: number;
  /** (payload + 2) must be a multiple of this: the cipher block, or 4 (RFC 4303 §2.4). */
  align: number;
  /** ICV the cipher itself produces (AEAD): 16 for the "16 octet ICV" GCM variant. */
  icvLength: number;
  tshark: string;
}

export interface IntegInfo {
  name: IntegName;
  hash?: HashName;
  keyLength: number;
  /** Truncated HMAC length (RFC 2404, RFC 4868). */
  icvLength: number;
  tshark: string;
}

export const ENC_ALGORITHMS: Readonly<Record<EncName, EncInfo>> = {
  null: { name: 'null', kind: 'null', keyLength: 0, ivLength: 0, align: 4, icvLength: 0, tshark: 'NULL' },
  'aes-cbc-128': { name: 'aes-cbc-128', kind: 'cbc', keyLength: 16, ivLength: 16, align: 16, icvLength: 0, tshark: 'AES-CBC [RFC3602]' },
  'aes-cbc-192': { name: 'aes-cbc-192', kind: 'cbc', keyLength: 24, ivLength: 16, align: 16, icvLength: 0, tshark: 'AES-CBC [RFC3602]' },
  'aes-cbc-256': { name: 'aes-cbc-256', kind: 'cbc', keyLength: 32, ivLength: 16, align: 16, icvLength: 0, tshark: 'AES-CBC [RFC3602]' },
  'aes-gcm-128': { name: 'aes-gcm-128', kind: 'gcm', keyLength: 20, ivLength: 8, align: 4, icvLength: 16, tshark: 'AES-GCM with 16 octet ICV [RFC4106]' },
  'aes-gcm-192': { name: 'aes-gcm-192', kind: 'gcm', keyLength: 28, ivLength: 8, align: 4, icvLength: 16, tshark: 'AES-GCM with 16 octet ICV [RFC4106]' },
  'aes-gcm-256': { name: 'aes-gcm-256', kind: 'gcm', keyLength: 36, ivLength: 8, align: 4, icvLength: 16, tshark: 'AES-GCM with 16 octet ICV [RFC4106]' },
};

export const INTEG_ALGORITHMS: Readonly<Record<IntegName, IntegInfo>> = {
  none: { name: 'none', keyLength: 0, icvLength: 0, tshark: 'NULL' },
  'hmac-sha1-96': { name: 'hmac-sha1-96', hash: 'sha1', keyLength: 20, icvLength: 12, tshark: 'HMAC-SHA-1-96 [RFC2404]' },
  'hmac-sha2-256-128': { name: 'hmac-sha2-256-128', hash: 'sha256', keyLength: 32, icvLength: 16, tshark: 'HMAC-SHA-256-128 [RFC4868]' },
  'hmac-sha2-384-192': { name: 'hmac-sha2-384-192', hash: 'sha384', keyLength: 48, icvLength: 24, tshark: 'HMAC-SHA-384-192 [RFC4868]' },
  'hmac-sha2-512-256': { name: 'hmac-sha2-512-256', hash: 'sha512', keyLength: 64, icvLength: 32, tshark: 'HMAC-SHA-512-256 [RFC4868]' },
};

export function isEncName(s: string): s is EncName {
  return Object.prototype.hasOwnProperty.call(ENC_ALGORITHMS, s);
}
export function isIntegName(s: string): s is IntegName {
  return Object.prototype.hasOwnProperty.call(INTEG_ALGORITHMS, s);
}

/** An ESP security association as the codec uses it (keys are raw bytes). */
export interface EspSa {
  spi: number;
  /**
   * The SPI bits that must match (default all 32): tshark's esp_sa wildcards, `*` (0) and hex digits
   * written `*` in `0x0000100*` (0xfffffff0).
   */
  spiMask?: number;
  enc: EncName;
  encKey: Uint8Array;
  integ: IntegName;
  integKey: Uint8Array;
}

/** Total ICV bytes on the wire: the AEAD tag, or the truncated HMAC. */
export function icvLength(enc: EncName, integ: IntegName): number {
  const e = ENC_ALGORITHMS[enc];
  return e.kind === 'gcm' ? e.icvLength : INTEG_ALGORITHMS[integ].icvLength;
}

/** Whether the SA applies to a packet with this SPI (its mask applied). */
export function saMatches(sa: EspSa, spi: number): boolean {
  return ((sa.spi ^ spi) & (sa.spiMask ?? 0xffffffff)) === 0;
}
