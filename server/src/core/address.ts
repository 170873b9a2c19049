// The one IP address parser, for the server, the codec and the webview (ipaddr.js runs in a
// browser). Addresses are compared as addresses, not strings: 2001:DB8:A::1 equals 2001:db8:a:0::1.
// What a config may hold: surrounding white space is ignored, white space inside is not an address;
// an IPv6 zone id (`fe80::1%eth0`) is accepted and kept apart (`zone`), so the address itself
// compares equal whatever the zone; IPv4 must be four decimal octets (no `10`, no `0x0a.1.2.3`,
// no octal `010`).
import ipaddr from 'ipaddr.js';
import type { Family } from './endpoint';

export interface ParsedAddress {
  /** Canonical text: RFC 5952 for IPv6, dotted quad for IPv4; never the zone. */
  text: string;
  family: Family;
  /** The IPv6 zone id after `%`, when one was written. */
  zone?: string;
}

/**
 * Parses one literal address (no prefix length); undefined when it is not an address. Hot: a large
 * config parses hundreds of thousands of addresses, mostly the same few masks and peers, so
 * results are memoized (bounded) and plain dotted quads skip ipaddr.js.
 */
export function parseAddress(input: string): ParsedAddress | undefined {
  let r = ADDRESS_CACHE.get(input);
  if (r === undefined) {
    r = parseAddressUncached(input) ?? null;
    if (ADDRESS_CACHE.size >= 50_000) ADDRESS_CACHE.clear();
    ADDRESS_CACHE.set(input, r);
  }
  // A fresh object each time: callers own what they get.
  if (r === null) return undefined;
  return r.zone === undefined ? { text: r.text, family: r.family } : { text: r.text, family: r.family, zone: r.zone };
}

const ADDRESS_CACHE = new Map<string, ParsedAddress | null>();
const DOTTED_QUAD = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseAddressUncached(input: string): ParsedAddress | undefined {
  const s = input.trim();
  const q = DOTTED_QUAD.exec(s);
  // A leading zero is refused, as iproute2's inet_pton does (ipaddr.js would read `010` as octal 8).
  if (q && q.slice(1).some((o) => o.length > 1 && o[0] === '0')) return undefined;
  if (q) {
    const o = [Number(q[1]), Number(q[2]), Number(q[3]), Number(q[4])];
    if (o.some((x) => x > 255)) return undefined;
    return { text: o.join('.'), family: 'ipv4' };
  }
  if (/\s/.test(s)) return undefined;
  const pct = s.indexOf('%');
  const bare = pct >= 0 ? s.slice(0, pct) : s;
  const zone = pct >= 0 ? s.slice(pct + 1) : undefined;
  if (zone !== undefined && (!bare.includes(':') || !/^[\w.-]+$/.test(zone))) return undefined;
  if (!ipaddr.isValid(bare)) return undefined;
  // ipaddr.js also takes IPv4 shorthands ("10", "0x0a.1"); accept only the four-part form.
  if (!bare.includes(':') && !/^\d{1,3}(\.\d{1,3}){3}$/.test(bare)) return undefined;
  const a = ipaddr.parse(bare);
  if (a.kind() === 'ipv6') return zone === undefined ? { text: (a as ipaddr.IPv6).toRFC5952String(), family: 'ipv6' } : { text: (a as ipaddr.IPv6).toRFC5952String(), family: 'ipv6', zone };
  return { text: a.toString(), family: 'ipv4' };
}

export interface ParsedPrefix extends ParsedAddress {
  prefixLength: number;
}

/** Parses `addr/len` (or a bare address, as a host prefix). */
export function parsePrefix(input: string): ParsedPrefix | undefined {
  const s = input.trim();
  const slash = s.indexOf('/');
  if (slash < 0) {
    const a = parseAddress(s);
    return a && { ...a, prefixLength: a.family === 'ipv6' ? 128 : 32 };
  }
  const a = parseAddress(s.slice(0, slash));
  const lenText = s.slice(slash + 1);
  if (!a || !/^\d{1,3}$/.test(lenText)) return undefined;
  const len = Number(lenText);
  if (len > (a.family === 'ipv6' ? 128 : 32)) return undefined;
  return { ...a, prefixLength: len };
}

/** IPv4 dotted netmask (255.255.255.0) to a prefix length; undefined for a non-contiguous mask. */
export function netmaskToPrefixLength(mask: string): number | undefined {
  const a = parseAddress(mask);
  if (!a || a.family !== 'ipv4') return undefined;
  // Contiguous ones then zeros (what ipaddr.js's prefixLengthFromSubnetMask accepts).
  const n = a.text.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
  const inv = 0xffffffff - n;
  if ((inv & (inv + 1)) !== 0) return undefined;
  return 32 - Math.round(Math.log2(inv + 1));
}

/** IOS wildcard mask (0.0.0.255) to a prefix length; undefined for a non-contiguous one. */
export function wildcardToPrefixLength(wildcard: string): number | undefined {
  const a = parseAddress(wildcard);
  if (!a || a.family !== 'ipv4') return undefined;
  const inverted = a.text.split('.').map((o) => String(255 - Number(o))).join('.');
  return netmaskToPrefixLength(inverted);
}

export function sameAddress(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const pa = parseAddress(a);
  const pb = parseAddress(b);
  return !!pa && !!pb && pa.text === pb.text;
}

/** True when the address lies inside the prefix. */
export function prefixContains(prefix: string, address: string): boolean {
  const p = parsePrefix(prefix);
  const a = parseAddress(address);
  if (!p || !a || p.family !== a.family) return false;
  return ipaddr.parse(a.text).match(ipaddr.parse(p.text), p.prefixLength);
}

/** The 4 or 16 bytes of an address of the given family, or undefined when the text is not one. */
export function addressBytes(text: string, family: Family): Uint8Array | undefined {
  const a = parseAddress(text);
  if (!a || a.family !== family) return undefined;
  return Uint8Array.from(ipaddr.parse(a.text).toByteArray());
}
