// The IOS object model: the crypto objects, ACLs and interfaces of one configuration, each with
// the ranges of what was written. Extraction (extract/) fills it; endpoints, checks, symbols and
// hover read only this. Objects are never changed after extraction: the incremental reading
// (extract/sections.ts) hands the same objects to every version whose section is unchanged.
import type { Range } from 'vscode-languageserver-types';
import type { Node } from './parser';

export interface Ref {
  name: string;
  kind: string;
  range: Range;
}

export interface Word {
  text: string;
  range: Range;
}

export interface Secret {
  /** Digest for equality (undefined for type 6/7 keys, which cannot be compared). */
  digest?: string;
  keyType: 0 | 6 | 7;
  /** The line that sets it (never its text). */
  range: Range;
}

export interface IsakmpPolicy {
  priority: number;
  node: Node;
  nameRange: Range;
  encryption?: Word[];
  hash?: Word;
  authentication?: Word;
  group?: Word;
  lifetime?: Word;
}

export interface PskEntry {
  /** Address prefix (normalized) or host name. */
  address?: string;
  hostname?: string;
  secret: Secret;
  node: Node;
}

export interface Keyring {
  name: string;
  node: Node;
  nameRange: Range;
  keys: PskEntry[];
}

export interface IsakmpProfile {
  name: string;
  node: Node;
  nameRange: Range;
  keyrings: Ref[];
  matchAddresses: string[];
  lifetime?: Word;
}

export interface Ikev2Proposal {
  name: string;
  node: Node;
  nameRange: Range;
  encryption: Word[];
  integrity: Word[];
  prf: Word[];
  group: Word[];
}

export interface Ikev2Policy {
  name: string;
  node: Node;
  nameRange: Range;
  proposals: Ref[];
  matchLocal: string[];
}

export interface Ikev2Peer {
  name: string;
  node: Node;
  nameRange: Range;
  addresses: string[];
  hostname?: string;
  psk?: Secret;
  pskLocal?: Secret;
  pskRemote?: Secret;
}

export interface Ikev2Keyring {
  name: string;
  node: Node;
  nameRange: Range;
  peers: Ikev2Peer[];
}

export interface Ikev2Profile {
  name: string;
  node: Node;
  nameRange: Range;
  matchRemote: Word[];
  identityLocal?: Word;
  authLocal: Word[];
  authRemote: Word[];
  keyring?: Ref;
  lifetime?: Word;
  inlineLocal?: Secret;
  inlineRemote?: Secret;
}

export interface TransformSet {
  name: string;
  node: Node;
  nameRange: Range;
  transforms: Word[];
  mode?: { value: 'tunnel' | 'transport'; require: boolean; range: Range };
}

export interface SetAttrs {
  transformSets: Ref[];
  pfs?: Word;
  ikev2Profile?: Ref;
  isakmpProfile?: Ref;
  lifetimeSeconds?: Word;
}

export interface IpsecProfile extends SetAttrs {
  name: string;
  node: Node;
  nameRange: Range;
}

export interface CryptoMapEntry extends SetAttrs {
  map: string;
  seq: number;
  ipv6: boolean;
  dynamic: boolean;
  node: Node;
  nameRange: Range;
  peers: Word[];
  matchAddress?: Ref;
  /** `crypto map NAME SEQ ipsec-isakmp dynamic DMAP`: an entry that only points at a dynamic map. */
  dynamicRef?: string;
}

export interface AclEntry {
  action: 'permit' | 'deny';
  /** IP protocol number; undefined = any (`ip`, `ipv6`). */
  protocol?: number;
  protocolWord?: string;
  src?: string;
  dst?: string;
  srcPort?: number;
  dstPort?: number;
  seq?: number;
  node: Node;
  range: Range;
}

export interface Acl {
  name: string;
  kind: 'standard' | 'extended' | 'ipv6';
  nodes: Node[];
  nameRange: Range;
  entries: AclEntry[];
}

export interface InterfaceAddr {
  /** Normalized address. */
  address: string;
  prefixLength?: number;
  range: Range;
}

export interface Interface {
  name: string;
  nodes: Node[];
  nameRange: Range;
  ipv4: InterfaceAddr[];
  ipv6: InterfaceAddr[];
  mtu?: Word;
  ipMtu?: Word;
  ipv6Mtu?: Word;
  adjustMss?: Word;
  tunnelSource?: Word & { iface?: string };
  tunnelDestination?: Word;
  tunnelMode?: { words: string[]; range: Range };
  tunnelKey?: Word;
  protection?: Ref;
  cryptoMap?: Ref;
  ipv6CryptoMap?: Ref;
}

export interface IosConfig {
  hostname?: Word;
  version?: Word;
  isakmpPolicies: IsakmpPolicy[];
  isakmpKeys: PskEntry[];
  keyrings: Map<string, Keyring>;
  isakmpProfiles: Map<string, IsakmpProfile>;
  ikev2Proposals: Map<string, Ikev2Proposal>;
  ikev2Policies: Map<string, Ikev2Policy>;
  ikev2Keyrings: Map<string, Ikev2Keyring>;
  ikev2Profiles: Map<string, Ikev2Profile>;
  transformSets: Map<string, TransformSet>;
  ipsecProfiles: Map<string, IpsecProfile>;
  cryptoMaps: CryptoMapEntry[];
  /** `crypto map NAME local-address IFACE`. */
  mapLocalAddress: Map<string, Ref>;
  globalSaLifetime?: Word;
  acls: Map<string, Acl>;
  interfaces: Map<string, Interface>;
  /** Objects deleted with a global `no`: their smart defaults are gone too. */
  disabledDefaults: Set<string>;
  /** `crypto engine compliance shield disable` seen. */
  weakCryptoReenabled: boolean;
  /** Every reference, for undefined-reference and go-to-definition. */
  refs: Ref[];
}

export function emptyConfig(): IosConfig {
  return {
    isakmpPolicies: [], isakmpKeys: [], keyrings: new Map(), isakmpProfiles: new Map(), ikev2Proposals: new Map(),
    ikev2Policies: new Map(), ikev2Keyrings: new Map(), ikev2Profiles: new Map(), transformSets: new Map(),
    ipsecProfiles: new Map(), cryptoMaps: [], mapLocalAddress: new Map(), acls: new Map(), interfaces: new Map(),
    disabledDefaults: new Set(), weakCryptoReenabled: false, refs: [],
  };
}

