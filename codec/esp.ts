// ESP (RFC 4303) sealing and opening. Padding is the RFC's default 1, 2, 3, … (§2.4), so the
// output is byte-identical to Linux, scapy and Wireshark's expectations. AES-GCM follows RFC 4106:
// nonce = 4-byte salt (the end of the key material) ‖ 8-byte explicit IV, AAD = SPI ‖ sequence
// number (32-bit sequence numbers; ESN is not modelled).

import { concat, equalBytes, put32 } from './bytes';
import type { CryptoProvider } from './crypto';
import { ENC_ALGORITHMS, INTEG_ALGORITHMS, type EspSa, icvLength } from './espAlgorithms';

export const ESP_HEADER_LENGTH = 8;
/** Pad Length + Next Header. */
export const ESP_TRAILER_FIXED = 2;

/** Padding bytes so that payload + padding + 2 is a multiple of `align`. */
export function espPadLength(payloadLength: number, align: number): number {
  return (align - ((payloadLength + ESP_TRAILER_FIXED) % align)) % align;
}

/** Length of the ESP packet (header to ICV) carrying `payloadLength` bytes. */
export function espLength(sa: Pick<EspSa, 'enc' | 'integ'>, payloadLength: number): number {
  const e = ENC_ALGORITHMS[sa.enc];
  return ESP_HEADER_LENGTH + e.ivLength + payloadLength + espPadLength(payloadLength, e.align) + ESP_TRAILER_FIXED + icvLength(sa.enc, sa.integ);
}

export function checkSa(sa: EspSa): string | undefined {
  const e = ENC_ALGORITHMS[sa.enc];
  const i = INTEG_ALGORITHMS[sa.integ];
  if (!e) return `unknown encryption ${String(sa.enc)}`;
  if (!i) return `unknown integrity ${String(sa.integ)}`;
  if (e.kind === 'gcm' && sa.integ !== 'none') return `${sa.enc} is AEAD: integrity must be none`;
  if (sa.encKey.length !== e.keyLength) return `${sa.enc} needs a ${e.keyLength}-byte key${e.kind === 'gcm' ? ' (AES key + 4-byte salt)' : ''}, got ${sa.encKey.length}`;
  if (sa.integKey.length !== i.keyLength) return `${sa.integ} needs a ${i.keyLength}-byte key, got ${sa.integKey.length}`;
  return undefined;
}

export interface SealedEsp {
  bytes: Uint8Array;
  /** False when no CryptoProvider was given: the payload is left in clear and the ICV zero. */
  encrypted: boolean;
  padLength: number;
}

/**
 * Builds SPI | seq | IV | E(payload | padding | pad length | next header) | ICV.
 * Without `crypto` the layout is exact but the bytes are not encrypted (see crypto.ts).
 */
export function sealEsp(sa: EspSa, seq: number, iv: Uint8Array, payload: Uint8Array, nextHeader: number, crypto?: CryptoProvider): SealedEsp {
  const e = ENC_ALGORITHMS[sa.enc];
  const integ = INTEG_ALGORITHMS[sa.integ];
  if (iv.length !== e.ivLength) throw new Error(`${sa.enc} needs a ${e.ivLength}-byte IV, got ${iv.length}`);
  const padLength = espPadLength(payload.length, e.align);
  const plain = new Uint8Array(payload.length + padLength + ESP_TRAILER_FIXED);
  plain.set(payload, 0);
  for (let i = 0; i < padLength; i++) plain[payload.length + i] = i + 1;
  plain[plain.length - 2] = padLength;
  plain[plain.length - 1] = nextHeader;
  const header = new Uint8Array(ESP_HEADER_LENGTH);
  put32(header, 0, sa.spi >>> 0);
  put32(header, 4, seq >>> 0);
  const icvLen = icvLength(sa.enc, sa.integ);
  if (!crypto) {
    return { bytes: concat([header, iv, plain, new Uint8Array(icvLen)]), encrypted: false, padLength };
  }
  const problem = checkSa(sa);
  if (problem) throw new Error(problem);
  let ct: Uint8Array;
  let icv: Uint8Array;
  if (e.kind === 'gcm') {
    const key = sa.encKey.subarray(0, sa.encKey.length - 4);
    const nonce = concat([sa.encKey.subarray(sa.encKey.length - 4), iv]);
    const r = crypto.aesGcmSeal(key, nonce, header, plain, e.icvLength);
    ct = r.ciphertext;
    icv = r.tag;
  } else {
    ct = e.kind === 'cbc' ? crypto.aesCbcEncrypt(sa.encKey, iv, plain) : plain;
    icv = integ.hash ? crypto.hmac(integ.hash, sa.integKey, concat([header, iv, ct])).subarray(0, integ.icvLength) : new Uint8Array(0);
  }
  return { bytes: concat([header, iv, ct, icv]), encrypted: true, padLength };
}

export interface OpenedEsp {
  spi: number;
  seq: number;
  iv: Uint8Array;
  /** payload | padding | pad length | next header, decrypted (absent when decryption failed). */
  plaintext?: Uint8Array;
  icv: Uint8Array;
  /** True/false when checked; undefined when there is no integrity to check. */
  icvGood?: boolean;
  error?: string;
}

/**
 * openEsp of an AES-CBC packet up to the decryption, which the caller does for many packets at once
 * (decodeBatch): the same checks and results, the ICV computed on the ciphertext. `pending` set:
 * the checks passed and the ICV is good (or there is none), the ciphertext is still to be decrypted.
 */
export function prepareEspCbc(sa: EspSa, esp: Uint8Array, crypto: CryptoProvider): OpenedEsp & { pending?: boolean } {
  const e = ENC_ALGORITHMS[sa.enc];
  const integ = INTEG_ALGORITHMS[sa.integ];
  if (!e || e.kind !== 'cbc' || !integ) return openEsp(sa, esp, crypto);
  const icvLen = integ.icvLength;
  const ctStart = ESP_HEADER_LENGTH + e.ivLength;
  const ctEnd = esp.length - icvLen;
  if (ctEnd - ctStart < ESP_TRAILER_FIXED || (ctEnd - ctStart) % e.align !== 0 || checkSa(sa)) return openEsp(sa, esp, crypto);
  const spi = ((esp[0] << 24) | (esp[1] << 16) | (esp[2] << 8) | esp[3]) >>> 0;
  const seq = ((esp[4] << 24) | (esp[5] << 16) | (esp[6] << 8) | esp[7]) >>> 0;
  const iv = esp.subarray(ESP_HEADER_LENGTH, ctStart);
  const icv = esp.subarray(ctEnd);
  let icvGood: boolean | undefined;
  try {
    if (integ.hash) icvGood = equalPrefix(crypto.hmac(integ.hash, sa.integKey, esp.subarray(0, ctEnd)), icv, integ.icvLength);
  } catch (err) {
    return { spi, seq, iv, icv, error: `ESP decryption failed: ${(err as Error).message}` };
  }
  if (icvGood === false) return { spi, seq, iv, icv, icvGood, error: `${sa.integ} ICV does not verify` };
  return { spi, seq, iv, icv, icvGood, pending: true };
}

/** Opens one ESP packet (`esp` = header to end of ICV). Never throws. */
export function openEsp(sa: EspSa, esp: Uint8Array, crypto: CryptoProvider | 'clear'): OpenedEsp {
  const e = ENC_ALGORITHMS[sa.enc];
  const integ = INTEG_ALGORITHMS[sa.integ];
  const spi = esp.length >= 4 ? ((esp[0] << 24) | (esp[1] << 16) | (esp[2] << 8) | esp[3]) >>> 0 : 0;
  const seq = esp.length >= 8 ? ((esp[4] << 24) | (esp[5] << 16) | (esp[6] << 8) | esp[7]) >>> 0 : 0;
  const icvLen = icvLength(sa.enc, sa.integ);
  const ctStart = ESP_HEADER_LENGTH + e.ivLength;
  const ctEnd = esp.length - icvLen;
  const iv = esp.subarray(ESP_HEADER_LENGTH, Math.min(ctStart, esp.length));
  const icv = esp.subarray(Math.max(ctEnd, 0));
  // Result objects are written out (no `{ ...base }` spreads): this runs once per packet.
  if (ctEnd - ctStart < ESP_TRAILER_FIXED) return { spi, seq, iv, icv, error: `ESP packet too short for ${sa.enc}/${sa.integ}: ${esp.length} bytes` };
  const ct = esp.subarray(ctStart, ctEnd);
  if (ct.length % e.align !== 0) {
    const hint = icvHint(sa, esp, crypto === 'clear' ? undefined : crypto);
    return { spi, seq, iv, icv, error: `ESP ciphertext length ${ct.length} is not a multiple of ${e.align}${hint ? `: ${hint}` : ''}` };
  }
  if (crypto === 'clear') return { spi, seq, iv, icv, plaintext: ct };
  const problem = checkSa(sa);
  if (problem) return { spi, seq, iv, icv, error: problem };
  try {
    if (e.kind === 'gcm') {
      const key = sa.encKey.subarray(0, sa.encKey.length - 4);
      const nonce = concat([sa.encKey.subarray(sa.encKey.length - 4), iv]);
      const pt = crypto.aesGcmOpen(key, nonce, esp.subarray(0, ESP_HEADER_LENGTH), ct, icv);
      if (!pt) return { spi, seq, iv, icv, icvGood: false, error: 'AES-GCM ICV does not verify (wrong key/salt or corrupted packet)' };
      return { spi, seq, iv, icv, plaintext: pt, icvGood: true };
    }
    let icvGood: boolean | undefined;
    if (integ.hash) {
      const mac = crypto.hmac(integ.hash, sa.integKey, esp.subarray(0, ctEnd));
      icvGood = equalPrefix(mac, icv, integ.icvLength);
    }
    const pt = e.kind === 'cbc' ? crypto.aesCbcDecrypt(sa.encKey, iv, ct) : ct;
    return { spi, seq, iv, icv, plaintext: pt, icvGood, error: icvGood === false ? `${sa.integ} ICV does not verify` : undefined };
  } catch (err) {
    return { spi, seq, iv, icv, error: `ESP decryption failed: ${(err as Error).message}` };
  }
}

/** equalBytes(mac.subarray(0, n), icv) without the view. */
function equalPrefix(mac: Uint8Array, icv: Uint8Array, n: number): boolean {
  if (Math.min(n, mac.length) !== icv.length) return false;
  let d = 0;
  for (let i = 0; i < icv.length; i++) d |= mac[i] ^ icv[i];
  return d === 0;
}

/** ICV lengths a packet may end in: none, and those of the integrity algorithms the codec knows. */
const ICV_LENGTHS = [0, ...new Set(Object.values(INTEG_ALGORITHMS).map((i) => i.icvLength).filter((n) => n > 0))].sort((a, b) => a - b);

/** Whether the ESP packet, taken to end in an ICV of `icvLen` bytes, has a valid RFC 4303 trailer. */
function trailerValid(sa: EspSa, esp: Uint8Array, icvLen: number, crypto: CryptoProvider | undefined): boolean | undefined {
  const e = ENC_ALGORITHMS[sa.enc];
  const ctStart = ESP_HEADER_LENGTH + e.ivLength;
  const ctEnd = esp.length - icvLen;
  let last: Uint8Array;
  if (e.kind === 'null') last = esp.subarray(Math.max(ctStart, ctEnd - 16), ctEnd);
  else if (e.kind === 'cbc' && crypto && checkSa(sa) === undefined) {
    const prev = ctEnd - 32 >= ctStart ? esp.subarray(ctEnd - 32, ctEnd - 16) : esp.subarray(ESP_HEADER_LENGTH, ctStart);
    try {
      last = crypto.aesCbcDecrypt(sa.encKey, prev, esp.subarray(ctEnd - 16, ctEnd));
    } catch {
      return undefined;
    }
  } else return undefined;
  const padLen = last[last.length - 2];
  if (padLen > ctEnd - ctStart - 2) return false;
  // the default padding 1, 2, 3, … as far as this block shows it
  for (let k = 1; k <= padLen && last.length - 2 - k >= 0; k++) if (last[last.length - 2 - k] !== padLen - k + 1) return false;
  return true;
}

function icvWords(n: number): string {
  if (n === 0) return 'no ICV';
  const names = Object.values(INTEG_ALGORITHMS).filter((i) => i.icvLength === n).map((i) => i.name);
  return `a ${n}-byte ICV (${names.join(', ')})`;
}

/**
 * Why an ESP packet does not open as its SA says when the SA's integrity part is missing or another
 * one: the ICV lengths (none, 12, 16, 24, 32 bytes) other than the SA's that fit the cipher's block
 * and, where the trailer can be read (NULL, or AES-CBC with a provider), give a valid trailer.
 * Undefined when no other length fits (AES-GCM: its ICV is the tag).
 */
export function icvHint(sa: EspSa, esp: Uint8Array, crypto?: CryptoProvider): string | undefined {
  const e = ENC_ALGORITHMS[sa.enc];
  if (!e || e.kind === 'gcm' || !INTEG_ALGORITHMS[sa.integ]) return undefined;
  const have = INTEG_ALGORITHMS[sa.integ].icvLength;
  const fits: number[] = [];
  let checked = false;
  for (const n of ICV_LENGTHS) {
    if (n === have) continue;
    const ct = esp.length - ESP_HEADER_LENGTH - e.ivLength - n;
    if (ct < Math.max(ESP_TRAILER_FIXED, e.kind === 'cbc' ? 16 : 0) || ct % e.align !== 0) continue;
    const valid = trailerValid(sa, esp, n, crypto);
    if (valid === false) continue;
    if (valid) checked = true;
    fits.push(n);
  }
  if (!fits.length) return undefined;
  const carries = `${checked ? 'the packet opens with a valid trailer when it ends in' : "the packet's length fits"} ${fits.map(icvWords).join(' or ')}`;
  if (have === 0) return `the SA has no integrity algorithm, but ${carries}: the SA lacks its integrity algorithm and key`;
  if (fits.length === 1 && fits[0] === 0) return `the SA has ${sa.integ} (a ${have}-byte ICV), but ${carries}: the packets carry no ICV, give the SA without integrity`;
  return `the SA has ${sa.integ} (a ${have}-byte ICV), but ${carries}`;
}
