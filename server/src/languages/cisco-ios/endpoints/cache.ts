// The endpoints of one version, kept for the next: an endpoint whose source object (the Tunnel
// interface, the crypto map entry) is the same object in the next model, and whose every recorded
// read (reads.ts) gives the same answer there, is not built again. Same result as building every
// endpoint (test/unit/cisco-ios-incremental.test.ts).
import type { Endpoint } from '../../../core/endpoint';
import type { CryptoMapEntry, Interface, IosConfig } from '../model';
import { ALL_NAMES, D_ENTRIES, TOKENS, depsHold, sameCollection, tokenOf, type AllName, type EndpointContext } from './reads';
import { buildTunnel } from './tunnel';
import { buildMapEntry, isPointToPoint } from './cryptoMap';
import { MOVED, shiftedCopy } from '../extract/sections';
import type { LineShift } from '../parser';

/** An endpoint carried over with its lines moved → the previous version's endpoint it copies. */
const MOVED_FROM = new WeakMap<Endpoint, Endpoint>();

/**
 * A reused endpoint of a model whose lines moved below an edit: its copy with the positions moved,
 * or itself when none of its positions is below the edit; its reads, in the new model's objects.
 */
function carried(b: Built, shift: LineShift, moved: (v: unknown) => unknown): Built {
  let any = false;
  // A first pass finds whether any position moves (most tunnels of the tail do; those above do not).
  const check = (x: unknown): void => {
    if (any || x === null || typeof x !== 'object') return;
    const r = x as Record<string, unknown>;
    if (typeof r.line === 'number' && typeof r.character === 'number') {
      if (r.line >= shift.from) any = true;
      return;
    }
    if (Array.isArray(x)) for (const y of x) check(y);
    else for (const k in r) check(r[k]);
  };
  check(b.ep);
  const deps = b.deps.slice();
  for (let i = 0; i < deps.length; i += 4) deps[i + 3] = deps[i] === D_ENTRIES ? (deps[i + 3] as unknown[]).map(moved) : moved(deps[i + 3]);
  const absorbed = b.absorbed && (moved(b.absorbed) as CryptoMapEntry);
  if (!any) return { ep: b.ep, deps, absorbed };
  const ep = shiftedCopy(b.ep, shift, new Map());
  MOVED_FROM.set(ep, b.ep);
  return { ep, deps, absorbed };
}

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
  // The previous model's lines moved below an edit (a line-count change): its objects there have
  // moved copies in this model, and an endpoint reads the copies of what it read.
  const shifted = prev && MOVED.get(prev.cfg);
  const moved = shifted ? (v: unknown) => (v !== null && typeof v === 'object' ? (shifted.objs.get(v) ?? v) : v) : undefined;
  let prevTunnels = prev?.tunnels;
  let prevEntries = prev?.entries;
  if (prev && moved) {
    prevTunnels = new Map();
    for (const [k, b] of prev.tunnels) prevTunnels.set(moved(k) as Interface, b);
    prevEntries = new Map();
    for (const [k, b] of prev.entries) prevEntries.set(moved(k) as CryptoMapEntry, b);
  }
  // Whole-collection tokens: carried over from the previous model where the collection is the same.
  const tokens = { ikev2Policies: {}, isakmpPolicies: {}, isakmpKeys: {}, keyrings: {} } as Record<AllName, object>;
  if (prev) {
    for (const n of ALL_NAMES) {
      const was = prev.cfg[n] as Map<string, unknown> | unknown[];
      const then = moved ? (Array.isArray(was) ? was.map(moved) : new Map([...was].map(([k, v]) => [k, moved(v)]))) : was;
      if (sameCollection(then, cfg[n] as Map<string, unknown> | unknown[])) tokens[n] = tokenOf(prev.cfg, n);
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
    let b = prevTunnels?.get(itf);
    if (b && !depsHold(cfg, b.deps, memo, moved)) b = undefined;
    else if (b && moved) b = carried(b, shifted!.shift, moved);
    if (!b) {
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
    let b = prevEntries?.get(e);
    if (b && !depsHold(cfg, b.deps, memo, moved)) b = undefined;
    else if (b && moved) b = carried(b, shifted!.shift, moved);
    if (!b) {
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
    // A copy with moved positions differs from the endpoint it copies.
    if (p && MOVED_FROM.get(e) === p) return e;
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
