// On a Linux host one tunnel is described in pieces: the device (ifcfg, script, .netdev,
// .nmconnection) and the IPsec conn that protects it (ipsec.conf). They describe the same pair of
// outer addresses; composing them gives the endpoint the peer checks compare with the router.
import type { Endpoint } from '../core/endpoint';
import { parseAddress, sameAddress } from '../core/address';
import { shareFolderTree } from '../model/linuxMerge';
import { isRuntimeAddress, matchesByRemote, withAssumedLocal } from '../model/hostAddress';
import { treeFolders } from './folderIndex';

const isIpsecOnly = (e: Endpoint) => !e.tunnel && !!e.ipsec && (e.vendor === 'libreswan' || e.vendor === 'strongswan');
const isLinuxDevice = (e: Endpoint) => e.vendor === 'linux' && !!e.tunnel;
const norm = (a: string | undefined) => (a === undefined ? undefined : parseAddress(a)?.text);

/**
 * Orients a conn whose left/right may be written either way round to the device's view. A conn
 * whose local is a run-time address (`left=%defaultroute`) matches on the remote alone, and takes
 * the device's own local as its local.
 */
function orientTo(conn: Endpoint, device: Endpoint): Endpoint | undefined {
  if (sameAddress(conn.local?.value, device.local?.value) && sameAddress(conn.remote?.value, device.remote?.value)) return conn;
  if (matchesByRemote(conn, device) && device.local?.value) return withAssumedLocal(conn, device.local.value, `the local address of ${device.name}, the tunnel it protects`);
  // Neither names its local address: both take the kernel's source towards the same remote.
  if (matchesByRemote(conn, device) && !device.local) return conn;
  if (sameAddress(conn.local?.value, device.remote?.value) && sameAddress(conn.remote?.value, device.local?.value)) {
    return { ...conn, local: conn.remote, remote: conn.local };
  }
  return undefined;
}

/**
 * The conns that may protect a device, by address and folder: a conn orientTo accepts has its
 * (local, remote) equal to the device's either way round, or a run-time local and the device's
 * remote; and it shares a folder tree with the device (folderIndex.ts). Each list is in input
 * order with a cursor past the conns already taken, so a hub of thousands of hosts composes in
 * linear time.
 */
class ConnIndex {
  private readonly lists = new Map<string, { items: Endpoint[]; at: number }>();
  private readonly order = new Map<Endpoint, number>();

  constructor(all: Endpoint[]) {
    all.forEach((c, i) => {
      if (!isIpsecOnly(c)) return;
      const l = norm(c.local?.value);
      const r = norm(c.remote?.value);
      if (!r) return;
      const keys: string[] = [];
      if (l) keys.push(`${l}|${r}`);
      if (isRuntimeAddress(c.local?.value)) keys.push(`%|${r}`);
      if (keys.length === 0) return;
      this.order.set(c, i);
      for (const folder of treeFolders(c.uri)) {
        for (const k of keys) {
          const key = `${k}\u0000${folder}`;
          const list = this.lists.get(key);
          if (list) list.items.push(c);
          else this.lists.set(key, { items: [c], at: 0 });
        }
      }
    });
  }

  /** The first conn (in input order) not used that can protect the device, as the scan would find it; undefined when none. */
  first(device: Endpoint, used: Set<Endpoint>): Endpoint | undefined {
    const dl = norm(device.local?.value);
    const dr = norm(device.remote?.value);
    if (!dr) return undefined;
    const keys: string[] = [];
    if (dl) keys.push(`${dl}|${dr}`, `${dr}|${dl}`);
    if (device.local?.value || !device.local) keys.push(`%|${dr}`);
    let best: Endpoint | undefined;
    let bestAt = Infinity;
    for (const folder of treeFolders(device.uri)) {
      for (const k of keys) {
        const list = this.lists.get(`${k}\u0000${folder}`);
        if (!list) continue;
        while (list.at < list.items.length && used.has(list.items[list.at])) list.at++;
        const c = list.items[list.at];
        if (c && this.order.get(c)! < bestAt) {
          best = c;
          bestAt = this.order.get(c)!;
        }
      }
    }
    return best;
  }
}

export function composeHostEndpoints(all: Endpoint[]): Endpoint[] {
  const used = new Set<Endpoint>();
  const out: Endpoint[] = [];
  let index: ConnIndex | undefined;
  for (const device of all) {
    if (!isLinuxDevice(device)) continue;
    index ??= new ConnIndex(all);
    const c = index.first(device, used);
    const oriented = c && shareFolderTree(c.uri, device.uri) ? orientTo(c, device) : undefined;
    // The index only narrows the scan (the first conn it gives is the one the scan would take);
    // should it ever give one the rules refuse, the scan decides.
    const conn = c && oriented ? ([c, oriented] as const) : c ? scan(all, device, used) : undefined;
    if (conn) {
      used.add(conn[0]);
      out.push({ ...device, ipsec: conn[1].ipsec, protectedBy: conn[1] });
    } else {
      out.push(device);
    }
  }
  for (const e of all) if (!isLinuxDevice(e) && !used.has(e)) out.push(e);
  return out;
}

/** The first conn of `all` not used that protects the device: the rule itself, by scanning. */
function scan(all: Endpoint[], device: Endpoint, used: Set<Endpoint>): readonly [Endpoint, Endpoint] | undefined {
  for (const c of all) {
    if (!isIpsecOnly(c) || used.has(c) || !shareFolderTree(c.uri, device.uri)) continue;
    const o = orientTo(c, device);
    if (o) return [c, o] as const;
  }
  return undefined;
}
