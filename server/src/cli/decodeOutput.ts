// What `tunnel-lens decode` prints, packet by packet, and the summary's tally: shared by the command
// (server/src/cli/decode.ts) and its worker threads (decodeWorker.ts), so that a capture decoded in
// one thread or on every core prints the same bytes. No Node module here but the codec's types.
import { type EspSa, saMatches } from '../../../codec/espAlgorithms';
import type { DecodedPacket } from '../../../codec/types';

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
  data(): TallyData {
    return { packets: this.packets, esp: this.esp, decrypted: this.decrypted, icvGood: this.icvGood, icvBad: this.icvBad, withErrors: this.withErrors, hasError: this.hasError, destOpts: this.destOpts, perSa: this.perSa, spis: [...this.spis] };
  }
  merge(o: DecodeTally | TallyData): void {
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


/** The JSON document's opening up to `"packets": [` (JSON.stringify(…, null, 2) of the whole, cut). */
export function jsonHead(file: string, format: string): string {
  const h = JSON.stringify({ file, format }, null, 2);
  return h.slice(0, -2) + ',\n  "packets": [';
}

/** One packet of the "packets" array as JSON.stringify(document, null, 2) indents it. */
export function jsonPacket(n: number, d: DecodedPacket, linkType: number, first: boolean): string {
  return (first ? '\n    ' : ',\n    ') + JSON.stringify(packetJson(n, d, linkType), null, 2).replace(/\n/g, '\n    ');
}

/** The rest of the document after the last packet. */
export function jsonTail(packets: number, summary: unknown, fileErrors: readonly string[]): string {
  return (packets ? '\n  ],\n' : '],\n') + JSON.stringify({ summary, fileErrors }, null, 2).slice(2) + '\n';
}

/** The tally as plain data (a worker's, posted to the main thread) and back. */
export interface TallyData {
  packets: number;
  esp: number;
  decrypted: number;
  icvGood: number;
  icvBad: number;
  withErrors: number;
  hasError: boolean;
  destOpts: DecodeTally['destOpts'];
  perSa: number[];
  spis: [number, number][];
}
