// What a netplan configuration makes (docs/reference/netplan.md): the tunnels of `tunnels:` with
// the Linux kind each mode renders, their outer addresses, key, MTU and addresses, the renderer
// (per definition, else `network: renderer:`, else networkd), and the encapsulation limit in force:
// no netplan key sets it, so it is the renderer's default (networkd: 0 for ip6gre, 4 for ip6tnl;
// NetworkManager: 0), unless a drop-in of the generated .netdev sets EncapsulationLimit= or an NM
// passthrough sets ip-tunnel.flags / encapsulation-limit. The addresses and default routes of the
// other definitions are the host's. Every problem is recorded on the file and line it comes from;
// the line ledger's marks are left as the definitions are read.
import type { Range } from 'vscode-languageserver-types';
import type { Pair } from 'yaml';
import type { Endpoint, Valued } from '../../core/endpoint';
import { Code } from '../../core/codes';
import { parseAddress, parsePrefix } from '../../core/address';
import { didYouMean } from '../../core/didYouMean';
import type { FileSystem } from '../../core/types';
import { basenameOfUri, joinUri } from '../../core/uri';
import { defaulted, derived, written } from '../../core/valued';
import { compareVersions } from '../../core/versions';
import { sourceAddressFor, type HostAddress } from '../../model/hostInterfaces';
import { defaultEncapLimit, linuxEndpoint, LINUX_KINDS } from '../../model/linuxTunnels';
import { netplanKindRule, netplanNetdevName, type NetplanRenderer } from '../../model/netplan';
import type { Issue } from '../shared/findings';
import { lastEntry, parseIni, type IniEntry } from '../shared/ini';
import { parseGreKey, parseIntIn } from '../shared/linuxValues';
import type { NetplanConfig } from './config';
import { COMMON_KEYS, NETWORK_KEYS, NM_IGN_ENCAP_LIMIT, NM_IP6GRE_FLAGS_SINCE, OTHER_MODES, TUNNEL_KEYS, TUNNEL_MODES, type KeyDoc } from './keys';
import { isMap, isSeq, keyText, nodeLines, nodeRange, pairsOf, scalarText, type YamlFile } from './reader';

export interface FileIssue extends Issue {
  uri: string;
}

export type Mark = 'model' | 'outside' | 'continued';

/** One definition (`tunnels: tun10: …`) of one file. */
export interface Definition {
  file: YamlFile;
  type: string;
  id: string;
  pair: Pair<unknown, unknown>;
}

export interface Netplan {
  /** Tunnel endpoints, by the file that defines them first. */
  endpoints: Endpoint[];
  hostAddresses: HostAddress[];
  issues: FileIssue[];
  /** Per file: line → how the reader took it. */
  marks: Map<string, Map<number, Mark>>;
  definitions: Definition[];
  /** The global renderer and where it is set. */
  renderer: Valued<NetplanRenderer>;
  dependencies: string[];
}

const RENDERERS: Record<string, NetplanRenderer> = { networkd: 'networkd', NetworkManager: 'NetworkManager' };

class Reader {
  readonly out: Netplan;
  constructor(private readonly cfg: NetplanConfig, private readonly fs: FileSystem, private readonly underlay: number, private readonly nmVersion: string | undefined) {
    this.out = { endpoints: [], hostAddresses: [], issues: [], marks: new Map(), definitions: [], renderer: defaulted('networkd', 'netplan\'s default renderer (networkd)'), dependencies: [] };
  }

  issue(f: YamlFile, code: Issue['code'], severity: Issue['severity'], message: string, range: Range | undefined): void {
    if (range) this.out.issues.push({ uri: f.uri, code, severity, message, range });
  }

  mark(f: YamlFile, line: number, m: Mark): void {
    let lines = this.out.marks.get(f.uri);
    if (!lines) this.out.marks.set(f.uri, (lines = new Map()));
    const was = lines.get(line);
    if (was === 'model' || (was === 'outside' && m === 'continued')) return;
    lines.set(line, m);
  }

  /** Marks a pair: its key line with `m`, every further line of its value continued (a sub-tree outside the model stays outside). */
  markPair(f: YamlFile, p: Pair<unknown, unknown>, m: Mark | undefined, subtree: Mark = 'continued'): void {
    const k = nodeLines(f, p.key);
    if (k && m) this.mark(f, k[0], m);
    // A complex key (`? …`) spans lines of its own: they belong to the pair.
    if (k) for (let l = k[0] + 1; l <= k[1]; l++) this.mark(f, l, 'continued');
    const v = nodeLines(f, p.value);
    if (v) for (let l = v[0]; l <= v[1]; l++) if (l !== k?.[0]) this.mark(f, l, subtree);
  }

  run(): Netplan {
    for (const f of this.cfg.files) {
      this.readFile(f);
      this.emptyKeys(f);
    }
    this.tunnels();
    return this.out;
  }

  private readFile(f: YamlFile): void {
    const n = f.network;
    const contents = f.doc.contents;
    if (contents && !isMap(contents)) {
      // A document that is no mapping: netplan rejects it; nothing of it is read.
      const lines = nodeLines(f, contents);
      this.issue(f, Code.invalidValue, 'error', 'A netplan file is a mapping that starts with `network:`; this one is not, and netplan rejects the configuration.', nodeRange(f, contents));
      if (lines) for (let l = lines[0] + 1; l <= lines[1]; l++) this.mark(f, l, 'continued');
      return;
    }
    for (const p of pairsOf(f.doc.contents)) {
      if (p === n) continue;
      this.markPair(f, p, undefined, 'continued');
      this.issue(f, Code.unknownKeyword, 'error', `netplan reads only \`network:\` at the top; "${keyText(p).slice(0, 40)}" makes it reject the configuration.`, nodeRange(f, p.key));
    }
    if (!n) return;
    this.mark(f, nodeLines(f, n.key)![0], 'model');
    if (!isMap(n.value)) {
      if (n.value !== null) this.issue(f, Code.invalidValue, 'error', '`network:` takes a mapping.', nodeRange(f, n.value));
      return;
    }
    for (const p of pairsOf(n.value)) {
      const k = keyText(p);
      const doc = NETWORK_KEYS[k];
      if (!doc) {
        const dym = didYouMean(k, Object.keys(NETWORK_KEYS));
        this.issue(f, Code.unknownKeyword, 'error', `\`${k.slice(0, 40)}\` is not a key of \`network:\`: netplan stops with "unknown key" and applies none of the configuration.${dym ? ` Did you mean ${dym}?` : ''}`, nodeRange(f, p.key));
        this.markPair(f, p, undefined, 'continued');
        continue;
      }
      this.mark(f, nodeLines(f, p.key)![0], 'model');
      if (k === 'version') {
        const v = scalarText(p.value);
        if (v !== '2') this.issue(f, Code.invalidValue, 'error', 'netplan supports only `version: 2`.', nodeRange(f, p.value));
        this.markPair(f, p, 'model');
      } else if (k === 'renderer') {
        const v = scalarText(p.value) ?? '';
        if (!RENDERERS[v]) this.issue(f, Code.invalidValue, 'error', `renderer takes networkd or NetworkManager; "${v.slice(0, 40)}" is neither.`, nodeRange(f, p.value));
        else this.out.renderer = written(RENDERERS[v], f.uri, nodeRange(f, p.value)!, '`network: renderer:`');
        this.markPair(f, p, 'model');
      } else this.section(f, k, p);
    }
  }

  /** A line that starts with `:` is a pair with an empty key, which netplan does not know (the node has no place of its own). */
  private emptyKeys(f: YamlFile): void {
    const lines = f.text.split('\n');
    const marked = this.out.marks.get(f.uri);
    lines.forEach((l, i) => {
      const m = marked?.has(i) ? undefined : /^(\s*(?:-\s+)?):(\s|$)/.exec(l);
      if (m) this.issue(f, Code.unknownKeyword, 'error', 'A key is empty: netplan stops with "unknown key" and applies none of the configuration.', { start: { line: i, character: m[1].length }, end: { line: i, character: m[1].length + 1 } });
    });
  }

  private section(f: YamlFile, type: string, p: Pair<unknown, unknown>): void {
    if (p.value === null) return;
    if (!isMap(p.value)) {
      this.issue(f, Code.invalidValue, 'error', `\`${type}:\` takes a mapping of definitions (id: settings).`, nodeRange(f, p.value));
      this.markPair(f, p, 'model');
      return;
    }
    for (const d of pairsOf(p.value)) {
      const id = keyText(d);
      this.mark(f, nodeLines(f, d.key)![0], 'model');
      if (!isMap(d.value)) {
        this.issue(f, Code.invalidValue, 'error', `The definition ${id.slice(0, 40)} takes a mapping of settings.`, nodeRange(f, d.value ?? d.key));
        this.markPair(f, d, 'model');
        continue;
      }
      this.out.definitions.push({ file: f, type, id, pair: d });
      for (const s of pairsOf(d.value)) {
        const k = keyText(s);
        const known: KeyDoc | undefined = COMMON_KEYS[k] ?? (type === 'tunnels' ? TUNNEL_KEYS[k] : undefined);
        if (type === 'tunnels' && !known) {
          const dym = didYouMean(k, [...Object.keys(TUNNEL_KEYS), ...Object.keys(COMMON_KEYS)]);
          this.issue(f, Code.unknownKeyword, 'error', `\`${k.slice(0, 40)}\` is not a key of a tunnel: netplan stops with "unknown key" and applies none of the configuration.${dym ? ` Did you mean ${dym}?` : ''}${/encap/i.test(k) ? ' No netplan key sets the encapsulation limit (see the hover on mode).' : ''}`, nodeRange(f, s.key));
          this.markPair(f, s, undefined, 'continued');
          continue;
        }
        this.markPair(f, s, known?.model ? 'model' : 'outside', known?.model ? 'model' : 'outside');
      }
      if (type !== 'tunnels') this.host(f, d);
    }
  }

  /** The addresses and default routes of a non-tunnel definition: the host's. */
  private host(f: YamlFile, d: Pair<unknown, unknown>): void {
    const id = keyText(d);
    const get = (k: string) => pairsOf(d.value).find((p) => keyText(p) === k);
    const gateways: Valued<string>[] = [];
    for (const k of ['gateway4', 'gateway6']) {
      const g = get(k);
      const a = g && parseAddress(scalarText(g.value) ?? '');
      if (g && a) gateways.push(written(a.text, f.uri, nodeRange(f, g.value)!));
    }
    const routes = get('routes');
    if (routes && isSeq(routes.value))
      for (const r of routes.value.items) {
        const to = scalarText(pairsOf(r).find((p) => keyText(p) === 'to')?.value);
        const via = pairsOf(r).find((p) => keyText(p) === 'via');
        const a = via && parseAddress(scalarText(via.value) ?? '');
        if (a && (to === 'default' || to === '0.0.0.0/0' || to === '::/0')) gateways.push(written(a.text, f.uri, nodeRange(f, via!.value)!));
      }
    for (const a of this.addresses(f, get('addresses'))) {
      const p = parsePrefix(a.value)!;
      const gw = gateways.find((g) => parseAddress(g.value)?.family === p.family);
      this.out.hostAddresses.push({ uri: f.uri, device: id, address: { ...a, value: p.text }, prefixLength: p.prefixLength, family: p.family, ...(gw ? { defaultGateway: gw } : {}) });
    }
  }

  /** `addresses:` items: "a/p" scalars, or single-key mappings `"a/p": {lifetime, label}`. */
  private addresses(f: YamlFile, p: Pair<unknown, unknown> | undefined): Valued<string>[] {
    if (!p) return [];
    if (!isSeq(p.value)) {
      if (p.value !== null) this.issue(f, Code.invalidValue, 'error', '`addresses:` takes a list.', nodeRange(f, p.value));
      return [];
    }
    const out: Valued<string>[] = [];
    for (const item of p.value.items) {
      const node = isMap(item) ? pairsOf(item)[0]?.key : item;
      const text = scalarText(node) ?? '';
      const pp = parsePrefix(text);
      if (!pp || !text.includes('/')) {
        this.issue(f, Code.invalidValue, 'error', `An address takes its prefix length (192.0.2.5/30); "${text.slice(0, 40)}" is not one.`, nodeRange(f, node));
        continue;
      }
      out.push(written(`${pp.text}/${pp.prefixLength}`, f.uri, nodeRange(f, node)!));
    }
    return out;
  }

  /** Each tunnel id, its settings merged over the files in order (later keys win), owned by the first file that defines it. */
  private tunnels(): void {
    const ids = new Map<string, Definition[]>();
    for (const d of this.out.definitions) if (d.type === 'tunnels') (ids.get(d.id) ?? ids.set(d.id, []).get(d.id)!).push(d);
    for (const [id, defs] of ids) {
      const keys = new Map<string, { def: Definition; pair: Pair<unknown, unknown> }>();
      for (const def of defs) for (const p of pairsOf(def.pair.value)) keys.set(keyText(p), { def, pair: p });
      const ep = this.tunnel(id, defs[0], keys);
      if (ep) this.out.endpoints.push(ep);
    }
  }

  private tunnel(id: string, owner: Definition, keys: Map<string, { def: Definition; pair: Pair<unknown, unknown> }>): Endpoint | undefined {
    const f = owner.file;
    const at = (k: string) => keys.get(k);
    const text = (k: string) => scalarText(at(k)?.pair.value);
    const range = (k: string) => nodeRange(at(k)!.def.file, at(k)!.pair.value);
    const fileOf = (k: string) => at(k)!.def.file;
    const modeE = at('mode');
    const mode = text('mode');
    const idRange = nodeRange(f, owner.pair.key)!;
    if (!modeE || mode === undefined || mode === '') {
      this.issue(f, Code.invalidValue, 'error', `"missing or invalid 'mode' property for tunnel": netplan rejects ${id}.`, idRange);
      return undefined;
    }
    if (OTHER_MODES.includes(mode)) return undefined;
    const info = TUNNEL_MODES[mode];
    if (!info) {
      const dym = didYouMean(mode, Object.keys(TUNNEL_MODES), undefined, true);
      this.issue(fileOf('mode'), Code.invalidValue, 'error', `"tunnel mode '${mode.slice(0, 40)}' is not supported" (netplan compares the names exactly).${dym ? ` Did you mean ${dym}?` : ''}`, range('mode'));
      return undefined;
    }
    const rendererE = at('renderer');
    const own = rendererE && RENDERERS[text('renderer') ?? ''];
    if (rendererE && !own) this.issue(fileOf('renderer'), Code.invalidValue, 'error', 'renderer takes networkd or NetworkManager.', range('renderer'));
    const renderer: NetplanRenderer = own ?? this.out.renderer.value;
    if (info.nmOnly && renderer === 'networkd') this.issue(fileOf('mode'), Code.invalidValue, 'error', '"ISATAP tunnel mode is not supported by networkd": use the NetworkManager renderer, or mode sit.', range('mode'));
    const fam = (f2: 'ipv4' | 'ipv6') => (f2 === 'ipv6' ? 'IPv6' : 'IPv4');
    const addr = (k: 'local' | 'remote'): Valued<string> | undefined => {
      const e = at(k);
      if (!e) return undefined;
      const v = text(k) ?? '';
      if (v.includes('/')) {
        this.issue(fileOf(k), Code.invalidValue, 'error', `"address '${v.slice(0, 40)}' should not include /prefixlength".`, range(k));
        return undefined;
      }
      const a = parseAddress(v);
      if (!a) this.issue(fileOf(k), Code.invalidValue, 'error', `${k} takes an IP address; "${v.slice(0, 40)}" is not one.`, range(k));
      else if (a.family !== info.outer) this.issue(fileOf(k), Code.invalidValue, 'error', `mode ${mode} needs an ${fam(info.outer)} ${k} address; ${v} is ${fam(a.family)}.`, range(k));
      else return written(a.text, fileOf(k).uri, range(k)!);
      return undefined;
    };
    const remote = addr('remote');
    if (!at('remote')) this.issue(f, Code.invalidValue, 'error', `"missing 'remote' property for tunnel": netplan rejects ${id}.`, idRange);
    const ttl = at('ttl');
    if (ttl && parseIntIn(text('ttl') ?? '', 0, 255) === undefined) this.issue(fileOf('ttl'), Code.invalidValue, 'error', 'ttl takes a number up to 255.', range('ttl'));
    // GRE keys: a scalar sets input = output; `keys: {input, output}`.
    let greKey: Valued<number> | undefined;
    for (const k of ['key', 'keys']) {
      const e = at(k);
      if (!e) continue;
      const out = isMap(e.pair.value) ? pairsOf(e.pair.value).find((p) => keyText(p) === 'output' || keyText(p) === 'input') : undefined;
      const node = isMap(e.pair.value) ? pairsOf(e.pair.value).find((p) => keyText(p) === 'output')?.value ?? out?.value : e.pair.value;
      const v = scalarText(node);
      if (v === undefined || v === '') continue;
      if (!info.keys) {
        this.issue(e.def.file, Code.invalidValue, 'error', `"'input-key' is not required for this tunnel type": mode ${mode} takes no GRE key.`, nodeRange(e.def.file, e.pair.key));
        continue;
      }
      const n = parseGreKey(v);
      if (n === undefined) this.issue(e.def.file, Code.invalidValue, 'error', 'A key takes a number or a dotted quad.', nodeRange(e.def.file, node));
      else if (info.kind !== 'vti' && info.kind !== 'vti6') greKey = written(n, e.def.file.uri, nodeRange(e.def.file, node)!);
    }
    let mtu: Valued<number> | undefined;
    if (at('mtu')) {
      const n = parseIntIn(text('mtu') ?? '', 68, 65535);
      if (n === undefined) this.issue(fileOf('mtu'), Code.invalidValue, 'error', 'mtu takes a number from 68 to 65535.', range('mtu'));
      else mtu = written(n, fileOf('mtu').uri, range('mtu')!, renderer === 'networkd' ? `rendered as MTUBytes= in ${netplanNetdevName(id)}` : 'rendered as ip-tunnel.mtu');
    }
    const inner = at('addresses') ? this.addresses(fileOf('addresses'), at('addresses')!.pair) : [];
    const modeRange = range('mode')!;
    let encapLimit: Valued<number | 'none'> | undefined;
    if (LINUX_KINDS[info.kind]?.tel) {
      if (renderer === 'networkd') {
        const fromDropin = this.dropinLimit(id, info.kind);
        if (fromDropin.mtu) mtu = fromDropin.mtu;
        encapLimit = fromDropin.limit;
        if (!encapLimit) {
          const d = defaultEncapLimit(info.kind, 'networkd')!;
          encapLimit = defaulted(d.value, `the networkd renderer writes no EncapsulationLimit= into ${netplanNetdevName(id)} (netplan has no key that sets the encapsulation limit; a drop-in /etc/systemd/network/${netplanNetdevName(id)}.d/*.conf with [Tunnel] EncapsulationLimit=none removes the option): ${d.rule}`, fileOf('mode').uri, modeRange);
        }
      } else {
        encapLimit = this.nmLimit(id, info.kind, keys, modeRange, fileOf('mode'));
      }
    }
    let local = addr('local');
    if (!at('local') && remote) {
      const a = sourceAddressFor(this.out.hostAddresses, remote.value);
      if (a) local = derived(a.address.value, `no local: the kernel picks the source address of its route to ${remote.value}; assumed ${a.address.value} of ${a.device} (${basenameOfUri(a.uri)}), which has the default route`, f.uri, idRange);
    }
    return linuxEndpoint({
      uri: f.uri,
      range: idRange,
      device: id,
      creator: renderer === 'networkd' ? 'networkd' : 'networkmanager',
      kind: written(info.kind, fileOf('mode').uri, modeRange, netplanKindRule(id, renderer, mode, info.kind)),
      ip6tnlMode: info.ip6tnlMode,
      local,
      remote,
      greKey,
      encapLimit,
      mtu,
      inner,
      underlayMtu: this.underlay,
    });
  }

  /** EncapsulationLimit= (and MTUBytes=) of the generated .netdev's drop-ins (docs/reference/networkd-network.md §2). */
  private dropinLimit(id: string, kind: string): { limit?: Valued<number | 'none'>; mtu?: Valued<number> } {
    const root = this.cfg.root;
    if (!root) return {};
    const name = `${netplanNetdevName(id)}.d`;
    const byName = new Map<string, string>();
    for (const d of ['etc/systemd/network', 'run/systemd/network', 'lib/systemd/network']) {
      const dir = joinUri(root, ...d.split('/'), name);
      this.out.dependencies.push(dir);
      for (const u of this.fs.readDirectory(dir) ?? []) if (u.endsWith('.conf') && !byName.has(basenameOfUri(u))) byName.set(basenameOfUri(u), u);
    }
    let limit: { e: IniEntry; uri: string } | undefined;
    let mtuE: { e: IniEntry; uri: string } | undefined;
    for (const n of [...byName.keys()].sort()) {
      const uri = byName.get(n)!;
      const text = this.fs.readFile(uri);
      if (text === undefined) continue;
      this.out.dependencies.push(uri);
      const ini = parseIni(text, { semicolonComments: true, continuation: true });
      const l = lastEntry(ini, 'Tunnel', 'EncapsulationLimit');
      if (l) limit = { e: l, uri };
      const m = lastEntry(ini, 'NetDev', 'MTUBytes');
      if (m) mtuE = { e: m, uri };
    }
    const out: { limit?: Valued<number | 'none'>; mtu?: Valued<number> } = {};
    if (mtuE && /^\d+$/.test(mtuE.e.value)) {
      const n = parseIntIn(mtuE.e.value, 68, 65535);
      if (n !== undefined) out.mtu = written(n, mtuE.uri, mtuE.e.valueRange, `MTUBytes= of the drop-in ${basenameOfUri(mtuE.uri)} for ${netplanNetdevName(id)}`);
    }
    if (limit) {
      const v = limit.e.value;
      const n = v === 'none' ? 'none' : parseIntIn(v, 0, 255);
      if (n === 'none' || (n !== undefined && kind === 'ip6tnl')) out.limit = written<number | 'none'>(n, limit.uri, limit.e.valueRange, `EncapsulationLimit= of the drop-in ${basenameOfUri(limit.uri)} for ${netplanNetdevName(id)}`);
      else if (n !== undefined)
        out.limit = { value: 0, source: 'default', uri: limit.uri, range: limit.e.valueRange, rule: `EncapsulationLimit=${n} in ${basenameOfUri(limit.uri)} is not sent for ${kind} by systemd-networkd (only the none flag is); the kernel's netlink default 0 applies` };
    }
    return out;
  }

  /** The NetworkManager renderer: `networkmanager: passthrough:` ip-tunnel.flags / encapsulation-limit, else NM's default 0. */
  private nmLimit(id: string, kind: string, keys: Map<string, { def: Definition; pair: Pair<unknown, unknown> }>, modeRange: Range, modeFile: YamlFile): Valued<number | 'none'> {
    const nm = keys.get('networkmanager');
    const pass = nm && pairsOf(nm.pair.value).find((p) => keyText(p) === 'passthrough');
    const get = (k: string) => (pass ? pairsOf(pass.value).find((p) => keyText(p) === k) : undefined);
    const flags = get('ip-tunnel.flags');
    const file = nm?.def.file ?? modeFile;
    if (flags) {
      const n = parseIntIn(scalarText(flags.value) ?? '', 0, 0xffffffff, true);
      if (n === undefined) this.issue(file, Code.invalidValue, 'error', 'ip-tunnel.flags takes a number (1 = ip6-ign-encap-limit).', nodeRange(file, flags.value));
      else if (n & NM_IGN_ENCAP_LIMIT) {
        if ((kind === 'ip6gre' || kind === 'ip6gretap') && this.nmVersion && compareVersions(this.nmVersion, NM_IP6GRE_FLAGS_SINCE) < 0)
          this.issue(file, Code.versionIncompatible, 'error', `NetworkManager ${this.nmVersion} rejects ip-tunnel.flags on ${kind} ("some flags are invalid for the select mode"): it needs ${NM_IP6GRE_FLAGS_SINCE} or 1.44.`, nodeRange(file, flags.value));
        return written<number | 'none'>('none', file.uri, nodeRange(file, flags.value)!, 'networkmanager passthrough ip-tunnel.flags bit 0x1 (ip6-ign-encap-limit)');
      }
    }
    const el = get('ip-tunnel.encapsulation-limit');
    if (el) {
      const n = parseIntIn(scalarText(el.value) ?? '', 0, 255);
      if (n !== undefined) return written<number | 'none'>(n, file.uri, nodeRange(file, el.value)!, 'networkmanager passthrough ip-tunnel.encapsulation-limit');
      this.issue(file, Code.invalidValue, 'error', 'ip-tunnel.encapsulation-limit takes 0..255.', nodeRange(file, el.value));
    }
    const d = defaultEncapLimit(kind, 'networkmanager')!;
    return defaulted(d.value, `the NetworkManager renderer writes no encapsulation-limit into netplan-${id}.nmconnection (netplan has no key for it; \`networkmanager: passthrough: ip-tunnel.flags: "1"\` removes the option): ${d.rule}`, modeFile.uri, modeRange);
  }
}

export function readNetplan(cfg: NetplanConfig, fs: FileSystem, underlayMtu: number, nmVersion?: string): Netplan {
  return new Reader(cfg, fs, underlayMtu, nmVersion).run();
}
