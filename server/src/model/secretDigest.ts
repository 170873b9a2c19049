// Pre-shared keys are compared across peers (psk-mismatch) without ever being shown. Every dialect
// digests a key's bytes here, so the same key in an ipsec.secrets file and an IOS keyring gets the
// same digest. The digest is an HMAC-SHA-256 under a key drawn at random for each process: it
// serves equality inside one run only, and even if one leaked it could not be tested against
// guesses outside that process. No output prints it.
import { createHmac, randomBytes } from 'node:crypto';

const PROCESS_KEY = randomBytes(32);

export function secretDigest(secret: Uint8Array | string): string {
  const bytes = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  return createHmac('sha256', PROCESS_KEY).update(bytes).digest('hex');
}
