// `tunnel-lens decode FILE.pcap [--sa SPI:ENC:KEY[:INTEG:KEY]]... [--format text|json]`: every packet
// of a pcap/pcapng as its protocol stack; ESP opened with the given SAs (ICV verified); the founding
// case (Destination Options in front of transport-mode ESP) flagged. Keys given with --sa are
// never printed. An SA that matched no packet is said on stderr.

import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fromHex } from '../../../codec/bytes';
import { checkSa } from '../../../codec/esp';
import { type EspSa, saMatches } from '../../../codec/espAlgorithms';
import { type CaptureScanner, scanChunks, scanStream } from '../../../codec/captureScanner';
import { parseEncryption, parseIntegrity } from './algorithmNames';
import { CliError, type CliIo, formatFlag, parseArgs, type Subcommand } from './common';
import { addCliSecrets } from './output';
import { DecodeTally, jsonHead, jsonTail } from './decodeOutput';
import { decodeChunk, type WorkerChunk, type WorkerResult } from './decodeWorker';

const hex32 = (v: number) => '0x' + (v >>> 0).toString(16).padStart(8, '0');

/** How an SPI was written: tshark's esp_sa reads it with strtoul(…, 0) (0x… hex, 0… octal, else decimal) or as a wildcard. */
export type SpiForm = 'hex' | 'decimal' | 'octal' | 'wildcard';

const SPI_FORMS = "0x1001 (hex), 4097 (decimal), 010001 (octal), * or 0x0000100* (wildcards), as tshark's esp_sa reads them";

/** An SPI in the forms tshark's esp_sa UAT accepts (packet-ipsec.c filter_spi_match). */
export function parseSpi(text: string): { spi: number; spiMask: number; form: SpiForm } {
  const t = text.trim();
  let spi = NaN;
  let spiMask = 0xffffffff;
  let form: SpiForm = 'decimal';
  if (t === '*') {
    spi = 0;
    spiMask = 0;
    form = 'wildcard';
  } else if (/^0x[0-9a-f*]{8}$/i.test(t) && t.includes('*')) {
    // tshark compares "0x%08x" digit by digit, `*` matching any digit
    spi = 0;
    spiMask = 0;
    for (const c of t.slice(2)) {
      spi = spi * 16 + (c === '*' ? 0 : parseInt(c, 16));
      spiMask = spiMask * 16 + (c === '*' ? 0 : 15);
    }
    form = 'wildcard';
  } else if (/^0x[0-9a-f]{1,8}$/i.test(t)) {
    spi = parseInt(t.slice(2), 16);
    form = 'hex';
  } else if (/^0[0-7]+$/.test(t)) {
    spi = parseInt(t, 8);
    form = 'octal';
  } else if (/^[1-9]\d*$|^0$/.test(t)) {
    // (a leading 0 makes tshark read octal, so 09 is refused, not read as 9)
    spi = Number(t);
  }
  if (!Number.isInteger(spi) || spi < 0 || spi > 0xffffffff) throw new CliError(`--sa: SPI '${text}' is not a 32-bit number; write ${SPI_FORMS}`);
  return { spi: spi >>> 0, spiMask: spiMask >>> 0, form };
}

function parseKey(text: string, what: string): Uint8Array {
  const k = fromHex(text);
  if (!k) throw new CliError(`--sa: ${what} key is not hex`); // the key itself is not echoed
  return k;
}

/** An --sa value: the SA and how its SPI was written (for the no-match message). */
export interface CliSa {
  sa: EspSa;
  spiText: string;
  form: SpiForm;
}

/** SPI:ENC:KEY[:INTEG:KEY] — e.g. 0x1001:aes-cbc-128:0x0011…:hmac-sha1-96:0x0102…; GCM keys include the 4-byte salt. */
export function parseCliSa(text: string): CliSa {
  const parts = text.split(':');
  // The keys are secrets: whatever the CLI prints from here on masks them, even in a message that
  // quotes a field given in the wrong place.
  addCliSecrets(parts.slice(1).filter((x) => /^(0x)?[0-9a-f]{8,}$/i.test(x)));
  if (parts.length !== 3 && parts.length !== 5) throw new CliError('--sa must be SPI:ENC:KEY or SPI:ENC:KEY:INTEG:KEY');
  const enc = parseEncryption(parts[1]);
  const spi = parseSpi(parts[0]);
  const sa: EspSa = {
    spi: spi.spi,
    enc,
    encKey: enc === 'null' && parts[2] === '' ? new Uint8Array(0) : parseKey(parts[2], 'encryption'),
    integ: parts.length === 5 ? parseIntegrity(parts[3]) : 'none',
    integKey: parts.length === 5 ? parseKey(parts[4], 'integrity') : new Uint8Array(0),
  };
  if (spi.spiMask !== 0xffffffff) sa.spiMask = spi.spiMask;
  const problem = checkSa(sa);
  if (problem) throw new CliError(`--sa ${parts[0]}: ${problem}`);
  return { sa, spiText: parts[0].trim(), form: spi.form };
}

export function parseSa(text: string): EspSa {
  return parseCliSa(text).sa;
}

/** One line per --sa that matched no ESP packet: what its SPI was read as, the SPIs the capture has. */
export function unmatchedSaLines(file: string, sas: readonly CliSa[], tally: DecodeTally): string[] {
  const out: string[] = [];
  const spis = [...tally.spis];
  sas.forEach((s, i) => {
    if (tally.perSa[i] > 0) return;
    const read = s.form === 'wildcard' ? 'a wildcard' : s.form === 'hex' ? hex32(s.sa.spi) : `${s.form} ${s.spiText} = ${hex32(s.sa.spi)}`;
    let line = `tunnel-lens decode: ${file}: --sa ${s.spiText} (${read}) matched no ESP packet; `;
    if (tally.esp === 0) line += 'the capture has no ESP packet';
    else if (spis.some(([spi]) => saMatches(s.sa, spi))) line += 'an earlier --sa with the same SPI took its packets';
    else {
      const shown = spis.slice(0, 8).map(([spi, n]) => `${hex32(spi)} (${n} packet${n === 1 ? '' : 's'})`);
      line += `the capture's SPIs: ${shown.join(', ')}${tally.spis.size > 8 ? `, … (${tally.spis.size} or more)` : ''}`;
      if (s.form !== 'hex' && s.form !== 'wildcard' && /^\d{1,8}$/.test(s.spiText)) {
        const asHex = parseInt(s.spiText, 16);
        if (spis.some(([spi]) => spi === asHex)) line += `; an SPI is read as tshark reads it (0x… hex, 0… octal, else decimal): for hex write 0x${s.spiText.replace(/^0+(?=.)/, '')}`;
      }
    }
    out.push(line + '\n');
  });
  return out;
}

/**
 * Captures at least this large are decoded on every core (worker threads), smaller ones in this
 * thread: each worker compiles the decoder anew (its first ~20,000 packets run ~3x slower while
 * V8 warms up), which a capture of ~100,000 packets does not win back (bench/RESULTS.md).
 */
export const PARALLEL_FROM = 64 << 20;

/** How many decodes ran on worker threads (for the tests: the parallel path is taken). */
export const decodeStats = { parallelRuns: 0 };

export interface DecodeRunOptions {
  /** Worker threads (default: one per core for a capture of PARALLEL_FROM bytes or more; 0 or 1: none). */
  threads?: number;
  /** Bytes read at a time (default 4 MiB). */
  chunkSize?: number;
}

/** tsx's require hook, named in code the worker evaluates (only when the sources run under tsx: never in the bundle). */
const TSX_HOOK = ['tsx', 'cjs', 'api'].join('/');

function workerFile(): string | undefined {
  // tsx runs the sources (the worker inherits its loader); the bundle has dist/decode-worker.js beside dist/cli.js
  const f = __filename.endsWith('.ts') ? join(__dirname, 'decodeWorker.ts') : join(__dirname, 'decode-worker.js');
  return existsSync(f) ? f : undefined;
}

/**
 * Decodes FILE streaming: read in chunks (memory stays at a few chunks whatever the file's size),
 * each chunk decoded as one batch in place, its output printed before the next is read, in this
 * thread or on every core. The output is the same bytes either way.
 */
export async function decodeFile(file: string, cliSas: readonly CliSa[], format: 'text' | 'json', io: CliIo, options: DecodeRunOptions = {}): Promise<number> {
  const sas = cliSas.map((s) => s.sa);
  let fd: number;
  let size: number;
  /** A pipe or device (`decode /dev/stdin`): read whole, as it has no size to stream by. */
  let whole: Uint8Array | undefined;
  try {
    fd = openSync(file, 'r');
    const st = fstatSync(fd);
    if (st.isDirectory()) {
      closeSync(fd);
      throw Object.assign(new Error('a directory'), { code: 'EISDIR' });
    }
    if (!st.isFile()) whole = readFileSync(fd);
    size = whole ? whole.length : st.size;
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    const read = whole
      ? (into: Uint8Array, at: number) => {
          const n = Math.min(into.length, whole!.length - at);
          into.set(whole!.subarray(at, at + n));
          return n;
        }
      : (into: Uint8Array, at: number) => readSync(fd, into, 0, into.length, at);
    const magic = new Uint8Array(4);
    const captureFormat = size >= 4 && read(magic, 0) === 4 && (magic[0] | (magic[1] << 8) | (magic[2] << 16) | (magic[3] << 24)) >>> 0 === 0x0a0d0d0a ? 'pcapng' : 'pcap';
    const tally = new DecodeTally(sas);
    const threads = options.threads ?? (size >= PARALLEL_FROM ? availableParallelism() : 1);
    const worker = threads > 1 ? workerFile() : undefined;
    let started = false;
    const print = (text: string) => {
      if (!started) {
        started = true;
        if (format === 'json') text = jsonHead(file, captureFormat) + text;
      }
      if (text) io.stdout(text);
    };
    const scanner = worker
      ? await decodeParallel(read, size, worker, threads, sas, format, tally, print, options.chunkSize)
      : decodeSequential(read, size, sas, format, tally, print, options.chunkSize);
    if (scanner.packets === 0 && scanner.errors.length) throw new CliError(`${file}: ${scanner.errors[0]}`);
    if (format === 'json') print(jsonTail(tally.packets, tally.summaryJson(), scanner.errors));
    else {
      let tail = '';
      for (const e of scanner.errors) tail += `file: ${e}\n`;
      print(tail + tally.summaryText(captureFormat) + '\n');
    }
    for (const line of unmatchedSaLines(file, cliSas, tally)) io.stderr(line);
    return tally.hasError ? 1 : 0;
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`${file}: ${(err as Error).message}`);
  } finally {
    closeSync(fd);
  }
}

function decodeSequential(read: (into: Uint8Array, at: number) => number, size: number, sas: readonly EspSa[], format: 'text' | 'json', tally: DecodeTally, print: (t: string) => void, chunkSize?: number): CaptureScanner {
  return scanStream(size, read, (c) => decodeChunk(c.frames, c.linkTypes, c.firstNumber, sas, format, tally, print), { chunkSize });
}

async function decodeParallel(read: (into: Uint8Array, at: number) => number, size: number, file: string, threads: number, sas: readonly EspSa[], format: 'text' | 'json', tally: DecodeTally, print: (t: string) => void, chunkSize?: number): Promise<CaptureScanner> {
  // (the sources, under tsx in the tests: the worker registers tsx's require hook before loading them)
  const start = (): Worker =>
    file.endsWith('.ts')
      ? new Worker(`require(${JSON.stringify(TSX_HOOK)}).register(); require(${JSON.stringify(file)});`, { eval: true, workerData: { tunnelLensDecode: true, sas, format } })
      : new Worker(file, { workerData: { tunnelLensDecode: true, sas, format } });
  const workers = Array.from({ length: threads }, start);
  decodeStats.parallelRuns++;
  const done = new Map<number, WorkerResult>();
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  for (const w of workers) {
    w.on('message', (r: WorkerResult) => {
      done.set(r.id, r);
      wake?.();
    });
    w.on('error', (e) => {
      failure = e;
      wake?.();
    });
    w.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`a decode worker stopped (exit ${code})`);
      wake?.();
    });
  }
  try {
    // 1 MiB chunks: each in flight holds its bytes and its ~2.5 MiB of output text in two threads
    const it = scanChunks(size, read, { chunkSize: chunkSize ?? 1 << 20, fresh: true });
    let sent = 0;
    let written = 0;
    let scanner: CaptureScanner | undefined;
    const maxInFlight = threads * 2;
    for (;;) {
      while (!scanner && sent - written < maxInFlight) {
        const r = it.next();
        if (r.done) {
          scanner = r.value;
          break;
        }
        const c = r.value;
        const packets = new Int32Array(c.frames.length * 3);
        c.frames.forEach((f, i) => {
          packets[3 * i] = f.byteOffset - c.chunk.byteOffset;
          packets[3 * i + 1] = f.length;
          packets[3 * i + 2] = c.linkTypes[i];
        });
        const m: WorkerChunk = { id: sent, chunk: c.chunk, packets, firstNumber: c.firstNumber };
        workers[sent % threads].postMessage(m, [c.chunk.buffer as ArrayBuffer, packets.buffer]);
        sent++;
      }
      while (done.has(written)) {
        const r = done.get(written)!;
        done.delete(written);
        tally.merge(r.tally);
        print(r.text);
        written++;
      }
      if (scanner && written === sent) return scanner;
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

export const run: Subcommand = (args: string[], io: CliIo) => {
  const p = parseArgs(args, ['sa', 'format', 'threads']);
  const format = formatFlag(p, ['text', 'json'], 'text');
  if (p.positionals.length !== 1) throw new CliError('decode needs exactly one FILE.pcap');
  const t = p.flags.get('threads')?.at(-1);
  if (t !== undefined && !/^\d{1,3}$/.test(t)) throw new CliError(`--threads must be a number of threads (0 or 1: decode in one thread), not '${t}'`);
  const cliSas = (p.flags.get('sa') ?? []).map(parseCliSa);
  return decodeFile(p.positionals[0], cliSas, format as 'text' | 'json', io, t === undefined ? {} : { threads: Number(t) });
};
