// Pre-shared keys are compared across peers (psk-mismatch) without ever being shown; the one
// digest of model/secretDigest.ts makes an IOS key and the same key in ipsec.secrets compare equal.
import { secretDigest } from '../../model/secretDigest';

export function pskDigest(key: string): string {
  return secretDigest(key);
}

/** IOS key types: 0 (clear text, the default), 6 (AES-encrypted), 7 (Vigenère). */
export function keyTypeOf(word: string | undefined): 0 | 6 | 7 | undefined {
  if (word === '0') return 0;
  if (word === '6') return 6;
  if (word === '7') return 7;
  return undefined;
}
