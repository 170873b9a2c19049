// Ethernet II and 802.1Q/802.1ad VLAN tags (the corpus captures have both).

import { formatMac, macToBytes } from './address';
import { need, put16, u16 } from './bytes';
import { type DecodeContext, field, type Next } from './context';
import { ETHERTYPE, etherTypeLabel } from './protocols';
import type { EthernetSpec } from './types';

export const ETHERNET_HEADER_LENGTH = 14;
const DEFAULT_SRC = '02:00:00:00:00:01';
const DEFAULT_DST = '02:00:00:00:00:02';

export function encodeEthernet(spec: EthernetSpec, payload: Uint8Array, nextEtherType: number): Uint8Array {
  const out = new Uint8Array(ETHERNET_HEADER_LENGTH + payload.length);
  out.set(macToBytes(spec.dst ?? DEFAULT_DST) ?? new Uint8Array(6), 0);
  out.set(macToBytes(spec.src ?? DEFAULT_SRC) ?? new Uint8Array(6), 6);
  put16(out, 12, spec.etherType ?? nextEtherType);
  out.set(payload, ETHERNET_HEADER_LENGTH);
  return out;
}

export function decodeEthernet(ctx: DecodeContext, off: number, end: number): Next {
  const b = ctx.bytes;
  need(b, off, ETHERNET_HEADER_LENGTH, 'Ethernet header', end);
  const type = u16(b, off + 12);
  ctx.layer('ethernet', off, ETHERNET_HEADER_LENGTH, () => [
    field('Destination', off, 6, formatMac(b, off)),
    field('Source', off + 6, 6, formatMac(b, off + 6)),
    field('Type', off + 12, 2, etherTypeLabel(type)),
  ]);
  return { by: 'ether', value: type, offset: off + ETHERNET_HEADER_LENGTH, end };
}

export function decodeVlan(ctx: DecodeContext, off: number, end: number): Next {
  const b = ctx.bytes;
  need(b, off, 4, '802.1Q tag', end);
  const tci = u16(b, off);
  const type = u16(b, off + 2);
  ctx.layer('vlan', off, 4, () => [
    field('Priority', off, 1, tci >> 13),
    field('DEI', off, 1, (tci >> 12) & 1),
    field('VLAN ID', off, 2, tci & 0x0fff),
    field('Type', off + 2, 2, etherTypeLabel(type)),
  ]);
  return { by: 'ether', value: type, offset: off + 4, end };
}

export function isVlanEtherType(t: number): boolean {
  return t === ETHERTYPE.VLAN || t === ETHERTYPE.QINQ;
}

