// UDP, TCP, ICMP and ICMPv6 headers with their checksums (pseudo-header for all but ICMPv4).

import { need, put16, put32, u16, u32 } from './bytes';
import { internetChecksum, onesSum, pseudoHeaderSum } from './checksum';
import { type DecodeContext, field, hex16, hex32, type IpAddrs, type Next } from './context';
import { IPPROTO } from './protocols';
import type { IcmpSpec, TcpSpec, UdpSpec } from './types';
import { Code } from '../server/src/core/codes';

function pseudo(ip: IpAddrs | undefined, proto: number, length: number): number {
  return ip ? pseudoHeaderSum(ip.src, ip.dst, proto, length) : 0;
}

export function encodeUdp(spec: UdpSpec, payload: Uint8Array, ip: IpAddrs | undefined): Uint8Array {
  const out = new Uint8Array(8 + payload.length);
  put16(out, 0, spec.srcPort);
  put16(out, 2, spec.dstPort);
  put16(out, 4, out.length);
  out.set(payload, 8);
  let c = internetChecksum(out, 0, out.length, pseudo(ip, IPPROTO.UDP, out.length));
  if (c === 0) c = 0xffff; // RFC 768: a computed zero is sent as all ones (zero means "none")
  put16(out, 6, c);
  return out;
}

export function encodeTcp(spec: TcpSpec, payload: Uint8Array, ip: IpAddrs | undefined): Uint8Array {
  const opts = spec.options ?? new Uint8Array(0);
  if (opts.length % 4 !== 0) throw new Error('TCP options must be a multiple of 4 bytes');
  const hl = 20 + opts.length;
  const out = new Uint8Array(hl + payload.length);
  put16(out, 0, spec.srcPort);
  put16(out, 2, spec.dstPort);
  put32(out, 4, (spec.seq ?? 0) >>> 0);
  put32(out, 8, (spec.ack ?? 0) >>> 0);
  out[12] = (hl / 4) << 4;
  out[13] = spec.flags ?? 0x02;
  put16(out, 14, spec.window ?? 8192);
  put16(out, 18, spec.urgent ?? 0);
  out.set(opts, 20);
  out.set(payload, hl);
  put16(out, 16, internetChecksum(out, 0, out.length, pseudo(ip, IPPROTO.TCP, out.length)));
  return out;
}

/** Echo-style ICMP/ICMPv6 header: type, code, checksum, identifier, sequence. */
export function encodeIcmp(spec: IcmpSpec, payload: Uint8Array, ip: IpAddrs | undefined): Uint8Array {
  const v6 = spec.kind === 'icmpv6';
  const out = new Uint8Array(8 + payload.length);
  out[0] = spec.type ?? (v6 ? 128 : 8);
  out[1] = spec.code ?? 0;
  put16(out, 4, spec.id ?? 0);
  put16(out, 6, spec.seq ?? 0);
  out.set(payload, 8);
  put16(out, 2, internetChecksum(out, 0, out.length, v6 ? pseudo(ip, IPPROTO.ICMPV6, out.length) : 0));
  return out;
}

/** The note of a checksum that does not verify (pushed while decoding, before the layer). */
function checksumNote(ctx: DecodeContext, what: string, at: number, good: boolean | undefined, value: number): void {
  if (good === false) ctx.notes.push({ code: Code.badChecksum, severity: 'warning', message: `${what} checksum ${hex16(value)} is incorrect`, offset: at });
}

function checksumField(at: number, good: boolean | undefined, value: number) {
  const status = good === undefined ? 'unverified' : good ? 'correct' : 'incorrect';
  return field('Checksum', at, 2, `${hex16(value)} (${status})`);
}

/** Pseudo-header sum of the innermost IP header (its addresses read in place), as pseudoHeaderSum. */
function pseudoOf(ctx: DecodeContext, proto: number, length: number): number {
  const n = ctx.ipFamily === 4 ? 4 : 16;
  const b = ctx.bytes;
  let s = onesSum(b, ctx.ipSrc, ctx.ipSrc + n) + onesSum(b, ctx.ipDst, ctx.ipDst + n) + proto + (length & 0xffff) + Math.floor(length / 0x10000);
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  return s;
}

/** A checksum can only be verified on a complete, unencrypted-or-decrypted segment with its IP addresses. */
function verifiable(ctx: DecodeContext, end: number, expectedEnd: number): boolean {
  return ctx.ipFamily !== 0 && end === expectedEnd;
}

export function decodeUdp(ctx: DecodeContext, off: number, end: number): Next {
  const b = ctx.bytes;
  need(b, off, 8, 'UDP header', end);
  const len = u16(b, off + 4);
  const c = u16(b, off + 6);
  let good: boolean | undefined;
  if (len >= 8 && off + len <= end && verifiable(ctx, off + len, off + len) && !(c === 0 && ctx.ipFamily === 4)) {
    good = internetChecksum(b, off, off + len, pseudoOf(ctx, IPPROTO.UDP, len)) === 0;
  }
  checksumNote(ctx, 'UDP', off + 6, good, c);
  ctx.layer('udp', off, 8, () => [
    field('Source Port', off, 2, u16(b, off)),
    field('Destination Port', off + 2, 2, u16(b, off + 2)),
    field('Length', off + 4, 2, len),
    checksumField(off + 6, good, c),
  ]);
  if (len < 8) throw new Error(`UDP length ${len} is below 8`);
  let pEnd = off + len;
  if (pEnd > end) {
    ctx.errors.push(`UDP length ${len} exceeds the ${end - off} bytes available`);
    pEnd = end;
  }
  return { by: 'payload', offset: off + 8, end: pEnd };
}

export function decodeTcp(ctx: DecodeContext, off: number, end: number): Next {
  const b = ctx.bytes;
  need(b, off, 20, 'TCP header', end);
  const hl = (b[off + 12] >> 4) * 4;
  if (hl < 20) throw new Error(`TCP data offset ${hl} is below 20`);
  need(b, off, hl, 'TCP header with options', end);
  const c = u16(b, off + 16);
  const good = ctx.ipFamily ? internetChecksum(b, off, end, pseudoOf(ctx, IPPROTO.TCP, end - off)) === 0 : undefined;
  checksumNote(ctx, 'TCP', off + 16, good, c);
  ctx.layer('tcp', off, hl, () => {
  const fields = [
    field('Source Port', off, 2, u16(b, off)),
    field('Destination Port', off + 2, 2, u16(b, off + 2)),
    field('Sequence Number', off + 4, 4, u32(b, off + 4)),
    field('Acknowledgment Number', off + 8, 4, u32(b, off + 8)),
    field('Header Length', off + 12, 1, hl),
    field('Flags', off + 12, 2, '0x' + (u16(b, off + 12) & 0x0fff).toString(16).padStart(3, '0')),
    field('Window', off + 14, 2, u16(b, off + 14)),
    checksumField(off + 16, good, c),
    field('Urgent Pointer', off + 18, 2, u16(b, off + 18)),
  ];
  if (hl > 20) fields.push(field('Options', off + 20, hl - 20, `${hl - 20} bytes`));
  return fields;
  });
  return { by: 'payload', offset: off + hl, end };
}

export function decodeIcmp(ctx: DecodeContext, v6: boolean, off: number, end: number): Next {
  const b = ctx.bytes;
  need(b, off, 4, v6 ? 'ICMPv6 header' : 'ICMP header', end);
  const type = b[off];
  const c = u16(b, off + 2);
  const good = v6 ? (ctx.ipFamily ? internetChecksum(b, off, end, pseudoOf(ctx, IPPROTO.ICMPV6, end - off)) === 0 : undefined) : internetChecksum(b, off, end) === 0;
  checksumNote(ctx, v6 ? 'ICMPv6' : 'ICMP', off + 2, good, c);
  const echo = v6 ? type === 128 || type === 129 : type === 8 || type === 0;
  const hl = end - off >= 8 ? 8 : 4;
  ctx.layer(v6 ? 'icmpv6' : 'icmp', off, hl, () => {
    const fields = [field('Type', off, 1, type), field('Code', off + 1, 1, b[off + 1]), checksumField(off + 2, good, c)];
    if (hl === 8) {
      if (echo) fields.push(field('Identifier', off + 4, 2, hex16(u16(b, off + 4))), field('Sequence Number', off + 6, 2, u16(b, off + 6)));
      else fields.push(field('Rest of Header', off + 4, 4, hex32(u32(b, off + 4))));
    }
    return fields;
  });
  return { by: 'payload', offset: off + hl, end };
}
