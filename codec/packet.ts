// Whole packets: encodeStack() builds a LayerSpec list inside-out (each header learns its
// next-protocol, lengths and checksums from what it wraps); decodePacket() reads a frame
// outside-in, opening ESP with a matching SA. Decoding never throws: every decoder is bounds-checked
// and the dispatch loop is a catch-all boundary that turns a failure into DecodedPacket.errors.

import { parseIpv4, parseIpv6 } from './address';
import { need, toHex, u32 } from './bytes';
import type { CryptoProvider } from './crypto';
import { DecodeContext, type DecodeOptions, field, hex32, type IpAddrs, type Next } from './context';
import { ENC_ALGORITHMS, type EspSa, INTEG_ALGORITHMS, saMatches } from './espAlgorithms';
import { ESP_HEADER_LENGTH, icvHint, type OpenedEsp, openEsp, prepareEspCbc, sealEsp } from './esp';
import { decodeEthernet, decodeVlan, encodeEthernet, isVlanEtherType } from './ethernet';
import { decodeGre, encodeGre } from './gre';
import { decodeIpv4, encodeIpv4 } from './ipv4';
import { decodeFragment, decodeIpv6, decodeOptionsHeader, decodeRouting, encodeFragment, encodeIpv6, encodeOptionsHeader, encodeRouting } from './ipv6';
import { ETHERTYPE, IPPROTO, protoLabel } from './protocols';
import { decodeIcmp, decodeTcp, decodeUdp, encodeIcmp, encodeTcp, encodeUdp } from './transport';
import type { DecodedPacket, Field, Layer, LayerSpec } from './types';
import { Code } from '../server/src/core/codes';

export { type DecodeOptions } from './context';

/** pcap/pcapng link types the codec reads (LINKTYPE_* values of tcpdump.org). */
export const LINKTYPE = { ETHERNET: 1, RAW: 101, IPV4: 228, IPV6: 229 } as const;

// ---------------------------------------------------------------- encoding

function ipProtoOf(s: LayerSpec | undefined): number {
  if (!s) return IPPROTO.NONE;
  switch (s.kind) {
    case 'ipv4': return IPPROTO.IPV4;
    case 'ipv6': return IPPROTO.IPV6;
    case 'hopbyhop': return IPPROTO.HOPOPTS;
    case 'dstopts': return IPPROTO.DSTOPTS;
    case 'routing': return IPPROTO.ROUTING;
    case 'fragment': return IPPROTO.FRAGMENT;
    case 'gre': return IPPROTO.GRE;
    case 'esp': return IPPROTO.ESP;
    case 'udp': return IPPROTO.UDP;
    case 'tcp': return IPPROTO.TCP;
    case 'icmp': return IPPROTO.ICMP;
    case 'icmpv6': return IPPROTO.ICMPV6;
    default: return IPPROTO.NONE;
  }
}

function etherTypeOf(s: LayerSpec | undefined): number {
  if (s?.kind === 'ipv4') return ETHERTYPE.IPV4;
  if (s?.kind === 'ipv6') return ETHERTYPE.IPV6;
  if (s?.kind === 'ethernet') return 0x6558; // transparent Ethernet bridging (gretap)
  return 0;
}

function ipOf(specs: readonly LayerSpec[], before: number): IpAddrs | undefined {
  for (let j = before - 1; j >= 0; j--) {
    const s = specs[j];
    if (s.kind === 'ipv4') return { family: 4, src: parseIpv4(s.src) ?? new Uint8Array(4), dst: parseIpv4(s.dst) ?? new Uint8Array(4) };
    if (s.kind === 'ipv6') return { family: 6, src: parseIpv6(s.src) ?? new Uint8Array(16), dst: parseIpv6(s.dst) ?? new Uint8Array(16) };
  }
  return undefined;
}

/** A deterministic sample IV (a function of SPI and sequence number). Fine for samples and tests, never for real traffic. */
export function sampleIv(spi: number, seq: number, length: number): Uint8Array {
  const iv = new Uint8Array(length);
  for (let i = 0; i < length; i++) iv[i] = (0xa0 + i + ((spi + seq * 7) & 0xff)) & 0xff;
  return iv;
}

export interface EncodeOptions {
  /** Needed to encrypt ESP; without it ESP payloads are left in clear (see crypto.ts). */
  crypto?: CryptoProvider;
}

export interface EncodedPacket {
  bytes: Uint8Array;
  /** False when an ESP layer could not be encrypted (no CryptoProvider). */
  encrypted: boolean;
}

/** Builds the packet described by `specs` (outermost first). Throws on an invalid spec. */
export function encodeStack(specs: readonly LayerSpec[], options: EncodeOptions = {}): EncodedPacket {
  let payload: Uint8Array = new Uint8Array(0);
  let encrypted = true;
  for (let i = specs.length - 1; i >= 0; i--) {
    const s = specs[i];
    const next = specs[i + 1];
    switch (s.kind) {
      case 'raw': payload = s.data; break;
      case 'ethernet': payload = encodeEthernet(s, payload, etherTypeOf(next)); break;
      case 'ipv4': payload = encodeIpv4(s, payload, ipProtoOf(next)); break;
      case 'ipv6': payload = encodeIpv6(s, payload, ipProtoOf(next)); break;
      case 'hopbyhop':
      case 'dstopts': payload = encodeOptionsHeader(s, payload, ipProtoOf(next)); break;
      case 'routing': payload = encodeRouting(s, payload, ipProtoOf(next)); break;
      case 'fragment': payload = encodeFragment(s, payload, ipProtoOf(next)); break;
      case 'gre': payload = encodeGre(s, payload, etherTypeOf(next)); break;
      case 'udp': payload = encodeUdp(s, payload, ipOf(specs, i)); break;
      case 'tcp': payload = encodeTcp(s, payload, ipOf(specs, i)); break;
      case 'icmp':
      case 'icmpv6': payload = encodeIcmp(s, payload, ipOf(specs, i)); break;
      case 'esp': {
        const ivLen = ENC_ALGORITHMS[s.sa.enc].ivLength;
        const sealed = sealEsp(s.sa, s.seq, s.iv ?? sampleIv(s.sa.spi, s.seq, ivLen), payload, s.nextHeader ?? ipProtoOf(next), options.crypto);
        encrypted &&= sealed.encrypted;
        payload = sealed.bytes;
        break;
      }
    }
  }
  return { bytes: payload, encrypted };
}

// ---------------------------------------------------------------- decoding

function dispatch(ctx: DecodeContext, next: Next): Next {
  if (!next) return undefined;
  const { offset, end } = next;
  if (next.by === 'payload') {
    if (end > offset) ctx.layer('payload', offset, end - offset, () => [field('Data', offset, end - offset, `${end - offset} bytes`)]);
    return undefined;
  }
  if (next.by === 'ether') {
    switch (next.value) {
      case ETHERTYPE.IPV4: return decodeIpv4(ctx, offset, end);
      case ETHERTYPE.IPV6: return decodeIpv6(ctx, offset, end);
      default:
        if (isVlanEtherType(next.value)) return decodeVlan(ctx, offset, end);
        return { by: 'payload', offset, end };
    }
  }
  switch (next.value) {
    case IPPROTO.IPV4: return decodeIpv4(ctx, offset, end);
    case IPPROTO.IPV6: return decodeIpv6(ctx, offset, end);
    case IPPROTO.HOPOPTS: return decodeOptionsHeader(ctx, 'hopbyhop', offset, end);
    case IPPROTO.DSTOPTS: return decodeOptionsHeader(ctx, 'dstopts', offset, end);
    case IPPROTO.ROUTING: return decodeRouting(ctx, offset, end);
    case IPPROTO.FRAGMENT: return decodeFragment(ctx, offset, end);
    case IPPROTO.GRE: return decodeGre(ctx, offset, end);
    case IPPROTO.ESP: return decodeEsp(ctx, offset, end);
    case IPPROTO.UDP: return decodeUdp(ctx, offset, end);
    case IPPROTO.TCP: return decodeTcp(ctx, offset, end);
    case IPPROTO.ICMP: return decodeIcmp(ctx, false, offset, end);
    case IPPROTO.ICMPV6: return decodeIcmp(ctx, true, offset, end);
    case IPPROTO.NONE: return { by: 'payload', offset, end };
    default: return { by: 'payload', offset, end };
  }
}

/** Runs the dispatch loop; a failure ends it with an error and keeps the layers read so far. */
function run(ctx: DecodeContext, start: Next | (() => Next)): void {
  let guard = 0;
  try {
    let next = typeof start === 'function' ? start() : start;
    while (next) {
      if (++guard > 64) throw new Error('more than 64 nested headers');
      next = dispatch(ctx, next);
    }
  } catch (err) {
    ctx.errors.push(err instanceof Error ? err.message : String(err));
  }
}

const FOUNDING_CASE =
  'Destination Options header in front of transport-mode ESP (Linux ip6gre/ip6tnl encapsulation limit): ' +
  'Cisco IOS decrypts such packets wrongly (next header set to the ESP payload while it still starts with the ' +
  'Destination Options bytes); use `encaplimit none` on the Linux tunnel or ESP tunnel mode';

function decodeEsp(ctx: DecodeContext, off: number, end: number): Next {
  const b = ctx.bytes;
  need(b, off, ESP_HEADER_LENGTH, 'ESP header', end);
  const spi = u32(b, off);
  const seq = u32(b, off + 4);
  const prev = ctx.layers[ctx.layers.length - 1];
  const destOptsBefore = prev?.id === 'dstopts' && !prev.encrypted;
  const sa = findSa(ctx.options.sas, spi);
  const crypto = ctx.options.espClear ? 'clear' : ctx.options.crypto;
  if (!sa || !crypto) {
    ctx.layer('esp', off, ESP_HEADER_LENGTH, () => espHeaderFields(b, off, spi, seq, 0, end));
    if (end > off + ESP_HEADER_LENGTH) ctx.layer('esp-encrypted', off + 8, end - off - 8, () => [field('Encrypted Data', off + 8, end - off - 8, `${end - off - 8} bytes`)]);
    ctx.esp ??= { spi, seq, decrypted: false };
    if (sa && !crypto) ctx.errors.push('an SA matches but no crypto provider was given');
    if (destOptsBefore) modeUnknownNote(ctx, prev.offset, sa ? ' without a crypto provider' : ' without the SA');
    return undefined;
  }
  const esp = b.subarray(off, end);
  if (ctx.pending && !ctx.inEsp && crypto !== 'clear' && crypto.aesEcbDecrypt && ENC_ALGORITHMS[sa.enc]?.kind === 'cbc') {
    // decodeBatch: checked and ICV computed now, decrypted with the other packets of its SA (openPending)
    const prepared = prepareEspCbc(sa, esp, crypto);
    if (prepared.pending) {
      (ctx.pending as PendingEsp[]).push({ ctx, off, end, sa, crypto, opened: prepared, prev });
      return undefined;
    }
    return openedEsp(ctx, off, end, sa, crypto, prepared, prev);
  }
  return openedEsp(ctx, off, end, sa, crypto, openEsp(sa, esp, crypto), prev);
}

/** An AES-CBC packet of a batch, checked, its ICV good or absent, waiting for its decryption. */
interface PendingEsp {
  ctx: DecodeContext;
  off: number;
  end: number;
  sa: EspSa;
  crypto: CryptoProvider;
  opened: OpenedEsp;
  prev: Layer | undefined;
}

/**
 * Decrypts the pending packets of a batch, one `aesEcbDecrypt` call per SA over all their
 * ciphertexts (gathered into one buffer), the CBC chaining written in place into each packet's
 * bytes; then each packet's decoding goes on as decodeEsp would have gone on.
 */
function openPending(pending: readonly PendingEsp[]): void {
  const groups = new Map<EspSa, PendingEsp[]>();
  for (const p of pending) {
    const g = groups.get(p.sa);
    if (g) g.push(p);
    else groups.set(p.sa, [p]);
  }
  for (const [sa, jobs] of groups) {
    const icvLen = INTEG_ALGORITHMS[sa.integ].icvLength;
    const first = ESP_HEADER_LENGTH + ENC_ALGORITHMS[sa.enc].ivLength;
    let total = 0;
    for (const j of jobs) total += j.end - icvLen - (j.off + first);
    const scratch = new Uint8Array(total);
    let o = 0;
    for (const j of jobs) {
      const s = j.off + first;
      const e = j.end - icvLen;
      scratch.set(j.ctx.bytes.subarray(s, e), o);
      o += e - s;
    }
    let dec: Uint8Array | undefined;
    let failure = '';
    try {
      dec = jobs[0].crypto.aesEcbDecrypt!(sa.encKey, scratch);
      if (dec.length !== total) throw new Error(`AES-ECB returned ${dec.length} bytes for ${total}`);
    } catch (err) {
      dec = undefined;
      failure = (err as Error).message;
    }
    o = 0;
    for (const j of jobs) {
      const b = j.ctx.bytes;
      const s = j.off + first;
      const n = j.end - icvLen - s;
      j.ctx.pending = undefined;
      let opened: OpenedEsp;
      if (!dec) opened = { spi: j.opened.spi, seq: j.opened.seq, iv: j.opened.iv, icv: j.opened.icv, error: `ESP decryption failed: ${failure}` };
      else {
        // P[0] = D(C[0]) ^ IV (the 16 bytes before the ciphertext), P[i] = D(C[i]) ^ C[i-1]
        for (let i = 0; i < 16; i++) b[s + i] = dec[o + i] ^ b[s - 16 + i];
        for (let i = 16; i < n; i++) b[s + i] = dec[o + i] ^ scratch[o + i - 16];
        let pt = b.subarray(s, s + n);
        if (pt[n - 2] > n - 2) {
          // not a trailer: decodeEsp keeps the ciphertext in place (and reads it for its hint)
          pt = pt.slice();
          b.set(scratch.subarray(o, o + n), s);
        }
        opened = { spi: j.opened.spi, seq: j.opened.seq, iv: j.opened.iv, icv: j.opened.icv, plaintext: pt, icvGood: j.opened.icvGood };
      }
      o += n;
      try {
        openedEsp(j.ctx, j.off, j.end, sa, j.crypto, opened, j.prev);
      } catch (err) {
        j.ctx.errors.push(err instanceof Error ? err.message : String(err));
      }
    }
  }
}

/** decodeEsp once the packet is opened (or failed to open). */
function openedEsp(ctx: DecodeContext, off: number, end: number, sa: EspSa, crypto: CryptoProvider | 'clear', opened: OpenedEsp, prev: Layer | undefined): Next {
  const b = ctx.bytes;
  const spi = u32(b, off);
  const seq = u32(b, off + 4);
  const destOptsBefore = prev?.id === 'dstopts' && !prev.encrypted;
  const enc = ENC_ALGORITHMS[sa.enc];
  const icvLen = enc.kind === 'gcm' ? enc.icvLength : INTEG_ALGORITHMS[sa.integ].icvLength;
  // The IV is read in place (opened.iv is the same bytes; decryption never writes there).
  const ivLen = enc.ivLength;
  ctx.layer('esp', off, Math.min(ESP_HEADER_LENGTH + ivLen, end - off), () => espHeaderFields(b, off, spi, seq, ivLen, end));
  const ctStart = off + ESP_HEADER_LENGTH + enc.ivLength;
  const icvStart = end - icvLen;
  ctx.esp = { spi, seq, decrypted: false, icvGood: opened.icvGood };
  const icvStatus = crypto === 'clear' ? 'not checked' : opened.icvGood === undefined ? 'not checked' : opened.icvGood ? 'good' : 'bad';
  if (!opened.plaintext || opened.icvGood === false) {
    if (icvStart > ctStart) ctx.layer('esp-encrypted', ctStart, icvStart - ctStart, () => [field('Encrypted Data', ctStart, icvStart - ctStart, `${icvStart - ctStart} bytes`)]);
    icvLayer(ctx, icvLen, icvStart, ctStart, end, icvStatus);
    ctx.errors.push(opened.error ?? 'ESP could not be opened');
    if (opened.icvGood === false) ctx.notes.push({ code: Code.icvBad, severity: 'error', offset: icvStart, message: `ESP ICV does not verify for SPI ${hex32(spi)} (wrong keys or a corrupted packet)` });
    if (destOptsBefore) modeUnknownNote(ctx, prev!.offset, ': the SA did not open the packet');
    return undefined;
  }
  const pt = opened.plaintext;
  const padLen = pt[pt.length - 2];
  const nh = pt[pt.length - 1];
  if (padLen > pt.length - 2) {
    // The trailer is not one: the bytes are not the plaintext, so neither mode nor next header is known.
    ctx.esp = { spi, seq, decrypted: false, icvGood: opened.icvGood };
    const hint = crypto === 'clear' ? undefined : icvHint(sa, b.subarray(off, end), crypto);
    if (icvStart > ctStart) ctx.layer('esp-encrypted', ctStart, icvStart - ctStart, () => [field('Encrypted Data', ctStart, icvStart - ctStart, `${icvStart - ctStart} bytes`)]);
    ctx.errors.push(`ESP pad length ${padLen} exceeds the ${pt.length - 2} decrypted bytes: ${hint ?? 'wrong encryption key?'}`);
    icvLayer(ctx, icvLen, icvStart, ctStart, end, icvStatus);
    if (destOptsBefore) modeUnknownNote(ctx, prev!.offset, ': the decrypted trailer is invalid');
    return undefined;
  }
  // same length, same offsets: inner layers keep wire offsets (decodeBatch decrypted in place already)
  if (pt.buffer !== b.buffer || pt.byteOffset !== b.byteOffset + ctStart) b.set(pt, ctStart);
  const mode = nh === IPPROTO.IPV4 || nh === IPPROTO.IPV6 ? 'tunnel' : 'transport';
  ctx.esp = { spi, seq, decrypted: true, icvGood: opened.icvGood, nextHeader: nh, padLength: padLen, mode };
  const innerEnd = ctStart + pt.length - 2 - padLen;
  for (let i = 0; i < padLen; i++) {
    if (pt[pt.length - 2 - padLen + i] !== i + 1) {
      ctx.notes.push({ code: Code.espPadding, severity: 'info', offset: innerEnd + i, message: 'ESP padding is not the default 1, 2, 3, … sequence' });
      break;
    }
  }
  if (destOptsBefore && mode === 'transport') {
    ctx.notes.push({ code: Code.encaplimitTransportInterop, severity: 'error', offset: prev!.offset, message: FOUNDING_CASE });
  }
  const wasIn = ctx.inEsp;
  ctx.inEsp = true;
  run(ctx, { by: 'ip', value: nh, offset: ctStart, end: innerEnd });
  // The padding is read from `b`, where the plaintext was copied (same bytes as pt).
  ctx.layer('esp-trailer', innerEnd, padLen + 2, () => [
    field('Padding', innerEnd, padLen, padLen ? toHex(b, innerEnd, innerEnd + padLen) : ''),
    field('Pad Length', innerEnd + padLen, 1, padLen),
    field('Next Header', innerEnd + padLen + 1, 1, protoLabel(nh)),
  ]);
  ctx.inEsp = wasIn;
  icvLayer(ctx, icvLen, icvStart, ctStart, end, icvStatus);
  return undefined;
}

/** The founding-case warning when the ESP mode cannot be known (`why`: ' without the SA', ': …'). */
function modeUnknownNote(ctx: DecodeContext, offset: number, why: string): void {
  ctx.notes.push({ code: Code.encaplimitTransportInterop, severity: 'warning', offset, message: FOUNDING_CASE.replace('transport-mode ESP', `ESP (mode unknown${why}; transport mode is the founding case)`) });
}

function findSa(sas: DecodeOptions['sas'], spi: number): EspSa | undefined {
  if (!sas) return undefined;
  for (let i = 0; i < sas.length; i++) if (saMatches(sas[i], spi)) return sas[i];
  return undefined;
}

function espHeaderFields(b: Uint8Array, off: number, spi: number, seq: number, ivLen: number, end: number): Field[] {
  const fields = [field('SPI', off, 4, hex32(spi)), field('Sequence Number', off + 4, 4, seq)];
  if (ivLen) {
    const n = Math.min(ivLen, Math.max(0, end - off - 8));
    fields.push(field('IV', off + 8, n, toHex(b, off + 8, off + 8 + n)));
  }
  return fields;
}

function icvLayer(ctx: DecodeContext, icvLen: number, icvStart: number, ctStart: number, end: number, status: string): void {
  if (icvLen && icvStart >= ctStart) {
    const b = ctx.bytes;
    ctx.layer('esp-icv', icvStart, icvLen, () => [field('ICV', icvStart, icvLen, `${toHex(b, icvStart, end)} (${status})`)]);
  }
}

/** Reads one frame of the given link type into a context (the ESP of a batch may be left pending). */
function startPacket(frame: Uint8Array, linkType: number, options: DecodeOptions, pending: PendingEsp[] | undefined): DecodeContext {
  // A copy even when `frame` is a Buffer (Buffer#slice is a view: decryption would overwrite the capture).
  const clear = options.inPlace ? frame : (Uint8Array.prototype.slice.call(frame) as Uint8Array);
  const ctx = new DecodeContext(clear, options);
  ctx.pending = pending;
  let start: Next;
  switch (linkType) {
    case LINKTYPE.ETHERNET:
      run(ctx, () => decodeEthernet(ctx, 0, clear.length));
      break;
    case LINKTYPE.RAW:
    case 12: // DLT_RAW on some BSDs
    case 14:
      start = clear.length && clear[0] >> 4 === 4 ? { by: 'ip', value: IPPROTO.IPV4, offset: 0, end: clear.length } : { by: 'ip', value: IPPROTO.IPV6, offset: 0, end: clear.length };
      break;
    case LINKTYPE.IPV4: start = { by: 'ip', value: IPPROTO.IPV4, offset: 0, end: clear.length }; break;
    case LINKTYPE.IPV6: start = { by: 'ip', value: IPPROTO.IPV6, offset: 0, end: clear.length }; break;
    default:
      ctx.errors.push(`link type ${linkType} is not supported (Ethernet, RAW, IPv4 and IPv6 are)`);
  }
  if (linkType !== LINKTYPE.ETHERNET && start) run(ctx, start);
  return ctx;
}

function packetOf(frame: Uint8Array, ctx: DecodeContext): DecodedPacket {
  return { wire: frame, clear: ctx.bytes, layers: ctx.layers, notes: ctx.notes, errors: ctx.errors, esp: ctx.esp };
}

/** Reads one frame of the given link type. Never throws. */
export function decodePacket(frame: Uint8Array, linkType: number = LINKTYPE.ETHERNET, options: DecodeOptions = {}): DecodedPacket {
  return packetOf(frame, startPacket(frame, linkType, options, undefined));
}

/**
 * decodePacket of every frame (the same results), the AES-CBC ESP packets decrypted together: one
 * `aesEcbDecrypt` call per SA for the whole batch when the provider has it. Never throws.
 */
export function decodeBatch(frames: readonly Uint8Array[], linkTypes: readonly number[] | number, options: DecodeOptions = {}): DecodedPacket[] {
  const pending: PendingEsp[] = [];
  const ctxs = frames.map((f, i) => startPacket(f, typeof linkTypes === 'number' ? linkTypes : linkTypes[i], options, pending));
  if (pending.length) openPending(pending);
  return ctxs.map((c, i) => packetOf(frames[i], c));
}
