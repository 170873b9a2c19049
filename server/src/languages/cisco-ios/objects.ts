// Model extraction: the crypto objects, ACLs and interfaces of the parse tree, with the ranges of
// what was written. Later stages (endpoints, checks, symbols, hover) read only this.
import type { Range } from 'vscode-languageserver-types';
import { INTERFACE_TYPES } from './commands';
import { SECTION, type Node, type ParseTree } from './parser';
import type { Token } from './lexer';
import { keyTypeOf, pskDigest } from './secret';
import { netmaskToPrefixLength, parseAddress, parsePrefix, wildcardToPrefixLength } from '../../core/address';

export interface Ref {
  name: string;
  kind: string;
  range: Range;
}

export interface Word {
  text: string;
  range: Range;
}

export interface Secret {
  /** Digest for equality (undefined for type 6/7 keys, which cannot be compared). */
  digest?: string;
  keyType: 0 | 6 | 7;
  /** The line that sets it (never its text). */
  range: Range;
}

export interface IsakmpPolicy {
  priority: number;
  node: Node;
  nameRange: Range;
  encryption?: Word[];
  hash?: Word;
  authentication?: Word;
  group?: Word;
  lifetime?: Word;
}

export interface PskEntry {
  /** Address prefix (normalized) or host name. */
  address?: string;
  hostname?: string;
  secret: Secret;
  node: Node;
}

export interface Keyring {
  name: string;
  node: Node;
  nameRange: Range;
  keys: PskEntry[];
}

export interface IsakmpProfile {
  name: string;
  node: Node;
  nameRange: Range;
  keyrings: Ref[];
  matchAddresses: string[];
  lifetime?: Word;
}

export interface Ikev2Proposal {
  name: string;
  node: Node;
  nameRange: Range;
  encryption: Word[];
  integrity: Word[];
  prf: Word[];
  group: Word[];
}

export interface Ikev2Policy {
  name: string;
  node: Node;
  nameRange: Range;
  proposals: Ref[];
  matchLocal: string[];
}

export interface Ikev2Peer {
  name: string;
  node: Node;
  nameRange: Range;
  addresses: string[];
  hostname?: string;
  psk?: Secret;
  pskLocal?: Secret;
  pskRemote?: Secret;
}

export interface Ikev2Keyring {
  name: string;
  node: Node;
  nameRange: Range;
  peers: Ikev2Peer[];
}

export interface Ikev2Profile {
  name: string;
  node: Node;
  nameRange: Range;
  matchRemote: Word[];
  identityLocal?: Word;
  authLocal: Word[];
  authRemote: Word[];
  keyring?: Ref;
  lifetime?: Word;
  inlineLocal?: Secret;
  inlineRemote?: Secret;
}

export interface TransformSet {
  name: string;
  node: Node;
  nameRange: Range;
  transforms: Word[];
  mode?: { value: 'tunnel' | 'transport'; require: boolean; range: Range };
}

export interface SetAttrs {
  transformSets: Ref[];
  pfs?: Word;
  ikev2Profile?: Ref;
  isakmpProfile?: Ref;
  lifetimeSeconds?: Word;
}

export interface IpsecProfile extends SetAttrs {
  name: string;
  node: Node;
  nameRange: Range;
}

export interface CryptoMapEntry extends SetAttrs {
  map: string;
  seq: number;
  ipv6: boolean;
  dynamic: boolean;
  node: Node;
  nameRange: Range;
  peers: Word[];
  matchAddress?: Ref;
  /** `crypto map NAME SEQ ipsec-isakmp dynamic DMAP`: an entry that only points at a dynamic map. */
  dynamicRef?: string;
}

export interface AclEntry {
  action: 'permit' | 'deny';
  /** IP protocol number; undefined = any (`ip`, `ipv6`). */
  protocol?: number;
  protocolWord?: string;
  src?: string;
  dst?: string;
  srcPort?: number;
  dstPort?: number;
  seq?: number;
  node: Node;
  range: Range;
}

export interface Acl {
  name: string;
  kind: 'standard' | 'extended' | 'ipv6';
  nodes: Node[];
  nameRange: Range;
  entries: AclEntry[];
}

export interface InterfaceAddr {
  /** Normalized address. */
  address: string;
  prefixLength?: number;
  range: Range;
}

export interface Interface {
  name: string;
  nodes: Node[];
  nameRange: Range;
  ipv4: InterfaceAddr[];
  ipv6: InterfaceAddr[];
  mtu?: Word;
  ipMtu?: Word;
  ipv6Mtu?: Word;
  adjustMss?: Word;
  tunnelSource?: Word & { iface?: string };
  tunnelDestination?: Word;
  tunnelMode?: { words: string[]; range: Range };
  tunnelKey?: Word;
  protection?: Ref;
  cryptoMap?: Ref;
  ipv6CryptoMap?: Ref;
}

export interface IosConfig {
  hostname?: Word;
  version?: Word;
  isakmpPolicies: IsakmpPolicy[];
  isakmpKeys: PskEntry[];
  keyrings: Map<string, Keyring>;
  isakmpProfiles: Map<string, IsakmpProfile>;
  ikev2Proposals: Map<string, Ikev2Proposal>;
  ikev2Policies: Map<string, Ikev2Policy>;
  ikev2Keyrings: Map<string, Ikev2Keyring>;
  ikev2Profiles: Map<string, Ikev2Profile>;
  transformSets: Map<string, TransformSet>;
  ipsecProfiles: Map<string, IpsecProfile>;
  cryptoMaps: CryptoMapEntry[];
  /** `crypto map NAME local-address IFACE`. */
  mapLocalAddress: Map<string, Ref>;
  globalSaLifetime?: Word;
  acls: Map<string, Acl>;
  interfaces: Map<string, Interface>;
  /** Objects deleted with a global `no`: their smart defaults are gone too. */
  disabledDefaults: Set<string>;
  /** `crypto engine compliance shield disable` seen. */
  weakCryptoReenabled: boolean;
  /** Every reference, for undefined-reference and go-to-definition. */
  refs: Ref[];
}

export function rangeOf(line: number, t: Token | { start: number; end: number }): Range {
  return { start: { line, character: t.start }, end: { line, character: t.end } };
}

function spanOf(line: number, toks: readonly Token[]): Range {
  return { start: { line, character: toks[0].start }, end: { line, character: toks[toks.length - 1].end } };
}

export function lineRange(node: Node): Range {
  const t = node.tokens;
  return { start: { line: node.line, character: t[0].start }, end: { line: node.line, character: t[t.length - 1].end } };
}

function word(node: Node, t: Token): Word {
  return { text: t.text, range: rangeOf(node.line, t) };
}

/** Canonical interface name: `tun 1` → Tunnel1, `gigabit1` → GigabitEthernet1, `Gi0/0.10` → GigabitEthernet0/0.10. */
export function canonicalInterface(text: string): string {
  const s = text.replace(/\s+/g, '');
  const m = /^([A-Za-z][A-Za-z-]*?)(\d.*)?$/.exec(s);
  if (!m) return s;
  const typ = m[1].toLowerCase();
  const full = INTERFACE_TYPES.find((t) => t.toLowerCase() === typ) ?? INTERFACE_TYPES.find((t) => t.toLowerCase().startsWith(typ));
  return (full ?? m[1]) + (m[2] ?? '');
}

/** The interface named by the arguments of `interface …` / `tunnel source …`: one or two words. */
function interfaceNameFrom(args: readonly Token[]): { name: string; toks: Token[] } | undefined {
  if (args.length === 0) return undefined;
  if (args.length >= 2 && /^[A-Za-z-]+$/.test(args[0].text) && /^\d/.test(args[1].text)) {
    return { name: canonicalInterface(args[0].text + args[1].text), toks: [args[0], args[1]] };
  }
  return { name: canonicalInterface(args[0].text), toks: [args[0]] };
}

/** Expands `interface range tun 0-1, Gi0/1 - 2`. */
function expandRange(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(',')) {
    const p = part.trim();
    const m = /^([A-Za-z][A-Za-z-]*)\s*([\d/.]*?)(\d+)\s*-\s*(\d+)$/.exec(p);
    if (m) {
      const a = Number(m[3]);
      const b = Number(m[4]);
      for (let n = a; n <= b && n - a < 256; n++) out.push(canonicalInterface(`${m[1]}${m[2]}${n}`));
    } else if (p) out.push(canonicalInterface(p));
  }
  return out;
}

const PROTOCOLS: Readonly<Record<string, number | undefined>> = {
  ip: undefined, ipv6: undefined, gre: 47, esp: 50, ahp: 51, ah: 51, tcp: 6, udp: 17, icmp: 1, ipinip: 4, igmp: 2, ospf: 89,
  eigrp: 88, pim: 103, sctp: 132, nos: 94, pcp: 108, 'icmpv6': 58,
};

const PORT_NAMES: Readonly<Record<string, number>> = {
  isakmp: 500, 'non500-isakmp': 4500, www: 80, telnet: 23, ssh: 22, domain: 53, bootps: 67, bootpc: 68, tftp: 69, ntp: 123, snmp: 161, bgp: 179, https: 443,
};

/** Reads an address spec (`any`, `host A`, `A W`, `P/len`, `A` in a standard ACL); returns a prefix and how many words it used. */
function readAddr(toks: readonly Token[], i: number, v6: boolean, standard = false): { prefix?: string; used: number } | undefined {
  const t = toks[i]?.text.toLowerCase();
  if (t === undefined) return undefined;
  if (t === 'any') return { prefix: v6 ? '::/0' : '0.0.0.0/0', used: 1 };
  if (t === 'any4') return { prefix: '0.0.0.0/0', used: 1 };
  if (t === 'any6') return { prefix: '::/0', used: 1 };
  if (t === 'host') {
    const a = parseAddress(toks[i + 1]?.text ?? '');
    return { prefix: a ? `${a.text}/${a.family === 'ipv6' ? 128 : 32}` : undefined, used: 2 };
  }
  if (t === 'object-group' || t === 'addrgroup' || t === 'interface') return { prefix: undefined, used: 2 };
  if (t.includes('/')) {
    const p = parsePrefix(t);
    return { prefix: p ? `${p.text}/${p.prefixLength}` : undefined, used: 1 };
  }
  const a = parseAddress(t);
  if (!a) return undefined;
  const w = toks[i + 1]?.text;
  const wa = w ? parseAddress(w) : undefined;
  if (wa && wa.family === 'ipv4' && a.family === 'ipv4') {
    const len = wildcardToPrefixLength(wa.text);
    return { prefix: len === undefined ? undefined : `${a.text}/${len}`, used: 2 };
  }
  if (standard || a.family === 'ipv4') return { prefix: `${a.text}/32`, used: 1 };
  return { prefix: `${a.text}/128`, used: 1 };
}

function readPort(toks: readonly Token[], i: number): { port?: number; used: number } {
  const t = toks[i]?.text.toLowerCase();
  if (t === 'eq') {
    const p = toks[i + 1]?.text.toLowerCase() ?? '';
    return { port: /^\d+$/.test(p) ? Number(p) : PORT_NAMES[p], used: 2 };
  }
  if (t === 'gt' || t === 'lt' || t === 'neq') return { used: 2 };
  if (t === 'range') return { used: 3 };
  return { used: 0 };
}

export function parseAclEntry(node: Node, kind: Acl['kind'], toks: readonly Token[]): AclEntry | undefined {
  let i = 0;
  let seq: number | undefined;
  if (/^sequence$/i.test(toks[0]?.text ?? '')) i++;
  if (/^\d+$/.test(toks[i]?.text ?? '')) seq = Number(toks[i++].text);
  const action = toks[i]?.text.toLowerCase();
  if (action !== 'permit' && action !== 'deny') return undefined;
  i++;
  const entry: AclEntry = { action, seq, node, range: lineRange(node) };
  const v6 = kind === 'ipv6';
  if (kind === 'standard') {
    const a = readAddr(toks, i, false, true);
    entry.src = a?.prefix;
    return entry;
  }
  const proto = toks[i]?.text.toLowerCase();
  if (proto === undefined) return entry;
  entry.protocolWord = proto;
  if (/^\d+$/.test(proto)) entry.protocol = Number(proto) === 0 ? undefined : Number(proto);
  else entry.protocol = PROTOCOLS[proto];
  i++;
  const s = readAddr(toks, i, v6);
  if (!s) return entry;
  entry.src = s.prefix;
  i += s.used;
  const sp = readPort(toks, i);
  entry.srcPort = sp.port;
  i += sp.used;
  const d = readAddr(toks, i, v6);
  if (!d) return entry;
  entry.dst = d.prefix;
  i += d.used;
  entry.dstPort = readPort(toks, i).port;
  return entry;
}

function parseSecret(node: Node, toks: readonly Token[]): Secret | undefined {
  if (toks.length === 0) return undefined;
  const kt = toks.length >= 2 ? keyTypeOf(toks[0].text) : undefined;
  const keyTok = kt !== undefined ? toks[1] : toks[0];
  const keyType = kt ?? 0;
  return { keyType, digest: keyType === 0 ? pskDigest(keyTok.text) : undefined, range: lineRange(node) };
}

function addrWithMask(a: Token | undefined, m: Token | undefined): string | undefined {
  if (!a) return undefined;
  if (a.text.includes('/')) {
    const p = parsePrefix(a.text);
    return p ? `${p.text}/${p.prefixLength}` : undefined;
  }
  const pa = parseAddress(a.text);
  if (!pa) return undefined;
  const len = m ? netmaskToPrefixLength(m.text) : undefined;
  return `${pa.text}/${len ?? (pa.family === 'ipv6' ? 128 : 32)}`;
}

function emptyConfig(): IosConfig {
  return {
    isakmpPolicies: [], isakmpKeys: [], keyrings: new Map(), isakmpProfiles: new Map(), ikev2Proposals: new Map(),
    ikev2Policies: new Map(), ikev2Keyrings: new Map(), ikev2Profiles: new Map(), transformSets: new Map(),
    ipsecProfiles: new Map(), cryptoMaps: [], mapLocalAddress: new Map(), acls: new Map(), interfaces: new Map(),
    disabledDefaults: new Set(), weakCryptoReenabled: false, refs: [],
  };
}

/** A reference, recorded in cfg.refs in reading order. */
function addRef(cfg: IosConfig, name: string, kind: string, node: Node, t: Token | Token[]): Ref {
  const r: Ref = { name, kind, range: Array.isArray(t) ? spanOf(node.line, t) : rangeOf(node.line, t) };
  cfg.refs.push(r);
  return r;
}

function getInterface(cfg: IosConfig, name: string, node: Node, toks: Token[]): Interface {
  let itf = cfg.interfaces.get(name);
  if (!itf) {
    itf = { name, nodes: [], nameRange: spanOf(node.line, toks), ipv4: [], ipv6: [] };
    cfg.interfaces.set(name, itf);
  }
  itf.nodes.push(node);
  return itf;
}

function readSet(cfg: IosConfig, target: SetAttrs, n: Node): void {
  const [, k] = n.path;
  const a = n.args;
  if (k === 'transform-set') {
    target.transformSets = n.negated ? [] : a.map((t) => addRef(cfg, t.text, 'transform-set', n, t));
  } else if (k === 'pfs') {
    target.pfs = n.negated ? undefined : a[0] ? word(n, a[0]) : { text: '', range: lineRange(n) };
  } else if (k === 'ikev2-profile' && a[0]) {
    target.ikev2Profile = n.negated ? undefined : addRef(cfg, a[0].text, 'ikev2-profile', n, a[0]);
  } else if (k === 'isakmp-profile' && a[0]) {
    target.isakmpProfile = n.negated ? undefined : addRef(cfg, a[0].text, 'isakmp-profile', n, a[0]);
  } else if (k === 'security-association' && n.path[2] === 'lifetime' && n.path[3] === 'seconds' && a[0]) {
    target.lifetimeSeconds = n.negated ? undefined : word(n, a[0]);
  }
}

/** The whole model, reading the top-level sections in order. */
export function extract(tree: ParseTree): IosConfig {
  const cfg = emptyConfig();
  for (const n of tree.roots) extractRoot(cfg, n);
  return cfg;
}

/**
 * Reads one top-level section (a root and its children) into cfg. What it does depends only on the
 * section's nodes and on the objects of cfg it names (see sectionKeys).
 */
function extractRoot(cfg: IosConfig, n: Node): void {
  const ref = (name: string, kind: string, node: Node, t: Token | Token[]): Ref => addRef(cfg, name, kind, node, t);
  const p = n.path.join(' ');
  const a = n.args;
  if (p === 'hostname' && a[0]) cfg.hostname = word(n, a[0]);
  else if (p === 'version' && a[0]) cfg.version = word(n, a[0]);
  else if (n.tokens.length >= 5 && /^crypto$/i.test(n.tokens[0].text) && /^crypto engine compliance shield disable/i.test(n.tokens.map((t) => t.text).join(' '))) cfg.weakCryptoReenabled = true;
  else if (n.negated && p.startsWith('crypto')) {
    // `no crypto ikev2 proposal default`, `no crypto ipsec profile default`: the smart default is removed.
    if (a[0]?.text === 'default') cfg.disabledDefaults.add(p);
  } else if (p === 'interface' && a.length > 0) {
    const names = /^range$/i.test(a[0].text)
      ? expandRange(a.slice(1).map((t) => t.text).join(' '))
      : [interfaceNameFrom(a)?.name ?? a[0].text];
    const nameToks = /^range$/i.test(a[0].text) ? a.slice(1) : interfaceNameFrom(a)?.toks ?? [a[0]];
    for (const name of names) readInterface(getInterface(cfg, name, n, nameToks), n, ref);
  } else if (p === 'crypto isakmp policy' && a[0]) {
    const prio = Number(a[0].text);
    let pol = cfg.isakmpPolicies.find((x) => x.priority === prio);
    if (!pol) {
      pol = { priority: prio, node: n, nameRange: rangeOf(n.line, a[0]) };
      cfg.isakmpPolicies.push(pol);
    }
    for (const c of n.children) {
      const k = c.path[0];
      const w = c.negated ? undefined : c.args[0] ? word(c, c.args[0]) : undefined;
      if (k === 'encryption') pol.encryption = c.negated ? undefined : c.args.map((t) => word(c, t));
      else if (k === 'hash') pol.hash = w;
      else if (k === 'authentication') pol.authentication = w;
      else if (k === 'group') pol.group = w;
      else if (k === 'lifetime') pol.lifetime = w;
    }
  } else if (p === 'crypto isakmp key' && a.length >= 2) {
    // crypto isakmp key [0|6|7] KEY address A [mask] | address ipv6 P/len | hostname H
    const idx = a.findIndex((t, i) => i >= 1 && /^(address|hostname)$/i.test(t.text));
    if (idx < 1) return;
    const secret = parseSecret(n, a.slice(0, idx));
    if (!secret) return;
    const e: PskEntry = { secret, node: n };
    if (/^hostname$/i.test(a[idx].text)) e.hostname = a[idx + 1]?.text;
    else if (/^ipv6$/i.test(a[idx + 1]?.text ?? '')) e.address = addrWithMask(a[idx + 2], undefined);
    else e.address = addrWithMask(a[idx + 1], a[idx + 2]);
    cfg.isakmpKeys.push(e);
  } else if (p === 'crypto keyring' && a[0]) {
    const kr: Keyring = cfg.keyrings.get(a[0].text) ?? { name: a[0].text, node: n, nameRange: rangeOf(n.line, a[0]), keys: [] };
    cfg.keyrings.set(kr.name, kr);
    for (const c of n.children) {
      if (c.path[0] !== 'pre-shared-key' || c.negated) continue;
      const ca = c.args;
      const ki = ca.findIndex((t) => /^key$/i.test(t.text));
      if (ki < 0) continue;
      const secret = parseSecret(c, ca.slice(ki + 1));
      if (!secret) continue;
      const e: PskEntry = { secret, node: c };
      if (c.path[1] === 'hostname') e.hostname = ca[0]?.text;
      else if (/^ipv6$/i.test(ca[0]?.text ?? '')) e.address = addrWithMask(ca[1], undefined);
      else e.address = addrWithMask(ca[0], ki > 1 ? ca[1] : undefined);
      kr.keys.push(e);
    }
  } else if (p === 'crypto isakmp profile' && a[0]) {
    const pr: IsakmpProfile = cfg.isakmpProfiles.get(a[0].text) ?? { name: a[0].text, node: n, nameRange: rangeOf(n.line, a[0]), keyrings: [], matchAddresses: [] };
    cfg.isakmpProfiles.set(pr.name, pr);
    for (const c of n.children) {
      if (c.negated) continue;
      if (c.path[0] === 'keyring' && c.args[0]) pr.keyrings.push(ref(c.args[0].text, 'keyring', c, c.args[0]));
      else if (c.path[0] === 'match' && c.path[1] === 'identity' && c.path[2] === 'address') {
        const m = addrWithMask(c.args[0], c.args[1]);
        if (m) pr.matchAddresses.push(m);
      } else if (c.path[0] === 'lifetime' && c.args[0]) pr.lifetime = word(c, c.args[0]);
    }
  } else if (p === 'crypto ikev2 proposal' && a[0]) {
    const pr: Ikev2Proposal = cfg.ikev2Proposals.get(a[0].text) ?? { name: a[0].text, node: n, nameRange: rangeOf(n.line, a[0]), encryption: [], integrity: [], prf: [], group: [] };
    cfg.ikev2Proposals.set(pr.name, pr);
    for (const c of n.children) {
      const k = c.path[0] as 'encryption' | 'integrity' | 'prf' | 'group' | undefined;
      if (k === 'encryption' || k === 'integrity' || k === 'prf' || k === 'group') {
        pr[k] = c.negated ? [] : c.args.map((t) => word(c, t));
      }
    }
  } else if (p === 'crypto ikev2 policy' && a[0]) {
    const pol: Ikev2Policy = cfg.ikev2Policies.get(a[0].text) ?? { name: a[0].text, node: n, nameRange: rangeOf(n.line, a[0]), proposals: [], matchLocal: [] };
    cfg.ikev2Policies.set(pol.name, pol);
    for (const c of n.children) {
      if (c.negated) continue;
      if (c.path[0] === 'proposal') for (const t of c.args) pol.proposals.push(ref(t.text, 'ikev2-proposal', c, t));
      else if (c.path[0] === 'match' && c.path[1] === 'address' && c.path[2] === 'local' && c.args[0]) {
        const pa = parseAddress(c.args[0].text);
        if (pa) pol.matchLocal.push(pa.text);
      }
    }
  } else if (p === 'crypto ikev2 keyring' && a[0]) {
    const kr: Ikev2Keyring = cfg.ikev2Keyrings.get(a[0].text) ?? { name: a[0].text, node: n, nameRange: rangeOf(n.line, a[0]), peers: [] };
    cfg.ikev2Keyrings.set(kr.name, kr);
    for (const c of n.children) {
      if (c.path[0] !== 'peer' || !c.args[0] || c.negated) continue;
      const peer: Ikev2Peer = { name: c.args[0].text, node: c, nameRange: rangeOf(c.line, c.args[0]), addresses: [] };
      kr.peers.push(peer);
      for (const d of c.children) {
        if (d.negated) continue;
        if (d.path[0] === 'address') {
          const m = addrWithMask(d.args[0], d.args[1]);
          if (m) peer.addresses.push(m);
        } else if (d.path[0] === 'hostname' && d.args[0]) peer.hostname = d.args[0].text;
        else if (d.path[0] === 'pre-shared-key') {
          const s = parseSecret(d, d.args);
          if (d.path[1] === 'local') peer.pskLocal = s;
          else if (d.path[1] === 'remote') peer.pskRemote = s;
          else peer.psk = s;
        }
      }
    }
  } else if (p === 'crypto ikev2 profile' && a[0]) {
    const pr: Ikev2Profile = cfg.ikev2Profiles.get(a[0].text) ?? { name: a[0].text, node: n, nameRange: rangeOf(n.line, a[0]), matchRemote: [], authLocal: [], authRemote: [] };
    cfg.ikev2Profiles.set(pr.name, pr);
    for (const c of n.children) {
      if (c.negated) continue;
      const cp = c.path.join(' ');
      if (cp.startsWith('match identity remote')) {
        const v = [c.path[3], ...c.args.map((t) => t.text)].filter(Boolean).join(' ');
        pr.matchRemote.push({ text: v, range: lineRange(c) });
      } else if (cp.startsWith('identity local')) {
        pr.identityLocal = { text: [c.path[2], ...c.args.map((t) => t.text)].filter(Boolean).join(' '), range: lineRange(c) };
      } else if (cp.startsWith('authentication local') || cp.startsWith('authentication remote')) {
        const method = c.path[2];
        if (!method) continue;
        const w = { text: method, range: lineRange(c) };
        // `authentication local pre-share key K` carries the key inline.
        const ki = c.args.findIndex((t) => /^key$/i.test(t.text));
        const inline = ki >= 0 ? parseSecret(c, c.args.slice(ki + 1)) : undefined;
        if (c.path[1] === 'local') {
          pr.authLocal.push(w);
          if (inline) pr.inlineLocal = inline;
        } else {
          pr.authRemote.push(w);
          if (inline) pr.inlineRemote = inline;
        }
      } else if (cp === 'keyring local' && c.args[0]) pr.keyring = ref(c.args[0].text, 'ikev2-keyring', c, c.args[0]);
      else if (c.path[0] === 'lifetime' && c.args[0]) pr.lifetime = word(c, c.args[0]);
    }
  } else if (p === 'crypto ipsec transform-set' && a[0]) {
    const ts: TransformSet = { name: a[0].text, node: n, nameRange: rangeOf(n.line, a[0]), transforms: a.slice(1).map((t) => word(n, t)) };
    const prev = cfg.transformSets.get(ts.name);
    if (prev?.mode && ts.transforms.length === 0) ts.mode = prev.mode;
    cfg.transformSets.set(ts.name, ts);
    for (const c of n.children) {
      if (c.path[0] !== 'mode') continue;
      if (c.negated) ts.mode = undefined;
      else if (c.path[1] === 'tunnel' || c.path[1] === 'transport') ts.mode = { value: c.path[1], require: c.path[2] === 'require', range: lineRange(c) };
    }
  } else if (p === 'crypto ipsec profile' && a[0]) {
    const pr: IpsecProfile = cfg.ipsecProfiles.get(a[0].text) ?? { name: a[0].text, node: n, nameRange: rangeOf(n.line, a[0]), transformSets: [] };
    cfg.ipsecProfiles.set(pr.name, pr);
    for (const c of n.children) if (c.path[0] === 'set') readSet(cfg, pr, c);
  } else if (p === 'crypto ipsec security-association lifetime seconds' && a[0] && !n.negated) {
    cfg.globalSaLifetime = word(n, a[0]);
  } else if ((p === 'crypto map' || p === 'crypto map ipv6' || p === 'crypto dynamic-map') && a[0]) {
    if (/^local-address$/i.test(a[1]?.text ?? '') && a[2]) {
      const itf = interfaceNameFrom(a.slice(2));
      if (itf) cfg.mapLocalAddress.set(a[0].text, ref(itf.name, 'interface', n, itf.toks));
      return;
    }
    const dynIdx = a.findIndex((t) => /^dynamic$/i.test(t.text));
    if (!n.opens && !(dynIdx > 1 && /^\d+$/.test(a[1]?.text ?? '') && p !== 'crypto dynamic-map')) return;
    const seq = Number(a[1].text);
    const isV6 = p === 'crypto map ipv6';
    const e: CryptoMapEntry = {
      map: a[0].text, seq, ipv6: isV6, dynamic: p === 'crypto dynamic-map', node: n, nameRange: spanOf(n.line, [a[0], a[1]]),
      transformSets: [], peers: [], dynamicRef: !n.opens && dynIdx > 1 ? a[dynIdx + 1]?.text : undefined,
    };
    cfg.cryptoMaps.push(e);
    for (const c of n.children) {
      if (c.path[0] === 'set' && c.path[1] === 'peer' && c.args[0]) {
        if (c.negated) e.peers = e.peers.filter((x) => x.text !== c.args[0].text);
        else e.peers.push(word(c, c.args[0]));
      } else if (c.path[0] === 'set') readSet(cfg, e, c);
      else if (c.path[0] === 'match' && c.path[1] === 'address' && c.args[0]) e.matchAddress = c.negated ? undefined : ref(c.args[0].text, 'acl', c, c.args[0]);
    }
  } else if (p === 'access-list' && a[0] && /^\d+$/.test(a[0].text)) {
    const num = Number(a[0].text);
    const kind: Acl['kind'] = (num >= 1 && num <= 99) || (num >= 1300 && num <= 1999) ? 'standard' : 'extended';
    let acl = cfg.acls.get(a[0].text);
    if (!acl) {
      acl = { name: a[0].text, kind, nodes: [], nameRange: rangeOf(n.line, a[0]), entries: [] };
      cfg.acls.set(acl.name, acl);
    }
    acl.nodes.push(n);
    if (n.negated) acl.entries = [];
    else {
      const e = parseAclEntry(n, kind, a.slice(1));
      if (e) acl.entries.push(e);
    }
  } else if ((p === 'ip access-list extended' || p === 'ip access-list standard' || p === 'ipv6 access-list') && a[0] && n.opens) {
    const kind: Acl['kind'] = p === 'ipv6 access-list' ? 'ipv6' : p.endsWith('standard') ? 'standard' : 'extended';
    let acl = cfg.acls.get(a[0].text);
    if (!acl) {
      acl = { name: a[0].text, kind, nodes: [], nameRange: rangeOf(n.line, a[0]), entries: [] };
      cfg.acls.set(acl.name, acl);
    }
    acl.nodes.push(n);
    for (const c of n.children) {
      if (c.negated) continue;
      const e = parseAclEntry(c, kind, c.tokens);
      if (e) acl.entries.push(e);
    }
  }
}

function readInterface(itf: Interface, n: Node, ref: (name: string, kind: string, node: Node, t: Token | Token[]) => Ref): void {
  for (const c of n.children) {
    const p = c.path.join(' ');
    const a = c.args;
    const neg = !!c.negated;
    if (p === 'ip address') {
      if (neg) {
        itf.ipv4 = [];
        continue;
      }
      const pa = parseAddress(a[0]?.text ?? '');
      if (!pa || pa.family !== 'ipv4') continue;
      const len = a[1] ? netmaskToPrefixLength(a[1].text) : undefined;
      const entry = { address: pa.text, prefixLength: len, range: lineRange(c) };
      // Without `secondary` a second address replaces the first.
      if (/^secondary$/i.test(a[2]?.text ?? '')) itf.ipv4.push(entry);
      else itf.ipv4 = [entry, ...itf.ipv4.filter((x, i) => i > 0)];
    } else if (p === 'ipv6 address') {
      if (neg) {
        itf.ipv6 = [];
        continue;
      }
      const pp = parsePrefix(a[0]?.text ?? '');
      if (pp && pp.family === 'ipv6' && a[0].text.includes('/')) itf.ipv6.push({ address: pp.text, prefixLength: pp.prefixLength, range: lineRange(c) });
    } else if (p === 'mtu') itf.mtu = neg || !a[0] ? undefined : word(c, a[0]);
    else if (p === 'ip mtu') itf.ipMtu = neg || !a[0] ? undefined : word(c, a[0]);
    else if (p === 'ipv6 mtu') itf.ipv6Mtu = neg || !a[0] ? undefined : word(c, a[0]);
    else if (p === 'ip tcp adjust-mss') itf.adjustMss = neg || !a[0] ? undefined : word(c, a[0]);
    else if (p === 'tunnel source') {
      if (neg || !a[0]) {
        itf.tunnelSource = undefined;
        continue;
      }
      if (parseAddress(a[0].text)) itf.tunnelSource = word(c, a[0]);
      else {
        const nm = interfaceNameFrom(a)!;
        const r = ref(nm.name, 'interface', c, nm.toks);
        itf.tunnelSource = { text: nm.name, range: r.range, iface: nm.name };
      }
    } else if (p === 'tunnel destination') itf.tunnelDestination = neg || !a[0] ? undefined : word(c, a[0]);
    else if (c.path[0] === 'tunnel' && c.path[1] === 'mode') {
      if (neg) itf.tunnelMode = undefined;
      else {
        const words = [...c.path.slice(2), ...a.map((t) => t.text.toLowerCase())];
        itf.tunnelMode = { words, range: lineRange(c) };
      }
    } else if (p === 'tunnel key') itf.tunnelKey = neg || !a[0] ? undefined : word(c, a[0]);
    else if (p === 'tunnel protection ipsec profile') itf.protection = neg || !a[0] ? undefined : ref(a[0].text, 'ipsec-profile', c, a[0]);
    else if (p === 'crypto map' && a[0]) itf.cryptoMap = neg ? undefined : ref(a[0].text, 'crypto-map', c, a[0]);
    else if (p === 'ipv6 crypto map' && a[0]) itf.ipv6CryptoMap = neg ? undefined : ref(a[0].text, 'crypto-map', c, a[0]);
  }
}

// ---------------------------------------------------------------------------------------------
// Incremental extraction. A top-level section reads into cfg only the objects it names (a map
// entry, an ISAKMP policy priority), plus order-only lists (ISAKMP keys, crypto map entries,
// references) and last-wins scalars. So each section is read once into an empty model (cached
// against its root node, which the parser shares between versions while the section is
// unchanged), and the model of a file is the merge of its sections in order. A section that names
// an object some other section also names is read again into the merged model instead, in its
// place in the order: the merge then does exactly what extract() does.

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
  const records = prev && prev.roots.length === sharedRoots.length && prev.roots.every((n, i) => n === sharedRoots[i]) ? prev.records : readShared(sharedRoots);
  const cfg = emptyConfig();
  let j = 0;
  for (let i = 0; i < roots.length; i++) {
    if (shared[i]) mergeSection(cfg, records[j++]);
    else if (sections[i] !== EMPTY) mergeSection(cfg, sections[i]);
  }
  SHARED.set(cfg, { roots: sharedRoots, records });
  return cfg;
}
