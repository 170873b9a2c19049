// The IPsec binding of an IPsec profile or a crypto map entry: ESP proposals and mode from the
// transform sets (or the smart default), PFS, the IKE side (ike.ts) and the SA lifetime.
import type { Range } from 'vscode-languageserver-types';
import type { IpsecBinding, TrafficSelector, Valued } from '../../../core/endpoint';
import { iosDhGroup } from '../../../model/iosTransforms';
import { DEFAULT_IPSEC_SA_LIFETIME, DEFAULT_TRANSFORM_SET, TRANSFORM_SET_DEFAULT_MODE } from '../defaults';
import type { SetAttrs, TransformSet } from '../model';
import { D_SA_LIFETIME, defaulted, isDisabled, look, written, type EndpointContext } from './reads';
import { ikev1Side, ikev2Side } from './ike';
import { transformSetProposal } from './proposals';

/** `set pfs groupN`, a bare `set pfs` (the IKE SA's group), or no PFS by default (docs/reference/ios-grammar.md §6.1). */
function pfsOf(ctx: EndpointContext, s: SetAttrs, where: string, whereRange?: Range): Valued<string | false> {
  if (s.pfs) {
    const g = /^group(\d+)$/i.exec(s.pfs.text);
    const canon = g ? iosDhGroup(g[1]) : undefined;
    if (canon) return written(ctx, canon, s.pfs.range);
    if (s.pfs.text !== '') return written(ctx, false, s.pfs.range, 'invalid `set pfs` value: IOS rejects the line');
    // A bare `set pfs` reuses the IKE SA's group.
    return written<string | false>(ctx, 'ike', s.pfs.range);
  }
  // On the entry's line, where the missing `set pfs` belongs.
  return defaulted(ctx, false as const, `default: no PFS unless ${where} has \`set pfs\``, whereRange);
}

/** The IPsec binding of an IPsec profile or crypto map entry. */
export function buildBinding(
  ctx: EndpointContext,
  s: SetAttrs,
  where: string,
  whereRange: Range,
  local: string | undefined,
  remote: string | undefined,
  selector: Valued<TrafficSelector> | undefined,
): IpsecBinding {
  const { cfg } = ctx;
  const b: IpsecBinding = {};
  const pfs = pfsOf(ctx, s, where, whereRange);
  const pfsDh = typeof pfs.value === 'string' && pfs.value !== 'ike' ? [pfs.value] : [];
  b.pfs = pfs as Valued<string | false | 'ike'>;
  // ESP proposals and mode.
  const sets = s.transformSets.map((r) => look(ctx, 'transformSets', r.name)).filter((x): x is TransformSet => !!x);
  if (sets.length > 0) {
    b.esp = written(ctx, sets.map((ts) => ({ ...transformSetProposal(ts), dh: pfsDh })), s.transformSets[0].range);
    const first = sets[0];
    if (first.mode) {
      b.mode = written(ctx, first.mode.value, first.mode.range);
      if (first.mode.require) b.modeRequired = true;
    } else b.mode = defaulted(ctx, TRANSFORM_SET_DEFAULT_MODE, `default transform-set mode (tunnel) for ${first.name}`, first.nameRange);
  } else if (s.transformSets.length === 0 && !isDisabled(ctx, 'crypto ipsec transform-set')) {
    const rule = `default transform set (${DEFAULT_TRANSFORM_SET.words}, ${DEFAULT_TRANSFORM_SET.mode}) — ${where} has no \`set transform-set\``;
    b.esp = defaulted(ctx, [{ ...DEFAULT_TRANSFORM_SET.proposal, dh: pfsDh }], rule, whereRange);
    b.mode = defaulted(ctx, DEFAULT_TRANSFORM_SET.mode, rule, whereRange);
  }
  // IKE side.
  const ike = s.ikev2Profile ? ikev2Side(ctx, s, local, remote) : ikev1Side(ctx, s, remote);
  b.ikeVersion = ike.version;
  b.initiatesIkeVersion = ike.version;
  if (ike.ike) b.ike = ike.ike;
  if (ike.authLocal) b.authLocal = ike.authLocal;
  if (ike.authRemote) b.authRemote = ike.authRemote;
  if (ike.localId) b.localId = ike.localId;
  if (ike.remoteId) b.remoteId = ike.remoteId;
  if (ike.ikeLifetime) b.ikeLifetime = ike.ikeLifetime;
  if (ike.psk) b.pskDigest = ike.psk;
  // IPsec SA lifetime.
  if (!s.lifetimeSeconds || !/^\d+$/.test(s.lifetimeSeconds.text)) ctx.deps?.push(D_SA_LIFETIME, undefined, undefined, cfg.globalSaLifetime);
  if (s.lifetimeSeconds && /^\d+$/.test(s.lifetimeSeconds.text)) b.saLifetime = written(ctx, Number(s.lifetimeSeconds.text), s.lifetimeSeconds.range);
  else if (cfg.globalSaLifetime && /^\d+$/.test(cfg.globalSaLifetime.text)) b.saLifetime = written(ctx, Number(cfg.globalSaLifetime.text), cfg.globalSaLifetime.range);
  else b.saLifetime = defaulted(ctx, DEFAULT_IPSEC_SA_LIFETIME, 'default IPsec SA lifetime 3600 s');
  if (selector) b.trafficSelector = selector;
  return b;
}

