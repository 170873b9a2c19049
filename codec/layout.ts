// layout(): the packet a tunnel stack puts on the wire, exactly — every header with offsets and
// fields (read back by the decoder from a real sample packet, so the two cannot disagree), the
// overhead, and the largest inner packet that fits the path MTU with ESP padding included.

import { toHex } from './bytes';
import type { CryptoProvider } from './crypto';
import { ENC_ALGORITHMS, type EncName, type EspSa, INTEG_ALGORITHMS, type IntegName } from './espAlgorithms';
import { espLength, espPadLength } from './esp';
import { greHeaderLength } from './gre';
import { decodePacket, encodeStack, LINKTYPE } from './packet';
import type { DecodedPacket, Layer, LayerSpec, PacketNote } from './types';

export interface TunnelStack {
  /** Family of the tunnel's outer header (and of the ESP tunnel-mode header). */
  outer: 'ipv4' | 'ipv6';
  /** Linux ip6tnl/ip6gre encapsulation limit: a number (even 0) sends the 8-byte Destination Options header. IPv6 outer with gre/ipip only. */
  encapLimit: number | 'none';
  esp: 'transport' | 'tunnel' | 'none';
  enc: EncName;
  integ: IntegName;
  /** gre, ipip (ipip/ipip6/sit/ip6ip6 by family) or none (IPsec alone, e.g. a VTI). */
  encap: 'gre' | 'ipip' | 'none';
  /** GRE key (a number, or true for a sample key). */
  greKey?: number | boolean;
  greSeq?: boolean;
  greChecksum?: boolean;
  /** Passenger family. With encap none + ESP transport there is no passenger header: the outer packet itself is protected. */
  inner: 'ipv4' | 'ipv6';
  outerSrc?: string;
  outerDst?: string;
  innerSrc?: string;
  innerDst?: string;
  spi?: number;
}

/** The founding case: Linux ip6gre (encaplimit 4) + IKEv2 ESP transport AES-CBC-128/HMAC-SHA1-96 to a Cisco, IPv4 inside. */
export const FOUNDING_CASE_STACK: Readonly<TunnelStack> = {
  outer: 'ipv6',
  encapLimit: 4,
  esp: 'transport',
  enc: 'aes-cbc-128',
  integ: 'hmac-sha1-96',
  encap: 'gre',
  inner: 'ipv4',
};

const DEFAULTS = {
  ipv6: { outerSrc: '2001:db8:1::1', outerDst: '2001:db8:2::1', innerSrc: 'fd00::1', innerDst: 'fd00::2' },
  ipv4: { outerSrc: '192.0.2.1', outerDst: '198.51.100.1', innerSrc: '10.0.0.1', innerDst: '10.0.0.2' },
};
export const SAMPLE_SPI = 0x00001001;
export const IPV4_HEADER = 20;
export const IPV6_HEADER = 40;
export const TEL_DESTOPT = 8;

function ipLen(f: 'ipv4' | 'ipv6'): number {
  return f === 'ipv4' ? IPV4_HEADER : IPV6_HEADER;
}

/** Does this stack send the RFC 2473 Destination Options header? */
export function hasEncapLimitHeader(s: TunnelStack): boolean {
  return s.outer === 'ipv6' && s.encap !== 'none' && s.encapLimit !== 'none';
}

function greSpecOf(s: TunnelStack): { key?: number; seq?: number; checksum?: boolean } {
  return {
    key: s.greKey === true ? 1 : typeof s.greKey === 'number' ? s.greKey : undefined,
    seq: s.greSeq ? 1 : undefined,
    checksum: s.greChecksum || undefined,
  };
}

/** The passenger family actually carried (encap none + transport protects the outer packet itself). */
function passengerFamily(s: TunnelStack): 'ipv4' | 'ipv6' {
  return s.encap === 'none' && s.esp === 'transport' ? s.outer : s.inner;
}

/** Bytes on the wire for an inner (passenger) packet of `p` bytes — the analytic formula. */
export function wireLength(s: TunnelStack, p: number): number {
  const tel = hasEncapLimitHeader(s) ? TEL_DESTOPT : 0;
  const gre = s.encap === 'gre' ? greHeaderLength(greSpecOf(s)) : 0;
  const tunnelled = s.encap === 'none' ? p : ipLen(s.outer) + tel + gre + p;
  const sa = { enc: s.enc, integ: s.integ };
  switch (s.esp) {
    case 'none':
      return tunnelled;
    case 'tunnel':
      return ipLen(s.outer) + espLength(sa, tunnelled);
    case 'transport':
      // ESP goes after the IP header and the Destination Options header (Linux ip6_find_1stfragopt).
      if (s.encap === 'none') return ipLen(s.outer) + espLength(sa, p - ipLen(s.outer));
      return ipLen(s.outer) + tel + espLength(sa, gre + p);
  }
}

/** Largest passenger packet with wireLength ≤ pathMtu (0 when even a header-only one does not fit). */
export function maxInnerPacket(s: TunnelStack, pathMtu: number): number {
  const min = ipLen(passengerFamily(s));
  for (let p = pathMtu; p >= min; p--) if (wireLength(s, p) <= pathMtu) return p;
  return 0;
}

/** The deterministic sample SA of a stack: keys are a fixed pattern, not anybody's secret. */
export function sampleSa(s: TunnelStack): EspSa {
  const e = ENC_ALGORITHMS[s.enc];
  const i = INTEG_ALGORITHMS[s.integ];
  return {
    spi: s.spi ?? SAMPLE_SPI,
    enc: s.enc,
    encKey: Uint8Array.from({ length: e.keyLength }, (_, k) => (0x10 + k) & 0xff),
    integ: s.integ,
    integKey: Uint8Array.from({ length: i.keyLength }, (_, k) => (0x80 + k) & 0xff),
  };
}

/** tshark's `uat:esp_sa` record for an SA (8 quoted fields). */
export function tsharkEspSa(sa: EspSa, family: 'ipv4' | 'ipv6', src = '*', dst = '*'): string {
  const q = (v: string) => `"${v}"`;
  return [
    family === 'ipv4' ? 'IPv4' : 'IPv6',
    src,
    dst,
    '0x' + (sa.spi >>> 0).toString(16).padStart(8, '0'),
    ENC_ALGORITHMS[sa.enc].tshark,
    '0x' + toHex(sa.encKey),
    INTEG_ALGORITHMS[sa.integ].tshark,
    '0x' + toHex(sa.integKey),
  ]
    .map(q)
    .join(',');
}

/** The specs of a sample packet with a passenger of `innerLength` bytes (an ICMP echo padded with filler). */
export function stackSpecs(s: TunnelStack, innerLength: number, opts: { ethernet?: boolean; seq?: number; sa?: EspSa } = {}): LayerSpec[] {
  const outerAddr = { ...DEFAULTS[s.outer], ...pick(s, 'outerSrc', 'outerDst') };
  const passenger = passengerFamily(s);
  const innerAddr = { ...DEFAULTS[passenger], ...pick(s, 'innerSrc', 'innerDst') };
  const outerIp = (): LayerSpec =>
    s.outer === 'ipv4'
      ? { kind: 'ipv4', src: outerAddr.outerSrc, dst: outerAddr.outerDst, ttl: 64, id: 1, flags: 2 }
      : { kind: 'ipv6', src: outerAddr.outerSrc, dst: outerAddr.outerDst, hopLimit: 64 };
  const tel: LayerSpec[] = hasEncapLimitHeader(s) ? [{ kind: 'dstopts', encapLimit: s.encapLimit as number }] : [];
  const encapHdr: LayerSpec[] = s.encap === 'gre' ? [{ kind: 'gre', ...greSpecOf(s) }] : [];
  const seq = opts.seq ?? 1;
  const esp: LayerSpec = { kind: 'esp', sa: opts.sa ?? sampleSa(s), seq };
  // passenger: IP + ICMP echo + filler up to innerLength
  const icmpHdr = 8;
  const innerIpLen = ipLen(passenger);
  const filler = Math.max(0, innerLength - innerIpLen - icmpHdr);
  const data = Uint8Array.from({ length: filler }, (_, k) => 0x61 + (k % 26));
  const innerIp: LayerSpec =
    passenger === 'ipv4'
      ? { kind: 'ipv4', src: innerAddr.innerSrc, dst: innerAddr.innerDst, ttl: 64, id: 0x1000 + seq, flags: 2 }
      : { kind: 'ipv6', src: innerAddr.innerSrc, dst: innerAddr.innerDst, hopLimit: 64 };
  const echo: LayerSpec[] = [{ kind: passenger === 'ipv4' ? 'icmp' : 'icmpv6', id: 0x4242, seq }, { kind: 'raw', data }];
  const eth: LayerSpec[] = opts.ethernet ? [{ kind: 'ethernet' }] : [];
  if (s.encap === 'none') {
    if (s.esp === 'none') return [...eth, innerIp, ...echo];
    if (s.esp === 'transport') return [...eth, innerIp, esp, ...echo];
    return [...eth, outerIp(), esp, innerIp, ...echo];
  }
  const tunnelled = [outerIp(), ...tel, ...encapHdr, innerIp, ...echo];
  if (s.esp === 'none') return [...eth, ...tunnelled];
  if (s.esp === 'tunnel') return [...eth, outerIp(), esp, ...tunnelled];
  return [...eth, outerIp(), ...tel, esp, ...encapHdr, innerIp, ...echo];
}

function pick<K extends keyof TunnelStack>(s: TunnelStack, ...keys: K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const k of keys) if (typeof s[k] === 'string') out[k] = s[k] as string;
  return out;
}

export interface LayoutSa {
  spi: string;
  enc: EncName;
  encKey: string;
  integ: IntegName;
  integKey: string;
  /** One `-o "uat:esp_sa:…"` record for tshark/Wireshark. */
  espSa: string;
}

export interface LayoutResult {
  stack: TunnelStack;
  pathMtu: number;
  /** Largest passenger packet that fits pathMtu unfragmented (ESP padding and alignment included). */
  maxInnerPacket: number;
  /** Bytes added to a passenger of maxInnerPacket bytes (wire length − passenger length). */
  overheadBytes: number;
  /** Overhead without and with the largest ESP padding (fixed headers + 0 … align−1). */
  overheadRange: { min: number; max: number };
  /** The sample packet: a passenger of `innerLength` bytes (default maxInnerPacket). */
  innerLength: number;
  packetLength: number;
  /** Raw IP bytes of the sample (no link layer), encrypted when a CryptoProvider was given. */
  bytes: Uint8Array;
  /** Same bytes with the ESP payload in clear (offsets identical). */
  clearBytes: Uint8Array;
  encrypted: boolean;
  layers: Layer[];
  notes: PacketNote[];
  sa?: LayoutSa;
  /** The sample decoded (ESP opened): input for decryptedView()/ciscoMisparseView(). */
  decoded: DecodedPacket;
}

export interface LayoutOptions {
  crypto?: CryptoProvider;
  /** Passenger size of the sample packet; default maxInnerPacket (or a minimal echo when nothing fits). */
  innerLength?: number;
}

export function layout(stack: TunnelStack, pathMtu: number, options: LayoutOptions = {}): LayoutResult {
  const max = maxInnerPacket(stack, pathMtu);
  const minInner = ipLen(passengerFamily(stack)) + 8;
  const innerLength = Math.max(options.innerLength ?? max, minInner);
  const hasEsp = stack.esp !== 'none';
  const sa = sampleSa(stack);
  const specs = stackSpecs(stack, innerLength, { sa });
  const built = encodeStack(specs, { crypto: options.crypto });
  const encrypted = hasEsp ? built.encrypted : false;
  const decoded = decodePacket(built.bytes, LINKTYPE.RAW, hasEsp ? (encrypted ? { sas: [sa], crypto: options.crypto } : { sas: [sa], espClear: true }) : {});
  const align = hasEsp ? ENC_ALGORITHMS[stack.enc].align : 1;
  // fixed overhead: padding removed
  const fixed = (p: number) => wireLength(stack, p) - p - (hasEsp ? espPadLength(espPayload(stack, p), align) : 0);
  const base = fixed(Math.max(max, minInner));
  const out: LayoutResult = {
    stack: { ...stack },
    pathMtu,
    maxInnerPacket: max,
    overheadBytes: max ? wireLength(stack, max) - max : wireLength(stack, minInner) - minInner,
    overheadRange: { min: base, max: base + (align - 1) },
    innerLength,
    packetLength: built.bytes.length,
    bytes: built.bytes,
    clearBytes: decoded.clear,
    encrypted,
    layers: decoded.layers,
    notes: decoded.notes,
    decoded,
  };
  if (hasEsp) {
    const outer = { ...DEFAULTS[stack.outer], ...pick(stack, 'outerSrc', 'outerDst') };
    out.sa = {
      spi: '0x' + sa.spi.toString(16).padStart(8, '0'),
      enc: sa.enc,
      encKey: '0x' + toHex(sa.encKey),
      integ: sa.integ,
      integKey: '0x' + toHex(sa.integKey),
      espSa: tsharkEspSa(sa, stack.outer, outer.outerSrc, outer.outerDst),
    };
  }
  return out;
}

/** Bytes ESP protects for a passenger of p bytes (what the padding is computed over). */
function espPayload(s: TunnelStack, p: number): number {
  const tel = hasEncapLimitHeader(s) ? TEL_DESTOPT : 0;
  const gre = s.encap === 'gre' ? greHeaderLength(greSpecOf(s)) : 0;
  if (s.esp === 'tunnel') return s.encap === 'none' ? p : ipLen(s.outer) + tel + gre + p;
  if (s.encap === 'none') return p - ipLen(s.outer);
  return gre + p;
}
