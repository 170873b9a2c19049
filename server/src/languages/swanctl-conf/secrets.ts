// The `secrets` section's shared secrets as charon gets them (load_creds.c load_secret,
// docs/reference/swanctl-conf.md §3 "Secrets and identities"): the type from the section name's
// prefix, the owners from every key starting with `id` (none: %any), the value decoded (`0x` hex,
// `0s` base64, else the text) and kept only as a digest (model/secretDigest.ts). The secret is
// never stored, shown or logged; issues name the section and the line, nothing else.
import type { Range } from 'vscode-languageserver-types';
import { parseAddress } from '../../core/address';
import { Code } from '../../core/codes';
import { secretDigest } from '../../model/secretDigest';
import type { Issue } from '../shared/findings';
import type { Merged } from './merge';
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
