// The /etc/network/interfaces options that hold a secret (languages/shared/secretSlots.ts;
// docs/reference/ifupdown.md §9): wpasupplicant's options (the WPA pre-shared key or passphrase,
// the EAP password, PIN and key passphrases, the WEP keys; /etc/wpa_supplicant/functions.sh) and
// wireless-tools' WEP keys (/etc/network/if-pre-up.d/wireless-tools). The key material of an
// `ip xfrm` or `ip macsec` command in a `pre-up`/`up`/`post-up`/`down` line is the shell table's
// (languages/shared/ip/secrets.ts), read by the same `ip` reader. `tunnel-key`, `key` and the
// ifupdown-ng `tunnel-ikey`/`tunnel-okey` options are GRE keys: they keep showing.
import type { SecretSlot } from '../shared/secretSlots';

export interface IfupdownSecretSlot extends SecretSlot {
  /** The option names, exactly. */
  names?: readonly string[];
  /** Or every option this matches. */
  pattern?: RegExp;
}

export const IFUPDOWN_SECRET_SLOTS: readonly IfupdownSecretSlot[] = [
  { id: 'ifupdown/wpa-psk', names: ['wpa-psk', 'wpa-passphrase', 'wpa-eappsk'], where: 'wpa-psk, wpa-passphrase, wpa-eappsk: a pre-shared key (wpasupplicant)' },
  { id: 'ifupdown/wpa-password', names: ['wpa-password', 'wpa-pin', 'wpa-private-key-passwd', 'wpa-private-key-passwd2'], where: 'wpa-password, wpa-pin, wpa-private-key-passwd, wpa-private-key-passwd2: an EAP password, PIN or key passphrase (wpasupplicant)' },
  { id: 'ifupdown/wpa-wep-key', names: ['wpa-wep-key0', 'wpa-wep-key1', 'wpa-wep-key2', 'wpa-wep-key3'], where: 'wpa-wep-key0 … wpa-wep-key3: WEP keys (wpasupplicant)' },
  { id: 'ifupdown/wireless-key', names: ['wireless-key', 'wireless-key1', 'wireless-key2', 'wireless-key3', 'wireless-key4', 'wireless-enc'], where: 'wireless-key, wireless-key1 … wireless-key4, wireless-enc: WEP keys (wireless-tools: iwconfig key|enc)' },
  { id: 'ifupdown/any-secret', pattern: /(^|-)(psk|password|passwd|passphrase|secret)$/, where: 'any other option whose name ends in -psk, -password, -passwd, -passphrase or -secret' },
];

const BY_NAME = new Map<string, IfupdownSecretSlot>();
for (const s of IFUPDOWN_SECRET_SLOTS) for (const n of s.names ?? []) BY_NAME.set(n, s);
const PATTERNS = IFUPDOWN_SECRET_SLOTS.filter((s) => s.pattern);

/** The slot an option is, if it holds a secret. */
export function ifupdownSecretSlot(name: string): IfupdownSecretSlot | undefined {
  return BY_NAME.get(name) ?? PATTERNS.find((s) => s.pattern!.test(name));
}
