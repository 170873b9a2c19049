// What the configuration makes of each interface, stanza by stanza in reading order
// (docs/reference/ifupdown.md §2-5, §8): a tunnel method's `ip tunnel add` (built from its
// template, read by the shared `ip` reader), the `mtu` and addresses of every stanza, and the `ip`
// commands of the `pre-up`/`up`/`post-up` lines, each folded into the device in the order they run.
// The encapsulation limit in force is what the command sets, else iproute2's default 4 (the limit
// of `ip -6 tunnel add` without encaplimit), else what a later command changes it to. What ifupdown
// would refuse, skip or not pass is recorded as an issue on the line that causes it.
import type { Range } from 'vscode-languageserver-types';
import type { Endpoint, Valued } from '../../core/endpoint';
import { Code } from '../../core/codes';
import { netmaskToPrefixLength, parseAddress, parsePrefix } from '../../core/address';
import { didYouMean } from '../../core/didYouMean';
import { basenameOfUri } from '../../core/uri';
import { defaulted, derived, written } from '../../core/valued';
import { compareVersions } from '../../core/versions';
import { sourceAddressFor, type HostAddress } from '../../model/hostInterfaces';
import { ignoredChange } from '../../model/linuxMerge';
import { LINUX_KINDS, linuxEndpoint } from '../../model/linuxTunnels';
import type { Issue } from '../shared/findings';
import { analyzeIp, ipCommandWords, type IpAction } from '../shared/ip';
import { combineChanges, ipActionEndpoint } from '../shared/ip/endpoint';
import { parseIntIn } from '../shared/linuxValues';
import { buildCommand, lit, valuePieces, type Piece } from './commands';
import type { Config } from './config';
import {
  COMMAND_OPTIONS,
  GENERAL_OPTIONS,
  METHODS,
  NG_OTHER_OPTIONS,
  NG_REMAPS,
  NG_SWITCHES,
  NG_TUNNEL_OPTIONS,
  OTHER_FAMILIES,
  TUNNEL_TEMPLATES,
  type Family,
  type TunnelTemplate,
} from './options';
import type { Option, Stanza } from './reader';

export interface FileIssue extends Issue {
  uri: string;
}

/** What one stanza runs, for hovers. */
export interface StanzaRun {
  stanza: Stanza;
  /** The command its method runs to create the tunnel, as the shell would see it. */
  create?: string;
  device: string;
}

export interface Interfaces {
  /** Every device's endpoint after the whole configuration (creators, and partial ones). */
  devices: Map<string, Endpoint>;
  runs: StanzaRun[];
  issues: FileIssue[];
  hostAddresses: HostAddress[];
  /** Options Tunnel Lens reads into the model (the others are outside it or reported). */
  known: Set<Option>;
  /** The key material of the `ip` commands of each file's command options (languages/shared/ip/secrets.ts), as written and as its value: only for secretValues(), never shown. */
  secrets: Map<string, string[]>;
}

interface IfaceHeader {
  name?: Range & { text: string };
  family?: string;
  method?: string;
  inherits?: string;
}

export function ifaceHeader(s: Stanza): IfaceHeader {
  const [name, family, method, ...rest] = s.words;
  const h: IfaceHeader = {};
  if (name) h.name = { ...name.range, text: name.text };
  h.family = family?.text;
  h.method = method?.text;
  const i = rest.findIndex((w) => w.text === 'inherits');
  if (i >= 0 && rest[i + 1]) h.inherits = rest[i + 1].text;
  return h;
}

const IPV6_MODE = /^(vti6|ipip6|ip6.*)$/;

class Builder {
  readonly out: Interfaces = { devices: new Map(), runs: [], issues: [], hostAddresses: [], known: new Set(), secrets: new Map() };
  private readonly ng: boolean;
  private readonly tool: string;
  private readonly templates = new Map<string, Stanza>();

  constructor(private readonly cfg: Config, private readonly underlay: number) {
    this.ng = cfg.flavor.tool.value === 'ifupdown-ng';
    this.tool = this.ng ? 'ifupdown-ng' : 'ifupdown';
  }

  issue(uri: string, code: Issue['code'], severity: Issue['severity'], message: string, range: Range): void {
    this.out.issues.push({ uri, code, severity, message, range });
  }

  run(): Interfaces {
    for (const s of this.cfg.stanzas) if (s.kind === 'template' || s.kind === 'iface') {
      const n = s.words[0]?.text;
      if (n && s.kind === 'template') this.templates.set(n, s);
    }
    for (const s of this.cfg.stanzas) if (s.kind === 'iface') this.iface(s);
    // A tunnel's own addresses are inside it: only the other interfaces' are the host's.
    const tunnels = new Set([...this.out.devices].filter(([, e]) => e.tunnel!.kind.source !== 'derived').map(([d]) => d));
    this.out.hostAddresses = this.out.hostAddresses.filter((a) => !tunnels.has(a.device));
    this.deriveLocals();
    return this.out;
  }

  /** The stanza's options with its template's first (`inherits`), later ones winning. */
  private options(s: Stanza, h: IfaceHeader): Option[] {
    const tpl = h.inherits ? this.templates.get(h.inherits) ?? this.cfg.stanzas.find((x) => x.kind === 'iface' && x.words[0]?.text === h.inherits) : undefined;
    return tpl && tpl !== s ? [...tpl.options, ...s.options] : s.options;
  }

  private apply(device: string, ep: Endpoint): void {
    const prev = this.out.devices.get(device);
    const creates = ep.tunnel!.kind.source !== 'derived';
    if (prev && !creates) {
      const ignored = prev.tunnel!.kind.source !== 'derived' ? ignoredChange(prev, ep) : undefined;
      if (ignored) this.issue(ep.tunnel!.encapLimit?.uri ?? ep.uri, Code.configIgnored, 'warning', ignored.message, ignored.range);
      this.out.devices.set(device, combineChanges(prev, ep));
    } else this.out.devices.set(device, ep);
  }

  private change(uri: string, device: string, at: Range, what: { mtu?: Valued<number>; inner?: Valued<string>[] }, method: 'netlink' | 'address'): void {
    this.apply(device, linuxEndpoint({ uri, range: at, device, creator: 'change', method, kind: written('unknown', uri, at), mtu: what.mtu, inner: what.inner, underlayMtu: this.underlay }));
  }

  private vars(s: Stanza, device: string, family: string | undefined, method: string | undefined, opts: Option[]): Map<string, string> {
    const v = new Map<string, string>([['IFACE', device], ['LOGICAL', device]]);
    if (family) v.set('ADDRFAM', family);
    if (method) v.set('METHOD', method);
    for (const o of opts) if (!COMMAND_OPTIONS[o.name]) v.set(`IF_${o.name.toUpperCase().replace(/-/g, '_')}`, o.value.text);
    return v;
  }

  /** The `ip` commands of one command option, folded into the devices they change. */
  private commandLine(uri: string, o: Option, vars: Map<string, string>): void {
    this.out.known.add(o);
    if (COMMAND_OPTIONS[o.name] === 'down' || o.value.text === '') return;
    const built = buildCommand(valuePieces(o.value));
    for (const words of built.commands) {
      const ipWords = ipCommandWords(words, vars);
      if (ipWords) this.ipCommand(uri, ipWords, vars);
    }
  }

  private ipCommand(uri: string, words: ReturnType<typeof buildCommand>['commands'][number], vars: Map<string, string>, override?: (a: IpAction, issues: Issue[]) => Endpoint | undefined): IpAction | undefined {
    const issues: Issue[] = [];
    let secrets = this.out.secrets.get(uri);
    if (!secrets) this.out.secrets.set(uri, (secrets = []));
    const parsed = analyzeIp(words, { uri, vars, issues, underlay: this.underlay, secrets });
    for (const i of issues) this.issue(uri, i.code, i.severity, i.message, i.range);
    const a = parsed?.action;
    if (!a || !a.device) return a;
    const ep = override ? override(a, issues) : ipActionEndpoint(a, uri, this.underlay);
    if (!ep) return undefined;
    this.apply(a.device, ep);
    return a;
  }

  /** True when iproute2 would reject the command's mode (then no device is made). */
  private modeRejected(issues: Issue[], mode: Option | undefined): boolean {
    const r = this.word(mode)?.range;
    return !!r && issues.some((i) => i.severity === 'error' && i.range.start.line === r.start.line && i.range.start.character === r.start.character);
  }

  private iface(s: Stanza): void {
    const h = ifaceHeader(s);
    const device = h.name?.text;
    if (!device) return;
    const opts = this.options(s, h);
    const byName = new Map<string, Option>();
    for (const o of opts) byName.set(this.ng ? NG_REMAPS[o.name] ?? o.name : o.name, o);
    this.headerChecks(s, h);
    const vars = this.vars(s, device, h.family, h.method, opts);
    for (const o of opts) if (COMMAND_OPTIONS[o.name] === 'pre') this.commandLine(s.uri, o, vars);
    const run: StanzaRun = { stanza: s, device };
    this.out.runs.push(run);
    const isTunnelNg = this.ng && [...byName.keys()].some((k) => k.startsWith('tunnel-'));
    if (isTunnelNg) this.ngTunnel(s, device, byName, vars, run);
    else if (!this.ng && h.family && h.method && TUNNEL_TEMPLATES[`${h.family} ${h.method}`]) this.classicTunnel(s, device, TUNNEL_TEMPLATES[`${h.family} ${h.method}`], h, byName, vars, run);
    else this.plain(s, device, h, byName);
    this.optionChecks(s, h, opts, isTunnelNg);
    for (const o of opts) if (COMMAND_OPTIONS[o.name] && COMMAND_OPTIONS[o.name] !== 'pre') this.commandLine(s.uri, o, vars);
  }

  private headerChecks(s: Stanza, h: IfaceHeader): void {
    if (this.ng) return;
    const [, fw, mw] = s.words;
    if (!fw || !mw) return; // the parser reports the missing words
    if (OTHER_FAMILIES.includes(fw.text)) return;
    const methods = METHODS[fw.text as Family];
    if (!methods) {
      this.issue(s.uri, Code.invalidValue, 'error', `ifupdown knows no address family "${fw.text}" (inet, inet6, ${OTHER_FAMILIES.join(', ')}).`, fw.range);
      return;
    }
    if (!methods[mw.text]) {
      const dym = didYouMean(mw.text, Object.keys(methods));
      this.issue(s.uri, Code.invalidValue, 'error', `${fw.text} has no method "${mw.text}" (${Object.keys(methods).join(', ')}).${dym ? ` Did you mean ${dym}?` : ''}`, mw.range);
      return;
    }
    const tpl = TUNNEL_TEMPLATES[`${fw.text} ${mw.text}`];
    const v = this.cfg.flavor.version;
    if (tpl?.since && v && compareVersions(v, tpl.since) < 0)
      this.issue(s.uri, Code.versionIncompatible, 'error', `\`${fw.text} ${mw.text}\` is new in ifupdown ${tpl.since} (Debian 12); ifupdown ${v} (Ubuntu 22.04 and Debian 11 have 0.8.36) does not know it. Use \`inet tunnel\` with the IPv6 mode, or \`manual\` with pre-up ip commands.`, mw.range);
  }

  private optionChecks(s: Stanza, h: IfaceHeader, opts: Option[], isTunnelNg: boolean): void {
    const table = this.ng ? undefined : h.family && h.method ? METHODS[h.family as Family]?.[h.method] : undefined;
    const tpl = !this.ng && h.family && h.method ? TUNNEL_TEMPLATES[`${h.family} ${h.method}`] : undefined;
    for (const o of opts) {
      if (o.value.text.length > 0) {
        const hash = /\s#/.exec(o.value.text);
        if (hash && !COMMAND_OPTIONS[o.name] && o.value.segments.length === 1) {
          const seg = o.value.segments[0];
          const at = seg.character + hash.index + 1;
          this.issue(s.uri, Code.invalidValue, 'warning', `interfaces(5) has no end-of-line comments: ifupdown passes "${o.value.text.slice(hash.index + 1, hash.index + 25)}…" as part of the ${o.name} value${tpl ? ', and the shell that runs the command drops everything after `#`' : ''}. Put the comment on a line of its own.`, { start: { line: seg.line, character: at }, end: { line: seg.line, character: seg.character + seg.text.length } });
        }
      }
      if (COMMAND_OPTIONS[o.name] || GENERAL_OPTIONS[o.name]) {
        this.out.known.add(o);
        continue;
      }
      if (this.ng) {
        const name = NG_REMAPS[o.name] ?? o.name;
        if (NG_TUNNEL_OPTIONS[name] || NG_OTHER_OPTIONS.includes(name)) this.out.known.add(o);
        else if (o.name === 'encaplimit' && isTunnelNg)
          this.issue(s.uri, Code.configIgnored, 'warning', 'ifupdown-ng does not read `encaplimit` (classic ifupdown\'s spelling): its tunnel executor passes only tunnel-* options, so this tunnel keeps iproute2\'s default encapsulation limit 4 and every packet carries the 8-byte Destination Options header. Write `tunnel-encaplimit none`.', o.nameRange);
        else if (isTunnelNg && name.startsWith('tunnel-')) {
          const dym = didYouMean(name, Object.keys(NG_TUNNEL_OPTIONS));
          this.issue(s.uri, Code.unknownKeyword, dym ? 'warning' : 'hint', `\`${o.name}\` is not an interfaces-tunnel(5) option: the executor passes it to ip as \`${name.slice(7).replace(/-/g, '_')}\`.${dym ? ` Did you mean ${dym}?` : ''}`, o.nameRange);
        }
        continue;
      }
      if (table?.[o.name]) {
        this.out.known.add(o);
        continue;
      }
      if (tpl?.notPassed.includes(o.name)) {
        const what = o.name === 'encaplimit'
          ? `so the tunnel keeps iproute2's default encapsulation limit 4 (every packet carries the 8-byte Destination Options header). Use \`iface ${h.name?.text} inet6 tunnel\` (ifupdown ≥ 0.8.40), which passes encaplimit, or \`up ip link set dev $IFACE type ip6gre encaplimit none\``
          : 'so the tunnel has no GRE key. Set it with an `up ip link set dev $IFACE type … key N` line, or use ifupdown-ng\'s tunnel-key';
        this.issue(s.uri, Code.configIgnored, 'warning', `The ${h.family} ${h.method} method does not pass \`${o.name}\` to ip (it reaches only hook scripts, as IF_${o.name.toUpperCase()}), ${what}.`, o.nameRange);
        this.out.known.add(o);
        continue;
      }
      if (tpl && /^tunnel-/.test(o.name)) {
        this.issue(s.uri, Code.configIgnored, 'warning', `\`${o.name}\` is ifupdown-ng's spelling; classic ifupdown's ${h.method} method reads \`${Object.entries(NG_REMAPS).find(([, v]) => v === o.name)?.[0] ?? o.name.slice(7)}\` and passes \`${o.name}\` only to hook scripts. (If this host runs ifupdown-ng, say so with \`# tunnel-lens: ifupdown-ng\`.)`, o.nameRange);
        continue;
      }
      if (tpl && table) {
        const dym = didYouMean(o.name, Object.keys(table));
        if (dym) this.issue(s.uri, Code.unknownKeyword, 'warning', `\`${o.name}\` is not an option of ${h.family} ${h.method}; ifupdown passes it only to hook scripts. Did you mean ${dym}?`, o.nameRange);
      }
    }
  }

  /** The value of an option as one word (the first), with its range. */
  private word(o: Option | undefined): { text: string; range: Range } | undefined {
    if (!o) return undefined;
    const m = /^\S+/.exec(o.value.text);
    if (!m || o.value.segments.length === 0) return undefined;
    const seg = o.value.segments[0];
    return { text: m[0], range: { start: { line: seg.line, character: seg.character }, end: { line: seg.line, character: seg.character + Math.min(m[0].length, seg.text.length) } } };
  }

  private mtu(s: Stanza, device: string, o: Option | undefined, rule: string): void {
    const w = this.word(o);
    if (!w) return;
    const n = parseIntIn(w.text, 68, 65535);
    if (n === undefined) {
      this.issue(s.uri, Code.invalidValue, 'error', `mtu takes a number from 68 to 65535; \`ip link set … mtu ${w.text}\` fails.`, w.range);
      return;
    }
    this.change(s.uri, device, w.range, { mtu: written(n, s.uri, w.range, rule) }, 'netlink');
  }

  /** address [+ netmask] → the prefix, or why not. */
  private prefix(s: Stanza, addr: Option | undefined, mask: Option | undefined, family: 'ipv4' | 'ipv6' | undefined): { value: Valued<string>; family: 'ipv4' | 'ipv6' } | undefined {
    const a = this.word(addr);
    if (!a) return undefined;
    const m = this.word(mask);
    let text = a.text;
    if (m && !a.text.includes('/')) {
      const bits = /^\d+$/.test(m.text) ? Number(m.text) : netmaskToPrefixLength(m.text);
      if (bits === undefined) {
        this.issue(s.uri, Code.invalidValue, 'error', `netmask takes a number of bits${family !== 'ipv6' ? ' or a dotted quad' : ''}; "${m.text}" is neither.`, m.range);
        return undefined;
      }
      text = `${a.text}/${bits}`;
    }
    const p = parsePrefix(text);
    if (!p) {
      this.issue(s.uri, Code.invalidValue, 'error', `address takes an address${family === 'ipv6' ? ' (colon delimited)' : ''} with an optional /bits; "${a.text}" is not one.`, a.range);
      return undefined;
    }
    return { value: written(text.includes('/') ? `${p.text}/${p.prefixLength}` : p.text, s.uri, a.range), family: p.family };
  }

  private classicTunnel(s: Stanza, device: string, tpl: TunnelTemplate, h: IfaceHeader, o: Map<string, Option>, vars: Map<string, string>, run: StanzaRun): void {
    const pieces: Piece[] = [];
    const missing: string[] = [];
    for (const group of tpl.words) {
      if (group.optional && !o.get(group.optional)?.value.text) continue;
      for (const w of group.w) {
        if (pieces.length) pieces.push(lit(' ', s.headerRange));
        if ('lit' in w) {
          const named = group.w.find((x) => 'option' in x) as { option: string } | undefined;
          const at = named && o.get(named.option) ? o.get(named.option)!.nameRange : s.keyword.range;
          pieces.push(lit(w.lit, at));
        } else if ('iface' in w) pieces.push(lit(device, h.name ?? s.headerRange));
        else {
          const opt = o.get(w.option);
          if (!opt || opt.value.text === '') missing.push(w.option);
          else pieces.push(...valuePieces(opt.value));
        }
      }
    }
    if (missing.length) {
      this.issue(s.uri, Code.invalidValue, 'error', `ifup fails with "missing required variable: ${missing[0]}": the ${h.family} ${h.method} method needs ${missing.join(' and ')}, and ${device} is not created.`, s.headerRange);
      return;
    }
    const built = buildCommand(pieces);
    run.create = built.text.replace(/\s+/g, ' ').trim();
    for (const e of built.errors) this.issue(s.uri, Code.invalidValue, 'error', `the command ifupdown builds does not parse: ${e.message}`, e.range);
    const modeOpt = o.get('mode');
    const [first, ...others] = built.commands;
    let created: IpAction | undefined;
    if (first) {
      const words = ipCommandWords(first, vars);
      if (words)
        created = this.ipCommand(s.uri, words, vars, (a, issues) => (this.modeRejected(issues, modeOpt) ? undefined : this.creator(s, device, a, run.create!, modeOpt, `${h.family} ${h.method}`)));
    }
    for (const words of others) {
      const ip = ipCommandWords(words, vars);
      if (ip) this.ipCommand(s.uri, ip, vars);
    }
    if (!created?.creator) return;
    this.mtu(s, device, o.get('mtu'), `${this.tool} runs \`ip link set ${device} up mtu N\` after creating the tunnel`);
    this.tunnelAddress(s, device, tpl, h, o);
  }

  /** The creating endpoint, with the encapsulation limit in force and the rule that sets it. */
  private creator(s: Stanza, device: string, a: IpAction, text: string, modeOpt: Option | undefined, method: string): Endpoint {
    const kind = a.kind ?? 'unknown';
    const tel = LINUX_KINDS[kind]?.tel;
    const kindAt = modeOpt ? this.word(modeOpt)?.range ?? s.headerRange : s.headerRange;
    const noOption = method === 'inet tunnel' ? ' (the inet tunnel method has no encaplimit option)' : '';
    const encapLimit = a.encapLimit ?? (tel ? defaulted<number | 'none'>(4, `the command ${this.tool} runs, \`${text}\`, has no encaplimit${noOption}, so iproute2's default encapsulation limit 4 applies`, s.uri, s.headerRange) : undefined);
    return linuxEndpoint({
      uri: s.uri,
      range: s.headerRange,
      device,
      creator: a.creator ?? 'ip-tunnel-add',
      kind: written(kind, s.uri, kindAt, `${method}: ${this.tool} runs \`${text}\``),
      ip6tnlMode: a.ip6tnlMode,
      local: a.local,
      remote: a.remote,
      greKey: a.greKey,
      gre: a.gre,
      encapLimit,
      underlayMtu: this.underlay,
    });
  }

  private tunnelAddress(s: Stanza, device: string, tpl: TunnelTemplate, h: IfaceHeader, o: Map<string, Option>): void {
    // An option without a value is as good as unset (ifupdown's %var% is empty).
    const addr = this.word(o.get('address')) ? o.get('address') : undefined;
    const mask = this.word(o.get('netmask')) ? o.get('netmask') : undefined;
    if (tpl.address === 'none') return;
    if (tpl.address === 'needs-netmask') {
      if (!addr) {
        this.issue(s.uri, Code.invalidValue, 'error', `ifup stops with "missing required variable: address" after creating ${device}: the inet tunnel method needs address (and netmask); ${device} gets no address and ifup reports it failed.`, s.headerRange);
        return;
      }
      if (!mask) {
        const w = this.word(addr)!;
        this.issue(s.uri, Code.invalidValue, 'error', `The inet tunnel method adds \`%address%/%netmask%\` and does not split address/bits: without netmask ifup stops with "missing required variable: netmask" after creating ${device}, which gets no address. Write the prefix length as \`netmask ${w.text.split('/')[1] ?? '30'}\`.`, w.range);
        return;
      }
    }
    if (tpl.address === 'skip-without-netmask') {
      if (!addr) return;
      if (!mask) {
        const w = this.word(addr)!;
        this.issue(s.uri, Code.configIgnored, 'warning', `The inet6 tunnel method adds the address only when netmask is set too: ifup silently adds no address to ${device}. Write \`netmask ${w.text.split('/')[1] ?? '64'}\` (and the address without /bits).`, w.range);
        return;
      }
      const want = /^ipip6$/i.test(o.get('mode')?.value.text ?? '') ? 'ipv4' : 'ipv6';
      const p = this.prefix(s, addr, mask, want);
      if (!p) return;
      if (p.family !== want) {
        this.issue(s.uri, Code.invalidValue, 'error', `The inet6 tunnel method adds this address with \`ip ${want === 'ipv4' ? '-4' : '-6'} addr add\` (${want === 'ipv4' ? 'mode ipip6' : `mode ${o.get('mode')?.value.text}`}), which fails for an ${p.family === 'ipv4' ? 'IPv4' : 'IPv6'} address. ${p.family === 'ipv4' ? `Add the IPv4 inner address in an \`iface ${device} inet static\` stanza.` : ''}`.trim(), p.value.range!);
        return;
      }
      this.change(s.uri, device, p.value.range!, { inner: [p.value] }, 'address');
      return;
    }
    const p = this.prefix(s, addr, mask, h.family === 'inet6' && tpl.address === 'prefix' ? 'ipv6' : 'ipv4');
    if (p) this.change(s.uri, device, p.value.range!, { inner: [p.value] }, 'address');
  }

  private ngTunnel(s: Stanza, device: string, o: Map<string, Option>, vars: Map<string, string>, run: StanzaRun): void {
    const mode = this.word(o.get('tunnel-mode'));
    const remote = o.get('tunnel-remote');
    const local = o.get('tunnel-local');
    const localDev = o.get('tunnel-local-dev');
    if (!mode || !remote?.value.text || (!local?.value.text && !localDev?.value.text)) {
      const need = [!mode && 'tunnel-mode', !remote?.value.text && 'tunnel-remote', !local?.value.text && !localDev?.value.text && 'tunnel-local (or tunnel-local-dev)'].filter(Boolean).join(', ');
      this.issue(s.uri, Code.invalidValue, 'error', `ifupdown-ng's tunnel executor exits 1 without ${need}: ${device} is not created.${!local && !localDev ? ' (Classic ifupdown accepts a tunnel without local; ifupdown-ng does not.)' : ''}`, s.headerRange);
      return;
    }
    const family = IPV6_MODE.test(mode.text) ? '6' : '4';
    const gretap = /gretap$/.test(mode.text);
    const pieces: Piece[] = [lit(`ip -${family} ${gretap ? 'link' : 'tunnel'} add `, s.keyword.range), lit(device, s.words[0]?.range ?? s.headerRange), lit(` ${gretap ? 'type' : 'mode'} `, o.get('tunnel-mode')!.nameRange)];
    pieces.push(gretap ? lit('gretap', mode.range) : { text: mode.text, range: mode.range, exact: true });
    const params = [...o.entries()].filter(([k]) => k.startsWith('tunnel-') && k !== 'tunnel-mode' && !NG_SWITCHES[k] && !(k === 'tunnel-local-dev' && local));
    params.sort(([a], [b]) => (a.toUpperCase().replace(/-/g, '_') < b.toUpperCase().replace(/-/g, '_') ? -1 : 1));
    let localFromDev: string | undefined;
    for (const [k, opt] of params) {
      if (k === 'tunnel-local-dev') {
        localFromDev = opt.value.text;
        continue;
      }
      pieces.push(lit(` ${k.slice(7).replace(/-/g, '_')} '`, opt.nameRange), ...valuePieces({ ...opt.value, segments: opt.value.segments.map((g) => ({ ...g, text: g.text.replace(/'/g, "'\\''") })) }), lit("'", opt.value.range));
    }
    for (const [k, [yes, no]] of Object.entries(NG_SWITCHES)) {
      const opt = o.get(k);
      if (opt) pieces.push(lit(` ${/^(yes|1)$/.test(opt.value.text) ? yes : no}`, opt.nameRange));
    }
    const built = buildCommand(pieces);
    run.create = built.text.replace(/\s+/g, ' ').trim();
    const words = built.commands[0] && ipCommandWords(built.commands[0], vars);
    if (!words) return;
    const created = this.ipCommand(s.uri, words, vars, (a, issues) => {
      if (this.modeRejected(issues, o.get('tunnel-mode'))) return undefined;
      const ep = this.creator(s, device, a, run.create!, o.get('tunnel-mode'), 'tunnel');
      if (localFromDev) this.pendingLocalDev.push({ device, dev: localFromDev, at: o.get('tunnel-local-dev')!.value.range });
      return ep;
    });
    if (!created?.creator) return;
    this.mtu(s, device, o.get('mtu'), 'ifupdown-ng sets the MTU after the tunnel executor created the device');
    this.addresses(s, device, o);
  }

  private readonly pendingLocalDev: { device: string; dev: string; at: Range }[] = [];

  /** `address` lines of a static (or ifupdown-ng) stanza: the device's addresses; with gateway, the host's default route. */
  private addresses(s: Stanza, device: string, o: Map<string, Option>, family?: string): void {
    const all = s.options.filter((x) => x.name === 'address');
    const addrs = all.length ? all : o.get('address') ? [o.get('address')!] : [];
    const mask = o.get('netmask');
    const gw = this.word(o.get('gateway'));
    for (const a of addrs) {
      const p = this.prefix(s, a, mask, family === 'inet6' ? 'ipv6' : family === 'inet' ? 'ipv4' : undefined);
      if (!p) continue;
      if (family === 'inet6' && p.family === 'ipv4') this.issue(s.uri, Code.invalidValue, 'error', 'An inet6 stanza takes an IPv6 address.', p.value.range!);
      if (family === 'inet' && p.family === 'ipv6') this.issue(s.uri, Code.invalidValue, 'error', 'An inet stanza takes an IPv4 address.', p.value.range!);
      this.change(s.uri, device, p.value.range!, { inner: [p.value] }, 'address');
      const pp = parsePrefix(p.value.value)!;
      const g = gw && parseAddress(gw.text);
      this.out.hostAddresses.push({
        uri: s.uri,
        device,
        address: written(pp.text, s.uri, p.value.range!),
        prefixLength: pp.prefixLength,
        family: pp.family,
        ...(g && g.family === pp.family ? { defaultGateway: written(g.text, s.uri, gw!.range) } : {}),
      });
    }
  }

  /** A stanza of a non-tunnel method: its MTU and addresses (for a tunnel device, or the uplink). */
  private plain(s: Stanza, device: string, h: IfaceHeader, o: Map<string, Option>): void {
    if (this.ng) {
      this.addresses(s, device, o);
      this.mtu(s, device, o.get('mtu'), 'ifupdown-ng sets the MTU (`ip link set … mtu`)');
      return;
    }
    if (h.method === 'static') {
      this.addresses(s, device, o, h.family);
      this.mtu(s, device, o.get('mtu'), `${h.family} static runs \`ip link set dev ${device} mtu N up\``);
    } else if (h.method === 'manual') this.mtu(s, device, o.get('mtu'), `${h.family} manual runs \`ip link set dev ${device} mtu N\``);
  }

  /** A tunnel without a local address takes the host's source address towards its remote: assumed from the uplink. */
  private deriveLocals(): void {
    for (const p of this.pendingLocalDev) {
      const ep = this.out.devices.get(p.device);
      if (!ep || ep.local) continue;
      const fam = ep.family?.value;
      const a = this.out.hostAddresses.find((x) => x.device === p.dev && x.family === fam);
      if (a) this.out.devices.set(p.device, { ...ep, local: derived(a.address.value, `tunnel-local-dev ${p.dev}: the executor takes the first address of ${p.dev} at ifup time, here ${a.address.value} (line ${(a.address.range?.start.line ?? 0) + 1} of ${basenameOfUri(a.uri)})`, ep.uri, p.at) });
    }
    for (const [device, ep] of this.out.devices) {
      if (ep.local || !ep.remote || ep.tunnel!.kind.source === 'derived') continue;
      const a = sourceAddressFor(this.out.hostAddresses.filter((x) => x.device !== device), ep.remote.value);
      if (a) this.out.devices.set(device, { ...ep, local: derived(a.address.value, `no local: the kernel picks the source address of its route to ${ep.remote.value}; assumed ${a.address.value} of ${a.device} (line ${(a.address.range?.start.line ?? 0) + 1} of ${basenameOfUri(a.uri)})`, ep.uri, ep.range) });
    }
  }
}

export function buildInterfaces(cfg: Config, underlayMtu: number): Interfaces {
  return new Builder(cfg, underlayMtu).run();
}
