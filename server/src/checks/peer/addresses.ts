// peer-address-mismatch and outer-family-mismatch: the outer addresses of the two ends.
import { parseAddress, sameAddress } from '../../core/address';
import type { PeerCheck } from '../peerTypes';
import { bothWays, describe, placeOf, reportBoth } from './util';
import { Code } from '../../core/codes';

export const peerAddressMismatch: PeerCheck = {
  id: 'peer/peer-address-mismatch',
  codes: [Code.peerAddressMismatch],
  run(pair, _ctx, report) {
    // Only a half pair: A points at B, but B points somewhere else. A tunnel-lens.json pair is the
    // user saying these two are one tunnel although the addresses do not correspond (NAT, DNS
    // names); comparing the addresses there would flag every NAT pair.
    if (pair.pairedBy !== 'address-half') return;
    bothWays(pair, (me, peer) => {
      if (!me.remote || !peer.local || sameAddress(me.remote.value, peer.local.value)) return;
      const mine = placeOf(me, 'endpoint', me.remote);
      const theirs = placeOf(peer, 'endpoint', peer.local);
      report({
        code: Code.peerAddressMismatch,
        message: `${describe(me)} sends to ${me.remote.value}, but its peer ${describe(peer)} has local address ${peer.local.value}.`,
        ...mine,
        related: [{ ...theirs, message: `The peer's local address is ${peer.local.value}.` }],
      });
    });
  },
};

export const outerFamilyMismatch: PeerCheck = {
  id: 'peer/outer-family-mismatch',
  codes: [Code.outerFamilyMismatch],
  run(pair, _ctx, report) {
    const fa = pair.a.family?.value ?? parseAddress(pair.a.local?.value ?? '')?.family;
    const fb = pair.b.family?.value ?? parseAddress(pair.b.local?.value ?? '')?.family;
    if (!fa || !fb || fa === fb) return;
    const name = (f: string) => (f === 'ipv6' ? 'IPv6' : 'IPv4');
    reportBoth(
      Code.outerFamilyMismatch,
      report,
      {
        message: `The outer packets of ${describe(pair.a)} are ${name(fa)}, but ${describe(pair.b)} uses ${name(fb)}: the tunnel cannot come up.`,
        place: placeOf(pair.a, 'endpoint', pair.a.family ?? pair.a.local),
        relatedMessage: `${describe(pair.a)} uses ${name(fa)} outer addresses.`,
      },
      {
        message: `The outer packets of ${describe(pair.b)} are ${name(fb)}, but ${describe(pair.a)} uses ${name(fa)}: the tunnel cannot come up.`,
        place: placeOf(pair.b, 'endpoint', pair.b.family ?? pair.b.local),
        relatedMessage: `${describe(pair.b)} uses ${name(fb)} outer addresses.`,
      },
    );
  },
};
