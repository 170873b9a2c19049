// The tunnel an ifcfg file makes initscripts create: TYPE picks the `ip` command ifup-tunnel runs
// (docs/reference/ifcfg.md §2), the other keys fill its arguments. Shared because a script that
// changes the device (an ifup-local hook) is judged against the tunnel its companion ifcfg creates.
import type { Endpoint, Valued } from '../../core/endpoint';
import { parseAddress, parsePrefix } from '../../core/address';
import { range } from '../../core/ranges';
import { basenameOfUri } from '../../core/uri';
import { written } from '../../core/valued';
import { linuxEndpoint } from '../../model/linuxTunnels';
import type { IfcfgAssignment, IfcfgTree } from './ifcfgRead';
import { parseGreKey } from './linuxValues';

export const TUNNEL_TYPES = ['GRE', 'GRE6', 'IPIP', 'IPIP6', 'EXTERNAL'];

export interface TunnelTypeInfo {
  kind: string;
  ip6tnlMode?: string;
  command: string;
  since: string;
  outer: 'ipv4' | 'ipv6';
}

/** TYPE=… → what ifup-tunnel creates. */
export const TUNNEL_TYPE_INFO: Record<string, TunnelTypeInfo> = {
  GRE: { kind: 'gre', command: 'ip -4 tunnel add DEV mode gre', since: 'every initscripts version', outer: 'ipv4' },
  GRE6: {
    kind: 'ip6gre',
    command: 'ip -6 tunnel add DEV mode ip6gre',
    since: 'initscripts 10.03 (RHEL 7: 9.49.49, RHEL 8: 10.00.5; RHEL 6 has only GRE and IPIP)',
    outer: 'ipv6',
  },
  IPIP: { kind: 'ipip', command: 'ip -4 tunnel add DEV mode ipip', since: 'every initscripts version', outer: 'ipv4' },
  IPIP6: { kind: 'ip6tnl', ip6tnlMode: 'ipip6', command: 'ip -6 tunnel add DEV mode ipip6', since: 'initscripts 9.47', outer: 'ipv6' },
  EXTERNAL: { kind: 'ip6tnl', ip6tnlMode: 'any', command: 'ip link add DEV type ip6tnl external', since: 'initscripts 9.80', outer: 'ipv6' },
};

/** The TYPE of a tunnel ifcfg, with what ifup-tunnel does for it; undefined for other files. */
export function tunnelTypeOf(tree: IfcfgTree): { type: IfcfgAssignment; info: TunnelTypeInfo } | undefined {
  const type = tree.last.get('TYPE');
  const info = type?.value ? TUNNEL_TYPE_INFO[type.value] : undefined;
  return type && info ? { type, info } : undefined;
}

/** The prefix as written (with its length when it has one), normalized. */
function prefixText(written: string): string | undefined {
  const p = parsePrefix(written);
  return p ? (written.includes('/') ? `${p.text}/${p.prefixLength}` : p.text) : undefined;
}

/**
 * The Linux endpoint `ifup` would create, or undefined when the file is no tunnel. Values a reader
 * cannot use (an outer address of the other family, an MTU out of range) are left out; the ifcfg
 * dialect's checks report them.
 */
export function ifcfgEndpoint(tree: IfcfgTree, uri: string, underlayMtu: number): Endpoint | undefined {
  const t = tunnelTypeOf(tree);
  if (!t) return undefined;
  const { type, info } = t;
  const get = (k: string) => tree.last.get(k);
  const dev = get('DEVICE');
  const device = dev?.value || basenameOfUri(uri).replace(/^ifcfg-/, '');
  const addr = (k: string): Valued<string> | undefined => {
    const a = get(k);
    const p = a?.value ? parseAddress(a.value) : undefined;
    return a && p && p.family === info.outer ? written(p.text, uri, a.valueRange) : undefined;
  };
  const keyA = get('KEY');
  const key = keyA?.value ? parseGreKey(keyA.value) : undefined;
  const mtuA = get('MTU');
  const mtuN = mtuA?.value && /^\d+$/.test(mtuA.value) ? Number(mtuA.value) : undefined;
  const inner: Valued<string>[] = [];
  for (const k of ['MY_INNER_IPADDR', 'IPV6ADDR']) {
    const a = get(k);
    const p = a?.value ? prefixText(a.value) : undefined;
    if (a && p) inner.push(written(p, uri, a.valueRange));
  }
  const sec = get('IPV6ADDR_SECONDARIES');
  for (const item of sec?.value?.split(/\s+/).filter(Boolean) ?? []) {
    const p = prefixText(item);
    if (p && sec) inner.push(written(p, uri, sec.valueRange));
  }
  return linuxEndpoint({
    uri,
    range: range((dev ?? type).line, 0, (dev ?? type).valueRange.end.character),
    device,
    creator: type.value === 'EXTERNAL' ? 'ip-link-add' : 'ifcfg',
    kind: written(info.kind, uri, type.valueRange, `TYPE=${type.value}: ifup-tunnel runs \`${info.command}\``),
    ip6tnlMode: info.ip6tnlMode,
    local: addr('MY_OUTER_IPADDR'),
    remote: addr('PEER_OUTER_IPADDR'),
    greKey: key !== undefined && keyA ? written(key, uri, keyA.valueRange) : undefined,
    mtu: mtuA && mtuN !== undefined && mtuN >= 68 && mtuN <= 65535 ? written(mtuN, uri, mtuA.valueRange) : undefined,
    inner,
    underlayMtu,
  });
}
