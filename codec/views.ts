// Two other views of an ESP packet for the preview: the packet as a correct peer rebuilds it after
// decryption (RFC 4303 §3.4.4 processing), and what the Cisco in the founding case makes of a
// transport-mode packet with a Destination Options header before ESP: it writes the ESP trailer's
// next header (47, GRE) into the IPv6 header while the payload still begins with the Destination
// Options bytes — so its GRE parser reads `2f 00 04 01 04 01 01 00` as a GRE header.

import { put16 } from './bytes';
import { internetChecksum } from './checksum';
import { decodePacket, LINKTYPE } from './packet';
import { IPPROTO } from './protocols';
import type { DecodedPacket, Layer, PacketNote } from './types';
import { Code } from '../server/src/core/codes';

export interface PacketView {
  title: string;
  /** Raw IP bytes of the view (no link layer). */
  bytes: Uint8Array;
  layers: Layer[];
  notes: PacketNote[];
  errors: string[];
}

interface EspParts {
  ip: Layer;
  before: Layer;
  esp: Layer;
  innerStart: number;
  trailer: Layer;
  nextHeader: number;
}

function espParts(p: DecodedPacket): EspParts | undefined {
  const i = p.layers.findIndex((l) => l.id === 'esp');
  const trailer = p.layers.find((l) => l.id === 'esp-trailer');
  if (i < 1 || !trailer || !p.esp?.decrypted || p.esp.nextHeader === undefined) return undefined;
  let ip: Layer | undefined;
  for (let j = i - 1; j >= 0; j--) if (p.layers[j].id === 'ipv4' || p.layers[j].id === 'ipv6') { ip = p.layers[j]; break; }
  if (!ip) return undefined;
  const esp = p.layers[i];
  return { ip, before: p.layers[i - 1], esp, innerStart: esp.offset + esp.length, trailer, nextHeader: p.esp.nextHeader };
}

/** Next-header byte of a header (IPv6: offset 6, IPv4 protocol: offset 9, extension header: 0). */
function nextHeaderOffset(l: Layer): number {
  return l.id === 'ipv6' ? 6 : l.id === 'ipv4' ? 9 : 0;
}

function fixLengths(b: Uint8Array, ipAt: number, family: 'ipv4' | 'ipv6'): void {
  if (family === 'ipv6') put16(b, ipAt + 4, b.length - ipAt - 40);
  else {
    const ihl = (b[ipAt] & 0x0f) * 4;
    put16(b, ipAt + 2, b.length - ipAt);
    put16(b, ipAt + 10, 0);
    put16(b, ipAt + 10, internetChecksum(b, ipAt, ipAt + ihl));
  }
}

function view(title: string, bytes: Uint8Array, extra: PacketNote[] = []): PacketView {
  const d = decodePacket(bytes, LINKTYPE.RAW);
  return { title, bytes, layers: d.layers, notes: [...extra, ...d.notes], errors: d.errors };
}

/** The packet after a correct peer removed ESP (transport: headers before ESP + payload; tunnel: the inner packet). */
export function decryptedView(p: DecodedPacket): PacketView | undefined {
  const parts = espParts(p);
  if (!parts) return undefined;
  const c = p.clear;
  const inner = c.subarray(parts.innerStart, parts.trailer.offset);
  if (parts.nextHeader === IPPROTO.IPV4 || parts.nextHeader === IPPROTO.IPV6) {
    return view('As the peer decrypts it (tunnel mode: the inner packet)', inner.slice());
  }
  const head = c.subarray(parts.ip.offset, parts.esp.offset);
  const out = new Uint8Array(head.length + inner.length);
  out.set(head, 0);
  out.set(inner, head.length);
  out[parts.before.offset - parts.ip.offset + nextHeaderOffset(parts.before)] = parts.nextHeader;
  fixLengths(out, 0, parts.ip.id as 'ipv4' | 'ipv6');
  return view('As the peer decrypts it (transport mode: ESP removed)', out);
}

/**
 * The founding case as the Cisco handles it: only for IPv6 + Destination Options + transport-mode
 * ESP. The IPv6 next header becomes the ESP trailer's next header, the Destination Options bytes stay
 * where they were and are read as the start of that protocol.
 */
export function ciscoMisparseView(p: DecodedPacket): PacketView | undefined {
  const parts = espParts(p);
  if (!parts || parts.ip.id !== 'ipv6' || parts.before.id !== 'dstopts') return undefined;
  if (parts.nextHeader === IPPROTO.IPV4 || parts.nextHeader === IPPROTO.IPV6) return undefined;
  const c = p.clear;
  const ipHdr = c.subarray(parts.ip.offset, parts.ip.offset + 40);
  const opts = c.subarray(parts.ip.offset + 40, parts.esp.offset); // every extension header before ESP
  const inner = c.subarray(parts.innerStart, parts.trailer.offset);
  const out = new Uint8Array(40 + opts.length + inner.length);
  out.set(ipHdr, 0);
  out.set(opts, 40);
  out.set(inner, 40 + opts.length);
  out[6] = parts.nextHeader;
  fixLengths(out, 0, 'ipv6');
  const v = view('As the Cisco peer mis-parses it (next header set to the ESP payload, Destination Options bytes left in front)', out);
  v.notes.unshift({
    code: Code.encaplimitTransportInterop,
    severity: 'error',
    offset: 40,
    message: `the peer reads the ${opts.length}-byte Destination Options header as the start of protocol ${parts.nextHeader}; the real header follows at offset ${40 + opts.length} and the packet is dropped`,
  });
  return v;
}
