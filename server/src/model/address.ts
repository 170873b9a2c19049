// Addresses are compared as addresses, not strings: 2001:DB8:A::1 equals 2001:db8:a:0::1.
import ipaddr from 'ipaddr.js';
import type { Family } from './endpoint';

export interface ParsedAddress {
  /** Canonical text: RFC 5952 for IPv6, dotted quad for IPv4. */
  text: string;
  family: Family;
}

/** Parses one literal address (no prefix length); undefined when it is not an address. */
export function parseAddress(input: string): ParsedAddress | undefined {
  const s = input.trim();
  if (!ipaddr.isValid(s)) return undefined;
  // ipaddr.js also takes IPv4 shorthands ("10", "0x0a.1"); accept only the four-part form.
  if (!s.includes(':') && !/^\d{1,3}(\.\d{1,3}){3}$/.test(s)) return undefined;
  const a = ipaddr.parse(s);
  if (a.kind() === 'ipv6') return { text: (a as ipaddr.IPv6).toRFC5952String(), family: 'ipv6' };
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
  const len = ipaddr.IPv4.parse(a.text).prefixLengthFromSubnetMask();
  return len ?? undefined;
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
