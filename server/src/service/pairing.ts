// Pairs endpoints as the two ends of one tunnel: A's remote is B's local and B's remote is A's
// local, compared as addresses. Indexed by address, so a hub with thousands of peers pairs in
// linear time. An endpoint left over whose remote is someone's local, while that one points
// elsewhere, is paired 'address-half' for peer-address-mismatch. (tunnel-lens.json: #5.)
import type { PeerPair } from '../checks/peerTypes';
import type { Endpoint } from '../model/endpoint';
import { parseAddress } from '../model/address';
import type { FileSystem, ParsedFile } from './types';

const norm = (a: string | undefined) => (a === undefined ? undefined : parseAddress(a)?.text);

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

export function pairEndpoints(endpoints: Endpoint[], _files: ParsedFile[], _fs: FileSystem): PeerPair[] {
  const byLocalRemote = new Map<string, Endpoint[]>();
  const byLocal = new Map<string, Endpoint[]>();
  for (const e of endpoints) {
    const l = norm(e.local?.value);
    const r = norm(e.remote?.value);
    if (l) push(byLocal, l, e);
    if (l && r) push(byLocalRemote, `${l}|${r}`, e);
  }
  const pairs: PeerPair[] = [];
  const paired = new Set<Endpoint>();
  for (const a of endpoints) {
    const l = norm(a.local?.value);
    const r = norm(a.remote?.value);
    if (!l || !r) continue;
    for (const b of byLocalRemote.get(`${r}|${l}`) ?? []) {
      // Each pair once, and never a file with itself.
      if (b.uri === a.uri || a.id >= b.id) continue;
      pairs.push({ a, b, pairedBy: 'address' });
      paired.add(a);
      paired.add(b);
    }
  }
  for (const a of endpoints) {
    if (paired.has(a)) continue;
    const r = norm(a.remote?.value);
    if (!r) continue;
    const b = (byLocal.get(r) ?? []).find((x) => x.uri !== a.uri && !paired.has(x));
    if (!b) continue;
    pairs.push({ a, b, pairedBy: 'address-half' });
    paired.add(a);
    paired.add(b);
  }
  return pairs;
}
