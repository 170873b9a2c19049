// A Libreswan or strongSwan conn with PSK authentication takes its key from a secrets file, by the
// pair of IDs. Linking them gives the conn endpoint the key's digest (never the key) and the
// secret's line, for psk-mismatch. The secrets files answer through their dialect's SecretSource,
// so this module never reads a dialect's tree.
import { treeDistance } from '../model/linuxMerge';
import type { Endpoint } from '../core/endpoint';
import type { ParsedFile, SecretSource } from '../core/types';
import type { CheckRegistry } from './registry';

export function linkSecrets(endpoints: Endpoint[], files: ParsedFile[], registry: CheckRegistry): Endpoint[] {
  const sourceOf = new Map<string, SecretSource>();
  for (const d of registry.dialects()) if (d.secrets) sourceOf.set(d.id, d.secrets);
  const secrets = files.filter((f) => sourceOf.has(f.languageId));
  if (secrets.length === 0) return endpoints;
  return endpoints.map((e) => {
    const s = e.ipsec;
    if (!s || s.pskDigest || s.authLocal?.value !== 'psk' || (e.vendor !== 'libreswan' && e.vendor !== 'strongswan')) return e;
    const localId = s.localId?.value ?? e.local?.value;
    const remoteId = s.remoteId?.value ?? e.remote?.value;
    if (!localId || !remoteId) return e;
    // The nearest secrets file first: two hosts of one deployment each have their own.
    const near = secrets
      .map((f) => ({ f, d: treeDistance(f.uri, e.uri) }))
      .filter((x) => x.d !== undefined)
      .sort((x, y) => y.d!.common - x.d!.common)
      .map((x) => x.f);
    for (const f of near) {
      const psk = sourceOf.get(f.languageId)!.pskFor(f, localId, remoteId);
      if (psk) return { ...e, ipsec: { ...s, pskDigest: { value: psk.digest, source: 'written', uri: psk.uri, range: psk.range } } };
    }
    return e;
  });
}
