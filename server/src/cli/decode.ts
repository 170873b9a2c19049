// `tunnel-lens decode FILE.pcap [--sa SPI:ENC:KEY[:INTEG:KEY]]... [--format text|json]`: every packet
// of a pcap/pcapng as its protocol stack; ESP opened with the given SAs (ICV verified); the founding
// case (Destination Options in front of transport-mode ESP) flagged. Keys given with --sa are
// never printed. An SA that matched no packet is said on stderr.

import { readFileSync } from 'node:fs';
import { fromHex } from '../../../codec/bytes';
import { nodeCrypto } from '../../../codec/crypto-node';
import { checkSa } from '../../../codec/esp';
import { type EspSa, saMatches } from '../../../codec/espAlgorithms';
import { decodePacket } from '../../../codec/packet';
import { readCapture } from '../../../codec/pcap';
import type { DecodedPacket } from '../../../codec/types';
import { parseEncryption, parseIntegrity } from './algorithmNames';
import { CliError, type CliIo, formatFlag, parseArgs, type Subcommand } from './common';
import { addCliSecrets } from './output';

/** How an SPI was written: tshark's esp_sa reads it with strtoul(…, 0) (0x… hex, 0… octal, else decimal) or as a wildcard. */
export type SpiForm = 'hex' | 'decimal' | 'octal' | 'wildcard';

const SPI_FORMS = "0x1001 (hex), 4097 (decimal), 010001 (octal), * or 0x0000100* (wildcards), as tshark's esp_sa reads them";

/** An SPI in the forms tshark's esp_sa UAT accepts (packet-ipsec.c filter_spi_match). */
export function parseSpi(text: string): { spi: number; spiMask: number; form: SpiForm } {
  const t = text.trim();
  let spi = NaN;
  let spiMask = 0xffffffff;
  let form: SpiForm = 'decimal';
  if (t === '*') {
    spi = 0;
    spiMask = 0;
    form = 'wildcard';
  } else if (/^0x[0-9a-f*]{8}$/i.test(t) && t.includes('*')) {
    // tshark compares "0x%08x" digit by digit, `*` matching any digit
    spi = 0;
    spiMask = 0;
    for (const c of t.slice(2)) {
      spi = spi * 16 + (c === '*' ? 0 : parseInt(c, 16));
      spiMask = spiMask * 16 + (c === '*' ? 0 : 15);
    }
    form = 'wildcard';
  } else if (/^0x[0-9a-f]{1,8}$/i.test(t)) {
    spi = parseInt(t.slice(2), 16);
    form = 'hex';
  } else if (/^0[0-7]+$/.test(t)) {
    spi = parseInt(t, 8);
    form = 'octal';
  } else if (/^[1-9]\d*$|^0$/.test(t)) {
    // (a leading 0 makes tshark read octal, so 09 is refused, not read as 9)
    spi = Number(t);
  }
  if (!Number.isInteger(spi) || spi < 0 || spi > 0xffffffff) throw new CliError(`--sa: SPI '${text}' is not a 32-bit number; write ${SPI_FORMS}`);
  return { spi: spi >>> 0, spiMask: spiMask >>> 0, form };
}

function parseKey(text: string, what: string): Uint8Array {
  const k = fromHex(text);
  if (!k) throw new CliError(`--sa: ${what} key is not hex`); // the key itself is not echoed
  return k;
}

/** An --sa value: the SA and how its SPI was written (for the no-match message). */
export interface CliSa {
  sa: EspSa;
  spiText: string;
  form: SpiForm;
}

/** SPI:ENC:KEY[:INTEG:KEY] — e.g. 0x1001:aes-cbc-128:0x0011…:hmac-sha1-96:0x0102…; GCM keys include the 4-byte salt. */
export function parseCliSa(text: string): CliSa {
  const parts = text.split(':');
  // The keys are secrets: whatever the CLI prints from here on masks them, even in a message that
  // quotes a field given in the wrong place.
  addCliSecrets(parts.slice(1).filter((x) => /^(0x)?[0-9a-f]{8,}$/i.test(x)));
  if (parts.length !== 3 && parts.length !== 5) throw new CliError('--sa must be SPI:ENC:KEY or SPI:ENC:KEY:INTEG:KEY');
  const enc = parseEncryption(parts[1]);
  const spi = parseSpi(parts[0]);
  const sa: EspSa = {
    spi: spi.spi,
    enc,
    encKey: enc === 'null' && parts[2] === '' ? new Uint8Array(0) : parseKey(parts[2], 'encryption'),
    integ: parts.length === 5 ? parseIntegrity(parts[3]) : 'none',
    integKey: parts.length === 5 ? parseKey(parts[4], 'integrity') : new Uint8Array(0),
  };
  if (spi.spiMask !== 0xffffffff) sa.spiMask = spi.spiMask;
  const problem = checkSa(sa);
  if (problem) throw new CliError(`--sa ${parts[0]}: ${problem}`);
  return { sa, spiText: parts[0].trim(), form: spi.form };
}

export function parseSa(text: string): EspSa {
  return parseCliSa(text).sa;
}

const hex32 = (v: number) => '0x' + (v >>> 0).toString(16).padStart(8, '0');

/** The per-packet lines of the text format. */
export function packetText(n: number, d: DecodedPacket): string {
  let stack = '';
  for (const l of d.layers) {
    if (l.id === 'esp-trailer' || l.id === 'esp-icv' || l.id === 'payload') continue;
    stack += stack ? ' / ' + l.name : l.name;
  }
  let esp = '';
  if (d.esp) {
    esp = `  [SPI ${hex32(d.esp.spi)} seq ${d.esp.seq}`;
    if (d.esp.decrypted) esp += `, ${d.esp.mode} mode, next header ${d.esp.nextHeader}`;
    if (d.esp.icvGood !== undefined) esp += `, ICV ${d.esp.icvGood ? 'good' : 'BAD'}`;
    esp += ']';
  }
  let out = `#${n}  ${d.wire.length} bytes  ${stack}${esp}\n`;
  for (const x of d.notes) out += `    ${x.severity}: ${x.code}: ${x.message}\n`;
  for (const e of d.errors) out += `    malformed: ${e}\n`;
  return out;
}

export function packetJson(n: number, p: DecodedPacket, linkType: number) {
  return {
    number: n,
    length: p.wire.length,
    linkType,
    stack: p.layers.filter((l) => l.id !== 'esp-trailer' && l.id !== 'esp-icv').map((l) => l.name),
    layers: p.layers.map((l) => ({ name: l.name, offset: l.offset, length: l.length, ...(l.encrypted ? { encrypted: true } : {}), fields: l.fields })),
    ...(p.esp ? { esp: p.esp } : {}),
    notes: p.notes,
    errors: p.errors,
  };
}

/** What the summary counts, packet by packet (mergeable: the workers of a large capture each keep one). */
export class DecodeTally {
  packets = 0;
  esp = 0;
  decrypted = 0;
  icvGood = 0;
  icvBad = 0;
  withErrors = 0;
  hasError = false;
  /** Destination Options right before the (outer) ESP header, by what is known of the ESP mode. */
  destOpts = { total: 0, transport: 0, tunnel: 0, unknown: 0 };
  /** Packets per SA (index in the --sa list; the first matching SA takes a packet). */
  perSa: number[];
  /** ESP packets per SPI, in the order first seen (at most MAX_SPIS SPIs kept). */
  spis = new Map<number, number>();
  constructor(private readonly sas: readonly EspSa[]) {
    this.perSa = sas.map(() => 0);
  }
  add(d: DecodedPacket): void {
    this.packets++;
    if (d.errors.length) this.withErrors++;
    for (let i = 0; i < d.notes.length; i++) if (d.notes[i].severity === 'error') this.hasError = true;
    const e = d.esp;
    if (!e) return;
    this.esp++;
    if (e.decrypted) this.decrypted++;
    if (e.icvGood === true) this.icvGood++;
    else if (e.icvGood === false) this.icvBad++;
    for (let i = 0; i < this.sas.length; i++) {
      if (saMatches(this.sas[i], e.spi)) {
        this.perSa[i]++;
        break;
      }
    }
    const seen = this.spis.get(e.spi);
    if (seen !== undefined) this.spis.set(e.spi, seen + 1);
    else if (this.spis.size < MAX_SPIS) this.spis.set(e.spi, 1);
    const layers = d.layers;
    for (let i = 1; i < layers.length; i++) {
      if (layers[i].id !== 'esp') continue;
      const prev = layers[i - 1];
      if (prev.id === 'dstopts' && !prev.encrypted) {
        this.destOpts.total++;
        if (!e.decrypted) this.destOpts.unknown++;
        else if (e.mode === 'tunnel') this.destOpts.tunnel++;
        else this.destOpts.transport++;
      }
      break;
    }
  }
  merge(o: DecodeTally): void {
    this.packets += o.packets;
    this.esp += o.esp;
    this.decrypted += o.decrypted;
    this.icvGood += o.icvGood;
    this.icvBad += o.icvBad;
    this.withErrors += o.withErrors;
    this.hasError ||= o.hasError;
    for (const k of ['total', 'transport', 'tunnel', 'unknown'] as const) this.destOpts[k] += o.destOpts[k];
    o.perSa.forEach((n, i) => (this.perSa[i] += n));
    for (const [spi, n] of o.spis) {
      const seen = this.spis.get(spi);
      if (seen !== undefined) this.spis.set(spi, seen + n);
      else if (this.spis.size < MAX_SPIS) this.spis.set(spi, n);
    }
  }
  summaryJson() {
    return {
      packets: this.packets,
      esp: this.esp,
      decrypted: this.decrypted,
      icvGood: this.icvGood,
      icvBad: this.icvBad,
      foundingCase: this.destOpts.transport,
      destOptionsBeforeEsp: { ...this.destOpts },
      withErrors: this.withErrors,
    };
  }
  summaryText(format: string): string {
    const o = this.destOpts;
    const modes = o.total ? ` (transport mode ${o.transport}, tunnel mode ${o.tunnel}, mode unknown ${o.unknown})` : '';
    return (
      `${this.packets} packets (${format}); ESP ${this.esp}, decrypted ${this.decrypted}, ICV good ${this.icvGood}, bad ${this.icvBad}; ` +
      `Destination Options before ESP: ${o.total}${modes}; malformed: ${this.withErrors}`
    );
  }
}

const MAX_SPIS = 64;

/** One line per --sa that matched no ESP packet: what its SPI was read as, the SPIs the capture has. */
export function unmatchedSaLines(file: string, sas: readonly CliSa[], tally: DecodeTally): string[] {
  const out: string[] = [];
  const spis = [...tally.spis];
  sas.forEach((s, i) => {
    if (tally.perSa[i] > 0) return;
    const read = s.form === 'wildcard' ? 'a wildcard' : s.form === 'hex' ? hex32(s.sa.spi) : `${s.form} ${s.spiText} = ${hex32(s.sa.spi)}`;
    let line = `tunnel-lens decode: ${file}: --sa ${s.spiText} (${read}) matched no ESP packet; `;
    if (tally.esp === 0) line += 'the capture has no ESP packet';
    else if (spis.some(([spi]) => saMatches(s.sa, spi))) line += 'an earlier --sa with the same SPI took its packets';
    else {
      const shown = spis.slice(0, 8).map(([spi, n]) => `${hex32(spi)} (${n} packet${n === 1 ? '' : 's'})`);
      line += `the capture's SPIs: ${shown.join(', ')}${tally.spis.size > 8 ? `, … (${tally.spis.size} or more)` : ''}`;
      if (s.form !== 'hex' && s.form !== 'wildcard' && /^\d{1,8}$/.test(s.spiText)) {
        const asHex = parseInt(s.spiText, 16);
        if (spis.some(([spi]) => spi === asHex)) line += `; an SPI is read as tshark reads it (0x… hex, 0… octal, else decimal): for hex write 0x${s.spiText.replace(/^0+(?=.)/, '')}`;
      }
    }
    out.push(line + '\n');
  });
  return out;
}

export const run: Subcommand = (args: string[], io: CliIo) => {
  const p = parseArgs(args, ['sa', 'format']);
  const format = formatFlag(p, ['text', 'json'], 'text');
  if (p.positionals.length !== 1) throw new CliError('decode needs exactly one FILE.pcap');
  const file = p.positionals[0];
  const cliSas = (p.flags.get('sa') ?? []).map(parseCliSa);
  const sas = cliSas.map((s) => s.sa);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const cap = readCapture(bytes);
  if (cap.packets.length === 0 && cap.errors.length) throw new CliError(`${file}: ${cap.errors[0]}`);
  const tally = new DecodeTally(sas);
  // lazyFields: the text output never reads the field values; JSON reads them (same values).
  const decoded = cap.packets.map((pk) => {
    const d = decodePacket(pk.data, pk.linkType, { sas, crypto: nodeCrypto, lazyFields: true });
    tally.add(d);
    return { pk, d };
  });
  if (format === 'json') {
    io.stdout(JSON.stringify({ file, format: cap.format, packets: decoded.map((x, i) => packetJson(i + 1, x.d, x.pk.linkType)), summary: tally.summaryJson(), fileErrors: cap.errors }, null, 2) + '\n');
  } else {
    let out = '';
    decoded.forEach(({ d }, i) => (out += packetText(i + 1, d)));
    for (const e of cap.errors) out += `file: ${e}\n`;
    io.stdout(out + tally.summaryText(cap.format) + '\n');
  }
  for (const line of unmatchedSaLines(file, cliSas, tally)) io.stderr(line);
  return tally.hasError ? 1 : 0;
};
