// What netplan renders a tunnel into, by name (docs/reference/netplan.md §2-3): for the networkd
// renderer `/run/systemd/network/10-netplan-<id>.netdev` (the id URI-escaped), whose drop-in
// directory `10-netplan-<id>.netdev.d/` in /etc/systemd/network is where the encapsulation limit
// can be set, since no netplan key sets it; for NetworkManager `netplan-<id>.nmconnection`, reached
// only through `networkmanager: passthrough:`. The netplan dialect marks its endpoints' kind rule
// with NETPLAN_RULE_PREFIX and the renderer, so a fix builder knows where the fix goes without
// reading the YAML (the same device as linuxTunnels.ts's partial endpoints: no new field).
import type { Endpoint } from '../core/endpoint';

export type NetplanRenderer = 'networkd' | 'NetworkManager';

export const NETPLAN_RULE_PREFIX = 'netplan tunnels.';

/** The kind rule of a netplan tunnel: `netplan tunnels.tun10 (renderer networkd): mode ip6gre → 10-netplan-tun10.netdev Kind=ip6gre`. */
export function netplanKindRule(id: string, renderer: NetplanRenderer, mode: string, kind: string): string {
  const out = renderer === 'networkd' ? `${netplanNetdevName(id)} Kind=${kind === 'ip6tnl' ? 'ip6tnl' : kind}` : `netplan-${id}.nmconnection [ip-tunnel]`;
  return `${NETPLAN_RULE_PREFIX}${id} (renderer ${renderer}): mode ${mode} → ${out}`;
}

/** The netplan id and renderer of an endpoint the netplan dialect made, else undefined. */
export function netplanTunnelOf(e: Endpoint): { id: string; renderer: NetplanRenderer } | undefined {
  const rule = e.tunnel?.kind.rule;
  if (e.vendor !== 'linux' || !rule?.startsWith(NETPLAN_RULE_PREFIX)) return undefined;
  const m = /^netplan tunnels\.(.+) \(renderer (networkd|NetworkManager)\): /.exec(rule);
  return m ? { id: m[1], renderer: m[2] as NetplanRenderer } : undefined;
}

/** `10-netplan-<id>.netdev`: the .netdev the networkd renderer writes for a definition id. */
export function netplanNetdevName(id: string): string {
  // g_uri_escape_string (docs/reference/netplan.md §2): ASCII outside the unreserved set is %-escaped.
  return `10-netplan-${id.replace(/[\x00-\x7f]/g, (c) => (/[A-Za-z0-9\-._~]/.test(c) ? c : `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`))}.netdev`;
}

/** The drop-in file Tunnel Lens proposes for the generated .netdev (below the host's /etc/systemd/network). */
export const NETPLAN_DROPIN_FILE = '50-tunnel-lens-encaplimit.conf';
