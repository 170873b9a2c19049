// On a Linux host one tunnel is described in pieces: the device (ifcfg, script, .netdev,
// .nmconnection) and the IPsec conn that protects it (ipsec.conf). They describe the same pair of
// outer addresses; composing them gives the endpoint the peer checks compare with the router.
import type { Endpoint } from '../core/endpoint';
import { sameAddress } from '../core/address';
import { shareFolderTree } from '../model/linuxMerge';
import { matchesByRemote, withAssumedLocal } from '../model/hostAddress';

const isIpsecOnly = (e: Endpoint) => !e.tunnel && !!e.ipsec && (e.vendor === 'libreswan' || e.vendor === 'strongswan');
const isLinuxDevice = (e: Endpoint) => e.vendor === 'linux' && !!e.tunnel;

/**
 * Orients a conn whose left/right may be written either way round to the device's view. A conn
 * whose local is a run-time address (`left=%defaultroute`) matches on the remote alone, and takes
 * the device's own local as its local.
 */
function orientTo(conn: Endpoint, device: Endpoint): Endpoint | undefined {
  if (sameAddress(conn.local?.value, device.local?.value) && sameAddress(conn.remote?.value, device.remote?.value)) return conn;
  if (matchesByRemote(conn, device) && device.local?.value) return withAssumedLocal(conn, device.local.value, `the local address of ${device.name}, the tunnel it protects`);
  if (sameAddress(conn.local?.value, device.remote?.value) && sameAddress(conn.remote?.value, device.local?.value)) {
    return { ...conn, local: conn.remote, remote: conn.local };
  }
  return undefined;
}

export function composeHostEndpoints(all: Endpoint[]): Endpoint[] {
  const used = new Set<Endpoint>();
  const out: Endpoint[] = [];
  for (const device of all.filter(isLinuxDevice)) {
    const conn = all.filter((c) => isIpsecOnly(c) && !used.has(c) && shareFolderTree(c.uri, device.uri)).map((c) => [c, orientTo(c, device)] as const).find(([, o]) => o);
    if (conn) {
      used.add(conn[0]);
      out.push({ ...device, ipsec: conn[1]!.ipsec, protectedBy: conn[1]! });
    } else {
      out.push(device);
    }
  }
  for (const e of all) if (!isLinuxDevice(e) && !used.has(e)) out.push(e);
  return out;
}
