// pfs-mismatch: one side wants a fresh key exchange for the child SA and the other does not, or
// they want different groups. In IKEv2 the first child SA is keyed from the IKE SA, so the mismatch
// only bites at the first rekey (a warning); in IKEv1 quick mode fails at once (an error).
import type { Endpoint } from '../../core/endpoint';
import { firstMatch } from '../../model/negotiation';
import type { PeerCheck } from '../peerTypes';
import { because, describe, placeOf, reportBoth } from './util';
import { Code } from '../../core/codes';

/** The PFS group in force: 'ike' resolves to the group the IKE SA negotiates. */
function pfsGroup(me: Endpoint, peer: Endpoint): string | false | undefined {
  const p = me.ipsec?.pfs?.value;
  if (p !== 'ike') return p;
  const m = me.ipsec?.ike && peer.ipsec?.ike ? firstMatch(me.ipsec.ike.value, peer.ipsec.ike.value, 'ike') : undefined;
  return m?.chosen.dh ?? me.ipsec?.ike?.value[0]?.dh[0];
}

export const pfsMismatch: PeerCheck = {
  id: 'peer/pfs-mismatch',
  codes: [Code.pfsMismatch],
  run({ a, b }, _ctx, report) {
    const va = a.ipsec?.pfs;
    const vb = b.ipsec?.pfs;
    if (!va || !vb) return;
    const ga = pfsGroup(a, b);
    const gb = pfsGroup(b, a);
    if (ga === undefined || gb === undefined || ga === gb) return;
    const ikev1 = a.ipsec?.ikeVersion?.value === 1 || b.ipsec?.ikeVersion?.value === 1;
    const when = ikev1 ? 'IKEv1 quick mode fails at once' : 'the tunnel comes up, then fails at the first child SA rekey';
    const text = (g: string | false) => (g === false ? 'no PFS' : `PFS with ${g}`);
    reportBoth(
      Code.pfsMismatch,
      report,
      {
        message: `${describe(a)} uses ${text(ga)} (${because(va)}), ${describe(b)} uses ${text(gb)} (${because(vb)}): ${when}.`,
        place: placeOf(a, 'ipsec', va),
        relatedMessage: `${describe(a)}: ${text(ga)}.`,
      },
      {
        message: `${describe(b)} uses ${text(gb)} (${because(vb)}), ${describe(a)} uses ${text(ga)} (${because(va)}): ${when}.`,
        place: placeOf(b, 'ipsec', vb),
        relatedMessage: `${describe(b)}: ${text(gb)}.`,
      },
      ikev1 ? 'error' : 'warning',
    );
  },
};
