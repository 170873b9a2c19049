// CryptoProvider on node:crypto — the only file in codec/ that imports from Node (see crypto.ts).
//
// Per-packet object creation dominated opening ESP (createDecipheriv + createHmac ≈ 2.5 µs per
// packet before a byte was processed), so the hot paths keep per-key state:
//   - AES-CBC decryption: one `aes-N-ecb` Decipher per key (no padding, never finalized) serves
//     every packet of that key; CBC = ECB-decrypt every block, then XOR with the previous
//     ciphertext block (the IV for the first).
//   - HMAC: the key's ipad/opad blocks are computed once; per packet HMAC = H(opad ‖ H(ipad ‖ data))
//     with the one-shot `crypto.hash()` over reused scratch buffers (no Hash object), or, where
//     `crypto.hash` is missing (Node < 20.12), from cached inner/outer Hash states `.copy()`-ed.
//     HMAC-SHA-1 (the usual ESP integrity) runs in TypeScript from precomputed inner/outer states
//     (codec/sha1.ts): no native call at all, ~2× faster than the one-shots on ESP-sized packets.
// Both caches are keyed by key *content* (small, bounded, most recent first), so a key array
// mutated in place or passed as a fresh subarray is never served another key's state.
import * as nodeCryptoModule from 'node:crypto';
import { createCipheriv, createDecipheriv, createHash, createHmac, type Decipher, type Hash } from 'node:crypto';
import type { CryptoProvider, HashName } from './crypto';
import { HmacSha1 } from './sha1';

function aesBits(key: Uint8Array): number {
  if (key.length !== 16 && key.length !== 24 && key.length !== 32) throw new Error(`AES key must be 16, 24 or 32 bytes, not ${key.length}`);
  return key.length * 8;
}

function cbcName(key: Uint8Array): string {
  return `aes-${aesBits(key)}-cbc`;
}

function gcmName(key: Uint8Array): 'aes-128-gcm' | 'aes-192-gcm' | 'aes-256-gcm' {
  return `aes-${aesBits(key)}-gcm` as 'aes-128-gcm';
}

function u8(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Per-key state, looked up by key content; most recently used first, at most `max` keys. */
export class KeyCache<T> {
  private readonly entries: { key: Uint8Array; tag: string; value: T }[] = [];
  constructor(private readonly max = 16) {}
  get(tag: string, key: Uint8Array, make: () => T): T {
    const e = this.entries;
    for (let i = 0; i < e.length; i++) {
      const x = e[i];
      if (x.tag === tag && sameBytes(x.key, key)) {
        if (i > 0) {
          e.splice(i, 1);
          e.unshift(x);
        }
        return x.value;
      }
    }
    const value = make();
    e.unshift({ key: Uint8Array.from(key), tag, value });
    if (e.length > this.max) e.length = this.max;
    return value;
  }
  get size(): number {
    return this.entries.length;
  }
}

const BLOCK: Record<HashName, number> = { sha1: 64, sha256: 64, sha384: 128, sha512: 128 };
const DIGEST: Record<HashName, number> = { sha1: 20, sha256: 32, sha384: 48, sha512: 64 };

type OneShotHash = (algorithm: string, data: Uint8Array, outputEncoding: 'buffer') => Buffer;
// `crypto.hash` is Node ≥ 20.12 / 21.7; read through the namespace so older runtimes fall back.
const oneShot: OneShotHash | undefined = (nodeCryptoModule as unknown as { hash?: OneShotHash }).hash;

interface HmacState {
  hash: HashName;
  block: number;
  /** ipad key block ‖ room for the message (grown as needed). */
  inner: Uint8Array;
  /** opad key block ‖ inner digest. */
  outer: Uint8Array;
  innerHash: Hash;
  outerHash: Hash;
}

function hmacState(hash: HashName, key: Uint8Array): HmacState {
  const block = BLOCK[hash];
  // RFC 2104: a key longer than the block is hashed first.
  const k = key.length > block ? u8(createHash(hash).update(key).digest()) : key;
  const ipad = new Uint8Array(block).fill(0x36);
  const opad = new Uint8Array(block).fill(0x5c);
  for (let i = 0; i < k.length; i++) {
    ipad[i] ^= k[i];
    opad[i] ^= k[i];
  }
  const inner = new Uint8Array(block + 256);
  inner.set(ipad, 0);
  const outer = new Uint8Array(block + DIGEST[hash]);
  outer.set(opad, 0);
  return { hash, block, inner, outer, innerHash: createHash(hash).update(ipad), outerHash: createHash(hash).update(opad) };
}

/** HMAC from a key's precomputed pad blocks; the same bytes as createHmac(hash, key). */
export function hmacWith(s: HmacState, data: Uint8Array, useOneShot = oneShot !== undefined): Uint8Array {
  if (useOneShot && oneShot) {
    const n = s.block + data.length;
    if (s.inner.length < n) {
      const grown = new Uint8Array(Math.max(n, s.inner.length * 2));
      grown.set(s.inner.subarray(0, s.block), 0);
      s.inner = grown;
    }
    s.inner.set(data, s.block);
    const ih = oneShot(s.hash, s.inner.subarray(0, n), 'buffer');
    s.outer.set(ih, s.block);
    return u8(oneShot(s.hash, s.outer, 'buffer'));
  }
  const ih = s.innerHash.copy().update(data).digest();
  return u8(s.outerHash.copy().update(ih).digest());
}

interface NodeCryptoCaches {
  ecb: KeyCache<Decipher>;
  hmac: KeyCache<HmacState>;
  sha1: KeyCache<HmacSha1>;
}

export interface NodeCryptoOptions {
  /** HMAC with `crypto.hash()` one-shots (default where available) or with copied Hash states. */
  hmacOneShot?: boolean;
  /** HMAC-SHA-1 of messages up to 64 KiB in TypeScript (codec/sha1.ts; default true). */
  jsSha1?: boolean;
}

/** A CryptoProvider on node:crypto with its own per-key caches. */
export function createNodeCrypto(options: NodeCryptoOptions = {}): CryptoProvider & { readonly caches: NodeCryptoCaches } {
  const caches: NodeCryptoCaches = { ecb: new KeyCache<Decipher>(), hmac: new KeyCache<HmacState>(), sha1: new KeyCache<HmacSha1>() };
  const useOneShot = options.hmacOneShot ?? oneShot !== undefined;
  const jsSha1 = options.jsSha1 ?? true;
  /** The key's `aes-N-ecb` Decipher (no padding, never finalized), shared by every packet of that key. */
  const ecbFor = (key: Uint8Array): Decipher => {
    const bits = aesBits(key);
    return caches.ecb.get(`aes-${bits}-ecb`, key, () => {
      const d = createDecipheriv(`aes-${bits}-ecb`, key, null);
      d.setAutoPadding(false);
      return d;
    });
  };
  return {
    caches,
    aesCbcEncrypt(key, iv, data) {
      const c = createCipheriv(cbcName(key), key, iv);
      c.setAutoPadding(false);
      return u8(Buffer.concat([c.update(data), c.final()]));
    },
    aesEcbDecrypt(key, data) {
      // Checked before the shared decipher sees the data: a partial block would stay buffered in it.
      if (data.length % 16 !== 0) throw new Error(`AES-ECB data length ${data.length} is not a multiple of 16`);
      return u8(ecbFor(key).update(data));
    },
    aesCbcDecrypt(key, iv, data) {
      aesBits(key);
      if (iv.length !== 16) throw new Error(`AES-CBC needs a 16-byte IV, not ${iv.length}`);
      // Checked before the shared decipher sees the data: a partial block would stay buffered in it.
      if (data.length % 16 !== 0) throw new Error(`AES-CBC data length ${data.length} is not a multiple of 16`);
      const out = ecbFor(key).update(data);
      // P[0] = D(C[0]) ^ IV, P[i] = D(C[i]) ^ C[i-1]
      const n = Math.min(16, out.length);
      for (let i = 0; i < n; i++) out[i] ^= iv[i];
      for (let i = 16; i < out.length; i++) out[i] ^= data[i - 16];
      return u8(out);
    },
    aesGcmSeal(key, nonce, aad, plaintext, tagLength) {
      const c = createCipheriv(gcmName(key), key, nonce, { authTagLength: tagLength });
      c.setAAD(aad);
      const ct = Buffer.concat([c.update(plaintext), c.final()]);
      return { ciphertext: u8(ct), tag: u8(c.getAuthTag()) };
    },
    aesGcmOpen(key, nonce, aad, ciphertext, tag) {
      // Node cannot re-key a GCM Decipher with a new nonce, so this one is per packet.
      try {
        const d = createDecipheriv(gcmName(key), key, nonce, { authTagLength: tag.length });
        d.setAAD(aad);
        d.setAuthTag(tag);
        const out = d.update(ciphertext);
        d.final();
        return u8(out);
      } catch {
        return undefined;
      }
    },
    hmac(hash: HashName, key, data) {
      if (!Object.prototype.hasOwnProperty.call(BLOCK, hash)) return u8(createHmac(hash, key).update(data).digest()); // same error as before
      if (hash === 'sha1' && jsSha1 && data.length <= 65536) return caches.sha1.get('sha1', key, () => new HmacSha1(key)).mac(data);
      const s = caches.hmac.get(hash, key, () => hmacState(hash, key));
      return hmacWith(s, data, useOneShot);
    },
  };
}

export const nodeCrypto: CryptoProvider = createNodeCrypto();
