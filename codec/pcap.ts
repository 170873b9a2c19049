// Classic libpcap files (https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-04.html): either
// byte order, microsecond (0xa1b2c3d4) or nanosecond (0xa1b23c4d) timestamps. Reading is the
// incremental scanner of captureScanner.ts (pcap and pcapng) given the whole file.

import { put16le, put32le } from './bytes';
import type { Capture, CapturedPacket } from './capture';
import { CaptureScanner } from './captureScanner';

const MAGIC_US = 0xa1b2c3d4;
const GLOBAL_HEADER = 24;
const RECORD_HEADER = 16;

/** Reads a pcap or pcapng file (detected by its first bytes). Never throws. */
export function readCapture(file: Uint8Array): Capture {
  return readWhole(file);
}

export function readPcap(file: Uint8Array): Capture {
  return readWhole(file, 'pcap');
}

/** The whole file through the incremental scanner (captureScanner.ts) in one chunk. */
export function readWhole(file: Uint8Array, format?: 'pcap' | 'pcapng'): Capture {
  const s = new CaptureScanner(file.length, true, format);
  const packets: CapturedPacket[] = [];
  s.scan(file, (data, linkType, originalLength, seconds, nanos) => packets.push({ seconds, nanos, data, originalLength, linkType }));
  return { format: s.format ?? 'pcap', packets, errors: s.errors };
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
