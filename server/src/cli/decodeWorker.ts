// A worker thread of `tunnel-lens decode` (decode.ts starts one per core for a large capture): it
// receives chunks of the capture (transferred, not copied) with the offsets of their packets,
// decodes them in place as one batch (decodeBatch: one AES call per SA), and posts back the
// chunk's output text and tally. The main thread prints the texts in file order through the CLI's
// output edge (the masking of secrets and of control characters happens there).
import { parentPort, workerData } from 'node:worker_threads';
import { nodeCrypto } from '../../../codec/crypto-node';
import type { EspSa } from '../../../codec/espAlgorithms';
import { decodeBatch } from '../../../codec/packet';
import { DecodeTally, jsonPacket, packetText } from './decodeOutput';

export interface WorkerChunk {
  id: number;
  chunk: Uint8Array;
  /** start, length, link type of each packet in `chunk` */
  packets: Int32Array;
  firstNumber: number;
}

export interface WorkerResult {
  id: number;
  text: string;
  tally: ReturnType<DecodeTally['data']>;
}

/**
 * Packets decoded together: enough for one AES call per SA to pay, few enough that the decoded
 * objects die young (a 4 MiB chunk decoded at once kept ~20,000 packets alive across scavenges:
 * half the time in GC).
 */
export const BATCH = 256;

/** One chunk's output and tally (also what the main thread runs for a capture it decodes alone), `emit`ted per batch. */
export function decodeChunk(frames: Uint8Array[], linkTypes: number[], firstNumber: number, sas: readonly EspSa[], format: 'text' | 'json', tally: DecodeTally, emit: (text: string) => void): void {
  for (let from = 0; from < frames.length; from += BATCH) {
    const to = Math.min(frames.length, from + BATCH);
    const decoded = decodeBatch(frames.slice(from, to), linkTypes.slice(from, to), { sas, crypto: nodeCrypto, lazyFields: true, inPlace: true });
    // joined, not concatenated: a flat string, not a rope of thousands of pieces for the GC to copy
    const pieces: string[] = new Array(decoded.length);
    for (let i = 0; i < decoded.length; i++) {
      const d = decoded[i];
      const n = firstNumber + from + i;
      tally.add(d);
      pieces[i] = format === 'json' ? jsonPacket(n, d, linkTypes[from + i], n === 1) : packetText(n, d);
    }
    emit(pieces.join(''));
  }
}

if (parentPort && workerData?.tunnelLensDecode) {
  const port = parentPort;
  const { sas, format } = workerData as { sas: EspSa[]; format: 'text' | 'json' };
  port.on('message', (m: WorkerChunk) => {
    const frames: Uint8Array[] = [];
    const linkTypes: number[] = [];
    for (let i = 0; i < m.packets.length; i += 3) {
      frames.push(m.chunk.subarray(m.packets[i], m.packets[i] + m.packets[i + 1]));
      linkTypes.push(m.packets[i + 2]);
    }
    const tally = new DecodeTally(sas);
    const parts: string[] = [];
    decodeChunk(frames, linkTypes, m.firstNumber, sas, format, tally, (t) => parts.push(t));
    const text = parts.join('');
    const r: WorkerResult = { id: m.id, text, tally: tally.data() };
    port.postMessage(r);
  });
}
