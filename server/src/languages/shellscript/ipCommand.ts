// Reads one `ip …` command (never runs it): validates its arguments with iproute2's meaning and
// says what it does to a tunnel device (creates it, or changes it).
import type { Range } from 'vscode-languageserver-types';
import type { Finding } from '../../core/types';
import type { Valued } from '../../core/endpoint';
import { parseAddress, parsePrefix } from '../../core/address';
import { LINUX_KINDS, type ChangeMethod, type GreOptions, type LinuxCreator } from '../../model/linuxTunnels';
import { finding, parseIntIn } from '../shared/findings';
import { parseGreKey } from '../ifcfg/validate';
import { wordValue, type Word } from '../shared/shellLexer';
import {
  ADDR_FLAGS, ADDR_OPTIONS_WITH_VALUE, ADDR_VERBS, IP4_TUNNEL_MODES, IP6TNL_LINK_MODES, IP6_TUNNEL_MODES, IP_OPTIONS_WITH_VALUE,
  LINK_BARE_OPTIONS, LINK_OPTIONS_WITH_VALUE, LINK_TYPE_ARGS, LINK_VERBS, TUNNEL4_ARGS, TUNNEL6_ARGS, TUNNEL_VERBS, XFRM_DIRS,
  XFRM_MODES, XFRM_OBJECTS, XFRM_PROTOS, XFRM_SECRET_ALGOS, matchObject, matchVerb, type ArgType,
} from './ipTables';
import { Code } from '../../core/codes';

/** What one command does to one device. */
export interface IpAction {
  device: string;
  deviceRange: Range;
  creator?: LinuxCreator;
  method?: ChangeMethod;
  kind?: string;
  ip6tnlMode?: string;
  local?: Valued<string>;
  remote?: Valued<string>;
  greKey?: Valued<number>;
  gre: GreOptions;
  encapLimit?: Valued<number | 'none'>;
  mtu?: Valued<number>;
  inner: Valued<string>[];
  /** `ip -6 tunnel change` whose first argument is not the name: iproute2 sends defaults. */
  changeWithoutName?: boolean;
  /** The command's words after `ip` (for hovers). */
  text: string;
  range: Range;
}

export interface IpParse {
  object: string;
  verb?: string;
  family?: 'ipv4' | 'ipv6';
  action?: IpAction;
  /** Ranges of key material (ip xfrm state … enc ALG KEY): hovers must not show them. */
  secretRanges: Range[];
}

interface Ctx {
  uri: string;
  vars: ReadonlyMap<string, string>;
  findings: Finding[];
  underlay: number;
}

const val = (w: Word | undefined, ctx: Ctx) => (w ? wordValue(w.parts, ctx.vars) : undefined);

function bad(ctx: Ctx, w: Word, message: string, severity: 'error' | 'warning' | 'info' = 'error') {
  ctx.findings.push(finding(ctx.uri, Code.invalidValue, severity, message, w.range));
}

/** Checks one value by type; returns the parsed value (undefined when dynamic or bad). */
function checkArg(type: ArgType, key: string, w: Word, ctx: Ctx, family: 'ipv4' | 'ipv6' | undefined, kind: string): unknown {
  const v = val(w, ctx);
  if (v === undefined) return undefined;
  switch (type) {
    case 'addr': {
      if (v === 'any' && family !== 'ipv6') return undefined;
      const a = parseAddress(v);
      if (!a) return bad(ctx, w, `\`${key}\` takes an IP address; iproute2 rejects "${v}".`);
      if (family && a.family !== family) return bad(ctx, w, `${kind} has an ${family === 'ipv6' ? 'IPv6' : 'IPv4'} outer header; \`${key} ${v}\` is an ${a.family === 'ipv6' ? 'IPv6' : 'IPv4'} address.`);
      return a.text;
    }
    case 'elim': {
      if (v === 'none') return 'none';
      const n = parseIntIn(v, 0, 255, true);
      if (n === undefined) return bad(ctx, w, `encaplimit takes \`none\` or 0..255 (ELIM := { none | 0..255 }); "${v}" is neither.`);
      if (n === 0)
        bad(ctx, w, '`encaplimit 0` still adds the 8-byte Destination Options header (with limit 0); only `encaplimit none` removes it.', 'warning');
      return n;
    }
    case 'ttl':
      if (v !== 'inherit' && parseIntIn(v, 0, 255) === undefined) bad(ctx, w, `\`${key}\` takes 0..255${family === 'ipv4' ? ' or inherit' : ''}.`);
      return undefined;
    case 'tclass':
      if (v !== 'inherit' && !/^(0x)?[0-9a-f]{1,2}$/i.test(v)) bad(ctx, w, `\`${key}\` takes inherit or a hex value 0x0..0xff.`);
      return undefined;
    case 'flowlabel':
      if (v !== 'inherit' && !(/^(0x)?[0-9a-f]{1,5}$/i.test(v))) bad(ctx, w, '`flowlabel` takes inherit or a hex value 0x0..0xfffff.');
      return undefined;
    case 'key': {
      const k = parseGreKey(v);
      if (k === undefined) bad(ctx, w, `\`${key}\` takes a number (0..4294967295) or a dotted quad.`);
      return k;
    }
    case 'dscp':
      if (v !== 'inherit') bad(ctx, w, '`dscp` takes only `inherit`.');
      return undefined;
    case 'fwmark':
      if (v !== 'inherit' && parseIntIn(v, 0, 0xffffffff, true) === undefined) bad(ctx, w, '`fwmark` takes a number or inherit.');
      return undefined;
    case 'u8':
      if (parseIntIn(v, 0, 255) === undefined) bad(ctx, w, `\`${key}\` takes 0..255.`);
      return undefined;
    default:
      return v;
  }
}

function written<T>(value: T, w: Word, ctx: Ctx, rule?: string): Valued<T> {
  return { value, source: 'written', uri: ctx.uri, range: w.range, ...(rule ? { rule } : {}) };
}

/** `words[0]` is the `ip` word. */
export function analyzeIp(words: Word[], ctx: Ctx): IpParse | undefined {
  let i = 1;
  let family: 'ipv4' | 'ipv6' | undefined;
  while (i < words.length) {
    const v = val(words[i], ctx);
    if (v === undefined || !v.startsWith('-')) break;
    if (v === '-6') family = 'ipv6';
    else if (v === '-4') family = 'ipv4';
    else if ((v === '-f' || v === '-family') && words[i + 1]) {
      const f = val(words[i + 1], ctx);
      family = f === 'inet6' ? 'ipv6' : f === 'inet' ? 'ipv4' : family;
    }
    i += IP_OPTIONS_WITH_VALUE.has(v) ? 2 : 1;
  }
  const objWord = words[i];
  const objText = val(objWord, ctx);
  if (!objWord || objText === undefined) return undefined;
  const object = matchObject(objText);
  if (!object) return undefined;
  const rest = words.slice(i + 1);
  const range: Range = { start: words[0].range.start, end: words[words.length - 1].range.end };
  const text = words.map((w) => w.raw).join(' ');
  const secretRanges: Range[] = [];
  const base = { family, secretRanges };
  if (object === 'tunnel') return { object, ...analyzeTunnel(rest, ctx, family, text, range), ...base, family: tunnelFamily(rest, ctx, family) };
  if (object === 'link') return { object, ...analyzeLink(rest, ctx, text, range), ...base };
  if (object === 'address') return { object, ...analyzeAddr(rest, ctx, text, range), ...base };
  if (object === 'xfrm') {
    analyzeXfrm(rest, ctx, secretRanges);
    return { object, ...base };
  }
  return undefined;
}

/** iptunnel.c: without -6, a v6 `mode` switches `ip tunnel` to the IPv6 code. */
function tunnelFamily(rest: Word[], ctx: Ctx, family: 'ipv4' | 'ipv6' | undefined): 'ipv4' | 'ipv6' {
  if (family) return family;
  const m = rest.findIndex((w) => val(w, ctx) === 'mode');
  const mode = m >= 0 ? val(rest[m + 1], ctx) : undefined;
  return mode && IP6_TUNNEL_MODES[mode] ? 'ipv6' : 'ipv4';
}

function analyzeTunnel(rest: Word[], ctx: Ctx, fam0: 'ipv4' | 'ipv6' | undefined, text: string, range: Range): { verb?: string; action?: IpAction } {
  const family = tunnelFamily(rest, ctx, fam0);
  const verbWord = rest[0];
  const verb = verbWord && val(verbWord, ctx) !== undefined ? matchVerb(val(verbWord, ctx)!, TUNNEL_VERBS) : undefined;
  if (!verb || !['add', 'change', 'delete'].includes(verb)) return { verb };
  const table = family === 'ipv6' ? TUNNEL6_ARGS : TUNNEL4_ARGS;
  const modes: Record<string, { kind: string; mode?: string }> = family === 'ipv6' ? IP6_TUNNEL_MODES : { ...IP4_TUNNEL_MODES, ...IP6_TUNNEL_MODES };
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
      if (!k) bad(ctx, args[mi + 1], `iproute2 does not know tunnel mode "${m}" (${Object.keys(modes).join(', ')}).`);
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
      else bad(ctx, w, `iproute2 would take "${key}" as a second tunnel name and fail ("duplicate name").`);
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
    const parsed = checkArg(type, key, vw, ctx, family, kindName);
    if (parsed === undefined) continue;
    if (key === 'local') act.local = written(parsed as string, vw, ctx);
    if (key === 'remote') act.remote = written(parsed as string, vw, ctx);
    if (type === 'key') {
      act.greKey = written(parsed as number, vw, ctx);
      act.gre.key = true;
    }
    if (key === 'encaplimit') act.encapLimit = written(parsed as number | 'none', vw, ctx, `ip -6 tunnel ${verb} … encaplimit`);
  }
  if (!name || verb === 'delete') return { verb };
  const device = val(name, ctx) ?? name.raw;
  const action: IpAction = {
    ...act,
    device,
    deviceRange: name.range,
    kind,
    ip6tnlMode,
    text,
    range,
    gre: act.gre,
    inner: [],
  };
  if (verb === 'add') action.creator = 'ip-tunnel-add';
  else {
    action.method = 'ioctl';
    if (nameIndex !== 0) {
      action.changeWithoutName = true;
      ctx.findings.push(
        finding(ctx.uri, Code.invalidValue, 'warning', `Put the tunnel name first (\`ip ${family === 'ipv6' ? '-6 ' : ''}tunnel change ${device} …\`): only then does iproute2 start from the tunnel's current parameters; otherwise it sends defaults (hoplimit 64, encaplimit 4, no addresses) for everything not on this line.`, name.range),
      );
    }
  }
  return { verb, action };
}

function analyzeLink(rest: Word[], ctx: Ctx, text: string, range: Range): { verb?: string; action?: IpAction } {
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
          else mtu = written(m, v, ctx, 'ip link … mtu');
        }
      }
      continue;
    }
    if (!name) name = w;
  }
  const typeWord = args[k + 1];
  const kind = typeWord ? val(typeWord, ctx) : undefined;
  const act: IpAction = { device: '', deviceRange: range, gre: {}, inner: [], text, range, mtu };
  if (typeWord && kind !== undefined) {
    const table = LINK_TYPE_ARGS[kind];
    if (!table) return { verb }; // not a tunnel type (dummy, vlan, …): not ours
    act.kind = kind;
    const family = LINUX_KINDS[kind]?.outer;
    for (let j = k + 2; j < args.length; j++) {
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
        } else bad(ctx, w, `iproute2 \`ip link … type ${kind}\` does not know "${key}".`, 'warning');
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
          if (!IP6TNL_LINK_MODES[m]) bad(ctx, v, `ip6tnl mode takes ip6ip6, ipip6 or any; not "${m}".`);
          else act.ip6tnlMode = IP6TNL_LINK_MODES[m];
        }
        continue;
      }
      const parsed = checkArg(type, key, v, ctx, family, kind);
      if (parsed === undefined) continue;
      if (key === 'local') act.local = written(parsed as string, v, ctx);
      if (key === 'remote') act.remote = written(parsed as string, v, ctx);
      if (type === 'key') {
        act.greKey = written(parsed as number, v, ctx);
        act.gre.key = true;
      }
      if (key === 'encaplimit') act.encapLimit = written(parsed as number | 'none', v, ctx, `ip link ${verb} … type ${kind} encaplimit`);
    }
    if (kind === 'ip6tnl' && verb === 'add' && !act.ip6tnlMode) act.ip6tnlMode = 'ip6ip6';
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
}

function analyzeAddr(rest: Word[], ctx: Ctx, text: string, range: Range): { verb?: string; action?: IpAction } {
  const vw = rest[0];
  const verb = vw && val(vw, ctx) !== undefined ? matchVerb(val(vw, ctx)!, ADDR_VERBS) : undefined;
  if (verb !== 'add' && verb !== 'replace' && verb !== 'change') return { verb };
  let dev: Word | undefined;
  let prefix: Valued<string> | undefined;
  const args = rest.slice(1);
  for (let k = 0; k < args.length; k++) {
    const w = args[k];
    const key = val(w, ctx);
    if (key !== undefined && ADDR_FLAGS.has(key)) continue;
    if (key !== undefined && ADDR_OPTIONS_WITH_VALUE.has(key)) {
      const v = args[++k];
      if (!v) break;
      const vv = val(v, ctx);
      if (key === 'dev') dev = v;
      else if ((key === 'peer' || key === 'remote' || key === 'local') && vv !== undefined && !parsePrefix(vv)) bad(ctx, v, `\`${key}\` takes an address or address/prefix; "${vv}" is not one.`);
      if (key === 'local' && vv && parsePrefix(vv)) prefix = written(normalizePrefix(vv), v, ctx);
      continue;
    }
    if (key === undefined) continue;
    const p = parsePrefix(key);
    if (!p) bad(ctx, w, `\`ip addr ${verb}\` takes an address/prefix; "${key}" is not one.`);
    else if (!prefix) prefix = written(normalizePrefix(key), w, ctx);
  }
  if (!dev || !prefix) return { verb };
  return {
    verb,
    action: { device: val(dev, ctx) ?? dev.raw, deviceRange: dev.range, method: 'address', kind: 'unknown', gre: {}, inner: [prefix], text, range },
  };
}

function normalizePrefix(s: string): string {
  const p = parsePrefix(s)!;
  return s.includes('/') ? `${p.text}/${p.prefixLength}` : p.text;
}

function analyzeXfrm(rest: Word[], ctx: Ctx, secretRanges: Range[]): void {
  const obj = val(rest[0], ctx);
  if (!obj || !XFRM_OBJECTS.some((o) => o.startsWith(obj))) return;
  for (let k = 1; k < rest.length; k++) {
    const key = val(rest[k], ctx);
    const v = rest[k + 1];
    if (key === undefined || !v) continue;
    const vv = val(v, ctx);
    if (XFRM_SECRET_ALGOS[key] !== undefined) {
      // ALG KEY [LEN]: the key is secret and is never echoed in a message.
      const keyWord = rest[k + 2];
      if (keyWord && key !== 'comp') secretRanges.push(keyWord.range);
      k += XFRM_SECRET_ALGOS[key];
      continue;
    }
    if (vv === undefined) continue;
    if (key === 'mode' && !XFRM_MODES.includes(vv)) bad(ctx, v, `ip xfrm mode takes ${XFRM_MODES.join(', ')}; not "${vv}".`);
    else if (key === 'proto' && obj.startsWith('s') && !XFRM_PROTOS.includes(vv)) bad(ctx, v, `ip xfrm state proto takes ${XFRM_PROTOS.join(', ')}; not "${vv}".`);
    else if (key === 'dir' && !XFRM_DIRS.includes(vv)) bad(ctx, v, `ip xfrm policy dir takes in, out or fwd; not "${vv}".`);
    else if ((key === 'src' || key === 'dst') && !parsePrefix(vv)) bad(ctx, v, `\`${key}\` takes an address or prefix; "${vv}" is not one.`);
    else if (key === 'spi' && parseIntIn(vv, 0, 0xffffffff, true) === undefined) bad(ctx, v, '`spi` takes a 32-bit number (decimal or 0x hex).');
    else continue;
    k++;
  }
}
