// State shared by the protocol decoders while one packet is read. Each decoder reads its header
// at `offset` (bounded by `end`), pushes a Layer and says what follows; packet.ts dispatches.

import type { CryptoProvider } from './crypto';
import type { EspSa } from './espAlgorithms';
import { LAYER_NAMES, type DecodedPacket, type Field, type Layer, type LayerId } from './types';

export interface DecodeOptions {
  /** SAs to open ESP with (matched by SPI). */
  sas?: readonly EspSa[];
  /** Needed to decrypt; without it ESP payloads stay opaque unless the SA is marked clear. */
  crypto?: CryptoProvider;
  /** Treat ESP payloads as unencrypted (layout of a sample built without a CryptoProvider). */
  espClear?: boolean;
}

/** What comes next: an IP protocol number, an EtherType, or nothing more to read. */
export type Next =
  | { by: 'ip'; value: number; offset: number; end: number }
  | { by: 'ether'; value: number; offset: number; end: number }
  | { by: 'payload'; offset: number; end: number }
  | undefined;

export interface IpAddrs {
  family: 4 | 6;
  src: Uint8Array;
  dst: Uint8Array;
}

export class DecodeContext {
  readonly layers: Layer[] = [];
  readonly notes: DecodedPacket['notes'] = [];
  readonly errors: string[] = [];
  esp: DecodedPacket['esp'];
  /** Innermost IP addresses (for UDP/TCP/ICMPv6 pseudo-header checks). */
  ip: IpAddrs | undefined;
  /** Set while reading inside a decrypted ESP payload. */
  inEsp = false;
  constructor(
    readonly bytes: Uint8Array,
    readonly options: DecodeOptions,
  ) {}

  layer(id: LayerId, offset: number, length: number, fields: Field[]): Layer {
    const l: Layer = { id, name: LAYER_NAMES[id], offset, length, fields };
    if (this.inEsp) l.encrypted = true;
    this.layers.push(l);
    return l;
  }
}

export function field(name: string, offset: number, length: number, value: string | number): Field {
  return { name, offset, length, value };
}

export function hex16(v: number): string {
  return '0x' + v.toString(16).padStart(4, '0');
}
export function hex32(v: number): string {
  return '0x' + v.toString(16).padStart(8, '0');
}
export function hex8(v: number): string {
  return '0x' + v.toString(16).padStart(2, '0');
}
