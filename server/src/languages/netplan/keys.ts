// netplan's YAML vocabulary as data (docs/reference/netplan.md §1, netplan 1.2.2 src/parse.c):
// the device types under `network:`, the tunnel modes with the Linux kind each renders, and the
// keys of a tunnel definition. netplan rejects a key it does not know ("unknown key"), and then
// applies none of the configuration.

export interface KeyDoc {
  doc: string;
  values?: string[];
  /** Read into the model (else known and outside it). */
  model?: boolean;
}

/** Keys directly under `network:`. */
export const NETWORK_KEYS: Record<string, KeyDoc> = {
  version: { doc: 'The netplan format version: 2.', values: ['2'], model: true },
  renderer: { doc: 'The backend of every definition that sets none: networkd (the default) or NetworkManager.', values: ['networkd', 'NetworkManager'], model: true },
  ethernets: { doc: 'Ethernet devices (the uplink: its addresses and default routes are the host\'s).', model: true },
  bonds: { doc: 'Bond devices.', model: true },
  bridges: { doc: 'Bridge devices.', model: true },
  vlans: { doc: 'VLAN devices.', model: true },
  tunnels: { doc: 'Tunnels: GRE, IP-in-IP, ip6gre, ip6ip6, ipip6, VTI, VXLAN, WireGuard.', model: true },
  wifis: { doc: 'Wi-Fi devices.', model: true },
  vrfs: { doc: 'VRF devices.', model: true },
  modems: { doc: 'Modems.', model: true },
  'dummy-devices': { doc: 'Dummy devices.', model: true },
  'virtual-ethernets': { doc: 'veth pairs.', model: true },
  'nm-devices': { doc: 'NetworkManager devices netplan does not model.', model: true },
};

export interface ModeInfo {
  kind: string;
  ip6tnlMode?: string;
  outer: 'ipv4' | 'ipv6';
  /** NetworkManager's ip-tunnel.mode number. */
  nm: number;
  /** networkd rejects it ("ISATAP tunnel mode is not supported by networkd"). */
  nmOnly?: boolean;
  /** The key/keys input and output are allowed (networkd: vti, vti6, gre, ip6gre, gretap, ip6gretap). */
  keys: boolean;
}

/** `mode:` names (case-sensitive) → what netplan renders (src/names.c, src/abi.h). */
export const TUNNEL_MODES: Record<string, ModeInfo> = {
  ipip: { kind: 'ipip', outer: 'ipv4', nm: 1, keys: false },
  gre: { kind: 'gre', outer: 'ipv4', nm: 2, keys: true },
  sit: { kind: 'sit', outer: 'ipv4', nm: 3, keys: false },
  isatap: { kind: 'sit', outer: 'ipv4', nm: 4, nmOnly: true, keys: false },
  vti: { kind: 'vti', outer: 'ipv4', nm: 5, keys: true },
  ip6ip6: { kind: 'ip6tnl', ip6tnlMode: 'ip6ip6', outer: 'ipv6', nm: 6, keys: false },
  ipip6: { kind: 'ip6tnl', ip6tnlMode: 'ipip6', outer: 'ipv6', nm: 7, keys: false },
  ip6gre: { kind: 'ip6gre', outer: 'ipv6', nm: 8, keys: true },
  vti6: { kind: 'vti6', outer: 'ipv6', nm: 9, keys: true },
  gretap: { kind: 'gretap', outer: 'ipv4', nm: 10, keys: true },
  ip6gretap: { kind: 'ip6gretap', outer: 'ipv6', nm: 11, keys: true },
};

/** Modes netplan knows that make no IP tunnel Tunnel Lens models. */
export const OTHER_MODES = ['vxlan', 'wireguard'];

/** Keys every device definition takes (COMMON_LINK_HANDLERS + COMMON_BACKEND_HANDLERS). */
export const COMMON_KEYS: Record<string, KeyDoc> = {
  addresses: { doc: 'Addresses with their prefix length. On a tunnel: the addresses inside it; on the uplink: the host\'s.', model: true },
  routes: { doc: 'Routes; `to: default` (or 0.0.0.0/0, ::/0) with `via:` is the default route.', model: true },
  'gateway4': { doc: 'Default IPv4 gateway (deprecated: use routes).', model: true },
  'gateway6': { doc: 'Default IPv6 gateway (deprecated: use routes).', model: true },
  mtu: { doc: 'The device MTU. For a tunnel it replaces the MTU the kernel computes (rendered as MTUBytes= / ip-tunnel.mtu).', model: true },
  renderer: { doc: 'The backend for this definition: networkd or NetworkManager.', values: ['networkd', 'NetworkManager'], model: true },
  networkmanager: { doc: 'NetworkManager settings: name, uuid, stable-id, device, passthrough (keyfile `group.key: "value"` pairs written as they are).', model: true },
  'routing-policy': { doc: 'Policy routing rules.' },
  'ipv6-mtu': { doc: 'IPv6 MTU.' },
  dhcp4: { doc: 'DHCPv4.', values: ['true', 'false'] },
  dhcp6: { doc: 'DHCPv6.', values: ['true', 'false'] },
  'dhcp4-overrides': { doc: 'DHCPv4 overrides.' },
  'dhcp6-overrides': { doc: 'DHCPv6 overrides.' },
  'ra-overrides': { doc: 'Router advertisement overrides.' },
  'accept-ra': { doc: 'Accept router advertisements.', values: ['true', 'false'] },
  nameservers: { doc: 'DNS servers and search domains.' },
  'link-local': { doc: 'Link-local addressing.' },
  optional: { doc: 'Not needed for boot.', values: ['true', 'false'] },
  'optional-addresses': { doc: 'Optional address families.' },
  critical: { doc: 'Never deconfigured.', values: ['true', 'false'] },
  'ignore-carrier': { doc: 'Ignore carrier loss.', values: ['true', 'false'] },
  macaddress: { doc: 'MAC address.' },
  'ipv6-address-generation': { doc: 'IPv6 address generation.' },
  'ipv6-address-token': { doc: 'IPv6 address token.' },
  'ipv6-privacy': { doc: 'IPv6 privacy extensions.', values: ['true', 'false'] },
  'activation-mode': { doc: 'Activation mode.', values: ['manual', 'off'] },
  'dhcp-identifier': { doc: 'DHCP identifier.', values: ['mac', 'duid'] },
  hairpin: { doc: 'Hairpin mode.' },
  'port-mac-learning': { doc: 'MAC learning.' },
  'neigh-suppress': { doc: 'Neighbour suppression.' },
  openvswitch: { doc: 'Open vSwitch settings.' },
};

/** The keys of a tunnel definition besides the common ones (tunnel_def_handlers[]). */
export const TUNNEL_KEYS: Record<string, KeyDoc> = {
  mode: { doc: `The tunnel mode (exact name): ${Object.keys(TUNNEL_MODES).join(', ')}, ${OTHER_MODES.join(', ')}.`, values: [...Object.keys(TUNNEL_MODES), ...OTHER_MODES], model: true },
  local: { doc: 'Local outer address (no /prefix). Without it the kernel picks the source address of the route to remote.', model: true },
  remote: { doc: 'Remote outer address (no /prefix); required.', model: true },
  ttl: { doc: 'TTL / hop limit of the outer header (≤ 255).', model: true },
  key: { doc: 'GRE/VTI key for input and output (a number or dotted quad), or a mapping of keys.', model: true },
  keys: { doc: 'input, output (GRE/VTI keys), private (WireGuard).', model: true },
  mark: { doc: 'WireGuard firewall mark.' },
  port: { doc: 'WireGuard or VXLAN port.' },
  peers: { doc: 'WireGuard peers.' },
  link: { doc: 'VXLAN underlying link.' },
  id: { doc: 'VXLAN network identifier.' },
  aging: { doc: 'VXLAN FDB aging.' },
  ageing: { doc: 'VXLAN FDB ageing.' },
  limit: { doc: 'VXLAN FDB limit (not an encapsulation limit).' },
  'type-of-service': { doc: 'VXLAN TOS.' },
  'flow-label': { doc: 'VXLAN flow label.' },
  'do-not-fragment': { doc: 'VXLAN DF.' },
  'short-circuit': { doc: 'VXLAN short-circuit.' },
  'arp-proxy': { doc: 'VXLAN ARP proxy.' },
  'mac-learning': { doc: 'VXLAN MAC learning.' },
  notifications: { doc: 'VXLAN notifications.' },
  checksums: { doc: 'VXLAN checksums.' },
  extensions: { doc: 'VXLAN extensions.' },
  'port-range': { doc: 'VXLAN port range.' },
};

/** No netplan key sets the encapsulation limit (docs/reference/netplan.md §3): what a hover says instead. */
export const NO_ENCAP_KEY =
  'No netplan key sets the RFC 2473 encapsulation limit: the networkd renderer writes no EncapsulationLimit= (ip6gre then sends the option with limit 0, ip6tnl with 4), the NetworkManager renderer no encapsulation-limit (0). Remove the option with a drop-in `/etc/systemd/network/10-netplan-<id>.netdev.d/*.conf` holding `[Tunnel] EncapsulationLimit=none` (networkd), or `networkmanager: passthrough: ip-tunnel.flags: "1"` (NetworkManager ≥ 1.42.6 for ip6gre).';

/** NetworkManager's ip-tunnel.flags bit that removes the option. */
export const NM_IGN_ENCAP_LIMIT = 0x1;
export const NM_IP6GRE_FLAGS_SINCE = '1.42.6';
