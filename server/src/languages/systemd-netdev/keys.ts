// The .netdev keys a tunnel uses (man systemd.netdev, systemd 252; docs/reference/ifcfg.md §5).
import type { IniKeyDoc, IniKeyTable } from '../shared/iniFeatures';

export const TUNNEL_KINDS = ['ip6gre', 'ip6gretap', 'ip6tnl', 'gre', 'gretap', 'ipip', 'sit', 'vti', 'vti6', 'erspan', 'ip6erspan'];

export const NETDEV_KEYS: IniKeyTable = {
  Match: {
    Host: { doc: 'Match the host name.' },
    Virtualization: { doc: 'Match virtualization.' },
    KernelCommandLine: { doc: 'Match a kernel command line option.' },
    KernelVersion: { doc: 'Match the kernel version.' },
    Architecture: { doc: 'Match the architecture.' },
    Credential: { doc: 'Match a credential.' },
    Firmware: { doc: 'Match firmware.' },
  },
  NetDev: {
    Name: { doc: 'Interface name (at most 15 characters).' },
    Kind: { doc: 'Netdev kind; the tunnel kinds are ip6gre, ip6gretap, ip6tnl, gre, gretap, ipip, sit, vti, vti6.', values: [...TUNNEL_KINDS, 'bridge', 'bond', 'vlan', 'dummy', 'wireguard', 'xfrm', 'vxlan', 'macvlan'] },
    Description: { doc: 'Free text.' },
    MTUBytes: { doc: 'MTU of the device (K, M suffixes allowed). Without it the kernel computes the tunnel MTU.' },
    MACAddress: { doc: 'MAC address.' },
  },
  Tunnel: {
    Local: { doc: 'Local outer address (or `any`, `ipv4_link_local`, …).' },
    Remote: { doc: 'Remote outer address (or `any`).' },
    Key: { doc: 'GRE/VTI key (input and output): a number or a dotted quad.' },
    InputKey: { doc: 'GRE/VTI input key.' },
    OutputKey: { doc: 'GRE/VTI output key.' },
    TTL: { doc: 'Outer TTL / hop limit (0 = inherit).' },
    TOS: { doc: 'Type of service.' },
    DiscoverPathMTU: { doc: 'Path MTU discovery.', values: ['yes', 'no'] },
    IPv6FlowLabel: { doc: 'Flow label for ip6 tunnels (`inherit` or 0..1048575).' },
    CopyDSCP: { doc: 'Copy DSCP from the inner packet (ip6 tunnels).', values: ['yes', 'no'] },
    EncapsulationLimit: {
      doc: 'RFC 2473 Tunnel Encapsulation Limit for ip6 tunnels: 0..255 or `none` (default 4). Only `none` removes the 8-byte Destination Options header. For ip6gre networkd sends only the `none` flag: a number is ignored and the kernel default 0 applies (source reading).',
      values: ['none', '4'],
    },
    Mode: { doc: 'ip6tnl mode: ip6ip6, ipip6 or any.', values: ['ip6ip6', 'ipip6', 'any'] },
    Independent: { doc: 'The tunnel does not need an underlying interface.', values: ['yes', 'no'] },
    AssignToLoopback: { doc: 'Assign to the loopback device.', values: ['yes', 'no'] },
    AllowLocalRemote: { doc: 'Allow local and remote on the same host.', values: ['yes', 'no'] },
    FooOverUDP: { doc: 'FOU encapsulation.', values: ['yes', 'no'] },
    FOUDestinationPort: { doc: 'FOU destination port.' },
    FOUSourcePort: { doc: 'FOU source port.' },
    Encapsulation: { doc: 'FooOverUDP or GenericUDPEncapsulation.', values: ['FooOverUDP', 'GenericUDPEncapsulation'] },
    IPv6RapidDeploymentPrefix: { doc: '6rd prefix (sit).' },
    ISATAP: { doc: 'ISATAP (sit).', values: ['yes', 'no'] },
    SerializeTunneledPackets: { doc: 'GRE sequence numbers.', values: ['yes', 'no'] },
    ERSPANVersion: { doc: 'ERSPAN version.' },
    ERSPANIndex: { doc: 'ERSPAN index.' },
    External: { doc: 'Collect metadata mode.', values: ['yes', 'no'] },
  },
};

/** Sections of other netdev kinds: known, and outside what Tunnel Lens models (their keys are not judged). */
export const NETDEV_OTHER_SECTIONS: readonly string[] = [
  'Peer', 'VXLAN', 'Bond', 'Bridge', 'VLAN', 'WireGuard', 'WireGuardPeer', 'Xfrm', 'MACVLAN', 'FooOverUDP', 'L2TP', 'L2TPSession',
  'Tun', 'Tap', 'VRF', 'BatmanAdvanced', 'IPoIB', 'WLAN', 'MACsec', 'GENEVE', 'BareUDP', 'IPVLAN', 'IPVTAP', 'VXCAN',
];

// ---- .network files (man systemd.network, systemd 252; docs/reference/networkd-network.md) ------

const docs = (keys: string, doc = 'See systemd.network(5).'): Record<string, IniKeyDoc> => Object.fromEntries(keys.split(' ').map((k) => [k, { doc }]));

export const NETWORK_KEYS: IniKeyTable = {
  Match: {
    ...docs('MACAddress PermanentMACAddress Path Driver Type Kind Property WLANInterfaceType SSID BSSID Host Virtualization KernelCommandLine KernelVersion Credential Architecture Firmware', 'A [Match] condition (every one must hold).'),
    Name: { doc: 'Shell-style globs of the device names this file applies to (`!` inverts). The first .network by file name that matches a link is the one applied.' },
  },
  Link: {
    ...docs('MACAddress ARP Multicast AllMulticast Promiscuous Unmanaged Group RequiredForOnline RequiredFamilyForOnline ActivationPolicy VirtualFunction VLANId QualityOfService VLANProtocol MACSpoofCheck QueryReceiveSideScaling Trust LinkState'),
    MTUBytes: { doc: 'MTU set for the device (K, M, G to the base of 1024). For a tunnel it is set after networkd created the device from its .netdev, so it is the MTU in force (over the .netdev\'s MTUBytes= and the kernel\'s).' },
  },
  Network: {
    ...docs('Description DHCP DHCPServer LinkLocalAddressing IPv6LinkLocalAddressGenerationMode IPv6StableSecretAddress IPv4LLStartAddress IPv4LLRoute DefaultRouteOnDevice LLMNR MulticastDNS DNSOverTLS DNSSEC DNSSECNegativeTrustAnchors LLDP EmitLLDP BindCarrier DNS Domains DNSDefaultRoute NTP IPForward IPMasquerade IPv6PrivacyExtensions IPv6AcceptRA IPv6DuplicateAddressDetection IPv6HopLimit IPv4AcceptLocal IPv4RouteLocalnet IPv4ProxyARP IPv6ProxyNDP IPv6ProxyNDPAddress IPv6SendRA DHCPPrefixDelegation IPv6MTUBytes KeepMaster BatmanAdvanced Bond Bridge VRF IPoIB IPVLAN IPVTAP MACsec MACVLAN MACVTAP VLAN VXLAN Xfrm ActiveSlave PrimarySlave ConfigureWithoutCarrier IgnoreCarrierLoss KeepConfiguration'),
    Address: { doc: 'A static address with its prefix length (may repeat). On the uplink it is the host\'s address (pairing, %defaultroute); on a tunnel, an address inside it.' },
    Gateway: { doc: 'A gateway: a default route through this link (may repeat).' },
    Tunnel: { doc: 'A tunnel (.netdev Name=) created on this link; a tunnel without Independent=yes is created only when one names it.' },
  },
  Address: {
    ...docs('Peer Broadcast Label PreferredLifetime Scope RouteMetric HomeAddress DuplicateAddressDetection ManageTemporaryAddress AddPrefixRoute AutoJoin NetLabel'),
    Address: { doc: 'The address (mandatory in an [Address] section).' },
  },
  Route: {
    ...docs('GatewayOnLink Source Metric IPv6Preference Scope PreferredSource Table Protocol Type InitialCongestionWindow InitialAdvertisedReceiveWindow QuickAck FastOpenNoCookie TTLPropagate MTUBytes TCPAdvertisedMaximumSegmentSize TCPCongestionControlAlgorithm NextHop MultiPathRoute'),
    Gateway: { doc: 'The gateway; without Destination= the route is a default route.' },
    Destination: { doc: 'The destination prefix (default: the default route).' },
  },
};

/** Keys a .network may set more than once. */
export const NETWORK_REPEATABLE = new Set(['Address', 'Gateway', 'DNS', 'Domains', 'NTP', 'Tunnel', 'VLAN', 'MACVLAN', 'MACVTAP', 'IPVLAN', 'IPVTAP', 'VXLAN', 'Xfrm', 'MACsec', 'IPoIB', 'Name', 'MACAddress', 'Property', 'IPv6ProxyNDPAddress', 'DNSSECNegativeTrustAnchors', 'BindCarrier']);

/** Other .network sections: known, and outside what Tunnel Lens models. */
export const NETWORK_OTHER_SECTIONS: readonly string[] = [
  'Neighbor', 'IPv6AddressLabel', 'RoutingPolicyRule', 'NextHop', 'DHCPv4', 'DHCPv6', 'DHCPPrefixDelegation', 'IPv6AcceptRA', 'DHCPServer',
  'DHCPServerStaticLease', 'IPv6SendRA', 'IPv6Prefix', 'IPv6RoutePrefix', 'IPv6PREF64Prefix', 'Bridge', 'BridgeFDB', 'BridgeMDB', 'BridgeVLAN', 'LLDP', 'CAN',
  'IPoIB', 'QDisc', 'NetworkEmulator', 'TokenBucketFilter', 'PIE', 'FlowQueuePIE', 'StochasticFairBlue', 'StochasticFairnessQueueing', 'BFIFO', 'PFIFO',
  'PFIFOHeadDrop', 'PFIFOFast', 'CAKE', 'ControlledDelay', 'DeficitRoundRobinScheduler', 'DeficitRoundRobinSchedulerClass', 'EnhancedTransmissionSelection',
  'GenericRandomEarlyDetection', 'FairQueueingControlledDelay', 'FairQueueing', 'TrivialLinkEqualizer', 'HierarchyTokenBucket', 'HierarchyTokenBucketClass',
  'HeavyHitterFilter', 'QuickFairQueueing', 'QuickFairQueueingClass', 'SR-IOV',
];
