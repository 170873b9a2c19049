// IPv4 (RFC 791) with its header checksum.

import { formatIpv4, parseIpv4 } from './address';
import { need, put16, u16 } from './bytes';
import { internetChecksum } from './checksum';
import { type DecodeContext, field, hex16, hex8, type Next } from './context';
import { protoLabel } from './protocols';
import type { Ipv4Spec } from './types';
import { Code } from '../server/src/core/codes';

export const IPV4_HEADER_LENGTH = 20;

export function ipv4Bytes(text: string): Uint8Array {
  const a = parseIpv4(text);
  if (!a) throw new Error(`not an IPv4 address: ${text}`);
  return a;
}

export function encodeIpv4(spec: Ipv4Spec, payload: Uint8Array, nextProto: number): Uint8Array {
  const opts = spec.options ?? new Uint8Array(0);
  if (opts.length % 4 !== 0 || opts.length > 40) throw new Error('IPv4 options must be a multiple of 4 bytes, at most 40');
  const hl = IPV4_HEADER_LENGTH + opts.length;
  const total = hl + payload.length;
  if (total > 0xffff) throw new Error(`IPv4 packet too long: ${total}`);
  const out = new Uint8Array(total);
  out[0] = 0x40 | (hl >> 2);
  out[1] = spec.tos ?? 0;
  put16(out, 2, total);
  put16(out, 4, spec.id ?? 0);
  const fo = (spec.fragmentOffset ?? 0) >> 3;
  put16(out, 6, ((spec.flags ?? 0) << 13) | (fo & 0x1fff));
  out[8] = spec.ttl ?? 64;
  out[9] = spec.protocol ?? nextProto;
  out.set(ipv4Bytes(spec.src), 12);
  out.set(ipv4Bytes(spec.dst), 16);
  out.set(opts, 20);
  put16(out, 10, internetChecksum(out, 0, hl));
  out.set(payload, hl);
  return out;
}

export function decodeIpv4(ctx: DecodeContext, off: number, end: number): Next {
  const b = ctx.bytes;
  need(b, off, IPV4_HEADER_LENGTH, 'IPv4 header', end);
  const version = b[off] >> 4;
  const ihl = (b[off] & 0x0f) * 4;
  if (version !== 4) throw new Error(`IPv4 header has version ${version}`);
  if (ihl < IPV4_HEADER_LENGTH) throw new Error(`IPv4 header length ${ihl} is below 20`);
  need(b, off, ihl, 'IPv4 header with options', end);
  const total = u16(b, off + 2);
  const flagsFrag = u16(b, off + 6);
  const proto = b[off + 9];
  const csum = u16(b, off + 10);
  const good = internetChecksum(b, off, off + ihl) === 0;
  ctx.layer('ipv4', off, ihl, () => {
  const fields = [
    field('Version', off, 1, version),
    field('Header Length', off, 1, ihl),
    field('DSCP', off + 1, 1, b[off + 1] >> 2),
    field('ECN', off + 1, 1, b[off + 1] & 3),
    field('Total Length', off + 2, 2, total),
    field('Identification', off + 4, 2, hex16(u16(b, off + 4))),
    field('Flags', off + 6, 1, hex8(flagsFrag >> 13) + ((flagsFrag & 0x4000) ? ' (DF)' : '') + ((flagsFrag & 0x2000) ? ' (MF)' : '')),
    field('Fragment Offset', off + 6, 2, (flagsFrag & 0x1fff) * 8),
    field('TTL', off + 8, 1, b[off + 8]),
    field('Protocol', off + 9, 1, protoLabel(proto)),
    field('Header Checksum', off + 10, 2, `${hex16(csum)} (${good ? 'correct' : 'incorrect'})`),
    field('Source', off + 12, 4, formatIpv4(b, off + 12)),
    field('Destination', off + 16, 4, formatIpv4(b, off + 16)),
  ];
  if (ihl > IPV4_HEADER_LENGTH) fields.push(field('Options', off + 20, ihl - 20, ihl - 20 + ' bytes'));
  return fields;
  });
  if (!good) ctx.notes.push({ code: Code.badChecksum, severity: 'warning', message: `IPv4 header checksum ${hex16(csum)} is incorrect`, offset: off + 10 });
  ctx.ipFamily = 4;
  ctx.ipSrc = off + 12;
  ctx.ipDst = off + 16;
  let pEnd = off + total;
  if (total < ihl) throw new Error(`IPv4 total length ${total} is below the header length ${ihl}`);
  if (pEnd > end) {
    ctx.errors.push(`IPv4 total length ${total} exceeds the ${end - off} bytes captured`);
    pEnd = end;
  }
  // Only the first fragment carries the upper-layer header, and only a whole datagram can be read.
  if ((flagsFrag & 0x3fff) !== 0) return { by: 'payload', offset: off + ihl, end: pEnd };
  return { by: 'ip', value: proto, offset: off + ihl, end: pEnd };
}
