// tunnel-encap-mismatch and gre-key-mismatch: what is inside the outer header must be the same
// protocol, with the same GRE key, on both ends.
import type { Encapsulation } from '../../core/endpoint';
import type { PeerCheck } from '../peerTypes';
import { because, describe, placeOf, reportBoth } from './util';
import { Code } from '../../core/codes';

const NAMES: Record<Encapsulation, string> = {
  gre: 'GRE',
  ipip: 'IPv4-in-IPv4',
  ipip6: 'IPv4-in-IPv6',
  ip6ip6: 'IPv6-in-IPv6',
  sit: 'IPv6-in-IPv4 (sit)',
  vti: 'IPsec VTI (no inner encapsulation)',
  none: 'no tunnel encapsulation',
};

export const tunnelEncapMismatch: PeerCheck = {
  id: 'peer/tunnel-encap-mismatch',
  codes: [Code.tunnelEncapMismatch],
  run({ a, b }, _ctx, report) {
    const ea = a.tunnel?.encapsulation;
    const eb = b.tunnel?.encapsulation;
    if (!ea || !eb || ea.value === eb.value) return;
    const line = (me: typeof a, e: typeof ea, peer: typeof b, pe: typeof eb) =>
      `${describe(me)} encapsulates ${NAMES[e.value]} (${me.tunnel!.kind.value}), but ${describe(peer)} expects ${NAMES[pe.value]} (${peer.tunnel!.kind.value}): the peer drops every packet.`;
    reportBoth(
      Code.tunnelEncapMismatch,
      report,
      { message: line(a, ea, b, eb), place: placeOf(a, 'tunnel', ea), relatedMessage: `${describe(a)}: ${NAMES[ea.value]}, ${because(ea)}.` },
      { message: line(b, eb, a, ea), place: placeOf(b, 'tunnel', eb), relatedMessage: `${describe(b)}: ${NAMES[eb.value]}, ${because(eb)}.` },
    );
  },
};

export const greKeyMismatch: PeerCheck = {
  id: 'peer/gre-key-mismatch',
  codes: [Code.greKeyMismatch],
  run({ a, b }, _ctx, report) {
    if (a.tunnel?.encapsulation.value !== 'gre' || b.tunnel?.encapsulation.value !== 'gre') return;
    const ka = a.tunnel.greKey?.value;
    const kb = b.tunnel.greKey?.value;
    if (ka === kb) return;
    const text = (k: number | undefined) => (k === undefined ? 'no GRE key' : `GRE key ${k}`);
    const msg = (me: typeof a, km: number | undefined, peer: typeof b, kp: number | undefined) =>
      `${describe(me)} sends ${text(km)}, but ${describe(peer)} expects ${text(kp)}: the peer drops the GRE packets (RFC 2890).`;
    reportBoth(
      Code.greKeyMismatch,
      report,
      { message: msg(a, ka, b, kb), place: placeOf(a, 'tunnel', a.tunnel.greKey ?? a.tunnel.kind), relatedMessage: `${describe(a)}: ${text(ka)}.` },
      { message: msg(b, kb, a, ka), place: placeOf(b, 'tunnel', b.tunnel.greKey ?? b.tunnel.kind), relatedMessage: `${describe(b)}: ${text(kb)}.` },
    );
  },
};
