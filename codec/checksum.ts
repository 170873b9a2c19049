// The Internet checksum (RFC 1071) and the IPv4/IPv6 pseudo-headers that UDP, TCP and ICMPv6
// include in theirs (RFC 768, RFC 9293, RFC 8200 §8.1). ICMPv4 and GRE use it without one.

/** One's-complement sum of 16-bit big-endian words (odd length padded with a zero byte). */
export function onesSum(b: Uint8Array, from = 0, to = b.length, initial = 0): number {
  let s = initial;
  let i = from;
  for (; i + 1 < to; i += 2) s += (b[i] << 8) | b[i + 1];
  if (i < to) s += b[i] << 8;
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  return s;
}

export function internetChecksum(b: Uint8Array, from = 0, to = b.length, initial = 0): number {
  return ~onesSum(b, from, to, initial) & 0xffff;
}

/** Sum of the pseudo-header: addresses (4 or 16 bytes each), upper-layer length, protocol. */
export function pseudoHeaderSum(src: Uint8Array, dst: Uint8Array, protocol: number, length: number): number {
  let s = onesSum(src) + onesSum(dst) + protocol + (length & 0xffff) + Math.floor(length / 0x10000);
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  return s;
}
