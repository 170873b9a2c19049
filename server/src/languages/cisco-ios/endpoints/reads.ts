// Every read an endpoint makes of the model goes through here and is recorded (EndpointContext.deps),
// so the next version can tell whether the endpoint would come out the same (cache.ts). Look-ups
// over the whole configuration are indexed once per model. The Valued constructors add the version
// label to every default's rule ("IOS 15.7 default transform set").
import type { Range } from 'vscode-languageserver-types';
import type { Family, Valued } from '../../../core/endpoint';
import { defaulted as defaultedAt, derived as derivedAt, written as writtenAt } from '../../../core/valued';
import { versionLabel, type IosVersion } from '../defaults';
import type { CryptoMapEntry, IosConfig, Interface } from '../model';

export interface EndpointContext {
  uri: string;
  cfg: IosConfig;
  version: IosVersion;
  versionValued: Valued<string>;
  /** While one endpoint is built: what it read of cfg (see Dep), to tell when it can be reused. */
  deps?: unknown[];
}

// What an endpoint read of the configuration, as flat groups of four: [kind, what, key, value].
export const D_GET = 0; // (cfg[what] as Map).get(key) was value
export const D_ALL = 1; // the whole collection cfg[what] was the one with token value
export const D_DISABLED = 2; // cfg.disabledDefaults.has(key) was value
export const D_SA_LIFETIME = 3; // cfg.globalSaLifetime was value
export const D_INDEX = 4; // indexOf(cfg)[what].get(key) was value
export const D_MAP_NAMES = 5; // the sorted names of maps bound to interfaces (family what) were key
export const D_ENTRIES = 6; // the crypto map entries of key were value (an array)

export type LookName = 'keyrings' | 'isakmpProfiles' | 'ikev2Proposals' | 'ikev2Keyrings' | 'ikev2Profiles' | 'transformSets' | 'ipsecProfiles' | 'mapLocalAddress' | 'acls' | 'interfaces';
export type AllName = 'ikev2Policies' | 'isakmpPolicies' | 'isakmpKeys' | 'keyrings';
export const ALL_NAMES: readonly AllName[] = ['ikev2Policies', 'isakmpPolicies', 'isakmpKeys', 'keyrings'];

export function look<K extends LookName>(ctx: EndpointContext, what: K, key: string): (IosConfig[K] extends Map<string, infer V> ? V : never) | undefined {
  const v = (ctx.cfg[what] as Map<string, unknown>).get(key);
  ctx.deps?.push(D_GET, what, key, v);
  return v as never;
}

export function lookAll(ctx: EndpointContext, what: AllName): void {
  ctx.deps?.push(D_ALL, what, undefined, tokenOf(ctx.cfg, what));
}

export function isDisabled(ctx: EndpointContext, key: string): boolean {
  const v = ctx.cfg.disabledDefaults.has(key);
  ctx.deps?.push(D_DISABLED, undefined, key, v);
  return v;
}

export function lookIndex(ctx: EndpointContext, what: 'byAddress' | 'mapItf' | 'mapItf6', key: string): Interface | undefined {
  const v = indexOf(ctx.cfg)[what].get(key);
  ctx.deps?.push(D_INDEX, what, key, v);
  return v;
}

/**
 * Tokens of whole collections: a collection equal element by element (same objects, same order)
 * to the previous version's has the previous version's token. Set when endpoints are built.
 */
export const TOKENS = new WeakMap<IosConfig, Record<AllName, object>>();

export function tokenOf(cfg: IosConfig, what: AllName): object {
  let t = TOKENS.get(cfg);
  if (!t) TOKENS.set(cfg, (t = { ikev2Policies: {}, isakmpPolicies: {}, isakmpKeys: {}, keyrings: {} }));
  return t[what];
}

export function sameCollection(a: Map<string, unknown> | readonly unknown[], b: Map<string, unknown> | readonly unknown[]): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = a as readonly unknown[];
    const y = b as readonly unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    return true;
  }
  const x = a as Map<string, unknown>;
  const y = b as Map<string, unknown>;
  if (x.size !== y.size) return false;
  const iy = y.entries();
  for (const [k, v] of x) {
    const [k2, v2] = iy.next().value as [string, unknown];
    if (k !== k2 || v !== v2) return false;
  }
  return true;
}

/** A value written at `range` of this file. */
export function written<T>(ctx: EndpointContext, value: T, range: Range | undefined, rule?: string): Valued<T> {
  return writtenAt(value, ctx.uri, range as Range, rule);
}

/** A default of the target version; `range` is the line it is defaulted on, if any. */
export function defaulted<T>(ctx: EndpointContext, value: T, rule: string, range?: Range): Valued<T> {
  return defaultedAt(value, `${versionLabel(ctx.version)} ${rule}`, ctx.uri, range);
}

export function derived<T>(ctx: EndpointContext, value: T, rule: string, range?: Range): Valued<T> {
  return derivedAt(value, rule, ctx.uri, range);
}

/** The first address of an interface in a family. */
export function ifaceAddress(itf: Interface | undefined, family: Family): string | undefined {
  if (!itf) return undefined;
  return family === 'ipv6' ? itf.ipv6[0]?.address : itf.ipv4[0]?.address;
}


/**
 * Look-ups over the whole configuration that every endpoint would otherwise repeat with a scan of
 * all interfaces or crypto map entries (quadratic on large configs). Built once per IosConfig (the
 * model is not changed after extraction); each answer is the one the scan would give.
 */
interface CfgIndex {
  /** First interface (in definition order) with `crypto map NAME` / `ipv6 crypto map NAME`. */
  mapItf: Map<string, Interface>;
  mapItf6: Map<string, Interface>;
  /** First interface (in definition order) carrying an address. */
  byAddress: Map<string, Interface>;
  /** Crypto map entries of a set of map names and a family, sorted by sequence (stable). */
  entries: Map<string, CryptoMapEntry[]>;
  /** ISAKMP policies by priority (stable). */
  isakmpSorted?: IosConfig['isakmpPolicies'];
  names4?: { set: Set<string>; key: string };
  names6?: { set: Set<string>; key: string };
}

const INDEX = new WeakMap<IosConfig, CfgIndex>();

export function indexOf(cfg: IosConfig): CfgIndex {
  let ix = INDEX.get(cfg);
  if (ix) return ix;
  ix = { mapItf: new Map(), mapItf6: new Map(), byAddress: new Map(), entries: new Map() };
  for (const itf of cfg.interfaces.values()) {
    if (itf.cryptoMap && !ix.mapItf.has(itf.cryptoMap.name)) ix.mapItf.set(itf.cryptoMap.name, itf);
    if (itf.ipv6CryptoMap && !ix.mapItf6.has(itf.ipv6CryptoMap.name)) ix.mapItf6.set(itf.ipv6CryptoMap.name, itf);
    for (const y of itf.ipv4) if (!ix.byAddress.has(y.address)) ix.byAddress.set(y.address, itf);
    for (const y of itf.ipv6) if (!ix.byAddress.has(y.address)) ix.byAddress.set(y.address, itf);
  }
  INDEX.set(cfg, ix);
  return ix;
}


/** Names of the maps bound to interfaces for a family (sorted), and as a key. */
export function boundMapNames(cfg: IosConfig, family: Family): { set: Set<string>; key: string } {
  const ix = indexOf(cfg);
  const cached = family === 'ipv6' ? ix.names6 : ix.names4;
  if (cached) return cached;
  const set = new Set((family === 'ipv6' ? ix.mapItf6 : ix.mapItf).keys());
  const r = { set, key: [...set].sort().join('\u0000') };
  if (family === 'ipv6') ix.names6 = r;
  else ix.names4 = r;
  return r;
}

/** Crypto map entries of `family\0name\0name…`, sorted by sequence (stable). */
export function entriesOf(cfg: IosConfig, key: string): CryptoMapEntry[] {
  const ix = indexOf(cfg);
  let entries = ix.entries.get(key);
  if (!entries) {
    const [family, ...names] = key.split('\u0000');
    const mapNames = new Set(names);
    entries = cfg.cryptoMaps.filter((e) => mapNames.has(e.map) && e.ipv6 === (family === 'ipv6')).sort((a, b) => a.seq - b.seq);
    ix.entries.set(key, entries);
  }
  return entries;
}


/** Whether every read recorded in deps gives the same answer in cfg (memo: per-key answers of this cfg). */
export function depsHold(cfg: IosConfig, deps: unknown[], memo: Map<string, boolean>, moved?: (v: unknown) => unknown): boolean {
  for (let i = 0; i < deps.length; i += 4) {
    const kind = deps[i];
    const what = deps[i + 1] as string;
    const key = deps[i + 2] as string;
    // An object read from a model whose lines moved: the answer is now its moved copy.
    const v = moved ? (kind === D_ENTRIES ? (deps[i + 3] as unknown[]).map(moved) : moved(deps[i + 3])) : deps[i + 3];
    switch (kind) {
      case D_GET:
        if ((cfg[what as LookName] as Map<string, unknown>).get(key) !== v) return false;
        break;
      case D_ALL:
        if (tokenOf(cfg, what as AllName) !== v) return false;
        break;
      case D_DISABLED:
        if (cfg.disabledDefaults.has(key) !== v) return false;
        break;
      case D_SA_LIFETIME:
        if (cfg.globalSaLifetime !== v) return false;
        break;
      case D_INDEX:
        if (indexOf(cfg)[what as 'byAddress' | 'mapItf' | 'mapItf6'].get(key) !== v) return false;
        break;
      case D_MAP_NAMES:
        if (boundMapNames(cfg, what as Family).key !== key) return false;
        break;
      case D_ENTRIES: {
        let ok = memo.get(key);
        if (ok === undefined) memo.set(key, (ok = sameCollection(entriesOf(cfg, key), v as CryptoMapEntry[])));
        if (!ok) return false;
        break;
      }
    }
  }
  return true;
}

