// peer-unpaired: a tunnel whose peer is not in the workspace. Only said where the workspace holds
// peers at all (a folder of one host's configs is not a pairing problem).
import type { PeerCheck } from '../peerTypes';
import { describe } from './util';

export const peerUnpaired: PeerCheck = {
  code: 'peer-unpaired',
  run() {},
  runUnpaired(e, ctx, report) {
    if (!ctx.workspaceHasPairs || !e.remote) return;
    report({
      code: 'peer-unpaired',
      message: `No config in the workspace has ${e.remote.value} as its local address, so ${describe(e)} is checked alone. Add the peer's config, or pair it in tunnel-lens.json (NAT, DNS names).`,
      uri: e.uri,
      range: e.range,
      related: [],
    });
  },
};
