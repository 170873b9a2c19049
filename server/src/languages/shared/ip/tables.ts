// iproute2's argument tables: what `ip` takes after each object and device type, with iproute2's
// own aliases (docs/reference/linux-kernel-tunnels.md §7 names the source files). Only what
// tunnels need.

/** `ip` objects in ip.c's order: an abbreviation picks the first that it prefixes. */
export const IP_OBJECTS = ['address', 'addrlabel', 'maddress', 'route', 'rule', 'neighbor', 'neighbour', 'ntable', 'ntbl', 'link', 'l2tp', 'fou', 'ila', 'macsec', 'tunnel', 'tuntap', 'tap', 'token', 'tcpmetrics', 'tcp_metrics', 'monitor', 'xfrm', 'mroute', 'mrule', 'netns', 'netconf', 'vrf', 'sr', 'nexthop', 'mptcp', 'ioam', 'stats', 'help'];

/** Global options that take a value. */
export const IP_OPTIONS_WITH_VALUE = new Set(['-f', '-family', '-n', '-netns', '-b', '-batch', '-l', '-loops', '-rc', '-rcvbuf', '-c', '-color']);

export function matchObject(word: string): string | undefined {
  return IP_OBJECTS.find((o) => o.startsWith(word));
}

/** A verb matched iproute2-style (`matches()`: the word is a prefix of the verb). */
export function matchVerb(word: string, verbs: readonly string[]): string | undefined {
  return verbs.find((v) => v.startsWith(word));
}

export const TUNNEL_VERBS = ['add', 'change', 'delete', 'show', 'list', 'lst', 'prl', '6rd', 'help'];
export const LINK_VERBS = ['add', 'set', 'change', 'delete', 'show', 'list', 'lst', 'help', 'xstats', 'afstats', 'property'];
export const ADDR_VERBS = ['add', 'change', 'replace', 'delete', 'show', 'list', 'lst', 'flush', 'save', 'restore', 'showdump', 'help'];
export const XFRM_OBJECTS = ['state', 'policy', 'monitor'];

/** `ip -6 tunnel … mode X` → device kind and ip6tnl mode. */
export const IP6_TUNNEL_MODES: Record<string, { kind: string; mode?: string }> = {
  ip6ip6: { kind: 'ip6tnl', mode: 'ip6ip6' },
  'ipv6/ipv6': { kind: 'ip6tnl', mode: 'ip6ip6' },
  ipip6: { kind: 'ip6tnl', mode: 'ipip6' },
  ip4ip6: { kind: 'ip6tnl', mode: 'ipip6' },
  'ip/ipv6': { kind: 'ip6tnl', mode: 'ipip6' },
  'ipv4/ipv6': { kind: 'ip6tnl', mode: 'ipip6' },
  any: { kind: 'ip6tnl', mode: 'any' },
  'any/ipv6': { kind: 'ip6tnl', mode: 'any' },
  ip6gre: { kind: 'ip6gre' },
  'gre/ipv6': { kind: 'ip6gre' },
  vti6: { kind: 'vti6' },
};

/** Names `ip -6 tunnel` also takes (ip6tunnel.c): `gre` is ip6gre there (docs/reference/ifupdown.md §2). */
export const IP6_FAMILY_ALIASES: Record<string, { kind: string; mode?: string }> = {
  gre: { kind: 'ip6gre' },
};

/** `ip tunnel … mode X` (IPv4 family). */
export const IP4_TUNNEL_MODES: Record<string, { kind: string }> = {
  ipip: { kind: 'ipip' },
  'ip/ip': { kind: 'ipip' },
  gre: { kind: 'gre' },
  'gre/ip': { kind: 'gre' },
  sit: { kind: 'sit' },
  'ipv6/ip': { kind: 'sit' },
  isatap: { kind: 'sit' },
  vti: { kind: 'vti' },
};

export type ArgType = 'addr' | 'u8' | 'ttl' | 'tclass' | 'flowlabel' | 'key' | 'elim' | 'ifname' | 'mode' | 'dscp' | 'fwmark' | 'any';

interface ArgTable {
  values: Record<string, ArgType>;
  flags: string[];
}

const GRE_FLAGS = ['seq', 'iseq', 'oseq', 'csum', 'icsum', 'ocsum'];
const COMMON_V6: Record<string, ArgType> = {
  remote: 'addr', local: 'addr', dev: 'ifname', encaplimit: 'elim', hoplimit: 'ttl', ttl: 'ttl', hlim: 'ttl',
  tclass: 'tclass', tc: 'tclass', tos: 'tclass', dsfield: 'tclass', flowlabel: 'flowlabel', fl: 'flowlabel', dscp: 'dscp', fwmark: 'fwmark',
  encap: 'any', 'encap-sport': 'any', 'encap-dport': 'any',
};
const COMMON_V4: Record<string, ArgType> = {
  remote: 'addr', local: 'addr', dev: 'ifname', ttl: 'ttl', hoplimit: 'ttl', hlim: 'ttl', tos: 'tclass', tclass: 'tclass', dsfield: 'tclass',
  fwmark: 'fwmark', encap: 'any', 'encap-sport': 'any', 'encap-dport': 'any',
};
const ENCAP_FLAGS = ['external', 'allow-localremote', 'noallow-localremote', 'encap-csum', 'noencap-csum', 'encap-udp6-csum', 'noencap-udp6-csum', 'encap-remcsum', 'noencap-remcsum'];
const KEYS: Record<string, ArgType> = { key: 'key', ikey: 'key', okey: 'key' };

/** Arguments after `type KIND` of `ip link add|set`. */
export const LINK_TYPE_ARGS: Record<string, ArgTable> = {
  ip6gre: { values: { ...COMMON_V6, ...KEYS, erspan_ver: 'any', erspan: 'any', erspan_dir: 'any', erspan_hwid: 'any' }, flags: [...GRE_FLAGS, ...ENCAP_FLAGS] },
  ip6gretap: { values: { ...COMMON_V6, ...KEYS }, flags: [...GRE_FLAGS, ...ENCAP_FLAGS] },
  ip6tnl: { values: { ...COMMON_V6, mode: 'mode' }, flags: ENCAP_FLAGS },
  gre: { values: { ...COMMON_V4, ...KEYS }, flags: [...GRE_FLAGS, ...ENCAP_FLAGS, 'pmtudisc', 'nopmtudisc', 'ignore-df', 'noignore-df'] },
  gretap: { values: { ...COMMON_V4, ...KEYS }, flags: [...GRE_FLAGS, ...ENCAP_FLAGS, 'pmtudisc', 'nopmtudisc', 'ignore-df', 'noignore-df'] },
  ipip: { values: { ...COMMON_V4, mode: 'mode' }, flags: [...ENCAP_FLAGS, 'pmtudisc', 'nopmtudisc'] },
  sit: { values: { ...COMMON_V4, mode: 'mode', '6rd-prefix': 'any', '6rd-relay_prefix': 'any', '6rd-reset': 'any' }, flags: [...ENCAP_FLAGS, 'pmtudisc', 'nopmtudisc', 'isatap'] },
  vti: { values: { remote: 'addr', local: 'addr', dev: 'ifname', fwmark: 'fwmark', ...KEYS }, flags: [] },
  vti6: { values: { remote: 'addr', local: 'addr', dev: 'ifname', fwmark: 'fwmark', ...KEYS }, flags: [] },
};

export const IP6TNL_LINK_MODES: Record<string, string> = {
  ip6ip6: 'ip6ip6', 'ipv6/ipv6': 'ip6ip6', ipip6: 'ipip6', ip4ip6: 'ipip6', 'ip/ipv6': 'ipip6', 'ipv4/ipv6': 'ipip6', any: 'any', 'any/ipv6': 'any',
};

/** `ip -6 tunnel` / `ip tunnel` arguments. */
export const TUNNEL6_ARGS: ArgTable = { values: { ...COMMON_V6, ...KEYS, mode: 'mode', name: 'ifname' }, flags: GRE_FLAGS };
export const TUNNEL4_ARGS: ArgTable = {
  values: { ...COMMON_V4, ...KEYS, mode: 'mode', name: 'ifname', '6rd-prefix': 'any', 'prl-default': 'any', 'prl-nodefault': 'any', 'prl-delete': 'any' },
  flags: [...GRE_FLAGS, 'pmtudisc', 'nopmtudisc', 'ignore-df', 'noignore-df'],
};

/** `ip link add|set` options before `type` (iplink.c iplink_parse); value-taking ones. */
export const LINK_OPTIONS_WITH_VALUE = new Set([
  'name', 'dev', 'link', 'txqueuelen', 'txqlen', 'qlen', 'address', 'broadcast', 'brd', 'peer', 'mtu', 'index', 'numtxqueues', 'numrxqueues',
  'netns', 'alias', 'group', 'master', 'vf', 'addrgenmode', 'protodown', 'protodown_reason', 'gso_max_size', 'gso_max_segs', 'gro_max_size',
  'gso_ipv4_max_size', 'gro_ipv4_max_size', 'arp', 'dynamic', 'multicast', 'allmulticast', 'promisc', 'trailers', 'carrier', 'xdp', 'xdpgeneric',
  'xdpdrv', 'xdpoffload', 'mode', 'state', 'link-netns', 'link-netnsid', 'parentdev', 'tso_max_size', 'tso_max_segs', 'netns-immutable',
]);
export const LINK_BARE_OPTIONS = new Set(['up', 'down', 'nomaster']);

/** `ip addr add` options that take a value (ipaddress.c ipaddr_modify). */
export const ADDR_OPTIONS_WITH_VALUE = new Set(['peer', 'remote', 'broadcast', 'brd', 'anycast', 'scope', 'dev', 'label', 'valid_lft', 'preferred_lft', 'metric', 'priority', 'preference', 'proto', 'local']);
export const ADDR_FLAGS = new Set(['home', 'nodad', 'optimistic', 'mngtmpaddr', 'noprefixroute', 'autojoin']);

export const XFRM_MODES = ['transport', 'tunnel', 'beet', 'ro', 'in_trigger'];
export const XFRM_PROTOS = ['esp', 'ah', 'comp', 'route2', 'hao', 'ipsec-any'];
export const XFRM_DIRS = ['in', 'out', 'fwd'];
/** Words after which the next words are key material: never shown. */
export const XFRM_SECRET_ALGOS: Record<string, number> = { enc: 2, auth: 2, 'auth-trunc': 3, aead: 3, comp: 1 };
