// From IOS objects to normalized Endpoints. A Tunnel interface is one endpoint; a crypto map
// entry is another, unless it protects a GRE tunnel of this file (the founding case: `ipv6 crypto
// map` on the WAN interface with `permit gre` between the tunnel's outer addresses) — then its
// IPsec binding is attached to the tunnel endpoint instead, so one tunnel is one endpoint.
import type { Range } from 'vscode-languageserver-types';
import type { Encapsulation, Endpoint, Family, IpsecBinding, Proposal, TrafficSelector, TunnelPart, Valued, AuthMethod } from '../../core/endpoint';
import { parseAddress, prefixContains } from '../../core/address';
import { ESP_TRANSFORMS, IKEV2_ENCRYPTION, IKE_HASHES, iosDhGroup, isakmpEncryption } from './algorithms';
import {
  DEFAULT_IKEV2_LIFETIME, DEFAULT_IPSEC_SA_LIFETIME, DEFAULT_TRANSFORM_SET, DEFAULT_TUNNEL_MODE, DEFAULT_UNDERLAY_MTU,
  ISAKMP_BUILTIN_POLICIES, ISAKMP_POLICY_DEFAULTS, TRANSFORM_SET_DEFAULT_MODE, TUNNEL_MODE_OVERHEAD, ikev2DefaultProposal,
  versionLabel, type IosVersion,
} from './defaults';
import type { Acl, CryptoMapEntry, IosConfig, Interface, SetAttrs, TransformSet, Secret } from './objects';

export interface EndpointContext {
  uri: string;
  cfg: IosConfig;
  version: IosVersion;
  versionValued: Valued<string>;
  /** While one endpoint is built: what it read of cfg (see Dep), to tell when it can be reused. */
  deps?: unknown[];
}

// What an endpoint read of the configuration, as flat groups of four: [kind, what, key, value].
const D_GET = 0; // (cfg[what] as Map).get(key) was value
const D_ALL = 1; // the whole collection cfg[what] was the one with token value
const D_DISABLED = 2; // cfg.disabledDefaults.has(key) was value
const D_SA_LIFETIME = 3; // cfg.globalSaLifetime was value
const D_INDEX = 4; // indexOf(cfg)[what].get(key) was value
const D_MAP_NAMES = 5; // the sorted names of maps bound to interfaces (family what) were key
const D_ENTRIES = 6; // the crypto map entries of key were value (an array)

type LookName = 'keyrings' | 'isakmpProfiles' | 'ikev2Proposals' | 'ikev2Keyrings' | 'ikev2Profiles' | 'transformSets' | 'ipsecProfiles' | 'mapLocalAddress' | 'acls' | 'interfaces';
type AllName = 'ikev2Policies' | 'isakmpPolicies' | 'isakmpKeys' | 'keyrings';
const ALL_NAMES: readonly AllName[] = ['ikev2Policies', 'isakmpPolicies', 'isakmpKeys', 'keyrings'];

function look<K extends LookName>(ctx: EndpointContext, what: K, key: string): (IosConfig[K] extends Map<string, infer V> ? V : never) | undefined {
  const v = (ctx.cfg[what] as Map<string, unknown>).get(key);
  ctx.deps?.push(D_GET, what, key, v);
  return v as never;
}

function lookAll(ctx: EndpointContext, what: AllName): void {
  ctx.deps?.push(D_ALL, what, undefined, tokenOf(ctx.cfg, what));
}

function isDisabled(ctx: EndpointContext, key: string): boolean {
  const v = ctx.cfg.disabledDefaults.has(key);
  ctx.deps?.push(D_DISABLED, undefined, key, v);
  return v;
}

function lookIndex(ctx: EndpointContext, what: 'byAddress' | 'mapItf' | 'mapItf6', key: string): Interface | undefined {
  const v = indexOf(ctx.cfg)[what].get(key);
  ctx.deps?.push(D_INDEX, what, key, v);
  return v;
}

/**
 * Tokens of whole collections: a collection equal element by element (same objects, same order)
 * to the previous version's has the previous version's token. Set when endpoints are built.
 */
const TOKENS = new WeakMap<IosConfig, Record<AllName, object>>();

function tokenOf(cfg: IosConfig, what: AllName): object {
  let t = TOKENS.get(cfg);
  if (!t) TOKENS.set(cfg, (t = { ikev2Policies: {}, isakmpPolicies: {}, isakmpKeys: {}, keyrings: {} }));
  return t[what];
}

function sameCollection(a: Map<string, unknown> | readonly unknown[], b: Map<string, unknown> | readonly unknown[]): boolean {
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

function written<T>(ctx: EndpointContext, value: T, range: Range): Valued<T> {
  return { value, source: 'written', uri: ctx.uri, range };
}
function defaulted<T>(ctx: EndpointContext, value: T, rule: string, range?: Range): Valued<T> {
  return { value, source: 'default', uri: range ? ctx.uri : undefined, range, rule: `${versionLabel(ctx.version)} ${rule}` };
}
function derived<T>(ctx: EndpointContext, value: T, rule: string, range?: Range): Valued<T> {
  return { value, source: 'derived', uri: range ? ctx.uri : undefined, range, rule };
}

/** Outer family of a tunnel mode: the transport named after the encapsulation keyword. */
export function modeFamily(words: readonly string[]): Family {
  const [a, b, c] = words;
  if (a === 'ipv6') return 'ipv6'; // generic IPv6 tunnelling (RFC 2473)
  if (a === 'gre' && (b === 'ipv6' || c === 'ipv6')) return 'ipv6';
  if (a === 'ipsec' && b === 'ipv6') return 'ipv6';
  if ((a === 'ethernet' || a === 'udp' || a === 'vxlan') && (b === 'ipv6' || c === 'ipv6')) return 'ipv6';
  return 'ipv4';
}

/**
 * IOS `tunnel mode` → model encapsulation:
 *   gre ip / gre ipv6 / gre multipoint [ipv6] / ethernet gre … → gre (the outer family says ip6gre)
 *   ipsec ipv4 / ipsec ipv6 [overlay]                          → vti (IPsec tunnel mode, no GRE)
 *   ipip                                                       → ipip (IPv4 in IPv4)
 *   ipv6ip [6to4|isatap|6rd]                                   → sit (IPv6 in IPv4)
 *   ipv6 (RFC 2473 generic)                                    → ipip6 when the tunnel carries IPv4 (an inner
 *                                                                IPv4 address), else ip6ip6 (Linux ip6tnl either way)
 *   udp, vxlan, mpls, sdwan, legacy modes                      → none (no model counterpart)
 */
export function modeEncapsulation(words: readonly string[], hasIpv4Inner: boolean): Encapsulation {
  const [a, b] = words;
  if (a === 'gre' || (a === 'ethernet' && b === 'gre')) return 'gre';
  if (a === 'ipsec') return 'vti';
  if (a === 'ipip') return 'ipip';
  if (a === 'ipv6ip') return 'sit';
  if (a === 'ipv6') return hasIpv4Inner ? 'ipip6' : 'ip6ip6';
  return 'none';
}

function ifaceAddress(itf: Interface | undefined, family: Family): string | undefined {
  if (!itf) return undefined;
  return family === 'ipv6' ? itf.ipv6[0]?.address : itf.ipv4[0]?.address;
}

/** Canonical ESP proposal of a transform set (undefined transforms are left out; checks report them). */
export function transformSetProposal(ts: { transforms: { text: string }[] }): Proposal {
  const p: Proposal = { encr: [], integ: [], prf: [], dh: [] };
  const t = ts.transforms;
  for (let i = 0; i < t.length; i++) {
    const row = ESP_TRANSFORMS[t[i].text.toLowerCase()];
    if (!row) continue;
    let name = row.canonical;
    if (row.keyLengths && t[i + 1] && row.keyLengths.includes(t[i + 1].text)) {
      name = row.byLength![t[i + 1].text];
      i++;
    }
    if (row.kind === 'encr' && name) p.encr.push(name);
    else if (row.kind === 'integ' && name) p.integ.push(name);
  }
  if (p.encr.length > 0 && p.integ.length === 0) p.integ.push('NONE');
  return p;
}

export function ikev2ProposalCanonical(pr: { encryption: { text: string }[]; integrity: { text: string }[]; prf: { text: string }[]; group: { text: string }[] }): Proposal {
  const encr = pr.encryption.map((w) => IKEV2_ENCRYPTION[w.text.toLowerCase()]).filter((x): x is string => !!x);
  const integ = pr.integrity.map((w) => IKE_HASHES[w.text.toLowerCase()]?.integ).filter((x): x is string => !!x);
  // Without `prf`, IOS uses the integrity algorithms' PRFs.
  const prfWords = pr.prf.length > 0 ? pr.prf : pr.integrity;
  const prf = prfWords.map((w) => IKE_HASHES[w.text.toLowerCase()]?.prf).filter((x): x is string => !!x);
  const dh = pr.group.map((w) => iosDhGroup(w.text)).filter((x): x is string => !!x);
  return { encr, integ, prf, dh };
}

function pfsOf(ctx: EndpointContext, s: SetAttrs, where: string, whereRange?: Range): Valued<string | false> {
  if (s.pfs) {
    const g = /^group(\d+)$/i.exec(s.pfs.text);
    const canon = g ? iosDhGroup(g[1]) : undefined;
    if (canon) return written(ctx, canon, s.pfs.range);
    if (s.pfs.text !== '') return { value: false, source: 'written', uri: ctx.uri, range: s.pfs.range, rule: 'invalid `set pfs` value: IOS rejects the line' };
    // A bare `set pfs` (IOS-XE 26.x examples, [S]) reuses the IKE SA's group.
    return written<string | false>(ctx, 'ike', s.pfs.range);
  }
  // On the entry's line, where the missing `set pfs` belongs.
  return defaulted(ctx, false as const, `default: no PFS unless ${where} has \`set pfs\``, whereRange);
}

interface IkeSide {
  version: Valued<1 | 2>;
  ike?: Valued<Proposal[]>;
  authLocal?: Valued<AuthMethod>;
  authRemote?: Valued<AuthMethod>;
  localId?: Valued<string>;
  remoteId?: Valued<string>;
  ikeLifetime?: Valued<number>;
  psk?: Valued<string>;
}

const AUTH: Readonly<Record<string, AuthMethod>> = { 'pre-share': 'psk', 'rsa-sig': 'rsasig', 'rsa-encr': 'rsasig', 'ecdsa-sig': 'ecdsa', eap: 'eap' };

function pskValued(ctx: EndpointContext, s: Secret | undefined): Valued<string> | undefined {
  // Only the digest and the line; type 6/7 keys cannot be compared and give no digest.
  return s?.digest ? { value: s.digest, source: 'written', uri: ctx.uri, range: s.range } : undefined;
}

function matchesPeer(prefix: string | undefined, remote: string | undefined): boolean {
  if (!prefix || !remote) return false;
  return prefixContains(prefix, remote);
}

function ikev2Side(ctx: EndpointContext, s: SetAttrs, local: string | undefined, remote: string | undefined): IkeSide {
  const { cfg } = ctx;
  const side: IkeSide = { version: written(ctx, 2 as const, s.ikev2Profile!.range) };
  lookAll(ctx, 'ikev2Policies');
  // Proposals: the policies matching the local address (or all without `match address local`), else the default policy.
  const policies = [...cfg.ikev2Policies.values()].filter((p) => p.matchLocal.length === 0 || (local !== undefined && p.matchLocal.includes(local)));
  const proposals: Proposal[] = [];
  let firstRange: Range | undefined;
  for (const pol of policies) {
    for (const r of pol.proposals) {
      const pr = look(ctx, 'ikev2Proposals', r.name);
      if (pr) {
        proposals.push(ikev2ProposalCanonical(pr));
        firstRange ??= pr.node.tokens.length ? { start: { line: pr.node.line, character: 0 }, end: { line: pr.node.line, character: pr.node.tokens[pr.node.tokens.length - 1].end } } : undefined;
      }
    }
  }
  if (proposals.length > 0) side.ike = { value: proposals, source: 'written', uri: ctx.uri, range: firstRange };
  else if (policies.length === 0 && !isDisabled(ctx, 'crypto ikev2 policy')) {
    const userDefault = look(ctx, 'ikev2Proposals', 'default');
    if (userDefault) side.ike = { value: [ikev2ProposalCanonical(userDefault)], source: 'written', uri: ctx.uri, range: userDefault.nameRange, rule: 'IKEv2 default policy → proposal default (edited)' };
    else if (!isDisabled(ctx, 'crypto ikev2 proposal')) {
      const row = ikev2DefaultProposal(ctx.version);
      side.ike = defaulted(ctx, [row.proposal], row.label);
    }
  }
  const prof = look(ctx, 'ikev2Profiles', s.ikev2Profile!.name);
  if (!prof) return side;
  const al = prof.authLocal[0];
  const ar = prof.authRemote[0];
  if (al && AUTH[al.text]) side.authLocal = written(ctx, AUTH[al.text], al.range);
  if (ar && AUTH[ar.text]) side.authRemote = written(ctx, AUTH[ar.text], ar.range);
  if (prof.identityLocal) side.localId = written(ctx, prof.identityLocal.text, prof.identityLocal.range);
  if (prof.matchRemote[0]) side.remoteId = written(ctx, prof.matchRemote[0].text, prof.matchRemote[0].range);
  side.ikeLifetime = prof.lifetime && /^\d+$/.test(prof.lifetime.text)
    ? written(ctx, Number(prof.lifetime.text), prof.lifetime.range)
    : defaulted(ctx, DEFAULT_IKEV2_LIFETIME, 'default IKEv2 SA lifetime 86400 s (unverified)');
  if (prof.inlineLocal) side.psk = pskValued(ctx, prof.inlineLocal);
  else if (prof.keyring) {
    const kr = look(ctx, 'ikev2Keyrings', prof.keyring.name);
    const peer = kr?.peers.find((p) => p.addresses.some((a) => matchesPeer(a, remote))) ?? (kr && kr.peers.length === 1 ? kr.peers[0] : undefined);
    if (peer) side.psk = pskValued(ctx, peer.psk ?? peer.pskLocal ?? peer.pskRemote);
  }
  return side;
}

function ikev1Side(ctx: EndpointContext, s: SetAttrs, remote: string | undefined): IkeSide {
  const { cfg } = ctx;
  const side: IkeSide = {
    version: s.isakmpProfile ? written(ctx, 1 as const, s.isakmpProfile.range) : defaulted(ctx, 1 as const, 'negotiates IKEv1 (isakmp) when no `set ikev2-profile` is given'),
  };
  const ix = indexOf(cfg);
  lookAll(ctx, 'isakmpPolicies');
  const pols = (ix.isakmpSorted ??= [...cfg.isakmpPolicies].sort((a, b) => a.priority - b.priority));
  if (pols.length > 0) {
    const list: Proposal[] = [];
    let auth: string | undefined;
    for (const p of pols) {
      const encr = p.encryption ? isakmpEncryption(p.encryption.map((w) => w.text)) : ISAKMP_POLICY_DEFAULTS.encryption;
      const h = IKE_HASHES[(p.hash?.text ?? ISAKMP_POLICY_DEFAULTS.hash).toLowerCase()];
      const dh = iosDhGroup(p.group?.text ?? ISAKMP_POLICY_DEFAULTS.group);
      list.push({ encr: encr ? [encr] : [], integ: h ? [h.integ] : [], prf: h ? [h.prf] : [], dh: dh ? [dh] : [] });
      auth ??= p.authentication?.text ?? ISAKMP_POLICY_DEFAULTS.authentication;
    }
    const allWritten = pols.every((p) => p.encryption && p.hash && p.group);
    side.ike = allWritten
      ? { value: list, source: 'written', uri: ctx.uri, range: pols[0].nameRange }
      : { value: list, source: 'written', uri: ctx.uri, range: pols[0].nameRange, rule: `${versionLabel(ctx.version)} default ISAKMP policy attributes (DES, SHA-1, RSA signature, group 1) fill unset ones` };
    const first = pols[0];
    if (auth && AUTH[auth]) {
      const v = first.authentication ? written(ctx, AUTH[auth], first.authentication.range) : defaulted(ctx, AUTH[auth], 'default ISAKMP authentication rsa-sig', first.nameRange);
      side.authLocal = v;
      side.authRemote = v;
    }
    const lt = first.lifetime && /^\d+$/.test(first.lifetime.text) ? written(ctx, Number(first.lifetime.text), first.lifetime.range) : defaulted(ctx, ISAKMP_POLICY_DEFAULTS.lifetime, 'default ISAKMP lifetime 86400 s');
    side.ikeLifetime = lt;
  } else {
    side.ike = defaulted(ctx, ISAKMP_BUILTIN_POLICIES.map((p) => p.proposal), 'built-in default IKE policies 65507–65508 (AES-128, SHA, group 5; list partial, unverified)');
  }
  // Pre-shared key: the ISAKMP profile's keyring, else a global `crypto isakmp key`, for the peer's address.
  const prof = s.isakmpProfile ? look(ctx, 'isakmpProfiles', s.isakmpProfile.name) : undefined;
  if (!prof) {
    lookAll(ctx, 'isakmpKeys');
    lookAll(ctx, 'keyrings');
  }
  const candidates = prof ? prof.keyrings.flatMap((r) => look(ctx, 'keyrings', r.name)?.keys ?? []) : [...cfg.isakmpKeys, ...[...cfg.keyrings.values()].flatMap((k) => k.keys)];
  const hit = candidates.find((k) => matchesPeer(k.address, remote));
  if (hit) side.psk = pskValued(ctx, hit.secret);
  return side;
}

/** The traffic selector of a crypto ACL: the union of its permit entries. */
export function aclSelector(acl: Acl): TrafficSelector | undefined {
  const permits = acl.entries.filter((e) => e.action === 'permit');
  if (permits.length === 0) return undefined;
  const protos = new Set(permits.map((e) => e.protocol));
  const uniq = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];
  const sel: TrafficSelector = { localSubnets: uniq(permits.map((e) => e.src)), remoteSubnets: uniq(permits.map((e) => e.dst)) };
  if (protos.size === 1 && permits[0].protocol !== undefined) sel.protocol = permits[0].protocol;
  const lp = new Set(permits.map((e) => e.srcPort));
  const rp = new Set(permits.map((e) => e.dstPort));
  if (lp.size === 1 && permits[0].srcPort !== undefined) sel.localPort = permits[0].srcPort;
  if (rp.size === 1 && permits[0].dstPort !== undefined) sel.remotePort = permits[0].dstPort;
  return sel;
}

function firstTransformSet(cfg: IosConfig, s: SetAttrs): TransformSet | undefined {
  for (const r of s.transformSets) {
    const ts = cfg.transformSets.get(r.name);
    if (ts) return ts;
  }
  return undefined;
}

/** The IPsec binding of an IPsec profile or crypto map entry. */
export function buildBinding(
  ctx: EndpointContext,
  s: SetAttrs,
  where: string,
  whereRange: Range,
  local: string | undefined,
  remote: string | undefined,
  selector: Valued<TrafficSelector> | undefined,
): IpsecBinding {
  const { cfg } = ctx;
  const b: IpsecBinding = {};
  const pfs = pfsOf(ctx, s, where, whereRange);
  const pfsDh = typeof pfs.value === 'string' && pfs.value !== 'ike' ? [pfs.value] : [];
  b.pfs = pfs as Valued<string | false | 'ike'>;
  // ESP proposals and mode.
  const sets = s.transformSets.map((r) => look(ctx, 'transformSets', r.name)).filter((x): x is TransformSet => !!x);
  if (sets.length > 0) {
    b.esp = { value: sets.map((ts) => ({ ...transformSetProposal(ts), dh: pfsDh })), source: 'written', uri: ctx.uri, range: s.transformSets[0].range };
    const first = sets[0];
    if (first.mode) {
      b.mode = written(ctx, first.mode.value, first.mode.range);
      if (first.mode.require) b.modeRequired = true;
    } else b.mode = defaulted(ctx, TRANSFORM_SET_DEFAULT_MODE, `default transform-set mode (tunnel) for ${first.name}`, first.nameRange);
  } else if (s.transformSets.length === 0 && !isDisabled(ctx, 'crypto ipsec transform-set')) {
    const rule = `default transform set (${DEFAULT_TRANSFORM_SET.words}, ${DEFAULT_TRANSFORM_SET.mode}) — ${where} has no \`set transform-set\``;
    b.esp = defaulted(ctx, [{ ...DEFAULT_TRANSFORM_SET.proposal, dh: pfsDh }], rule, whereRange);
    b.mode = defaulted(ctx, DEFAULT_TRANSFORM_SET.mode, rule, whereRange);
  }
  // IKE side.
  const ike = s.ikev2Profile ? ikev2Side(ctx, s, local, remote) : ikev1Side(ctx, s, remote);
  b.ikeVersion = ike.version;
  b.initiatesIkeVersion = ike.version;
  if (ike.ike) b.ike = ike.ike;
  if (ike.authLocal) b.authLocal = ike.authLocal;
  if (ike.authRemote) b.authRemote = ike.authRemote;
  if (ike.localId) b.localId = ike.localId;
  if (ike.remoteId) b.remoteId = ike.remoteId;
  if (ike.ikeLifetime) b.ikeLifetime = ike.ikeLifetime;
  if (ike.psk) b.pskDigest = ike.psk;
  // IPsec SA lifetime.
  if (!s.lifetimeSeconds || !/^\d+$/.test(s.lifetimeSeconds.text)) ctx.deps?.push(D_SA_LIFETIME, undefined, undefined, cfg.globalSaLifetime);
  if (s.lifetimeSeconds && /^\d+$/.test(s.lifetimeSeconds.text)) b.saLifetime = written(ctx, Number(s.lifetimeSeconds.text), s.lifetimeSeconds.range);
  else if (cfg.globalSaLifetime && /^\d+$/.test(cfg.globalSaLifetime.text)) b.saLifetime = written(ctx, Number(cfg.globalSaLifetime.text), cfg.globalSaLifetime.range);
  else b.saLifetime = defaulted(ctx, DEFAULT_IPSEC_SA_LIFETIME, 'default IPsec SA lifetime 3600 s');
  if (selector) b.trafficSelector = selector;
  return b;
}

/** IP protocol of the outer packets a tunnel protection protects (GRE 47, IPv4-in-IP 4, IPv6-in-IP 41). */
const ENCAP_PROTOCOL: Partial<Record<Encapsulation, number>> = { gre: 47, ipip: 4, sit: 41, ipip6: 4, ip6ip6: 41 };

function tunnelModeWords(itf: Interface): string[] {
  return itf.tunnelMode?.words ?? DEFAULT_TUNNEL_MODE.split(' ');
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

function indexOf(cfg: IosConfig): CfgIndex {
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

/** Local address of a crypto map entry: `crypto map NAME local-address IF`, else the interface it is bound to. */
function mapInterface(ctx: EndpointContext, e: CryptoMapEntry): Interface | undefined {
  const la = look(ctx, 'mapLocalAddress', e.map);
  if (la) return look(ctx, 'interfaces', la.name);
  return lookIndex(ctx, e.ipv6 ? 'mapItf6' : 'mapItf', e.map);
}

function entrySelector(ctx: EndpointContext, e: CryptoMapEntry): Valued<TrafficSelector> | undefined {
  if (!e.matchAddress) return undefined;
  const acl = look(ctx, 'acls', e.matchAddress.name);
  const sel = acl && aclSelector(acl);
  return sel ? written(ctx, sel, acl!.nodes[0].line === e.matchAddress.range.start.line ? e.matchAddress.range : { start: { line: acl!.nodes[0].line, character: 0 }, end: { line: acl!.nodes[0].line, character: acl!.nodes[0].tokens[acl!.nodes[0].tokens.length - 1].end } }) : undefined;
}

/** The crypto map entry protecting GRE between local and remote, if any (crypto map over a GRE tunnel). */
/** Names of the maps bound to interfaces for a family (sorted), and as a key. */
function boundMapNames(cfg: IosConfig, family: Family): { set: Set<string>; key: string } {
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
function entriesOf(cfg: IosConfig, key: string): CryptoMapEntry[] {
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

function entryForTunnel(ctx: EndpointContext, srcItf: Interface | undefined, family: Family, local?: string, remote?: string): CryptoMapEntry | undefined {
  if (!remote) return undefined;
  // The map on the source interface; with `tunnel source <address>` on an interface not in this
  // file, any map bound in the file (its ACL and peer must still match the tunnel).
  let mapNames: Set<string>;
  if (srcItf) {
    const n = family === 'ipv6' ? srcItf.ipv6CryptoMap?.name : srcItf.cryptoMap?.name;
    mapNames = new Set(n ? [n] : []);
  } else {
    const names = boundMapNames(ctx.cfg, family);
    ctx.deps?.push(D_MAP_NAMES, family, names.key, undefined);
    mapNames = names.set;
  }
  if (mapNames.size === 0) return undefined;
  const key = `${family}\u0000${[...mapNames].sort().join('\u0000')}`;
  const entries = entriesOf(ctx.cfg, key);
  ctx.deps?.push(D_ENTRIES, undefined, key, entries);
  for (const e of entries) {
    const peerOk = e.peers.some((p) => parseAddress(p.text)?.text === remote);
    const acl = e.matchAddress ? look(ctx, 'acls', e.matchAddress.name) : undefined;
    const covers = acl?.entries.some((x) => x.action === 'permit' && (x.protocol === 47 || x.protocol === undefined) && (!x.dst || prefixContains(x.dst, remote)) && (!local || !x.src || prefixContains(x.src, local)));
    if (peerOk && covers) return e;
  }
  return undefined;
}

/** One endpoint as built, with what it read (EndpointContext.deps). */
interface Built {
  ep: Endpoint;
  deps: unknown[];
  /** The crypto map entry a tunnel took the IPsec binding from. */
  absorbed?: CryptoMapEntry;
}

/**
 * The endpoints of one version, kept for the next: an endpoint whose source object (the Tunnel
 * interface, the crypto map entry) is the same object in the next version's model, and whose every
 * read of the model gives the same answer there, is the same endpoint and is not built again.
 */
export interface EndpointCache {
  cfg: IosConfig;
  /** uri, version and version value: when they change nothing is reused. */
  stamp: string;
  tunnels: Map<Interface, Built>;
  entries: Map<CryptoMapEntry, Built>;
}

/** Whether every read recorded in deps gives the same answer in cfg (memo: per-key answers of this cfg). */
function depsHold(cfg: IosConfig, deps: unknown[], memo: Map<string, boolean>): boolean {
  for (let i = 0; i < deps.length; i += 4) {
    const kind = deps[i];
    const what = deps[i + 1] as string;
    const key = deps[i + 2] as string;
    const v = deps[i + 3];
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
    if (absorbed.has(e) || e.dynamic || e.dynamicRef !== undefined || /^gdoi$/i.test(e.node.args[2]?.text ?? '')) continue;
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
    // Dynamic maps only respond; GDOI group maps are not point-to-point IPsec.
    if (absorbed.has(e) || e.dynamic || e.dynamicRef !== undefined || /^gdoi$/i.test(e.node.args[2]?.text ?? '')) continue;
    out.push(buildMapEntry(ctx, e));
  }
  return out;
}

/** The endpoint of a Tunnel interface, and the crypto map entry it absorbed (if any). */
function buildTunnel(ctx: EndpointContext, itf: Interface): { ep: Endpoint; absorbed?: CryptoMapEntry } {
  const { uri } = ctx;
  let absorbed: CryptoMapEntry | undefined;
  {
    const words = tunnelModeWords(itf);
    const modeWords = words.join(' ');
    const family = modeFamily(words);
    const defRange = itf.nameRange;
    const ep: Endpoint = { id: `${uri}#${itf.name}`, uri, range: { start: { line: itf.nodes[0].line, character: 0 }, end: defRange.end }, name: itf.name, vendor: 'cisco-ios', version: ctx.versionValued };
    ep.family = itf.tunnelMode ? derived(ctx, family, `outer family of tunnel mode ${modeWords}`, itf.tunnelMode.range) : defaulted(ctx, family, `default tunnel mode ${DEFAULT_TUNNEL_MODE} (IPv4 transport)`);
    let srcItf: Interface | undefined;
    if (itf.tunnelSource) {
      if (itf.tunnelSource.iface) {
        ep.localInterface = itf.tunnelSource.iface;
        srcItf = look(ctx, 'interfaces', itf.tunnelSource.iface);
        const a = ifaceAddress(srcItf, family);
        if (a) ep.local = derived(ctx, a, `${family} address of ${itf.tunnelSource.iface} (tunnel source)`, itf.tunnelSource.range);
      } else {
        const a = parseAddress(itf.tunnelSource.text);
        if (a) ep.local = written(ctx, a.text, itf.tunnelSource.range);
        srcItf = a ? lookIndex(ctx, 'byAddress', a.text) : undefined;
      }
    }
    if (itf.tunnelDestination) {
      const a = parseAddress(itf.tunnelDestination.text);
      ep.remote = written(ctx, a ? a.text : itf.tunnelDestination.text, itf.tunnelDestination.range);
    }
    const inner: Valued<string>[] = [
      ...itf.ipv4.map((x) => written(ctx, x.prefixLength !== undefined ? `${x.address}/${x.prefixLength}` : x.address, x.range)),
      ...itf.ipv6.map((x) => written(ctx, `${x.address}/${x.prefixLength}`, x.range)),
    ];
    const encap = modeEncapsulation(words, itf.ipv4.length > 0);
    const tunnel: TunnelPart = {
      kind: itf.tunnelMode ? written(ctx, modeWords, itf.tunnelMode.range) : defaulted(ctx, modeWords, `default tunnel mode ${DEFAULT_TUNNEL_MODE}`),
      encapsulation: derived(ctx, encap, `IOS tunnel mode ${modeWords} → ${encap}${family === 'ipv6' ? ' over IPv6' : ''}`, itf.tunnelMode?.range),
      innerAddresses: inner,
      device: itf.name,
    };
    if (itf.tunnelKey && /^\d+$/.test(itf.tunnelKey.text)) tunnel.greKey = written(ctx, Number(itf.tunnelKey.text), itf.tunnelKey.range);
    const mtuWord = itf.ipMtu ?? (itf.ipv4.length === 0 ? itf.ipv6Mtu : undefined);
    if (mtuWord && /^\d+$/.test(mtuWord.text)) tunnel.mtu = written(ctx, Number(mtuWord.text), mtuWord.range);
    else {
      const overhead = TUNNEL_MODE_OVERHEAD[modeWords];
      if (overhead !== undefined) {
        const under = srcItf?.mtu && /^\d+$/.test(srcItf.mtu.text) ? Number(srcItf.mtu.text) : DEFAULT_UNDERLAY_MTU;
        const key = encap === 'gre' && tunnel.greKey ? 4 : 0;
        tunnel.mtu = defaulted(ctx, under - overhead - key, `default tunnel ip mtu for ${modeWords}: ${under} − ${overhead + key} bytes of outer headers (unverified)`);
      }
    }
    ep.tunnel = tunnel;
    // IPsec: tunnel protection, or a crypto map on the source interface that covers this tunnel's GRE.
    const local = ep.local?.value;
    const remote = ep.remote && parseAddress(ep.remote.value) ? ep.remote.value : undefined;
    if (itf.protection) {
      const prof = look(ctx, 'ipsecProfiles', itf.protection.name);
      if (prof) {
        const sel: TrafficSelector = encap === 'vti'
          ? { localSubnets: [family === 'ipv6' ? '::/0' : '0.0.0.0/0'], remoteSubnets: [family === 'ipv6' ? '::/0' : '0.0.0.0/0'] }
          : { ...(ENCAP_PROTOCOL[encap] !== undefined ? { protocol: ENCAP_PROTOCOL[encap] } : {}), localSubnets: local ? [`${local}/${family === 'ipv6' ? 128 : 32}`] : [], remoteSubnets: remote ? [`${remote}/${family === 'ipv6' ? 128 : 32}`] : [] };
        const selV = derived(ctx, sel, encap === 'vti' ? 'a VTI protects everything routed into it' : `tunnel protection protects the ${encap.toUpperCase()} packets between the tunnel endpoints`, itf.protection.range);
        ep.ipsec = buildBinding(ctx, prof, `crypto ipsec profile ${prof.name}`, prof.nameRange, local, remote, selV);
      }
    } else if (encap === 'gre' || encap === 'ipip6' || encap === 'ip6ip6' || encap === 'ipip' || encap === 'sit') {
      const e = entryForTunnel(ctx, srcItf, family, local, remote);
      if (e) {
        absorbed = e;
        ep.ipsec = buildBinding(ctx, e, `crypto map ${e.map} ${e.seq}`, e.nameRange, local, remote, entrySelector(ctx, e));
      }
    }
    return { ep, absorbed };
  }
}

/** The endpoint of a crypto map entry no tunnel absorbed. */
function buildMapEntry(ctx: EndpointContext, e: CryptoMapEntry): Endpoint {
  const { uri } = ctx;
  {
    const name = `crypto map${e.ipv6 ? ' ipv6' : ''} ${e.map} ${e.seq}`;
    const ep: Endpoint = { id: `${uri}#${name}`, uri, range: { start: { line: e.node.line, character: 0 }, end: e.nameRange.end }, name, vendor: 'cisco-ios', version: ctx.versionValued };
    const itf = mapInterface(ctx, e);
    const peer = e.peers[0];
    const pa = peer ? parseAddress(peer.text) : undefined;
    const family: Family = e.ipv6 ? 'ipv6' : pa?.family ?? 'ipv4';
    ep.family = e.ipv6 ? written(ctx, family, e.nameRange) : derived(ctx, family, 'family of the crypto map peer', peer?.range);
    if (itf) {
      ep.localInterface = itf.name;
      const a = ifaceAddress(itf, family);
      if (a) ep.local = derived(ctx, a, `${family} address of ${itf.name} (crypto map bound there)`, (e.ipv6 ? itf.ipv6CryptoMap : itf.cryptoMap)?.range ?? look(ctx, 'mapLocalAddress', e.map)?.range);
    }
    if (peer) ep.remote = written(ctx, pa ? pa.text : peer.text, peer.range);
    ep.ipsec = buildBinding(ctx, e, `crypto map ${e.map} ${e.seq}`, e.nameRange, ep.local?.value, pa?.text, entrySelector(ctx, e));
    return ep;
  }
}
