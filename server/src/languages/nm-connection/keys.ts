// NetworkManager keyfile keys for ip-tunnel profiles (nm-setting-ip-tunnel.h; docs/reference/ifcfg.md §4).
import type { IniKeyTable } from '../shared/iniFeatures';

/** Keyfile `mode` numbers (NMIPTunnelMode) → Linux device kind. */
export const NM_TUNNEL_MODES: Record<number, { name: string; kind: string; ip6tnlMode?: string }> = {
  1: { name: 'ipip', kind: 'ipip' },
  2: { name: 'gre', kind: 'gre' },
  3: { name: 'sit', kind: 'sit' },
  4: { name: 'isatap', kind: 'sit' },
  5: { name: 'vti', kind: 'vti' },
  6: { name: 'ip6ip6', kind: 'ip6tnl', ip6tnlMode: 'ip6ip6' },
  7: { name: 'ipip6', kind: 'ip6tnl', ip6tnlMode: 'ipip6' },
  8: { name: 'ip6gre', kind: 'ip6gre' },
  9: { name: 'vti6', kind: 'vti6' },
  10: { name: 'gretap', kind: 'gretap' },
  11: { name: 'ip6gretap', kind: 'ip6gretap' },
};

/** ip-tunnel.flags bits. */
export const NM_TUNNEL_FLAGS: Record<number, string> = {
  0x1: 'ip6-ign-encap-limit',
  0x2: 'ip6-use-orig-tclass',
  0x4: 'ip6-use-orig-flowlabel',
  0x8: 'ip6-mip6-dev',
  0x10: 'ip6-rcv-dscp-copy',
  0x20: 'ip6-use-orig-fwmark',
};

/** NM ≥ this accepts IPv6 flags on ip6gre/ip6gretap (commit a239317a6b, backport be8ddf367f). */
export const NM_IP6GRE_FLAGS_SINCE = '1.42.6';

const modeDoc = Object.entries(NM_TUNNEL_MODES).map(([n, m]) => `${n} ${m.name}`).join(', ');

export const NM_KEYS: IniKeyTable = {
  connection: {
    id: { doc: 'Profile name.' },
    uuid: { doc: 'Profile UUID.' },
    type: { doc: 'Profile type; `ip-tunnel` for tunnels.', values: ['ip-tunnel', 'vpn', 'ethernet', 'vlan', 'bridge', 'bond', 'wireguard'] },
    'interface-name': { doc: 'The device name (tun10).' },
    autoconnect: { doc: 'Activate automatically.', values: ['true', 'false'] },
    'autoconnect-priority': { doc: 'Autoconnect priority.' },
    permissions: { doc: 'Users allowed to use the profile.' },
    zone: { doc: 'firewalld zone.' },
    timestamp: { doc: 'Last activation time.' },
    'multi-connect': { doc: 'Multi-connect.' },
    secondaries: { doc: 'Profiles (VPN uuids) brought up with this one.' },
  },
  'ip-tunnel': {
    mode: { doc: `Tunnel mode as a number: ${modeDoc}.`, values: Object.keys(NM_TUNNEL_MODES) },
    parent: { doc: 'Underlying device.' },
    local: { doc: 'Local outer address.' },
    remote: { doc: 'Remote outer address (required).' },
    ttl: { doc: 'TTL / hop limit (0 = inherit).' },
    tos: { doc: 'Type of service / traffic class.' },
    'path-mtu-discovery': { doc: 'Path MTU discovery (IPv4 tunnels).', values: ['true', 'false'] },
    'input-key': { doc: 'GRE input key.' },
    'output-key': { doc: 'GRE output key.' },
    'encapsulation-limit': { doc: 'RFC 2473 encapsulation limit 0..255, default 0. NetworkManager always sends it, so 0 still adds the 8-byte Destination Options header (limit 0); `flags=1` (ip6-ign-encap-limit) removes it.', values: ['0', '4'] },
    'flow-label': { doc: 'IPv6 flow label.' },
    fwmark: { doc: 'Firewall mark.' },
    mtu: { doc: 'Device MTU (0 = automatic: the kernel computes it).' },
    flags: { doc: `Bit flags: ${Object.entries(NM_TUNNEL_FLAGS).map(([b, n]) => `0x${Number(b).toString(16)} ${n}`).join(', ')}. 1 removes the Destination Options header (NetworkManager ≥ 1.42.6 for ip6gre).`, values: ['1'] },
  },
  ipv4: {
    method: { doc: 'IPv4 method.', values: ['manual', 'auto', 'disabled', 'link-local', 'shared'] },
    address1: { doc: 'ADDRESS/PREFIX[,GATEWAY].' },
    address2: { doc: 'ADDRESS/PREFIX[,GATEWAY].' },
    gateway: { doc: 'Gateway.' },
    dns: { doc: 'DNS servers.' },
    route1: { doc: 'Route.' },
    'never-default': { doc: 'Never the default route.', values: ['true', 'false'] },
    'may-fail': { doc: 'May fail.', values: ['true', 'false'] },
  },
  ipv6: {
    method: { doc: 'IPv6 method.', values: ['manual', 'auto', 'disabled', 'ignore', 'link-local', 'dhcp', 'shared'] },
    address1: { doc: 'ADDRESS/PREFIX[,GATEWAY].' },
    address2: { doc: 'ADDRESS/PREFIX[,GATEWAY].' },
    'addr-gen-mode': { doc: 'Address generation mode.' },
    gateway: { doc: 'Gateway.' },
    route1: { doc: 'Route.' },
    'never-default': { doc: 'Never the default route.', values: ['true', 'false'] },
    'may-fail': { doc: 'May fail.', values: ['true', 'false'] },
  },
};

/** Sections of other profile types: known, and outside what Tunnel Lens models (their keys are not judged). */
export const NM_OTHER_SECTIONS: readonly string[] = ['ethernet', 'wifi', 'vlan', 'bridge', 'bond', 'proxy', 'user', 'ethtool', 'match', 'wireguard', 'vpn', 'vpn-secrets', '802-3-ethernet', 'team', 'tc'];
