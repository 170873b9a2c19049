// The pcap and pcapng readers as one incremental scanner: the file comes in chunks (any sizes, in
// order), each complete record is handed over as a view into its chunk (never copied), and what a
// chunk ends with that is not a whole record is left for the caller to prepend to the next one.
// Knowing the file's total length up front, the scanner reports a truncated or overlong record as
// soon as it meets it, with the same message and offset a reader of the whole file gives:
// readCapture() (pcap.ts) is this scanner fed the whole file at once.
//
// pcap: https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-04.html (either byte order, µs or ns
// timestamps). pcapng: draft-ietf-opsawg-pcapng (Section Header, Interface Description with
// if_tsresol, Enhanced, Simple and obsolete Packet blocks; other blocks are skipped).

import { u16, u16le, u32, u32le } from './bytes';

const MAGIC_US = 0xa1b2c3d4;
const MAGIC_NS = 0xa1b23c4d;
const GLOBAL_HEADER = 24;
const RECORD_HEADER = 16;
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

/** Called once per packet: `data` is a view into the chunk being scanned, valid until the caller reuses it. */
export type PacketSink = (data: Uint8Array, linkType: number, originalLength: number, seconds: number, nanos: number) => void;

export class CaptureScanner {
  format: 'pcap' | 'pcapng' | undefined;
  readonly errors: string[] = [];
  /** Set once reading has stopped (the end, or the first problem: the packets before it are kept). */
  done = false;
  packets = 0;
  private offset = 0;
  // pcap
  private little = true;
  private nano = false;
  private linkType = 0;
  // pcapng
  private ifaces: Iface[] = [];

  /**
   * @param total the file's length in bytes
   * @param timestamps compute each packet's seconds and nanos (0, 0 when false: pcapng needs BigInt per packet)
   */
  constructor(
    readonly total: number,
    private readonly timestamps = true,
    format?: 'pcap' | 'pcapng',
  ) {
    this.format = format;
    this.forced = format;
  }
  private readonly forced: 'pcap' | 'pcapng' | undefined;
  private started = false;

  /** The file offset the next chunk must start at. */
  get position(): number {
    return this.offset;
  }

  /**
   * Scans `chunk`, which holds the file from `position` on (at least up to what the last call left);
   * returns how many bytes of it were consumed. The rest (a record not yet complete) must start the
   * next chunk. When the chunk reaches the end of the file, everything is consumed and `done` is set.
   */
  scan(chunk: Uint8Array, sink: PacketSink): number {
    if (this.done) return 0;
    const base = this.offset;
    if (!this.started) {
      if (chunk.length < Math.min(this.total, GLOBAL_HEADER)) return 0; // too little to tell yet
      this.started = true;
      if (this.forced === undefined) this.format = this.total >= 4 && u32le(chunk, 0) === SHB ? 'pcapng' : 'pcap';
      if (this.format === 'pcap') {
        if (!this.pcapHeader(chunk)) {
          this.offset = this.total;
          return chunk.length;
        }
        this.offset = GLOBAL_HEADER;
      }
    }
    if (this.format === 'pcap') this.scanPcap(chunk, base, sink);
    else this.scanPcapng(chunk, base, sink);
    if (this.offset >= this.total) this.done = true;
    return this.done ? chunk.length : this.offset - base;
  }

  private pcapHeader(file: Uint8Array): boolean {
    if (this.total < GLOBAL_HEADER) {
      this.errors.push(`not a pcap file: ${this.total} bytes is shorter than the 24-byte header`);
      this.done = true;
      return false;
    }
    const le = u32le(file, 0);
    const be = u32(file, 0);
    if (le === MAGIC_US || le === MAGIC_NS) {
      this.little = true;
      this.nano = le === MAGIC_NS;
    } else if (be === MAGIC_US || be === MAGIC_NS) {
      this.little = false;
      this.nano = be === MAGIC_NS;
    } else {
      this.errors.push(`not a pcap file: magic 0x${be.toString(16).padStart(8, '0')}`);
      this.done = true;
      return false;
    }
    const r16 = this.little ? u16le : u16;
    const r32 = this.little ? u32le : u32;
    const major = r16(file, 4);
    if (major !== 2) this.errors.push(`pcap version ${major}.${r16(file, 6)} (expected 2.4); reading anyway`);
    this.linkType = r32(file, 20) & 0x0fffffff; // upper bits: FCS info
    return true;
  }

  private stop(message: string): void {
    this.errors.push(message);
    this.done = true;
    this.offset = this.total;
  }

  /** Records from this.offset (file) = chunk[this.offset - base]. */
  private scanPcap(file: Uint8Array, base: number, sink: PacketSink): void {
    const r32 = this.little ? u32le : u32;
    const total = this.total;
    const end = base + file.length;
    let o = this.offset;
    while (o < total) {
      if (o + RECORD_HEADER > total) {
        this.offset = o;
        this.stop(`packet ${this.packets + 1}: record header truncated at offset ${o}`);
        return;
      }
      if (o + RECORD_HEADER > end) break;
      const at = o - base;
      const incl = r32(file, at + 8);
      if (o + RECORD_HEADER + incl > total) {
        this.offset = o;
        this.stop(`packet ${this.packets + 1}: ${incl} bytes announced at offset ${o}, ${total - o - RECORD_HEADER} present`);
        return;
      }
      if (o + RECORD_HEADER + incl > end) break;
      this.packets++;
      const frac = r32(file, at + 4);
      sink(file.subarray(at + RECORD_HEADER, at + RECORD_HEADER + incl), this.linkType, r32(file, at + 12), this.timestamps ? r32(file, at) : 0, this.timestamps ? (this.nano ? frac : frac * 1000) : 0);
      o += RECORD_HEADER + incl;
    }
    this.offset = o;
  }

  private scanPcapng(file: Uint8Array, base: number, sink: PacketSink): void {
    const total = this.total;
    const end = base + file.length;
    let o = this.offset;
    while (o < total) {
      if (o + 12 > total) {
        this.offset = o;
        this.stop(`block at offset ${o} truncated`);
        return;
      }
      if (o + 12 > end) break;
      const at = o - base;
      let little = this.little;
      const isShb = u32le(file, at) === SHB;
      if (isShb) {
        const magic = u32le(file, at + 8);
        if (magic === BYTE_ORDER_MAGIC) little = true;
        else if (u32(file, at + 8) === BYTE_ORDER_MAGIC) little = false;
        else {
          this.offset = o;
          this.stop(`section header at offset ${o} has no byte-order magic`);
          return;
        }
      }
      const r32 = little ? u32le : u32;
      const r16 = little ? u16le : u16;
      const type = isShb ? SHB : r32(file, at);
      const len = r32(file, at + 4);
      if (len < 12 || len % 4 !== 0 || o + len > total) {
        this.offset = o;
        this.stop(`block at offset ${o}: length ${len} is invalid or runs past the end of the file`);
        return;
      }
      if (o + len > end) break;
      if (isShb) {
        this.little = little;
        this.ifaces = [];
      }
      const body = at + 8;
      const bodyEnd = at + len - 4;
      if (type === IDB && bodyEnd - body >= 8) {
        const iface: Iface = { linkType: r16(file, body), snapLen: r32(file, body + 4), unitsPerSecond: 1_000_000n };
        // options: code(2) length(2) value padded to 4; if_tsresol = 9
        let p = body + 8;
        while (p + 4 <= bodyEnd) {
          const code = r16(file, p);
          const olen = r16(file, p + 2);
          if (code === 0) break;
          if (code === 9 && olen >= 1) {
            const v = file[p + 4];
            iface.unitsPerSecond = v & 0x80 ? 2n ** BigInt(v & 0x7f) : 10n ** BigInt(v);
          }
          p += 4 + ((olen + 3) & ~3);
        }
        this.ifaces.push(iface);
      } else if (type === EPB || type === OPB) {
        if (bodyEnd - body < 20) {
          this.offset = o;
          this.stop(`packet block at offset ${o} too short`);
          return;
        }
        const ifId = type === EPB ? r32(file, body) : r16(file, body);
        const iface = this.ifaces[ifId];
        if (!iface) {
          this.offset = o;
          this.stop(`packet block at offset ${o} names interface ${ifId}, which is not described`);
          return;
        }
        const cap = r32(file, body + 12);
        const orig = r32(file, body + 16);
        if (body + 20 + cap > bodyEnd) {
          this.offset = o;
          this.stop(`packet block at offset ${o}: captured length ${cap} overruns the block`);
          return;
        }
        let seconds = 0;
        let nanos = 0;
        if (this.timestamps) {
          const ts = (BigInt(r32(file, body + 4)) << 32n) | BigInt(r32(file, body + 8));
          seconds = Number(ts / iface.unitsPerSecond);
          nanos = Number(((ts % iface.unitsPerSecond) * 1_000_000_000n) / iface.unitsPerSecond);
        }
        this.packets++;
        sink(file.subarray(body + 20, body + 20 + cap), iface.linkType, orig, seconds, nanos);
      } else if (type === SPB) {
        const iface = this.ifaces[0];
        if (!iface) {
          this.offset = o;
          this.stop(`simple packet block at offset ${o} before any interface`);
          return;
        }
        const orig = r32(file, body);
        const cap = Math.min(orig, bodyEnd - body - 4, iface.snapLen || Infinity);
        this.packets++;
        sink(file.subarray(body + 4, body + 4 + cap), iface.linkType, orig, 0, 0);
      }
      o += len;
    }
    this.offset = o;
  }
}

/** What scanStream hands over per chunk: the packets read from it, as views into `chunk`. */
export interface ScannedChunk {
  chunk: Uint8Array;
  frames: Uint8Array[];
  linkTypes: number[];
  /** Number of the first packet of the chunk (1-based, in file order). */
  firstNumber: number;
}

export interface ScanStreamOptions {
  /** Bytes read at a time (default 4 MiB); a record larger than that grows the buffer. */
  chunkSize?: number;
  /**
   * A new buffer per chunk (the caller keeps or hands off each chunk; only the partial record at
   * the end is copied into the next one). Default: one buffer reused, the views valid only until
   * onChunk returns.
   */
  fresh?: boolean;
}

/**
 * Reads a capture of `total` bytes chunk by chunk through `read(into, position)` (returns the bytes
 * read; fewer than asked only at the end), scanning each chunk as it comes: memory stays at about
 * one chunk (or what the caller keeps of fresh ones). Yields the chunks that hold packets; returns
 * the scanner (format, errors, packets).
 */
export function* scanChunks(total: number, read: (into: Uint8Array, position: number) => number, options: ScanStreamOptions = {}): Generator<ScannedChunk, CaptureScanner, void> {
  const size = Math.max(64, options.chunkSize ?? 4 << 20);
  const s = new CaptureScanner(total, false);
  let buf = new Uint8Array(Math.min(size, Math.max(total, 64)));
  let fill = 0;
  let first = 1;
  while (!s.done) {
    const want = Math.min(buf.length - fill, total - (s.position + fill));
    if (want > 0) {
      const n = read(buf.subarray(fill, fill + want), s.position + fill);
      if (n <= 0) throw new Error(`the file ended at ${s.position + fill} bytes while reading, ${total} expected (it changed while being read)`);
      fill += n;
    }
    const frames: Uint8Array[] = [];
    const linkTypes: number[] = [];
    const view = buf.subarray(0, fill);
    const used = s.scan(view, (d, lt) => {
      frames.push(d);
      linkTypes.push(lt);
    });
    const rest = fill - used;
    const old = buf;
    if (options.fresh) {
      buf = new Uint8Array(rest === buf.length ? buf.length * 2 : Math.max(size, buf.length));
      buf.set(old.subarray(used, fill), 0);
    } else if (rest === buf.length) {
      // a record larger than the buffer: grow it (bounded by the record, which fits the file)
      buf = new Uint8Array(buf.length * 2);
      buf.set(old, 0);
    }
    if (frames.length) {
      yield { chunk: view, frames, linkTypes, firstNumber: first };
      first += frames.length;
    }
    if (!options.fresh && buf === old) buf.copyWithin(0, used, fill);
    fill = rest;
  }
  return s;
}

/** scanChunks with a callback (the views valid until it returns, unless `fresh`). */
export function scanStream(total: number, read: (into: Uint8Array, position: number) => number, onChunk: (c: ScannedChunk) => void, options: ScanStreamOptions = {}): CaptureScanner {
  const it = scanChunks(total, read, options);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
    onChunk(r.value);
  }
}
