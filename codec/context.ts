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
  /**
   * Build each layer's `fields` on first read instead of while decoding (bulk decoding: the CLI,
   * the benchmark). Layers, offsets, notes, errors and `esp` are the same and are computed
   * eagerly; the field values are the same too, read from `clear` when first accessed, so `clear`
   * must not be modified before. The layers are then `LazyLayer` objects (the same properties, the
   * same JSON), not plain objects.
   */
  lazyFields?: boolean;
  /**
   * The frame may be overwritten: decrypted ESP payloads are written into it (`clear === wire`)
   * instead of into a copy. For a caller that owns the bytes and no longer needs the ciphertext (the
   * CLI reading a capture in chunks).
   */
  inPlace?: boolean;
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

/** A layer whose fields are built when first read (DecodeOptions.lazyFields). */
export class LazyLayer implements Layer {
  encrypted?: boolean;
  private built: Field[] | undefined;
  constructor(
    readonly id: LayerId,
    readonly name: string,
    readonly offset: number,
    readonly length: number,
    private make: (() => Field[]) | undefined,
    encrypted: boolean,
  ) {
    if (encrypted) this.encrypted = true;
  }
  get fields(): Field[] {
    if (this.make) {
      this.built = this.make();
      this.make = undefined;
    }
    return this.built!;
  }
  set fields(v: Field[]) {
    this.built = v;
    this.make = undefined;
  }
  toJSON(): Layer {
    const l: Layer = { id: this.id, name: this.name, offset: this.offset, length: this.length, fields: this.fields };
    if (this.encrypted) l.encrypted = true;
    return l;
  }
}

export class DecodeContext {
  readonly layers: Layer[] = [];
  readonly notes: DecodedPacket['notes'] = [];
  readonly errors: string[] = [];
  esp: DecodedPacket['esp'];
  /**
   * Innermost IP header (for UDP/TCP/ICMPv6 pseudo-header checks): its family (0 = none yet) and
   * the offsets of its source and destination addresses in `bytes` (no copies).
   */
  ipFamily: 0 | 4 | 6 = 0;
  ipSrc = 0;
  ipDst = 0;
  /** Set while reading inside a decrypted ESP payload. */
  inEsp = false;
  /** decodeBatch: the AES-CBC packets whose decryption waits for the batch (packet.ts PendingEsp). */
  pending: unknown[] | undefined;
  constructor(
    readonly bytes: Uint8Array,
    readonly options: DecodeOptions,
  ) {}

  /** Pushes a layer; `fields` as a function is called now, or on first read with `lazyFields`. */
  layer(id: LayerId, offset: number, length: number, fields: Field[] | (() => Field[])): Layer {
    let l: Layer;
    if (typeof fields === 'function') {
      if (this.options.lazyFields) {
        l = new LazyLayer(id, LAYER_NAMES[id], offset, length, fields, this.inEsp);
        this.layers.push(l);
        return l;
      }
      fields = fields();
    }
    l = { id, name: LAYER_NAMES[id], offset, length, fields };
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
