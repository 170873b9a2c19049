// pcapng (draft-ietf-opsawg-pcapng): Section Header, Interface Description (with if_tsresol),
// Enhanced, Simple and obsolete Packet blocks are read; other blocks are skipped. Writing
// produces one section, one interface, Enhanced Packet Blocks.

import { put16le, put32le } from './bytes';
import type { Capture } from './capture';
import { readWhole, type WritablePacket } from './pcap';

const SHB = 0x0a0d0d0a;
const IDB = 1;
const EPB = 6;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;

/** Reads a pcapng file (the incremental scanner of captureScanner.ts given the whole file). Never throws. */
export function readPcapng(file: Uint8Array): Capture {
  return readWhole(file, 'pcapng');
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
