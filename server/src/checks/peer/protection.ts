// protection-mismatch: one end protects the tunnel with IPsec (a conn, `tunnel protection`, a
// crypto map matching its traffic) and the other has no IPsec config for it at all. The protected
// end drops the clear packets the other sends (and sends ESP the other cannot read): the tunnel
// cannot work, while each file on its own looks fine.
import type { Endpoint } from '../../core/endpoint';
import type { PeerCheck } from '../peerTypes';
import { describe, placeOf, reportBoth } from './util';
import { Code } from '../../core/codes';

const isProtected = (e: Endpoint) => !!e.ipsec;

/** The line that puts IPsec on the tunnel: the conn, or the line its ESP proposal or mode come from. */
function protectionLine(e: Endpoint) {
  if (e.protectedBy) return { uri: e.protectedBy.uri, range: e.protectedBy.range };
  return placeOf(e, 'ipsec', e.ipsec?.esp?.source === 'written' ? e.ipsec.esp : e.ipsec?.mode);
}

export const protectionMismatch: PeerCheck = {
  id: 'peer/protection-mismatch',
  codes: [Code.protectionMismatch],
  run({ a, b }, _ctx, report) {
    if (isProtected(a) === isProtected(b)) return;
    const [prot, clear] = isProtected(a) ? [a, b] : [b, a];
    const sides = {
      prot: {
        message: `${prot.name} protects this tunnel with IPsec, but ${clear.name} has no IPsec for it: its packets are dropped here.`,
        detail: `${describe(prot)} protects this tunnel with IPsec, but ${describe(clear)} has no IPsec config for it: the clear packets it sends are dropped here.`,
        place: protectionLine(prot),
        relatedMessage: `${describe(prot)} protects the tunnel with IPsec here`,
      },
      clear: {
        message: `No IPsec config for ${clear.name}, but ${prot.name} protects it: add the IPsec config here.`,
        detail: `No IPsec config for this tunnel here, but ${describe(prot)} protects it with IPsec: it drops the clear packets this end sends. Add the IPsec config (or remove the peer's protection).`,
        place: { uri: clear.uri, range: clear.range },
        relatedMessage: `${describe(clear)}: no IPsec config for this tunnel`,
      },
    };
    reportBoth(Code.protectionMismatch, report, prot === a ? sides.prot : sides.clear, prot === a ? sides.clear : sides.prot);
  },
};
