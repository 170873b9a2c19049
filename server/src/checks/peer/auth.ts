// auth-method-mismatch, psk-mismatch and lifetime-mismatch: how the peers prove who they are, and
// how long the SAs live. PSKs are compared by digest; a key never appears in a message.
import type { AuthMethod } from '../../core/endpoint';
import type { PeerCheck } from '../peerTypes';
import { because, describe, placeOf, reportBoth } from './util';
import { Code } from '../../core/codes';

const SIGNATURES: ReadonlySet<AuthMethod> = new Set(['rsasig', 'ecdsa', 'pubkey']);
const compatible = (x: AuthMethod, y: AuthMethod) => x === y || (SIGNATURES.has(x) && SIGNATURES.has(y));

export const authMethodMismatch: PeerCheck = {
  id: 'peer/auth-method-mismatch',
  codes: [Code.authMethodMismatch],
  run({ a, b }, _ctx, report) {
    // What A proves itself with must be what B expects of its peer, and the other way round.
    const aOut = a.ipsec?.authLocal;
    const bIn = b.ipsec?.authRemote ?? b.ipsec?.authLocal;
    const bOut = b.ipsec?.authLocal;
    const aIn = a.ipsec?.authRemote ?? a.ipsec?.authLocal;
    if (!aOut || !bIn || !bOut || !aIn) return;
    if (compatible(aOut.value, bIn.value) && compatible(bOut.value, aIn.value)) return;
    reportBoth(
      Code.authMethodMismatch,
      report,
      {
        message: `${a.name} authenticates with ${aOut.value}, ${b.name} with ${bOut.value}: IKE_AUTH fails.`,
        detail: `${describe(a)} authenticates with ${aOut.value} (${because(aOut)}), ${describe(b)} with ${bOut.value}: IKE_AUTH fails (AUTHENTICATION_FAILED).`,
        place: placeOf(a, 'ipsec', aOut),
        relatedMessage: `${describe(a)}: ${aOut.value}.`,
      },
      {
        message: `${b.name} authenticates with ${bOut.value}, ${a.name} with ${aOut.value}: IKE_AUTH fails.`,
        detail: `${describe(b)} authenticates with ${bOut.value} (${because(bOut)}), ${describe(a)} with ${aOut.value}: IKE_AUTH fails (AUTHENTICATION_FAILED).`,
        place: placeOf(b, 'ipsec', bOut),
        relatedMessage: `${describe(b)}: ${bOut.value}.`,
      },
    );
  },
};

export const pskMismatch: PeerCheck = {
  id: 'peer/psk-mismatch',
  codes: [Code.pskMismatch],
  run({ a, b }, _ctx, report) {
    const ka = a.ipsec?.pskDigest;
    const kb = b.ipsec?.pskDigest;
    if (!ka || !kb || ka.value === kb.value) return;
    reportBoth(
      Code.pskMismatch,
      report,
      {
        message: `The pre-shared key here differs from ${b.name}'s for this tunnel: authentication fails.`,
        detail: `The pre-shared key for ${describe(b)} differs from the one that peer has for ${describe(a)} (compared without showing either): authentication fails.`,
        place: placeOf(a, 'ipsec', ka),
        relatedMessage: `The key ${describe(a)} uses for this peer is set here.`,
      },
      {
        message: `The pre-shared key here differs from ${a.name}'s for this tunnel: authentication fails.`,
        detail: `The pre-shared key for ${describe(a)} differs from the one that peer has for ${describe(b)} (compared without showing either): authentication fails.`,
        place: placeOf(b, 'ipsec', kb),
        relatedMessage: `The key ${describe(b)} uses for this peer is set here.`,
      },
    );
  },
};

const duration = (s: number) => (s % 3600 === 0 ? `${s / 3600}h` : s % 60 === 0 ? `${s / 60}m` : `${s}s`);

export const lifetimeMismatch: PeerCheck = {
  id: 'peer/lifetime-mismatch',
  codes: [Code.lifetimeMismatch],
  run({ a, b }, _ctx, report) {
    for (const [key, label] of [
      ['ikeLifetime', 'IKE SA lifetime'],
      ['saLifetime', 'IPsec SA lifetime'],
    ] as const) {
      const la = a.ipsec?.[key];
      const lb = b.ipsec?.[key];
      if (!la || !lb || la.value === lb.value) continue;
      const shorter = la.value < lb.value ? a : b;
      reportBoth(
        Code.lifetimeMismatch,
        report,
        {
          message: `${label} ${duration(la.value)} on ${a.name}, ${duration(lb.value)} on ${b.name}: it works; align them for predictable rekeys.`,
          detail: `${label}: ${describe(a)} ${duration(la.value)} (${because(la)}), ${describe(b)} ${duration(lb.value)}; the shorter one (${describe(shorter)}) drives the rekeys. It works; aligning them makes rekeys predictable.`,
          place: placeOf(a, 'ipsec', la),
          relatedMessage: `${describe(a)}: ${duration(la.value)}.`,
        },
        {
          message: `${label} ${duration(lb.value)} on ${b.name}, ${duration(la.value)} on ${a.name}: it works; align them for predictable rekeys.`,
          detail: `${label}: ${describe(b)} ${duration(lb.value)} (${because(lb)}), ${describe(a)} ${duration(la.value)}; the shorter one (${describe(shorter)}) drives the rekeys. It works; aligning them makes rekeys predictable.`,
          place: placeOf(b, 'ipsec', lb),
          relatedMessage: `${describe(b)}: ${duration(lb.value)}.`,
        },
      );
    }
  },
};
