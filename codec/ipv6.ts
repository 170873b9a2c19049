// IPv6 (RFC 8200) and its extension headers: Hop-by-Hop and Destination Options (TLV options,
// Pad1/PadN, RFC 2473 Tunnel Encapsulation Limit), Routing, Fragment.

import { formatIpv6, parseIpv6 } from './address';
import { concat, need, put16, put32, toHex, TruncatedError, u16, u32 } from './bytes';
import { type DecodeContext, field, hex32, hex8, type Next } from './context';
import { IPPROTO, protoLabel } from './protocols';
import type { Field, FragmentSpec, Ipv6Option, Ipv6OptionsSpec, Ipv6Spec, RoutingSpec } from './types';
import { Code } from '../server/src/core/codes';

export const IPV6_HEADER_LENGTH = 40;
export const OPT_PAD1 = 0;
export const OPT_PADN = 1;
/** RFC 2473 §4.1.1; Linux IPV6_TLV_TNL_ENCAP_LIMIT. */
export const OPT_TUNNEL_ENCAP_LIMIT = 4;
export const OPT_HOME_ADDRESS = 0xc9;

const OPTION_NAMES: Readonly<Record<number, string>> = {
  0: 'Pad1',
  1: 'PadN',
  4: 'Tunnel Encapsulation Limit',
  5: 'Router Alert',
  0xc2: 'Jumbo Payload',
  0xc9: 'Home Address',
};

export function ipv6Bytes(text: string): Uint8Array {
  const a = parseIpv6(text);
  if (!a) throw new Error(`not an IPv6 address: ${text}`);
  return a;
}

export function encodeIpv6(spec: Ipv6Spec, payload: Uint8Array, nextProto: number): Uint8Array {
  if (payload.length > 0xffff) throw new Error(`IPv6 payload too long: ${payload.length} (jumbograms are not built)`);
  const out = new Uint8Array(IPV6_HEADER_LENGTH + payload.length);
  put32(out, 0, ((6 << 28) | ((spec.trafficClass ?? 0) << 20) | ((spec.flowLabel ?? 0) & 0xfffff)) >>> 0);
  put16(out, 4, payload.length);
  out[6] = spec.nextHeader ?? nextProto;
  out[7] = spec.hopLimit ?? 64;
  out.set(ipv6Bytes(spec.src), 8);
  out.set(ipv6Bytes(spec.dst), 24);
  out.set(payload, IPV6_HEADER_LENGTH);
  return out;
}

/** The 8 bytes Linux ip6_tnl puts in front of the tunnelled packet (init_tel_txopt). */
export function telOptions(limit: number): Ipv6Option[] {
  return [
    { type: OPT_TUNNEL_ENCAP_LIMIT, data: Uint8Array.of(limit & 0xff) },
    { type: OPT_PADN, data: Uint8Array.of(0) },
  ];
}

/** The options of a header with the Pad1/PadN that makes it a multiple of 8 bytes (RFC 8200 §4.2). */
export function paddedOptions(spec: Ipv6OptionsSpec): Ipv6Option[] {
  const options = [...(spec.options ?? (spec.encapLimit !== undefined ? telOptions(spec.encapLimit) : []))];
  let len = 2;
  for (const o of options) len += o.type === OPT_PAD1 ? 1 : 2 + (o.data?.length ?? 0);
  const pad = (8 - (len % 8)) % 8;
  if (pad === 1) options.push({ type: OPT_PAD1 });
  else if (pad > 1) options.push({ type: OPT_PADN, data: new Uint8Array(pad - 2) });
  return options;
}

export function encodeOptionsHeader(spec: Ipv6OptionsSpec, payload: Uint8Array, nextProto: number): Uint8Array {
  const parts: number[] = [spec.nextHeader ?? nextProto, 0];
  for (const o of paddedOptions(spec)) {
    if (o.type === OPT_PAD1) {
      parts.push(0);
      continue;
    }
    const d = o.data ?? new Uint8Array(0);
    if (d.length > 255) throw new Error('an IPv6 option holds at most 255 bytes');
    parts.push(o.type, d.length, ...d);
  }
  if (parts.length > 2048) throw new Error('IPv6 options header longer than 2048 bytes');
  parts[1] = parts.length / 8 - 1;
  return concat([Uint8Array.from(parts), payload]);
}

export function encodeRouting(spec: RoutingSpec, payload: Uint8Array, nextProto: number): Uint8Array {
  const data = spec.data ?? new Uint8Array(4);
  if ((4 + data.length) % 8 !== 0) throw new Error('Routing header data must make the header a multiple of 8 bytes');
  const h = new Uint8Array(4 + data.length);
  h[0] = spec.nextHeader ?? nextProto;
  h[1] = h.length / 8 - 1;
  h[2] = spec.routingType;
  h[3] = spec.segmentsLeft;
  h.set(data, 4);
  return concat([h, payload]);
}

export function encodeFragment(spec: FragmentSpec, payload: Uint8Array, nextProto: number): Uint8Array {
  const h = new Uint8Array(8);
  h[0] = spec.nextHeader ?? nextProto;
  put16(h, 2, (((spec.offset ?? 0) >> 3) << 3) | (spec.more ? 1 : 0));
  put32(h, 4, spec.id >>> 0);
  return concat([h, payload]);
}

export function decodeIpv6(ctx: DecodeContext, off: number, end: number): Next {
  const b = ctx.bytes;
  need(b, off, IPV6_HEADER_LENGTH, 'IPv6 header', end);
  const w = u32(b, off);
  const version = w >>> 28;
  if (version !== 6) throw new Error(`IPv6 header has version ${version}`);
  const plen = u16(b, off + 4);
  const nh = b[off + 6];
  ctx.layer('ipv6', off, IPV6_HEADER_LENGTH, () => [
    field('Version', off, 1, 6),
    field('Traffic Class', off, 2, hex8((w >>> 20) & 0xff)),
    field('Flow Label', off + 1, 3, '0x' + (w & 0xfffff).toString(16).padStart(5, '0')),
    field('Payload Length', off + 4, 2, plen),
    field('Next Header', off + 6, 1, protoLabel(nh)),
    field('Hop Limit', off + 7, 1, b[off + 7]),
    field('Source', off + 8, 16, formatIpv6(b, off + 8)),
    field('Destination', off + 24, 16, formatIpv6(b, off + 24)),
  ]);
  ctx.ipFamily = 6;
  ctx.ipSrc = off + 8;
  ctx.ipDst = off + 24;
  let pEnd = off + IPV6_HEADER_LENGTH + plen;
  if (plen === 0 && nh === IPPROTO.HOPOPTS) pEnd = end; // possible jumbogram: the HbH option holds the length
  if (pEnd > end) {
    ctx.errors.push(`IPv6 payload length ${plen} exceeds the ${end - off - IPV6_HEADER_LENGTH} bytes captured`);
    pEnd = end;
  }
  return { by: 'ip', value: nh, offset: off + IPV6_HEADER_LENGTH, end: pEnd };
}

export function decodeOptionsHeader(ctx: DecodeContext, kind: 'hopbyhop' | 'dstopts', off: number, end: number): Next {
  const b = ctx.bytes;
  const what = kind === 'dstopts' ? 'Destination Options header' : 'Hop-by-Hop Options header';
  need(b, off, 2, what, end);
  const nh = b[off];
  const len = (b[off + 1] + 1) * 8;
  // A truncated header is still shown with the options that are there, then decoding stops.
  const avail = Math.min(len, Math.min(end, b.length) - off);
  const problem = readOptions(b, off, len, avail, what, ctx.notes, undefined, ctx);
  ctx.layer(kind, off, avail, () => {
    const fields = [field('Next Header', off, 1, protoLabel(nh)), field('Hdr Ext Len', off + 1, 1, `${b[off + 1]} (${len} bytes)`)];
    readOptions(b, off, len, avail, what, undefined, fields);
    return fields;
  });
  if (avail < len) throw new TruncatedError(`${what} truncated: needs ${len} bytes at offset ${off}, ${avail} available`);
  if (problem) throw new Error(problem);
  return { by: 'ip', value: nh, offset: off + len, end };
}

/**
 * Walks the TLV options of a Hop-by-Hop/Destination Options header: pushes the notes (when `notes`
 * is given) and the fields (when `fields` is given); returns the problem that ends the walk.
 */
function readOptions(b: Uint8Array, off: number, len: number, avail: number, what: string, notes: DecodeContext['notes'] | undefined, fields: Field[] | undefined, ctx?: DecodeContext): string | undefined {
  let o = off + 2;
  while (o < off + avail) {
    const t = b[o];
    if (t === OPT_PAD1) {
      fields?.push(field('Pad1', o, 1, 0));
      o += 1;
      continue;
    }
    if (o + 1 === off + len) {
      // a lone non-Pad1 byte at the very end: tolerated (as Wireshark does), the header length is known
      notes?.push({ code: Code.malformedOption, severity: 'warning', offset: o, message: `${what}: option ${hex8(t)} in the last byte has no length` });
      fields?.push(field(`Option ${hex8(t)} (no length)`, o, 1, ''));
      o += 1;
      continue;
    }
    if (o + 2 > off + avail || o + 2 + b[o + 1] > off + avail) {
      return `${what}: option ${hex8(t)} at offset ${o} overruns the header`;
    }
    const dl = b[o + 1];
    // RFC 6275 §6.3: a Home Address option makes the home address the source of the upper-layer
    // pseudo-header (the UDP/TCP/ICMPv6 checksums). As Wireshark's dissect_opts, the 16 bytes after
    // the length are taken even when the length is wrong (zeek's ipv6-mobility-dst-opts.pcap #3).
    if (ctx && t === OPT_HOME_ADDRESS && o + 18 <= off + avail && ctx.ipFamily === 6) ctx.ipSrc = o + 2;
    if (fields) {
      const name = OPTION_NAMES[t] ?? `Option ${hex8(t)}`;
      let value: string | number;
      if (t === OPT_TUNNEL_ENCAP_LIMIT && dl === 1) value = b[o + 2];
      else if (t === OPT_PADN) value = `${dl} bytes`;
      else if (t === OPT_HOME_ADDRESS && dl === 16) value = formatIpv6(b, o + 2);
      else value = toHex(b, o + 2, o + 2 + dl);
      fields.push(field(name, o, 2 + dl, value));
    }
    o += 2 + dl;
  }
  return undefined;
}

export function decodeRouting(ctx: DecodeContext, off: number, end: number): Next {
  const b = ctx.bytes;
  need(b, off, 8, 'Routing header', end);
  const len = (b[off + 1] + 1) * 8;
  need(b, off, len, 'Routing header', end);
  const nh = b[off];
  // RFC 8200 §8.1: with a Routing header the pseudo-header's destination is the final one: the last
  // address of a type 0 header, the home address of a type 2 header (RFC 6275 §6.4), while segments
  // are left (as Wireshark's dissect_routing6 sets pinfo->dst).
  const type = b[off + 2];
  if (b[off + 3] > 0 && ctx.ipFamily === 6) {
    if (type === 0 && len >= 24) ctx.ipDst = off + 8 + Math.floor((len - 8) / 16 - 1) * 16;
    else if (type === 2 && len >= 24) ctx.ipDst = off + 8;
  }
  ctx.layer('routing', off, len, () => [
    field('Next Header', off, 1, protoLabel(nh)),
    field('Hdr Ext Len', off + 1, 1, `${b[off + 1]} (${len} bytes)`),
    field('Routing Type', off + 2, 1, b[off + 2]),
    field('Segments Left', off + 3, 1, b[off + 3]),
    field('Data', off + 4, len - 4, toHex(b, off + 4, off + len)),
  ]);
  return { by: 'ip', value: nh, offset: off + len, end };
}

export function decodeFragment(ctx: DecodeContext, off: number, end: number): Next {
  const b = ctx.bytes;
  need(b, off, 8, 'Fragment header', end);
  const nh = b[off];
  const ofm = u16(b, off + 2);
  const fragOffset = (ofm >> 3) * 8;
  const more = (ofm & 1) === 1;
  ctx.layer('fragment', off, 8, () => [
    field('Next Header', off, 1, protoLabel(nh)),
    field('Fragment Offset', off + 2, 2, fragOffset),
    field('More Fragments', off + 3, 1, more ? 1 : 0),
    field('Identification', off + 4, 4, hex32(u32(b, off + 4))),
  ]);
  // An atomic fragment (offset 0, M = 0, RFC 6946) is a whole datagram; others need reassembly.
  if (fragOffset !== 0 || more) return { by: 'payload', offset: off + 8, end };
  return { by: 'ip', value: nh, offset: off + 8, end };
}
