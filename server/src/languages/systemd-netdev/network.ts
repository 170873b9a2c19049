// What a .network file (with its drop-ins) sets on the links it matches
// (docs/reference/networkd-network.md §3): [Link] MTUBytes=, the addresses of [Network] Address=
// and [Address] sections, the default routes of [Network] Gateway= and [Route] sections without
// Destination=, and the tunnels [Network] Tunnel= creates on the link. What it cannot use it
// records as an issue of the file the entry is written in.
import type { Valued } from '../../core/endpoint';
import { Code } from '../../core/codes';
import { parseAddress, parsePrefix } from '../../core/address';
import { written } from '../../core/valued';
import type { HostAddress } from '../../model/hostInterfaces';
import type { IniEntry, IniFile } from '../shared/ini';
import { parseMtuBytes, type NetdevIssue } from './extract';
import { entryUri, matchNames } from './files';

export interface NetworkSettings {
  mtu?: Valued<number>;
  addresses: Valued<string>[];
  /** Gateways of default routes. */
  gateways: Valued<string>[];
  /** [Network] Tunnel= names. */
  tunnels: string[];
  issues: NetdevIssue[];
}

const last = (ini: IniFile, section: string, key: string): IniEntry | undefined => {
  let found: IniEntry | undefined;
  for (const s of ini.sections) if (s.name === section) for (const e of s.entries) if (e.key === key) found = e;
  return found;
};

export function readNetwork(ini: IniFile, uri: string): NetworkSettings {
  const out: NetworkSettings = { addresses: [], gateways: [], tunnels: [], issues: [] };
  const issue = (e: IniEntry, message: string) => out.issues.push({ code: Code.invalidValue, severity: 'error', message, range: e.valueRange, uri: entryUri(e, uri) });
  const mtuE = last(ini, 'Link', 'MTUBytes');
  if (mtuE) {
    const n = parseMtuBytes(mtuE.value);
    if (n === undefined) issue(mtuE, 'MTUBytes= takes a size from 68 to 65535 (K, M, G suffixes to the base of 1024).');
    else out.mtu = written(n, entryUri(mtuE, uri), mtuE.valueRange, `[Link] MTUBytes= of the .network that matches the link`);
  }
  const address = (e: IniEntry) => {
    const p = parsePrefix(e.value);
    if (!p || !e.value.includes('/')) {
      issue(e, `Address= takes an address with its prefix length (192.0.2.1/24, 2001:db8::1/64); "${e.value.length > 40 ? e.value.slice(0, 37) + '…' : e.value}" is not one.`);
      return;
    }
    out.addresses.push(written(`${p.text}/${p.prefixLength}`, entryUri(e, uri), e.valueRange));
  };
  const gateway = (e: IniEntry) => {
    const a = parseAddress(e.value);
    if (a) out.gateways.push(written(a.text, entryUri(e, uri), e.valueRange));
    else if (!/^_(dhcp4|ipv6ra)$/.test(e.value)) issue(e, `Gateway= takes an address; "${e.value.length > 40 ? e.value.slice(0, 37) + '…' : e.value}" is not one.`);
  };
  for (const s of ini.sections) {
    if (s.name === 'Network') {
      for (const e of s.entries) {
        if (e.key === 'Address') address(e);
        else if (e.key === 'Gateway') gateway(e);
        else if (e.key === 'Tunnel') out.tunnels.push(...e.value.split(/\s+/).filter(Boolean));
      }
    } else if (s.name === 'Address') {
      const a = s.entries.filter((e) => e.key === 'Address').pop();
      if (a) address(a);
    } else if (s.name === 'Route') {
      const g = s.entries.filter((e) => e.key === 'Gateway').pop();
      const d = s.entries.filter((e) => e.key === 'Destination').pop();
      if (g && (!d || /^(0\.0\.0\.0\/0|::\/0)$/.test(d.value))) gateway(g);
    }
  }
  return out;
}

/** The host addresses a .network gives its link: one per address, with the default route of its family. */
export function hostAddressesOf(ini: IniFile, uri: string, settings: NetworkSettings): HostAddress[] {
  const names = matchNames(ini);
  const device = names.map((n) => n.value).join(' ') || '*';
  return settings.addresses.map((a) => {
    const p = parsePrefix(a.value)!;
    const gw = settings.gateways.find((g) => parseAddress(g.value)?.family === p.family);
    return { uri: a.uri ?? uri, device, address: { ...a, value: p.text }, prefixLength: p.prefixLength, family: p.family, ...(gw ? { defaultGateway: gw } : {}) };
  });
}
