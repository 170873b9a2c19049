// The endpoint of a crypto map entry that no Tunnel interface absorbed: its peer, the interface
// the map is bound to, the crypto ACL as traffic selector.
import type { Endpoint, Family, TrafficSelector, Valued } from '../../../core/endpoint';
import { parseAddress } from '../../../core/address';
import { range } from '../../../core/ranges';
import type { Acl, CryptoMapEntry, Interface } from '../model';
import { derived, ifaceAddress, look, lookIndex, written, type EndpointContext } from './reads';
import { buildBinding } from './binding';

/** Dynamic maps only respond; GDOI group maps are not point-to-point IPsec: neither makes an endpoint. */
export function isPointToPoint(e: CryptoMapEntry): boolean {
  return !e.dynamic && e.dynamicRef === undefined && !/^gdoi$/i.test(e.node.args[2]?.text ?? '');
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

/** Local address of a crypto map entry: `crypto map NAME local-address IF`, else the interface it is bound to. */
function mapInterface(ctx: EndpointContext, e: CryptoMapEntry): Interface | undefined {
  const la = look(ctx, 'mapLocalAddress', e.map);
  if (la) return look(ctx, 'interfaces', la.name);
  return lookIndex(ctx, e.ipv6 ? 'mapItf6' : 'mapItf', e.map);
}

/** The crypto ACL of an entry as its traffic selector, written on the ACL's first line. */
export function entrySelector(ctx: EndpointContext, e: CryptoMapEntry): Valued<TrafficSelector> | undefined {
  if (!e.matchAddress) return undefined;
  const acl = look(ctx, 'acls', e.matchAddress.name);
  const sel = acl && aclSelector(acl);
  if (!acl || !sel) return undefined;
  const head = acl.nodes[0];
  return written(ctx, sel, head.line === e.matchAddress.range.start.line ? e.matchAddress.range : range(head.line, 0, head.tokens[head.tokens.length - 1].end));
}

/** The endpoint of a crypto map entry no tunnel absorbed. */
export function buildMapEntry(ctx: EndpointContext, e: CryptoMapEntry): Endpoint {
  const { uri } = ctx;
  const name = `crypto map${e.ipv6 ? ' ipv6' : ''} ${e.map} ${e.seq}`;
  const ep: Endpoint = { id: `${uri}#${name}`, uri, range: range(e.node.line, 0, e.nameRange.end.character), name, vendor: 'cisco-ios', version: ctx.versionValued };
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

