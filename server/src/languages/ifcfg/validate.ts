// Value checks of ifcfg keys (invalid-value). Booleans follow both readers: initscripts takes
// on/off, NetworkManager does not.
import type { Finding } from '../../core/types';
import { parseAddress, parsePrefix } from '../../core/address';
import { finding, parseIntIn } from '../shared/findings';
import { initscriptsBoolean, nmBoolean } from './shvar';
import type { KeyInfo } from './keys';
import type { IfcfgAssignment } from './reader';
import { Code } from '../../core/codes';

const FALLBACK_DEVICES = new Set(['gre0', 'tunl0', 'ip6tnl0', 'ip6gre0', 'sit0']);

/** A GRE key as iproute2's tnl_parse_key reads it: a number or a dotted quad. */
export function parseGreKey(v: string): number | undefined {
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    return n <= 0xffffffff ? n : undefined;
  }
  const a = parseAddress(v);
  if (a?.family === 'ipv4') return a.text.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
  return undefined;
}

export function validateValue(a: IfcfgAssignment, info: KeyInfo, uri: string, out: Finding[]): void {
  const v = a.value;
  if (v === undefined || v === '') return;
  const bad = (msg: string, severity: 'error' | 'warning' = 'error') => out.push(finding(uri, Code.invalidValue, severity, msg, a.valueRange));
  const ty = info.type;
  switch (ty.t) {
    case 'bool': {
      const i = initscriptsBoolean(v);
      const n = nmBoolean(v);
      if (i === undefined && n === undefined) bad(`${a.key}=${v} is not a boolean: write yes or no.`, 'warning');
      else if (n === undefined && info.readBy === 'both') bad(`initscripts reads ${v} as ${i ? 'yes' : 'no'}, but NetworkManager does not accept "${v}" (only yes/no/true/false/y/n/t/f/1/0); write ${i ? 'yes' : 'no'}.`, 'warning');
      return;
    }
    case 'enum': {
      const ok = ty.caseInsensitive ? ty.values.some((x) => x.toLowerCase() === v.toLowerCase()) : ty.values.includes(v);
      if (!ok) bad(`${a.key}=${v} is not one of ${ty.values.join(', ')}.`, a.key === 'TYPE' ? 'error' : 'warning');
      return;
    }
    case 'int':
      if (parseIntIn(v, ty.min, ty.max) === undefined) bad(`${a.key} must be a number from ${ty.min} to ${ty.max}.`);
      return;
    case 'addr': {
      const p = parseAddress(v);
      if (!p) bad(`${a.key}=${v} is not an IP address.`);
      else if (ty.family && p.family !== ty.family) bad(`${a.key} needs an ${ty.family === 'ipv6' ? 'IPv6' : 'IPv4'} address.`);
      return;
    }
    case 'prefix':
    case 'prefixes': {
      for (const item of ty.t === 'prefix' ? [v] : v.split(/\s+/).filter(Boolean)) {
        const p = parsePrefix(item);
        if (!p) bad(`${item} is not an address or address/prefix.`);
        else if (ty.family && p.family !== ty.family) bad(`${a.key} needs ${ty.family === 'ipv6' ? 'IPv6' : 'IPv4'} addresses.`);
      }
      return;
    }
    case 'ifname':
      if (v.length > 15 || /[\s/:]/.test(v) || v === '.' || v === '..') bad(`${v} is not a valid interface name (at most 15 characters, no spaces, "/" or ":").`);
      else if (a.key === 'DEVICE' && FALLBACK_DEVICES.has(v)) bad(`${v} is the kernel's fallback tunnel device; ifup-tunnel refuses it. Use another name (tun10).`);
      return;
    case 'grekey':
      if (parseGreKey(v) === undefined) bad(`KEY must be a number (0..4294967295) or a dotted quad, as \`ip tunnel … key\` takes it.`);
      return;
    case 'text':
      return;
  }
}
