// The `secrets` section's shared secrets as charon gets them (load_creds.c load_secret,
// docs/reference/swanctl-conf.md §3 "Secrets and identities"): the type from the section name's
// prefix, the owners from every key starting with `id` (none: %any), the value decoded (`0x` hex,
// `0s` base64, else the text) and kept only as a digest (model/secretDigest.ts). The secret is
// never stored, shown or logged; issues name the section and the line, nothing else.
// SWANCTL_SECRET_SLOTS is the dialect's table of secret slots (languages/shared/secretSlots.ts,
// docs/reference/swanctl-conf.md §7): the outline, hovers and secretValues() read values through it.
import type { Range } from 'vscode-languageserver-types';
import { parseAddress } from '../../core/address';
import { Code } from '../../core/codes';
import { secretDigest } from '../../model/secretDigest';
import type { Issue } from '../shared/findings';
import type { SecretSlot } from '../shared/secretSlots';
import type { Merged } from './merge';
import type { Section, Setting } from './parser';
import { SECRET_KINDS } from './schema';

export interface SharedSecret {
  /** The section name (`ike-1`), what swanctl calls it. */
  name: string;
  type: string;
  owners: string[];
  digest: string;
  uri: string;
  /** The `secret` line (for related information: never its text). */
  range: Range;
  /** The section's name, for symbols and hovers. */
  nameRange: Range;
}

const SHARED = new Set(['eap', 'xauth', 'ntlm', 'ike', 'ppk']);

export interface SwanctlSecretSlot extends SecretSlot {
  /** The prefixes of the `secrets` subsection's name (load_creds.c, case-sensitive); none: any section. */
  prefixes?: readonly string[];
  /** The keys; none: every key but the owners and the names of key files and tokens. */
  keys?: readonly string[];
}

/** Under `secrets`, what is no secret: the owners' ids (`id*`) and which key file or token a passphrase or PIN unlocks. */
const SHOWN_IN_SECRETS = /^(id.*|file|handle|slot|module)$/;

export const SWANCTL_SECRET_SLOTS: readonly SwanctlSecretSlot[] = [
  { id: 'swanctl-conf/shared-secret', prefixes: [...SHARED], keys: ['secret'], where: 'secrets { ike-*|eap-*|xauth-*|ntlm-*|ppk-* { secret = … } }: a shared secret' },
  { id: 'swanctl-conf/key-passphrase', prefixes: ['private', 'rsa', 'ecdsa', 'bliss', 'pkcs8', 'pkcs12'], keys: ['secret'], where: 'secrets { private-*|rsa-*|ecdsa-*|pkcs8-*|pkcs12-* { secret = … } }: the passphrase of a private key file' },
  { id: 'swanctl-conf/token-pin', prefixes: ['token'], keys: ['pin'], where: 'secrets { token-* { pin = … } }: the PIN of a PKCS#11 token' },
  { id: 'swanctl-conf/any-in-secrets', where: 'any other value under `secrets` (an unknown section or key too) but the owners (`id*`) and `file`, `handle`, `slot`, `module`; and a key outside every section' },
];

/** The slot a setting is, by the names of the sections above it (outermost first) and its key. */
export function swanctlSecretSlot(sections: readonly string[], key: string): SwanctlSecretSlot | undefined {
  if (sections.length === 0) return SWANCTL_SECRET_SLOTS[3];
  if (sections[0] !== 'secrets') return undefined;
  const name = sections[1];
  if (name !== undefined && sections.length === 2) {
    const row = SWANCTL_SECRET_SLOTS.find((r) => r.prefixes?.some((p) => name.startsWith(p)) && r.keys?.includes(key));
    if (row) return row;
  }
  return SHOWN_IN_SECRETS.test(key) ? undefined : SWANCTL_SECRET_SLOTS[3];
}

/** The names of the sections around a setting, outermost first (a recovered block has the name ''). */
export function sectionPath(s: Setting | Section): string[] {
  const out: string[] = [];
  for (let p: Section | undefined = s.kind === 'setting' ? s.parent : s; p && p.parent; p = p.parent) out.unshift(p.name);
  return out;
}

/** The slot of a written setting, if it holds a secret. */
export function settingSecretSlot(s: Setting): SwanctlSecretSlot | undefined {
  return swanctlSecretSlot(sectionPath(s), s.key);
}

function decode(value: string): Uint8Array {
  if (/^0x/i.test(value)) {
    const hex = value.slice(2).replace(/[^0-9a-fA-F]/g, '');
    const out = new Uint8Array(hex.length >> 1);
    for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    return out;
  }
  if (/^0s/i.test(value)) return Uint8Array.from(Buffer.from(value.slice(2), 'base64'));
  return new TextEncoder().encode(value);
}

/** An identity as charon compares it: the type prefix and a leading `@` dropped, addresses canonical, names in any case. */
export function normalizeId(id: string): string {
  let s = id.trim();
  const typed = /^(ipv4|ipv6|rfc822|email|userfqdn|fqdn|dns|asn1dn|asn1gn|keyid|\{\d+\}):/i.exec(s);
  if (typed) s = s.slice(typed[0].length);
  else if (s.startsWith('@') && !s.startsWith('@#')) s = s.slice(1);
  const a = parseAddress(s);
  if (a) return a.text;
  return s.includes('=') ? s : s.toLowerCase();
}

const ANY = new Set(['%any', '%any6', '*', '']);

export function readSecrets(merged: Merged, issues: Issue[] | undefined, ownUri: string): SharedSecret[] {
  const out: SharedSecret[] = [];
  const secrets = merged.sections.get('secrets');
  if (!secrets) return out;
  for (const s of secrets.sections.values()) {
    const kind = SECRET_KINDS.find((k) => s.name.startsWith(k.prefix));
    if (!kind || !SHARED.has(kind.prefix)) continue;
    const list = s.settings.get('secret');
    const secret = list?.[list.length - 1];
    const head = s.written[0];
    if (!secret || secret.value === '') {
      if (head.uri === ownUri) issues?.push({ code: Code.configIgnored, severity: 'warning', message: `Secret \`${s.name}\` has no \`secret\`: swanctl skips it (\`missing secret in '${s.name}', ignored\`).`, range: head.nameRange });
      continue;
    }
    const owners: string[] = [];
    for (const [key, vals] of s.settings) if (key.startsWith('id')) for (const v of vals) if (v.value !== '') owners.push(normalizeId(v.value));
    out.push({ name: s.name, type: kind.prefix, owners, digest: secretDigest(decode(secret.value)), uri: secret.uri, range: secret.keyRange, nameRange: head.nameRange });
  }
  return out;
}

/** id_match_t as the credential manager ranks it: perfect, any (%any owner), none. */
function match(owners: string[], id: string | undefined): number {
  if (owners.length === 0) return 1;
  let best = 0;
  for (const o of owners) {
    if (ANY.has(o)) best = Math.max(best, 1);
    else if (id !== undefined && o === id) best = 2;
  }
  return best;
}

/**
 * The IKE secret charon would use between the two identities (credential_manager get_shared):
 * the best match of the remote identity first, then of the local one; on a tie the one loaded
 * last (charon inserts secrets at the front of its list). An unknown remote identity (%any: charon
 * would have the one the peer sends) ranks every secret by the local identity only.
 */
export function pskFor(secrets: SharedSecret[], localId: string, remoteId: string): SharedSecret | undefined {
  const me = normalizeId(localId);
  const otherKnown = !ANY.has(remoteId.trim());
  const other = otherKnown ? normalizeId(remoteId) : undefined;
  let best: { s: SharedSecret; me: number; other: number } | undefined;
  for (const s of secrets) {
    if (s.type !== 'ike') continue;
    const m = match(s.owners, me);
    const o = otherKnown ? match(s.owners, other) : 1;
    if (m === 0 && o === 0) continue;
    if (!best || o > best.other || (o === best.other && m >= best.me)) best = { s, me: m, other: o };
  }
  return best?.s;
}
