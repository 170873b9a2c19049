// layout(): the founding-case figures and others, each computed by hand in the comment above it.
// Notation: IPv6 40, IPv4 20, DestOpt (TEL) 8, GRE 4 (+4 key, +4 seq, +4 csum), ESP header 8,
// IV 16 (CBC) / 8 (GCM), trailer 2 + padding so that (payload + 2) % 16 == 0 (CBC) or % 4 (GCM, NULL),
// ICV 12 (SHA1-96), 16 (SHA2-256-128, GCM), 24 (SHA2-384-192), 32 (SHA2-512-256).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nodeCrypto } from '../../codec/crypto-node';
import { FOUNDING_CASE_STACK, layout, maxInnerPacket, type TunnelStack, wireLength } from '../../codec/layout';

const F = FOUNDING_CASE_STACK;
const mtu = (s: Partial<TunnelStack>, pathMtu = 1500) => maxInnerPacket({ ...F, ...s }, pathMtu);

test('founding case, transport mode with the encap-limit option: 1402', () => {
  // 40 + 8 + 8 + 16 + [4 + P + pad + 2] + 12 <= 1500  ->  [..] <= 1416 -> 1408 (88 blocks) -> P = 1402
  assert.equal(mtu({}), 1402);
  const r = layout(F, 1500, { crypto: nodeCrypto });
  assert.equal(r.maxInnerPacket, 1402);
  assert.equal(r.packetLength, 1492); // 40+8+8+16+1408+12
  assert.equal(r.overheadBytes, 90);
  assert.deepEqual(r.overheadRange, { min: 90, max: 105 }); // + up to 15 bytes of padding
  assert.deepEqual(r.layers.map((l) => l.name), ['IPv6', 'Destination Options', 'ESP', 'GRE', 'IPv4', 'ICMP', 'Payload', 'ESP Trailer', 'ESP ICV']);
  assert.deepEqual(r.layers.map((l) => l.offset), [0, 40, 48, 72, 76, 96, 104, 1478, 1480]);
  assert.ok(r.notes.some((n) => n.code === 'encaplimit-transport-interop' && n.severity === 'error'));
  assert.equal(r.encrypted, true);
});

test('founding case with encaplimit none: 1418', () => {
  // 40 + 8 + 16 + [4 + P + pad + 2] + 12 <= 1500 -> [..] <= 1424 = 89 blocks -> P = 1418
  assert.equal(mtu({ encapLimit: 'none' }), 1418);
  const r = layout({ ...F, encapLimit: 'none' }, 1500);
  assert.equal(r.packetLength, 1500);
  assert.equal(r.notes.length, 0);
});

test('founding case in ESP tunnel mode: 1370', () => {
  // 40 + 8 + 16 + [40 + 8 + 4 + P + pad + 2] + 12 <= 1500 -> [..] <= 1424 -> P = 1424 - 54 = 1370
  assert.equal(mtu({ esp: 'tunnel' }), 1370);
  // tunnel mode + encaplimit none: [40 + 4 + P + 2] <= 1424 -> 1378
  assert.equal(mtu({ esp: 'tunnel', encapLimit: 'none' }), 1378);
  const r = layout({ ...F, esp: 'tunnel' }, 1500);
  assert.deepEqual(r.layers.map((l) => l.name), ['IPv6', 'ESP', 'IPv6', 'Destination Options', 'GRE', 'IPv4', 'ICMP', 'Payload', 'ESP Trailer', 'ESP ICV']);
  assert.equal(r.notes.length, 0, 'the DestOpt is inside ESP in tunnel mode');
});

test('the table of founding-case.md §5 (GRE key, SHA2-256, GCM, VTI, plain ip6gre)', () => {
  // GRE key: 4 more bytes of passenger-side header -> 1398 / 1366 / 1414 / 1374
  assert.equal(mtu({ greKey: true }), 1398);
  assert.equal(mtu({ greKey: true, esp: 'tunnel' }), 1366);
  assert.equal(mtu({ greKey: true, encapLimit: 'none' }), 1414);
  assert.equal(mtu({ greKey: true, esp: 'tunnel', encapLimit: 'none' }), 1374);
  // SHA2-256-128 (ICV 16): transport 40+8+8+16+[..]+16 -> [..] <= 1412 -> 1408 -> P 1402
  assert.equal(mtu({ integ: 'hmac-sha2-256-128' }), 1402);
  // tunnel: 40+8+16+[..]+16 -> [..] <= 1420 -> 1408 -> P = 1408 - 54 = 1354
  assert.equal(mtu({ integ: 'hmac-sha2-256-128', esp: 'tunnel' }), 1354);
  assert.equal(mtu({ integ: 'hmac-sha2-256-128', encapLimit: 'none' }), 1402);
  assert.equal(mtu({ integ: 'hmac-sha2-256-128', esp: 'tunnel', encapLimit: 'none' }), 1362);
  // GCM (IV 8, ICV 16, 4-byte alignment): transport 40+8+8+8+[4+P+pad+2]+16 -> [..] <= 1420 -> P 1414
  const gcm = { enc: 'aes-gcm-128', integ: 'none' } as const;
  assert.equal(mtu(gcm), 1414);
  assert.equal(mtu({ ...gcm, encapLimit: 'none' }), 1422);
  assert.equal(mtu({ ...gcm, esp: 'tunnel' }), 1374); // [40+8+4+P+2] <= 1428 -> 1374
  assert.equal(mtu({ ...gcm, greKey: true, esp: 'tunnel' }), 1370);
  // VTI (`tunnel mode ipsec ipv6`, no GRE): 40+8+16+[P+pad+2]+12 -> [..] <= 1424 -> 1422
  assert.equal(mtu({ encap: 'none', esp: 'tunnel' }), 1422);
  assert.equal(mtu({ encap: 'none', esp: 'tunnel', integ: 'hmac-sha2-256-128' }), 1406);
  assert.equal(mtu({ encap: 'none', esp: 'tunnel', ...gcm }), 1426); // 40+8+8+[P+2]+16, 1428 -> 1426
  // plain ip6gre: 1500 - 40 - 8 - 4 = 1448; encaplimit none 1456 (the kernel's own MTU)
  assert.equal(mtu({ esp: 'none' }), 1448);
  assert.equal(mtu({ esp: 'none', encapLimit: 'none' }), 1456);
  // ip6tnl (ipip6): 1500 - 40 - 8 = 1452, the kernel's ip6tnl0 MTU
  assert.equal(mtu({ esp: 'none', encap: 'ipip' }), 1452);
});

test('other stacks: IPv4 outer, SHA2-384/512, NULL, small path MTU', () => {
  // GRE over IPv4 + ESP transport CBC/SHA1: 20 + 8 + 16 + [4 + P + pad + 2] + 12 <= 1500 -> [..] <= 1444 -> 1440 -> P 1434
  assert.equal(mtu({ outer: 'ipv4', encapLimit: 'none' }), 1434);
  // same, tunnel mode: 20 + 8 + 16 + [20 + 4 + P + 2] + 12 -> [..] <= 1444 -> 1440 -> P 1414
  assert.equal(mtu({ outer: 'ipv4', esp: 'tunnel' }), 1414);
  // SHA2-384-192 (ICV 24): 40+8+8+16+[..]+24 -> [..] <= 1404 -> 1392 -> P 1386
  assert.equal(mtu({ integ: 'hmac-sha2-384-192' }), 1386);
  // SHA2-512-256 (ICV 32): [..] <= 1396 -> 1392 -> P 1386
  assert.equal(mtu({ integ: 'hmac-sha2-512-256' }), 1386);
  // NULL + SHA1 (no IV, align 4): 40+8+8+[4+P+pad+2]+12 -> [..] <= 1432 -> P 1426
  assert.equal(mtu({ enc: 'null' }), 1426);
  // IPv6 inner in GRE over IPv6, transport: same arithmetic, passenger 1402
  assert.equal(mtu({ inner: 'ipv6' }), 1402);
  // path MTU 1280 (IPv6 minimum): [..] <= 1196 -> 1184 -> P 1178
  assert.equal(mtu({}, 1280), 1178);
  // nothing fits: a 100-byte path cannot carry a 20-byte passenger behind 105 bytes of overhead
  assert.equal(mtu({}, 100), 0);
  // ESP transport, no encapsulation (host-to-host): the passenger is the IPv6 packet itself:
  // 40 + 8 + 16 + [(P - 40) + pad + 2] + 12 <= 1500 -> [..] <= 1424 -> P - 40 = 1422 -> P 1462
  assert.equal(mtu({ encap: 'none', esp: 'transport' }), 1462);
});

test('wireLength agrees with the encoded sample for every stack and many sizes', () => {
  for (const outer of ['ipv4', 'ipv6'] as const)
    for (const encap of ['gre', 'ipip', 'none'] as const)
      for (const esp of ['transport', 'tunnel', 'none'] as const)
        for (const [enc, integ] of [['aes-cbc-256', 'hmac-sha2-512-256'], ['aes-gcm-128', 'none'], ['null', 'hmac-sha1-96']] as const) {
          const s: TunnelStack = { ...F, outer, encap, esp, enc, integ, greKey: true };
          for (const inner of [100, 101, 777, 1300]) {
            const r = layout(s, 1500, { innerLength: inner });
            assert.equal(r.packetLength, wireLength(s, inner), JSON.stringify({ s, inner }));
            assert.deepEqual(r.decoded.errors, []);
          }
          const m = maxInnerPacket(s, 1500);
          assert.ok(wireLength(s, m) <= 1500 && wireLength(s, m + 1) > 1500, JSON.stringify(s));
        }
});

test('layout without a CryptoProvider: same layers, bytes left in clear', () => {
  const a = layout(F, 1500);
  const b = layout(F, 1500, { crypto: nodeCrypto });
  assert.equal(a.encrypted, false);
  assert.deepEqual(a.layers.map((l) => [l.name, l.offset, l.length]), b.layers.map((l) => [l.name, l.offset, l.length]));
  assert.deepEqual(a.clearBytes.subarray(0, 1480), b.clearBytes.subarray(0, 1480));
  assert.match(b.sa!.espSa, /^"IPv6","2001:db8:1::1","2001:db8:2::1","0x00001001","AES-CBC \[RFC3602\]","0x[0-9a-f]{32}","HMAC-SHA-1-96 \[RFC2404\]","0x[0-9a-f]{40}"$/);
});
