// The words of an `ip` command that hold key material (languages/shared/secretSlots.ts;
// docs/reference/ifcfg.md §8): the keys of `ip xfrm state` (`enc ALG KEY`, `auth ALG KEY`,
// `auth-trunc ALG KEY LEN`, `aead ALG KEY LEN`) and of `ip macsec … sa N … key ID KEY`. A word
// that names them through a variable (`enc aes $KEY`) is the secret too, with the variable's value.
// `ip … key N` of a tunnel is its GRE key, and `wg set … private-key FILE` names a file: no secret.
import type { SecretSlot } from '../secretSlots';

export interface ShellSecretSlot extends SecretSlot {
  /** The `ip` object (after abbreviations are matched: `ip x s add` is xfrm). */
  object: string;
  /** The keyword the secret follows. */
  keyword: string;
  /** Where the secret is, counted from the keyword (1: the next word). */
  offset: number;
}

export const SHELL_SECRET_SLOTS: readonly ShellSecretSlot[] = [
  { id: 'shellscript/xfrm-enc', object: 'xfrm', keyword: 'enc', offset: 2, where: 'ip xfrm state … enc ALG KEY' },
  { id: 'shellscript/xfrm-auth', object: 'xfrm', keyword: 'auth', offset: 2, where: 'ip xfrm state … auth ALG KEY' },
  { id: 'shellscript/xfrm-auth-trunc', object: 'xfrm', keyword: 'auth-trunc', offset: 2, where: 'ip xfrm state … auth-trunc ALG KEY TRUNC-LEN' },
  { id: 'shellscript/xfrm-aead', object: 'xfrm', keyword: 'aead', offset: 2, where: 'ip xfrm state … aead ALG KEY ICV-LEN' },
  { id: 'shellscript/macsec-key', object: 'macsec', keyword: 'key', offset: 2, where: 'ip macsec add DEV tx|rx … sa N … key ID KEY' },
];

/** The slots of one `ip` object, by keyword. */
export function shellSecretSlots(object: string): Map<string, ShellSecretSlot> {
  return new Map(SHELL_SECRET_SLOTS.filter((s) => s.object === object).map((s) => [s.keyword, s]));
}
