// pfs-mismatch: one side wants a fresh key exchange for the child SA and the other does not, or
// they want different groups. In IKEv2 the first child SA is keyed from the IKE SA, so the mismatch
// only bites at the first rekey (a warning); in IKEv1 quick mode fails at once (an error).
// strongSwan's PFS is the key exchanges in its ESP proposals: it takes any group one of them lists,
// and none when one lists NONE or no group (optional PFS, the 6.0.2+ default,
// docs/reference/swanctl-conf.md §4), so such a side mismatches only when it shares nothing.
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

/** The groups a strongSwan side accepts at a child SA rekey (false: none); undefined for the others. */
function accepted(e: Endpoint): Set<string | false> | undefined {
  const esp = e.ipsec?.esp?.value;
  if (e.vendor !== 'strongswan' || !esp?.length || e.ipsec?.pfs?.value === 'ike') return undefined;
  const out = new Set<string | false>();
  for (const p of esp) {
    if (p.dh.length === 0) out.add(false);
    for (const g of p.dh) out.add(g === 'NONE' ? false : g);
  }
  return out;
}

const optional = (e: Endpoint, group: string | false) => group !== false && accepted(e)?.has(false);

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
    const sa = accepted(a) ?? new Set([ga]);
    const sb = accepted(b) ?? new Set([gb]);
    if ([...sa].some((g) => sb.has(g))) return;
    const ikev1 = a.ipsec?.ikeVersion?.value === 1 || b.ipsec?.ikeVersion?.value === 1;
    const when = ikev1 ? 'IKEv1 quick mode fails at once' : 'the tunnel comes up, then fails at the first child SA rekey';
    const short = (x: Endpoint, gx: string | false, y: Endpoint, gy: string | false) => `${x.name} uses ${text(gx, x)}, ${y.name} ${text(gy, y)}: ${ikev1 ? 'quick mode fails' : 'fails at the first child SA rekey'}.`;
    const text = (g: string | false, e: Endpoint) => (g === false ? 'no PFS' : `PFS with ${g}${optional(e, g) ? ' (optional)' : ''}`);
    reportBoth(
      Code.pfsMismatch,
      report,
      {
        message: short(a, ga, b, gb),
        detail: `${describe(a)} uses ${text(ga, a)} (${because(va)}), ${describe(b)} uses ${text(gb, b)} (${because(vb)}): ${when}.`,
        place: placeOf(a, 'ipsec', va),
        relatedMessage: `${describe(a)}: ${text(ga, a)}.`,
      },
      {
        message: short(b, gb, a, ga),
        detail: `${describe(b)} uses ${text(gb, b)} (${because(vb)}), ${describe(a)} uses ${text(ga, a)} (${because(va)}): ${when}.`,
        place: placeOf(b, 'ipsec', vb),
        relatedMessage: `${describe(b)}: ${text(gb, b)}.`,
      },
      ikev1 ? 'error' : 'warning',
    );
  },
};
