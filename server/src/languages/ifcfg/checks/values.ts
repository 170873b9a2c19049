// Value checks of the ifcfg keys Tunnel Lens knows (invalid-value), one validator per value type.
// Booleans follow both readers: initscripts takes on/off, NetworkManager does not
// (docs/reference/ifcfg.md §1).
import type { FileCheck } from '../../../core/types';
import { Code } from '../../../core/codes';
import { parseAddress, parsePrefix } from '../../../core/address';
import type { IfcfgAssignment, IfcfgTree } from '../../shared/ifcfgRead';
import { quoteValue as q } from '../../../core/redact';
import { parseGreKey, parseIntIn } from '../../shared/linuxValues';
import { initscriptsBoolean, nmBoolean } from '../../shared/shvar';
import { keyInfo, type KeyInfo, type KeyType } from '../keys';

/** The kernel's fallback devices; ifup-tunnel refuses them as DEVICE (docs/reference/ifcfg.md §2). */
const FALLBACK_DEVICES = new Set(['gre0', 'tunl0', 'ip6tnl0', 'ip6gre0', 'sit0']);

type Bad = (message: string, severity?: 'error' | 'warning') => void;
type Validator<K extends KeyType['t']> = (v: string, ty: Extract<KeyType, { t: K }>, a: IfcfgAssignment, info: KeyInfo, bad: Bad) => void;

const familyName = (f: 'ipv4' | 'ipv6') => (f === 'ipv6' ? 'IPv6' : 'IPv4');

/** One address/prefix, or a space-separated list of them. */
function prefixes(items: string[], family: 'ipv4' | 'ipv6' | undefined, a: IfcfgAssignment, bad: Bad): void {
  for (const item of items) {
    const p = parsePrefix(item);
    if (!p) bad(`${q(item)} is not an address or address/prefix.`);
    else if (family && p.family !== family) bad(`${q(a.key)} needs ${familyName(family)} addresses.`);
  }
}

const VALIDATORS: { [K in KeyType['t']]: Validator<K> } = {
  bool: (v, _ty, a, info, bad) => {
    const i = initscriptsBoolean(v);
    const n = nmBoolean(v);
    if (i === undefined && n === undefined) bad(`${q(a.key)}=${q(v)} is not a boolean: write yes or no.`, 'warning');
    else if (n === undefined && info.readBy === 'both') bad(`initscripts reads ${q(v)} as ${i ? 'yes' : 'no'}, but NetworkManager does not accept "${q(v)}" (only yes/no/true/false/y/n/t/f/1/0); write ${i ? 'yes' : 'no'}.`, 'warning');
  },
  enum: (v, ty, a, _info, bad) => {
    const ok = ty.caseInsensitive ? ty.values.some((x) => x.toLowerCase() === v.toLowerCase()) : ty.values.includes(v);
    if (!ok) bad(`${q(a.key)}=${q(v)} is not one of ${ty.values.join(', ')}.`, a.key === 'TYPE' ? 'error' : 'warning');
  },
  int: (v, ty, a, _info, bad) => {
    if (parseIntIn(v, ty.min, ty.max) === undefined) bad(`${q(a.key)} must be a number from ${ty.min} to ${ty.max}.`);
  },
  addr: (v, ty, a, _info, bad) => {
    const p = parseAddress(v);
    if (!p) bad(`${q(a.key)}=${q(v)} is not an IP address.`);
    else if (ty.family && p.family !== ty.family) bad(`${q(a.key)} needs an ${familyName(ty.family)} address.`);
  },
  prefix: (v, ty, a, _info, bad) => prefixes([v], ty.family, a, bad),
  prefixes: (v, ty, a, _info, bad) => prefixes(v.split(/\s+/).filter(Boolean), ty.family, a, bad),
  ifname: (v, _ty, a, _info, bad) => {
    if (v.length > 15 || /[\s/:]/.test(v) || v === '.' || v === '..') bad(`${q(v)} is not a valid interface name (at most 15 characters, no spaces, "/" or ":").`);
    else if (a.key === 'DEVICE' && FALLBACK_DEVICES.has(v)) bad(`${q(v)} is the kernel's fallback tunnel device; ifup-tunnel refuses it. Use another name (tun10).`);
  },
  grekey: (v, _ty, _a, _info, bad) => {
    if (parseGreKey(v) === undefined) bad(`KEY must be a number (0..4294967295) or a dotted quad, as \`ip tunnel … key\` takes it.`);
  },
  text: () => undefined,
};

export const valuesCheck: FileCheck<IfcfgTree> = {
  id: 'ifcfg/values',
  codes: [Code.invalidValue],
  run(file, _ctx, report) {
    for (const a of file.tree.assignments) {
      const info = keyInfo(a.key);
      const v = a.value;
      if (!info || v === undefined || v === '') continue;
      const bad: Bad = (message, severity = 'error') => report({ code: Code.invalidValue, severity, message, range: a.valueRange });
      (VALIDATORS[info.type.t] as Validator<KeyType['t']>)(v, info.type, a, info, bad);
    }
  },
};
