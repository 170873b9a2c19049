// The codec's two vocabularies: LayerSpec (what to build, outermost first) and Layer/Field (what was
// read, with absolute byte offsets). Layer names are the protocols' usual names (`IPv6`,
// `Destination Options`, `ESP`), as `tunnel-lens layout --format json` prints them (README).
import type { FindingCode } from '../server/src/core/codes';

import type { EspSa } from './espAlgorithms';

// ---------------------------------------------------------------- building

export interface EthernetSpec { kind: 'ethernet'; src?: string; dst?: string; etherType?: number }
export interface Ipv4Spec {
  kind: 'ipv4';
  src: string;
  dst: string;
  ttl?: number;
  id?: number;
  tos?: number;
  /** The 3 flag bits (2 = DF, 1 = MF). */
  flags?: number;
  /** Fragment offset in bytes (multiple of 8). */
  fragmentOffset?: number;
  protocol?: number;
  options?: Uint8Array;
}
export interface Ipv6Spec {
  kind: 'ipv6';
  src: string;
  dst: string;
  hopLimit?: number;
  trafficClass?: number;
  flowLabel?: number;
  nextHeader?: number;
}
export interface Ipv6Option {
  /** 0 = Pad1 (no length/data), 1 = PadN, 4 = Tunnel Encapsulation Limit, … */
  type: number;
  data?: Uint8Array;
}
export interface Ipv6OptionsSpec {
  kind: 'hopbyhop' | 'dstopts';
  /** Shortcut for the Linux ip6_tnl header: TEL option with this value + PadN(1) = 8 bytes. */
  encapLimit?: number;
  options?: Ipv6Option[];
  nextHeader?: number;
}
export interface RoutingSpec { kind: 'routing'; routingType: number; segmentsLeft: number; data?: Uint8Array; nextHeader?: number }
export interface FragmentSpec { kind: 'fragment'; id: number; offset?: number; more?: boolean; nextHeader?: number }
export interface GreSpec { kind: 'gre'; checksum?: boolean; key?: number; seq?: number; protocol?: number }
export interface EspSpec {
  kind: 'esp';
  sa: EspSa;
  seq: number;
  /** Explicit IV; default: a deterministic one derived from SPI and seq (a sample, not a secret). */
  iv?: Uint8Array;
  /** ESP trailer next header; default from the following layer (4/41 = tunnel mode). */
  nextHeader?: number;
}
export interface UdpSpec { kind: 'udp'; srcPort: number; dstPort: number }
export interface TcpSpec {
  kind: 'tcp';
  srcPort: number;
  dstPort: number;
  seq?: number;
  ack?: number;
  /** Flag bits (0x02 SYN, 0x10 ACK, …). */
  flags?: number;
  window?: number;
  urgent?: number;
  options?: Uint8Array;
}
export interface IcmpSpec { kind: 'icmp' | 'icmpv6'; type?: number; code?: number; id?: number; seq?: number }
export interface RawSpec { kind: 'raw'; data: Uint8Array }

export type LayerSpec =
  | EthernetSpec
  | Ipv4Spec
  | Ipv6Spec
  | Ipv6OptionsSpec
  | RoutingSpec
  | FragmentSpec
  | GreSpec
  | EspSpec
  | UdpSpec
  | TcpSpec
  | IcmpSpec
  | RawSpec;

// ---------------------------------------------------------------- reading

export type LayerId =
  | 'ethernet'
  | 'vlan'
  | 'ipv4'
  | 'ipv6'
  | 'hopbyhop'
  | 'dstopts'
  | 'routing'
  | 'fragment'
  | 'gre'
  | 'esp'
  | 'esp-encrypted'
  | 'esp-trailer'
  | 'esp-icv'
  | 'udp'
  | 'tcp'
  | 'icmp'
  | 'icmpv6'
  | 'payload';

export const LAYER_NAMES: Readonly<Record<LayerId, string>> = {
  ethernet: 'Ethernet',
  vlan: '802.1Q VLAN',
  ipv4: 'IPv4',
  ipv6: 'IPv6',
  hopbyhop: 'Hop-by-Hop Options',
  dstopts: 'Destination Options',
  routing: 'Routing',
  fragment: 'Fragment',
  gre: 'GRE',
  esp: 'ESP',
  'esp-encrypted': 'ESP Payload (encrypted)',
  'esp-trailer': 'ESP Trailer',
  'esp-icv': 'ESP ICV',
  udp: 'UDP',
  tcp: 'TCP',
  icmp: 'ICMP',
  icmpv6: 'ICMPv6',
  payload: 'Payload',
};

export interface Field {
  name: string;
  /** Absolute offset in the packet (bit fields give the byte(s) that hold them). */
  offset: number;
  length: number;
  value: string | number;
}

export interface Layer {
  id: LayerId;
  name: string;
  offset: number;
  /** Header length (for ESP trailer/ICV: their own length; for Payload: the data). */
  length: number;
  fields: Field[];
  /** Inside ESP: the fields were read from the decrypted bytes. */
  encrypted?: boolean;
}

/** Something a reader of the packet must know (the founding case, a bad checksum, …). */
export interface PacketNote {
  code: FindingCode;
  severity: 'error' | 'warning' | 'info';
  message: string;
  offset?: number;
}

export interface DecodedPacket {
  /** The bytes as captured. */
  wire: Uint8Array;
  /** The same bytes with every decrypted ESP payload in place of its ciphertext (same offsets). */
  clear: Uint8Array;
  layers: Layer[];
  notes: PacketNote[];
  /** Problems reading the packet; decoding stops at the first and keeps what it read. */
  errors: string[];
  esp?: { spi: number; seq: number; decrypted: boolean; icvGood?: boolean; nextHeader?: number; padLength?: number; mode?: 'transport' | 'tunnel' };
}
