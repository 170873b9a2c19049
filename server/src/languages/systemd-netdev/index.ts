// systemd-networkd .netdev files: [NetDev] Kind=ip6gre|ip6tnl|gre|vti6…, [Tunnel] Local, Remote,
// Key, EncapsulationLimit, Mode. The encapsulation limit in force follows networkd's tunnel.c
// (reference/ifcfg.md §5): `none` sets the ignore flag; a number is sent for ip6tnl only.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DialectModule, Finding, ParseContext, ParsedFile } from '../../core/types';
import { emptyParsedFile } from '../../core/parsedFile';
import { parseAddress } from '../../core/address';
import type { Valued } from '../../core/endpoint';
import { LINUX_KINDS, linuxEndpoint } from '../../model/linuxTunnels';
import { finding, parseIntIn } from '../shared/findings';
import { parseIni, lastEntry, type IniEntry, type IniFile } from '../shared/ini';
import { checkKeys, entryAt, iniComplete, iniFolding, iniSymbols } from '../shared/iniFeatures';
import { tunnelHoverMarkdown } from '../shared/tunnelHover';
import { parseGreKey } from '../ifcfg/validate';
import { NETDEV_KEYS } from './keys';
import { Code } from '../../core/codes';
import { triviaLedger } from '../../core/lines';

export type NetdevTree = { kind: 'systemd-netdev'; ini: IniFile };

const w = <T>(value: T, e: IniEntry, uri: string): Valued<T> => ({ value, source: 'written', uri, range: e.valueRange });

function parse(doc: TextDocument, ctx: ParseContext): ParsedFile {
  const file = emptyParsedFile(doc, 'systemd-netdev');
  const uri = doc.uri;
  const ini = parseIni(file.text, { semicolonComments: true, continuation: true });
  const out: Finding[] = [];
  checkKeys(ini, NETDEV_KEYS, uri, out, '.netdev file', ['Peer', 'VXLAN', 'Bond', 'Bridge', 'VLAN', 'WireGuard', 'WireGuardPeer', 'Xfrm', 'MACVLAN', 'FooOverUDP', 'L2TP', 'L2TPSession', 'Tun', 'Tap', 'VRF', 'BatmanAdvanced', 'IPoIB', 'WLAN', 'MACsec', 'GENEVE', 'BareUDP', 'IPVLAN', 'IPVTAP', 'VXCAN']);
  const get = (s: string, k: string) => lastEntry(ini, s, k);
  const kindE = get('NetDev', 'Kind');
  const nameE = get('NetDev', 'Name');
  const kind = kindE?.value;
  const info = kind ? LINUX_KINDS[kind] : undefined;
  const netdevSection = ini.sections.find((s) => s.name === 'NetDev');
  if (netdevSection && !nameE) out.push(finding(uri, Code.invalidValue, 'error', '[NetDev] needs Name=; networkd ignores the file without it.', netdevSection.headerRange));
  if (netdevSection && !kindE) out.push(finding(uri, Code.invalidValue, 'error', '[NetDev] needs Kind=; networkd ignores the file without it.', netdevSection.headerRange));
  if (nameE && (nameE.value.length > 15 || /[\s/:]/.test(nameE.value))) out.push(finding(uri, Code.invalidValue, 'error', `${nameE.value} is not a valid interface name.`, nameE.valueRange));
  if (info && nameE) {
    const addr = (k: string): Valued<string> | undefined => {
      const e = get('Tunnel', k);
      if (!e || e.value === 'any' || e.value === '') return undefined;
      const a = parseAddress(e.value);
      if (!a) {
        if (!/^(ipv4_link_local|ipv6_link_local|dhcp4|dhcp6|slaac|static)$/.test(e.value)) out.push(finding(uri, Code.invalidValue, 'error', `${k}= takes an address or any; "${e.value}" is not one.`, e.valueRange));
        return undefined;
      }
      if (a.family !== info.outer) out.push(finding(uri, Code.invalidValue, 'error', `Kind=${kind} has an ${info.outer === 'ipv6' ? 'IPv6' : 'IPv4'} outer header; ${k}= is ${a.family === 'ipv6' ? 'IPv6' : 'IPv4'}.`, e.valueRange));
      return w(a.text, e, uri);
    };
    let greKey: Valued<number> | undefined;
    for (const k of ['Key', 'InputKey', 'OutputKey']) {
      const e = get('Tunnel', k);
      if (!e) continue;
      const n = parseGreKey(e.value);
      if (n === undefined) out.push(finding(uri, Code.invalidValue, 'error', `${k}= takes a number or a dotted quad.`, e.valueRange));
      else if (k !== 'InputKey') greKey = w(n, e, uri);
    }
    let encapLimit: Valued<number | 'none'> | undefined;
    const el = get('Tunnel', 'EncapsulationLimit');
    if (el) {
      const n = el.value === 'none' ? 'none' : parseIntIn(el.value, 0, 255);
      if (n === undefined) out.push(finding(uri, Code.invalidValue, 'error', 'EncapsulationLimit= takes 0..255 or none.', el.valueRange));
      else if (!info.tel) out.push(finding(uri, Code.configIgnored, 'warning', `EncapsulationLimit= applies to ip6gre, ip6gretap and ip6tnl; Kind=${kind} ignores it.`, el.keyRange));
      else if (n !== 'none' && kind !== 'ip6tnl') {
        out.push(
          finding(uri, Code.configIgnored, 'warning', `systemd-networkd never sends a numeric encapsulation limit for ${kind} (only the \`none\` flag), so the kernel default 0 applies and the 8-byte Destination Options header is still sent. Write EncapsulationLimit=none to remove it. (Source reading of networkd's tunnel.c.)`, el.valueRange),
        );
        encapLimit = { value: 0, source: 'default', uri, range: el.valueRange, rule: `EncapsulationLimit=${n} is not sent for ${kind} by systemd-networkd; the kernel's netlink default 0 applies` };
      } else {
        if (n === 0) out.push(finding(uri, Code.invalidValue, 'warning', 'EncapsulationLimit=0 still adds the 8-byte Destination Options header (limit 0); only none removes it.', el.valueRange));
        encapLimit = w(n, el, uri);
      }
    }
    const mode = get('Tunnel', 'Mode');
    if (mode && kind === 'ip6tnl' && !['ip6ip6', 'ipip6', 'any'].includes(mode.value)) out.push(finding(uri, Code.invalidValue, 'error', 'Mode= takes ip6ip6, ipip6 or any.', mode.valueRange));
    const mtuE = get('NetDev', 'MTUBytes');
    let mtu: Valued<number> | undefined;
    if (mtuE) {
      const m = /^(\d+)([KMG]?)$/i.exec(mtuE.value);
      const n = m ? Number(m[1]) * ({ '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as Record<string, number>)[m[2].toLowerCase()] : undefined;
      if (n === undefined || n < 68 || n > 65535) out.push(finding(uri, Code.invalidValue, 'error', 'MTUBytes= takes a size from 68 to 65535.', mtuE.valueRange));
      else mtu = w(n, mtuE, uri);
    }
    const e = linuxEndpoint({
      uri,
      range: { start: nameE.keyRange.start, end: nameE.valueRange.end },
      device: nameE.value,
      creator: 'networkd',
      kind: w(kind!, kindE!, uri),
      ip6tnlMode: kind === 'ip6tnl' ? (mode?.value ?? 'ip6ip6') : undefined,
      local: addr('Local'),
      remote: addr('Remote'),
      greKey,
      gre: { seq: get('Tunnel', 'SerializeTunneledPackets')?.value === 'yes' },
      encapLimit,
      mtu,
      underlayMtu: ctx.settings.pathMtu,
    });
    file.endpoints = [e];
  }
  file.findings = out;
  file.tree = { kind: 'systemd-netdev', ini } satisfies NetdevTree;
  file.symbols = iniSymbols(ini);
  file.folding = iniFolding(ini);
  return file;
}

export const dialect: DialectModule = {
  id: 'systemd-netdev',
  // TRANSITIONAL (issue 14): the codes parse() reports today, and no line ledger yet.
  parseCodes: [Code.configIgnored, Code.invalidValue, Code.duplicateKey, Code.syntaxError, Code.unknownKeyword],
  lineUse: (f) => triviaLedger(f.text),
  name: 'systemd .netdev',
  matches: (path) => /\.netdev$/.test(path),
  parse,
  hover: (file, pos) => {
    const ini = (file.tree as NetdevTree).ini;
    const at = entryAt(ini, pos);
    if (!at) return undefined;
    const doc = NETDEV_KEYS[at.section]?.[at.entry.key]?.doc;
    const parts = [`**${at.entry.key}=** ${doc ?? '(not a key Tunnel Lens knows)'}`];
    if (file.endpoints[0] && (at.section === 'Tunnel' || ['Kind', 'Name', 'MTUBytes'].includes(at.entry.key))) parts.push(tunnelHoverMarkdown(file.endpoints[0]));
    return { markdown: parts.join('\n\n'), range: at.entry.keyRange };
  },
  complete: (file, pos) => iniComplete((file.tree as NetdevTree).ini, file.text, pos, NETDEV_KEYS),
};
