// systemd-networkd files: .netdev ([NetDev] Kind=ip6gre|ip6tnl|gre|vti6…, [Tunnel] Local, Remote,
// Key, EncapsulationLimit, Mode; extract.ts), .network ([Match] Name=, [Link] MTUBytes=, the
// addresses; network.ts) and the .conf drop-ins of both (files.ts). A .netdev is read with its
// drop-ins and the .network that matches its Name=, whose MTUBytes= is the MTU in force
// (docs/reference/networkd-network.md); a drop-in is judged with the main file it belongs to; a
// .network gives the host's addresses. The parser reports what the ini reader cannot read; the
// checks judge sections, keys and the tunnel.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DialectModule, FileCheck, ParseContext, ParsedFile } from '../../core/types';
import { Code } from '../../core/codes';
import { emptyParsedFile } from '../../core/parsedFile';
import { basenameOfUri, uriToPath } from '../../core/uri';
import { derived } from '../../core/valued';
import { sourceAddressOfFamily, type HostAddress, type HostAddressSource } from '../../model/hostInterfaces';
import { issuesCheck } from '../shared/findings';
import type { IniFile } from '../shared/ini';
import { entryAt, iniComplete, iniDuplicatesCheck, iniFolding, iniKeysCheck, iniLineUse, iniSecretSlot, iniSecretValues, iniSymbols, iniSyntaxFindings, type IniKeyTable } from '../shared/iniFeatures';
import { markdownCode, quoteValue } from '../../core/redact';
import { hiddenHover, redactionStrings } from '../shared/secretSlots';
import { NETDEV_SECRET_SLOTS } from './secrets';
import { tunnelHoverMarkdown } from '../shared/tunnelHover';
import { netdevTunnel, type NetdevExtras, type NetdevIssue } from './extract';
import { dropinsOf, mainFiles, mainNameOfDropin, merged, networkDirs, networkdKindOf, networkFor, readNetworkdIni, type NetworkdFileKind, type ReadIni, type TextOf } from './files';
import { NETDEV_KEYS, NETDEV_OTHER_SECTIONS, NETWORK_KEYS, NETWORK_OTHER_SECTIONS, NETWORK_REPEATABLE } from './keys';
import { hostAddressesOf, readNetwork } from './network';

export interface NetdevTree {
  kind: 'systemd-netdev';
  /** Which file networkd takes this for (by its path). */
  fileKind: NetworkdFileKind;
  ini: IniFile;
  /** What the tunnel's or the .network's reading could not use, on this file (the tunnel check reports them). */
  issues: NetdevIssue[];
  /** A .network's addresses for its link. */
  hostAddresses: HostAddress[];
}

/** systemd takes `;` comments too (GKeyFile does not). */
const COMMENT = /^\s*(#|;|$)/;

const isNetwork = (k: NetworkdFileKind) => k === 'network' || k === 'network-dropin';

/** The host addresses of the .network files of the tree (the uplinks), for a tunnel without Local=. */
function uplinkAddresses(dirs: string[], ctx: ParseContext, textOf: TextOf, tunnelName: string): { addresses: HostAddress[]; carrier?: HostAddress[] } {
  const addresses: HostAddress[] = [];
  let carrier: HostAddress[] | undefined;
  for (const f of mainFiles('.network', dirs, ctx.fs, textOf)) {
    const ini = merged(f, dropinsOf(basenameOfUri(f.uri), dirs, ctx.fs, textOf));
    const settings = readNetwork(ini, f.uri);
    const own = hostAddressesOf(ini, f.uri, settings);
    if (settings.tunnels.includes(tunnelName)) carrier = own;
    addresses.push(...own);
  }
  return { addresses, carrier };
}

function netdevParse(uri: string, own: ReadIni, ctx: ParseContext, textOf: TextOf, deps: string[]) {
  const dirs = networkDirs(uri, ctx.fs);
  const dropins = dropinsOf(basenameOfUri(uri), dirs, ctx.fs, textOf);
  deps.push(...dropins.map((d) => d.uri));
  const ini = merged(own, dropins);
  const name = ini.sections.filter((s) => s.name === 'NetDev').flatMap((s) => s.entries).filter((e) => e.key === 'Name').pop()?.value;
  const extras: NetdevExtras = {};
  if (name) {
    const net = networkFor(name, dirs, ctx.fs, textOf);
    if (net) {
      deps.push(net.main.uri, ...net.dropins.map((d) => d.uri));
      const s = readNetwork(net.ini, net.main.uri);
      if (s.mtu) extras.mtu = { ...s.mtu, rule: `[Link] MTUBytes= of ${basenameOfUri(s.mtu.uri ?? net.main.uri)}, the .network that matches ${name}: networkd sets it after creating the device, over the .netdev's MTUBytes= and the kernel's` };
      if (s.addresses.length) extras.inner = s.addresses;
    }
    extras.local = (family) => {
      const { addresses, carrier } = uplinkAddresses(dirs, ctx, textOf, name);
      const pick = carrier?.find((a) => a.family === family) ?? sourceAddressOfFamily(addresses, family);
      if (!pick || pick.family !== family) return undefined;
      const how = carrier?.includes(pick) ? `the .network whose Tunnel= creates ${name} on its link (${pick.device})` : `the uplink with the default route (${pick.device})`;
      return derived(pick.address.value, `no Local=: the kernel picks the source address of the route to the remote; assumed ${pick.address.value} of ${how}, ${basenameOfUri(pick.uri)}`, uri, pick.address.range);
    };
  }
  return netdevTunnel(ini, uri, ctx.settings.pathMtu, extras);
}

function parse(doc: TextDocument, ctx: ParseContext): ParsedFile<NetdevTree> {
  const file = emptyParsedFile<NetdevTree>(doc, 'systemd-netdev');
  const fileKind = networkdKindOf(uriToPath(doc.uri)) ?? 'netdev';
  const ini = readNetworkdIni(file.text);
  const own: ReadIni = { uri: doc.uri, ini };
  const textOf: TextOf = (u) => (u === doc.uri ? file.text : ctx.fs.readFile(u));
  const deps: string[] = [];
  let issues: NetdevIssue[] = [];
  let hostAddresses: HostAddress[] = [];
  if (fileKind === 'netdev') {
    const t = netdevParse(doc.uri, own, ctx, textOf, deps);
    file.endpoints = t.endpoint ? [t.endpoint] : [];
    issues = t.issues;
  } else if (fileKind === 'netdev-dropin') {
    // Judged with its main file (and the other drop-ins) when the tree holds it; the main file gives the endpoint.
    const name = mainNameOfDropin(doc.uri);
    const main = mainFiles('.netdev', networkDirs(doc.uri, ctx.fs), ctx.fs, textOf).find((f) => basenameOfUri(f.uri) === name);
    if (main) {
      deps.push(main.uri);
      issues = netdevParse(main.uri, main, ctx, textOf, deps).issues;
    }
  } else {
    const settings = readNetwork(ini, doc.uri);
    issues = settings.issues;
    if (fileKind === 'network') {
      const dirs = networkDirs(doc.uri, ctx.fs);
      const all = merged(own, dropinsOf(basenameOfUri(doc.uri), dirs, ctx.fs, textOf));
      // A tunnel's .network holds the addresses inside the tunnel, not the host's.
      const tunnels = new Set(mainFiles('.netdev', dirs, ctx.fs, textOf).flatMap((f) => f.ini.sections.filter((s) => s.name === 'NetDev').flatMap((s) => s.entries.filter((e) => e.key === 'Name').map((e) => e.value))));
      const matched = all.sections.filter((s) => s.name === 'Match').flatMap((s) => s.entries.filter((e) => e.key === 'Name').map((e) => e.value));
      if (!matched.some((m) => tunnels.has(m))) hostAddresses = hostAddressesOf(all, doc.uri, readNetwork(all, doc.uri)).filter((a) => a.uri === doc.uri);
    }
  }
  file.findings = iniSyntaxFindings(ini, doc.uri, NETDEV_SECRET_SLOTS);
  file.tree = { kind: 'systemd-netdev', fileKind, ini, issues: issues.filter((i) => (i.uri ?? doc.uri) === doc.uri), hostAddresses };
  file.dependencies = [...new Set(deps)].filter((u) => u !== doc.uri);
  file.symbols = iniSymbols(ini, NETDEV_SECRET_SLOTS);
  file.folding = iniFolding(ini);
  return file;
}

const tableOf = (t: NetdevTree): IniKeyTable => (isNetwork(t.fileKind) ? NETWORK_KEYS : NETDEV_KEYS);

const netdevKeys = iniKeysCheck<NetdevTree>('systemd-netdev/keys', NETDEV_KEYS, '.netdev file', NETDEV_OTHER_SECTIONS);
const networkKeys = iniKeysCheck<NetdevTree>('systemd-netdev/keys', NETWORK_KEYS, '.network file', NETWORK_OTHER_SECTIONS);
const netdevDuplicates = iniDuplicatesCheck<NetdevTree>('systemd-netdev/duplicates', NETDEV_KEYS);

const CHECKS: readonly FileCheck<NetdevTree>[] = [
  { id: 'systemd-netdev/keys', codes: [Code.unknownKeyword], run: (f, ctx, r) => (isNetwork(f.tree.fileKind) ? networkKeys : netdevKeys).run(f, ctx, r) },
  {
    id: 'systemd-netdev/duplicates',
    codes: [Code.duplicateKey],
    run(f, ctx, report) {
      if (!isNetwork(f.tree.fileKind)) return netdevDuplicates.run(f, ctx, report);
      for (const s of f.tree.ini.sections) {
        if (!NETWORK_KEYS[s.name]) continue;
        const seen = new Map<string, number>();
        for (const e of s.entries) {
          const prev = seen.get(e.key);
          if (prev !== undefined && !NETWORK_REPEATABLE.has(e.key)) {
            const p = s.entries[prev];
            report({ code: Code.duplicateKey, severity: 'warning', message: `${quoteValue(e.key)}= is set again on line ${e.line + 1}; the later value wins.`, range: p.keyRange });
          }
          seen.set(e.key, s.entries.indexOf(e));
        }
      }
    },
  },
  issuesCheck('systemd-netdev/tunnel', [Code.invalidValue, Code.configIgnored], (tree: NetdevTree) => tree.issues),
];

export const dialect: DialectModule<NetdevTree> & HostAddressSource<NetdevTree> = {
  id: 'systemd-netdev',
  name: 'systemd-networkd .netdev/.network',
  matches: (path) => networkdKindOf(path) !== undefined,
  parseCodes: [Code.syntaxError],
  parse,
  checks: CHECKS,
  lineUse: (f) => (isNetwork(f.tree.fileKind) ? iniLineUse(f.text, f.tree.ini, NETWORK_KEYS, NETWORK_OTHER_SECTIONS, COMMENT) : iniLineUse(f.text, f.tree.ini, NETDEV_KEYS, NETDEV_OTHER_SECTIONS, COMMENT)),
  hover: (file, pos) => {
    const at = entryAt(file.tree.ini, pos);
    if (!at) return undefined;
    const doc = tableOf(file.tree)[at.section]?.[at.entry.key]?.doc;
    const parts = [`**${markdownCode(`${at.entry.key}=`)}** ${doc ?? '(not a key Tunnel Lens knows)'}`];
    if (iniSecretSlot(NETDEV_SECRET_SLOTS, at.section, at.entry.key)) parts.push(hiddenHover(markdownCode(`${at.entry.key}=`)));
    if (file.endpoints[0] && (at.section === 'Tunnel' || ['Kind', 'Name', 'MTUBytes'].includes(at.entry.key))) parts.push(tunnelHoverMarkdown(file.endpoints[0]));
    if (file.tree.fileKind === 'netdev-dropin') parts.push(`A drop-in of ${markdownCode(mainNameOfDropin(file.uri))}: it overrides the main file's keys.`);
    return { markdown: parts.join('\n\n'), range: at.entry.keyRange };
  },
  secretValues: (file) => redactionStrings(iniSecretValues(file.tree.ini, NETDEV_SECRET_SLOTS)),
  complete: (file, pos) => iniComplete(file.tree.ini, file.text, pos, tableOf(file.tree)),
  hostAddresses: (f) => f.tree.hostAddresses,
};
