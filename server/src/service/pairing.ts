// Pairs endpoints as the two ends of one tunnel: first the explicit pairs of tunnel-lens.json, then
// by address: A's remote is B's local and B's remote is A's local, compared as addresses. Indexed
// by address, so a hub with thousands of peers pairs in linear time. An endpoint left over whose
// remote is someone's local, while that one points elsewhere, is paired 'address-half' for
// peer-address-mismatch. An end that several others match by address (the live router config and
// an archived copy, both in the workspace) is paired with none of them: the verdict must not
// depend on file order, so the choice is the user's (pairing-ambiguous, and a tunnel-lens.json).
import type { PeerPair } from '../checks/peerTypes';
import type { Endpoint } from '../core/endpoint';
import { parseAddress } from '../core/address';
import { endpointMatches, type ExplicitPair } from './scopes';

const norm = (a: string | undefined) => (a === undefined ? undefined : parseAddress(a)?.text);

/** An endpoint's local and remote, normalized: once per endpoint object (endpoints are not changed once built). */
const ENDS = new WeakMap<Endpoint, { l: string | undefined; r: string | undefined }>();
function ends(e: Endpoint): { l: string | undefined; r: string | undefined } {
  let x = ENDS.get(e);
  if (!x) ENDS.set(e, (x = { l: norm(e.local?.value), r: norm(e.remote?.value) }));
  return x;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** An end that several endpoints of other files match by address, and those candidates. */
export interface Ambiguity {
  end: Endpoint;
  candidates: Endpoint[];
}

export interface Pairing {
  pairs: PeerPair[];
  ambiguous: Ambiguity[];
}

export function pairEndpoints(endpoints: Endpoint[], explicit: ExplicitPair[] = []): Pairing {
  const pairs: PeerPair[] = [];
  const ambiguous: Ambiguity[] = [];
  const paired = new Set<Endpoint>();
  for (const x of explicit) {
    const a = endpoints.find((e) => endpointMatches(e, x.a) || (e.protectedBy && endpointMatches(e.protectedBy, x.a)));
    const b = endpoints.find((e) => endpointMatches(e, x.b) || (e.protectedBy && endpointMatches(e.protectedBy, x.b)));
    if (!a || !b || a === b || paired.has(a) || paired.has(b)) continue;
    pairs.push({ a, b, pairedBy: 'pairing-file' });
    paired.add(a);
    paired.add(b);
  }

  const byLocalRemote = new Map<string, Endpoint[]>();
  const byLocal = new Map<string, Endpoint[]>();
  for (const e of endpoints) {
    if (paired.has(e)) continue;
    const { l, r } = ends(e);
    if (l) push(byLocal, l, e);
    if (l && r) push(byLocalRemote, `${l}|${r}`, e);
  }
  // Ends with several full matches in other files: none of their candidates is paired with them.
  const held = new Set<Endpoint>();
  for (const a of endpoints) {
    if (paired.has(a)) continue;
    const { l, r } = ends(a);
    if (!l || !r) continue;
    const candidates = (byLocalRemote.get(`${r}|${l}`) ?? []).filter((b) => b.uri !== a.uri && !paired.has(b));
    if (new Set(candidates.map((b) => b.uri)).size > 1) {
      ambiguous.push({ end: a, candidates });
      held.add(a);
      for (const b of candidates) held.add(b);
    }
  }
  for (const a of endpoints) {
    if (paired.has(a) || held.has(a)) continue;
    const { l, r } = ends(a);
    if (!l || !r) continue;
    for (const b of byLocalRemote.get(`${r}|${l}`) ?? []) {
      // Each pair once, and never a file with itself.
      if (b.uri === a.uri || a.id >= b.id || paired.has(b) || held.has(b)) continue;
      pairs.push({ a, b, pairedBy: 'address' });
      paired.add(a);
      paired.add(b);
      break;
    }
  }
  for (const a of endpoints) {
    if (paired.has(a) || held.has(a)) continue;
    const { r } = ends(a);
    if (!r) continue;
    const b = (byLocal.get(r) ?? []).find((x) => x.uri !== a.uri && !paired.has(x) && !held.has(x));
    if (!b) continue;
    pairs.push({ a, b, pairedBy: 'address-half' });
    paired.add(a);
    paired.add(b);
  }
  return { pairs, ambiguous };
}
