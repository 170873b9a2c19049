// Encoder/decoder round trips for every header, checksums, ESP with every transform, addresses,
// algorithm spellings, pcap/pcapng, and byte-identity with the scapy-built corpus packets.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { formatIpv6, parseIpv4, parseIpv6 } from '../../codec/address';
import { encryptionByName, integrityByName } from '../../codec/algorithmNames';
import { fromHex, toHex } from '../../codec/bytes';
import { internetChecksum } from '../../codec/checksum';
import { nodeCrypto } from '../../codec/crypto-node';
import { openEsp, sealEsp } from '../../codec/esp';
import { ENC_ALGORITHMS, type EncName, type IntegName } from '../../codec/espAlgorithms';
import { decodePacket, encodeStack, LINKTYPE } from '../../codec/packet';
import { readCapture, writePcap } from '../../codec/pcap';
import { readPcapng, writePcapng } from '../../codec/pcapng';
import type { DecodedPacket, LayerSpec } from '../../codec/types';
import { ALGORITHMS, saFor } from '../fixtures/codec/cases';

const GEN = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'pcaps', 'generated');
const A6 = '2001:db8:1::1';
const B6 = '2001:db8:2::1';
const fieldOf = (p: DecodedPacket, layer: string, name: string) => p.layers.find((l) => l.name === layer)?.fields.find((f) => f.name === name)?.value;
const text = (s: string) => new TextEncoder().encode(s);

test('internet checksum: RFC 1071 example and verification of a filled-in header', () => {
  // RFC 1071 §3: 00 01 f2 03 f4 f5 f6 f7 sums to 0xddf2, checksum = ~0xddf2 = 0x220d
  assert.equal(internetChecksum(Uint8Array.of(0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7)), 0x220d);
  assert.equal(internetChecksum(Uint8Array.of(0x01)), 0xfeff); // odd length padded with zero
  const ip = encodeStack([{ kind: 'ipv4', src: '10.0.0.1', dst: '10.0.0.2', id: 0x1005 }, { kind: 'raw', data: new Uint8Array(40) }]).bytes;
  assert.equal(internetChecksum(ip, 0, 20), 0);
});

test('addresses: parse and RFC 5952 formatting', () => {
  assert.equal(toHex(parseIpv6('2001:DB8:A::1')!), toHex(parseIpv6('2001:db8:a:0::1')!));
  assert.equal(formatIpv6(parseIpv6('2001:db8:0:0:1:0:0:1')!), '2001:db8::1:0:0:1');
  assert.equal(formatIpv6(parseIpv6('::')!), '::');
  assert.equal(formatIpv6(parseIpv6('::ffff:192.0.2.1')!), '::ffff:c000:201');
  assert.equal(parseIpv6('1::2::3'), undefined);
  assert.equal(parseIpv4('256.1.1.1'), undefined);
});

test('IPv6 + every extension header + UDP round trip with fields and checksums', () => {
  const specs: LayerSpec[] = [
    { kind: 'ethernet' },
    { kind: 'ipv6', src: A6, dst: B6, hopLimit: 7, trafficClass: 0xb8, flowLabel: 0x12345 },
    { kind: 'hopbyhop', options: [{ type: 5, data: Uint8Array.of(0, 0) }] }, // router alert + PadN(0)... padded to 8
    { kind: 'dstopts', encapLimit: 0 },
    { kind: 'routing', routingType: 2, segmentsLeft: 1, data: new Uint8Array(20) },
    { kind: 'fragment', id: 0xabcdef01 },
    { kind: 'dstopts', options: [{ type: 0x1e, data: Uint8Array.of(9) }, { type: 0 }] },
    { kind: 'udp', srcPort: 1, dstPort: 2 },
    { kind: 'raw', data: text('hello') },
  ];
  const bytes = encodeStack(specs).bytes;
  const p = decodePacket(bytes, LINKTYPE.ETHERNET);
  assert.deepEqual(p.errors, []);
  assert.deepEqual(p.layers.map((l) => l.id), ['ethernet', 'ipv6', 'hopbyhop', 'dstopts', 'routing', 'fragment', 'dstopts', 'udp', 'payload']);
  assert.equal(fieldOf(p, 'IPv6', 'Hop Limit'), 7);
  assert.equal(fieldOf(p, 'IPv6', 'Traffic Class'), '0xb8');
  assert.equal(fieldOf(p, 'IPv6', 'Flow Label'), '0x12345');
  assert.equal(fieldOf(p, 'IPv6', 'Payload Length'), bytes.length - 54);
  assert.equal(fieldOf(p, 'Destination Options', 'Tunnel Encapsulation Limit'), 0);
  assert.equal(fieldOf(p, 'Routing', 'Routing Type'), 2);
  assert.equal(fieldOf(p, 'Fragment', 'Identification'), '0xabcdef01');
  assert.match(String(fieldOf(p, 'UDP', 'Checksum')), /correct/);
  // the TEL header is exactly the kernel's bytes: NH 00 04 01 LL 01 01 00
  const tel = p.layers[3];
  assert.equal(toHex(bytes, tel.offset, tel.offset + 8), '2b00040100010100');
  assert.equal(p.layers[2].length, 8);
  assert.equal(p.layers[6].length, 8); // 2 + 3 + Pad1 + PadN(0) = 8
  // a corrupted UDP payload gives a bad-checksum note, not an error
  const bad = bytes.slice();
  bad[bad.length - 1] ^= 1;
  const q = decodePacket(bad, LINKTYPE.ETHERNET);
  assert.match(String(fieldOf(q, 'UDP', 'Checksum')), /incorrect/);
  assert.ok(q.notes.some((n) => n.code === 'bad-checksum'));
});

test('IPv4 + GRE (key, seq, checksum) + IPv6 + TCP / ICMPv6; IPv4 + ICMP', () => {
  const specs: LayerSpec[] = [
    { kind: 'ipv4', src: '192.0.2.1', dst: '198.51.100.1', ttl: 9, id: 42, flags: 2, tos: 0x10 },
    { kind: 'gre', key: 10, seq: 7, checksum: true },
    { kind: 'ipv6', src: 'fd00::1', dst: 'fd00::2' },
    { kind: 'tcp', srcPort: 1000, dstPort: 22, seq: 5, ack: 6, flags: 0x12, window: 100, options: Uint8Array.of(2, 4, 5, 0xb4) },
    { kind: 'raw', data: text('x') },
  ];
  const p = decodePacket(encodeStack(specs).bytes, LINKTYPE.RAW);
  assert.deepEqual(p.errors, []);
  assert.deepEqual(p.layers.map((l) => l.name), ['IPv4', 'GRE', 'IPv6', 'TCP', 'Payload']);
  assert.match(String(fieldOf(p, 'IPv4', 'Header Checksum')), /correct/);
  assert.equal(fieldOf(p, 'IPv4', 'TTL'), 9);
  assert.equal(fieldOf(p, 'IPv4', 'Flags'), '0x02 (DF)');
  assert.equal(fieldOf(p, 'GRE', 'Key'), 10);
  assert.equal(fieldOf(p, 'GRE', 'Sequence Number'), 7);
  assert.match(String(fieldOf(p, 'GRE', 'Checksum')), /correct/);
  assert.match(String(fieldOf(p, 'TCP', 'Checksum')), /\(correct\)/);
  assert.equal(fieldOf(p, 'TCP', 'Header Length'), 24);
  const v6 = decodePacket(encodeStack([{ kind: 'ipv6', src: A6, dst: B6 }, { kind: 'icmpv6', id: 1, seq: 2 }]).bytes, LINKTYPE.IPV6);
  assert.match(String(fieldOf(v6, 'ICMPv6', 'Checksum')), /\(correct\)/);
  const v4 = decodePacket(encodeStack([{ kind: 'ipv4', src: '10.0.0.1', dst: '10.0.0.2' }, { kind: 'icmp', id: 3, seq: 4 }]).bytes, LINKTYPE.IPV4);
  assert.equal(fieldOf(v4, 'ICMP', 'Sequence Number'), 4);
  assert.match(String(fieldOf(v4, 'ICMP', 'Checksum')), /\(correct\)/);
});

test('ESP seal/open with every transform; padding 1,2,3…; wrong key -> ICV bad, never throws', () => {
  const algs: [EncName, IntegName][] = [...ALGORITHMS, ['null', 'none'], ['aes-cbc-256', 'none']];
  for (const [enc, integ] of algs) {
    const sa = saFor(0x3000, enc, integ);
    for (const len of [0, 1, 13, 14, 15, 16, 100]) {
      const payload = Uint8Array.from({ length: len }, (_, i) => i);
      const iv = new Uint8Array(ENC_ALGORITHMS[enc].ivLength).fill(7);
      const sealed = sealEsp(sa, 9, iv, payload, 47, nodeCrypto);
      const align = ENC_ALGORITHMS[enc].align;
      const ctLen = sealed.bytes.length - 8 - iv.length - (enc.startsWith('aes-gcm') ? 16 : [0, 12, 16, 24, 32][['none', 'hmac-sha1-96', 'hmac-sha2-256-128', 'hmac-sha2-384-192', 'hmac-sha2-512-256'].indexOf(integ)]);
      assert.equal(ctLen % align, 0);
      const opened = openEsp(sa, sealed.bytes, nodeCrypto);
      assert.equal(opened.error, undefined, `${enc}/${integ}/${len}`);
      const pt = opened.plaintext!;
      assert.equal(toHex(pt.subarray(0, len)), toHex(payload));
      const padLen = pt[pt.length - 2];
      assert.equal(padLen, sealed.padLength);
      assert.deepEqual([...pt.subarray(len, len + padLen)], Array.from({ length: padLen }, (_, i) => i + 1));
      assert.equal(pt[pt.length - 1], 47);
      if (integ !== 'none' || enc.startsWith('aes-gcm')) {
        assert.equal(opened.icvGood, true);
        const wrong = { ...sa, encKey: sa.encKey.map((b) => b ^ 1), integKey: sa.integKey.map((b) => b ^ 1) };
        const w = openEsp(wrong, sealed.bytes, nodeCrypto);
        assert.equal(w.icvGood, false);
        assert.ok(w.error);
      }
    }
  }
});

test('byte-identical to the scapy-built corpus packets (CBC transport, tunnel, GCM, key+seq+csum)', () => {
  const first = (f: string) => readCapture(readFileSync(join(GEN, f))).packets[0].data;
  const K = fromHex('00112233445566778899aabbccddeeff')!;
  const AK = fromHex('0102030405060708090a0b0c0d0e0f1011121314')!;
  const IV = fromHex('a0a1a2a3a4a5a6a7a8a9aaabacadaeaf')!;
  const inner = (i: number): LayerSpec[] => [
    { kind: 'ipv4', src: '10.0.0.1', dst: '10.0.0.2', id: 0x1000 + i },
    { kind: 'icmp', id: 0x4242, seq: i },
    { kind: 'raw', data: text('abcdefghijklmnopqrstuvwxyz012345') },
  ];
  const ip6: LayerSpec = { kind: 'ipv6', src: A6, dst: B6 };
  const eth: LayerSpec = { kind: 'ethernet' };
  const cbc = (spi: number) => ({ spi, enc: 'aes-cbc-128' as const, encKey: K, integ: 'hmac-sha1-96' as const, integKey: AK });
  const gcm = { spi: 0x1003, enc: 'aes-gcm-128' as const, encKey: fromHex('feffe9928665731c6d6a8f9467308308cafebabe')!, integ: 'none' as const, integKey: new Uint8Array(0) };
  const cases: [string, LayerSpec[]][] = [
    ['ip6gre_tel4.pcap', [eth, ip6, { kind: 'dstopts', encapLimit: 4 }, { kind: 'gre' }, ...inner(1)]],
    ['ip6gre_nolimit.pcap', [eth, ip6, { kind: 'gre' }, ...inner(2)]],
    ['ip6gre_tel4_key_seq_csum.pcap', [eth, ip6, { kind: 'dstopts', encapLimit: 4 }, { kind: 'gre', checksum: true, key: 10, seq: 7 }, ...inner(3)]],
    ['ipip6_tel4.pcap', [eth, ip6, { kind: 'dstopts', encapLimit: 4 }, ...inner(4)]],
    ['ip6gre_tel4_esp_transport.pcap', [eth, ip6, { kind: 'dstopts', encapLimit: 4 }, { kind: 'esp', sa: cbc(0x1001), seq: 1, iv: IV }, { kind: 'gre' }, ...inner(5)]],
    ['ip6gre_nolimit_esp_transport.pcap', [eth, ip6, { kind: 'esp', sa: cbc(0x1001), seq: 2, iv: IV }, { kind: 'gre' }, ...inner(6)]],
    ['ip6gre_tel4_esp_tunnel.pcap', [eth, ip6, { kind: 'esp', sa: cbc(0x1002), seq: 1, iv: IV }, ip6, { kind: 'dstopts', encapLimit: 4 }, { kind: 'gre' }, ...inner(7)]],
    ['ip6gre_tel4_esp_transport_aesgcm.pcap', [eth, ip6, { kind: 'dstopts', encapLimit: 4 }, { kind: 'esp', sa: gcm, seq: 1, iv: fromHex('0001020304050607') }, { kind: 'gre' }, ...inner(8)]],
  ];
  for (const [file, specs] of cases) {
    assert.equal(toHex(encodeStack(specs, { crypto: nodeCrypto }).bytes), toHex(first(file)), file);
  }
  // raw-IP link type copy of the transport packet
  const raw = readCapture(readFileSync(join(GEN, 'ip6gre_tel4_esp_transport_rawip.pcap'))).packets[0];
  assert.equal(raw.linkType, LINKTYPE.RAW);
  const d = decodePacket(raw.data, raw.linkType, { sas: [cbc(0x1001)], crypto: nodeCrypto });
  assert.equal(d.esp?.icvGood, true);
  assert.equal(d.esp?.mode, 'transport');
  assert.ok(d.notes.some((n) => n.code === 'encaplimit-transport-interop'));
});

test('pcap and pcapng write/read round trip; big-endian, nanosecond and if_tsresol variants', () => {
  const pk = [Uint8Array.of(1, 2, 3), new Uint8Array(61).fill(9), new Uint8Array(0)];
  for (const [bytes, format] of [[writePcap(pk, 101), 'pcap'], [writePcapng(pk, 229), 'pcapng']] as const) {
    const c = readCapture(bytes);
    assert.equal(c.format, format);
    assert.deepEqual(c.errors, []);
    assert.deepEqual(c.packets.map((p) => toHex(p.data)), pk.map((p) => toHex(p)));
    assert.equal(c.packets[1].nanos, 1_000_000);
    assert.equal(c.packets[0].seconds, 1700000000);
  }
  // big-endian nanosecond pcap, hand-built
  const be = fromHex('a1b23c4d' + '00020004' + '00000000' + '00000000' + '0000ffff' + '00000065' + '00000010' + '0000007b' + '00000002' + '00000004' + 'abcd')!;
  const c = readCapture(be);
  assert.deepEqual(c.errors, []);
  assert.equal(c.packets[0].linkType, 101);
  assert.equal(c.packets[0].nanos, 123);
  assert.equal(c.packets[0].originalLength, 4);
  // pcapng with if_tsresol = 9 (nanoseconds): ts 1.5 s
  const idb = '01000000' + '20000000' + '0100' + '0000' + '00000400' + '0900' + '0100' + '09000000' + '00000000' + '20000000';
  const epb = '06000000' + '24000000' + '00000000' + '00000000' + '002f6859' + '03000000' + '03000000' + 'aabbcc00' + '24000000';
  const shb = '0a0d0d0a' + '1c000000' + '4d3c2b1a' + '0100' + '0000' + 'ffffffffffffffff' + '1c000000';
  const ng = readPcapng(fromHex(shb + idb + epb)!);
  assert.deepEqual(ng.errors, []);
  assert.equal(ng.packets[0].seconds, 1);
  assert.equal(ng.packets[0].nanos, 500_000_000);
  assert.equal(toHex(ng.packets[0].data), 'aabbcc');
});

test('algorithm spellings of Libreswan, strongSwan and ip xfrm map to canonical names (IOS words: cisco-ios-transforms.test.ts)', () => {
  const enc: Record<string, string> = {
    'aes-cbc-128': 'aes-cbc-128', AES_CBC_128: 'aes-cbc-128', aes128: 'aes-cbc-128', aes: 'aes-cbc-128',
    aes256: 'aes-cbc-256', aes_gcm256: 'aes-gcm-256', aes256gcm16: 'aes-gcm-256',
    AES_GCM_16_128: 'aes-gcm-128', 'aes-gcm-128': 'aes-gcm-128', 'cbc(aes)': 'aes-cbc-128',
  };
  for (const [k, v] of Object.entries(enc)) assert.equal(encryptionByName(k), v, k);
  const integ: Record<string, string> = {
    'hmac-sha1-96': 'hmac-sha1-96', HMAC_SHA1_96: 'hmac-sha1-96', sha1: 'hmac-sha1-96', sha: 'hmac-sha1-96',
    sha2_256: 'hmac-sha2-256-128', sha256: 'hmac-sha2-256-128', HMAC_SHA2_512_256: 'hmac-sha2-512-256',
    none: 'none', 'hmac(sha256)': 'hmac-sha2-256-128',
  };
  for (const [k, v] of Object.entries(integ)) assert.equal(integrityByName(k), v, k);
  assert.equal(encryptionByName('rot13'), undefined);
});
