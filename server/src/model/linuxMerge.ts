// Folds the changes a script makes to a tunnel into the endpoint that created it: an ifcfg file
// creates tun10 with encaplimit 4, /sbin/ifup-local runs `ip link set dev tun10 type ip6gre
// encaplimit none` afterwards, so the tunnel on the wire has no Destination Options header.
//
// Partial endpoints are marked as linuxTunnels.ts describes (tunnel.kind origin 'derived' with the
// CHANGE_RULE_PREFIX rule). A partial folds into a creating Linux endpoint when
//   * the device names are equal (or the partial's device is `$1`, an ifup-local hook without a
//     guard, which runs for every device; then it folds into every compatible creator), and
//   * the files share a folder tree: the nearest common folder of the two files is at most three
//     levels above each file (host1/etc/sysconfig/network-scripts/ifcfg-tun10 and host1/sbin/ifup-local
//     share host1) and is not the file-system root. Among several creators the ones sharing the
//     deepest folder win (host1/… before a sibling host2/…).
// Changes apply in input order; unmatched partials are returned unchanged (checks can skip them
// with isPartialLinuxEndpoint).
import type { Range } from 'vscode-languageserver-types';
import type { Endpoint, Valued } from '../core/endpoint';
import { basenameOfUri } from '../core/uri';
import {
  ANY_IFUP_DEVICE,
  LINUX_KINDS,
  changeMethodOf,
  describeEncapLimit,
  describeOrigin,
  isPartialLinuxEndpoint,
  kernelDefaultMtu,
} from './linuxTunnels';

/** How many folders above each file the nearest common folder of one host's files may be. */
export const MAX_LEVELS_ABOVE = 3;

/** The folder names of a uri's path, without the file name. */
export function dirSegments(uri: string): string[] {
  const path = uri.replace(/^[a-z]+:\/\/[^/]*/i, '');
  const segs = path.split('/').filter((s) => s !== '');
  segs.pop(); // the file name
  return segs;
}

/** True when two files live in the same folder tree (see the header comment). */
export function shareFolderTree(uriA: string, uriB: string): boolean {
  return treeDistance(uriA, uriB) !== undefined;
}

/** How close two files are: the depth of their nearest common folder, and the levels up from each. */
export function treeDistance(uriA: string, uriB: string): { common: number; dist: number } | undefined {
  const a = dirSegments(uriA);
  const b = dirSegments(uriB);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  if (common === 0) return undefined;
  const upA = a.length - common;
  const upB = b.length - common;
  if (upA > MAX_LEVELS_ABOVE || upB > MAX_LEVELS_ABOVE) return undefined;
  return { common, dist: upA + upB };
}

function kindCompatible(creatorKind: string, changeKind: string): boolean {
  if (changeKind === 'unknown' || changeKind === '') return true;
  if (changeKind === creatorKind) return true;
  // `ip -6 tunnel change` without a mode reaches any ip6 tunnel.
  return changeKind === 'ip6-any' && LINUX_KINDS[creatorKind]?.outer === 'ipv6';
}

/**
 * ip6gre_tunnel_siocdevprivate applies SIOCCHGTUNNEL only when the new (local, remote, ikey, link)
 * tuple does not find the device itself: with unchanged addresses nothing changes (kernel source
 * reading, docs/reference/linux-kernel-tunnels.md §5). ip6tnl's ioctl path always applies.
 */
const IOCTL_IGNORES_ENCAP_LIMIT = new Set(['ip6gre', 'ip6gretap']);

/** A change the device its creator made does not take, with the words a finding says. */
export interface IgnoredChange {
  change: Endpoint;
  creator: Endpoint;
  message: string;
  /** Where the change writes the value that is not applied. */
  range: Range;
}

/** Why `change` does not apply to the device `creator` made, or undefined when it applies. */
export function ignoredChange(creator: Endpoint, change: Endpoint): IgnoredChange | undefined {
  const el = change.tunnel?.encapLimit;
  const kind = creator.tunnel?.kind;
  if (!el?.range || !kind || kind.source === 'derived' || changeMethodOf(change) !== 'ioctl' || !IOCTL_IGNORES_ENCAP_LIMIT.has(kind.value)) return undefined;
  const device = change.tunnel!.device ?? change.name;
  const where = creator.uri === change.uri ? 'this script' : basenameOfUri(creator.uri);
  return {
    change,
    creator,
    range: el.range,
    message: `${device} is ${kind.value} (${where}): the kernel's ioctl change path behind \`ip -6 tunnel change\` leaves an ip6gre device unchanged when its addresses stay the same, so this does not set encaplimit ${el.value}. Use \`ip link set dev ${device} type ${kind.value} encaplimit ${el.value}\` (netlink). (Kernel source reading; not run on a live kernel.)`,
  };
}

/** Applies one change to a copy of the creating endpoint. */
export function applyLinuxChange(base: Endpoint, change: Endpoint): Endpoint {
  const out: Endpoint = structuredClone(base);
  const t = out.tunnel!;
  const c = change.tunnel!;
  const method = changeMethodOf(change);
  if (change.local) out.local = change.local;
  if (change.remote) out.remote = change.remote;
  if (c.greKey) t.greKey = c.greKey;
  let recompute = false;
  if (c.encapLimit) {
    const kind = t.kind.value;
    if (method === 'ioctl' && IOCTL_IGNORES_ENCAP_LIMIT.has(kind) && t.encapLimit) {
      t.encapLimit = {
        ...t.encapLimit,
        rule: `${describeOrigin(t.encapLimit)}; \`ip -6 tunnel change … encaplimit ${c.encapLimit.value}\` at line ${(c.encapLimit.range?.start.line ?? 0) + 1} of ${fileName(change.uri)} does not apply to ${kind} (the kernel's ioctl change path leaves an ip6gre device unchanged; use \`ip link set dev ${t.device} type ${kind} encaplimit ${c.encapLimit.value}\`)`,
      };
    } else if (LINUX_KINDS[kind]?.tel || kind === 'unknown') {
      t.encapLimit = c.encapLimit;
      recompute = true;
    }
  }
  if (c.mtu) {
    t.mtu = c.mtu;
  } else if (recompute && method !== 'address') {
    const d = kernelDefaultMtu(t.kind.value, t.encapLimit?.value, { key: !!t.greKey });
    if (d) {
      const overwritten = t.mtu?.source === 'written' ? ` (this overwrites the MTU ${t.mtu.value} ${describeOrigin(t.mtu)})` : '';
      t.mtu = { value: d.value, source: 'derived', uri: change.uri, range: c.encapLimit?.range, rule: `the kernel recomputes the MTU when ${fileName(change.uri)} changes the tunnel${overwritten}: ${d.rule}` };
    }
  }
  if (c.innerAddresses.length) t.innerAddresses = [...t.innerAddresses, ...c.innerAddresses];
  return out;
}

function fileName(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}

/** The creators with every change folded in, and the changes a creator does not take. */
export interface LinuxFold {
  endpoints: Endpoint[];
  ignored: IgnoredChange[];
}

export function mergeLinuxEndpoints(endpoints: Endpoint[]): Endpoint[] {
  return foldLinuxChanges(endpoints).endpoints;
}

/**
 * Folds every change into the creators it reaches (see the header) and says which changes a
 * creator does not take: the one place that knows both the script and the file that created the
 * device, so the finding on such a change belongs here.
 */
export function foldLinuxChanges(endpoints: Endpoint[]): LinuxFold {
  const ignored: IgnoredChange[] = [];
  const result: Endpoint[] = endpoints.filter((e) => !isPartialLinuxEndpoint(e));
  const creators = () => result.map((e, i) => ({ e, i })).filter(({ e }) => e.vendor === 'linux' && e.tunnel?.device);
  for (const change of endpoints.filter(isPartialLinuxEndpoint)) {
    const device = change.tunnel!.device;
    const matches = creators()
      .filter(({ e }) => (device === ANY_IFUP_DEVICE || e.tunnel!.device === device) && kindCompatible(e.tunnel!.kind.value, change.tunnel!.kind.value))
      .map((m) => ({ ...m, d: treeDistance(m.e.uri, change.uri) }))
      .filter((m): m is { e: Endpoint; i: number; d: { common: number; dist: number } } => m.d !== undefined);
    if (matches.length === 0) {
      result.push(change);
      continue;
    }
    // the creators in the deepest shared folder (host1/… before a sibling host2/…), nearest first
    const deepest = Math.max(...matches.map((m) => m.d.common));
    const best = matches.filter((m) => m.d.common === deepest);
    const targets = device === ANY_IFUP_DEVICE ? best : [best.reduce((a, b) => (b.d.dist < a.d.dist ? b : a))];
    for (const m of targets) {
      const why = ignoredChange(result[m.i], change);
      if (why) ignored.push(why);
      result[m.i] = applyLinuxChange(result[m.i], change);
    }
  }
  return { endpoints: result, ignored };
}

// ---- the CLI's listing ------------------------------------------------------------------------

export interface LinuxTunnelLimits {
  device: string;
  uri: string;
  kind: string;
  encapLimit: { value: number | 'none' | null; effect: string; why: string };
  mtu: { value: number | null; why: string };
}

/** Encapsulation limit and MTU of every Linux tunnel after merging script changes, with reasons. */
export function listLinuxTunnelLimits(endpoints: Endpoint[]): LinuxTunnelLimits[] {
  return mergeLinuxEndpoints(endpoints)
    .filter((e) => e.vendor === 'linux' && e.tunnel && !isPartialLinuxEndpoint(e))
    .map((e) => {
      const t = e.tunnel!;
      const el: Valued<number | 'none'> | undefined = t.encapLimit;
      return {
        device: t.device ?? e.name,
        uri: e.uri,
        kind: t.kind.value,
        encapLimit: {
          value: el ? el.value : null,
          effect: describeEncapLimit(el?.value),
          why: el ? describeOrigin(el) : `${t.kind.value} does not add the option`,
        },
        mtu: { value: t.mtu ? t.mtu.value : null, why: t.mtu ? describeOrigin(t.mtu) : 'unknown' },
      };
    });
}

/** Plain-text lines of the listing (for `tunnel-lens endpoints` in text form). */
export function formatLinuxTunnelLimits(list: LinuxTunnelLimits[]): string {
  return list
    .map((l) =>
      [
        `${l.device} (${l.kind}) in ${l.uri}`,
        `  encaplimit ${l.encapLimit.value ?? '-'}: ${l.encapLimit.effect}; ${l.encapLimit.why}`,
        `  mtu ${l.mtu.value ?? '-'}: ${l.mtu.why}`,
      ].join('\n'),
    )
    .join('\n');
}
