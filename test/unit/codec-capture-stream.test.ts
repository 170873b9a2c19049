// The capture read in chunks (scanStream, what `tunnel-lens decode` does on a file of any size) gives
// the same packets and the same errors as the whole file read at once (readCapture), whatever the
// chunk size: every corpus capture, each truncated and corrupted, in pcap and pcapng, with chunks
// from 64 bytes (smaller than most records: the buffer grows) to larger than the file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { toHex } from '../../codec/bytes';
import { scanStream } from '../../codec/captureScanner';
import { readCapture } from '../../codec/pcap';
import { writePcapng } from '../../codec/pcapng';
import { corpusCaptures } from '../helpers/pcapCorpus';

function streamed(file: Uint8Array, chunkSize: number, fresh: boolean) {
  const packets: string[] = [];
  const kept: { frames: Uint8Array[]; hex: string[] }[] = [];
  let reads = 0;
  const s = scanStream(
    file.length,
    (into, at) => {
      reads++;
      into.set(file.subarray(at, at + into.length));
      return Math.min(into.length, file.length - at);
    },
    (c) => {
      c.frames.forEach((f, i) => {
        assert.equal(c.firstNumber + i, packets.length + 1);
        assert.equal(f.buffer, c.chunk.buffer, 'a view into the chunk, not a copy');
        packets.push(`${c.linkTypes[i]}:${toHex(f)}`);
      });
      if (fresh) kept.push({ frames: c.frames, hex: c.frames.map((f) => toHex(f)) });
    },
    { chunkSize, fresh },
  );
  for (const k of kept) assert.deepEqual(k.frames.map((f) => toHex(f)), k.hex, 'fresh chunks are never overwritten');
  return { format: s.format, errors: s.errors, packets, reads };
}

test('scanStream reads every corpus capture (and its truncations and corruptions) chunk by chunk as readCapture reads it whole', () => {
  const seeds: Uint8Array[] = corpusCaptures().map((f) => new Uint8Array(readFileSync(f)));
  assert.ok(seeds.length >= 30);
  seeds.push(writePcapng(seeds.slice(0, 4).flatMap((s) => readCapture(s).packets.map((p) => p.data)), 1));
  let cases = 0;
  let seed = 11;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (const s of seeds) {
    const variants = [s, s.subarray(0, Math.floor(s.length * 0.7)), s.subarray(0, 30)];
    const flipped = s.slice();
    for (let i = 0; i < 4; i++) flipped[Math.floor(rnd() * Math.min(flipped.length, 200))] ^= 0xff;
    variants.push(flipped);
    for (const v of variants) {
      const whole = readCapture(v);
      const want = { format: whole.format, errors: whole.errors, packets: whole.packets.map((p) => `${p.linkType}:${toHex(p.data)}`) };
      for (const size of [64, 100, 1000, 1 << 20]) {
        for (const fresh of [false, true]) {
          const got = streamed(v, size, fresh);
          assert.deepEqual({ format: got.format, errors: got.errors, packets: got.packets }, want, `chunk ${size}${fresh ? ' fresh' : ''}`);
          cases++;
        }
      }
    }
  }
  assert.ok(cases > 900);
});

test('scanStream says when the file ends before its announced length (it changed while read)', () => {
  const file = readFileSync(corpusCaptures()[0]);
  assert.throws(() => scanStream(file.length + 100, (into, at) => { into.set(file.subarray(at, at + into.length)); return Math.max(0, Math.min(into.length, file.length - at)); }, () => {}), /changed while being read/);
});
