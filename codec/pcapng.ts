// pcapng (draft-ietf-opsawg-pcapng): Section Header, Interface Description (with if_tsresol),
// Enhanced, Simple and obsolete Packet blocks are read; other blocks are skipped. Writing
// produces one section, one interface, Enhanced Packet Blocks.

import { put16le, put32le, u16, u16le, u32, u32le } from './bytes';
import type { Capture } from './capture';
import type { WritablePacket } from './pcap';

const SHB = 0x0a0d0d0a;
const IDB = 1;
const OPB = 2;
const SPB = 3;
const EPB = 6;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;

interface Iface {
  linkType: number;
  snapLen: number;
  /** Timestamp units per second. */
  unitsPerSecond: bigint;
}

export function readPcapng(file: Uint8Array): Capture {
  const out: Capture = { format: 'pcapng', packets: [], errors: [] };
  let little = true;
  let ifaces: Iface[] = [];
  let o = 0;
  const r32 = (at: number) => (little ? u32le(file, at) : u32(file, at));
  const r16 = (at: number) => (little ? u16le(file, at) : u16(file, at));
  while (o < file.length) {
    if (o + 12 > file.length) {
      out.errors.push(`block at offset ${o} truncated`);
      break;
    }
    const type = u32le(file, o) === SHB ? SHB : r32(o);
    if (type === SHB) {
      const magic = u32le(file, o + 8);
      if (magic === BYTE_ORDER_MAGIC) little = true;
      else if (u32(file, o + 8) === BYTE_ORDER_MAGIC) little = false;
      else {
        out.errors.push(`section header at offset ${o} has no byte-order magic`);
        break;
      }
      ifaces = [];
    }
    const len = r32(o + 4);
    if (len < 12 || len % 4 !== 0 || o + len > file.length) {
      out.errors.push(`block at offset ${o}: length ${len} is invalid or runs past the end of the file`);
      break;
    }
    const body = o + 8;
    const bodyEnd = o + len - 4;
    if (type === IDB && bodyEnd - body >= 8) {
      const iface: Iface = { linkType: r16(body), snapLen: r32(body + 4), unitsPerSecond: 1_000_000n };
      // options: code(2) length(2) value padded to 4; if_tsresol = 9
      let p = body + 8;
      while (p + 4 <= bodyEnd) {
        const code = r16(p);
        const olen = r16(p + 2);
        if (code === 0) break;
        if (code === 9 && olen >= 1) {
          const v = file[p + 4];
          iface.unitsPerSecond = v & 0x80 ? 2n ** BigInt(v & 0x7f) : 10n ** BigInt(v);
        }
        p += 4 + ((olen + 3) & ~3);
      }
      ifaces.push(iface);
    } else if (type === EPB || type === OPB) {
      if (bodyEnd - body < 20) {
        out.errors.push(`packet block at offset ${o} too short`);
        break;
      }
      const ifId = type === EPB ? r32(body) : r16(body);
      const iface = ifaces[ifId];
      if (!iface) {
        out.errors.push(`packet block at offset ${o} names interface ${ifId}, which is not described`);
        break;
      }
      const ts = (BigInt(r32(body + 4)) << 32n) | BigInt(r32(body + 8));
      const cap = r32(body + 12);
      const orig = r32(body + 16);
      if (body + 20 + cap > bodyEnd) {
        out.errors.push(`packet block at offset ${o}: captured length ${cap} overruns the block`);
        break;
      }
      out.packets.push({
        seconds: Number(ts / iface.unitsPerSecond),
        nanos: Number(((ts % iface.unitsPerSecond) * 1_000_000_000n) / iface.unitsPerSecond),
        data: file.subarray(body + 20, body + 20 + cap),
        originalLength: orig,
        linkType: iface.linkType,
      });
    } else if (type === SPB) {
      const iface = ifaces[0];
      if (!iface) {
        out.errors.push(`simple packet block at offset ${o} before any interface`);
        break;
      }
      const orig = r32(body);
      const cap = Math.min(orig, bodyEnd - body - 4, iface.snapLen || Infinity);
      out.packets.push({ seconds: 0, nanos: 0, data: file.subarray(body + 4, body + 4 + cap), originalLength: orig, linkType: iface.linkType });
    }
    o += len;
  }
  return out;
}

function pad4(n: number): number {
  return (n + 3) & ~3;
}

/** One little-endian section, one interface (microsecond timestamps), Enhanced Packet Blocks. */
export function writePcapng(packets: readonly (WritablePacket | Uint8Array)[], linkType: number): Uint8Array {
  const list = packets.map((p) => (p instanceof Uint8Array ? { data: p } : p));
  const shbLen = 28;
  const idbLen = 20;
  let n = shbLen + idbLen;
  for (const p of list) n += 32 + pad4(p.data.length);
  const out = new Uint8Array(n);
  put32le(out, 0, SHB);
  put32le(out, 4, shbLen);
  put32le(out, 8, BYTE_ORDER_MAGIC);
  put16le(out, 12, 1);
  put16le(out, 14, 0);
  put32le(out, 16, 0xffffffff); // section length unknown (-1)
  put32le(out, 20, 0xffffffff);
  put32le(out, 24, shbLen);
  let o = shbLen;
  put32le(out, o, IDB);
  put32le(out, o + 4, idbLen);
  put16le(out, o + 8, linkType);
  put32le(out, o + 12, 262144);
  put32le(out, o + 16, idbLen);
  o += idbLen;
  list.forEach((p, i) => {
    const len = 32 + pad4(p.data.length);
    const us = BigInt(p.seconds ?? 1700000000) * 1_000_000n + BigInt(Math.floor((p.nanos ?? i * 1_000_000) / 1000));
    put32le(out, o, EPB);
    put32le(out, o + 4, len);
    put32le(out, o + 8, 0);
    put32le(out, o + 12, Number(us >> 32n));
    put32le(out, o + 16, Number(us & 0xffffffffn));
    put32le(out, o + 20, p.data.length);
    put32le(out, o + 24, p.data.length);
    out.set(p.data, o + 28);
    put32le(out, o + len - 4, len);
    o += len;
  });
  return out;
}
