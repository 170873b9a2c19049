// ike-version-mismatch: IKEv1 against IKEv2. A side that accepts either (strongSwan keyexchange=ike,
// Libreswan 3.25 ikev2=permit) still initiates with one version: the tunnel then comes up only when
// the other side initiates.
import type { Endpoint } from '../../core/endpoint';
import type { PeerCheck } from '../peerTypes';
import { because, describe, placeOf, reportBoth } from './util';
import { Code } from '../../core/codes';

const accepts = (e: Endpoint, v: 1 | 2) => {
  const x = e.ipsec?.ikeVersion?.value;
  return x === 'either' || x === v;
};
const initiates = (e: Endpoint): 1 | 2 | undefined => {
  const x = e.ipsec?.ikeVersion?.value;
  return x === 'either' ? e.ipsec?.initiatesIkeVersion?.value : x;
};

export const ikeVersionMismatch: PeerCheck = {
  id: 'peer/ike-version-mismatch',
  codes: [Code.ikeVersionMismatch],
  run({ a, b }, _ctx, report) {
    const va = a.ipsec?.ikeVersion;
    const vb = b.ipsec?.ikeVersion;
    if (!va || !vb) return;
    const common = ([1, 2] as const).filter((v) => accepts(a, v) && accepts(b, v));
    const name = (v: 1 | 2 | 'either') => (v === 'either' ? 'IKEv1 or IKEv2' : `IKEv${v}`);
    if (common.length === 0) {
      reportBoth(
        Code.ikeVersionMismatch,
        report,
        {
          message: `${describe(a)} speaks ${name(va.value)} (${because(va)}), ${describe(b)} speaks ${name(vb.value)}: no IKE SA can be set up.`,
          place: placeOf(a, 'ipsec', va),
          relatedMessage: `${describe(a)}: ${name(va.value)}.`,
        },
        {
          message: `${describe(b)} speaks ${name(vb.value)} (${because(vb)}), ${describe(a)} speaks ${name(va.value)}: no IKE SA can be set up.`,
          place: placeOf(b, 'ipsec', vb),
          relatedMessage: `${describe(b)}: ${name(vb.value)}.`,
        },
      );
      return;
    }
    // A common version exists, but a side that initiates with the other one fails when it starts.
    for (const [me, peer] of [
      [a, b],
      [b, a],
    ] as const) {
      const init = initiates(me);
      if (init === undefined || accepts(peer, init)) continue;
      const v = me.ipsec!.initiatesIkeVersion ?? me.ipsec!.ikeVersion!;
      report({
        code: Code.ikeVersionMismatch,
        severity: 'warning',
        message: `${me.name} initiates with IKEv${init}, which ${peer.name} refuses: it comes up only when ${peer.name} initiates.`,
        detail: `${describe(me)} initiates with IKEv${init} (${because(v)}), which ${describe(peer)} does not accept: the tunnel comes up only when the peer initiates (IKEv${common[0]}).`,
        ...placeOf(me, 'ipsec', v),
        related: [{ ...placeOf(peer, 'ipsec', peer.ipsec!.ikeVersion), message: `${describe(peer)}: ${name(peer.ipsec!.ikeVersion!.value)}.` }],
      });
    }
  },
};
