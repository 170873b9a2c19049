// IOS defaults per train and version, as tables. Every default an Endpoint uses carries a rule
// text naming the version ("IOS 15.7 default transform set"), so hover and messages can show it.
// Confidence tags ([V] verified, [S] seen in real output, [U] unverified) are explained in
// docs/reference/ios-grammar.md §1; the defaults themselves are its §9, the version rules §8.
import type { Proposal } from '../../core/endpoint';
import { atLeast } from '../../core/versions';

export interface IosVersion {
  /** As written: "15.7(3)M6", "17.11.1". */
  text: string;
  major: number;
  minor: number;
  patch: number;
  /** IOS-XE (16.x and later; 3.x XE releases are not told apart from classic 3.x). */
  xe: boolean;
  /** Where it came from: 'directive' | 'setting' | 'version line' | 'assumed'. */
  source: 'directive' | 'setting' | 'version line' | 'assumed';
}

/** The version assumed when nothing says which one: the founding case's train. */
export const ASSUMED_VERSION = '15.7';

export function parseIosVersion(text: string, source: IosVersion['source']): IosVersion | undefined {
  const m = /^(\d+)\.(\d+)(?:[.(](\d+))?/.exec(text.trim());
  if (!m) return undefined;
  const major = Number(m[1]);
  return { text: text.trim(), major, minor: Number(m[2]), patch: m[3] ? Number(m[3]) : 0, xe: major >= 16, source };
}

/** "IOS 15.7" / "IOS-XE 17.11": how rules name the version. */
export function versionLabel(v: IosVersion): string {
  const short = `${v.major}.${v.minor}`;
  return `${v.xe ? 'IOS-XE' : 'IOS'} ${short}`;
}

/** IKEv1 policy attributes that are not written (COURSEIVA `show crypto isakmp policy`, [S]). */
export const ISAKMP_POLICY_DEFAULTS = {
  encryption: 'DES_CBC',
  encryptionWords: 'des',
  hash: 'sha',
  authentication: 'rsa-sig',
  group: '1',
  lifetime: 86400,
} as const;

/** Built-in IKEv1 policies used when none is configured (later 15.x; only 65507/65508 seen, [S] partial). */
export const ISAKMP_BUILTIN_POLICIES: readonly { priority: number; proposal: Proposal; auth: 'rsa-sig' | 'pre-share' }[] = [
  { priority: 65507, auth: 'rsa-sig', proposal: { encr: ['AES_CBC_128'], integ: ['HMAC_SHA1_96'], prf: ['HMAC_SHA1'], dh: ['MODP1536'] } },
  { priority: 65508, auth: 'pre-share', proposal: { encr: ['AES_CBC_128'], integ: ['HMAC_SHA1_96'], prf: ['HMAC_SHA1'], dh: ['MODP1536'] } },
];

interface Ikev2DefaultRow {
  /** Applies from this version on (inclusive); rows are checked newest first. */
  from: string;
  label: string;
  proposal: Proposal;
}

/**
 * IKEv2 smart-default proposal `default`. Two lists were seen in real `show` output [S]: the older
 * one on IOS 15.x lab routers, the newer on IOS-XE. The release where it changed is unknown [U];
 * this table switches at IOS-XE 16.0, so the founding case's 15.7 gets the older list.
 */
export const IKEV2_DEFAULT_PROPOSALS: readonly Ikev2DefaultRow[] = [
  {
    from: '16.0',
    label: 'IKEv2 smart-default proposal (IOS-XE list: AES-CBC-256; SHA512 SHA384; groups 19 14 21 5; change release unverified)',
    proposal: {
      encr: ['AES_CBC_256'],
      integ: ['HMAC_SHA2_512_256', 'HMAC_SHA2_384_192'],
      prf: ['HMAC_SHA2_512', 'HMAC_SHA2_384'],
      dh: ['DH19', 'MODP2048', 'DH21', 'MODP1536'],
    },
  },
  {
    from: '0',
    label: 'IKEv2 smart-default proposal (IOS 15.x list: AES-CBC-256/192/128; SHA512 SHA384 SHA256 SHA1 MD5; groups 5 2)',
    proposal: {
      encr: ['AES_CBC_256', 'AES_CBC_192', 'AES_CBC_128'],
      integ: ['HMAC_SHA2_512_256', 'HMAC_SHA2_384_192', 'HMAC_SHA2_256_128', 'HMAC_SHA1_96', 'HMAC_MD5_96'],
      prf: ['HMAC_SHA2_512', 'HMAC_SHA2_384', 'HMAC_SHA2_256', 'HMAC_SHA1', 'HMAC_MD5'],
      dh: ['MODP1536', 'MODP1024'],
    },
  },
];

export function ikev2DefaultProposal(v: IosVersion): Ikev2DefaultRow {
  return IKEV2_DEFAULT_PROPOSALS.find((r) => atLeast(v.text, r.from))!;
}

/** Smart-default transform set `default`: esp-aes esp-sha-hmac, transport [S]. */
export const DEFAULT_TRANSFORM_SET = {
  name: 'default',
  words: 'esp-aes esp-sha-hmac',
  proposal: { encr: ['AES_CBC_128'], integ: ['HMAC_SHA1_96'], prf: [], dh: [] } as Proposal,
  mode: 'transport' as const,
};

/** Mode of a transform set without a `mode` line: tunnel [S]+Batfish. */
export const TRANSFORM_SET_DEFAULT_MODE = 'tunnel' as const;

/** `tunnel mode` of an interface without one: gre ip [V] YANG-TUN. */
export const DEFAULT_TUNNEL_MODE = 'gre ip';

export const DEFAULT_IPSEC_SA_LIFETIME = 3600; // [S]
export const DEFAULT_IKEV2_LIFETIME = 86400; // [U]

/** The underlay MTU assumed for tunnel MTU defaults when the source interface sets none. */
export const DEFAULT_UNDERLAY_MTU = 1500;

/** Outer-header bytes per tunnel mode, for the default tunnel `ip mtu` (underlay − overhead) [U]. */
export const TUNNEL_MODE_OVERHEAD: Readonly<Record<string, number>> = {
  'gre ip': 24,
  'gre ipv6': 44,
  'gre multipoint': 24,
  'gre multipoint ipv6': 44,
  ipip: 20,
  'ipip decapsulate-any': 20,
  ipv6: 40,
  ipv6ip: 20,
  'ipv6ip 6to4': 20,
  'ipv6ip isatap': 20,
  'ipv6ip 6rd': 20,
  'ipv6ip auto-6to4': 20,
  'ipv6ip auto-isatap': 20,
  'ipv6ip auto-6rd': 20,
};

/**
 * Algorithms IOS-XE 17.11.1 and later refuse unless weak crypto is re-enabled (FN72510 [V]).
 * Keys are `<context>:<IOS word>`.
 */
export const REFUSED_FROM_17_11: ReadonlySet<string> = new Set([
  'isakmp-encryption:des', 'isakmp-encryption:3des', 'isakmp-hash:md5', 'isakmp-group:1', 'isakmp-group:2', 'isakmp-group:5',
  'ikev2-encryption:des', 'ikev2-encryption:3des', 'ikev2-integrity:md5', 'ikev2-prf:md5',
  'ikev2-group:1', 'ikev2-group:2', 'ikev2-group:5', 'ikev2-group:24',
  'transform:ah-md5-hmac', 'transform:esp-gmac', 'transform:esp-des', 'transform:esp-3des', 'transform:esp-null', 'transform:esp-md5-hmac',
  'pfs:group1', 'pfs:group2', 'pfs:group5', 'pfs:group24',
]);

export function refusesWeak(v: IosVersion): boolean {
  return v.xe && atLeast(v.text, '17.11.1');
}

/** `tunnel mode ipsec ipv4 v6-overlay` / `ipsec ipv6 v4-overlay`: in the IOS-XE 17.6.1 YANG [V]; earlier releases [U]. */
export function supportsOverlay(v: IosVersion): boolean {
  return v.xe && atLeast(v.text, '17.6');
}

/** Value ranges (TF/YANG, [V] unless noted). */
export const RANGES = {
  ipMtu: [68, 18000],
  ipv6Mtu: [1280, 9976],
  adjustMss: [500, 1460],
  tunnelKey: [0, 4294967295],
  isakmpLifetime: [60, 86400],
  ikev2Lifetime: [120, 86400],
  saLifetimeSeconds: [120, 2592000],
} as const;
