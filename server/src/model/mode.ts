// Which IPsec mode an SA between two ends will have. IOS `mode transport` is a request that falls
// back to tunnel mode when the peer wants tunnel; `mode transport require` does not fall back.
// strongSwan may also install tunnel mode silently. Libreswan refuses ("policy dictates Transport
// Mode, but peer requested Tunnel Mode"). The mode check, the founding-case check and the packet
// stack all read the answer from here.
import type { Endpoint } from '../core/endpoint';

export type Mode = 'transport' | 'tunnel';

/** May this side end up in tunnel mode although it asks for transport? */
export function fallsBackToTunnel(e: Endpoint): boolean {
  if (e.ipsec?.mode?.value !== 'transport') return false;
  return (e.vendor === 'cisco-ios' && !e.ipsec.modeRequired) || e.vendor === 'strongswan';
}

/**
 * The mode the SA will have, or 'fail' when no SA can be installed. With no peer, this side's
 * own mode.
 */
export function effectiveMode(me: Endpoint, peer: Endpoint | undefined): Mode | 'fail' | undefined {
  const m = me.ipsec?.mode?.value;
  const p = peer?.ipsec?.mode?.value;
  if (!m) return undefined;
  if (!p || m === p) return m;
  const transportSide = m === 'transport' ? me : peer!;
  return fallsBackToTunnel(transportSide) ? 'tunnel' : 'fail';
}

