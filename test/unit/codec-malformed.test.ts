// Malformed input never throws: every truncation, every single-bit flip and random garbage decode to
// what can be read plus an error; broken pcap/pcapng files keep the packets before the damage.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { nodeCrypto } from '../../codec/crypto-node';
import { layout, FOUNDING_CASE_STACK } from '../../codec/layout';
import { decodePacket, encodeStack, LINKTYPE } from '../../codec/packet';
import { readCapture, writePcap } from '../../codec/pcap';
import { writePcapng } from '../../codec/pcapng';
import { ciscoMisparseView, decryptedView } from '../../codec/views';
import { oracleCases } from '../fixtures/codec/cases';

/** Deterministic PRNG (mulberry32) so failures reproduce. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cases = oracleCases().filter((_, i) => i % 7 === 0);

test('every truncation of every sample decodes without throwing, with an error when headers are cut', () => {
  for (const c of cases) {
    const full = encodeStack(c.specs, { crypto: nodeCrypto }).bytes;
    for (let n = 0; n < full.length; n++) {
      const cut = full.subarray(0, n);
      let p;
      assert.doesNotThrow(() => (p = decodePacket(cut, LINKTYPE.ETHERNET, { sas: c.sa ? [c.sa] : [], crypto: nodeCrypto })), `${c.name} cut at ${n}`);
      const d = p!;
      for (const l of d.layers) assert.ok(l.offset + l.length <= n, `${c.name} cut at ${n}: layer ${l.name} beyond the data`);
      if (n < 14 + 20) assert.ok(d.errors.length > 0, `${c.name} cut at ${n} must report an error`);
      if (decryptedView(d)) ciscoMisparseView(d);
    }
  }
});

test('single-bit flips and random garbage never throw (all link types)', () => {
  const rand = rng(42);
  for (const c of cases) {
    const full = encodeStack(c.specs, { crypto: nodeCrypto }).bytes;
    for (let bit = 0; bit < Math.min(full.length * 8, 1200); bit += 3) {
      const b = full.slice();
      b[bit >> 3] ^= 1 << (bit & 7);
      const d = decodePacket(b, LINKTYPE.ETHERNET, { sas: c.sa ? [c.sa] : [], crypto: nodeCrypto });
      assert.ok(Array.isArray(d.errors));
      decryptedView(d);
      ciscoMisparseView(d);
    }
  }
  for (let i = 0; i < 3000; i++) {
    const b = Uint8Array.from({ length: Math.floor(rand() * 120) }, () => Math.floor(rand() * 256));
    if (b.length > 0 && rand() < 0.5) b[0] = rand() < 0.5 ? 0x45 : 0x60; // look like IP more often
    for (const lt of [LINKTYPE.ETHERNET, LINKTYPE.RAW, LINKTYPE.IPV4, LINKTYPE.IPV6, 147]) {
      assert.doesNotThrow(() => decodePacket(b, lt, { espClear: true, sas: [{ spi: 0, enc: 'null', encKey: new Uint8Array(0), integ: 'none', integKey: new Uint8Array(0) }] }));
    }
  }
  assert.match(decodePacket(new Uint8Array(4), 147).errors[0], /link type 147/);
});

test('specific malformations give clear errors', () => {
  const r = layout(FOUNDING_CASE_STACK, 1500, { crypto: nodeCrypto });
  const sa = { spi: 0x1001, enc: 'aes-cbc-128' as const, encKey: new Uint8Array(16), integ: 'hmac-sha1-96' as const, integKey: new Uint8Array(20) };
  // wrong keys: ICV bad, ESP payload left opaque
  const wrong = decodePacket(r.bytes, LINKTYPE.RAW, { sas: [sa], crypto: nodeCrypto });
  assert.equal(wrong.esp?.icvGood, false);
  assert.ok(wrong.notes.some((n) => n.code === 'icv-bad'));
  assert.ok(wrong.layers.some((l) => l.id === 'esp-encrypted'));
  // IPv6 payload length larger than the data
  const b = r.bytes.slice(0, 100);
  const d = decodePacket(b, LINKTYPE.RAW);
  assert.match(d.errors.join(), /payload length 1452 exceeds/);
  // IPv4 with header length < 20
  const v4 = encodeStack([{ kind: 'ipv4', src: '1.2.3.4', dst: '5.6.7.8' }]).bytes;
  v4[0] = 0x44;
  assert.match(decodePacket(v4, LINKTYPE.RAW).errors.join(), /header length 16/);
  // GRE version 7
  const g = encodeStack([{ kind: 'ipv4', src: '1.2.3.4', dst: '5.6.7.8' }, { kind: 'gre', protocol: 0x0800 }]).bytes;
  g[21] |= 7;
  assert.match(decodePacket(g, LINKTYPE.RAW).errors.join(), /GRE version 7/);
});

test('broken capture files keep what precedes the damage and never throw', () => {
  const frames = oracleCases().slice(0, 5).map((c) => encodeStack(c.specs, { crypto: nodeCrypto }).bytes);
  for (const file of [writePcap(frames, 1), writePcapng(frames, 1)]) {
    for (let n = 0; n < file.length; n += 7) {
      const c = readCapture(file.subarray(0, n));
      assert.ok(c.packets.length <= frames.length);
      if (n < file.length && n > 0) assert.ok(c.errors.length > 0 || c.packets.length < frames.length || n === 0);
    }
    const c = readCapture(file.subarray(0, file.length - 3));
    assert.equal(c.packets.length, 4);
    assert.equal(c.errors.length, 1);
  }
  assert.match(readCapture(new Uint8Array(40)).errors[0], /not a pcap file/);
  assert.match(readCapture(Uint8Array.of(1, 2)).errors[0], /shorter than the 24-byte header/);
  // every corpus capture, every truncation point on a coarse grid: no exception
  const dir = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'pcaps');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.pcap'))) {
    const data = readFileSync(join(dir, f));
    for (let n = 0; n < data.length; n += Math.max(1, Math.floor(data.length / 50))) {
      const c = readCapture(data.subarray(0, n));
      for (const p of c.packets) decodePacket(p.data, p.linkType);
    }
  }
});
