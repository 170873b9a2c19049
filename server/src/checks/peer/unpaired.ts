// peer-unpaired: a tunnel whose peer is not in the workspace. Only said where the workspace holds
// peers at all (a folder of one host's configs is not a pairing problem).
import type { PeerCheck } from '../peerTypes';
import { describe } from './util';
import { Code } from '../../core/codes';

export const peerUnpaired: PeerCheck = {
  id: 'peer/peer-unpaired',
  codes: [Code.peerUnpaired],
  run() {},
  runUnpaired(e, ctx, report) {
    if (!ctx.workspaceHasPairs || !e.remote) return;
    report({
      code: Code.peerUnpaired,
      message: `No peer config for ${e.name} (no config has ${e.remote.value} as its local address): it is checked alone.`,
      detail: `No config in the workspace has ${e.remote.value} as its local address, so ${describe(e)} is checked alone. Add the peer's config, or pair it in tunnel-lens.json (NAT, DNS names).`,
      uri: e.uri,
      range: e.range,
      related: [],
    });
  },
};
