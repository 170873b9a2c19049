// `ip [-6] tunnel add|change|delete NAME …` (the ioctl interface): creates a tunnel, or changes one
// through SIOCCHGTUNNEL (docs/reference/linux-kernel-tunnels.md §5).
import type { Valued } from '../../../core/endpoint';
import { Code } from '../../../core/codes';
import type { GreOptions } from '../../../model/linuxTunnels';
import type { Word } from '../shellLexer';
import { quoteValue as q } from '../../../core/redact';
import { bad, readArg, val, writtenAt } from './args';
import { IP4_TUNNEL_MODES, IP6_FAMILY_ALIASES, IP6_TUNNEL_MODES, TUNNEL4_ARGS, TUNNEL6_ARGS, TUNNEL_VERBS, matchVerb } from './tables';
import type { Family, IpAction, IpContext, IpObjectReader } from './types';

/** iptunnel.c: without -6, a v6 `mode` switches `ip tunnel` to the IPv6 code. */
export function tunnelFamily(rest: Word[], ctx: IpContext, family: Family | undefined): Family {
  if (family) return family;
  const m = rest.findIndex((w) => val(w, ctx) === 'mode');
  const mode = m >= 0 ? val(rest[m + 1], ctx) : undefined;
  return mode && IP6_TUNNEL_MODES[mode] ? 'ipv6' : 'ipv4';
}

export const readTunnel: IpObjectReader = (rest, ctx, cmd) => {
  const family = tunnelFamily(rest, ctx, cmd.family);
  const verbWord = rest[0];
  const verb = verbWord && val(verbWord, ctx) !== undefined ? matchVerb(val(verbWord, ctx)!, TUNNEL_VERBS) : undefined;
  if (!verb || !['add', 'change', 'delete'].includes(verb)) return { verb, family };
  const table = family === 'ipv6' ? TUNNEL6_ARGS : TUNNEL4_ARGS;
  const modes: Record<string, { kind: string; mode?: string }> = family === 'ipv6' ? { ...IP6_TUNNEL_MODES, ...IP6_FAMILY_ALIASES } : { ...IP4_TUNNEL_MODES, ...IP6_TUNNEL_MODES };
  let name: Word | undefined;
  let nameIndex = -1;
  let kind = family === 'ipv6' ? (verb === 'add' ? 'ip6tnl' : 'ip6-any') : undefined;
  let ip6tnlMode: string | undefined = family === 'ipv6' && verb === 'add' ? 'ip6ip6' : undefined;
  const act: Partial<IpAction> & { gre: GreOptions; inner: Valued<string>[] } = { gre: {}, inner: [] };
  const args = rest.slice(1);
  // first pass: the mode decides the family checks
  const mi = args.findIndex((w) => val(w, ctx) === 'mode');
  if (mi >= 0 && args[mi + 1]) {
    const m = val(args[mi + 1], ctx);
    if (m !== undefined) {
      const k = modes[m];
      if (!k) bad(ctx, args[mi + 1], `iproute2 does not know tunnel mode "${q(m)}" (${Object.keys(modes).join(', ')}).`);
      else {
        kind = k.kind;
        ip6tnlMode = k.mode;
      }
    }
  }
  const kindName = kind === 'ip6-any' ? 'an IPv6 tunnel' : kind ?? 'the tunnel';
  for (let k = 0; k < args.length; k++) {
    const w = args[k];
    const key = val(w, ctx);
    if (key === undefined) {
      if (!name) [name, nameIndex] = [w, k];
      continue;
    }
    if (table.flags.includes(key)) {
      if (key.endsWith('seq')) act.gre.seq = true;
      if (key.endsWith('csum')) act.gre.csum = true;
      continue;
    }
    const type = table.values[key];
    if (!type) {
      if (key === 'encaplimit' && family === 'ipv4') bad(ctx, w, '`encaplimit` exists only for IPv6 tunnels (`ip -6 tunnel`, ip6gre/ip6tnl); `ip tunnel` without -6 does not take it.');
      if (!name) [name, nameIndex] = [w, k];
      else bad(ctx, w, `iproute2 would take "${q(key)}" as a second tunnel name and fail ("duplicate name").`);
      continue;
    }
    const vw = args[k + 1];
    if (!vw) {
      bad(ctx, w, `\`${key}\` needs a value.`);
      break;
    }
    k++;
    if (key === 'name') {
      [name, nameIndex] = [vw, k - 1];
      continue;
    }
    if (key === 'mode') continue;
    const parsed = readArg(type, key, vw, ctx, family, kindName);
    if (parsed === undefined) continue;
    if (key === 'local') act.local = writtenAt(parsed as string, vw, ctx);
    if (key === 'remote') act.remote = writtenAt(parsed as string, vw, ctx);
    if (type === 'key') {
      act.greKey = writtenAt(parsed as number, vw, ctx);
      act.gre.key = true;
    }
    if (key === 'encaplimit') act.encapLimit = writtenAt(parsed as number | 'none', vw, ctx, `ip -6 tunnel ${verb} … encaplimit`);
  }
  if (!name || verb === 'delete') return { verb, family };
  const device = val(name, ctx) ?? name.raw;
  const action: IpAction = { ...act, device, deviceRange: name.range, kind, ip6tnlMode, text: cmd.text, range: cmd.range, gre: act.gre, inner: [] };
  if (verb === 'add') action.creator = 'ip-tunnel-add';
  else {
    action.method = 'ioctl';
    if (nameIndex !== 0) {
      action.changeWithoutName = true;
      ctx.issues.push({
        code: Code.invalidValue,
        severity: 'warning',
        message: `Put the tunnel name first (\`ip ${family === 'ipv6' ? '-6 ' : ''}tunnel change ${device} …\`): only then does iproute2 start from the tunnel's current parameters; otherwise it sends defaults (hoplimit 64, encaplimit 4, no addresses) for everything not on this line.`,
        range: name.range,
      });
    }
  }
  return { verb, action, family };
};
