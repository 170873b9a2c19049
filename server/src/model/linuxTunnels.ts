// Linux tunnel devices: what each kind puts on the wire, the encapsulation limit each creator leaves
// in force, and the MTU the kernel gives a new device. Every number here carries the rule text a
// hover or the CLI shows, because "why 1448?" is the question users ask.
//
// Sources: docs/reference/linux-kernel-tunnels.md (kernel 6.1.192 source, iproute2 ee2a4a86).
//  * ip6gre: mtu = underlay − 40 − gre_hlen − 8 (TEL, unless `encaplimit none`) [−14 for ip6gretap],
//    gre_hlen = 4 + 4·key + 4·seq + 4·csum, floor 1280 (§6).
//  * ip6tnl: mtu = underlay − 40 − 8 (unless `none`), floor 1280 (§6).
//  * IPv4 kinds (gre 1476, ipip/sit 1480, gretap 1462) and vti/vti6 come from ip_tunnel.c /
//    ip6_vti.c as commonly documented; the note did not re-read them (§6), so their rule says so.
import type { Range } from 'vscode-languageserver-types';
import type { Encapsulation, Endpoint, Family, TunnelPart, Valued } from '../core/endpoint';
import { defaulted } from '../core/valued';

export interface LinuxKindInfo {
  kind: string;
  outer: Family;
  /** Adds a GRE header (4 bytes + options). */
  gre: boolean;
  /** Carries Ethernet frames (14 more bytes). */
  tap: boolean;
  /** An ip6 tunnel that adds the RFC 2473 Tunnel Encapsulation Limit option unless told `none`. */
  tel: boolean;
  /** Outer IP header bytes. */
  outerHeader: number;
  /** Whether the MTU formula was read in the kernel source (docs/reference/linux-kernel-tunnels.md §6). */
  verified: boolean;
}

/** One row per device kind (`ip link add … type KIND`). */
export const LINUX_KINDS: Record<string, LinuxKindInfo> = {
  ip6gre: { kind: 'ip6gre', outer: 'ipv6', gre: true, tap: false, tel: true, outerHeader: 40, verified: true },
  ip6gretap: { kind: 'ip6gretap', outer: 'ipv6', gre: true, tap: true, tel: true, outerHeader: 40, verified: true },
  ip6tnl: { kind: 'ip6tnl', outer: 'ipv6', gre: false, tap: false, tel: true, outerHeader: 40, verified: true },
  vti6: { kind: 'vti6', outer: 'ipv6', gre: false, tap: false, tel: false, outerHeader: 40, verified: false },
  gre: { kind: 'gre', outer: 'ipv4', gre: true, tap: false, tel: false, outerHeader: 20, verified: false },
  gretap: { kind: 'gretap', outer: 'ipv4', gre: true, tap: true, tel: false, outerHeader: 20, verified: false },
  ipip: { kind: 'ipip', outer: 'ipv4', gre: false, tap: false, tel: false, outerHeader: 20, verified: false },
  sit: { kind: 'sit', outer: 'ipv4', gre: false, tap: false, tel: false, outerHeader: 20, verified: false },
  vti: { kind: 'vti', outer: 'ipv4', gre: false, tap: false, tel: false, outerHeader: 20, verified: false },
};

export const TEL_BYTES = 8;
export const IPROUTE2_DEFAULT_ENCAP_LIMIT = 4;

/** The normalized encapsulation of a kind (ip6tnl needs its mode: ip6ip6, ipip6, any). */
export function encapsulationOf(kind: string, ip6tnlMode?: string): Encapsulation {
  switch (kind) {
    case 'ip6gre':
    case 'ip6gretap':
    case 'gre':
    case 'gretap':
      return 'gre';
    case 'ip6tnl':
      return ip6tnlMode === 'ipip6' ? 'ipip6' : 'ip6ip6';
    case 'ipip':
      return 'ipip';
    case 'sit':
      return 'sit';
    case 'vti':
    case 'vti6':
      return 'vti';
    default:
      return 'none';
  }
}

export interface GreOptions {
  key?: boolean;
  seq?: boolean;
  csum?: boolean;
}

/** Bytes of the GRE header: gre_calc_hlen() = 4 + 4 per key/seq/csum. */
export function greHeaderLength(o: GreOptions = {}): number {
  return 4 + (o.key ? 4 : 0) + (o.seq ? 4 : 0) + (o.csum ? 4 : 0);
}

/**
 * The MTU the kernel gives a new (or changed) device of this kind on an underlay of `underlayMtu`
 * bytes; undefined for an unknown kind.
 */
export function kernelDefaultMtu(
  kind: string,
  encapLimit: number | 'none' | undefined,
  gre: GreOptions = {},
  underlayMtu = 1500,
): Valued<number> | undefined {
  const info = LINUX_KINDS[kind];
  if (!info) return undefined;
  const parts: string[] = [`${underlayMtu} underlay`, `− ${info.outerHeader} ${info.outer === 'ipv6' ? 'IPv6' : 'IPv4'}`];
  let mtu = underlayMtu - info.outerHeader;
  if (info.gre) {
    const h = greHeaderLength(gre);
    mtu -= h;
    parts.push(`− ${h} GRE${gre.key ? ' with key' : ''}${gre.seq ? '+seq' : ''}${gre.csum ? '+csum' : ''}`);
  }
  if (info.tel && encapLimit !== 'none') {
    mtu -= TEL_BYTES;
    parts.push(`− 8 Destination Options (encaplimit ${encapLimit ?? IPROUTE2_DEFAULT_ENCAP_LIMIT})`);
  }
  if (info.tap) {
    mtu -= 14;
    parts.push('− 14 Ethernet');
  }
  if (info.outer === 'ipv6' && (info.kind === 'ip6gre' || info.kind === 'ip6tnl' || info.kind === 'ip6gretap')) mtu = Math.max(mtu, 1280);
  const where = info.verified ? 'kernel 6.1 source' : 'kernel ip_tunnel/vti code, not re-verified here';
  return defaulted(mtu, `Linux ${kind} default MTU: ${parts.join(' ')} = ${mtu} (${where})`);
}

/** Who created the device decides the encapsulation limit in force when none was written. */
export type LinuxCreator =
  | 'ifcfg'
  | 'ip-tunnel-add'
  | 'ip-link-add'
  | 'networkd'
  | 'networkmanager';

/**
 * The encapsulation limit a creator leaves when the config says nothing; undefined for kinds that
 * never add the option. iproute2 supplies 4; the kernel's netlink default is 0; NetworkManager
 * always sends its property (default 0); networkd sends 4 for ip6tnl but never
 * IFLA_GRE_ENCAP_LIMIT for ip6gre (docs/reference/linux-kernel-tunnels.md §4).
 */
export function defaultEncapLimit(kind: string, creator: LinuxCreator): Valued<number | 'none'> | undefined {
  if (!LINUX_KINDS[kind]?.tel) return undefined;
  switch (creator) {
    case 'ifcfg':
      return defaulted(4, "initscripts ifup-tunnel runs `ip -6 tunnel add` without encaplimit, so iproute2's default 4 applies (no ifcfg key can change it)");
    case 'ip-tunnel-add':
      return defaulted(4, 'iproute2 `ip -6 tunnel add` default encaplimit 4');
    case 'ip-link-add':
      return defaulted(4, `iproute2 \`ip link add … type ${kind}\` default encaplimit 4`);
    case 'networkd':
      return kind === 'ip6tnl'
        ? defaulted(4, 'systemd-networkd EncapsulationLimit= default 4 (sent since systemd 248; older versions left the kernel default 0)')
        : defaulted(0, `systemd-networkd never sends IFLA_GRE_ENCAP_LIMIT for ${kind}, so the kernel's netlink default 0 applies (the option is still sent, with value 0)`);
    case 'networkmanager':
      return defaulted(0, 'NetworkManager ip-tunnel.encapsulation-limit default 0 (always sent; the option is still added, with value 0)');
  }
}

/** One sentence on what an encapsulation limit does on the wire. */
export function describeEncapLimit(v: number | 'none' | undefined): string {
  if (v === undefined) return 'no Tunnel Encapsulation Limit option (this kind never adds one)';
  if (v === 'none') return 'no Destination Options header (encaplimit none)';
  return `every packet carries an 8-byte IPv6 Destination Options header with Tunnel Encapsulation Limit ${v}${v === 0 ? ' (0 does not remove it; only `none` does)' : ''}`;
}

/** Formats a Valued's provenance for hovers and the CLI: "written at line 4", or the rule. */
export function describeOrigin(v: { source: string; rule?: string; range?: { start: { line: number } }; uri?: string }): string {
  if (v.source === 'written') {
    const at = v.range ? `line ${v.range.start.line + 1}` : 'the file';
    const file = v.uri ? ` of ${v.uri.slice(v.uri.lastIndexOf('/') + 1)}` : '';
    return `written at ${at}${file}${v.rule ? ` (${v.rule})` : ''}`;
  }
  return v.rule ?? v.source;
}

// ---- building a Linux endpoint --------------------------------------------------------------


/**
 * Partial endpoints. A script line such as `ip -6 tunnel change tun10 encaplimit none` changes a
 * device that something else created. Such an endpoint carries only what the change wrote, and its
 * `tunnel.kind` has source 'derived' and a rule that starts with CHANGE_RULE_PREFIX followed by the
 * method (below). mergeLinuxEndpoints() folds it into the creating endpoint; the contract needed no
 * new field for this.
 */
export const CHANGE_RULE_PREFIX = 'changes an existing device';
export type ChangeMethod = 'ioctl' | 'netlink' | 'address';
const METHOD_TEXT: Record<ChangeMethod, string> = {
  ioctl: 'ioctl (ip -6 tunnel change)',
  netlink: 'netlink (ip link set)',
  address: 'address (ip addr add)',
};

export function isPartialLinuxEndpoint(e: Endpoint): boolean {
  return e.vendor === 'linux' && !!e.tunnel && e.tunnel.kind.source === 'derived' && (e.tunnel.kind.rule ?? '').startsWith(CHANGE_RULE_PREFIX);
}

export function changeMethodOf(e: Endpoint): ChangeMethod | undefined {
  if (!isPartialLinuxEndpoint(e)) return undefined;
  const rule = e.tunnel!.kind.rule!;
  return (Object.keys(METHOD_TEXT) as ChangeMethod[]).find((m) => rule.includes(METHOD_TEXT[m]));
}

/** The device name a script uses for "the device ifup-local was called for" when no guard names it. */
export const ANY_IFUP_DEVICE = '$1';

export interface LinuxTunnelSpec {
  uri: string;
  range: Range;
  device: string;
  /** Who created it; or 'change' for a partial endpoint (then `method` says how). */
  creator: LinuxCreator | 'change';
  method?: ChangeMethod;
  kind: Valued<string>;
  ip6tnlMode?: string;
  local?: Valued<string>;
  remote?: Valued<string>;
  greKey?: Valued<number>;
  gre?: GreOptions;
  encapLimit?: Valued<number | 'none'>;
  mtu?: Valued<number>;
  inner?: Valued<string>[];
  underlayMtu?: number;
  /** e.g. NetworkManager version in force. */
  version?: Valued<string>;
}

/** Builds the normalized endpoint, filling the encapsulation limit and MTU from the tables. */
export function linuxEndpoint(spec: LinuxTunnelSpec): Endpoint {
  const kind = spec.kind.value;
  const info = LINUX_KINDS[kind];
  const partial = spec.creator === 'change';
  const kindValued: Valued<string> = partial
    ? { value: kind, source: 'derived', uri: spec.uri, range: spec.range, rule: `${CHANGE_RULE_PREFIX} via ${METHOD_TEXT[spec.method ?? 'netlink']}` }
    : spec.kind;
  const at = { uri: spec.uri, range: spec.kind.range };
  const dflt = partial ? undefined : defaultEncapLimit(kind, spec.creator as LinuxCreator);
  const encapLimit = spec.encapLimit ?? (dflt && { ...dflt, ...at });
  const tunnel: TunnelPart = {
    kind: kindValued,
    encapsulation: { value: encapsulationOf(kind, spec.ip6tnlMode), source: 'derived', uri: spec.uri, range: spec.kind.range, rule: `Linux ${kind}${spec.ip6tnlMode ? ` mode ${spec.ip6tnlMode}` : ''}` },
    innerAddresses: spec.inner ?? [],
    device: spec.device,
  };
  if (spec.greKey) tunnel.greKey = spec.greKey;
  if (encapLimit) tunnel.encapLimit = encapLimit;
  const dm = partial ? undefined : kernelDefaultMtu(kind, encapLimit?.value, { key: !!spec.greKey, ...spec.gre }, spec.underlayMtu ?? 1500);
  const mtu = spec.mtu ?? (dm && { ...dm, ...at });
  if (mtu) tunnel.mtu = mtu;
  const e: Endpoint = {
    id: `${spec.uri}#${spec.device}`,
    uri: spec.uri,
    range: spec.range,
    name: spec.device,
    vendor: 'linux',
    tunnel,
  };
  if (spec.version) e.version = spec.version;
  const fam = info?.outer ?? (spec.local ? familyOfText(spec.local.value) : undefined);
  if (fam && !partial) e.family = { value: fam, source: 'derived', uri: spec.uri, range: spec.kind.range, rule: `${kind} has an ${fam === 'ipv6' ? 'IPv6' : 'IPv4'} outer header` };
  if (spec.local) e.local = spec.local;
  if (spec.remote) e.remote = spec.remote;
  return e;
}

function familyOfText(a: string): Family | undefined {
  return a.includes(':') ? 'ipv6' : /^\d+\.\d+\.\d+\.\d+$/.test(a) ? 'ipv4' : undefined;
}
