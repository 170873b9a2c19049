// decodeBatch (the AES-CBC packets of a batch decrypted with one ECB call per SA, in place or in a
// copy) gives what decodePacket gives for each frame on its own: layers, every field, notes,
// errors, `esp` and the decrypted bytes. Over every oracle case (all transforms), the corpus
// captures with their SAs, wrong keys, a missing integrity part, truncations and bit flips.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { toHex } from '../../codec/bytes';
import { createNodeCrypto, nodeCrypto } from '../../codec/crypto-node';
import type { CryptoProvider } from '../../codec/crypto';
import type { EspSa } from '../../codec/espAlgorithms';
import { decodeBatch, decodePacket, encodeStack, LINKTYPE } from '../../codec/packet';
import { readCapture } from '../../codec/pcap';
import type { DecodedPacket } from '../../codec/types';
import { oracleCases } from '../fixtures/codec/cases';
import { corpusCaptures, corpusEspSaLines, parseEspSa } from '../helpers/pcapCorpus';

function view(d: DecodedPacket): string {
  return JSON.stringify({ layers: d.layers.map((l) => ({ id: l.id, name: l.name, offset: l.offset, length: l.length, encrypted: l.encrypted, fields: l.fields })), notes: d.notes, errors: d.errors, esp: d.esp, clear: toHex(d.clear) });
}

function rng(seed: number) {
  return () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

function compare(frames: Uint8Array[], linkTypes: number[], sas: EspSa[], crypto: CryptoProvider, what: string): number {
  const one = frames.map((f, i) => view(decodePacket(f, linkTypes[i], { sas, crypto })));
  for (const inPlace of [false, true]) {
    for (const lazyFields of [false, true]) {
      const copies = frames.map((f) => Uint8Array.from(f)); // (not f.slice(): a Buffer's slice is a view)
      const batch = decodeBatch(inPlace ? copies : frames, linkTypes, { sas, crypto, inPlace, lazyFields });
      batch.forEach((d, i) => assert.equal(view(d), one[i], `${what} #${i + 1} inPlace ${inPlace} lazy ${lazyFields}`));
      if (inPlace) batch.forEach((d) => assert.equal(d.clear, d.wire, 'in place: the frame holds the clear bytes'));
    }
  }
  return frames.length;
}

test('decodeBatch decodes every oracle case, and each mutated, as decodePacket does', () => {
  const cases = oracleCases();
  const frames = cases.map((c) => encodeStack(c.specs, { crypto: nodeCrypto }).bytes);
  const sas = cases.flatMap((c) => (c.sa ? [c.sa] : []));
  let n = compare(frames, frames.map(() => LINKTYPE.ETHERNET), sas, nodeCrypto, 'oracle');
  const r = rng(5);
  const mutated = frames.flatMap((f) => {
    const cut = f.subarray(0, Math.floor(r() * f.length));
    const flip = f.slice();
    flip[Math.floor(r() * f.length)] ^= 1 << Math.floor(r() * 8);
    const tail = f.slice();
    tail[tail.length - 20] ^= 0x80; // the last ciphertext block: ICV bad, or a broken trailer without integrity
    return [cut, flip, tail];
  });
  n += compare(mutated, mutated.map(() => LINKTYPE.ETHERNET), sas, createNodeCrypto(), 'mutated');
  // wrong keys (ICV good with a wrong encryption key: garbage trailers) and missing integrity parts
  const wrongEnc = sas.map((s) => ({ ...s, encKey: s.encKey.map((x) => x ^ 1) }));
  n += compare(frames, frames.map(() => LINKTYPE.ETHERNET), wrongEnc, nodeCrypto, 'wrong encryption key');
  const noInteg = sas.map((s) => ({ ...s, integ: 'none' as const, integKey: new Uint8Array(0) }));
  n += compare(frames, frames.map(() => LINKTYPE.ETHERNET), noInteg, nodeCrypto, 'no integrity');
  assert.ok(n > 2000);
});

test('decodeBatch decodes the corpus captures with their SAs as decodePacket does', () => {
  const sas = parseEspSa(corpusEspSaLines());
  for (const f of corpusCaptures()) {
    const cap = readCapture(readFileSync(f));
    compare(cap.packets.map((p) => p.data), cap.packets.map((p) => p.linkType), sas, nodeCrypto, f);
  }
});

test('decodeBatch opens all the AES-CBC packets of one SA with one ECB call, and without the ECB method decrypts packet by packet', () => {
  const c = oracleCases().find((x) => x.sa?.enc === 'aes-cbc-128')!;
  const frames = Array.from({ length: 50 }, () => encodeStack(c.specs, { crypto: nodeCrypto }).bytes);
  let calls = 0;
  let cbc = 0;
  const counting: CryptoProvider = { ...nodeCrypto, aesEcbDecrypt: (k, d) => (calls++, nodeCrypto.aesEcbDecrypt!(k, d)), aesCbcDecrypt: (k, iv, d) => (cbc++, nodeCrypto.aesCbcDecrypt(k, iv, d)) };
  const out = decodeBatch(frames, LINKTYPE.ETHERNET, { sas: [c.sa!], crypto: counting });
  assert.equal(calls, 1);
  assert.equal(cbc, 0);
  assert.ok(out.every((d) => d.esp?.decrypted && d.esp.icvGood));
  const { aesEcbDecrypt: _, ...plain } = counting;
  void _;
  const again = decodeBatch(frames, LINKTYPE.ETHERNET, { sas: [c.sa!], crypto: plain });
  assert.equal(cbc, 50);
  assert.deepEqual(again.map(view), out.map(view));
});
