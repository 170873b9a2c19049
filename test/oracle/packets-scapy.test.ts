// scapy (Debian python3-scapy, run with /usr/bin/python3) builds every oracle case from the same
// inputs (keys, IVs, SPIs, seq, ids fixed); the codec's bytes must be identical.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { toHex } from '../../codec/bytes';
import { nodeCrypto } from '../../codec/crypto-node';
import { paddedOptions } from '../../codec/ipv6';
import { encodeStack, sampleIv } from '../../codec/packet';
import { ENC_ALGORITHMS } from '../../codec/espAlgorithms';
import type { LayerSpec } from '../../codec/types';
import { oracleCases } from '../fixtures/codec/cases';

const PYTHON = '/usr/bin/python3';
const INSTALL = 'apt-get install tshark python3-scapy';

/** The spec with every default the codec applies made explicit, bytes as hex. */
function explicit(specs: readonly LayerSpec[]): unknown[] {
  return specs.map((s, i) => {
    const next = specs[i + 1];
    switch (s.kind) {
      case 'ethernet': return { kind: s.kind, src: s.src ?? '02:00:00:00:00:01', dst: s.dst ?? '02:00:00:00:00:02' };
      case 'ipv4': return { kind: s.kind, src: s.src, dst: s.dst, ttl: s.ttl ?? 64, id: s.id ?? 0, tos: s.tos ?? 0, flags: s.flags ?? 0, fragmentOffset: s.fragmentOffset ?? 0 };
      case 'ipv6': return { kind: s.kind, src: s.src, dst: s.dst, hopLimit: s.hopLimit ?? 64, trafficClass: s.trafficClass ?? 0, flowLabel: s.flowLabel ?? 0 };
      case 'hopbyhop':
      case 'dstopts': return { kind: s.kind, options: paddedOptions(s).map((o) => ({ type: o.type, data: toHex(o.data ?? new Uint8Array(0)) })) };
      case 'routing': return { kind: s.kind, routingType: s.routingType, segmentsLeft: s.segmentsLeft };
      case 'fragment': return { kind: s.kind, id: s.id, offset: s.offset ?? 0, more: !!s.more };
      case 'gre': return { kind: s.kind, checksum: !!s.checksum, key: s.key ?? null, seq: s.seq ?? null, protocol: s.protocol ?? (next?.kind === 'ipv6' ? 0x86dd : 0x0800) };
      case 'esp': return { kind: s.kind, spi: s.sa.spi, seq: s.seq, enc: s.sa.enc, encKey: toHex(s.sa.encKey), integ: s.sa.integ, integKey: toHex(s.sa.integKey), iv: toHex(s.iv ?? sampleIv(s.sa.spi, s.seq, ENC_ALGORITHMS[s.sa.enc].ivLength)) };
      case 'udp': return { kind: s.kind, srcPort: s.srcPort, dstPort: s.dstPort };
      case 'tcp': return { kind: s.kind, srcPort: s.srcPort, dstPort: s.dstPort, seq: s.seq ?? 0, ack: s.ack ?? 0, flags: s.flags ?? 2, window: s.window ?? 8192, urgent: s.urgent ?? 0, options: toHex(s.options ?? new Uint8Array(0)) };
      case 'icmp':
      case 'icmpv6': return { kind: s.kind, type: s.type ?? (s.kind === 'icmp' ? 8 : 128), code: s.code ?? 0, id: s.id ?? 0, seq: s.seq ?? 0 };
      case 'raw': return { kind: s.kind, data: toHex(s.data) };
    }
  });
}

test('scapy builds every oracle case byte-identically to the codec', () => {
  assert.ok(existsSync(PYTHON), `${PYTHON} is missing: ${INSTALL}`);
  try {
    execFileSync(PYTHON, ['-c', 'import scapy.layers.ipsec, cryptography'], { stdio: 'pipe' });
  } catch {
    assert.fail(`scapy (with python3-cryptography) is not importable by ${PYTHON}: ${INSTALL}`);
  }
  const cases = oracleCases();
  const dir = mkdtempSync(join(tmpdir(), 'tl-scapy-'));
  const file = join(dir, 'cases.json');
  writeFileSync(file, JSON.stringify(cases.map((c) => ({ name: c.name, layers: explicit(c.specs) }))));
  const out = JSON.parse(execFileSync(PYTHON, [join(__dirname, 'scapy_build.py'), file], { encoding: 'utf8', maxBuffer: 64 << 20 })) as (string | { error: string })[];
  assert.equal(out.length, cases.length);
  const mismatches: string[] = [];
  let identical = 0;
  cases.forEach((c, i) => {
    const ours = toHex(encodeStack(c.specs, { crypto: nodeCrypto }).bytes);
    const theirs = out[i];
    if (typeof theirs !== 'string') mismatches.push(`${c.name}: scapy failed: ${theirs.error}`);
    else if (theirs !== ours) mismatches.push(`${c.name}:\n  scapy ${theirs}\n  codec ${ours}`);
    else identical++;
  });
  console.log(`scapy agreement: ${identical}/${cases.length} packets byte-identical`);
  assert.deepEqual(mismatches, []);
  assert.ok(cases.length > 300);
});
