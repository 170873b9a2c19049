// The IKE side of a binding: IKEv2 through `set ikev2-profile` (policies, proposals, the profile's
// authentication, identities and keyring), else IKEv1 (ISAKMP policies, keys and keyrings).
import type { Range } from 'vscode-languageserver-types';
import type { AuthMethod, Proposal, Valued } from '../../../core/endpoint';
import { prefixContains } from '../../../core/address';
import { range } from '../../../core/ranges';
import { iosDhGroup, ikeHash, isakmpEncryption } from '../../../model/iosTransforms';
import { DEFAULT_IKEV2_LIFETIME, ISAKMP_BUILTIN_POLICIES, ISAKMP_POLICY_DEFAULTS, ikev2DefaultProposal, versionLabel } from '../defaults';
import type { Secret, SetAttrs } from '../model';
import { defaulted, indexOf, isDisabled, look, lookAll, written, type EndpointContext } from './reads';
import { ikev2ProposalCanonical } from './proposals';

export interface IkeSide {
  version: Valued<1 | 2>;
  ike?: Valued<Proposal[]>;
  authLocal?: Valued<AuthMethod>;
  authRemote?: Valued<AuthMethod>;
  localId?: Valued<string>;
  remoteId?: Valued<string>;
  ikeLifetime?: Valued<number>;
  psk?: Valued<string>;
}

/** IOS authentication words to the model's methods (`rsa-encr` authenticates with the same RSA keys). */
const AUTH: Readonly<Record<string, AuthMethod>> = { 'pre-share': 'psk', 'rsa-sig': 'rsasig', 'rsa-encr': 'rsasig', 'ecdsa-sig': 'ecdsa', eap: 'eap' };

function pskValued(ctx: EndpointContext, s: Secret | undefined): Valued<string> | undefined {
  // Only the digest and the line; type 6/7 keys cannot be compared and give no digest.
  return s?.digest ? written(ctx, s.digest, s.range) : undefined;
}

function matchesPeer(prefix: string | undefined, remote: string | undefined): boolean {
  if (!prefix || !remote) return false;
  return prefixContains(prefix, remote);
}

export function ikev2Side(ctx: EndpointContext, s: SetAttrs, local: string | undefined, remote: string | undefined): IkeSide {
  const { cfg } = ctx;
  const side: IkeSide = { version: written(ctx, 2 as const, s.ikev2Profile!.range) };
  lookAll(ctx, 'ikev2Policies');
  // Proposals: the policies matching the local address (or all without `match address local`), else the default policy.
  const policies = [...cfg.ikev2Policies.values()].filter((p) => p.matchLocal.length === 0 || (local !== undefined && p.matchLocal.includes(local)));
  const proposals: Proposal[] = [];
  let firstRange: Range | undefined;
  for (const pol of policies) {
    for (const r of pol.proposals) {
      const pr = look(ctx, 'ikev2Proposals', r.name);
      if (pr) {
        proposals.push(ikev2ProposalCanonical(pr));
        firstRange ??= pr.node.tokens.length ? range(pr.node.line, 0, pr.node.tokens[pr.node.tokens.length - 1].end) : undefined;
      }
    }
  }
  if (proposals.length > 0) side.ike = written(ctx, proposals, firstRange);
  else if (policies.length === 0 && !isDisabled(ctx, 'crypto ikev2 policy')) {
    const userDefault = look(ctx, 'ikev2Proposals', 'default');
    if (userDefault) side.ike = written(ctx, [ikev2ProposalCanonical(userDefault)], userDefault.nameRange, 'IKEv2 default policy → proposal default (edited)');
    else if (!isDisabled(ctx, 'crypto ikev2 proposal')) {
      const row = ikev2DefaultProposal(ctx.version);
      side.ike = defaulted(ctx, [row.proposal], row.label);
    }
  }
  const prof = look(ctx, 'ikev2Profiles', s.ikev2Profile!.name);
  if (!prof) return side;
  const al = prof.authLocal[0];
  const ar = prof.authRemote[0];
  if (al && AUTH[al.text]) side.authLocal = written(ctx, AUTH[al.text], al.range);
  if (ar && AUTH[ar.text]) side.authRemote = written(ctx, AUTH[ar.text], ar.range);
  if (prof.identityLocal) side.localId = written(ctx, prof.identityLocal.text, prof.identityLocal.range);
  if (prof.matchRemote[0]) side.remoteId = written(ctx, prof.matchRemote[0].text, prof.matchRemote[0].range);
  side.ikeLifetime = prof.lifetime && /^\d+$/.test(prof.lifetime.text)
    ? written(ctx, Number(prof.lifetime.text), prof.lifetime.range)
    : defaulted(ctx, DEFAULT_IKEV2_LIFETIME, 'default IKEv2 SA lifetime 86400 s (unverified)');
  if (prof.inlineLocal) side.psk = pskValued(ctx, prof.inlineLocal);
  else if (prof.keyring) {
    const kr = look(ctx, 'ikev2Keyrings', prof.keyring.name);
    const peer = kr?.peers.find((p) => p.addresses.some((a) => matchesPeer(a, remote))) ?? (kr && kr.peers.length === 1 ? kr.peers[0] : undefined);
    if (peer) side.psk = pskValued(ctx, peer.psk ?? peer.pskLocal ?? peer.pskRemote);
  }
  return side;
}

export function ikev1Side(ctx: EndpointContext, s: SetAttrs, remote: string | undefined): IkeSide {
  const { cfg } = ctx;
  const side: IkeSide = {
    version: s.isakmpProfile ? written(ctx, 1 as const, s.isakmpProfile.range) : defaulted(ctx, 1 as const, 'negotiates IKEv1 (isakmp) when no `set ikev2-profile` is given'),
  };
  const ix = indexOf(cfg);
  lookAll(ctx, 'isakmpPolicies');
  const pols = (ix.isakmpSorted ??= [...cfg.isakmpPolicies].sort((a, b) => a.priority - b.priority));
  if (pols.length > 0) {
    const list: Proposal[] = [];
    let auth: string | undefined;
    for (const p of pols) {
      const encr = p.encryption ? isakmpEncryption(p.encryption.map((w) => w.text)) : ISAKMP_POLICY_DEFAULTS.encryption;
      const h = ikeHash(p.hash?.text ?? ISAKMP_POLICY_DEFAULTS.hash);
      const dh = iosDhGroup(p.group?.text ?? ISAKMP_POLICY_DEFAULTS.group);
      list.push({ encr: encr ? [encr] : [], integ: h ? [h.integ] : [], prf: h ? [h.prf] : [], dh: dh ? [dh] : [] });
      auth ??= p.authentication?.text ?? ISAKMP_POLICY_DEFAULTS.authentication;
    }
    const allWritten = pols.every((p) => p.encryption && p.hash && p.group);
    side.ike = allWritten
      ? written(ctx, list, pols[0].nameRange)
      : written(ctx, list, pols[0].nameRange, `${versionLabel(ctx.version)} default ISAKMP policy attributes (DES, SHA-1, RSA signature, group 1) fill unset ones`);
    const first = pols[0];
    if (auth && AUTH[auth]) {
      const v = first.authentication ? written(ctx, AUTH[auth], first.authentication.range) : defaulted(ctx, AUTH[auth], 'default ISAKMP authentication rsa-sig', first.nameRange);
      side.authLocal = v;
      side.authRemote = v;
    }
    const lt = first.lifetime && /^\d+$/.test(first.lifetime.text) ? written(ctx, Number(first.lifetime.text), first.lifetime.range) : defaulted(ctx, ISAKMP_POLICY_DEFAULTS.lifetime, 'default ISAKMP lifetime 86400 s');
    side.ikeLifetime = lt;
  } else {
    side.ike = defaulted(ctx, ISAKMP_BUILTIN_POLICIES.map((p) => p.proposal), 'built-in default IKE policies 65507–65508 (AES-128, SHA, group 5; list partial, unverified)');
  }
  // Pre-shared key: the ISAKMP profile's keyring, else a global `crypto isakmp key`, for the peer's address.
  const prof = s.isakmpProfile ? look(ctx, 'isakmpProfiles', s.isakmpProfile.name) : undefined;
  if (!prof) {
    lookAll(ctx, 'isakmpKeys');
    lookAll(ctx, 'keyrings');
  }
  const candidates = prof ? prof.keyrings.flatMap((r) => look(ctx, 'keyrings', r.name)?.keys ?? []) : [...cfg.isakmpKeys, ...[...cfg.keyrings.values()].flatMap((k) => k.keys)];
  const hit = candidates.find((k) => matchesPeer(k.address, remote));
  if (hit) side.psk = pskValued(ctx, hit.secret);
  return side;
}

