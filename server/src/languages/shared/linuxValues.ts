// Value readers every Linux dialect shares: bounded integers, and GRE keys as iproute2 reads them.
import { parseAddress } from '../../core/address';

/** Parses a decimal (or 0x hex when allowed) integer in [min, max]; undefined otherwise. */
export function parseIntIn(text: string, min: number, max: number, hex = false): number | undefined {
  const t = text.trim();
  let v: number;
  if (/^\d+$/.test(t)) v = Number(t);
  else if (hex && /^0x[0-9a-f]+$/i.test(t)) v = parseInt(t, 16);
  else return undefined;
  return v >= min && v <= max ? v : undefined;
}

/**
 * A GRE key as iproute2's tnl_parse_key reads it: a number or a dotted quad
 * (docs/reference/linux-kernel-tunnels.md §7). ifcfg KEY=, .netdev Key= and keyfile input-key=
 * take the same forms.
 */
export function parseGreKey(v: string): number | undefined {
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    return n <= 0xffffffff ? n : undefined;
  }
  const a = parseAddress(v);
  if (a?.family === 'ipv4') return a.text.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
  return undefined;
}
