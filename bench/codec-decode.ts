// Benchmark (not a test): `tunnel-lens decode` against tshark on the same generated capture, in one
// run: N ESP packets (IPv6 / Destination Options / ESP transport / GRE / IPv4 / ICMP, AES-CBC-128 +
// HMAC-SHA1-96, or AES-GCM-128 with --gcm), both commands as a user runs them (a new process each,
// stdout to a file), tshark with the same SA as `-T fields` with 7 fields (as
// tools/oracles/bench_tshark.sh). Also the codec alone in this process (decodeBatch, what the CLI's
// threads run), and with --big the CLI's peak memory on a capture of about 1 GB (memory flat).
//   node esbuild.mjs && node --import tsx bench/codec-decode.ts [N] [--gcm] [--big] [--runs R]
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHex, toHex } from '../codec/bytes';
import { nodeCrypto } from '../codec/crypto-node';
import type { EspSa } from '../codec/espAlgorithms';
import { tsharkEspSa } from '../codec/layout';
import { decodeBatch, encodeStack, LINKTYPE } from '../codec/packet';
import { readCapture, writePcap } from '../codec/pcap';

const args = process.argv.slice(2);
const N = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
const gcm = args.includes('--gcm');
const big = args.includes('--big');
const runs = Number(args[args.indexOf('--runs') + 1] ?? 0) || 3;
// TL_CLI=/path/to/other/dist/cli.js measures another build (an older one has no --threads: the one-thread run is skipped)
const CLI = process.env.TL_CLI ?? join(__dirname, '..', 'dist', 'cli.js');
const hasThreads = !process.env.TL_CLI;

const sa: EspSa = gcm
  ? { spi: 0x1003, enc: 'aes-gcm-128', encKey: fromHex('feffe9928665731c6d6a8f9467308308cafebabe')!, integ: 'none', integKey: new Uint8Array(0) }
  : { spi: 0x1001, enc: 'aes-cbc-128', encKey: fromHex('00112233445566778899aabbccddeeff')!, integ: 'hmac-sha1-96', integKey: fromHex('0102030405060708090a0b0c0d0e0f1011121314')! };
const saArg = `0x${sa.spi.toString(16)}:${sa.enc}:0x${toHex(sa.encKey)}${sa.integ === 'none' ? '' : `:${sa.integ}:0x${toHex(sa.integKey)}`}`;
const data = new TextEncoder().encode('abcdefghijklmnopqrstuvwxyz012345');

const dir = mkdtempSync(join(tmpdir(), 'tl-bench-'));
const file = join(dir, 'bulk_esp.pcap');
let t0 = performance.now();
const frames: Uint8Array[] = [];
for (let i = 1; i <= N; i++) {
  frames.push(
    encodeStack(
      [
        { kind: 'ethernet' },
        { kind: 'ipv6', src: '2001:db8:1::1', dst: '2001:db8:2::1' },
        { kind: 'dstopts', encapLimit: 4 },
        { kind: 'esp', sa, seq: i },
        { kind: 'gre' },
        { kind: 'ipv4', src: '10.0.0.1', dst: '10.0.0.2', id: 0x1000 + (i & 0xfff) },
        { kind: 'icmp', id: 0x4242, seq: i & 0xffff },
        { kind: 'raw', data },
      ],
      { crypto: nodeCrypto },
    ).bytes,
  );
}
writeFileSync(file, writePcap(frames, LINKTYPE.ETHERNET));
const size = statSync(file).size;
console.log(`generated ${N} ESP packets (${sa.enc}${sa.integ === 'none' ? '' : ' + ' + sa.integ}), ${(size / 1e6).toFixed(1)} MB, in ${((performance.now() - t0) / 1000).toFixed(2)} s -> ${file}`);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`machine: ${availableParallelism()} cores; load average at start: ${load()}`);

/** Wall seconds of a command with stdout to a file; checks the line count it printed. */
function timed(cmd: string, argv: string[], out: string): { s: number; lines: number; bytes: number } {
  const fd = openSync(out, 'w');
  const t = performance.now();
  const r = spawnSync(cmd, argv, { stdio: ['ignore', fd, 'ignore'] });
  const s = (performance.now() - t) / 1000;
  closeSync(fd);
  if (r.error) throw r.error;
  const text = readFileSync(out, 'utf8');
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return { s, lines, bytes: text.length };
}

const tsharkArgs = ['-r', file, '-o', 'esp.enable_encryption_decode:TRUE', '-o', 'esp.enable_authentication_check:TRUE', '-o', `uat:esp_sa:${tsharkEspSa(sa, 'ipv6')}`, '-T', 'fields', '-e', 'ipv6.nxt', '-e', 'ipv6.opt.tel', '-e', 'esp.spi', '-e', 'esp.sequence', '-e', 'gre.proto', '-e', 'ip.src', '-e', 'icmp.seq'];
const rows: { run: number; tshark: number; cli: number; cli1: number }[] = [];
for (let r = 1; r <= runs; r++) {
  const ts = timed('tshark', tsharkArgs, join(dir, 'tshark.txt'));
  if (ts.lines !== N) throw new Error(`tshark printed ${ts.lines} lines for ${N} packets`);
  const cli = timed(process.execPath, [CLI, 'decode', file, '--sa', saArg], join(dir, 'cli.txt'));
  const cli1 = hasThreads ? timed(process.execPath, [CLI, 'decode', file, '--sa', saArg, '--threads', '1'], join(dir, 'cli1.txt')) : cli;
  const summary = readFileSync(join(dir, 'cli.txt'), 'utf8').trimEnd().split('\n').at(-1)!;
  if (!summary.includes(`decrypted ${N}, ICV good ${N}`)) throw new Error(`the CLI did not open every packet: ${summary}`);
  if (hasThreads && readFileSync(join(dir, 'cli.txt'), 'utf8') !== readFileSync(join(dir, 'cli1.txt'), 'utf8')) throw new Error('threaded and one-thread output differ');
  rows.push({ run: r, tshark: ts.s, cli: cli.s, cli1: cli1.s });
  console.log(
    `run ${r}: tshark ${ts.s.toFixed(2)} s (${Math.round(N / ts.s)} pkt/s, ${(ts.bytes / 1e6).toFixed(1)} MB out); ` +
      `tunnel-lens decode ${cli.s.toFixed(2)} s (${Math.round(N / cli.s)} pkt/s, ${(cli.bytes / 1e6).toFixed(1)} MB out) = ${(ts.s / cli.s).toFixed(2)}x tshark; ` +
      `--threads 1 ${cli1.s.toFixed(2)} s = ${(ts.s / cli1.s).toFixed(2)}x; load ${load()}`,
  );
}
const best = rows.reduce((a, b) => (b.tshark / b.cli > a.tshark / a.cli ? b : a));
const med = [...rows].sort((a, b) => a.tshark / a.cli - b.tshark / b.cli)[Math.floor(rows.length / 2)];
console.log(`ratio tunnel-lens decode / tshark: median ${(med.tshark / med.cli).toFixed(2)}x, best ${(best.tshark / best.cli).toFixed(2)}x (one thread: median ${(med.tshark / med.cli1).toFixed(2)}x)`);

// the codec alone, in this process: read, decode in batches of 256 in place, ICV checked
{
  for (let k = 0; k < 3; k++) {
    const bytes = readFileSync(file); // fresh: decryption writes in place
    const t = performance.now();
    const cap = readCapture(bytes);
    let good = 0;
    for (let i = 0; i < cap.packets.length; i += 256) {
      const batch = cap.packets.slice(i, i + 256);
      for (const d of decodeBatch(batch.map((p) => p.data), LINKTYPE.ETHERNET, { sas: [sa], crypto: nodeCrypto, lazyFields: true, inPlace: true })) if (d.esp?.icvGood) good++;
    }
    const s = (performance.now() - t) / 1000;
    if (good !== N) throw new Error(`codec: ${good}/${N} ICV good`);
    if (k === 2) console.log(`codec in process (decodeBatch, no output): ${s.toFixed(3)} s, ${Math.round(N / s)} pkt/s, ${((N * 80) / s / 1e6).toFixed(0)} MB/s of ciphertext`);
  }
}

if (big) {
  // about 1 GB: the capture's records repeated; peak RSS of the CLI (GNU time), output discarded
  const body = readFileSync(file).subarray(24);
  const copies = Math.ceil(1e9 / body.length);
  const bigFile = join(dir, 'big.pcap');
  const fd = openSync(bigFile, 'w');
  writeSync(fd, readFileSync(file).subarray(0, 24));
  for (let i = 0; i < copies; i++) writeSync(fd, body);
  closeSync(fd);
  for (const f of [file, bigFile]) {
    for (const threads of hasThreads ? [[], ['--threads', '1']] : [[]]) {
      t0 = performance.now();
      const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CLI, 'decode', f, '--sa', saArg, ...threads], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 20 });
      const kb = Number(r.stderr.trim().split('\n').at(-1));
      console.log(`peak RSS of tunnel-lens decode ${threads.join(' ')} on ${(statSync(f).size / 1e6).toFixed(0)} MB (${f === file ? N : N * copies} packets): ${(kb / 1024).toFixed(0)} MB, ${((performance.now() - t0) / 1000).toFixed(1)} s (load ${load()})`);
    }
  }
  rmSync(bigFile);
}
console.log(`load average at end: ${load()}`);
