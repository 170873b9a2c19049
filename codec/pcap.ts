// Classic libpcap files (https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-04.html): either
// byte order, microsecond (0xa1b2c3d4) or nanosecond (0xa1b23c4d) timestamps.

import { put16le, put32le, u16, u16le, u32, u32le } from './bytes';
import type { Capture, CapturedPacket } from './capture';
import { readPcapng } from './pcapng';

const MAGIC_US = 0xa1b2c3d4;
const MAGIC_NS = 0xa1b23c4d;
const GLOBAL_HEADER = 24;
const RECORD_HEADER = 16;

/** Reads a pcap or pcapng file (detected by its first bytes). Never throws. */
export function readCapture(file: Uint8Array): Capture {
  if (file.length >= 4 && u32le(file, 0) === 0x0a0d0d0a) return readPcapng(file);
  return readPcap(file);
}

export function readPcap(file: Uint8Array): Capture {
  const out: Capture = { format: 'pcap', packets: [], errors: [] };
  if (file.length < GLOBAL_HEADER) {
    out.errors.push(`not a pcap file: ${file.length} bytes is shorter than the 24-byte header`);
    return out;
  }
  const le = u32le(file, 0);
  const be = u32(file, 0);
  let little: boolean;
  let nano: boolean;
  if (le === MAGIC_US || le === MAGIC_NS) {
    little = true;
    nano = le === MAGIC_NS;
  } else if (be === MAGIC_US || be === MAGIC_NS) {
    little = false;
    nano = be === MAGIC_NS;
  } else {
    out.errors.push(`not a pcap file: magic 0x${be.toString(16).padStart(8, '0')}`);
    return out;
  }
  const r32 = little ? u32le : u32;
  const r16 = little ? u16le : u16;
  const major = r16(file, 4);
  if (major !== 2) out.errors.push(`pcap version ${major}.${r16(file, 6)} (expected 2.4); reading anyway`);
  const linkType = r32(file, 20) & 0x0fffffff; // upper bits: FCS info
  let o = GLOBAL_HEADER;
  while (o < file.length) {
    if (o + RECORD_HEADER > file.length) {
      out.errors.push(`packet ${out.packets.length + 1}: record header truncated at offset ${o}`);
      break;
    }
    const incl = r32(file, o + 8);
    const orig = r32(file, o + 12);
    if (o + RECORD_HEADER + incl > file.length) {
      out.errors.push(`packet ${out.packets.length + 1}: ${incl} bytes announced at offset ${o}, ${file.length - o - RECORD_HEADER} present`);
      break;
    }
    const frac = r32(file, o + 4);
    out.packets.push({
      seconds: r32(file, o),
      nanos: nano ? frac : frac * 1000,
      data: file.subarray(o + RECORD_HEADER, o + RECORD_HEADER + incl),
      originalLength: orig,
      linkType,
    });
    o += RECORD_HEADER + incl;
  }
  return out;
}

export interface WritablePacket {
  data: Uint8Array;
  seconds?: number;
  nanos?: number;
}

/** Writes a little-endian microsecond pcap with one link type. */
export function writePcap(packets: readonly (WritablePacket | Uint8Array)[], linkType: number): Uint8Array {
  const list = packets.map((p) => (p instanceof Uint8Array ? { data: p } : p));
  let n = GLOBAL_HEADER;
  for (const p of list) n += RECORD_HEADER + p.data.length;
  const out = new Uint8Array(n);
  put32le(out, 0, MAGIC_US);
  put16le(out, 4, 2);
  put16le(out, 6, 4);
  put32le(out, 16, 262144);
  put32le(out, 20, linkType);
  let o = GLOBAL_HEADER;
  list.forEach((p, i) => {
    // Default timestamps: one packet per millisecond from a fixed instant, so output is reproducible.
    put32le(out, o, p.seconds ?? 1700000000);
    put32le(out, o + 4, Math.floor((p.nanos ?? i * 1_000_000) / 1000));
    put32le(out, o + 8, p.data.length);
    put32le(out, o + 12, p.data.length);
    out.set(p.data, o + RECORD_HEADER);
    o += RECORD_HEADER + p.data.length;
  });
  return out;
}

export type { Capture, CapturedPacket };
