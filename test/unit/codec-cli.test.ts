// `tunnel-lens layout` and `tunnel-lens decode` as subcommands (the dispatcher is the lead's).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readCapture } from '../../codec/pcap';
import { CliError } from '../../server/src/cli/common';
import { run as decode } from '../../server/src/cli/decode';
import { run as layout, setEndpointResolver } from '../../server/src/cli/layout';

async function call(cmd: typeof layout, args: string[]) {
  let out = '';
  let err = '';
  const code = await cmd(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

const GEN = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'pcaps', 'generated');
const SA1001 = '0x1001:aes-cbc-128:0x00112233445566778899aabbccddeeff:hmac-sha1-96:0x0102030405060708090a0b0c0d0e0f1011121314';

test('layout --format json: DESIGN shape and the three founding-case figures', async () => {
  const j = async (...a: string[]) => JSON.parse((await call(layout, [...a, '--format', 'json'])).out);
  const t = await j('--outer', 'ipv6', '--encaplimit', '4', '--esp', 'transport', '--enc', 'aes128', '--integ', 'sha1', '--encap', 'gre', '--inner', 'ipv4', '--path-mtu', '1500');
  assert.equal(t.maxInnerPacket, 1402);
  assert.equal(t.pathMtu, 1500);
  assert.equal(t.overheadBytes, 90);
  assert.deepEqual(Object.keys(t.layers[0]), ['name', 'offset', 'length', 'fields']);
  assert.deepEqual(Object.keys(t.layers[0].fields[0]), ['name', 'offset', 'length', 'value']);
  assert.deepEqual(t.layers.map((l: { name: string }) => l.name).slice(0, 5), ['IPv6', 'Destination Options', 'ESP', 'GRE', 'IPv4']);
  assert.match(t.sa.espSa, /^"IPv6",.*"AES-CBC \[RFC3602\]"/);
  assert.equal((await j('--encaplimit', 'none')).maxInnerPacket, 1418);
  assert.equal((await j('--esp', 'tunnel')).maxInnerPacket, 1370);
  assert.equal((await j('--esp', 'none')).sa, null);
  // dialect spellings
  assert.equal((await j('--enc', 'esp-aes 256', '--integ', 'esp-sha256-hmac')).sa.enc, 'aes-cbc-256');
  assert.equal((await j('--enc', 'aes_gcm256')).sa.integ, 'none');
  assert.equal((await j('--gre-key')).maxInnerPacket, 1398);
});

test('layout text and --pcap: one encrypted packet that decode opens with the printed SA', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-cli-'));
  const f = join(dir, 'sample.pcap');
  const r = await call(layout, ['--pcap', f]);
  assert.equal(r.code, 1, 'the default (founding-case) stack carries an error note: exit 1, the one rule of every command');
  assert.match(r.out, /Largest inner packet: 1402 bytes/);
  assert.match(r.out, /uat:esp_sa:"IPv6"/);
  const cap = readCapture(readFileSync(f));
  assert.equal(cap.packets.length, 1);
  assert.equal(cap.packets[0].data.length, 14 + 1492);
  const j = JSON.parse((await call(layout, ['--format', 'json'])).out);
  const sa = `${j.sa.spi}:${j.sa.enc}:${j.sa.encKey}:${j.sa.integ}:${j.sa.integKey}`;
  const d = await call(decode, [f, '--sa', sa]);
  assert.equal(d.code, 1, 'the founding case is an error finding');
  assert.match(d.out, /ICV good/);
  assert.match(d.out, /encaplimit-transport-interop/);
});

test('decode: stacks, SA decryption, JSON shape, founding case flagged, keys never printed', async () => {
  const f = join(GEN, 'ip6gre_tel4_esp_transport.pcap');
  const plain = await call(decode, [f]);
  assert.equal(plain.code, 0, 'without the SA the mode is unknown: a warning');
  assert.match(plain.out, /Ethernet \/ IPv6 \/ Destination Options \/ ESP /);
  assert.match(plain.out, /warning: encaplimit-transport-interop/);
  const j = JSON.parse((await call(decode, [f, '--sa', SA1001, '--format', 'json'])).out);
  assert.deepEqual(j.packets[0].stack, ['Ethernet', 'IPv6', 'Destination Options', 'ESP', 'GRE', 'IPv4', 'ICMP', 'Payload']);
  assert.equal(j.packets[0].esp.icvGood, true);
  assert.equal(j.summary.foundingCase, 1);
  assert.doesNotMatch(JSON.stringify(j), /00112233445566778899aabbccddeeff/);
  const tunnel = await call(decode, [join(GEN, 'ip6gre_tel4_esp_tunnel.pcap'), '--sa', SA1001.replace('0x1001', '0x1002')]);
  assert.equal(tunnel.code, 0);
  assert.match(tunnel.out, /tunnel mode, next header 41, ICV good/);
  const gcm = await call(decode, [join(GEN, 'ip6gre_tel4_esp_transport_aesgcm.pcap'), '--sa', '0x1003:aes-gcm-128:0xfeffe9928665731c6d6a8f9467308308cafebabe']);
  assert.match(gcm.out, /ICV good/);
  const bad = await call(decode, [f, '--sa', SA1001.replace('0x0102', '0x0202')]);
  assert.match(bad.out, /ICV BAD/);
  assert.equal(bad.code, 1);
});

test('usage and I/O errors are CliErrors (exit 2 in the dispatcher)', async () => {
  const bad: [typeof layout, string[]][] = [
    [layout, ['--enc', 'rot13']],
    [layout, ['--integ', 'md4']],
    [layout, ['--outer', 'ipv5']],
    [layout, ['--encaplimit', '300']],
    [layout, ['--path-mtu', 'big']],
    [layout, ['--enc', 'aes-gcm-128', '--integ', 'sha1']],
    [layout, ['--frobnicate']],
    [layout, ['a.conf:3']],
    [decode, []],
    [decode, ['/nonexistent.pcap']],
    [decode, [join(GEN, 'esp_sa')]],
    [decode, [join(GEN, 'ip6gre_tel4.pcap'), '--sa', '0x1001:aes-cbc-128:0x00']],
    [decode, [join(GEN, 'ip6gre_tel4.pcap'), '--sa', 'nonsense']],
  ];
  for (const [cmd, args] of bad) await assert.rejects(async () => call(cmd, args), CliError, args.join(' '));
});

test('layout FILE[:LINE] goes through the endpoint resolver; flags override it', async () => {
  const seen: [string, number | undefined][] = [];
  setEndpointResolver((file, line) => {
    seen.push([file, line]);
    return file === 'linux.sh' ? { outer: 'ipv6', encapLimit: 'none', esp: 'transport', enc: 'aes-cbc-128', integ: 'hmac-sha1-96', encap: 'gre', inner: 'ipv4' } : undefined;
  });
  try {
    const j = JSON.parse((await call(layout, ['linux.sh:12', '--format', 'json'])).out);
    assert.equal(j.maxInnerPacket, 1418);
    assert.deepEqual(seen, [['linux.sh', 12]]);
    const t = JSON.parse((await call(layout, ['linux.sh', '--esp', 'tunnel', '--format', 'json'])).out);
    assert.equal(t.maxInnerPacket, 1378);
    await assert.rejects(async () => call(layout, ['other.conf:1']), /no tunnel found/);
  } finally {
    setEndpointResolver(undefined);
  }
});

const TRANSPORT = join(GEN, 'ip6gre_tel4_esp_transport.pcap');
const KEYS = SA1001.slice('0x1001:'.length);

test('decode --sa: the SPI forms of tshark esp_sa (0x hex, decimal, octal, wildcards) and a word for an SA that matched nothing', async () => {
  for (const spi of ['0x1001', '0X00001001', '4097', '010001', '*', '0x0000100*', '0x*****001']) {
    const r = await call(decode, [TRANSPORT, '--sa', `${spi}:${KEYS}`]);
    assert.match(r.out, /ICV good\]/, spi);
    assert.equal(r.err, '', spi);
  }
  const dec = await call(decode, [TRANSPORT, '--sa', `1001:${KEYS}`]);
  assert.doesNotMatch(dec.out, /ICV good\]/);
  assert.equal(dec.err.split('\n').filter(Boolean).length, 1, 'one line on stderr');
  assert.match(dec.err, /^tunnel-lens decode: .*ip6gre_tel4_esp_transport\.pcap: --sa 1001 \(decimal 1001 = 0x000003e9\) matched no ESP packet; the capture's SPIs: 0x00001001 \(1 packet\);.* for hex write 0x1001\n$/);
  const other = await call(decode, [TRANSPORT, '--sa', `0x2002:${KEYS}`, '--sa', SA1001]);
  assert.match(other.err, /--sa 0x2002 \(0x00002002\) matched no ESP packet/);
  assert.doesNotMatch(other.err, /--sa 0x1001/);
  const shadowed = await call(decode, [TRANSPORT, '--sa', SA1001, '--sa', `4097:${KEYS}`]);
  assert.match(shadowed.err, /--sa 4097 .*an earlier --sa with the same SPI took its packets/);
  const none = await call(decode, [join(GEN, 'ip6gre_tel4.pcap'), '--sa', SA1001]);
  assert.match(none.err, /the capture has no ESP packet/);
  for (const bad of ['0x100*', '0x1g', '10x1', '-1', '4294967296', '09']) await assert.rejects(async () => call(decode, [TRANSPORT, '--sa', `${bad}:${KEYS}`]), /SPI .* is not a 32-bit number; write 0x1001 \(hex\)/, bad);
  for (const r of [dec, other, shadowed, none]) assert.doesNotMatch(r.out + r.err, /00112233445566778899aabbccddeeff|0102030405060708090a0b0c0d0e0f1011121314/);
});

test('decode: a missing or different integrity part is named, not "not a multiple of 16"', async () => {
  const noInteg = await call(decode, [TRANSPORT, '--sa', '0x1001:aes-cbc-128:0x00112233445566778899aabbccddeeff']);
  assert.match(noInteg.out, /malformed: ESP ciphertext length 92 is not a multiple of 16: the SA has no integrity algorithm, but the packet opens with a valid trailer when it ends in a 12-byte ICV \(hmac-sha1-96\): the SA lacks its integrity algorithm and key/);
  const other = await call(decode, [TRANSPORT, '--sa', `0x1001:aes-cbc-128:0x00112233445566778899aabbccddeeff:hmac-sha2-256-128:0x${'0a'.repeat(32)}`]);
  assert.match(other.out, /the SA has hmac-sha2-256-128 \(a 16-byte ICV\), but the packet opens with a valid trailer when it ends in a 12-byte ICV \(hmac-sha1-96\)/);
  // the other way round: the packets carry no ICV (built here without integrity), the SA has one
  const { encodeStack, LINKTYPE } = await import('../../codec/packet');
  const { writePcap } = await import('../../codec/pcap');
  const { nodeCrypto } = await import('../../codec/crypto-node');
  const { fromHex } = await import('../../codec/bytes');
  const { writeFileSync } = await import('node:fs');
  const sa = { spi: 0x1001, enc: 'aes-cbc-128' as const, encKey: fromHex('00112233445566778899aabbccddeeff')!, integ: 'none' as const, integKey: new Uint8Array(0) };
  const f = join(mkdtempSync(join(tmpdir(), 'tl-cli-')), 'noicv.pcap');
  const frame = encodeStack([{ kind: 'ipv6', src: '2001:db8::1', dst: '2001:db8::2' }, { kind: 'esp', sa, seq: 1 }, { kind: 'udp', srcPort: 1, dstPort: 2 }, { kind: 'raw', data: new Uint8Array(20).fill(0x55) }], { crypto: nodeCrypto }).bytes;
  writeFileSync(f, writePcap([frame], LINKTYPE.RAW));
  const missing = await call(decode, [f, '--sa', SA1001]);
  assert.match(missing.out, /the SA has hmac-sha1-96 \(a 12-byte ICV\), but the packet opens with a valid trailer when it ends in no ICV: the packets carry no ICV, give the SA without integrity/);
  assert.match((await call(decode, [f, '--sa', '0x1001:aes-cbc-128:0x00112233445566778899aabbccddeeff'])).out, /transport mode, next header 17/);
});

test('decode: the summary says what is known of the ESP mode, unknown without keys or with wrong ones', async () => {
  const last = (r: { out: string }) => r.out.trim().split('\n').at(-1)!;
  assert.match(last(await call(decode, [TRANSPORT])), /Destination Options before ESP: 1 \(transport mode 0, tunnel mode 0, mode unknown 1\)/);
  assert.match(last(await call(decode, [TRANSPORT, '--sa', SA1001])), /Destination Options before ESP: 1 \(transport mode 1, tunnel mode 0, mode unknown 0\)/);
  const wrongEnc = await call(decode, [TRANSPORT, '--sa', SA1001.replace('0x0011', '0x0111')]);
  assert.match(last(wrongEnc), /decrypted 0, ICV good 1, .*mode unknown 1\)/);
  assert.match(wrongEnc.out, /\[SPI 0x00001001 seq 1, ICV good\]/, 'no mode claimed from a garbage trailer');
  assert.match(wrongEnc.out, /warning: encaplimit-transport-interop: .*mode unknown: the decrypted trailer is invalid/);
  const wrongInteg = await call(decode, [TRANSPORT, '--sa', SA1001.replace('0x0102', '0x0202')]);
  assert.match(last(wrongInteg), /ICV good 0, bad 1; Destination Options before ESP: 1 \(transport mode 0, tunnel mode 0, mode unknown 1\)/);
  assert.match(wrongInteg.out, /mode unknown: the SA did not open the packet/);
  assert.match(last(await call(decode, [join(GEN, 'ip6gre_tel4_esp_tunnel.pcap'), '--sa', SA1001.replace('0x1001', '0x1002')])), /Destination Options before ESP: 0;/);
  const j = JSON.parse((await call(decode, [TRANSPORT, '--format', 'json'])).out);
  assert.deepEqual(j.summary.destOptionsBeforeEsp, { total: 1, transport: 0, tunnel: 0, unknown: 1 });
  assert.equal(j.summary.foundingCase, 0);
});
