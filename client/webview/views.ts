// The panel's views, computed in the browser from the stack(s) the server sent, with the codec's
// pure parts (no crypto here: layout() then leaves the ESP payload in clear, with offsets and
// fields exact; the "as sent" hex dump shows the server's real encrypted bytes instead).
import { ciscoMisparseView, decryptedView, fromHex, layout, maxInnerPacket, type Layer, type LayoutResult, type PacketNote, type TunnelStack } from '../../codec';
import type { LayoutResponse, PreviewSample } from '../../server/src/protocol/preview';

export interface OverheadRow {
  name: string;
  bytes: number;
}

export interface ComputedView {
  id: 'sent' | 'decrypted' | 'misparse' | 'fixed';
  label: string;
  title: string;
  bytes: Uint8Array;
  layers: Layer[];
  notes: PacketNote[];
  errors: string[];
  /** True when the hex dump shows ciphertext (the real sample bytes). */
  wireEncrypted: boolean;
  /** Wire packets only. */
  overhead?: { rows: OverheadRow[]; total: number; innerLength: number; maxInnerPacket: number; packetLength: number };
  exportVariant?: 'sent' | 'fixed';
}

export interface Computed {
  views: ComputedView[];
  /** Tabs: each holds one or two views (the mis-parse beside the fixed packet). */
  tabs: { id: string; label: string; views: ComputedView[] }[];
  maxInner: { shown: number; fixed?: number; tunnelMode?: number };
}

const PASSENGER_IDS = new Set(['ipv4', 'ipv6']);

function overheadOf(r: LayoutResult): ComputedView['overhead'] {
  const ips = r.layers.filter((l) => PASSENGER_IDS.has(l.id));
  // The passenger starts at the last IP header, unless the only IP header is the outer one
  // (ESP transport without GRE/IPIP: then the passenger is the packet itself, minus what ESP adds).
  const passengerStart = ips.length > 1 ? ips[ips.length - 1].offset : Infinity;
  const rows: OverheadRow[] = [];
  for (const l of r.layers) {
    if (l.id === 'esp-trailer' || l.id === 'esp-icv' || l.id === 'esp') rows.push({ name: l.name, bytes: l.length });
    else if (l.offset < passengerStart && !(ips.length === 1 && l === ips[0]) && l.id !== 'payload' && l.id !== 'esp-encrypted') rows.push({ name: l.name, bytes: l.length });
  }
  const total = r.packetLength - r.innerLength;
  const listed = rows.reduce((n, x) => n + x.bytes, 0);
  if (total > listed) rows.push({ name: 'ESP padding', bytes: total - listed });
  return { rows, total, innerLength: r.innerLength, maxInnerPacket: r.maxInnerPacket, packetLength: r.packetLength };
}

function wireBytes(r: LayoutResult, sample: PreviewSample | undefined): { bytes: Uint8Array; encrypted: boolean } {
  if (sample) {
    try {
      const b = fromHex(sample.hex);
      if (b && b.length === r.packetLength) return { bytes: b, encrypted: sample.encrypted };
    } catch {
      // fall back to the clear sample
    }
  }
  return { bytes: r.bytes, encrypted: false };
}

function wireView(id: 'sent' | 'fixed', label: string, stack: TunnelStack, pathMtu: number, sample: PreviewSample | undefined): { view: ComputedView; r: LayoutResult } {
  const r = layout(stack, pathMtu, sample ? { innerLength: sample.innerLength } : {});
  const w = wireBytes(r, sample);
  return {
    r,
    view: {
      id,
      label,
      title: id === 'sent' ? 'The packet on the wire' : 'The same packet with encaplimit none (no Destination Options header)',
      bytes: w.bytes,
      layers: r.layers,
      notes: r.notes,
      errors: r.decoded.errors,
      wireEncrypted: w.encrypted,
      overhead: overheadOf(r),
      exportVariant: id,
    },
  };
}

export function computeViews(d: LayoutResponse): Computed {
  const views: ComputedView[] = [];
  const tabs: Computed['tabs'] = [];
  const sent = wireView('sent', 'As sent', d.stack, d.pathMtu, d.sample);
  views.push(sent.view);
  tabs.push({ id: 'sent', label: 'As sent', views: [sent.view] });

  const dec = decryptedView(sent.r.decoded);
  const decrypted: ComputedView = dec
    ? { id: 'decrypted', label: 'As the peer decrypts it', title: dec.title, bytes: dec.bytes, layers: dec.layers, notes: dec.notes, errors: dec.errors, wireEncrypted: false }
    : {
        id: 'decrypted',
        label: 'As the peer decrypts it',
        title: d.stack.esp === 'none' ? 'No ESP: the peer receives the packet as sent' : 'The peer decrypts this packet as sent',
        bytes: sent.r.clearBytes,
        layers: sent.r.layers,
        notes: [],
        errors: [],
        wireEncrypted: false,
      };
  views.push(decrypted);
  tabs.push({ id: 'decrypted', label: 'As the peer decrypts it', views: [decrypted] });

  let fixedView: ComputedView | undefined;
  if (d.fixedStack) fixedView = wireView('fixed', 'With encaplimit none', d.fixedStack, d.pathMtu, d.fixedSample).view;
  if (d.ciscoMisparse) {
    const m = ciscoMisparseView(sent.r.decoded);
    if (m) {
      const v: ComputedView = { id: 'misparse', label: 'Cisco mis-parse', title: m.title, bytes: m.bytes, layers: m.layers, notes: m.notes, errors: m.errors, wireEncrypted: false };
      views.push(v);
      tabs.push({ id: 'misparse', label: 'Cisco mis-parse', views: fixedView ? [v, fixedView] : [v] });
      fixedView && views.push(fixedView);
      fixedView = undefined;
    }
  }
  if (fixedView) {
    views.push(fixedView);
    tabs.push({ id: 'fixed', label: 'With encaplimit none', views: [fixedView] });
  }
  const maxInner: Computed['maxInner'] = { shown: maxInnerPacket(d.stack, d.pathMtu) };
  if (d.fixedStack) {
    maxInner.fixed = maxInnerPacket(d.fixedStack, d.pathMtu);
    maxInner.tunnelMode = maxInnerPacket({ ...d.stack, esp: 'tunnel' }, d.pathMtu);
  }
  return { views, tabs, maxInner };
}
