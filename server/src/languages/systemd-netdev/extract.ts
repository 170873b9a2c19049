// The tunnel a .netdev file makes systemd-networkd create, with the encapsulation limit networkd
// really sends (docs/reference/ifcfg.md §5): `none` sets the ignore flag; a number is sent for
// ip6tnl only, so for ip6gre the kernel's netlink default 0 applies. What the extraction cannot
// use it records as an issue for the tunnel check.
import type { Endpoint, Valued } from '../../core/endpoint';
import { Code } from '../../core/codes';
import { parseAddress } from '../../core/address';
import { quoteValue } from '../../core/redact';
import { written } from '../../core/valued';
import { LINUX_KINDS, linuxEndpoint } from '../../model/linuxTunnels';
import type { Issue } from '../shared/findings';
import { lastEntry, type IniEntry, type IniFile } from '../shared/ini';
import { parseGreKey, parseIntIn } from '../shared/linuxValues';
import { entryUri } from './files';

const w = <T>(value: T, e: IniEntry, uri: string): Valued<T> => written(value, entryUri(e, uri), e.valueRange);

/** An issue of the file an entry is written in (a drop-in's may be another file's). */
export type NetdevIssue = Issue & { uri?: string };

/** What the .network and the host add to the tunnel a .netdev makes. */
export interface NetdevExtras {
  /** [Link] MTUBytes= of the .network that matches the tunnel (docs/reference/networkd-network.md §3). */
  mtu?: Valued<number>;
  inner?: Valued<string>[];
  /** The local address when Local= is unset: the uplink's. */
  local?: (family: 'ipv4' | 'ipv6') => Valued<string> | undefined;
}
const familyName = (f: 'ipv4' | 'ipv6') => (f === 'ipv6' ? 'IPv6' : 'IPv4');
/** Local=/Remote= words networkd takes instead of an address. */
const ADDRESS_WORDS = /^(ipv4_link_local|ipv6_link_local|dhcp4|dhcp6|slaac|static)$/;
const SIZE_UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

export function netdevTunnel(ini: IniFile, uri: string, underlayMtu: number, extras: NetdevExtras = {}): { endpoint?: Endpoint; issues: NetdevIssue[] } {
  const issues: NetdevIssue[] = [];
  const issue = (code: Issue['code'], severity: Issue['severity'], message: string, range: Issue['range'], e?: IniEntry) => issues.push({ code, severity, message, range, uri: e ? entryUri(e, uri) : uri });
  const get = (s: string, k: string) => lastEntry(ini, s, k);
  const kindE = get('NetDev', 'Kind');
  const nameE = get('NetDev', 'Name');
  const kind = kindE?.value;
  const info = kind ? LINUX_KINDS[kind] : undefined;
  const netdevSection = ini.sections.find((s) => s.name === 'NetDev');
  if (netdevSection && !nameE) issue(Code.invalidValue, 'error', '[NetDev] needs Name=; networkd ignores the file without it.', netdevSection.headerRange);
  if (netdevSection && !kindE) issue(Code.invalidValue, 'error', '[NetDev] needs Kind=; networkd ignores the file without it.', netdevSection.headerRange);
  if (nameE && (nameE.value.length > 15 || /[\s/:]/.test(nameE.value))) issue(Code.invalidValue, 'error', `${quoteValue(nameE.value)} is not a valid interface name.`, nameE.valueRange, nameE);
  if (!info || !nameE) return { issues };
  const addr = (k: string): Valued<string> | undefined => {
    const e = get('Tunnel', k);
    if (!e || e.value === 'any' || e.value === '') return undefined;
    const a = parseAddress(e.value);
    if (!a) {
      if (!ADDRESS_WORDS.test(e.value)) issue(Code.invalidValue, 'error', `${k}= takes an address or any; "${quoteValue(e.value)}" is not one.`, e.valueRange, e);
      return undefined;
    }
    if (a.family !== info.outer) issue(Code.invalidValue, 'error', `Kind=${kind} has an ${familyName(info.outer)} outer header; ${k}= is ${familyName(a.family)}.`, e.valueRange, e);
    return w(a.text, e, uri);
  };
  let greKey: Valued<number> | undefined;
  for (const k of ['Key', 'InputKey', 'OutputKey']) {
    const e = get('Tunnel', k);
    if (!e) continue;
    const n = parseGreKey(e.value);
    if (n === undefined) issue(Code.invalidValue, 'error', `${k}= takes a number or a dotted quad.`, e.valueRange, e);
    else if (k !== 'InputKey') greKey = w(n, e, uri);
  }
  let encapLimit: Valued<number | 'none'> | undefined;
  const el = get('Tunnel', 'EncapsulationLimit');
  if (el) {
    const n = el.value === 'none' ? 'none' : parseIntIn(el.value, 0, 255);
    if (n === undefined) issue(Code.invalidValue, 'error', 'EncapsulationLimit= takes 0..255 or none.', el.valueRange, el);
    else if (!info.tel) issue(Code.configIgnored, 'warning', `EncapsulationLimit= applies to ip6gre, ip6gretap and ip6tnl; Kind=${kind} ignores it.`, el.keyRange, el);
    else if (n !== 'none' && kind !== 'ip6tnl') {
      issue(Code.configIgnored, 'warning', `systemd-networkd never sends a numeric encapsulation limit for ${kind} (only the \`none\` flag), so the kernel default 0 applies and the 8-byte Destination Options header is still sent. Write EncapsulationLimit=none to remove it. (Source reading of networkd's tunnel.c.)`, el.valueRange, el);
      encapLimit = { value: 0, source: 'default', uri: entryUri(el, uri), range: el.valueRange, rule: `EncapsulationLimit=${n} is not sent for ${kind} by systemd-networkd; the kernel's netlink default 0 applies` };
    } else {
      if (n === 0) issue(Code.invalidValue, 'warning', 'EncapsulationLimit=0 still adds the 8-byte Destination Options header (limit 0); only none removes it.', el.valueRange, el);
      encapLimit = w(n, el, uri);
    }
  }
  const mode = get('Tunnel', 'Mode');
  if (mode && kind === 'ip6tnl' && !['ip6ip6', 'ipip6', 'any'].includes(mode.value)) issue(Code.invalidValue, 'error', 'Mode= takes ip6ip6, ipip6 or any.', mode.valueRange, mode);
  const mtuE = get('NetDev', 'MTUBytes');
  let mtu: Valued<number> | undefined;
  if (mtuE) {
    const n = parseMtuBytes(mtuE.value);
    if (n === undefined) issue(Code.invalidValue, 'error', 'MTUBytes= takes a size from 68 to 65535.', mtuE.valueRange, mtuE);
    else mtu = w(n, mtuE, uri);
  }
  // The .network's [Link] MTUBytes= is set after the device is made: it is the MTU in force.
  if (extras.mtu) mtu = extras.mtu;
  const local = addr('Local') ?? (info.outer ? extras.local?.(info.outer) : undefined);
  const endpoint = linuxEndpoint({
    uri,
    range: { start: nameE.keyRange.start, end: nameE.valueRange.end },
    device: nameE.value,
    creator: 'networkd',
    kind: w(kind!, kindE!, uri),
    ip6tnlMode: kind === 'ip6tnl' ? (mode?.value ?? 'ip6ip6') : undefined,
    local,
    remote: addr('Remote'),
    greKey,
    gre: { seq: get('Tunnel', 'SerializeTunneledPackets')?.value === 'yes' },
    encapLimit,
    mtu,
    inner: extras.inner,
    underlayMtu,
  });
  return { endpoint, issues };
}

/** MTUBytes= (K, M, G to the base of 1024; docs/reference/networkd-network.md §3): 68..65535, else undefined. */
export function parseMtuBytes(v: string): number | undefined {
  const m = /^(\d+)([KMG]?)$/i.exec(v.trim());
  const n = m ? Number(m[1]) * SIZE_UNITS[m[2].toLowerCase()] : undefined;
  return n === undefined || n < 68 || n > 65535 ? undefined : n;
}
