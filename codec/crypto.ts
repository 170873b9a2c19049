// The crypto the codec needs for ESP, as an interface so the codec itself imports nothing from
// Node: the CLI and server pass `nodeCrypto` (codec/crypto-node.ts); the webview passes its own.
//
// Synchronous on purpose: layout() and decode() are pure functions the preview calls on every
// keystroke and the decoder runs per packet; an async interface would make every caller async for
// the sake of WebCrypto alone. WebCrypto (crypto.subtle) is async-only and has no raw unpadded
// AES-CBC, so a webview provider should be a small pure-JS AES/SHA/GHASH implementation — or the
// webview can call layout() without a provider: lengths, offsets and fields are then exact and only
// the ciphertext/ICV bytes are left as plaintext/zeros (LayoutResult.encrypted === false).

export type HashName = 'sha1' | 'sha256' | 'sha384' | 'sha512';

export interface CryptoProvider {
  /** AES-CBC without padding; data.length is a multiple of 16; key 16/24/32 bytes; iv 16 bytes. */
  aesCbcEncrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array;
  aesCbcDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array;
  /** AES-GCM with a 12-byte nonce; returns ciphertext (same length as plaintext) and a tag of tagLength bytes. */
  aesGcmSeal(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, plaintext: Uint8Array, tagLength: number): { ciphertext: Uint8Array; tag: Uint8Array };
  /** Undefined when the tag does not verify. */
  aesGcmOpen(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array): Uint8Array | undefined;
  hmac(hash: HashName, key: Uint8Array, data: Uint8Array): Uint8Array;
  /**
   * Optional: AES-ECB decryption of whole blocks (data.length a multiple of 16), no padding. With it
   * the decoder opens the AES-CBC packets of a batch (decodeBatch) with one call per key: the
   * ciphertexts of every packet in one buffer, the CBC chaining done by the codec.
   */
  aesEcbDecrypt?(key: Uint8Array, data: Uint8Array): Uint8Array;
}
