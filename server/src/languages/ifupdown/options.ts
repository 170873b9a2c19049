// The interfaces(5) vocabulary as data: address families, their methods and options (Debian 12's
// ifupdown 0.8.41 man page; docs/reference/ifupdown.md §2, §8), the commands a tunnel method runs
// (copied from inet.defn / inet6.defn: `[[…]]` words are left out when their option is unset),
// the command options, and ifupdown-ng's tunnel spellings with the remaps its parser applies (§5).

export interface OptionDoc {
  doc: string;
  required?: boolean;
  values?: string[];
}

export type Family = 'inet' | 'inet6';

/** One word of a command template: literal text, the interface name, or an option's value. */
export type TemplateWord = { lit: string } | { iface: true } | { option: string; word?: string };

export interface TunnelTemplate {
  /** `ip tunnel add IFACE …` with the optional words bracketed as ifupdown writes them. */
  words: { w: TemplateWord[]; optional?: string }[];
  /** How the stanza's address is added: needs netmask (inet tunnel), skipped without it (inet6 tunnel), or has its prefix. */
  address: 'needs-netmask' | 'skip-without-netmask' | 'prefix' | 'none';
  /** The ifupdown version that has the method. */
  since?: string;
  /** Options the method does not pass to ip (written, they only reach hooks as IF_* variables). */
  notPassed: string[];
}

const cmd = (...w: (string | TemplateWord)[]) => ({ w: w.map((x) => (typeof x === 'string' ? { lit: x } : x)) });
const opt = (word: string, option: string) => ({ w: [{ lit: word }, { option, word }] as TemplateWord[], optional: option });

/** `ip tunnel add` commands of the tunnel methods (inet.defn / inet6.defn, 0.8.41). */
export const TUNNEL_TEMPLATES: Record<string, TunnelTemplate> = {
  'inet tunnel': {
    words: [cmd('ip', 'tunnel', 'add', { iface: true }), cmd('mode', { option: 'mode' }), cmd('remote', { option: 'endpoint', word: 'remote' }), opt('local', 'local'), opt('ttl', 'ttl')],
    address: 'needs-netmask',
    notPassed: ['encaplimit', 'key', 'ikey', 'okey'],
  },
  'inet6 tunnel': {
    words: [cmd('ip', '-6', 'tunnel', 'add', { iface: true }), cmd('mode', { option: 'mode' }), cmd('remote', { option: 'endpoint', word: 'remote' }), opt('local', 'local'), opt('ttl', 'ttl'), opt('encaplimit', 'encaplimit')],
    address: 'skip-without-netmask',
    since: '0.8.40',
    notPassed: ['key', 'ikey', 'okey'],
  },
  'inet6 v4tunnel': {
    words: [cmd('ip', 'tunnel', 'add', { iface: true }), cmd('mode', 'sit'), cmd('remote', { option: 'endpoint', word: 'remote' }), opt('local', 'local'), opt('ttl', 'ttl')],
    address: 'prefix',
    notPassed: ['encaplimit', 'key'],
  },
  'inet6 6to4': {
    words: [cmd('ip', 'tunnel', 'add', { iface: true }), cmd('mode', 'sit'), cmd('remote', 'any'), cmd('local', { option: 'local' }), opt('ttl', 'ttl')],
    address: 'none',
    notPassed: ['encaplimit', 'key'],
  },
};

const TUNNEL4: Record<string, OptionDoc> = {
  address: { doc: 'Local address inside the tunnel (dotted quad). ifupdown adds it as `%address%/%netmask%`: without `netmask` ifup fails.', required: true },
  netmask: { doc: 'Netmask of `address` (bits or dotted quad); the address command needs it.' },
  mode: { doc: 'Tunnel mode, passed to `ip tunnel add … mode` as written (gre, ipip, sit; an IPv6 mode such as ip6gre switches iproute2 to IPv6).', required: true, values: ['gre', 'ipip', 'sit', 'ip6gre', 'ipip6', 'ip6ip6'] },
  endpoint: { doc: 'Remote outer address: `ip tunnel add … remote`.', required: true },
  dstaddr: { doc: 'Remote address inside the tunnel (`peer` of the address command).' },
  local: { doc: 'Local outer address: `ip tunnel add … local`.' },
  metric: { doc: 'Metric of the default route through the tunnel.' },
  gateway: { doc: 'Default gateway through the tunnel.' },
  ttl: { doc: 'TTL / hop limit of the outer header: `ip tunnel add … ttl`.' },
  mtu: { doc: 'MTU: `ip link set IFACE up mtu N` after the tunnel is created.' },
};

const TUNNEL6: Record<string, OptionDoc> = {
  address: { doc: 'Address inside the tunnel; added only with `netmask` (`ip -6 addr add`, `ip -4` for mode ipip6). An IPv4 address of an ip6gre tunnel goes in an `inet static` stanza.' },
  netmask: { doc: 'Prefix length of `address` (bits). Without it the address is silently not added.' },
  mode: { doc: 'Tunnel mode: `ip -6 tunnel add … mode` (ip6gre, ip6ip6, ipip6; iproute2 takes the lower-case names).', required: true, values: ['ip6gre', 'ip6ip6', 'ipip6', 'vti6'] },
  endpoint: { doc: 'Remote outer address (IPv6): `ip -6 tunnel add … remote`.', required: true },
  dstaddr: { doc: 'Remote address inside the tunnel.' },
  local: { doc: 'Local outer address (IPv6): `ip -6 tunnel add … local`.' },
  metric: { doc: 'Metric of the default route through the tunnel.' },
  gateway: { doc: 'Default gateway through the tunnel.' },
  ttl: { doc: 'Hop limit of the outer header: `ip -6 tunnel add … ttl`.' },
  mtu: { doc: 'MTU: `ip link set IFACE up mtu N` after the tunnel is created.' },
  encaplimit: { doc: 'RFC 2473 Tunnel Encapsulation Limit: `none` or 0..255, passed as `ip -6 tunnel add … encaplimit`. Without it iproute2 sets 4 and every packet carries an 8-byte Destination Options header; only `none` removes it (ifupdown ≥ 0.8.40).', values: ['none', '4'] },
};

const STATIC4: Record<string, OptionDoc> = {
  address: { doc: 'Address (dotted quad, `/bits` allowed).', required: true },
  netmask: { doc: 'Netmask (dotted quad or bits; deprecated: write address/bits).' },
  broadcast: { doc: 'Broadcast address (dotted quad, + or -).' },
  metric: { doc: 'Metric of the default route.' },
  gateway: { doc: 'Default gateway: `ip route add default via …`.' },
  pointopoint: { doc: 'Address of the other end (`peer` of the address command).' },
  hwaddress: { doc: 'Link-layer address or "random".' },
  mtu: { doc: 'MTU: `ip link set dev IFACE mtu N up`.' },
  scope: { doc: 'Address scope: global, link, host.', values: ['global', 'link', 'host'] },
};

const STATIC6: Record<string, OptionDoc> = {
  address: { doc: 'Address (colon delimited, `/bits`).', required: true },
  netmask: { doc: 'Prefix length (bits; deprecated).' },
  metric: { doc: 'Metric of the default route.' },
  gateway: { doc: 'Default gateway: `ip -6 route replace default via …`.' },
  media: { doc: 'Medium type.' },
  hwaddress: { doc: 'Hardware address or "random".' },
  mtu: { doc: 'MTU.' },
  accept_ra: { doc: 'Accept router advertisements (0, 1, 2).' },
  autoconf: { doc: 'Stateless autoconfiguration (0, 1).' },
  privext: { doc: 'Privacy extensions (0, 1, 2).' },
  scope: { doc: 'Address scope.' },
  'preferred-lifetime': { doc: 'Preferred lifetime of the address.' },
  'dad-attempts': { doc: 'DAD attempts.' },
  'dad-interval': { doc: 'DAD polling interval.' },
};

const MANUAL: Record<string, OptionDoc> = { hwaddress: { doc: 'Hardware address.' }, mtu: { doc: 'MTU.' } };

/** family → method → options (0.8.41). Methods whose options Tunnel Lens does not model have none listed. */
export const METHODS: Record<Family, Record<string, Record<string, OptionDoc>>> = {
  inet: { loopback: {}, static: STATIC4, manual: MANUAL, dhcp: {}, bootp: {}, tunnel: TUNNEL4, ppp: {}, wvdial: {}, ipv4ll: {} },
  inet6: {
    auto: {}, loopback: {}, static: STATIC6, manual: MANUAL, dhcp: {}, tunnel: TUNNEL6,
    v4tunnel: { address: STATIC6.address, netmask: STATIC6.netmask, endpoint: { doc: 'Remote IPv4 address.', required: true }, local: { doc: 'Local IPv4 address.' }, metric: STATIC6.metric, gateway: STATIC6.gateway, ttl: TUNNEL4.ttl, mtu: TUNNEL4.mtu, 'preferred-lifetime': STATIC6['preferred-lifetime'] },
    '6to4': { local: { doc: 'Local IPv4 address.', required: true }, metric: STATIC6.metric, ttl: TUNNEL4.ttl, mtu: TUNNEL4.mtu, 'preferred-lifetime': STATIC6['preferred-lifetime'] },
  },
};

/** Address families ifupdown knows besides inet/inet6 (outside what Tunnel Lens models). */
export const OTHER_FAMILIES = ['ipx', 'can'];

/** Command options (interfaces(5) IFACE OPTIONS): when they run. */
export const COMMAND_OPTIONS: Record<string, 'pre' | 'post' | 'down'> = {
  'pre-up': 'pre',
  up: 'post',
  'post-up': 'post',
  down: 'down',
  'pre-down': 'down',
  'post-down': 'down',
};

export const COMMAND_DOCS: Record<string, string> = {
  'pre-up': 'Runs before the method creates or configures the interface; if it fails, ifup gives up.',
  up: 'Runs after the method (same as post-up). `ip` commands here are read: a change of the tunnel (`ip link set dev $IFACE type ip6gre encaplimit none`) applies after the device is up.',
  'post-up': 'Runs after the method (same as up).',
  down: 'Runs before the interface goes down.',
  'pre-down': 'Runs before the interface goes down.',
  'post-down': 'Runs after the interface went down.',
};

/** Options every stanza takes besides its method's. */
export const GENERAL_OPTIONS: Record<string, OptionDoc> = {
  inherits: { doc: 'Takes the options of the named template stanza first.' },
  description: { doc: 'Free text.' },
  'hwaddress': { doc: 'Hardware address.' },
};

// ---- ifupdown-ng ------------------------------------------------------------------------------

/** Tokens ifupdown-ng's parser rewrites before storing (libifupdown/interface-file.c). */
export const NG_REMAPS: Record<string, string> = {
  endpoint: 'tunnel-remote',
  local: 'tunnel-local',
  mode: 'tunnel-mode',
  ttl: 'tunnel-ttl',
  key: 'tunnel-key',
  'tunnel-endpoint': 'tunnel-remote',
  'tunnel-physdev': 'tunnel-dev',
};

/** interfaces-tunnel(5) options. */
export const NG_TUNNEL_OPTIONS: Record<string, OptionDoc> = {
  'tunnel-mode': { doc: 'Tunnel mode (gre, ipip, sit, ip6gre, ip6ip6, ipip6, vti, vti6, gretap, ip6gretap): `ip -4|-6 tunnel add IFACE mode …`.', required: true, values: ['ip6gre', 'ip6ip6', 'ipip6', 'gre', 'ipip', 'sit', 'vti', 'vti6', 'gretap', 'ip6gretap'] },
  'tunnel-local': { doc: 'Local outer address (`local`). Required unless tunnel-local-dev is given.' },
  'tunnel-local-dev': { doc: 'Interface whose address is the local outer address, looked up when the tunnel is created.' },
  'tunnel-remote': { doc: 'Remote outer address (`remote`).', required: true },
  'tunnel-dev': { doc: 'Underlying device (`dev`).' },
  'tunnel-ttl': { doc: 'TTL / hop limit (`ttl`).' },
  'tunnel-hoplimit': { doc: 'Hop limit (`hoplimit`).' },
  'tunnel-encaplimit': { doc: 'RFC 2473 Tunnel Encapsulation Limit (`encaplimit`): `none` removes the 8-byte Destination Options header; without it iproute2 sets 4. (The classic spelling `encaplimit` is dropped by ifupdown-ng.)', values: ['none', '4'] },
  'tunnel-encap': { doc: 'UDP encapsulation (fou, gue, none), not the encapsulation limit.', values: ['fou', 'gue', 'none'] },
  'tunnel-key': { doc: 'GRE key (`key`).' },
  'tunnel-ikey': { doc: 'GRE input key (`ikey`).' },
  'tunnel-okey': { doc: 'GRE output key (`okey`).' },
  'tunnel-tos': { doc: 'Type of service (`tos`).' },
  'tunnel-ignore-df': { doc: 'yes/no: `ignore-df` / `noignore-df`.', values: ['yes', 'no'] },
  'tunnel-pmtudisc': { doc: 'yes/no: `pmtudisc` / `nopmtudisc`.', values: ['yes', 'no'] },
};

/** ifupdown-ng's boolean switches (the executor turns them into flag words). */
export const NG_SWITCHES: Record<string, [string, string]> = {
  'tunnel-ignore-df': ['ignore-df', 'noignore-df'],
  'tunnel-pmtudisc': ['pmtudisc', 'nopmtudisc'],
};

/** ifupdown-ng options outside the tunnel executor that are known (not judged). */
export const NG_OTHER_OPTIONS = ['use', 'requires', 'inherits', 'address', 'gateway', 'mtu', 'netmask', 'hwaddress', 'link-type', 'link-kind'];

