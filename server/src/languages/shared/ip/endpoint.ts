// What an `ip` command does to a device, as an endpoint: a creator (ip link add, ip -6 tunnel add)
// or a partial endpoint of changes (model/linuxTunnels.ts) that mergeLinuxEndpoints() folds into
// its creator; and two commands on one device of the same file combined in order. Shared by the
// shell script dialect and the ifupdown dialect's `up` lines.
import type { Endpoint } from '../../../core/endpoint';
import { written } from '../../../core/valued';
import { linuxEndpoint } from '../../../model/linuxTunnels';
import { applyLinuxChange } from '../../../model/linuxMerge';
import type { IpAction } from './types';

/** The endpoint one command's action makes: a creator, or a partial endpoint of changes (model/linuxTunnels.ts). */
export function ipActionEndpoint(a: IpAction, uri: string, underlayMtu: number): Endpoint {
  return linuxEndpoint({
    uri,
    range: a.range,
    device: a.device,
    creator: a.creator ?? 'change',
    method: a.method,
    kind: written(a.kind ?? 'unknown', uri, a.range, a.text.length > 80 ? a.text.slice(0, 77) + '…' : a.text),
    ip6tnlMode: a.ip6tnlMode,
    local: a.local,
    remote: a.remote,
    greKey: a.greKey,
    gre: a.gre,
    encapLimit: a.encapLimit,
    mtu: a.mtu,
    inner: a.inner,
    underlayMtu,
  });
}

/** Two commands on the same device in one file: the later one changes the earlier result. */
export function combineChanges(prev: Endpoint, next: Endpoint): Endpoint {
  if (prev.tunnel!.kind.source !== 'derived') return applyLinuxChange(prev, next);
  // both partial: keep what either wrote; an encaplimit change after an MTU drops the MTU (the kernel
  // recomputes it), and the later change's method is kept when it carries the encaplimit
  const out: Endpoint = structuredClone(prev);
  const t = out.tunnel!;
  const n = next.tunnel!;
  if (next.local) out.local = next.local;
  if (next.remote) out.remote = next.remote;
  if (n.greKey) t.greKey = n.greKey;
  if (n.encapLimit) {
    t.encapLimit = n.encapLimit;
    t.kind = n.kind.value !== 'unknown' ? n.kind : { ...n.kind, value: t.kind.value };
    if (!n.mtu) delete t.mtu;
  } else if (t.kind.value === 'unknown' && n.kind.value !== 'unknown') t.kind = { ...t.kind, value: n.kind.value };
  if (n.mtu) t.mtu = n.mtu;
  t.innerAddresses = [...t.innerAddresses, ...n.innerAddresses];
  return out;
}
