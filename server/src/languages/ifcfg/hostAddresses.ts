// The addresses an ifcfg file gives its (non-tunnel) interface, as initscripts' ifup-eth and
// NetworkManager's ifcfg-rh reader assign them (docs/reference/ifcfg.md §host addresses): IPADDR
// and IPADDR<n> with PREFIX/NETMASK, the default route through GATEWAY unless DEFROUTE=no; IPv6
// only with IPV6INIT=yes (both readers default it to no): IPV6ADDR, IPV6ADDR_SECONDARIES and
// IPV6_DEFAULTGW unless IPV6_DEFROUTE=no. A DHCP or autoconf address is the network's to give,
// so it is not one of these. They resolve `left=%defaultroute` and a tunnel's missing local.
import type { HostAddress } from '../../model/hostInterfaces';
import { netmaskToPrefixLength, parseAddress, parsePrefix } from '../../core/address';
import { written } from '../../core/valued';
import { basenameOfUri } from '../../core/uri';
import type { IfcfgAssignment, IfcfgTree } from '../shared/ifcfgRead';
import { tunnelTypeOf } from '../shared/ifcfgTunnel';

const yes = (a: IfcfgAssignment | undefined) => !!a?.value && /^(yes|true|y|t|1)$/i.test(a.value);
const no = (a: IfcfgAssignment | undefined) => !!a?.value && /^(no|false|n|f|0)$/i.test(a.value);

export function ifcfgHostAddresses(tree: IfcfgTree, uri: string): HostAddress[] {
  if (tunnelTypeOf(tree)) return [];
  const get = (k: string) => tree.last.get(k);
  const device = get('DEVICE')?.value || basenameOfUri(uri).replace(/^ifcfg-/, '');
  if (device === 'lo') return [];
  const out: HostAddress[] = [];
  const at = (a: IfcfgAssignment, text: string) => written(text, uri, a.valueRange);

  if (!/^(dhcp|bootp)$/i.test(get('BOOTPROTO')?.value ?? '')) {
    const gwA = get('GATEWAY');
    const gw = gwA?.value ? parseAddress(gwA.value) : undefined;
    const defroute = !no(get('DEFROUTE')) && gw?.family === 'ipv4' && gwA;
    for (const n of ['', ...Array.from({ length: 256 }, (_, i) => String(i))]) {
      const a = get(`IPADDR${n}`);
      const p = a?.value ? parseAddress(a.value) : undefined;
      if (!a || !p || p.family !== 'ipv4') continue;
      const prefixA = get(`PREFIX${n}`);
      const maskA = get(`NETMASK${n}`);
      const prefixLength = prefixA?.value && /^\d+$/.test(prefixA.value) ? Number(prefixA.value) : maskA?.value ? netmaskToPrefixLength(maskA.value) : undefined;
      out.push({ uri, device, address: at(a, p.text), family: 'ipv4', ...(prefixLength !== undefined ? { prefixLength } : {}), ...(defroute ? { defaultGateway: at(gwA, gw.text) } : {}) });
    }
  }

  if (yes(get('IPV6INIT'))) {
    const gwA = get('IPV6_DEFAULTGW');
    const gw = gwA?.value ? parseAddress(gwA.value.replace(/%.*$/, '')) : undefined;
    const defroute = !no(get('IPV6_DEFROUTE')) && gw?.family === 'ipv6' && gwA;
    const v6: { a: IfcfgAssignment; text: string }[] = [];
    const first = get('IPV6ADDR');
    if (first?.value) v6.push({ a: first, text: first.value });
    const sec = get('IPV6ADDR_SECONDARIES');
    for (const item of sec?.value?.split(/\s+/).filter(Boolean) ?? []) v6.push({ a: sec!, text: item });
    for (const { a, text } of v6) {
      const p = parsePrefix(text);
      if (!p || p.family !== 'ipv6') continue;
      out.push({ uri, device, address: at(a, p.text), family: 'ipv6', ...(text.includes('/') ? { prefixLength: p.prefixLength } : {}), ...(defroute ? { defaultGateway: at(gwA, gw.text) } : {}) });
    }
  }
  return out;
}
