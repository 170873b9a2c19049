// The tunnel a NetworkManager keyfile [ip-tunnel] profile creates (docs/reference/ifcfg.md §4). The
// encapsulation limit in force: flags bit 0x1 (ip6-ign-encap-limit) → none; otherwise
// encapsulation-limit (default 0, always sent, so the Destination Options header is there even
// with 0). NM before 1.42.6 rejects the flag on ip6gre/ip6gretap. What the extraction cannot use
// it records as an issue for the tunnel check.
import type { Endpoint, Valued } from '../../core/endpoint';
import type { ParseContext } from '../../core/types';
import { Code } from '../../core/codes';
import { parseAddress, parsePrefix } from '../../core/address';
import { range } from '../../core/ranges';
import { quoteValue } from '../../core/redact';
import { defaulted, written } from '../../core/valued';
import { compareVersions, directiveFor } from '../../core/versions';
import { LINUX_KINDS, linuxEndpoint } from '../../model/linuxTunnels';
import type { Issue } from '../shared/findings';
import { lastEntry, type IniEntry, type IniFile } from '../shared/ini';
import { parseGreKey, parseIntIn } from '../shared/linuxValues';
import { NM_IP6GRE_FLAGS_SINCE, NM_TUNNEL_FLAGS, NM_TUNNEL_MODES } from './keys';

const w = <T>(value: T, e: IniEntry, uri: string): Valued<T> => written(value, uri, e.valueRange);
const familyName = (f: 'ipv4' | 'ipv6') => (f === 'ipv6' ? 'IPv6' : 'IPv4');

/** The NetworkManager version: a `# tunnel-lens: networkmanager 1.40` directive, else the setting. */
export function nmVersion(text: string, ctx: ParseContext, uri: string): Valued<string> | undefined {
  const d = directiveFor(text, 'networkmanager');
  if (d?.version) return written(d.version, uri, range(d.line, d.start, d.end), 'tunnel-lens directive');
  const s = ctx.settings.versions.networkManager;
  return s ? defaulted(s, 'setting tunnelLens.networkManagerVersion') : undefined;
}

function flagNames(flags: number): string {
  return Object.entries(NM_TUNNEL_FLAGS)
    .filter(([b]) => flags & Number(b))
    .map(([, n]) => n)
    .join(', ');
}

export function nmTunnel(ini: IniFile, uri: string, version: Valued<string> | undefined, underlayMtu: number): { endpoint?: Endpoint; issues: Issue[] } {
  const issues: Issue[] = [];
  const issue = (code: Issue['code'], severity: Issue['severity'], message: string, r: Issue['range']) => issues.push({ code, severity, message, range: r });
  const get = (s: string, k: string) => lastEntry(ini, s, k);
  const tunnelSection = ini.sections.find((s) => s.name === 'ip-tunnel');
  const modeE = get('ip-tunnel', 'mode');
  let mode = modeE ? NM_TUNNEL_MODES[Number(modeE.value)] : undefined;
  if (modeE && !mode) {
    const byName = Object.entries(NM_TUNNEL_MODES).find(([, m]) => m.name === modeE.value);
    issue(Code.invalidValue, 'error', byName ? `The keyfile stores mode as a number: write mode=${byName[0]} for ${quoteValue(modeE.value)}.` : `mode=${quoteValue(modeE.value)} is not a tunnel mode (${Object.entries(NM_TUNNEL_MODES).map(([n, m]) => `${n} ${m.name}`).join(', ')}).`, modeE.valueRange);
    if (byName) mode = byName[1];
  }
  if (tunnelSection && !modeE) issue(Code.invalidValue, 'error', '[ip-tunnel] needs mode= (NetworkManager rejects the profile without it).', tunnelSection.headerRange);
  const info = mode ? LINUX_KINDS[mode.kind] : undefined;
  const device = get('connection', 'interface-name') ?? get('connection', 'id');
  if (!mode || !info || !device) return { issues };
  const addr = (k: string): Valued<string> | undefined => {
    const e = get('ip-tunnel', k);
    if (!e || e.value === '') return undefined;
    const a = parseAddress(e.value);
    if (!a) issue(Code.invalidValue, 'error', `${k}= takes an IP address.`, e.valueRange);
    else if (a.family !== info.outer) issue(Code.invalidValue, 'error', `mode ${mode!.name} has an ${familyName(info.outer)} outer header; ${k}= is ${familyName(a.family)}.`, e.valueRange);
    else return w(a.text, e, uri);
    return undefined;
  };
  if (!get('ip-tunnel', 'remote')) issue(Code.invalidValue, 'error', '[ip-tunnel] needs remote= (NetworkManager rejects the profile without it).', tunnelSection!.headerRange);
  let greKey: Valued<number> | undefined;
  for (const k of ['input-key', 'output-key']) {
    const e = get('ip-tunnel', k);
    if (!e) continue;
    const n = parseGreKey(e.value);
    if (n === undefined) issue(Code.invalidValue, 'error', `${k}= takes a number or a dotted quad.`, e.valueRange);
    else if (!info.gre) issue(Code.invalidValue, 'error', `${k}= is for GRE modes; mode ${mode.name} has no GRE header.`, e.keyRange);
    else if (k === 'output-key') greKey = w(n, e, uri);
  }
  // encapsulation limit: flags 0x1 beats the number
  let encapLimit: Valued<number | 'none'> | undefined;
  const flagsE = get('ip-tunnel', 'flags');
  const flags = flagsE ? parseIntIn(flagsE.value, 0, 0xffffffff, true) : 0;
  if (flagsE && flags === undefined) issue(Code.invalidValue, 'error', `flags= takes a number (the keyfile stores the bits: 1 = ip6-ign-encap-limit).`, flagsE.valueRange);
  if (flagsE && flags) {
    const unknown = flags & ~0x3f;
    if (unknown) issue(Code.invalidValue, 'error', `flags=${quoteValue(flagsE.value)} has bits NetworkManager does not know (0x${unknown.toString(16)}).`, flagsE.valueRange);
    if (!info.tel) issue(Code.invalidValue, 'error', `flags= (${flagNames(flags)}) are IPv6 tunnel flags; NetworkManager rejects them for mode ${mode.name}.`, flagsE.valueRange);
    else if (mode.kind === 'ip6gre' || mode.kind === 'ip6gretap') {
      const v = version?.value;
      if (v && compareVersions(v, NM_IP6GRE_FLAGS_SINCE) < 0)
        issue(Code.versionIncompatible, 'error', `NetworkManager ${v} rejects ip-tunnel flags (${flagNames(flags)}) on ${mode.name}: "some flags are invalid for the select mode". Needs NetworkManager ${NM_IP6GRE_FLAGS_SINCE} or 1.44; on older versions use ipip6 (mode=7), a systemd-networkd .netdev with EncapsulationLimit=none, or a script.`, flagsE.valueRange);
      else if (!v)
        issue(Code.versionIncompatible, 'info', `flags on ${mode.name} need NetworkManager ${NM_IP6GRE_FLAGS_SINCE} or later (older versions reject the profile). Declare the version with \`# tunnel-lens: networkmanager X.Y\` or the setting.`, flagsE.valueRange);
    }
    if (info.tel && flags & 0x1) encapLimit = { ...w('none' as const, flagsE, uri), rule: 'flags bit 0x1 ip6-ign-encap-limit' };
  }
  const elE = get('ip-tunnel', 'encapsulation-limit');
  if (elE) {
    const n = parseIntIn(elE.value, 0, 255);
    if (n === undefined) issue(Code.invalidValue, 'error', 'encapsulation-limit= takes 0..255.', elE.valueRange);
    else if (!info.tel) issue(Code.configIgnored, 'warning', `encapsulation-limit= applies to ip6 tunnels; mode ${mode.name} ignores it.`, elE.keyRange);
    else if (!encapLimit) {
      if (n === 0) issue(Code.invalidValue, 'warning', 'encapsulation-limit=0 still adds the 8-byte Destination Options header (limit 0). To remove it set flags=1 (ip6-ign-encap-limit).', elE.valueRange);
      encapLimit = w(n, elE, uri);
    }
  }
  const mtuE = get('ip-tunnel', 'mtu');
  let mtu: Valued<number> | undefined;
  if (mtuE) {
    const n = parseIntIn(mtuE.value, 0, 65535);
    if (n === undefined || (n > 0 && n < 68)) issue(Code.invalidValue, 'error', 'mtu= takes 0 (automatic) or 68..65535.', mtuE.valueRange);
    else if (n > 0) mtu = w(n, mtuE, uri);
  }
  const inner: Valued<string>[] = [];
  for (const s of ['ipv4', 'ipv6'])
    for (const sec of ini.sections.filter((x) => x.name === s))
      for (const e of sec.entries.filter((x) => /^address\d+$/.test(x.key))) {
        const p = parsePrefix(e.value.split(',')[0]);
        if (!p) issue(Code.invalidValue, 'error', `${e.key}= takes ADDRESS/PREFIX[,GATEWAY].`, e.valueRange);
        else inner.push(w(`${p.text}/${p.prefixLength}`, e, uri));
      }
  const endpoint = linuxEndpoint({
    uri,
    range: tunnelSection!.headerRange,
    device: device.value,
    creator: 'networkmanager',
    kind: { ...w(mode.kind, modeE!, uri), rule: `ip-tunnel.mode ${modeE!.value} = ${mode.name}` },
    ip6tnlMode: mode.ip6tnlMode,
    local: addr('local'),
    remote: addr('remote'),
    greKey,
    encapLimit,
    mtu,
    inner,
    underlayMtu,
    version,
  });
  return { endpoint, issues };
}
