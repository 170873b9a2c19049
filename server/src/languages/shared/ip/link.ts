// `ip link add|set|change … [type KIND ARGS]` (netlink): creates a device of a tunnel kind, or
// changes one; netlink changes always apply (docs/reference/linux-kernel-tunnels.md §5).
import type { Valued } from '../../../core/endpoint';
import { LINUX_KINDS } from '../../../model/linuxTunnels';
import { parseIntIn } from '../linuxValues';
import type { Word } from '../shellLexer';
import { quoteValue as q } from '../../../core/redact';
import { bad, readArg, val, writtenAt } from './args';
import { IP6TNL_LINK_MODES, LINK_BARE_OPTIONS, LINK_OPTIONS_WITH_VALUE, LINK_TYPE_ARGS, LINK_VERBS, matchVerb } from './tables';
import type { IpAction, IpContext, IpObjectReader } from './types';

/** The arguments after `type KIND` (from args[from]) into the action. */
function readTypeArgs(args: Word[], from: number, kind: string, verb: string, act: IpAction, ctx: IpContext): void {
  const table = LINK_TYPE_ARGS[kind];
  const family = LINUX_KINDS[kind]?.outer;
  for (let j = from; j < args.length; j++) {
    const w = args[j];
    const key = val(w, ctx);
    if (key === undefined) continue;
    if (table.flags.includes(key)) {
      if (key.endsWith('seq')) act.gre.seq = true;
      if (key.endsWith('csum') && !key.includes('encap')) act.gre.csum = true;
      continue;
    }
    const type = table.values[key];
    if (!type) {
      if (key === 'encaplimit') {
        bad(ctx, w, `\`encaplimit\` exists only for ip6gre, ip6gretap and ip6tnl; ${kind} does not take it.`);
        j++;
      } else bad(ctx, w, `iproute2 \`ip link … type ${kind}\` does not know "${q(key)}".`, 'warning');
      continue;
    }
    const v = args[j + 1];
    j++;
    if (!v) {
      bad(ctx, w, `\`${key}\` needs a value.`);
      break;
    }
    if (key === 'mode') {
      const m = val(v, ctx);
      if (m !== undefined && kind === 'ip6tnl') {
        if (!IP6TNL_LINK_MODES[m]) bad(ctx, v, `ip6tnl mode takes ip6ip6, ipip6 or any; not "${q(m)}".`);
        else act.ip6tnlMode = IP6TNL_LINK_MODES[m];
      }
      continue;
    }
    const parsed = readArg(type, key, v, ctx, family, kind);
    if (parsed === undefined) continue;
    if (key === 'local') act.local = writtenAt(parsed as string, v, ctx);
    if (key === 'remote') act.remote = writtenAt(parsed as string, v, ctx);
    if (type === 'key') {
      act.greKey = writtenAt(parsed as number, v, ctx);
      act.gre.key = true;
    }
    if (key === 'encaplimit') act.encapLimit = writtenAt(parsed as number | 'none', v, ctx, `ip link ${verb} … type ${kind} encaplimit`);
  }
  if (kind === 'ip6tnl' && verb === 'add' && !act.ip6tnlMode) act.ip6tnlMode = 'ip6ip6';
}

export const readLink: IpObjectReader = (rest, ctx, cmd) => {
  const vw = rest[0];
  const verb = vw && val(vw, ctx) !== undefined ? matchVerb(val(vw, ctx)!, LINK_VERBS) : undefined;
  if (verb !== 'add' && verb !== 'set' && verb !== 'change') return { verb };
  const args = rest.slice(1);
  let name: Word | undefined;
  let mtu: Valued<number> | undefined;
  let k = 0;
  for (; k < args.length; k++) {
    const w = args[k];
    const key = val(w, ctx);
    if (key === 'type') break;
    if (key !== undefined && LINK_BARE_OPTIONS.has(key)) continue;
    if (key !== undefined && LINK_OPTIONS_WITH_VALUE.has(key)) {
      const v = args[k + 1];
      k++;
      if (!v) break;
      if (key === 'name' || (key === 'dev' && (verb !== 'add' || !name))) name = v;
      if (key === 'mtu') {
        const n = val(v, ctx);
        if (n !== undefined) {
          const m = parseIntIn(n, 68, 65535);
          if (m === undefined) bad(ctx, v, '`mtu` takes a number (68..65535 for a tunnel).');
          else mtu = writtenAt(m, v, ctx, 'ip link … mtu');
        }
      }
      continue;
    }
    if (!name) name = w;
  }
  const typeWord = args[k + 1];
  const kind = typeWord ? val(typeWord, ctx) : undefined;
  const act: IpAction = { device: '', deviceRange: cmd.range, gre: {}, inner: [], text: cmd.text, range: cmd.range, mtu };
  if (typeWord && kind !== undefined) {
    // not a tunnel type (dummy, vlan, …): not ours
    if (!LINK_TYPE_ARGS[kind]) return { verb };
    act.kind = kind;
    readTypeArgs(args, k + 2, kind, verb, act, ctx);
  } else if (!mtu) return { verb };
  if (!name) return { verb };
  act.device = val(name, ctx) ?? name.raw;
  act.deviceRange = name.range;
  if (verb === 'add') {
    if (!act.kind) return { verb };
    act.creator = 'ip-link-add';
  } else {
    act.method = 'netlink';
    act.kind = act.kind ?? 'unknown';
  }
  return { verb, action: act };
};
