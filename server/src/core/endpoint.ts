// The normalized tunnel-endpoint model every dialect produces and every cross-peer check reads.
// Each value remembers whether it was written or defaulted, where, and by which version rule, so a
// message can say "IOS 15.7 default transform set" and point at the line.
import type { Range } from 'vscode-languageserver-types';

export interface Origin {
  /** 'written': in the file at uri/range. 'default': from a version rule. 'derived': computed. */
  source: 'written' | 'default' | 'derived';
  uri?: string;
  range?: Range;
  /** For defaults and derived values: the rule, e.g. "Libreswan 4.10 default ike=". */
  rule?: string;
}

export interface Valued<T> extends Origin {
  value: T;
}

export type Family = 'ipv4' | 'ipv6';

/** The encapsulation of the tunnel's payload inside the outer IP header. */
export type Encapsulation = 'gre' | 'ipip' | 'ipip6' | 'ip6ip6' | 'sit' | 'vti' | 'none';

/** Canonical transform names are the ones `ipsec algparse` prints: AES_CBC_128, HMAC_SHA1_96, MODP2048. */
export interface Proposal {
  encr: string[];
  /** Integrity algorithms (empty for AEAD, or ['NONE']). */
  integ: string[];
  /** IKE only: pseudo-random functions. */
  prf: string[];
  /** Key-exchange (DH) groups. In ESP proposals: the PFS groups. */
  dh: string[];
}

export interface TrafficSelector {
  /** IP protocol number (47 for GRE), or undefined for any. */
  protocol?: number;
  localPort?: number;
  remotePort?: number;
  localSubnets: string[];
  remoteSubnets: string[];
}

export type AuthMethod = 'psk' | 'rsasig' | 'ecdsa' | 'pubkey' | 'null' | 'never' | 'eap' | 'xauth';

export interface IpsecBinding {
  /** 1, 2, or 'either' for a responder that accepts both (strongSwan keyexchange=ike, Libreswan 3.25 permit). */
  ikeVersion?: Valued<1 | 2 | 'either'>;
  /** What this side initiates with when it accepts either. */
  initiatesIkeVersion?: Valued<1 | 2>;
  ike?: Valued<Proposal[]>;
  esp?: Valued<Proposal[]>;
  /** strongSwan without `!`: the daemon appends its defaults, so it accepts more than written. */
  ikeStrict?: boolean;
  espStrict?: boolean;
  /** false = no PFS; a canonical DH group; 'ike' = reuse the IKE SA's group. */
  pfs?: Valued<string | false | 'ike'>;
  mode?: Valued<'transport' | 'tunnel'>;
  /** IOS `mode transport require`: no fallback to tunnel mode. */
  modeRequired?: boolean;
  trafficSelector?: Valued<TrafficSelector>;
  authLocal?: Valued<AuthMethod>;
  authRemote?: Valued<AuthMethod>;
  localId?: Valued<string>;
  remoteId?: Valued<string>;
  /** Seconds. */
  ikeLifetime?: Valued<number>;
  saLifetime?: Valued<number>;
  /**
   * An opaque digest of the pre-shared key, never the key: psk-mismatch compares digests.
   * The location points at the secret's line (for related information), never its text.
   */
  pskDigest?: Valued<string>;
}

export interface TunnelPart {
  /** ip6gre, ip6tnl, gre, ipip, sit, vti, vti6, ip6gretap, or the IOS `tunnel mode` words. */
  kind: Valued<string>;
  encapsulation: Valued<Encapsulation>;
  greKey?: Valued<number>;
  /** The Tunnel Encapsulation Limit in force: 'none', or a value (0 still sends the 8-byte option). */
  encapLimit?: Valued<number | 'none'>;
  innerAddresses: Valued<string>[];
  mtu?: Valued<number>;
  /** Device or interface name: tun10, Tunnel20. */
  device?: string;
}

export type Vendor = 'libreswan' | 'strongswan' | 'cisco-ios' | 'linux';

export interface Endpoint {
  /** Stable within a workspace: uri + '#' + name. */
  id: string;
  uri: string;
  /** The defining line(s): the conn header, the interface line, the ifcfg DEVICE line. */
  range: Range;
  name: string;
  vendor: Vendor;
  /** The version in force and where it came from. */
  version?: Valued<string>;
  family?: Valued<Family>;
  /** Normalized addresses (see model/address.ts). */
  local?: Valued<string>;
  remote?: Valued<string>;
  /** IOS `tunnel source <interface>` before resolution, for messages. */
  localInterface?: string;
  tunnel?: TunnelPart;
  ipsec?: IpsecBinding;
  /** On a composed Linux host endpoint: the IPsec conn (another file) whose binding it carries. */
  protectedBy?: Endpoint;
}
