// A Libreswan or strongSwan conn with PSK authentication takes its key from a secrets file, by the
// pair of IDs. Linking them gives the conn endpoint the key's digest (never the key) and the
// secret's line, for psk-mismatch. The secrets files answer through their dialect's SecretSource,
// so this module never reads a dialect's tree.
import type { Endpoint } from '../core/endpoint';
import type { ParsedFile, SecretSource } from '../core/types';
import type { CheckRegistry } from './registry';
import { treeFolders } from './folderIndex';

export function linkSecrets(endpoints: Endpoint[], files: ParsedFile[], registry: CheckRegistry): Endpoint[] {
  const sourceOf = new Map<string, SecretSource>();
  for (const d of registry.dialects()) if (d.secrets) sourceOf.set(d.id, d.secrets);
  const secrets = files.filter((f) => sourceOf.has(f.languageId));
  if (secrets.length === 0) return endpoints;
  // The secrets files by the folders they share a tree with (folderIndex.ts), in input order.
  const byFolder = new Map<string, ParsedFile[]>();
  for (const f of secrets) {
    for (const folder of treeFolders(f.uri)) {
      const list = byFolder.get(folder);
      if (list) list.push(f);
      else byFolder.set(folder, [f]);
    }
  }
  return endpoints.map((e) => {
    const s = e.ipsec;
    if (!s || s.pskDigest || s.authLocal?.value !== 'psk' || (e.vendor !== 'libreswan' && e.vendor !== 'strongswan')) return e;
    const localId = s.localId?.value ?? e.local?.value;
    const remoteId = s.remoteId?.value ?? e.remote?.value;
    if (!localId || !remoteId) return e;
    // The nearest secrets file first (two hosts of one deployment each have their own), as
    // treeDistance orders them: the deepest common folder first, input order among equals. The
    // files whose nearest common folder with the conn is F are those listed under F and not under
    // F's subfolder towards the conn; the walk stops at the first file that has the key.
    const seen = new Set<ParsedFile>();
    for (const folder of treeFolders(e.uri)) {
      for (const f of byFolder.get(folder) ?? []) {
        if (seen.has(f)) continue;
        seen.add(f);
        const psk = sourceOf.get(f.languageId)!.pskFor(f, localId, remoteId);
        if (psk) return { ...e, ipsec: { ...s, pskDigest: { value: psk.digest, source: 'written', uri: psk.uri, range: psk.range } } };
      }
    }
    return e;
  });
}
