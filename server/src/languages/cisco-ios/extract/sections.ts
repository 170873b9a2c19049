// Incremental extraction. A top-level section reads into cfg only the objects it names (a map
// entry, an ISAKMP policy priority), plus order-only lists (ISAKMP keys, crypto map entries,
// references) and last-wins scalars. So each section is read once into an empty model (cached
// against its root node, which the parser shares between versions while the section is
// unchanged), and the model of a file is the merge of its sections in order. A section that names
// an object some other section also names is read again into the merged model instead, in its
// place in the order: the merge then does exactly what extract() (roots.ts) does.
import { SECTION, type LineShift, type Node, type ParseTree } from '../parser';
import { emptyConfig, type CryptoMapEntry, type IosConfig, type IsakmpPolicy, type PskEntry, type Ref, type Word } from '../model';
import { extractRoot } from './roots';

/** What one section contributes, read into an empty model. */
interface Section {
  hostname?: Word;
  version?: Word;
  globalSaLifetime?: Word;
  weak: boolean;
  disabled: string[];
  isakmpPolicies: IsakmpPolicy[];
  isakmpKeys: PskEntry[];
  cryptoMaps: CryptoMapEntry[];
  /** Map entries in insertion order: [collection, key, object]. */
  entries: [MapName, string, unknown][];
  refs: Ref[];
  /** The objects it names: `collection\0key`, `isakmp-policy\0priority`. */
  keys: string[];
}

type MapName = 'keyrings' | 'isakmpProfiles' | 'ikev2Proposals' | 'ikev2Policies' | 'ikev2Keyrings' | 'ikev2Profiles' | 'transformSets' | 'ipsecProfiles' | 'mapLocalAddress' | 'acls' | 'interfaces';
const MAP_NAMES: readonly MapName[] = ['keyrings', 'isakmpProfiles', 'ikev2Proposals', 'ikev2Policies', 'ikev2Keyrings', 'ikev2Profiles', 'transformSets', 'ipsecProfiles', 'mapLocalAddress', 'acls', 'interfaces'];

/** A section that contributes nothing (most of a large configuration). */
const EMPTY: Section = { weak: false, disabled: [], isakmpPolicies: [], isakmpKeys: [], cryptoMaps: [], entries: [], refs: [], keys: [] };

let scratch: IosConfig | undefined;

function readSection(n: Node): Section {
  const c = (scratch ??= emptyConfig());
  extractRoot(c, n);
  let empty = c.hostname === undefined && c.version === undefined && c.globalSaLifetime === undefined && !c.weakCryptoReenabled && c.disabledDefaults.size === 0 &&
    c.isakmpPolicies.length === 0 && c.isakmpKeys.length === 0 && c.cryptoMaps.length === 0 && c.refs.length === 0;
  if (empty) for (const m of MAP_NAMES) if (c[m].size > 0) empty = false;
  if (empty) return EMPTY;
  const s: Section = {
    hostname: c.hostname, version: c.version, globalSaLifetime: c.globalSaLifetime, weak: c.weakCryptoReenabled, disabled: [...c.disabledDefaults],
    // Lists taken only when not empty: an empty one stays the scratch model's, filled by later sections.
    isakmpPolicies: c.isakmpPolicies.length ? c.isakmpPolicies : [], isakmpKeys: c.isakmpKeys.length ? c.isakmpKeys : [],
    cryptoMaps: c.cryptoMaps.length ? c.cryptoMaps : [], entries: [], refs: c.refs.length ? c.refs : [], keys: [],
  };
  for (const p of c.isakmpPolicies) s.keys.push(`isakmp-policy\u0000${p.priority}`);
  for (const m of MAP_NAMES) {
    if (c[m].size === 0) continue;
    for (const [k, v] of c[m]) {
      s.entries.push([m, k, v]);
      s.keys.push(`${m}\u0000${k}`);
    }
    c[m].clear();
  }
  // The lists taken above now belong to the section: the scratch model starts again empty.
  c.hostname = c.version = c.globalSaLifetime = undefined;
  c.weakCryptoReenabled = false;
  c.disabledDefaults.clear();
  if (c.isakmpPolicies.length) c.isakmpPolicies = [];
  if (c.isakmpKeys.length) c.isakmpKeys = [];
  if (c.cryptoMaps.length) c.cryptoMaps = [];
  if (c.refs.length) c.refs = [];
  return s;
}

/** The section of a root node, read once per node. */
function sectionOf(n: Node): Section {
  let s = n[SECTION] as Section | undefined;
  if (!s) n[SECTION] = s = readSection(n);
  return s;
}

/** The sections that name an object another section names too, as read together in order. */
interface SharedState {
  roots: Node[];
  records: Section[];
}

const SHARED = new WeakMap<IosConfig, SharedState>();

/**
 * Reads the shared sections in order into one model, as extract() would (they only touch objects
 * no other section touches), and records what each section added, in the form of a Section whose
 * objects are the final ones.
 */
function readShared(roots: Node[]): Section[] {
  const c = emptyConfig();
  const records: Section[] = [];
  const added: [MapName, string][][] = [];
  for (const n of roots) {
    const before = { host: c.hostname, ver: c.version, sa: c.globalSaLifetime, refs: c.refs.length, pol: c.isakmpPolicies.length, keys: c.isakmpKeys.length, maps: c.cryptoMaps.length, dis: c.disabledDefaults.size };
    const sizes = MAP_NAMES.map((m) => c[m].size);
    extractRoot(c, n);
    const rec: Section = {
      hostname: c.hostname !== before.host ? c.hostname : undefined,
      version: c.version !== before.ver ? c.version : undefined,
      globalSaLifetime: c.globalSaLifetime !== before.sa ? c.globalSaLifetime : undefined,
      weak: c.weakCryptoReenabled,
      disabled: c.disabledDefaults.size > before.dis ? [...c.disabledDefaults].slice(before.dis) : [],
      isakmpPolicies: c.isakmpPolicies.slice(before.pol),
      isakmpKeys: c.isakmpKeys.slice(before.keys),
      cryptoMaps: c.cryptoMaps.slice(before.maps),
      entries: [],
      refs: c.refs.slice(before.refs),
      keys: [],
    };
    const mine: [MapName, string][] = [];
    MAP_NAMES.forEach((m, j) => {
      if (c[m].size > sizes[j]) for (const k of [...c[m].keys()].slice(sizes[j])) mine.push([m, k]);
    });
    added.push(mine);
    records.push(rec);
  }
  // The objects as they are at the end (a later section may have changed or replaced them).
  records.forEach((r, i) => {
    for (const [m, k] of added[i]) r.entries.push([m, k, c[m].get(k)]);
  });
  return records;
}

/**
 * What a re-parse moved, per previous model: the old objects' copies (for the endpoint cache, which
 * reuses an endpoint whose inputs are the copies of its old inputs).
 */
export const MOVED = new WeakMap<IosConfig, { shift: LineShift; objs: Map<object, unknown> }>();

/**
 * A deep copy of model data with every position at or after shift.from moved by shift.delta; a
 * node is its copy (or itself, outside the moved part); objects shared inside are copied once
 * (objs, old → copy). Only plain data is copied: arrays, Maps, Sets and plain objects.
 */
export function shiftedCopy<T>(x: T, shift: LineShift, objs: Map<object, unknown>): T {
  if (x === null || typeof x !== 'object') return x;
  const r = x as unknown as Record<string, unknown>;
  // Positions and ranges (most of the objects) first, without the identity map: nothing shares them.
  if (typeof r.line === 'number' && typeof r.character === 'number') return movedPosition(r, shift) as T;
  const start = r.start as Record<string, unknown> | undefined;
  if (start !== undefined && r.end !== undefined && typeof start.line === 'number' && typeof start.character === 'number' && Object.keys(r).length === 2) {
    return { start: movedPosition(start, shift), end: movedPosition(r.end as Record<string, unknown>, shift) } as T;
  }
  const o = x as unknown as object;
  const seen = objs.get(o);
  if (seen !== undefined) return seen as T;
  if (SECTION in o) return (shift.copy.get(o as Node) ?? o) as T;
  if (Array.isArray(o)) {
    const out = new Array(o.length);
    objs.set(o, out);
    for (let i = 0; i < o.length; i++) out[i] = shiftedCopy(o[i], shift, objs);
    return out as T;
  }
  if (o instanceof Map) {
    const out = new Map();
    objs.set(o, out);
    for (const [k, v] of o) out.set(k, shiftedCopy(v, shift, objs));
    return out as T;
  }
  if (o instanceof Set) {
    const out = new Set();
    objs.set(o, out);
    for (const v of o) out.add(shiftedCopy(v, shift, objs));
    return out as T;
  }
  const proto = Object.getPrototypeOf(o);
  if (proto !== Object.prototype && proto !== null) return x;
  const out: Record<string, unknown> = {};
  objs.set(o, out);
  for (const k in r) {
    const v = r[k];
    out[k] = v !== null && typeof v === 'object' ? shiftedCopy(v, shift, objs) : v;
  }
  return out as T;
}

function movedPosition(p: Record<string, unknown>, shift: LineShift): { line: number; character: number } {
  const line = p.line as number;
  return { line: line >= shift.from ? line + shift.delta : line, character: p.character as number };
}

function mergeSection(cfg: IosConfig, s: Section): void {
  if (s.hostname) cfg.hostname = s.hostname;
  if (s.version) cfg.version = s.version;
  if (s.globalSaLifetime) cfg.globalSaLifetime = s.globalSaLifetime;
  if (s.weak) cfg.weakCryptoReenabled = true;
  for (const d of s.disabled) cfg.disabledDefaults.add(d);
  for (const x of s.isakmpPolicies) cfg.isakmpPolicies.push(x);
  for (const x of s.isakmpKeys) cfg.isakmpKeys.push(x);
  for (const x of s.cryptoMaps) cfg.cryptoMaps.push(x);
  for (const [m, k, v] of s.entries) (cfg[m] as Map<string, unknown>).set(k, v);
  for (const r of s.refs) cfg.refs.push(r);
}

/**
 * The same model as extract(tree), from the cached sections of the tree's roots, and from the
 * previous version's model (for the shared sections, when they are the same nodes). Objects of
 * sections that name no object named elsewhere are the cached objects themselves (so an unchanged
 * section gives the same objects in every version); they are never modified afterwards.
 */
export function extractIncremental(tree: ParseTree, previous?: IosConfig): IosConfig {
  const roots = tree.roots;
  const shift = tree.shift;
  const objs = new Map<object, unknown>();
  if (shift) {
    // The roots the re-parse copied below a line-count change: their sections as read before, with
    // their lines moved (no second reading of half the file per Enter).
    delete tree.shift;
    for (const [root, old] of shift.origin) {
      const s = old[SECTION] as Section | undefined;
      if (s && !root[SECTION]) root[SECTION] = s === EMPTY ? EMPTY : shiftedCopy(s, shift, objs);
    }
    if (previous) MOVED.set(previous, { shift, objs });
  }
  const sections: Section[] = new Array(roots.length);
  const count = new Map<string, number>();
  for (let i = 0; i < roots.length; i++) {
    const s = (sections[i] = sectionOf(roots[i]));
    for (const k of s.keys) count.set(k, (count.get(k) ?? 0) + 1);
  }
  const shared: boolean[] = new Array(roots.length).fill(false);
  const sharedRoots: Node[] = [];
  for (let i = 0; i < roots.length; i++) {
    for (const k of sections[i].keys) {
      if (count.get(k)! > 1) {
        shared[i] = true;
        sharedRoots.push(roots[i]);
        break;
      }
    }
  }
  const prev = previous && SHARED.get(previous);
  let records: Section[];
  if (prev && prev.roots.length === sharedRoots.length && prev.roots.every((n, i) => n === sharedRoots[i])) records = prev.records;
  else if (shift && prev && prev.roots.length === sharedRoots.length && prev.roots.every((n, i) => (shift.copy.get(n) ?? n) === sharedRoots[i])) {
    // The same shared sections, those below the edit moved: their records as read, moved too.
    records = shiftedCopy(prev.records, shift, objs);
  } else records = readShared(sharedRoots);
  const cfg = emptyConfig();
  let j = 0;
  for (let i = 0; i < roots.length; i++) {
    if (shared[i]) mergeSection(cfg, records[j++]);
    else if (sections[i] !== EMPTY) mergeSection(cfg, sections[i]);
  }
  SHARED.set(cfg, { roots: sharedRoots, records });
  return cfg;
}
