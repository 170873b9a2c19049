// CryptoProvider on node:crypto — the only file in codec/ that imports from Node (see crypto.ts).
import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import type { CryptoProvider, HashName } from './crypto';

function cbcName(key: Uint8Array): string {
  if (key.length !== 16 && key.length !== 24 && key.length !== 32) throw new Error(`AES key must be 16, 24 or 32 bytes, not ${key.length}`);
  return `aes-${key.length * 8}-cbc`;
}

function gcmName(key: Uint8Array): 'aes-128-gcm' | 'aes-192-gcm' | 'aes-256-gcm' {
  if (key.length !== 16 && key.length !== 24 && key.length !== 32) throw new Error(`AES key must be 16, 24 or 32 bytes, not ${key.length}`);
  return `aes-${key.length * 8}-gcm` as 'aes-128-gcm';
}

function u8(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}

export const nodeCrypto: CryptoProvider = {
  aesCbcEncrypt(key, iv, data) {
    const c = createCipheriv(cbcName(key), key, iv);
    c.setAutoPadding(false);
    return u8(Buffer.concat([c.update(data), c.final()]));
  },
  aesCbcDecrypt(key, iv, data) {
    const d = createDecipheriv(cbcName(key), key, iv);
    d.setAutoPadding(false);
    return u8(Buffer.concat([d.update(data), d.final()]));
  },
  aesGcmSeal(key, nonce, aad, plaintext, tagLength) {
    const c = createCipheriv(gcmName(key), key, nonce, { authTagLength: tagLength });
    c.setAAD(aad);
    const ct = Buffer.concat([c.update(plaintext), c.final()]);
    return { ciphertext: u8(ct), tag: u8(c.getAuthTag()) };
  },
  aesGcmOpen(key, nonce, aad, ciphertext, tag) {
    try {
      const d = createDecipheriv(gcmName(key), key, nonce, { authTagLength: tag.length });
      d.setAAD(aad);
      d.setAuthTag(tag);
      return u8(Buffer.concat([d.update(ciphertext), d.final()]));
    } catch {
      return undefined;
    }
  },
  hmac(hash: HashName, key, data) {
    return u8(createHmac(hash, key).update(data).digest());
  },
};
