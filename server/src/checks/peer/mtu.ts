// mtu-exceeds-path and mtu-mismatch. The largest inner packet that fits the path comes from the
// codec's layout arithmetic for this exact stack (Destination Options, ESP mode, padding, ICV),
// taken over the pair's traffic both ways (model/stack.ts pathFit): both ends are told one figure.
import type { Endpoint } from '../../core/endpoint';
import { endpointStack, pathFit } from '../../model/stack';
import type { PeerCheck, PeerCheckContext, PeerFinding } from '../peerTypes';
import { because, describe, perEndpoint, placeOf } from './util';
import { Code } from '../../core/codes';

function exceeds(me: Endpoint, peer: Endpoint | undefined, ctx: PeerCheckContext, report: (f: PeerFinding) => void): void {
  const mtu = me.tunnel?.mtu;
  const own = endpointStack(me, peer);
  if (!mtu || !own || own.esp === 'none') return;
  const fit = pathFit(me, peer, ctx.settings.pathMtu);
  if (!fit || mtu.value <= fit.fits) return;
  const { fits, stack } = fit;
  const how = `${stack.outer === 'ipv6' ? 'IPv6' : 'IPv4'}${stack.encapLimit !== 'none' && stack.outer === 'ipv6' && stack.encap !== 'none' ? ' + Destination Options' : ''} + ESP ${stack.esp} (${stack.enc}, ${stack.integ})${stack.encap !== 'none' ? ` + ${stack.encap.toUpperCase()}` : ''}`;
  report({
    code: Code.mtuExceedsPath,
    // A written MTU is a decision that breaks large packets; a kernel default only costs fragmentation.
    severity: mtu.source === 'written' ? 'warning' : 'info',
    message: `${me.name}'s MTU ${mtu.value} exceeds the ${fits} bytes that fit a ${ctx.settings.pathMtu}-byte path: set it to ${fits}.`,
    detail: `${describe(me)} has MTU ${mtu.value} (${because(mtu)}), but with ${how} the largest inner packet that fits a ${ctx.settings.pathMtu}-byte path is ${fits}: larger packets are fragmented after encryption or dropped where ICMP is filtered. Set the MTU to ${fits} (and TCP MSS to ${fits - (stack.inner === 'ipv6' ? 60 : 40)}).`,
    ...placeOf(me, 'tunnel', mtu),
    related: [],
  });
}

export const mtuExceedsPath = perEndpoint(Code.mtuExceedsPath, exceeds);

export const mtuMismatch: PeerCheck = {
  id: 'peer/mtu-mismatch',
  codes: [Code.mtuMismatch],
  run({ a, b }, _ctx, report) {
    const ma = a.tunnel?.mtu;
    const mb = b.tunnel?.mtu;
    // Two kernel or IOS defaults differing is normal; a written value that differs is a decision.
    if (!ma || !mb || ma.value === mb.value || (ma.source !== 'written' && mb.source !== 'written')) return;
    for (const [me, mm, peer, pm] of [
      [a, ma, b, mb],
      [b, mb, a, ma],
    ] as const) {
      report({
        code: Code.mtuMismatch,
        message: `${me.name}'s tunnel MTU is ${mm.value}, ${peer.name}'s ${pm.value}: use one MTU on both ends.`,
        detail: `${describe(me)} has tunnel MTU ${mm.value} (${because(mm)}), ${describe(peer)} has ${pm.value}: packets that fit one way are fragmented the other way, and OSPF adjacencies over the tunnel stay in EXSTART.`,
        ...placeOf(me, 'tunnel', mm),
        related: [{ ...placeOf(peer, 'tunnel', pm), message: `${describe(peer)}: MTU ${pm.value}.` }],
      });
    }
  },
};
