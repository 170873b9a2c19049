// The positions of ipsec.secrets that hold a secret (languages/shared/secretSlots.ts;
// docs/reference/ipsec-secrets.md §1), entry type by entry type: `[IDs] : TYPE …`. The words after the type are the secret for the shared secrets
// (PSK, XAUTH, EAP, NTLM, PPK); for a private key (RSA, ECDSA, BLISS, PKCS8) and a PKCS#12 file
// (P12, PKCS12) the first word is the file and the words after it its passphrase; for a smartcard
// (PIN) the first word selects the card and the PIN follows; Libreswan's old `: RSA { … }` holds
// the key itself between the braces. `%prompt` asks for the secret and is none. A malformed entry
// keeps its secret where it would be: the word after `:` that is no type (a typeless `: S3cret`,
// a glued `: PSKS3cret`) and what follows it, or, without a `:`, every word that is no ID.
import { parseAddress } from '../../core/address';
import type { SecretSlot } from '../shared/secretSlots';

export interface EntrySecretSlot extends SecretSlot {
  /** The entry types of this row (upper case); `''` is Libreswan's typeless `IDs : "secret"`. */
  types: readonly string[];
  /** Words after the type that are no secret (the key file, the smartcard selector) before the secret. */
  skip: number;
}

export const IPSEC_SECRETS_SECRET_SLOTS: readonly EntrySecretSlot[] = [
  { id: 'ipsec-secrets/psk', types: ['PSK'], skip: 0, where: 'IDs : PSK "secret"' },
  { id: 'ipsec-secrets/psk-typeless', types: [''], skip: 0, where: 'IDs : "secret" (the old form without a type)' },
  { id: 'ipsec-secrets/xauth', types: ['XAUTH'], skip: 0, where: 'user : XAUTH "password"' },
  { id: 'ipsec-secrets/eap', types: ['EAP'], skip: 0, where: 'user : EAP "password"' },
  { id: 'ipsec-secrets/ntlm', types: ['NTLM'], skip: 0, where: 'user : NTLM "password"' },
  { id: 'ipsec-secrets/ppk', types: ['PPK'], skip: 0, where: 'IDs : PPK "postquantum preshared key"' },
  { id: 'ipsec-secrets/pin', types: ['PIN'], skip: 1, where: ': PIN %smartcard… "PIN"' },
  { id: 'ipsec-secrets/key-passphrase', types: ['RSA', 'ECDSA', 'BLISS', 'PKCS8'], skip: 1, where: ': RSA keyfile "passphrase" (the private key file\'s passphrase)' },
  { id: 'ipsec-secrets/p12-passphrase', types: ['P12', 'PKCS12'], skip: 1, where: ': P12 file.p12 "passphrase"' },
];

/** Libreswan's inline private key, `: RSA { Modulus: … PrivateExponent: … }`: everything between the braces. */
export const INLINE_KEY_SLOT: SecretSlot = { id: 'ipsec-secrets/inline-key', where: ': RSA { … } (the key itself)' };
/** The word after `:` that is no type, and the rest of the entry: it may be a secret written without its type. */
export const UNKNOWN_TYPE_SLOT: SecretSlot = { id: 'ipsec-secrets/unknown-type', where: 'IDs : S3cret, IDs : PSKS3cret (no known type after the `:`)' };
/** An entry without `:`: every word that is no ID. */
export const NO_COLON_SLOT: SecretSlot = { id: 'ipsec-secrets/no-colon', where: 'IDs "secret" (no `:` at all)' };

/** Every row, for the marker test. */
export const ALL_IPSEC_SECRETS_SLOTS: readonly SecretSlot[] = [...IPSEC_SECRETS_SECRET_SLOTS, INLINE_KEY_SLOT, UNKNOWN_TYPE_SLOT, NO_COLON_SLOT];

const BY_TYPE = new Map<string, EntrySecretSlot>();
for (const s of IPSEC_SECRETS_SECRET_SLOTS) for (const t of s.types) BY_TYPE.set(t, s);

/** The types the reader knows without a slot of their own: NULL authentication holds no secret. */
const NO_SECRET_TYPES = new Set(['NULL']);

/** A word that reads as an ID (an address, `@fqdn`, `%any`): never a secret. */
function looksLikeId(w: string): boolean {
  const s = w.replace(/^"|"$/g, '');
  return s.startsWith('@') || s.startsWith('%') || parseAddress(s) !== undefined;
}

/**
 * The words of one entry that hold a secret, by the table: `afterColon` is every word after the
 * `:` (the type first), `known` tells a type word; without a `:`, `afterColon` is undefined and
 * `all` are the entry's words.
 */
export function secretWords(all: readonly string[], afterColon: readonly string[] | undefined, known: (w: string) => boolean): { slot: SecretSlot; words: string[] }[] {
  if (!afterColon) {
    const words = all.filter((w) => !looksLikeId(w) && !known(w.toUpperCase()) && w !== ':');
    return words.length ? [{ slot: NO_COLON_SLOT, words }] : [];
  }
  const [type, ...rest] = afterColon;
  if (type === undefined) return [];
  const t = type.toUpperCase();
  if (!known(t)) {
    // A quoted word is Libreswan's typeless PSK; any other word may be a secret without its type.
    return [{ slot: /^["']/.test(type) ? BY_TYPE.get('')! : UNKNOWN_TYPE_SLOT, words: [...afterColon] }];
  }
  if (rest[0] === '{') return [{ slot: INLINE_KEY_SLOT, words: rest.filter((w) => w !== '{' && w !== '}') }];
  const slot = BY_TYPE.get(t);
  if (!slot || NO_SECRET_TYPES.has(t)) return [];
  const words = rest.slice(slot.skip);
  return words.length ? [{ slot, words }] : [];
}
