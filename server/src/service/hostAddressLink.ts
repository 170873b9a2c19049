// `left=%defaultroute` (or `%defaultroute6`, `%any`, `%eth0`): the daemon asks the kernel for the
// source address towards the peer. A checker has no live host, but the host's network
// configuration (ifcfg, ifupdown, netplan, networkd .network) says which interface holds the
// default route and its address (model/hostInterfaces.ts sourceAddressFor). A conn whose local is
// such a value, and a tunnel device composed with one and given no local of its own, take that
// address, with a rule that says where it came from. The files answer through their dialect's
// HostAddressSource, so this module never reads a dialect's tree.
import type { Endpoint } from '../core/endpoint';
import type { ParsedFile } from '../core/types';
import { parseAddress } from '../core/address';
import { basenameOfUri } from '../core/uri';
import { hostAddressesOf, sourceAddressFor, type HostAddress } from '../model/hostInterfaces';
import { isRuntimeAddress, withAssumedLocal } from '../model/hostAddress';
import type { CheckRegistry } from './registry';
import { treeFolders } from './folderIndex';

/** `%eth0`: Libreswan's "the address of this interface" (not one of the keywords for the route). */
function namedInterface(value: string): string | undefined {
  const m = /^%([A-Za-z0-9_.:-]+)$/.exec(value.trim());
  return m && !/^(defaultroute6?|any6?|opportunistic|group|none)$/i.test(m[1]) ? m[1] : undefined;
}

function addressFor(value: string, remote: string | undefined, list: readonly HostAddress[]): HostAddress | undefined {
  const dev = namedInterface(value);
  if (!dev) return sourceAddressFor(list, remote);
  const family = remote ? parseAddress(remote)?.family : undefined;
  const on = list.filter((a) => a.device === dev && (!family || a.family === family));
  return on.length > 0 && on.every((a) => a.uri === on[0].uri) ? on[0] : undefined;
}

const how = (a: HostAddress) =>
  `the address of ${a.device} in ${basenameOfUri(a.uri)} line ${a.address.range ? a.address.range.start.line + 1 : '?'}${a.defaultGateway ? `, the interface with the default route (via ${a.defaultGateway.value})` : ''}`;

export type HostLocalMemo = WeakMap<Endpoint, { key: string; out: Endpoint }>;

export function assumeLocalsFromHost(endpoints: Endpoint[], files: ParsedFile[], registry: CheckRegistry, memo: HostLocalMemo): Endpoint[] {
  const byId = new Map(registry.dialects().map((d) => [d.id, d] as const));
  // The host addresses by the folders their files share a tree with (folderIndex.ts).
  const byFolder = new Map<string, HostAddress[]>();
  for (const f of files) {
    const d = byId.get(f.languageId);
    const list = d ? hostAddressesOf(d, f) : [];
    if (list.length === 0) continue;
    for (const folder of treeFolders(f.uri)) {
      const at = byFolder.get(folder);
      if (at) at.push(...list);
      else byFolder.set(folder, [...list]);
    }
  }
  if (byFolder.size === 0) return endpoints;
  /** The nearest host's addresses: those of the deepest folder (towards the root) that has any. */
  const nearest = (uri: string) => {
    for (const folder of treeFolders(uri)) {
      const list = byFolder.get(folder);
      if (list) return list;
    }
    return undefined;
  };
  return endpoints.map((e) => {
    const conn = e.protectedBy ?? e;
    const value = conn.local?.value;
    if (!value || !isRuntimeAddress(value)) return e;
    if (e.protectedBy && e.local?.value) return e;
    const list = nearest(conn.uri);
    const a = list && addressFor(value, conn.remote?.value, list);
    if (!a) return e;
    const key = `${a.uri}|${a.address.value}|${a.address.range?.start.line}|${a.defaultGateway?.value ?? ''}`;
    const m = memo.get(e);
    if (m && m.key === key) return m.out;
    const assumedConn = withAssumedLocal(conn, a.address.value, how(a));
    const out = e.protectedBy ? { ...withAssumedLocal(e, a.address.value, how(a), 'no local address'), protectedBy: assumedConn } : assumedConn;
    memo.set(e, { key, out });
    return out;
  });
}
