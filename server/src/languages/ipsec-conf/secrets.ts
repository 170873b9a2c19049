// The keys of ipsec.conf that hold a secret (languages/shared/secretSlots.ts). Neither daemon has
// such a keyword: Libreswan's and strongSwan's keyword tables (docs/reference/ipsec-conf-grammar.md
// §10, docs/reference/libreswan-keywords-5x.tsv) hold no PSK, password or private key, which live
// in ipsec.secrets, and `rsasigkey=`/`pubkey=`/`ecdsakey=` hold public keys. People write them
// all the same (by habit from other tools, or copying NetworkManager-libreswan's `pskvalue` and
// `xauthpassword` items, docs/reference/nm-libreswan.md §3): the daemon refuses the key (an
// unknown keyword), and its value is still a secret in the file, never shown.
import type { SecretSlot } from '../shared/secretSlots';

export interface ConfSecretSlot extends SecretSlot {
  /** Key names, any case; each also with `left`/`right` (and 5.3's `left-`/`right-`) before it. */
  names: readonly string[];
}

export const IPSEC_CONF_SECRET_SLOTS: readonly ConfSecretSlot[] = [
  { id: 'ipsec-conf/psk', names: ['psk', 'pskvalue', 'presharedkey', 'preshared-key', 'pre-shared-key', 'sharedkey'], where: 'psk=, leftpsk=, pskvalue= …: a pre-shared key' },
  { id: 'ipsec-conf/xauth-password', names: ['xauthpass', 'xauthpassword', 'xauthpasswd'], where: 'xauthpass=, leftxauthpassword= …: an XAUTH password' },
  { id: 'ipsec-conf/password', names: ['password', 'passwd', 'secret', 'eappassword'], where: 'password=, leftpassword=, secret= …: a password' },
  { id: 'ipsec-conf/private-key', names: ['privatekey', 'private-key', 'privkey'], where: 'privatekey=, leftprivatekey= …: private key material' },
];

const BY_NAME = new Map<string, ConfSecretSlot>();
for (const s of IPSEC_CONF_SECRET_SLOTS) for (const n of s.names) BY_NAME.set(n, s);

/** The slot a written key is, if it holds a secret (`leftPSK`, `right-xauthpassword`, `psk`). */
export function confSecretSlot(key: string): ConfSecretSlot | undefined {
  const k = key.toLowerCase();
  return BY_NAME.get(k) ?? BY_NAME.get(k.replace(/^(left|right)-?/, ''));
}

/** An indented `key=value` line whose key holds a secret: the key and the raw text after `=`. */
const KEY_LINE = /^[ \t]+([^\s="#]+)[ \t]*=([^\n]*)$/gm;

/** Every secret line of a text, well-formed or not: what the reader meets on it is never quoted. */
export function secretLines(text: string): Map<number, { key: string; raw: string }> {
  const out = new Map<number, { key: string; raw: string }>();
  if (!/=/.test(text)) return out;
  let line = 0;
  let at = 0;
  for (const m of text.matchAll(KEY_LINE)) {
    if (!confSecretSlot(m[1])) continue;
    for (let i = text.indexOf('\n', at); i >= 0 && i < m.index!; i = text.indexOf('\n', i + 1)) line++;
    at = m.index!;
    out.set(line, { key: m[1], raw: m[2].replace(/\r$/, '') });
  }
  return out;
}
