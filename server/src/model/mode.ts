// Which IPsec mode an SA between two ends will have. IOS `mode transport` is a request that falls
// back to tunnel mode when the peer wants tunnel; `mode transport require` does not fall back.
// strongSwan may also install tunnel mode silently. Libreswan as responder refuses ("policy
// dictates Transport Mode, but peer requested Tunnel Mode"); as initiator it takes the tunnel-mode
// answer of a Libreswan or strongSwan responder, which ignore its transport request (seen in
// test/oracle/live-negotiation.test.ts: pluto logs "policy dictates Tunnel Mode, ignoring peer's
// request for Transport Mode", charon nothing): the SA then comes up in tunnel mode, and is
// refused when the other end initiates (and at its rekeys). The mode check, the founding-case
// check and the packet stack all read the answer from here.
import type { Endpoint } from '../core/endpoint';

export type Mode = 'transport' | 'tunnel';

/** May this side end up in tunnel mode although it asks for transport? */
export function fallsBackToTunnel(e: Endpoint): boolean {
  if (e.ipsec?.mode?.value !== 'transport') return false;
  return (e.vendor === 'cisco-ios' && !e.ipsec.modeRequired) || e.vendor === 'strongswan';
}

/** Libreswan asking for transport, against a daemon known to answer in tunnel mode regardless. */
export function tunnelWhenTransportSideInitiates(transportSide: Endpoint, tunnelSide: Endpoint): boolean {
  return transportSide.vendor === 'libreswan' && (tunnelSide.vendor === 'libreswan' || tunnelSide.vendor === 'strongswan');
}

/**
 * The mode the SA will have: 'fail' when no SA can be installed, 'initiator' when it comes up (in
 * tunnel mode) only when the transport end initiates. With no peer, this side's own mode.
 */
export function effectiveMode(me: Endpoint, peer: Endpoint | undefined): Mode | 'fail' | 'initiator' | undefined {
  const m = me.ipsec?.mode?.value;
  const p = peer?.ipsec?.mode?.value;
  if (!m) return undefined;
  if (!p || m === p) return m;
  const [transportSide, tunnelSide] = m === 'transport' ? [me, peer!] : [peer!, me];
  if (fallsBackToTunnel(transportSide)) return 'tunnel';
  return tunnelWhenTransportSideInitiates(transportSide, tunnelSide) ? 'initiator' : 'fail';
}

