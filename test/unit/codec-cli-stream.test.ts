// `tunnel-lens decode` prints the same bytes whether it reads the capture whole or in chunks of any
// size, in this thread or on worker threads: text and JSON, a capture of several SAs and transforms
// (AES-CBC batches, AES-GCM, NULL), ICV-bad and truncated packets, an unknown SPI, a damaged end,
// pcap and pcapng. The reference is the plain decodePacket loop over readCapture.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { toHex } from '../../codec/bytes';
import { nodeCrypto } from '../../codec/crypto-node';
import { decodePacket, encodeStack, LINKTYPE } from '../../codec/packet';
import { readCapture, writePcap } from '../../codec/pcap';
import { writePcapng } from '../../codec/pcapng';
import { decodeFile, decodeStats, parseCliSa } from '../../server/src/cli/decode';
import { DecodeTally, jsonHead, jsonPacket, jsonTail, packetText } from '../../server/src/cli/decodeOutput';
import { oracleCases } from '../fixtures/codec/cases';

const cases = oracleCases();
const withSa = cases.filter((c) => c.sa);

function capture(n: number): Uint8Array[] {
  const frames: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    const c = cases[(i * 7) % cases.length];
    let f = encodeStack(c.specs, { crypto: nodeCrypto }).bytes;
    if (i % 17 === 3) f = f.subarray(0, f.length - 5); // truncated
    if (i % 23 === 5) (f = f.slice())[f.length - 3] ^= 1; // ICV bad
    frames.push(f);
  }
  return frames;
}

function saArg(s: NonNullable<(typeof cases)[number]['sa']>): string {
  return `0x${s.spi.toString(16)}:${s.enc}:0x${toHex(s.encKey)}${s.integ === 'none' ? '' : `:${s.integ}:0x${toHex(s.integKey)}`}`;
}

/** What decode printed before it streamed: every packet decoded on its own from the whole file. */
function reference(bytes: Uint8Array, file: string, format: 'text' | 'json', cliSas: ReturnType<typeof parseCliSa>[]): string {
  const sas = cliSas.map((s) => s.sa);
  const cap = readCapture(bytes);
  const tally = new DecodeTally(sas);
  let out = format === 'json' ? jsonHead(file, cap.format) : '';
  cap.packets.forEach((p, i) => {
    const d = decodePacket(p.data, p.linkType, { sas, crypto: nodeCrypto });
    tally.add(d);
    out += format === 'json' ? jsonPacket(i + 1, d, p.linkType, i === 0) : packetText(i + 1, d);
  });
  if (format === 'json') return out + jsonTail(cap.packets.length, tally.summaryJson(), cap.errors);
  for (const e of cap.errors) out += `file: ${e}\n`;
  return out + tally.summaryText(cap.format) + '\n';
}

test('decode streams, batches and spreads over worker threads without changing a byte of its output', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-stream-'));
  const frames = capture(1500);
  const damaged = writePcap(frames, LINKTYPE.ETHERNET);
  const files: [string, Uint8Array][] = [
    ['all.pcap', writePcap(frames, LINKTYPE.ETHERNET)],
    ['all.pcapng', writePcapng(frames, LINKTYPE.ETHERNET)],
    ['damaged.pcap', damaged.subarray(0, damaged.length - 50)],
  ];
  const cliSas = [...new Map(withSa.map((c) => [c.sa!.spi, c.sa!])).values()].filter((_, i) => i % 5 !== 4).map((s) => parseCliSa(saArg(s)));
  assert.ok(cliSas.length > 20);
  let runs = 0;
  for (const [name, bytes] of files) {
    const f = join(dir, name);
    writeFileSync(f, bytes);
    for (const format of ['text', 'json'] as const) {
      const want = reference(bytes, f, format, cliSas);
      let wantErr: string | undefined;
      for (const options of [{ threads: 1 }, { threads: 1, chunkSize: 100 }, { threads: 1, chunkSize: 5000 }, { threads: 2, chunkSize: 20000 }, { threads: 3, chunkSize: 64 << 10 }]) {
        let out = '';
        let err = '';
        const code = await decodeFile(f, cliSas, format, { stdout: (t) => (out += t), stderr: (t) => (err += t) }, options);
        assert.equal(out, want, `${name} ${format} ${JSON.stringify(options)}`);
        assert.equal(code, 1, 'the founding case is among the packets');
        wantErr ??= err;
        assert.equal(err, wantErr, 'the same SAs matched nothing');
        assert.match(err, /^(tunnel-lens decode: .* matched no ESP packet; the capture's SPIs: .*\n)+$/);
        runs++;
      }
    }
  }
  assert.equal(runs, 30);
  assert.equal(decodeStats.parallelRuns, 12, 'the runs with threads > 1 went through the worker threads');
});

test('decode reads a pipe whole (a FIFO, as /dev/stdin), and refuses a directory', async () => {
  const { execFileSync, spawn } = await import('node:child_process');
  const dir = mkdtempSync(join(tmpdir(), 'tl-fifo-'));
  const f = join(dir, 'in.pcap');
  const bytes = writePcap(capture(40), LINKTYPE.ETHERNET);
  writeFileSync(f, bytes);
  const fifo = join(dir, 'fifo');
  execFileSync('mkfifo', [fifo]);
  const writer = spawn('sh', ['-c', 'cat "$0" > "$1"', f, fifo], { stdio: 'ignore' });
  let out = '';
  const cliSas = [parseCliSa(saArg(withSa[0].sa!))];
  await decodeFile(fifo, cliSas, 'text', { stdout: (t) => (out += t), stderr: () => {} });
  await new Promise((r) => writer.on('exit', r));
  assert.equal(out.replaceAll(fifo, f), reference(bytes, f, 'text', cliSas));
  await assert.rejects(decodeFile(dir, cliSas, 'text', { stdout: () => {}, stderr: () => {} }), /cannot read .*: EISDIR/);
});
