// The endpoints of one version, kept for the next: an endpoint whose source object (the Tunnel
// interface, the crypto map entry) is the same object in the next model, and whose every recorded
// read (reads.ts) gives the same answer there, is not built again. Same result as building every
// endpoint (test/unit/cisco-ios-incremental.test.ts).
import type { Endpoint } from '../../../core/endpoint';
import type { CryptoMapEntry, Interface, IosConfig } from '../model';
import { ALL_NAMES, TOKENS, depsHold, sameCollection, tokenOf, type AllName, type EndpointContext } from './reads';
import { buildTunnel } from './tunnel';
import { buildMapEntry, isPointToPoint } from './cryptoMap';

/** One endpoint as built, with what it read (EndpointContext.deps). */
interface Built {
  ep: Endpoint;
  deps: unknown[];
  /** The crypto map entry a tunnel took the IPsec binding from. */
  absorbed?: CryptoMapEntry;
}

export interface EndpointCache {
  cfg: IosConfig;
  /** uri, version and version value: when they change nothing is reused. */
  stamp: string;
  tunnels: Map<Interface, Built>;
  entries: Map<CryptoMapEntry, Built>;
}

/**
 * The endpoints of ctx.cfg, reusing those of the previous version's cache that still hold; returns
 * the cache for the next version. Same result as building every endpoint.
 */
export function buildEndpointsIncremental(ctx: EndpointContext, previous?: EndpointCache): { endpoints: Endpoint[]; cache: EndpointCache } {
  const { cfg } = ctx;
  const stamp = JSON.stringify([ctx.uri, ctx.version, ctx.versionValued]);
  const prev = previous && previous.stamp === stamp && previous.cfg !== cfg ? previous : undefined;
  // Whole-collection tokens: carried over from the previous model where the collection is the same.
  const tokens = { ikev2Policies: {}, isakmpPolicies: {}, isakmpKeys: {}, keyrings: {} } as Record<AllName, object>;
  if (prev) {
    for (const n of ALL_NAMES) {
      if (sameCollection(prev.cfg[n] as Map<string, unknown> | unknown[], cfg[n] as Map<string, unknown> | unknown[])) tokens[n] = tokenOf(prev.cfg, n);
    }
  }
  TOKENS.set(cfg, tokens);
  const cache: EndpointCache = { cfg, stamp, tunnels: new Map(), entries: new Map() };
  const memo = new Map<string, boolean>();
  const out: Endpoint[] = [];
  const absorbed = new Set<CryptoMapEntry>();
  // One context object (one shape) for every endpoint built, with a new deps list each time.
  const rc: EndpointContext = { uri: ctx.uri, cfg, version: ctx.version, versionValued: ctx.versionValued, deps: undefined };
  for (const itf of cfg.interfaces.values()) {
    if (!/^Tunnel\d/i.test(itf.name)) continue;
    let b = prev?.tunnels.get(itf);
    if (!b || !depsHold(cfg, b.deps, memo)) {
      const deps: unknown[] = (rc.deps = []);
      const r = buildTunnel(rc, itf);
      b = { ep: r.ep, deps, absorbed: r.absorbed };
    }
    cache.tunnels.set(itf, b);
    if (b.absorbed) absorbed.add(b.absorbed);
    out.push(b.ep);
  }
  for (const e of cfg.cryptoMaps) {
    if (absorbed.has(e) || !isPointToPoint(e)) continue;
    let b = prev?.entries.get(e);
    if (!b || !depsHold(cfg, b.deps, memo)) {
      const deps: unknown[] = (rc.deps = []);
      b = { ep: buildMapEntry(rc, e), deps };
    }
    cache.entries.set(e, b);
    out.push(b.ep);
  }
  return { endpoints: out, cache };
}

/** Every endpoint of ctx.cfg, built from scratch (what the incremental build must equal). */
export function buildEndpoints(ctx: EndpointContext): Endpoint[] {
  const { cfg } = ctx;
  ctx = { uri: ctx.uri, cfg, version: ctx.version, versionValued: ctx.versionValued, deps: undefined };
  const out: Endpoint[] = [];
  const absorbed = new Set<CryptoMapEntry>();
  for (const itf of cfg.interfaces.values()) {
    if (!/^Tunnel\d/i.test(itf.name)) continue;
    const r = buildTunnel(ctx, itf);
    if (r.absorbed) absorbed.add(r.absorbed);
    out.push(r.ep);
  }
  for (const e of cfg.cryptoMaps) {
    if (absorbed.has(e) || !isPointToPoint(e)) continue;
    out.push(buildMapEntry(ctx, e));
  }
  return out;
}


/** Each endpoint replaced by the previous one of the same id when the two are equal in every field. */
export function reuseEqual(next: Endpoint[], prev: Endpoint[]): Endpoint[] {
  const byId = new Map<string, Endpoint>();
  for (const e of prev) if (!byId.has(e.id)) byId.set(e.id, e);
  return next.map((e) => {
    const p = byId.get(e.id);
    return p && sameData(p, e) ? p : e;
  });
}

/** Structural equality of plain data (objects, arrays, primitives), as deepStrictEqual sees it. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], bb[i])) return false;
    return true;
  }
  if (Object.getPrototypeOf(a) !== Object.prototype) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}
