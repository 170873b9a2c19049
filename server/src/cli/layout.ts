// `tunnel-lens layout [FILE[:LINE]] [flags]`: the packet a tunnel puts on the wire, its overhead and
// the largest inner packet that fits the path MTU; `--pcap` writes the encrypted sample packet.

import { writeFileSync } from 'node:fs';
import { nodeCrypto } from '../../../codec/crypto-node';
import { ENC_ALGORITHMS } from '../../../codec/espAlgorithms';
import { FOUNDING_CASE_STACK, hasEncapLimitHeader, layout, type LayoutResult, type TunnelStack } from '../../../codec/layout';
import { encodeStack, LINKTYPE } from '../../../codec/packet';
import { writePcap } from '../../../codec/pcap';
import type { Layer } from '../../../codec/types';
import { parseEncryption, parseIntegrity } from './algorithmNames';
import { CliError, type CliIo, formatFlag, lastFlag, parseArgs, pathMtuFlag, type Subcommand } from './common';
import { PATH_MTU } from '../core/types';

/** Resolves the tunnel defined at FILE (LINE 1-based, if given) to a stack; wired by the lead to the language service. */
export type EndpointResolver = (file: string, line: number | undefined) => TunnelStack | undefined | Promise<TunnelStack | undefined>;

let resolver: EndpointResolver | undefined;

export function setEndpointResolver(fn: EndpointResolver | undefined): void {
  resolver = fn;
}

const VALUED = ['outer', 'encaplimit', 'esp', 'enc', 'integ', 'encap', 'inner', 'path-mtu', 'format', 'pcap'];
const BOOLEANS = ['gre-key'];

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new CliError(`--${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

function splitFileLine(arg: string): { file: string; line?: number } {
  const m = /^(.*):(\d+)$/.exec(arg);
  return m ? { file: m[1], line: Number(m[2]) } : { file: arg };
}

/** Builds the stack from an optional resolved endpoint and the flags (flags win). */
export function stackFromFlags(base: TunnelStack, p: ReturnType<typeof parseArgs>): TunnelStack {
  const s: TunnelStack = { ...base };
  s.outer = oneOf('outer', lastFlag(p, 'outer'), ['ipv4', 'ipv6'] as const) ?? s.outer;
  s.inner = oneOf('inner', lastFlag(p, 'inner'), ['ipv4', 'ipv6'] as const) ?? s.inner;
  s.esp = oneOf('esp', lastFlag(p, 'esp'), ['transport', 'tunnel', 'none'] as const) ?? s.esp;
  s.encap = oneOf('encap', lastFlag(p, 'encap'), ['gre', 'ipip', 'none'] as const) ?? s.encap;
  const el = lastFlag(p, 'encaplimit');
  if (el !== undefined) {
    if (el === 'none') s.encapLimit = 'none';
    else if (/^\d+$/.test(el) && Number(el) <= 255) s.encapLimit = Number(el);
    else throw new CliError('--encaplimit must be a number 0-255 or none');
  }
  const enc = lastFlag(p, 'enc');
  const integ = lastFlag(p, 'integ');
  if (enc !== undefined) {
    s.enc = parseEncryption(enc);
    // an AEAD cipher carries its own ICV: drop the integrity unless one was asked for (then it is an error below)
    if (ENC_ALGORITHMS[s.enc].kind === 'gcm' && integ === undefined) s.integ = 'none';
  }
  if (integ !== undefined) s.integ = parseIntegrity(integ);
  if (ENC_ALGORITHMS[s.enc].kind === 'gcm' && s.integ !== 'none') throw new CliError(`${s.enc} is an AEAD cipher: use --integ none`);
  if (p.switches.has('gre-key')) s.greKey = typeof s.greKey === 'number' ? s.greKey : true;
  return s;
}

function describe(s: TunnelStack): string {
  const parts = [`outer ${s.outer === 'ipv6' ? 'IPv6' : 'IPv4'}`];
  parts.push(s.encap === 'none' ? 'no GRE/IPIP' : s.encap === 'gre' ? `GRE${s.greKey !== undefined && s.greKey !== false ? ' with key' : ''}` : 'IP-in-IP');
  if (s.outer === 'ipv6' && s.encap !== 'none') parts.push(`encaplimit ${s.encapLimit}`);
  parts.push(s.esp === 'none' ? 'no ESP' : `ESP ${s.esp} ${s.enc}${s.integ !== 'none' ? ' + ' + s.integ : ''}`);
  parts.push(`inner ${s.inner === 'ipv6' ? 'IPv6' : 'IPv4'}`);
  return parts.join(', ');
}

export function layoutJson(r: LayoutResult, pcap?: string): Record<string, unknown> {
  return {
    layers: r.layers.map((l) => ({ name: l.name, offset: l.offset, length: l.length, fields: l.fields.map((f) => ({ name: f.name, offset: f.offset, length: f.length, value: f.value })) })),
    overheadBytes: r.overheadBytes,
    maxInnerPacket: r.maxInnerPacket,
    pathMtu: r.pathMtu,
    sa: r.sa ?? null,
    overheadRange: r.overheadRange,
    packetLength: r.packetLength,
    innerLength: r.innerLength,
    stack: r.stack,
    notes: r.notes,
    ...(pcap ? { pcap } : {}),
  };
}

function layerSummary(l: Layer): string {
  const pick = (n: string) => l.fields.find((f) => f.name === n)?.value;
  switch (l.id) {
    case 'ipv6': return `next header ${pick('Next Header')}, payload length ${pick('Payload Length')}`;
    case 'ipv4': return `protocol ${pick('Protocol')}, total length ${pick('Total Length')}`;
    case 'dstopts': return l.fields.filter((f) => f.name !== 'Hdr Ext Len').map((f) => `${f.name} ${f.value}`).join(', ');
    case 'esp': return l.fields.map((f) => `${f.name} ${f.value}`).join(', ');
    case 'gre': return l.fields.filter((f) => f.name !== 'Flags and Version').map((f) => `${f.name} ${f.value}`).join(', ');
    case 'esp-trailer': return `${pick('Pad Length')} bytes padding, next header ${pick('Next Header')}`;
    case 'esp-icv': return `${l.length} bytes`;
    case 'payload': return `${l.length} bytes`;
    default: return '';
  }
}

export function layoutText(r: LayoutResult): string {
  const lines = [`Tunnel: ${describe(r.stack)}; path MTU ${r.pathMtu}`, '', '  offset  length  layer'];
  for (const l of r.layers) {
    lines.push(`  ${String(l.offset).padStart(6)}  ${String(l.length).padStart(6)}  ${(l.name + (l.encrypted ? ' *' : '')).padEnd(24)} ${layerSummary(l)}`.trimEnd());
  }
  if (r.layers.some((l) => l.encrypted)) lines.push('  (* inside ESP: encrypted on the wire)');
  lines.push('');
  if (r.maxInnerPacket === 0) lines.push(`Largest inner packet: none fits a path MTU of ${r.pathMtu}`);
  else {
    lines.push(`Largest inner packet: ${r.maxInnerPacket} bytes (wire ${r.packetLength} bytes of ${r.pathMtu})`);
    const mss = r.maxInnerPacket - (r.stack.inner === 'ipv6' ? 60 : 40);
    lines.push(`  set the tunnel MTU (Cisco "ip mtu") to ${r.maxInnerPacket} or less, TCP MSS ${mss} or less`);
  }
  lines.push(`Overhead: ${r.overheadBytes} bytes on this packet; ${r.overheadRange.min}${r.overheadRange.max !== r.overheadRange.min ? `-${r.overheadRange.max} bytes depending on ESP padding` : ' bytes'}`);
  if (hasEncapLimitHeader(r.stack)) lines.push(`Destination Options (Tunnel Encapsulation Limit ${r.stack.encapLimit}): 8 bytes; 'encaplimit none' removes it`);
  for (const n of r.notes) lines.push(`${n.severity}: ${n.code}: ${n.message}`);
  if (r.sa) lines.push(`Sample SA (generated, not a secret): SPI ${r.sa.spi}, ${r.sa.enc} key ${r.sa.encKey}${r.sa.integ !== 'none' ? `, ${r.sa.integ} key ${r.sa.integKey}` : ''}`, `  tshark esp_sa: ${r.sa.espSa}`);
  return lines.join('\n') + '\n';
}

export const run: Subcommand = async (args: string[], io: CliIo) => {
  const p = parseArgs(args, VALUED, BOOLEANS);
  const format = formatFlag(p, ['text', 'json'], 'text');
  if (p.positionals.length > 1) throw new CliError('layout takes at most one FILE[:LINE]');
  let base: TunnelStack = { ...FOUNDING_CASE_STACK };
  if (p.positionals.length === 1) {
    const { file, line } = splitFileLine(p.positionals[0]);
    if (!resolver) throw new CliError(`layout ${p.positionals[0]}: reading tunnels from files is not available in this build; use the flags`);
    let resolved: TunnelStack | undefined;
    try {
      resolved = await resolver(file, line);
    } catch (err) {
      // The resolver's errors already name the file.
      if (err instanceof CliError) throw err;
      throw new CliError(`${file}: ${(err as Error).message}`);
    }
    if (!resolved) throw new CliError(`no tunnel found in ${p.positionals[0]}`);
    base = { ...base, ...resolved };
  }
  const stack = stackFromFlags(base, p);
  const pathMtu = pathMtuFlag(p) ?? PATH_MTU.default;
  const r = layout(stack, pathMtu, { crypto: nodeCrypto });
  const pcap = lastFlag(p, 'pcap');
  if (pcap !== undefined) {
    // The same sample, framed in Ethernet so any tool opens it; keys are the tool's sample keys.
    const framed = encodeStack([{ kind: 'ethernet' }, { kind: 'raw', data: r.bytes }], {}).bytes;
    framed[12] = r.stack.outer === 'ipv6' ? 0x86 : 0x08;
    framed[13] = r.stack.outer === 'ipv6' ? 0xdd : 0x00;
    try {
      writeFileSync(pcap, writePcap([framed], LINKTYPE.ETHERNET));
    } catch (err) {
      throw new CliError(`cannot write ${pcap}: ${(err as Error).message}`);
    }
  }
  if (format === 'json') io.stdout(JSON.stringify(layoutJson(r, pcap), null, 2) + '\n');
  else {
    io.stdout(layoutText(r));
    if (pcap !== undefined) {
      io.stdout(`Wrote ${pcap} (1 packet, ${r.packetLength + 14} bytes).`);
      io.stdout(r.sa ? ` Decrypt: tshark -r ${pcap} -o esp.enable_encryption_decode:TRUE -o esp.enable_authentication_check:TRUE -o 'uat:esp_sa:${r.sa.espSa}'\n` : '\n');
    }
  }
  // One rule for every command (README): exit 1 when what it printed holds an error.
  return r.notes.some((n) => n.severity === 'error') ? 1 : 0;
};
