// IPsec: `crypto ipsec transform-set`, `crypto ipsec profile`, the global SA lifetime and crypto
// map entries, which share the `set …` commands (docs/reference/ios-grammar.md §5, §6).
import type { CryptoMapEntry, IosConfig, IpsecProfile, SetAttrs, TransformSet } from '../model';
import { addRef, interfaceNameFrom, lineRange, rangeOf, spanOf, word } from '../words';
import { NOT_MODELLED, readChildren, type Entry, type Family, type Handler } from './dispatch';

const TRANSFORM_SET: Family<TransformSet> = {
  commands: {
    mode: (ts, c) => {
      if (c.negated) ts.mode = undefined;
      else if (c.path[1] === 'tunnel' || c.path[1] === 'transport') ts.mode = { value: c.path[1], require: c.path[2] === 'require', range: lineRange(c) };
    },
  },
};

/** `crypto ipsec transform-set NAME T1 [T2 [T3]]`: a set written again without transforms keeps its mode. */
export const readTransformSet: Handler<IosConfig> = (cfg, n) => {
  const a = n.args;
  if (!a[0]) return false;
  const ts: TransformSet = { name: a[0].text, node: n, nameRange: rangeOf(n.line, a[0]), transforms: a.slice(1).map((t) => word(n, t)) };
  const prev = cfg.transformSets.get(ts.name);
  if (prev?.mode && ts.transforms.length === 0) ts.mode = prev.mode;
  cfg.transformSets.set(ts.name, ts);
  readChildren(n, TRANSFORM_SET, ts, cfg);
};

/** The `set` commands an IPsec profile and a crypto map entry share. */
const SET: Readonly<Record<string, Entry<SetAttrs>>> = {
  'set transform-set': (s, c, cfg) => {
    s.transformSets = c.negated ? [] : c.args.map((t) => addRef(cfg.refs, t.text, 'transform-set', c, t));
  },
  'set pfs': (s, c) => {
    // A bare `set pfs` (no group) is kept as the empty word: it reuses the IKE SA's group.
    s.pfs = c.negated ? undefined : c.args[0] ? word(c, c.args[0]) : { text: '', range: lineRange(c) };
  },
  'set ikev2-profile': (s, c, cfg) => {
    const a0 = c.args[0];
    if (a0) s.ikev2Profile = c.negated ? undefined : addRef(cfg.refs, a0.text, 'ikev2-profile', c, a0);
  },
  'set isakmp-profile': (s, c, cfg) => {
    const a0 = c.args[0];
    if (a0) s.isakmpProfile = c.negated ? undefined : addRef(cfg.refs, a0.text, 'isakmp-profile', c, a0);
  },
  'set security-association lifetime seconds': (s, c) => {
    const a0 = c.args[0];
    if (a0) s.lifetimeSeconds = c.negated ? undefined : word(c, a0);
  },
  // Kilobyte and day lifetimes, idle time, replay window: not compared across peers.
  'set security-association': NOT_MODELLED,
};

const IPSEC_PROFILE: Family<IpsecProfile> = {
  commands: {
    ...SET,
    // A profile protects a tunnel whose destination is the peer: a `set peer` line configures nothing.
    'set peer': NOT_MODELLED,
  },
};

export const readIpsecProfile: Handler<IosConfig> = (cfg, n) => {
  const a0 = n.args[0];
  if (!a0) return false;
  const pr: IpsecProfile = cfg.ipsecProfiles.get(a0.text) ?? { name: a0.text, node: n, nameRange: rangeOf(n.line, a0), transformSets: [] };
  cfg.ipsecProfiles.set(pr.name, pr);
  readChildren(n, IPSEC_PROFILE, pr, cfg);
};

/** `crypto ipsec security-association lifetime seconds N`: the default of every profile and map entry. */
export const readGlobalSaLifetime: Handler<IosConfig> = (cfg, n) => {
  if (n.negated || !n.args[0]) return false;
  cfg.globalSaLifetime = word(n, n.args[0]);
};

const CRYPTO_MAP: Family<CryptoMapEntry> = {
  commands: {
    ...SET,
    'set peer': (e, c) => {
      const a0 = c.args[0];
      if (!a0) return;
      if (c.negated) e.peers = e.peers.filter((x) => x.text !== a0.text);
      else e.peers.push(word(c, a0));
    },
    'match address': (e, c, cfg) => {
      const a0 = c.args[0];
      if (a0) e.matchAddress = c.negated ? undefined : addRef(cfg.refs, a0.text, 'acl', c, a0);
    },
    match: NOT_MODELLED,
    description: NOT_MODELLED,
  },
};

/**
 * `crypto map [ipv6] NAME SEQ …` and `crypto dynamic-map NAME SEQ` open an entry;
 * `crypto map NAME SEQ ipsec-isakmp dynamic DMAP` is an entry that only points at a dynamic map;
 * `crypto map NAME local-address IFACE` sets the local address of every entry of NAME. Other
 * forms (`client`, `isakmp authorization`, `redundancy`, …) are not modelled.
 */
export const readCryptoMap: Handler<IosConfig> = (cfg, n) => {
  const a = n.args;
  const p = n.path.join(' ');
  if (!a[0]) return false;
  if (/^local-address$/i.test(a[1]?.text ?? '') && a[2]) {
    const itf = interfaceNameFrom(a.slice(2));
    if (itf) cfg.mapLocalAddress.set(a[0].text, addRef(cfg.refs, itf.name, 'interface', n, itf.toks));
    return;
  }
  const dynIdx = a.findIndex((t) => /^dynamic$/i.test(t.text));
  const pointer = !n.opens && dynIdx > 1 && /^\d+$/.test(a[1]?.text ?? '') && p !== 'crypto dynamic-map';
  if (!n.opens && !pointer) return false;
  const e: CryptoMapEntry = {
    map: a[0].text, seq: Number(a[1].text), ipv6: p === 'crypto map ipv6', dynamic: p === 'crypto dynamic-map', node: n, nameRange: spanOf(n.line, [a[0], a[1]]),
    transformSets: [], peers: [], dynamicRef: pointer ? a[dynIdx + 1]?.text : undefined,
  };
  cfg.cryptoMaps.push(e);
  readChildren(n, CRYPTO_MAP, e, cfg);
};
