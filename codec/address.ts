// IPv4/IPv6 text <-> bytes for the codec. Text is read by the one address parser (core/address.ts,
// browser-safe like the rest of the codec); bytes are written back as RFC 5952 text here, on the
// decoder's hot path.
import { addressBytes } from '../server/src/core/address';

export function parseIpv4(text: string): Uint8Array | undefined {
  return addressBytes(text, 'ipv4');
}

export function parseIpv6(text: string): Uint8Array | undefined {
  return addressBytes(text, 'ipv6');
}

export function formatIpv4(b: Uint8Array, o = 0): string {
  return `${b[o]}.${b[o + 1]}.${b[o + 2]}.${b[o + 3]}`;
}

/** RFC 5952 text: lower case, longest run (>1) of zero words compressed. */
export function formatIpv6(b: Uint8Array, o = 0): string {
  const w: number[] = [];
  for (let i = 0; i < 8; i++) w.push((b[o + 2 * i] << 8) | b[o + 2 * i + 1]);
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (w[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && w[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = w.map((x) => x.toString(16));
  if (best < 0) return hex.join(':');
  return hex.slice(0, best).join(':') + '::' + hex.slice(best + bestLen).join(':');
}

export function macToBytes(text: string): Uint8Array | undefined {
  const parts = text.split(/[:-]/);
  if (parts.length !== 6 || !parts.every((p) => /^[0-9a-fA-F]{2}$/.test(p))) return undefined;
  return Uint8Array.from(parts.map((p) => parseInt(p, 16)));
}

export function formatMac(b: Uint8Array, o = 0): string {
  const out: string[] = [];
  for (let i = 0; i < 6; i++) out.push(b[o + i].toString(16).padStart(2, '0'));
  return out.join(':');
}
