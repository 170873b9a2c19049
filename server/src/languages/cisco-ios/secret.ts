// Pre-shared keys are compared across peers (psk-mismatch) without ever being shown. The digest
// below only serves equality: two configs with the same key text get the same digest. It is a
// 32-bit FNV-1a over the text, deliberately small and non-cryptographic, prefixed so that it is
// never mistaken for (or printed as) the key. A short digest like this cannot be turned back into
// the key text for printing, and it is never placed in messages, hovers or symbols.
export function pskDigest(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `fnv1a32:${h.toString(16).padStart(8, '0')}`;
}

/** IOS key types: 0 (clear text, the default), 6 (AES-encrypted), 7 (Vigenère). */
export function keyTypeOf(word: string | undefined): 0 | 6 | 7 | undefined {
  if (word === '0') return 0;
  if (word === '6') return 6;
  if (word === '7') return 7;
  return undefined;
}
