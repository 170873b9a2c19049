// GRE (RFC 2784 with the RFC 2890 key and sequence number extensions). Version 1 (PPTP, RFC 2637)
// is read too: its key field carries payload length + call id and it may carry an ack number.

import { need, put16, put32, u16, u32 } from './bytes';
import { internetChecksum } from './checksum';
import { type DecodeContext, field, hex16, type Next } from './context';
import { etherTypeLabel } from './protocols';
import type { GreSpec } from './types';
import { Code } from '../server/src/core/codes';

const F_CHECKSUM = 0x8000;
const F_KEY = 0x2000;
const F_SEQ = 0x1000;
const F_ACK = 0x0080; // version 1 only

/** gre_calc_hlen(): 4 + 4 per optional field. */
export function greHeaderLength(spec: Pick<GreSpec, 'checksum' | 'key' | 'seq'>): number {
  return 4 + (spec.checksum ? 4 : 0) + (spec.key !== undefined ? 4 : 0) + (spec.seq !== undefined ? 4 : 0);
}

export function encodeGre(spec: GreSpec, payload: Uint8Array, nextEtherType: number): Uint8Array {
  const hl = greHeaderLength(spec);
  const out = new Uint8Array(hl + payload.length);
  put16(out, 0, (spec.checksum ? F_CHECKSUM : 0) | (spec.key !== undefined ? F_KEY : 0) | (spec.seq !== undefined ? F_SEQ : 0));
  put16(out, 2, spec.protocol ?? nextEtherType);
  let o = 4;
  const csumAt = o;
  if (spec.checksum) o += 4; // checksum + reserved1, filled below
  if (spec.key !== undefined) {
    put32(out, o, spec.key >>> 0);
    o += 4;
  }
  if (spec.seq !== undefined) {
    put32(out, o, spec.seq >>> 0);
    o += 4;
  }
  out.set(payload, hl);
  // RFC 2784 §2.5: checksum over the GRE header and payload with the field zero.
  if (spec.checksum) put16(out, csumAt, internetChecksum(out));
  return out;
}

export function decodeGre(ctx: DecodeContext, off: number, end: number): Next {
  const b = ctx.bytes;
  need(b, off, 4, 'GRE header', end);
  const flags = u16(b, off);
  const version = flags & 7;
  const proto = u16(b, off + 2);
  if (version > 1) throw new Error(`GRE version ${version} is not defined`);
  // Bounds and the checksum (its note) now; the fields when read (see DecodeContext.layer).
  let o = off + 4;
  let good = true;
  if (flags & (F_CHECKSUM | 0x4000)) {
    need(b, o, 4, 'GRE checksum', end);
    good = internetChecksum(b, off, end) === 0;
    if (flags & F_CHECKSUM && !good) ctx.notes.push({ code: Code.badChecksum, severity: 'warning', message: 'GRE checksum is incorrect', offset: o });
    o += 4;
  }
  if (flags & F_KEY) {
    need(b, o, 4, 'GRE key', end);
    o += 4;
  }
  if (flags & F_SEQ) {
    need(b, o, 4, 'GRE sequence number', end);
    o += 4;
  }
  if (version === 1 && flags & F_ACK) {
    need(b, o, 4, 'GRE acknowledgment number', end);
    o += 4;
  }
  ctx.layer('gre', off, o - off, () => {
    const fields = [
      field('Flags and Version', off, 2, hex16(flags)),
      field('Protocol Type', off + 2, 2, etherTypeLabel(proto)),
    ];
    let f = off + 4;
    if (flags & (F_CHECKSUM | 0x4000)) {
      fields.push(field('Checksum', f, 2, `${hex16(u16(b, f))} (${flags & F_CHECKSUM ? (good ? 'correct' : 'incorrect') : 'not present'})`));
      f += 4;
    }
    if (flags & F_KEY) {
      if (version === 1) {
        fields.push(field('Payload Length', f, 2, u16(b, f)), field('Call ID', f + 2, 2, u16(b, f + 2)));
      } else {
        fields.push(field('Key', f, 4, u32(b, f)));
      }
      f += 4;
    }
    if (flags & F_SEQ) {
      fields.push(field('Sequence Number', f, 4, u32(b, f)));
      f += 4;
    }
    if (version === 1 && flags & F_ACK) fields.push(field('Acknowledgment Number', f, 4, u32(b, f)));
    return fields;
  });
  return { by: 'ether', value: proto, offset: o, end };
}
