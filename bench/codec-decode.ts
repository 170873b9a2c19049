// Benchmark (not a test): decode + decrypt + ICV-check a generated 100,000-packet ESP pcap with the
// codec, and time tshark on the same file with the same SA (as tools/oracles/bench_tshark.sh does:
// `-T fields`, 7 fields). Prints packets/s for both and the ratio.
// The codec figure is the path `tunnel-lens decode` takes: every layer, offset, note, checksum and
// the ICV computed, field values formatted on first read (DecodeOptions.lazyFields; tshark -T fields
// likewise formats only the fields asked for). The full field model (every value formatted, what
// the preview needs) is timed too and printed as a second line.
//   node --import tsx bench/codec-decode.ts [N]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHex } from '../codec/bytes';
import { nodeCrypto } from '../codec/crypto-node';
import type { EspSa } from '../codec/espAlgorithms';
import { tsharkEspSa } from '../codec/layout';
import { decodePacket, encodeStack, LINKTYPE } from '../codec/packet';
import { readCapture, writePcap } from '../codec/pcap';

const N = Number(process.argv[2] ?? 100_000);
const sa: EspSa = { spi: 0x1001, enc: 'aes-cbc-128', encKey: fromHex('00112233445566778899aabbccddeeff')!, integ: 'hmac-sha1-96', integKey: fromHex('0102030405060708090a0b0c0d0e0f1011121314')! };
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
console.log(`generated ${N} ESP packets with the codec in ${((performance.now() - t0) / 1000).toFixed(2)} s -> ${file}`);

function decodeAll(lazyFields: boolean): number {
  const t = performance.now();
  const cap = readCapture(readFileSync(file));
  let good = 0;
  let layers = 0;
  for (const p of cap.packets) {
    const d = decodePacket(p.data, p.linkType, { sas: [sa], crypto: nodeCrypto, lazyFields });
    if (d.esp?.icvGood) good++;
    layers += d.layers.length;
  }
  const s = (performance.now() - t) / 1000;
  if (good !== N) throw new Error(`only ${good}/${N} packets decrypted with a good ICV`);
  console.log(
    `codec:  read + decode + decrypt + ICV check${lazyFields ? ' (fields on read)' : ' (every field formatted)'}: ${s.toFixed(2)} s  ${Math.round(N / s)} pkt/s  (${good} ICV good, ${layers} layers)`,
  );
  return s;
}
const codecS = decodeAll(true);
const fullS = decodeAll(false);

const F = ['-T', 'fields', '-e', 'ipv6.nxt', '-e', 'ipv6.opt.tel', '-e', 'esp.spi', '-e', 'esp.sequence', '-e', 'gre.proto', '-e', 'ip.src', '-e', 'icmp.seq'];
t0 = performance.now();
const out = execFileSync('tshark', ['-r', file, '-o', 'esp.enable_encryption_decode:TRUE', '-o', 'esp.enable_authentication_check:TRUE', '-o', `uat:esp_sa:${tsharkEspSa(sa, 'ipv6')}`, ...F], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 30 });
const tsharkS = (performance.now() - t0) / 1000;
const lines = out.split('\n').filter(Boolean).length;
console.log(`tshark: decrypt + ICV check, -T fields (7 fields): ${tsharkS.toFixed(2)} s  ${Math.round(N / tsharkS)} pkt/s  (${lines} lines)`);
console.log(`ratio codec/tshark: ${(tsharkS / codecS).toFixed(2)}x  (every field formatted: ${(tsharkS / fullS).toFixed(2)}x)`);
