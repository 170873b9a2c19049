// The .netdev keys a tunnel uses (man systemd.netdev, systemd 252; docs/reference/ifcfg.md §5).
import type { IniKeyTable } from '../shared/iniFeatures';

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
