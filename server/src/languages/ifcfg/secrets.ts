// The ifcfg keys that hold a secret (languages/shared/secretSlots.ts; docs/reference/ifcfg.md §8):
// initscripts' ifup-ipsec keys (the IKE pre-shared key, the manual-keying keys), NetworkManager's
// ifcfg-rh Wi-Fi, 802.1X and MACsec secrets, and any other `*_PSK`, `KEY_*`, `*PASSWORD*` or
// `*PASSPHRASE*` key. `KEY` itself is the GRE key of a tunnel (docs/reference/ifcfg.md §2): no
// secret, and it keeps showing.
import type { SecretSlot } from '../shared/secretSlots';

export interface IfcfgSecretSlot extends SecretSlot {
  /** The keys, exactly (ifcfg keys are case-sensitive shell names). */
  names?: readonly string[];
  /** Or every key this matches (the families a reader may add to). */
  pattern?: RegExp;
}

export const IFCFG_SECRET_SLOTS: readonly IfcfgSecretSlot[] = [
  { id: 'ifcfg/ike-psk', names: ['IKE_PSK'], where: 'IKE_PSK=: the IKE pre-shared key (ifup-ipsec)' },
  { id: 'ifcfg/ipsec-psk', names: ['IPSEC_PSK'], where: 'IPSEC_PSK=: a pre-shared key' },
  { id: 'ifcfg/manual-keys', names: ['KEY_AH_IN', 'KEY_AH_OUT', 'KEY_ESP_IN', 'KEY_ESP_OUT'], where: 'KEY_AH_IN=, KEY_ESP_OUT= …: the manual-keying SA keys (ifup-ipsec)' },
  { id: 'ifcfg/password', names: ['PASSWORD'], where: 'PASSWORD=' },
  { id: 'ifcfg/wpa-psk', names: ['WPA_PSK'], where: 'WPA_PSK=: the Wi-Fi pre-shared key (ifcfg-rh)' },
  { id: 'ifcfg/wep-keys', names: ['KEY1', 'KEY2', 'KEY3', 'KEY4', 'KEY_PASSPHRASE1', 'KEY_PASSPHRASE2', 'KEY_PASSPHRASE3', 'KEY_PASSPHRASE4'], where: 'KEY1= … KEY4=, KEY_PASSPHRASE1= …: WEP keys (ifcfg-rh)' },
  {
    id: 'ifcfg/8021x',
    names: ['IEEE_8021X_PASSWORD', 'IEEE_8021X_PASSWORD_RAW', 'IEEE_8021X_PRIVATE_KEY_PASSWORD', 'IEEE_8021X_INNER_PRIVATE_KEY_PASSWORD', 'IEEE_8021X_CA_CERT_PASSWORD', 'IEEE_8021X_CLIENT_CERT_PASSWORD', 'IEEE_8021X_INNER_CA_CERT_PASSWORD', 'IEEE_8021X_INNER_CLIENT_CERT_PASSWORD', 'IEEE_8021X_PIN'],
    where: 'IEEE_8021X_PASSWORD= …: 802.1X passwords, passphrases and PIN (ifcfg-rh)',
  },
  { id: 'ifcfg/macsec-cak', names: ['MACSEC_MKA_CAK'], where: 'MACSEC_MKA_CAK=: the MACsec connectivity association key (ifcfg-rh)' },
  { id: 'ifcfg/any-psk', pattern: /_PSK$/, where: 'any other *_PSK=' },
  { id: 'ifcfg/any-key', pattern: /^KEY_/, where: 'any other KEY_*=' },
  { id: 'ifcfg/any-password', pattern: /PASSWORD|PASSPHRASE|PASSWD/, where: 'any other key with PASSWORD, PASSWD or PASSPHRASE in its name' },
];

const BY_NAME = new Map<string, IfcfgSecretSlot>();
for (const s of IFCFG_SECRET_SLOTS) for (const n of s.names ?? []) BY_NAME.set(n, s);
const PATTERNS = IFCFG_SECRET_SLOTS.filter((s) => s.pattern);

/** The slot a key is, if it holds a secret. */
export function ifcfgSecretSlot(key: string): IfcfgSecretSlot | undefined {
  return BY_NAME.get(key) ?? PATTERNS.find((s) => s.pattern!.test(key));
}

/** `NAME=` words of a line (assignments bash or NetworkManager may read), for a line that holds a secret key. */
export function lineHoldsSecret(line: string): boolean {
  for (const m of line.matchAll(/(?:^|[\s;&|(])([A-Za-z_][A-Za-z0-9_]*)\+?=/g)) if (ifcfgSecretSlot(m[1])) return true;
  return false;
}
