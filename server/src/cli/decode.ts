// `tunnel-lens decode FILE.pcap [--sa SPI:ENC:KEY[:INTEG:KEY]]... [--format text|json]`: every packet
// of a pcap/pcapng as its protocol stack; ESP opened with the given SAs (ICV verified); the founding
// case (Destination Options in front of transport-mode ESP) flagged. Keys given with --sa are
// never printed.

import { readFileSync } from 'node:fs';
import { fromHex } from '../../../codec/bytes';
import { nodeCrypto } from '../../../codec/crypto-node';
import { checkSa } from '../../../codec/esp';
import { ENC_ALGORITHMS, type EspSa } from '../../../codec/espAlgorithms';
import { decodePacket } from '../../../codec/packet';
import { readCapture } from '../../../codec/pcap';
import type { DecodedPacket } from '../../../codec/types';
import { parseEncryption, parseIntegrity } from './algorithmNames';
import { CliError, type CliIo, formatFlag, parseArgs, type Subcommand } from './common';
import { Code } from '../core/codes';
import { addCliSecrets } from './output';

function parseSpi(text: string): number {
  const t = text.trim();
  const v = /^0x[0-9a-f]{1,8}$/i.test(t) ? parseInt(t.slice(2), 16) : /^\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new CliError(`--sa: SPI '${text}' is not a 32-bit number (0x… or decimal)`);
  return v;
}

function parseKey(text: string, what: string): Uint8Array {
  const k = fromHex(text);
  if (!k) throw new CliError(`--sa: ${what} key is not hex`); // the key itself is not echoed
  return k;
}

/** SPI:ENC:KEY[:INTEG:KEY] — e.g. 0x1001:aes-cbc-128:0x0011…:hmac-sha1-96:0x0102…; GCM keys include the 4-byte salt. */
export function parseSa(text: string): EspSa {
  const parts = text.split(':');
  // The keys are secrets: whatever the CLI prints from here on masks them, even in a message that
  // quotes a field given in the wrong place.
  addCliSecrets(parts.slice(1).filter((x) => /^(0x)?[0-9a-f]{8,}$/i.test(x)));
  if (parts.length !== 3 && parts.length !== 5) throw new CliError('--sa must be SPI:ENC:KEY or SPI:ENC:KEY:INTEG:KEY');
  const enc = parseEncryption(parts[1]);
  const sa: EspSa = {
    spi: parseSpi(parts[0]),
    enc,
    encKey: enc === 'null' && parts[2] === '' ? new Uint8Array(0) : parseKey(parts[2], 'encryption'),
    integ: parts.length === 5 ? parseIntegrity(parts[3]) : 'none',
    integKey: parts.length === 5 ? parseKey(parts[4], 'integrity') : new Uint8Array(0),
  };
  const problem = checkSa(sa);
  if (problem) throw new CliError(`--sa ${parts[0]}: ${problem}${ENC_ALGORITHMS[enc].kind === 'gcm' ? '' : ''}`);
  return sa;
}

function packetJson(n: number, p: DecodedPacket, linkType: number) {
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

export const run: Subcommand = (args: string[], io: CliIo) => {
  const p = parseArgs(args, ['sa', 'format']);
  const format = formatFlag(p, ['text', 'json'], 'text');
  if (p.positionals.length !== 1) throw new CliError('decode needs exactly one FILE.pcap');
  const file = p.positionals[0];
  const sas = (p.flags.get('sa') ?? []).map(parseSa);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const cap = readCapture(bytes);
  if (cap.packets.length === 0 && cap.errors.length) throw new CliError(`${file}: ${cap.errors[0]}`);
  // lazyFields: the text output never reads the field values; JSON reads them (same values).
  const decoded = cap.packets.map((pk) => ({ pk, d: decodePacket(pk.data, pk.linkType, { sas, crypto: nodeCrypto, lazyFields: true }) }));
  const summary = {
    packets: decoded.length,
    esp: decoded.filter((x) => x.d.esp).length,
    decrypted: decoded.filter((x) => x.d.esp?.decrypted).length,
    icvGood: decoded.filter((x) => x.d.esp?.icvGood === true).length,
    icvBad: decoded.filter((x) => x.d.esp?.icvGood === false).length,
    foundingCase: decoded.filter((x) => x.d.notes.some((n) => n.code === Code.encaplimitTransportInterop)).length,
    withErrors: decoded.filter((x) => x.d.errors.length > 0).length,
  };
  const hasError = decoded.some((x) => x.d.notes.some((n) => n.severity === 'error'));
  if (format === 'json') {
    io.stdout(JSON.stringify({ file, format: cap.format, packets: decoded.map((x, i) => packetJson(i + 1, x.d, x.pk.linkType)), summary, fileErrors: cap.errors }, null, 2) + '\n');
    return hasError ? 1 : 0;
  }
  const out: string[] = [];
  decoded.forEach(({ d }, i) => {
    const stack = d.layers.filter((l) => l.id !== 'esp-trailer' && l.id !== 'esp-icv' && l.id !== 'payload').map((l) => l.name);
    let esp = '';
    if (d.esp) {
      esp = `  [SPI 0x${d.esp.spi.toString(16).padStart(8, '0')} seq ${d.esp.seq}`;
      if (d.esp.decrypted) esp += `, ${d.esp.mode} mode, next header ${d.esp.nextHeader}`;
      if (d.esp.icvGood !== undefined) esp += `, ICV ${d.esp.icvGood ? 'good' : 'BAD'}`;
      esp += ']';
    }
    out.push(`#${i + 1}  ${d.wire.length} bytes  ${stack.join(' / ')}${esp}`);
    for (const n of d.notes) out.push(`    ${n.severity}: ${n.code}: ${n.message}`);
    for (const e of d.errors) out.push(`    malformed: ${e}`);
  });
  for (const e of cap.errors) out.push(`file: ${e}`);
  out.push(
    `${summary.packets} packets (${cap.format}); ESP ${summary.esp}, decrypted ${summary.decrypted}, ICV good ${summary.icvGood}, bad ${summary.icvBad}; ` +
      `Destination Options before transport-mode ESP: ${summary.foundingCase}; malformed: ${summary.withErrors}`,
  );
  io.stdout(out.join('\n') + '\n');
  return hasError ? 1 : 0;
};
