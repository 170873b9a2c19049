// The cached crypto paths of codec/crypto-node.ts against node:crypto's own one-object-per-call
// answers on random data: AES-CBC decryption through one cached ECB decipher per key (reused
// across packets and keys), HMAC from precomputed pad blocks (crypto.hash one-shots and copied
// Hash states) and the TypeScript HMAC-SHA-1; plus lazily built fields (DecodeOptions.lazyFields).
import assert from 'node:assert/strict';
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { fromHex } from '../../codec/bytes';
import type { HashName } from '../../codec/crypto';
import { createNodeCrypto, nodeCrypto } from '../../codec/crypto-node';
import type { EspSa } from '../../codec/espAlgorithms';
import { decodePacket, encodeStack, LINKTYPE } from '../../codec/packet';
import { readCapture, writePcap } from '../../codec/pcap';
import { HmacSha1, sha1 } from '../../codec/sha1';
import type { LayerSpec } from '../../codec/types';

function nodeCbcDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Buffer {
  const d = createDecipheriv(`aes-${key.length * 8}-cbc`, key, iv);
  d.setAutoPadding(false);
  return Buffer.concat([d.update(data), d.final()]);
}

test('AES-CBC decrypt via the cached ECB decipher equals node CBC (random data, keys reused across packets)', () => {
  const crypto = createNodeCrypto();
  const keys = [16, 24, 32, 16, 32].map((n) => new Uint8Array(randomBytes(n)));
  for (let round = 0; round < 300; round++) {
    const key = keys[round % keys.length];
    const iv = new Uint8Array(randomBytes(16));
    const data = new Uint8Array(randomBytes(16 * (round % 9)));
    assert.deepEqual(Buffer.from(crypto.aesCbcDecrypt(key, iv, data)), nodeCbcDecrypt(key, iv, data), `round ${round}`);
  }
  assert.equal(crypto.caches.ecb.size, 5); // one decipher per key, reused by every packet of it
  // real ciphertext round-trips through the cached path
  const key = keys[0];
  const iv = new Uint8Array(randomBytes(16));
  const plain = new Uint8Array(randomBytes(160));
  const c = createCipheriv('aes-128-cbc', key, iv);
  c.setAutoPadding(false);
  const ct = Buffer.concat([c.update(plain), c.final()]);
  assert.deepEqual(crypto.aesCbcDecrypt(key, iv, ct), plain);
});

test('the ECB cache is keyed by content: a key mutated in place or a fresh copy gets the right state', () => {
  const crypto = createNodeCrypto();
  const key = new Uint8Array(randomBytes(16));
  const iv = new Uint8Array(16);
  const data = new Uint8Array(randomBytes(64));
  assert.deepEqual(Buffer.from(crypto.aesCbcDecrypt(key, iv, data)), nodeCbcDecrypt(key, iv, data));
  key[3] ^= 0xff; // same object, other key
  assert.deepEqual(Buffer.from(crypto.aesCbcDecrypt(key, iv, data)), nodeCbcDecrypt(key, iv, data));
  assert.deepEqual(Buffer.from(crypto.aesCbcDecrypt(key.slice(), iv, data)), nodeCbcDecrypt(key, iv, data));
  assert.equal(crypto.caches.ecb.size, 2);
});

test('a partial block is refused before it reaches the shared decipher (later packets stay right)', () => {
  const crypto = createNodeCrypto();
  const key = new Uint8Array(randomBytes(16));
  const iv = new Uint8Array(randomBytes(16));
  assert.throws(() => crypto.aesCbcDecrypt(key, iv, new Uint8Array(20)), /multiple of 16/);
  assert.throws(() => crypto.aesCbcDecrypt(new Uint8Array(15), iv, new Uint8Array(16)), /16, 24 or 32/);
  const data = new Uint8Array(randomBytes(48));
  assert.deepEqual(Buffer.from(crypto.aesCbcDecrypt(key, iv, data)), nodeCbcDecrypt(key, iv, data));
});

test('HMAC from precomputed states equals createHmac (every hash, one-shot, copied states and TypeScript SHA-1)', () => {
  const hashes: HashName[] = ['sha1', 'sha256', 'sha384', 'sha512'];
  const providers = [createNodeCrypto(), createNodeCrypto({ hmacOneShot: false, jsSha1: false }), createNodeCrypto({ hmacOneShot: true, jsSha1: false })];
  for (const hash of hashes) {
    // key lengths: empty, short, the ESP ones, a block, longer than a block (hashed first)
    const keys = [0, 5, 20, 32, 48, 64, 128, 129, 200].map((n) => new Uint8Array(randomBytes(n)));
    for (const p of providers) {
      for (let i = 0; i < 120; i++) {
        const key = keys[i % keys.length];
        const data = new Uint8Array(randomBytes([0, 1, 55, 56, 63, 64, 65, 111, 112, 119, 120, 128, 300, 1500, 5000][i % 15]));
        assert.deepEqual(Buffer.from(p.hmac(hash, key, data)), createHmac(hash, key).update(data).digest(), `${hash} key ${key.length} data ${data.length}`);
      }
    }
  }
});

test('TypeScript SHA-1 and HMAC-SHA-1 equal node:crypto, incl. one instance over many messages', () => {
  for (let n = 0; n < 300; n++) {
    const data = new Uint8Array(randomBytes(n));
    assert.deepEqual(Buffer.from(sha1(data)), createHash('sha1').update(data).digest(), `length ${n}`);
  }
  const key = new Uint8Array(randomBytes(20));
  const h = new HmacSha1(key);
  for (let i = 0; i < 200; i++) {
    const data = new Uint8Array(randomBytes(i * 7));
    assert.deepEqual(Buffer.from(h.mac(data)), createHmac('sha1', key).update(data).digest());
  }
});

test('AES-GCM open still verifies and decrypts (per-packet decipher)', () => {
  const key = new Uint8Array(randomBytes(16));
  const nonce = new Uint8Array(randomBytes(12));
  const aad = new Uint8Array(randomBytes(8));
  const plain = new Uint8Array(randomBytes(77));
  const sealed = nodeCrypto.aesGcmSeal(key, nonce, aad, plain, 16);
  assert.deepEqual(nodeCrypto.aesGcmOpen(key, nonce, aad, sealed.ciphertext, sealed.tag), plain);
  const bad = sealed.tag.slice();
  bad[0] ^= 1;
  assert.equal(nodeCrypto.aesGcmOpen(key, nonce, aad, sealed.ciphertext, bad), undefined);
});

const SA: EspSa = { spi: 0x1001, enc: 'aes-cbc-128', encKey: fromHex('00112233445566778899aabbccddeeff')!, integ: 'hmac-sha1-96', integKey: fromHex('0102030405060708090a0b0c0d0e0f1011121314')! };
const GCM: EspSa = { spi: 0x2002, enc: 'aes-gcm-128', encKey: fromHex('00112233445566778899aabbccddeeff01020304')!, integ: 'none', integKey: new Uint8Array(0) };

function stack(sa: EspSa, i: number, transport: boolean): LayerSpec[] {
  const inner: LayerSpec[] = transport
    ? [{ kind: 'gre' }, { kind: 'ipv4', src: '10.0.0.1', dst: '10.0.0.2', id: i }, { kind: 'udp', srcPort: 500 + i, dstPort: 4500 }, { kind: 'raw', data: new Uint8Array(i % 40) }]
    : [{ kind: 'ipv6', src: '2001:db8::a', dst: '2001:db8::b' }, { kind: 'tcp', srcPort: 1000 + i, dstPort: 22, options: new Uint8Array(4) }, { kind: 'raw', data: new Uint8Array(i % 30) }];
  return [{ kind: 'ethernet' }, { kind: 'ipv6', src: '2001:db8:1::1', dst: '2001:db8:2::1' }, { kind: 'dstopts', encapLimit: 4 }, { kind: 'esp', sa, seq: i }, ...inner];
}

test('multi-packet decode through the caches equals decoding each with fresh node objects; lazy fields are identical', () => {
  const frames: Uint8Array[] = [];
  for (let i = 1; i <= 60; i++) frames.push(encodeStack(stack(i % 3 ? SA : GCM, i, i % 2 === 0), { crypto: nodeCrypto }).bytes);
  // a corrupted one (ICV bad) in the middle must not disturb the packets after it
  frames[30] = frames[30].slice();
  frames[30][frames[30].length - 1] ^= 1;
  const cap = readCapture(Buffer.from(writePcap(frames, LINKTYPE.ETHERNET)));
  const fresh = {
    ...createNodeCrypto(),
    aesCbcDecrypt: (key: Uint8Array, iv: Uint8Array, data: Uint8Array) => new Uint8Array(nodeCbcDecrypt(key, iv, data)),
    hmac: (hash: HashName, key: Uint8Array, data: Uint8Array) => new Uint8Array(createHmac(hash, key).update(data).digest()),
  };
  let good = 0;
  for (const p of cap.packets) {
    const before = p.data.slice();
    const eager = decodePacket(p.data, p.linkType, { sas: [SA, GCM], crypto: fresh });
    const cached = decodePacket(p.data, p.linkType, { sas: [SA, GCM], crypto: nodeCrypto });
    const lazy = decodePacket(p.data, p.linkType, { sas: [SA, GCM], crypto: nodeCrypto, lazyFields: true });
    assert.deepEqual(p.data, before, 'the captured bytes are not modified (Buffer-backed capture)');
    assert.deepEqual(cached, eager);
    assert.deepEqual(JSON.parse(JSON.stringify(lazy.layers)), JSON.parse(JSON.stringify(eager.layers)));
    assert.deepEqual(
      lazy.layers.map((l) => ({ id: l.id, name: l.name, offset: l.offset, length: l.length, encrypted: l.encrypted, fields: l.fields })),
      eager.layers.map((l) => ({ id: l.id, name: l.name, offset: l.offset, length: l.length, encrypted: l.encrypted, fields: l.fields })),
    );
    assert.deepEqual([lazy.notes, lazy.errors, lazy.esp, lazy.clear], [eager.notes, eager.errors, eager.esp, eager.clear]);
    if (cached.esp?.icvGood) good++;
  }
  assert.equal(good, 59);
});
