// `left=%defaultroute` (and %defaultroute6, %any, %any6, %<interface>): the daemon takes the local
// address from the host at run time. A config alone cannot say which; the host's other configs
// (the tunnel device's own `local`) or the peer (the address it points at) can. A value resolved
// so says how, so a message can say the local side is assumed.
import type { Endpoint, Valued } from '../core/endpoint';
import { parseAddress, sameAddress } from '../core/address';
import { derived } from '../core/valued';

/** An address the daemon picks at run time rather than one written. */
export function isRuntimeAddress(v: string | undefined): boolean {
  return v !== undefined && /^%/.test(v.trim()) && !parseAddress(v);
}

/** The endpoint with its run-time local address replaced by `address`, taken from `source`. */
export function withAssumedLocal(e: Endpoint, address: string, source: string, unset = '%defaultroute'): Endpoint {
  const written = e.local?.value ?? unset;
  const local: Valued<string> = derived(address, `${written}: assumed ${address}, ${source}`, e.local?.uri ?? e.uri, e.local?.range ?? e.range);
  return { ...e, local };
}

/**
 * Endpoints whose local address is a run-time one, resolved by the peer: exactly one endpoint of
 * another file has this one's remote as its local, and its remote is then taken as this one's
 * local. Left as they are when none or several do. `memo` keeps the resolved objects between
 * analyses, so an unchanged pair stays the same objects (the peer cache keys on them).
 */
export function assumeLocalsFromPeers(all: Endpoint[], memo: WeakMap<Endpoint, { peer: Endpoint; out: Endpoint }>): Endpoint[] {
  const byLocal = new Map<string, Endpoint[]>();
  for (const e of all) {
    const l = parseAddress(e.local?.value ?? '')?.text;
    if (l) (byLocal.get(l) ?? byLocal.set(l, []).get(l)!).push(e);
  }
  return all.map((e) => {
    if (!isRuntimeAddress(e.local?.value)) return e;
    const r = parseAddress(e.remote?.value ?? '')?.text;
    const peers = (r ? byLocal.get(r) ?? [] : []).filter((p) => p.uri !== e.uri && parseAddress(p.remote?.value ?? ''));
    if (peers.length !== 1) return e;
    const peer = peers[0];
    const m = memo.get(e);
    if (m && m.peer === peer) return m.out;
    const out = withAssumedLocal(e, parseAddress(peer.remote!.value)!.text, `the address ${peer.name} points at (nothing in this host's configs says it)`);
    memo.set(e, { peer, out });
    return out;
  });
}

/** True when a conn's remote is the device's remote while the conn's local is a run-time one. */
export function matchesByRemote(conn: Endpoint, device: Endpoint): boolean {
  return isRuntimeAddress(conn.local?.value) && sameAddress(conn.remote?.value, device.remote?.value);
}
