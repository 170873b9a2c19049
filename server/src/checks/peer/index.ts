// The cross-peer checks (issue #5), one per stable code.
import type { PeerCheck } from '../peerTypes';
import { outerFamilyMismatch, peerAddressMismatch } from './addresses';
import { greKeyMismatch, tunnelEncapMismatch } from './tunnel';
import { ikeVersionMismatch } from './ikeVersion';
import { espProposalMismatch, ikeProposalMismatch } from './proposals';
import { pfsMismatch } from './pfs';
import { ipsecModeMismatch } from './mode';
import { trafficSelectorMismatch } from './selectors';
import { authMethodMismatch, lifetimeMismatch, pskMismatch } from './auth';
import { encaplimitTransportInterop } from './encaplimit';
import { peerUnpaired } from './unpaired';
import { mtuExceedsPath, mtuMismatch } from './mtu';
import { protectionMismatch } from './protection';

export const PEER_CHECKS: readonly PeerCheck[] = [
  peerUnpaired,
  peerAddressMismatch,
  outerFamilyMismatch,
  tunnelEncapMismatch,
  greKeyMismatch,
  ikeVersionMismatch,
  ikeProposalMismatch,
  espProposalMismatch,
  pfsMismatch,
  ipsecModeMismatch,
  trafficSelectorMismatch,
  authMethodMismatch,
  pskMismatch,
  lifetimeMismatch,
  encaplimitTransportInterop,
  mtuExceedsPath,
  mtuMismatch,
  protectionMismatch,
];
