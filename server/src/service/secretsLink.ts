// A Libreswan or strongSwan conn with PSK authentication takes its key from ipsec.secrets, by the
// pair of IDs. Linking them gives the conn endpoint the key's digest (never the key) and the
// secret's line, for psk-mismatch.
import { findPsk } from '../languages/ipsec-secrets';
import { treeDistance } from '../model/linuxMerge';
import type { Endpoint } from '../model/endpoint';
import type { ParsedFile } from './types';

export function linkSecrets(endpoints: Endpoint[], files: ParsedFile[]): Endpoint[] {
  const secrets = files.filter((f) => f.languageId === 'ipsec-secrets');
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
      const entry = findPsk(f.tree, localId, remoteId);
      if (entry?.pskDigest) {
        return { ...e, ipsec: { ...s, pskDigest: { value: entry.pskDigest, source: 'written', uri: entry.uri, range: entry.secretRange } } };
      }
    }
    return e;
  });
}

