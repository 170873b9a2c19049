// The upper-layer pseudo-header of IPv6 (RFC 8200 §8.1): the source is the Home Address option's
// address when there is one (RFC 6275 §6.3), the destination the final one of a Routing header with
// segments left (type 0: the last address; type 2: the home address, RFC 6275 §6.4). Each packet is
// built with the checksum over the addresses the rule names, then the IPv6 header's address is set
// to the other one: the verdict must be "correct" only under the rule.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseIpv6 } from '../../codec/address';
import { decodePacket, encodeStack, LINKTYPE } from '../../codec/packet';
import type { LayerSpec } from '../../codec/types';

const HOME = '2001:db8:aaaa::1';
const CARE_OF = '2001:db8:bbbb::2';
const PEER = '2001:db8:cccc::3';

function udpVerdict(bytes: Uint8Array): string {
  const d = decodePacket(bytes, LINKTYPE.RAW);
  assert.deepEqual(d.errors, []);
  const udp = d.layers.find((l) => l.id === 'udp') ?? d.layers.find((l) => l.id === 'icmpv6') ?? d.layers.find((l) => l.id === 'tcp');
  return String(udp!.fields.find((f) => f.name === 'Checksum')!.value).replace(/^0x[0-9a-f]+ /, '');
}

function withAddress(bytes: Uint8Array, at: 8 | 24, address: string): Uint8Array {
  const out = bytes.slice();
  out.set(parseIpv6(address)!, at);
  return out;
}

const hoa = (addr: string) => ({ kind: 'dstopts' as const, options: [{ type: 0xc9, data: parseIpv6(addr)! }] });

for (const upper of [{ kind: 'udp', srcPort: 5000, dstPort: 6000 }, { kind: 'icmpv6', id: 7, seq: 1 }, { kind: 'tcp', srcPort: 5000, dstPort: 6000 }] as LayerSpec[]) {
  test(`${upper.kind}: the Home Address option is the pseudo-header's source`, () => {
    const specs: LayerSpec[] = [{ kind: 'ipv6', src: HOME, dst: PEER }, hoa(HOME), upper, { kind: 'raw', data: Uint8Array.of(1, 2, 3) }];
    const built = encodeStack(specs).bytes; // checksum over HOME → PEER
    assert.equal(udpVerdict(withAddress(built, 8, CARE_OF)), '(correct)', 'sent from the care-of address with the home address in the option');
    // the same bytes with a different home address in the option: wrong
    const other = encodeStack([{ kind: 'ipv6', src: CARE_OF, dst: PEER }, hoa(PEER), upper, { kind: 'raw', data: Uint8Array.of(1, 2, 3) }]).bytes;
    assert.equal(udpVerdict(other), '(incorrect)');
    // without the option the header's source counts
    const plain = encodeStack([{ kind: 'ipv6', src: CARE_OF, dst: PEER }, { kind: 'dstopts', encapLimit: 4 }, upper]).bytes;
    assert.equal(udpVerdict(plain), '(correct)');
  });
}

test('a Routing header with segments left makes its final address the pseudo-header destination', () => {
  const rt2 = (segmentsLeft: number): LayerSpec => ({ kind: 'routing', routingType: 2, segmentsLeft, data: Uint8Array.from([0, 0, 0, 0, ...parseIpv6(HOME)!]) });
  const udp: LayerSpec = { kind: 'udp', srcPort: 1, dstPort: 2 };
  // type 2, built towards HOME, sent to the care-of address
  assert.equal(udpVerdict(withAddress(encodeStack([{ kind: 'ipv6', src: PEER, dst: HOME }, rt2(1), udp]).bytes, 24, CARE_OF)), '(correct)');
  // segments left 0: the header's destination counts
  assert.equal(udpVerdict(encodeStack([{ kind: 'ipv6', src: PEER, dst: CARE_OF }, rt2(0), udp]).bytes), '(correct)');
  // type 0 with two addresses: the last one is the final destination
  const rt0: LayerSpec = { kind: 'routing', routingType: 0, segmentsLeft: 2, data: Uint8Array.from([0, 0, 0, 0, ...parseIpv6(PEER)!, ...parseIpv6(HOME)!]) };
  assert.equal(udpVerdict(withAddress(encodeStack([{ kind: 'ipv6', src: CARE_OF, dst: HOME }, rt0, udp]).bytes, 24, PEER)), '(correct)');
});
