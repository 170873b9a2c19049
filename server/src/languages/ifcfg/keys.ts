// The ifcfg keys Tunnel Lens knows: the initscripts tunnel keys (ifup-tunnel), the IPv6 keys
// ifup-ipv6 reads (ifup-tunnel ends with `ifup-ipv6 $CONFIG`), ifup-sit's keys and the common ones
// (docs/reference/ifcfg.md §2).
import { TUNNEL_TYPES } from '../shared/ifcfgTunnel';

export type KeyType =
  | { t: 'bool' }
  | { t: 'enum'; values: string[]; caseInsensitive?: boolean }
  | { t: 'int'; min: number; max: number }
  | { t: 'addr'; family?: 'ipv4' | 'ipv6' }
  /** an address or address/prefix */
  | { t: 'prefix'; family?: 'ipv4' | 'ipv6' }
  | { t: 'prefixes'; family?: 'ipv4' | 'ipv6' }
  | { t: 'ifname' }
  | { t: 'grekey' }
  | { t: 'text' };

export interface KeyInfo {
  type: KeyType;
  doc: string;
  /** Who reads it. */
  readBy: 'initscripts' | 'networkmanager' | 'both';
}

const bool: KeyType = { t: 'bool' };
const text: KeyType = { t: 'text' };

export const KEYS: Record<string, KeyInfo> = {
  TYPE: {
    type: { t: 'enum', values: [...TUNNEL_TYPES, 'SIT', 'Ethernet', 'Bridge', 'Bond', 'Vlan', 'Team', 'TeamPort', 'InfiniBand', 'Wireless', 'IPSEC', 'OVSBridge', 'OVSPort', 'OVSIntPort', 'xDSL', 'Modem'] },
    doc: 'Interface type. `GRE`, `GRE6`, `IPIP`, `IPIP6` (and `EXTERNAL`) make ifup run `ifup-tunnel`, which creates the tunnel with `ip tunnel add`. NetworkManager does not read tunnel ifcfg files at all (it marks the device unmanaged-unrecognized).',
    readBy: 'both',
  },
  DEVICE: { type: { t: 'ifname' }, doc: 'The interface (tunnel) name. ifup-tunnel refuses `gre0`, `tunl0` and `ip6tnl0` (the kernel fallback devices).', readBy: 'both' },
  MY_OUTER_IPADDR: { type: { t: 'addr' }, doc: 'Tunnel source: `local` of `ip tunnel add`.', readBy: 'initscripts' },
  PEER_OUTER_IPADDR: { type: { t: 'addr' }, doc: 'Tunnel destination: `remote` of `ip tunnel add`.', readBy: 'initscripts' },
  MY_INNER_IPADDR: { type: { t: 'prefix' }, doc: 'Address inside the tunnel: `ip addr add MY_INNER_IPADDR dev DEVICE [peer PEER_INNER_IPADDR]`.', readBy: 'initscripts' },
  PEER_INNER_IPADDR: { type: { t: 'prefix' }, doc: "The peer's address inside the tunnel (`peer` of `ip addr add`); ignored when equal to PEER_OUTER_IPADDR.", readBy: 'initscripts' },
  KEY: { type: { t: 'grekey' }, doc: 'GRE key (`key`, i.e. ikey = okey). A number or a dotted quad. There are no IKEY/OKEY keys.', readBy: 'initscripts' },
  TTL: { type: { t: 'int', min: 0, max: 255 }, doc: 'Outer TTL / hop limit (`ttl`). Without it `ip -6 tunnel add` uses hoplimit 64.', readBy: 'initscripts' },
  MTU: { type: { t: 'int', min: 68, max: 65535 }, doc: 'ifup-tunnel runs `ip link set DEV mtu MTU` after creating the tunnel. A later change of the tunnel parameters (e.g. `encaplimit none`) recomputes the MTU and overwrites it.', readBy: 'both' },
  // ifup-ipv6 (run at the end of ifup-tunnel)
  IPV6INIT: { type: bool, doc: 'Enable IPv6 on the interface (ifup-ipv6).', readBy: 'both' },
  IPV6ADDR: { type: { t: 'prefix', family: 'ipv6' }, doc: 'Primary IPv6 address/prefix (ifup-ipv6).', readBy: 'both' },
  IPV6ADDR_SECONDARIES: { type: { t: 'prefixes', family: 'ipv6' }, doc: 'More IPv6 addresses, space separated (ifup-ipv6).', readBy: 'both' },
  IPV6_MTU: { type: { t: 'int', min: 1280, max: 65535 }, doc: 'IPv6 MTU of the interface (ifup-ipv6).', readBy: 'both' },
  IPV6_DEFAULTGW: { type: text, doc: 'IPv6 default gateway, `ADDR[%DEV]` (ifup-ipv6).', readBy: 'both' },
  IPV6_DEFAULTDEV: { type: { t: 'ifname' }, doc: 'IPv6 default route device (ifup-ipv6).', readBy: 'both' },
  IPV6FORWARDING: { type: bool, doc: 'IPv6 forwarding (ifup-ipv6, in /etc/sysconfig/network).', readBy: 'initscripts' },
  IPV6_AUTOCONF: { type: bool, doc: 'Stateless autoconfiguration (ifup-ipv6).', readBy: 'both' },
  IPV6_ROUTER: { type: bool, doc: 'Act as a router on this interface (ifup-ipv6).', readBy: 'initscripts' },
  IPV6_PRIVACY: { type: { t: 'enum', values: ['rfc3041', 'no'] }, doc: 'Privacy extensions (ifup-ipv6).', readBy: 'both' },
  // Written by NetworkManager itself on RHEL 7–9 (ifcfg-rh), read by it only.
  IPV6_DEFROUTE: { type: bool, doc: 'Use this interface for the IPv6 default route (NetworkManager\'s ifcfg-rh: `ipv6.never-default` inverted).', readBy: 'networkmanager' },
  IPV6_ADDR_GEN_MODE: { type: { t: 'enum', values: ['eui64', 'stable-privacy'] }, doc: 'How NetworkManager forms the IPv6 link-local and SLAAC addresses (`ipv6.addr-gen-mode`).', readBy: 'networkmanager' },
  IPV6_FAILURE_FATAL: { type: bool, doc: 'Fail the connection when IPv6 fails.', readBy: 'both' },
  IPV6TUNNELIPV4: { type: { t: 'addr', family: 'ipv4' }, doc: 'ifup-sit: the IPv4 address of the 6in4 tunnel peer (required for sit).', readBy: 'initscripts' },
  IPV6TUNNELIPV4LOCAL: { type: { t: 'addr', family: 'ipv4' }, doc: 'ifup-sit: local IPv4 address of the 6in4 tunnel.', readBy: 'initscripts' },
  // common keys
  NAME: { type: text, doc: 'Connection name.', readBy: 'both' },
  ONBOOT: { type: bool, doc: 'Bring the interface up at boot.', readBy: 'both' },
  BOOTPROTO: { type: { t: 'enum', values: ['none', 'static', 'dhcp', 'bootp', 'autoip', 'ibft', 'shared'], caseInsensitive: true }, doc: 'Address configuration method.', readBy: 'both' },
  IPADDR: { type: { t: 'addr', family: 'ipv4' }, doc: 'IPv4 address.', readBy: 'both' },
  PREFIX: { type: { t: 'int', min: 0, max: 32 }, doc: 'IPv4 prefix length.', readBy: 'both' },
  NETMASK: { type: { t: 'addr', family: 'ipv4' }, doc: 'IPv4 netmask.', readBy: 'both' },
  GATEWAY: { type: { t: 'addr', family: 'ipv4' }, doc: 'IPv4 gateway.', readBy: 'both' },
  DEFROUTE: { type: bool, doc: 'Use this interface for the default route.', readBy: 'both' },
  NM_CONTROLLED: { type: bool, doc: 'Whether NetworkManager manages the interface.', readBy: 'both' },
  USERCTL: { type: bool, doc: 'Non-root users may control the interface.', readBy: 'both' },
  PEERDNS: { type: bool, doc: 'Use DNS servers from DHCP.', readBy: 'both' },
  PEERROUTES: { type: bool, doc: 'Use routes from DHCP.', readBy: 'both' },
  IPV4_FAILURE_FATAL: { type: bool, doc: 'Fail the connection when IPv4 fails.', readBy: 'both' },
  DNS1: { type: { t: 'addr' }, doc: 'DNS server.', readBy: 'both' },
  DNS2: { type: { t: 'addr' }, doc: 'DNS server.', readBy: 'both' },
  DOMAIN: { type: text, doc: 'DNS search domains.', readBy: 'both' },
  UUID: { type: text, doc: 'Connection UUID (NetworkManager).', readBy: 'both' },
  HWADDR: { type: text, doc: 'MAC address the file applies to.', readBy: 'both' },
  MACADDR: { type: text, doc: 'MAC address to set.', readBy: 'both' },
  ZONE: { type: text, doc: 'firewalld zone.', readBy: 'both' },
  METRIC: { type: { t: 'int', min: 0, max: 4294967295 }, doc: 'Route metric.', readBy: 'both' },
  PHYSDEV: { type: { t: 'ifname' }, doc: 'Parent device; ifup uses it for VLANs only (not for tunnels).', readBy: 'both' },
  PROXY_METHOD: { type: text, doc: 'Proxy method (NetworkManager).', readBy: 'both' },
  BROWSER_ONLY: { type: bool, doc: 'Proxy for browsers only (NetworkManager).', readBy: 'both' },
  ETHTOOL_OPTS: { type: text, doc: 'ethtool options.', readBy: 'both' },
};

/** Numbered variants (IPADDR1, PREFIX0, DNS3 …) share the base key's type. */
export function keyInfo(key: string): KeyInfo | undefined {
  if (KEYS[key]) return KEYS[key];
  const m = /^(IPADDR|PREFIX|NETMASK|GATEWAY|DNS)\d+$/.exec(key);
  return m ? KEYS[m[1] === 'DNS' ? 'DNS1' : m[1]] : undefined;
}

/**
 * Keys people write that no initscripts or NetworkManager version reads, with what to do instead
 * (docs/reference/ifcfg.md §2, §3 and §7).
 */
const ENCAP_ADVICE =
  'No initscripts or NetworkManager version reads it: ifup-tunnel always creates the tunnel with iproute2\'s encaplimit 4. To remove the Destination Options header use an /sbin/ifup-local script with `ip link set dev "$1" type ip6gre encaplimit none` (ip6gre) or `ip -6 tunnel change "$1" encaplimit none` (ipip6), a systemd-networkd .netdev with `EncapsulationLimit=none`, or a NetworkManager keyfile with `[ip-tunnel] flags=1`.';

export const NONEXISTENT_KEYS: Record<string, string> = {
  ENCAP_LIMIT: ENCAP_ADVICE,
  ENCAPLIMIT: ENCAP_ADVICE,
  ENCAPSULATION_LIMIT: ENCAP_ADVICE,
  IKEY: 'ifup-tunnel reads only KEY (which sets ikey = okey). For different input and output keys create the tunnel in a script: `ip link add DEV type ip6gre … ikey N okey M`.',
  OKEY: 'ifup-tunnel reads only KEY (which sets ikey = okey). For different input and output keys create the tunnel in a script: `ip link add DEV type ip6gre … ikey N okey M`.',
  FLOWLABEL: 'ifup-tunnel does not pass a flow label; set it in a script with `ip link set dev DEV type ip6gre flowlabel N`.',
  TCLASS: 'ifup-tunnel does not pass a traffic class; set it in a script with `ip link set dev DEV type ip6gre tclass N`.',
  HOPLIMIT: 'ifup-tunnel reads TTL for the hop limit; write `TTL=` instead.',
};
