// The endpoint of a Tunnel interface: its outer addresses and encapsulation, and its IPsec binding
// from `tunnel protection` or from a crypto map on the source interface that covers its packets
// (the founding case: `ipv6 crypto map` on the WAN interface with `permit gre` between the
// tunnel's outer addresses; that entry then makes no endpoint of its own).
import type { Encapsulation, Endpoint, Family, TrafficSelector, TunnelPart, Valued } from '../../../core/endpoint';
import { parseAddress, prefixContains } from '../../../core/address';
import { range } from '../../../core/ranges';
import { DEFAULT_TUNNEL_MODE, DEFAULT_UNDERLAY_MTU, TUNNEL_MODE_OVERHEAD } from '../defaults';
import type { CryptoMapEntry, Interface } from '../model';
import { D_ENTRIES, D_MAP_NAMES, boundMapNames, defaulted, derived, entriesOf, ifaceAddress, look, lookIndex, written, type EndpointContext } from './reads';
import { buildBinding } from './binding';
import { entrySelector } from './cryptoMap';

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

/** IP protocol of the outer packets a tunnel protection protects (GRE 47, IPv4-in-IP 4, IPv6-in-IP 41). */
const ENCAP_PROTOCOL: Partial<Record<Encapsulation, number>> = { gre: 47, ipip: 4, sit: 41, ipip6: 4, ip6ip6: 41 };

/** Encapsulations whose packets a crypto map on the source interface can protect (a VTI has its own SA). */
const MAP_PROTECTABLE: ReadonlySet<Encapsulation> = new Set<Encapsulation>(['gre', 'ipip6', 'ip6ip6', 'ipip', 'sit']);

function tunnelModeWords(itf: Interface): string[] {
  return itf.tunnelMode?.words ?? DEFAULT_TUNNEL_MODE.split(' ');
}

/** The crypto map entry protecting GRE between local and remote, if any (a crypto map over a GRE tunnel). */
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

/** The endpoint of a Tunnel interface, and the crypto map entry it absorbed (if any). */
export function buildTunnel(ctx: EndpointContext, itf: Interface): { ep: Endpoint; absorbed?: CryptoMapEntry } {
  const { uri } = ctx;
  let absorbed: CryptoMapEntry | undefined;
  const words = tunnelModeWords(itf);
  const modeWords = words.join(' ');
  const family = modeFamily(words);
  const defRange = itf.nameRange;
  const ep: Endpoint = { id: `${uri}#${itf.name}`, uri, range: range(itf.nodes[0].line, 0, defRange.end.character), name: itf.name, vendor: 'cisco-ios', version: ctx.versionValued };
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
  } else if (MAP_PROTECTABLE.has(encap)) {
    const e = entryForTunnel(ctx, srcItf, family, local, remote);
    if (e) {
      absorbed = e;
      ep.ipsec = buildBinding(ctx, e, `crypto map ${e.map} ${e.seq}`, e.nameRange, local, remote, entrySelector(ctx, e));
    }
  }
  return { ep, absorbed };
}

