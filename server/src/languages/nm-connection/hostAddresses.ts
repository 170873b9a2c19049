// The addresses a NetworkManager keyfile gives its (non-tunnel, non-VPN) interface: in [ipv4] and
// [ipv6] with method=manual, `address1=ADDR/PREFIX[,GATEWAY]` (and address2…, the older
// `addresses1=`), the default route through `gateway=` or an address's gateway unless
// `never-default=true` (nm-settings-nmcli(5), keyfile format). A DHCP or auto address is the
// network's to give, so it is not one of these. They resolve `left=%defaultroute`.
import type { HostAddress } from '../../model/hostInterfaces';
import type { Family } from '../../core/endpoint';
import { parseAddress, parsePrefix } from '../../core/address';
import { written } from '../../core/valued';
import { lastEntry, type IniEntry, type IniFile } from '../shared/ini';

export function nmHostAddresses(ini: IniFile, uri: string): HostAddress[] {
  const type = lastEntry(ini, 'connection', 'type')?.value;
  if (type === 'ip-tunnel' || type === 'vpn' || type === 'wireguard' || type === 'loopback') return [];
  const device = lastEntry(ini, 'connection', 'interface-name')?.value || lastEntry(ini, 'connection', 'id')?.value;
  if (!device) return [];
  const out: HostAddress[] = [];
  for (const [section, family] of [['ipv4', 'ipv4'], ['ipv6', 'ipv6']] as [string, Family][]) {
    if (lastEntry(ini, section, 'method')?.value !== 'manual') continue;
    const s = ini.sections.filter((x) => x.name === section).flatMap((x) => x.entries);
    const neverDefault = /^(true|yes|1)$/i.test(lastEntry(ini, section, 'never-default')?.value ?? '');
    const gwEntry = lastEntry(ini, section, 'gateway');
    let gateway: { e: IniEntry; text: string } | undefined;
    const gw = gwEntry?.value ? parseAddress(gwEntry.value) : undefined;
    if (gwEntry && gw?.family === family) gateway = { e: gwEntry, text: gw.text };
    const addrs: { e: IniEntry; text: string; prefixLength: number }[] = [];
    for (const e of s) {
      if (!/^(address|addresses)\d*$/.test(e.key)) continue;
      for (const item of e.value.split(';').map((x) => x.trim()).filter(Boolean)) {
        const [prefix, itemGw] = item.split(',').map((x) => x.trim());
        const p = parsePrefix(prefix);
        if (!p || p.family !== family) continue;
        addrs.push({ e, text: p.text, prefixLength: p.prefixLength });
        const g = itemGw ? parseAddress(itemGw) : undefined;
        if (!gateway && g?.family === family) gateway = { e, text: g.text };
      }
    }
    for (const a of addrs) {
      out.push({ uri, device, address: written(a.text, uri, a.e.valueRange), family, prefixLength: a.prefixLength, ...(gateway && !neverDefault ? { defaultGateway: written(gateway.text, uri, gateway.e.valueRange) } : {}) });
    }
  }
  return out;
}
