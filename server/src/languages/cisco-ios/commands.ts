// Command tables of the IOS modes Tunnel Lens models. They serve three jobs at once: resolving
// abbreviations (IOS accepts any unique prefix: `int tun 1`, `encr`), deciding whether an
// unindented line of a config-mode paste still belongs to the open sub-mode (IOS tries the current
// mode first, then its parents), and completion/hover text. Unmodeled commands never produce
// findings, so the tables only need to be complete enough to keep pastes in the right mode
// (docs/reference/ios-grammar.md §2). The algorithm values come from model/iosTransforms.ts.
import {
  IKEV2_ENCRYPTION, IKEV2_HASH_WORDS, IOS_DH_GROUP_NUMBERS, IOS_PFS_VALUES, ISAKMP_ENCRYPTION_VALUES, ISAKMP_HASH_WORDS,
} from '../../model/iosTransforms';

export type ModeId =
  | 'global'
  | 'interface'
  | 'isakmp-policy'
  | 'isakmp-profile'
  | 'keyring'
  | 'ikev2-proposal'
  | 'ikev2-policy'
  | 'ikev2-keyring'
  | 'ikev2-keyring-peer'
  | 'ikev2-profile'
  | 'transform-set'
  | 'ipsec-profile'
  | 'crypto-map'
  | 'acl-ext'
  | 'acl-std'
  | 'ipv6-acl'
  | 'cert-chain'
  | 'unmodeled';

/** Modes whose lines Tunnel Lens understands; findings are only ever reported inside them. */
export const MODELED_MODES: ReadonlySet<ModeId> = new Set<ModeId>([
  'interface', 'isakmp-policy', 'isakmp-profile', 'keyring', 'ikev2-proposal', 'ikev2-policy', 'ikev2-keyring',
  'ikev2-keyring-peer', 'ikev2-profile', 'transform-set', 'ipsec-profile', 'crypto-map', 'acl-ext', 'acl-std', 'ipv6-acl',
]);

export interface Kw {
  doc?: string;
  sub?: KwTable;
  /** Completion values of the first argument. */
  values?: readonly string[];
  /** The first argument names an object of this symbol kind (completion offers the defined names). */
  ref?: string;
  /** Only the full word matches (for keywords listed only to keep pastes in their mode). */
  exact?: boolean;
  opens?: ModeId;
}
export type KwTable = Readonly<Record<string, Kw>>;

/**
 * Keywords listed only so that a paste stays in its mode; no doc, exact match. Tunnel Lens reads
 * nothing from them: their lines are outside the model (extract/dispatch.ts).
 */
function known(...words: string[]): Record<string, Kw> {
  const t: Record<string, Kw> = {};
  for (const w of words) t[w] = { exact: true };
  return t;
}


export const TUNNEL_MODE_TABLE: KwTable = {
  gre: {
    doc: 'Generic Routing Encapsulation (IP protocol 47).',
    sub: {
      ip: { doc: 'GRE over IPv4 (the IOS default tunnel mode).' },
      ipv6: { doc: 'GRE over IPv6 (Linux ip6gre).' },
      multipoint: { doc: 'Multipoint GRE (DMVPN); no tunnel destination.', sub: { ipv6: { doc: 'mGRE over IPv6.' } } },
    },
  },
  ipsec: {
    doc: 'Static virtual tunnel interface (VTI): IPsec tunnel mode, no GRE.',
    sub: {
      ipv4: { doc: 'IPv4 VTI.', sub: { 'v6-overlay': { doc: 'IPv6 passengers over an IPv4 VTI.' } } },
      ipv6: { doc: 'IPv6 VTI.', sub: { 'v4-overlay': { doc: 'IPv4 passengers over an IPv6 VTI.' } } },
    },
  },
  ipip: { doc: 'IP in IP (RFC 2003), IPv4 outer.', sub: { 'decapsulate-any': {} } },
  ipv6: { doc: 'Generic IPv6 tunnelling (RFC 2473): IPv4 or IPv6 passengers over IPv6 (Linux ip6tnl).' },
  ipv6ip: {
    doc: 'IPv6 over IPv4 (RFC 4213, Linux sit).',
    sub: { '6rd': {}, '6to4': {}, isatap: {}, 'auto-6rd': {}, 'auto-6to4': {}, 'auto-isatap': {} },
  },
  mpls: { doc: 'MPLS traffic engineering.', sub: { 'traffic-eng': { sub: { multilsp: {}, 'point-to-multipoint': {} } } } },
  ethernet: { doc: 'Ethernet over GRE or L2TPv3.', sub: { gre: { sub: { ipv4: {}, ipv6: {} } }, l2tpv3: { sub: { manual: {} } } } },
  udp: { doc: 'UDP tunnel.', sub: { ip: {}, ipv6: {}, multipoint: {} } },
  vxlan: { doc: 'VXLAN.', sub: { ipv4: {}, ipv6: {} } },
  'vxlan-gpe': { doc: 'VXLAN-GPE.' },
  sdwan: { doc: 'SD-WAN tunnel.' },
  ...known('aurp', 'cayman', 'dvmrp', 'eon', 'iptalk', 'nos', 'rbscp', 'tag-switching', 'l3vpn', 'nve', 'ethernet-gre'),
};

const INTERFACE_IP: KwTable = {
  address: { doc: 'Primary (or `secondary`) IPv4 address and netmask; the tunnel\'s inner address on a Tunnel interface.' },
  mtu: { doc: 'IPv4 MTU of the interface (68–18000). On a tunnel: the largest inner IPv4 packet before fragmentation.' },
  tcp: { sub: { 'adjust-mss': { doc: 'Clamp the TCP MSS of SYNs crossing the interface (500–1460); usually ip mtu − 40.' } } },
  ...known('nat', 'ospf', 'pim', 'nhrp', 'helper-address', 'policy', 'virtual-reassembly', 'vrf', 'access-group', 'redirects',
    'unreachables', 'proxy-arp', 'flow', 'igmp', 'nbar', 'summary-address', 'authentication', 'hello-interval', 'hold-time',
    'split-horizon', 'verify', 'route-cache', 'directed-broadcast', 'mroute-cache', 'unnumbered', 'rip', 'bandwidth-percent',
    'load-sharing', 'cgmp', 'mask-reply', 'information-reply', 'accounting', 'irdp', 'wccp', 'router', 'multicast', 'admission',
    'inspect', 'ips', 'mfib', 'ddns', 'local-proxy-arp', 'security', 'sap', 'dampening-change', 'dampening-interval', 'ospf',
    'eigrp', 'bgp', 'summary', 'next-hop-self', 'header-compression', 'rtp', 'urd', 'sticky-arp', 'gratuitous-arps',
    'port-unreachable', 'dhcp'),
};

const INTERFACE_IPV6: KwTable = {
  address: { doc: 'An IPv6 address with prefix length (or `autoconfig`, `dhcp`, `link-local`).' },
  mtu: { doc: 'IPv6 MTU of the interface (1280–9976).' },
  crypto: { sub: { map: { doc: 'Bind an IPv6 crypto map (`crypto map ipv6 NAME`) to this interface.', ref: 'crypto-map' } } },
  tcp: { sub: { 'adjust-mss': { doc: 'Clamp the TCP MSS of IPv6 SYNs.' } } },
  ...known('enable', 'nd', 'ospf', 'eigrp', 'traffic-filter', 'unnumbered', 'dhcp', 'nhrp', 'redirects', 'unreachables', 'rip',
    'pim', 'mld', 'verify', 'virtual-reassembly', 'flow', 'policy', 'inspect', 'router', 'summary-address', 'split-horizon',
    'hello-interval', 'hold-time', 'authentication', 'bandwidth-percent', 'cef', 'mfib', 'multicast', 'bfd', 'dampening'),
};

const TUNNEL_SUB: KwTable = {
  source: { doc: 'Outer source: an address, or an interface whose address is used.', ref: 'interface' },
  destination: { doc: 'Outer destination: the peer\'s address (IPv4 or IPv6, matching `tunnel mode`).' },
  mode: { doc: 'Encapsulation of the tunnel (default `gre ip`).', sub: TUNNEL_MODE_TABLE },
  key: { doc: 'GRE key (0–4294967295); both ends must agree.' },
  protection: {
    doc: 'Protect the tunnel with IPsec.',
    sub: { ipsec: { sub: { profile: { doc: 'The `crypto ipsec profile` that protects this tunnel.', ref: 'ipsec-profile' } } } },
  },
  ...known('vrf', 'path-mtu-discovery', 'ttl', 'bandwidth', 'checksum', 'sequence-datagrams', 'tos', 'route-via', 'df', 'entropy',
    'rbscp', 'udlr', 'flow', 'endpoint', 'fast-convergence', 'ipv6ip'),
};

export const INTERFACE_TABLE: KwTable = {
  ip: { sub: INTERFACE_IP },
  ipv6: { sub: INTERFACE_IPV6 },
  tunnel: { doc: 'Tunnel interface settings.', sub: TUNNEL_SUB },
  crypto: { sub: { map: { doc: 'Bind an IPv4 crypto map to this interface.', ref: 'crypto-map' }, ...known('ipsec', 'isakmp') } },
  description: { doc: 'Free text.' },
  shutdown: { doc: 'Administratively disable the interface.' },
  mtu: { doc: 'Layer-3 MTU of the interface (the underlay MTU of tunnels sourced from it).' },
  keepalive: { doc: 'GRE keepalives: period and retries.' },
  ...known('bandwidth', 'delay', 'encapsulation', 'duplex', 'speed', 'negotiation', 'switchport', 'standby', 'vrrp', 'service-policy',
    'cdp', 'load-interval', 'media-type', 'pppoe', 'pppoe-client', 'dialer', 'dialer-group', 'ppp', 'channel-group', 'vrf', 'zone-member',
    'arp', 'mpls', 'isis', 'authentication', 'dot1x', 'spanning-tree', 'storm-control', 'logging', 'carrier-delay', 'hold-queue',
    'qos', 'snmp', 'mac-address', 'pvc', 'dsl', 'vlan-id', 'tx-ring-limit', 'fair-queue', 'clock', 'serial', 'frame-relay', 'x25',
    'lapb', 'smds', 'atm', 'nameif', 'security-level', 'ospfv3', 'bfd', 'lldp', 'macsec', 'ethernet', 'source', 'priority-queue',
    'random-detect', 'custom-queue', 'no', 'default', 'power', 'auto', 'udld', 'flowcontrol', 'trust', 'mls', 'platform', 'hsrp',
    'glbp', 'dampening', 'ntp', 'backup', 'nat', 'ppp', 'peer', 'compress', 'cable', 'pos', 'transmit-interface', 'nhrp',
    'member', 'ethernet', 'lacp', 'port-channel', 'access-expression', 'l2protocol-tunnel', 'xconnect', 'service', 'rate-limit',
    'traffic-shape', 'max-reserved-bandwidth', 'physical-layer', 'l2tp', 'wrr-queue', 'bridge-group', 'cts', 'device-tracking',
    'offset-list', 'exit-if'),
};

const ISAKMP_POLICY_TABLE: KwTable = {
  encryption: { doc: 'IKEv1 cipher: `des`, `3des`, `aes [128|192|256]` (show-run prints `encr`). IOS default: DES.', values: ISAKMP_ENCRYPTION_VALUES },
  hash: { doc: 'IKEv1 hash: `md5`, `sha`, `sha256`, `sha384`, `sha512`. IOS default: SHA-1.', values: ISAKMP_HASH_WORDS },
  authentication: { doc: 'IKEv1 authentication: `pre-share`, `rsa-sig`, `rsa-encr`. IOS default: rsa-sig.', values: ['pre-share', 'rsa-sig', 'rsa-encr'] },
  group: { doc: 'IKEv1 Diffie-Hellman group. IOS default: group 1 (768-bit).', values: IOS_DH_GROUP_NUMBERS },
  lifetime: { doc: 'IKEv1 SA lifetime in seconds (60–86400). IOS default: 86400.' },
};

const ISAKMP_PROFILE_TABLE: KwTable = {
  keyring: { doc: 'The `crypto keyring` holding the pre-shared keys of this profile.', ref: 'keyring' },
  match: { doc: 'Which peers use this profile.', sub: { identity: { sub: { address: {}, host: {}, 'user-fqdn': {} } }, certificate: {} } },
  'self-identity': { doc: 'Local IKE identity.' },
  'local-address': { doc: 'Local IKE address or interface.', ref: 'interface' },
  keepalive: { doc: 'Dead peer detection.' },
  lifetime: { doc: 'IKEv1 SA lifetime in seconds.' },
  vrf: { doc: 'Inside VRF.' },
  ...known('ca', 'initiate', 'isakmp', 'client', 'accounting', 'virtual-template', 'qos-group', 'description'),
};

const KEYRING_TABLE: KwTable = {
  'pre-shared-key': { doc: 'A pre-shared key for a peer address or hostname (the key itself is never shown).', sub: { address: {}, hostname: {} } },
  'local-address': { doc: 'Local address or interface this keyring applies to.', ref: 'interface' },
  ...known('description', 'rsa-pubkey'),
};

const IKEV2_PROPOSAL_TABLE: KwTable = {
  encryption: { doc: 'IKEv2 ciphers, in preference order (several on one line).', values: Object.keys(IKEV2_ENCRYPTION) },
  integrity: { doc: 'IKEv2 integrity algorithms (not with AES-GCM).', values: IKEV2_HASH_WORDS },
  group: { doc: 'IKEv2 Diffie-Hellman groups, in preference order.', values: IOS_DH_GROUP_NUMBERS },
  prf: { doc: 'IKEv2 pseudo-random functions (required with AES-GCM; otherwise the integrity algorithms are used).', values: IKEV2_HASH_WORDS },
};

const IKEV2_POLICY_TABLE: KwTable = {
  proposal: { doc: 'An IKEv2 proposal of this policy (repeatable; order is preference).', ref: 'ikev2-proposal' },
  match: { doc: 'Which local addresses or front-door VRFs use this policy.', sub: { address: { sub: { local: {} } }, fvrf: {}, 'inbound-only': {} } },
  ...known('description'),
};

const IKEV2_KEYRING_TABLE: KwTable = {
  peer: { doc: 'A peer of this keyring (a sub-mode).', opens: 'ikev2-keyring-peer' },
  ...known('description'),
};

const IKEV2_KEYRING_PEER_TABLE: KwTable = {
  address: { doc: 'The peer\'s address (with mask or prefix length).' },
  hostname: { doc: 'The peer\'s host name.' },
  identity: { doc: 'The peer\'s IKE identity.', sub: { address: {}, fqdn: {}, email: {}, 'key-id': {} } },
  'pre-shared-key': { doc: 'The pre-shared key (`local`/`remote` for asymmetric keys); never shown.', sub: { local: {}, remote: {} } },
  description: { doc: 'Free text.' },
};

const IKEV2_PROFILE_TABLE: KwTable = {
  match: {
    doc: 'Which peers use this profile.',
    sub: {
      identity: { sub: { remote: { sub: { address: {}, fqdn: {}, email: {}, 'key-id': {}, any: {} } } } },
      address: { sub: { local: { sub: { interface: { ref: 'interface' } } } } },
      fvrf: {},
      certificate: {},
    },
  },
  identity: { doc: 'Local IKE identity.', sub: { local: { sub: { address: {}, fqdn: {}, email: {}, 'key-id': {}, dn: {} } } } },
  authentication: {
    doc: 'Authentication method for each direction.',
    sub: {
      local: { sub: { 'pre-share': {}, 'rsa-sig': {}, 'ecdsa-sig': {}, eap: {} } },
      remote: { sub: { 'pre-share': {}, 'rsa-sig': {}, 'ecdsa-sig': {}, eap: {} } },
    },
  },
  keyring: { doc: 'Where the pre-shared keys come from.', sub: { local: { doc: 'A `crypto ikev2 keyring`.', ref: 'ikev2-keyring' }, aaa: {} } },
  lifetime: { doc: 'IKEv2 SA lifetime in seconds (120–86400).' },
  dpd: { doc: 'Dead peer detection: interval, retry, on-demand|periodic.' },
  ivrf: { doc: 'Inside VRF.' },
  ...known('pki', 'virtual-template', 'aaa', 'description', 'nat', 'config-exchange', 'shutdown', 'redirect'),
};

const TRANSFORM_SET_TABLE: KwTable = {
  mode: {
    doc: 'IPsec mode of this transform set. IOS default: tunnel.',
    sub: {
      tunnel: { doc: 'ESP tunnel mode (the default): the whole packet is encrypted inside a new outer header.' },
      transport: { doc: 'ESP transport mode; IOS falls back to tunnel mode unless `require`.', sub: { require: { doc: 'No fallback to tunnel mode.' } } },
    },
  },
};

const SET_TABLE: KwTable = {
  'transform-set': { doc: 'Transform sets offered, in preference order.', ref: 'transform-set' },
  pfs: { doc: 'Perfect forward secrecy group for the child SAs (default: no PFS).', values: IOS_PFS_VALUES },
  'ikev2-profile': { doc: 'Negotiate with IKEv2 using this profile (without it IOS uses IKEv1).', ref: 'ikev2-profile' },
  'isakmp-profile': { doc: 'Negotiate with IKEv1 using this ISAKMP profile.', ref: 'isakmp-profile' },
  'security-association': { doc: 'SA lifetime and idle time.', sub: { lifetime: { sub: { seconds: {}, kilobytes: {}, days: {} } }, 'idle-time': {}, replay: {}, level: {} } },
  peer: { doc: 'Peer address (repeatable: later ones are failovers).' },
  ...known('reverse-route', 'nat', 'ip', 'ikev1', 'security-policy', 'mixed-mode', 'responder-only', 'default', 'dfbit', 'ecn', 'group'),
};

const IPSEC_PROFILE_TABLE: KwTable = {
  set: { sub: SET_TABLE },
  ...known('responder-only', 'description', 'dialer', 'redundancy'),
};

const CRYPTO_MAP_TABLE: KwTable = {
  set: { sub: SET_TABLE },
  match: { doc: 'Crypto ACL: the traffic this entry protects.', sub: { address: { doc: 'The crypto ACL (name or number).', ref: 'acl' } } },
  description: { doc: 'Free text.' },
  ...known('reverse-route', 'qos'),
};

const ACL_ENTRY_DOC = 'ACL entry: permit = protect (in a crypto ACL), deny = send in clear.';
const ACL_TABLE: KwTable = {
  permit: { doc: ACL_ENTRY_DOC },
  deny: { doc: ACL_ENTRY_DOC },
  remark: { doc: 'Comment.' },
  ...known('evaluate', 'dynamic', 'statistics', 'sequence'),
};

const GLOBAL_CRYPTO: KwTable = {
  isakmp: {
    sub: {
      policy: { doc: 'An IKEv1 policy; lower numbers are offered first.', opens: 'isakmp-policy' },
      key: { doc: 'An IKEv1 pre-shared key for a peer (`address A [mask]`, `address ipv6 P/len`, `hostname H`); never shown.' },
      profile: { doc: 'An IKEv1 (ISAKMP) profile.', opens: 'isakmp-profile' },
      ...known('keepalive', 'identity', 'nat', 'invalid-spi-recovery', 'aggressive-mode', 'enable', 'fragmentation', 'client', 'xauth', 'peer'),
    },
  },
  keyring: { doc: 'An IKEv1 keyring of pre-shared keys.', opens: 'keyring' },
  ikev2: {
    sub: {
      proposal: { doc: 'An IKEv2 proposal (`default` edits the smart default).', opens: 'ikev2-proposal' },
      policy: { doc: 'An IKEv2 policy: which proposals are offered for which local address.', opens: 'ikev2-policy' },
      keyring: { doc: 'An IKEv2 keyring of peers and pre-shared keys.', opens: 'ikev2-keyring' },
      profile: { doc: 'An IKEv2 profile: identities, authentication, keyring.', opens: 'ikev2-profile' },
      ...known('dpd', 'nat', 'cookie-challenge', 'limit', 'window', 'diagnose', 'http-url', 'fragmentation', 'authorization', 'client', 'redirect', 'certificate-cache', 'enable'),
    },
  },
  ipsec: {
    sub: {
      'transform-set': { doc: 'An IPsec transform set: `esp-<cipher> [bits] esp-<hash>-hmac`; sub-mode `mode`.', opens: 'transform-set' },
      profile: { doc: 'An IPsec profile for `tunnel protection`.', opens: 'ipsec-profile' },
      'security-association': { doc: 'Global SA settings (lifetime default 3600 s).', sub: { lifetime: { sub: { seconds: {}, kilobytes: {} } }, replay: {}, 'idle-time': {} } },
      ...known('df-bit', 'fragmentation', 'nat-transparency', 'client', 'optional'),
    },
  },
  map: { doc: 'A crypto map entry (`crypto map [ipv6] NAME SEQ ipsec-isakmp`).', opens: 'crypto-map', sub: { ipv6: { exact: true } } },
  'dynamic-map': { doc: 'A dynamic crypto map entry (responder only).', opens: 'crypto-map' },
  pki: { sub: { trustpoint: { opens: 'unmodeled' }, certificate: { sub: { chain: { opens: 'cert-chain' }, map: { opens: 'unmodeled' } } }, ...known('trustpool', 'server', 'token', 'profile', 'crl') } },
  ca: { sub: { trustpoint: { opens: 'unmodeled' }, certificate: { sub: { chain: { opens: 'cert-chain' }, map: { opens: 'unmodeled' } } }, ...known('trustpool', 'server', 'identity') } },
  key: { sub: { 'pubkey-chain': { opens: 'unmodeled' }, ...known('generate', 'import', 'export', 'zeroize', 'decrypt', 'encrypt') } },
  ...known('engine', 'call', 'gdoi', 'logging', 'vpn', 'ikev1', 'csr-params', 'mib', 'ctcp'),
};

export const GLOBAL_TABLE: KwTable = {
  interface: { doc: 'An interface (`interface Tunnel20`; `range` for several).', opens: 'interface' },
  crypto: { sub: GLOBAL_CRYPTO },
  ip: {
    sub: {
      'access-list': {
        sub: {
          extended: { doc: 'A named extended IPv4 ACL.', opens: 'acl-ext' },
          standard: { doc: 'A named standard IPv4 ACL.', opens: 'acl-std' },
          ...known('logging', 'log-update', 'resequence', 'role-based'),
        },
      },
      ...known('route', 'routing', 'domain-name', 'domain', 'name-server', 'cef', 'http', 'ssh', 'scp', 'host', 'prefix-list', 'classless',
        'subnet-zero', 'multicast-routing', 'sla', 'vrf', 'nat', 'dhcp', 'flow-export', 'ftp', 'tftp', 'bootp', 'source-route', 'finger',
        'forward-protocol', 'as-path', 'community-list', 'explicit-path', 'local', 'tcp', 'icmp', 'default-gateway', 'default-network',
        'extcommunity-list', 'radius', 'tacacs', 'options', 'inspect', 'ips', 'wccp', 'gratuitous-arps', 'auth-proxy', 'admission',
        'igmp', 'pim', 'msdp', 'mroute', 'rcmd', 'telnet', 'identd', 'accounting-threshold', 'accounting-list', 'dns', 'device',
        'arp', 'bgp-community', 'ospf', 'policy-list'),
    },
  },
  ipv6: {
    sub: {
      'access-list': { doc: 'A named IPv6 ACL.', opens: 'ipv6-acl' },
      ...known('route', 'unicast-routing', 'prefix-list', 'cef', 'dhcp', 'router', 'local', 'host', 'multicast-routing', 'general-prefix', 'nd', 'neighbor', 'pim', 'mld', 'icmp', 'source-route', 'hop-limit'),
    },
  },
  'access-list': { doc: 'A numbered ACL (1–99, 1300–1999 standard; 100–199, 2000–2699 extended).' },
  hostname: { doc: 'The router\'s name.' },
  version: { doc: 'The IOS train this config was written by (used for version-dependent defaults unless a `! tunnel-lens: ios X` directive or the tunnelLens.iosVersion setting says otherwise).' },
  banner: { doc: 'A banner: text between two delimiter characters.' },
  router: { doc: 'A routing process.', opens: 'unmodeled' },
  line: { doc: 'Terminal lines.', opens: 'unmodeled' },
  end: { doc: 'End of the configuration.' },
  ...known('service', 'logging', 'ntp', 'snmp-server', 'aaa', 'username', 'enable', 'boot', 'boot-start-marker', 'boot-end-marker',
    'clock', 'control-plane', 'key', 'class-map', 'policy-map', 'vrf', 'spanning-tree', 'vlan', 'license', 'archive', 'redundancy',
    'multilink', 'object-group', 'route-map', 'track', 'mpls', 'memory-size', 'no', 'default', 'dial-peer', 'voice', 'call-manager-fallback',
    'telephony-service', 'alias', 'scheduler', 'cdp', 'lldp', 'snmp', 'tacacs-server', 'radius-server', 'radius', 'tacacs', 'privilege',
    'security', 'login', 'netconf', 'restconf', 'parameter-map', 'zone', 'zone-pair', 'template', 'platform', 'diagnostic', 'mac',
    'errdisable', 'port-channel', 'system', 'card', 'controller', 'dot11', 'bridge', 'management-interface', 'vtp', 'udld', 'event',
    'kron', 'wsma', 'transceiver', 'subscriber', 'multicast', 'call', 'chat-script', 'dialer-list', 'ipc', 'frame-relay', 'global',
    'appfw', 'flow', 'sampler', 'sdm', 'virtual-service', 'monitor', 'mls', 'hw-module', 'eigrp',
    'shell', 'pseudowire-class', 'l2tp-class', 'l2vpn', 'bfd', 'bfd-template', 'segment-routing', 'cts', 'device-tracking',
    'ethernet', 'nat64', 'epm', 'process', 'file', 'exception', 'resource', 'fhrp', 'dns', 'netdump', 'warm-reboot',
    'power', 'stackwise-virtual', 'switch', 'authentication', 'dot1x', 'qos', 'table-map', 'username', 'nameif', 'ssh', 'http',
    'same-security-traffic', 'tunnel-group', 'group-policy', 'webvpn', 'names', 'name', 'pager', 'mtu', 'failover', 'asdm',
    'arp', 'route', 'timeout', 'telnet', 'console', 'threat-detection', 'dynamic-access-policy-record', 'prompt', 'call-home',
    'gateway', 'sip-ua', 'application', 'ivr', 'stcapp', 'voice-card', 'mgcp', 'ccm-manager', 'sccp', 'dspfarm'),
};

export const MODE_TABLES: Readonly<Record<ModeId, KwTable>> = {
  global: GLOBAL_TABLE,
  interface: INTERFACE_TABLE,
  'isakmp-policy': ISAKMP_POLICY_TABLE,
  'isakmp-profile': ISAKMP_PROFILE_TABLE,
  keyring: KEYRING_TABLE,
  'ikev2-proposal': IKEV2_PROPOSAL_TABLE,
  'ikev2-policy': IKEV2_POLICY_TABLE,
  'ikev2-keyring': IKEV2_KEYRING_TABLE,
  'ikev2-keyring-peer': IKEV2_KEYRING_PEER_TABLE,
  'ikev2-profile': IKEV2_PROFILE_TABLE,
  'transform-set': TRANSFORM_SET_TABLE,
  'ipsec-profile': IPSEC_PROFILE_TABLE,
  'crypto-map': CRYPTO_MAP_TABLE,
  'acl-ext': ACL_TABLE,
  'acl-std': ACL_TABLE,
  'ipv6-acl': ACL_TABLE,
  'cert-chain': { certificate: { doc: 'A certificate (hex lines up to `quit`).' } },
  unmodeled: {},
};

/** Human names of the modes (hover, outline). */
export const MODE_NAMES: Readonly<Record<ModeId, string>> = {
  global: 'global configuration',
  interface: 'interface',
  'isakmp-policy': 'ISAKMP (IKEv1) policy',
  'isakmp-profile': 'ISAKMP (IKEv1) profile',
  keyring: 'IKEv1 keyring',
  'ikev2-proposal': 'IKEv2 proposal',
  'ikev2-policy': 'IKEv2 policy',
  'ikev2-keyring': 'IKEv2 keyring',
  'ikev2-keyring-peer': 'IKEv2 keyring peer',
  'ikev2-profile': 'IKEv2 profile',
  'transform-set': 'IPsec transform set',
  'ipsec-profile': 'IPsec profile',
  'crypto-map': 'crypto map entry',
  'acl-ext': 'extended access list',
  'acl-std': 'standard access list',
  'ipv6-acl': 'IPv6 access list',
  'cert-chain': 'certificate chain',
  unmodeled: 'section',
};

/** Interface type names: what show-run prints, for resolving `int tun 1`, `gigabit1`, `fa0/0`. */
export const INTERFACE_TYPES: readonly string[] = [
  'Tunnel', 'GigabitEthernet', 'FastEthernet', 'Ethernet', 'TenGigabitEthernet', 'TwentyFiveGigE', 'FortyGigabitEthernet',
  'HundredGigE', 'Loopback', 'Vlan', 'Serial', 'Dialer', 'Virtual-Template', 'Virtual-Access', 'Port-channel', 'ATM', 'BVI',
  'Cellular', 'Null', 'Async', 'Multilink', 'POS', 'Wlan-GigabitEthernet', 'Embedded-Service-Engine', 'NVI', 'VirtualPortGroup',
  'AppGigabitEthernet', 'Management', 'mgmt', 'nve', 'LISP', 'BDI', 'Virtual-Ethernet', 'Ethernet-Internal', 'Port-channel',
  'Vif', 'Wlan', 'Bluetooth', 'CEM', 'Group-Async', 'Lex', 'MFR', 'Service-Engine', 'Tunnel-tp', 'VASILeft', 'VASIRight', 'Virtual-Dot11Radio', 'Dot11Radio',
];

/** Global words after which a paste has certainly left any sub-mode. */
export const SECTION_BREAKERS: ReadonlySet<string> = new Set([
  'interface', 'crypto', 'router', 'line', 'hostname', 'version', 'banner', 'access-list', 'control-plane', 'class-map',
  'policy-map', 'route-map', 'ntp', 'snmp-server', 'logging', 'username', 'aaa', 'service', 'boot', 'enable', 'vrf', 'key',
  'spanning-tree', 'vlan', 'object-group', 'track', 'dial-peer', 'license', 'archive', 'redundancy', 'ip', 'ipv6', 'end',
]);
