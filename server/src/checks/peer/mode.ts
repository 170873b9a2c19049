// ipsec-mode-mismatch: transport against tunnel mode. IOS `mode transport` is a request that falls
// back to tunnel mode when the peer wants tunnel; `mode transport require` does not fall back.
// strongSwan may also install tunnel mode silently. Libreswan refuses ("policy dictates Transport
// Mode, but peer requested Tunnel Mode").
import type { Endpoint } from '../../core/endpoint';
import type { PeerCheck } from '../peerTypes';
import { because, describe, placeOf } from './util';
import { Code } from '../../core/codes';
import { effectiveMode } from '../../model/mode';

export const ipsecModeMismatch: PeerCheck = {
  id: 'peer/ipsec-mode-mismatch',
  codes: [Code.ipsecModeMismatch],
  run({ a, b }, _ctx, report) {
    const ma = a.ipsec?.mode;
    const mb = b.ipsec?.mode;
    if (!ma || !mb || ma.value === mb.value) return;
    const result = effectiveMode(a, b);
    for (const [me, mm, peer, pm] of [
      [a, ma, b, mb],
      [b, mb, a, ma],
    ] as const) {
      const where = placeOf(me, 'ipsec', mm);
      const related = [{ ...placeOf(peer, 'ipsec', pm), message: `${describe(peer)} uses ${pm.value} mode (${because(pm)}).` }];
      if (result === 'fail') {
        report({
          code: Code.ipsecModeMismatch,
          message: `${me.name} uses ${mm.value} mode, ${peer.name} ${pm.value} mode: the child SA is refused. Use one mode on both.`,
          detail: `${describe(me)} uses ${mm.value} mode (${because(mm)}), ${describe(peer)} uses ${pm.value} mode: the child SA is refused (NO_PROPOSAL_CHOSEN), no traffic passes.`,
          ...where,
          related,
        });
      } else if (result === 'initiator') {
        const [tr, tu] = mm.value === 'transport' ? [me, peer] : [peer, me];
        report({
          code: Code.ipsecModeMismatch,
          severity: 'warning',
          message: `${me.name} uses ${mm.value} mode, ${peer.name} ${pm.value} mode: it comes up only when ${tr.name} initiates. Use one mode.`,
          detail: `${describe(me)} uses ${mm.value} mode (${because(mm)}), ${describe(peer)} uses ${pm.value} mode: the SA comes up, in tunnel mode, only when ${tr.name} initiates; when ${tu.name} initiates, and at its rekeys, the child SA is refused (NO_PROPOSAL_CHOSEN).`,
          ...where,
          related,
        });
      } else if (mm.value === 'transport') {
        report({
          code: Code.ipsecModeMismatch,
          severity: 'warning',
          message: `${me.name} asks for transport mode, but ${peer.name} uses tunnel mode: the SA falls back to tunnel mode.`,
          detail: `${describe(me)} asks for transport mode (${because(mm)}), but ${describe(peer)} uses tunnel mode: the SA falls back to tunnel mode, with 40 more bytes per packet on IPv6 (20 on IPv4) than you planned.`,
          ...where,
          related,
        });
      }
    }
  },
};
