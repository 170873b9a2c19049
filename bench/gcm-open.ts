// Benchmark (not a test): what opening one AES-GCM ESP packet costs, per packet, three ways on the
// same 100,000 packets (80-byte payloads, 8-byte AAD, 16-byte tag):
//   - node:crypto as the codec does it (crypto-node.ts aesGcmOpen): createDecipheriv per packet,
//     since a GCM Decipher cannot be given a new nonce; and that creation alone;
//   - @noble/ciphers' gcm (pure JS; would also serve the webview) — when installed
//     (`npm install --no-save @noble/ciphers@2.4.0`), it is not a dependency;
//   - the CTR half batched: every packet's counter blocks through one cached AES-ECB Cipher (what a
//     batched GCM would use, GHASH still to be done in JS).
//   node --import tsx bench/gcm-open.ts [N]
import { createCipheriv } from 'node:crypto';
import { loadavg } from 'node:os';
import { nodeCrypto } from '../codec/crypto-node';

const N = Number(process.argv[2] ?? 100_000);
const key = Buffer.from('feffe9928665731c6d6a8f9467308308', 'hex');
const pkts: { nonce: Buffer; aad: Buffer; ct: Buffer; tag: Buffer }[] = [];
for (let i = 0; i < N; i++) {
  const nonce = Buffer.alloc(12);
  nonce.writeUInt32BE(i, 8);
  const aad = Buffer.alloc(8, i & 255);
  const c = createCipheriv('aes-128-gcm', key, nonce);
  c.setAAD(aad);
  const ct = Buffer.concat([c.update(Buffer.alloc(80, i & 255)), c.final()]);
  pkts.push({ nonce, aad, ct, tag: c.getAuthTag() });
}

type Way = [string, () => number];
const ways: Way[] = [
  ['node:crypto, createDecipheriv + update + final per packet (the codec)', () => pkts.filter((p) => nodeCrypto.aesGcmOpen(key, p.nonce, p.aad, p.ct, p.tag)).length],
  [
    'node:crypto, createDecipheriv alone',
    () => {
      const { createDecipheriv } = require('node:crypto') as typeof import('node:crypto');
      for (const p of pkts) createDecipheriv('aes-128-gcm', key, p.nonce, { authTagLength: 16 });
      return N;
    },
  ],
  [
    'node:crypto, CTR keystream of every packet in one AES-ECB call (no GHASH)',
    () => {
      const ecb = createCipheriv('aes-128-ecb', key, null);
      ecb.setAutoPadding(false);
      const blocks = Buffer.alloc(N * 6 * 16);
      for (let i = 0; i < N; i++)
        for (let b = 0; b < 6; b++) {
          pkts[i].nonce.copy(blocks, (i * 6 + b) * 16);
          blocks.writeUInt32BE(b + 1, (i * 6 + b) * 16 + 12);
        }
      return ecb.update(blocks).length / 96;
    },
  ],
];

(async () => {
  try {
    const spec = '@noble/ciphers/aes.js';
    const { gcm } = (await import(spec)) as { gcm: (k: Uint8Array, n: Uint8Array, aad: Uint8Array) => { decrypt(ct: Uint8Array): Uint8Array } };
    ways.push([
      '@noble/ciphers gcm per packet',
      () => {
        const k = new Uint8Array(key);
        for (const p of pkts) gcm(k, p.nonce, p.aad).decrypt(Buffer.concat([p.ct, p.tag]));
        return N;
      },
    ]);
  } catch {
    console.log('@noble/ciphers is not installed: npm install --no-save @noble/ciphers@2.4.0 to measure it');
  }
  console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  for (const [name, f] of ways) {
    f();
    const t = performance.now();
    const n = f();
    const ms = performance.now() - t;
    console.log(`${name}: ${((ms * 1000) / N).toFixed(2)} µs/packet (${n} packets, ${ms.toFixed(0)} ms)`);
  }
})();
