import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { netmaskToPrefixLength, parseAddress, parsePrefix, prefixContains, sameAddress, wildcardToPrefixLength } from '../../server/src/core/address';

test('IPv6 addresses compare as addresses, not strings', () => {
  assert.ok(sameAddress('2001:DB8:A::1', '2001:db8:a:0::1'));
  assert.ok(sameAddress('2001:db8:a:0:0:0:0:1', '2001:db8:a::1'));
  assert.ok(!sameAddress('2001:db8:a::1', '2001:db8:a::2'));
  assert.equal(parseAddress('2001:DB8:0:0:1:0:0:1')?.text, '2001:db8::1:0:0:1');
});

test('IPv4 shorthand forms are not addresses in a config', () => {
  assert.equal(parseAddress('10'), undefined);
  assert.equal(parseAddress('0x0a.1.2.3'), undefined);
  assert.equal(parseAddress('192.0.2.1')?.family, 'ipv4');
  assert.equal(parseAddress('192.0.2.256'), undefined);
});

test('prefixes, netmasks and IOS wildcards', () => {
  assert.deepEqual(parsePrefix('10.1.0.0/16'), { text: '10.1.0.0', family: 'ipv4', prefixLength: 16 });
  assert.equal(parsePrefix('10.1.0.0/33'), undefined);
  assert.equal(parsePrefix('2001:db8::/129'), undefined);
  assert.equal(netmaskToPrefixLength('255.255.255.252'), 30);
  assert.equal(netmaskToPrefixLength('255.0.255.0'), undefined);
  assert.equal(wildcardToPrefixLength('0.0.0.255'), 24);
  assert.ok(prefixContains('2001:db8:a::/48', '2001:DB8:A:1::5'));
  assert.ok(!prefixContains('10.0.0.0/8', '2001:db8::1'));
});

test('one parser for the server and the codec: zone ids and white space read the same in both', async () => {
  const { parseIpv4, parseIpv6, formatIpv6 } = await import('../../codec/address');
  // A zone id is kept apart: the address is the same whatever the zone.
  assert.deepEqual(parseAddress('fe80::1%eth0'), { text: 'fe80::1', family: 'ipv6', zone: 'eth0' });
  assert.ok(sameAddress('fe80::1%eth0', 'FE80::1'));
  assert.equal(formatIpv6(parseIpv6('fe80::1%eth0')!), 'fe80::1');
  assert.equal(parseAddress('192.0.2.1%eth0'), undefined, 'no zone on IPv4');
  assert.equal(parseIpv4('192.0.2.1%eth0'), undefined);
  // Surrounding white space is ignored by both, inner white space is not an address for either.
  assert.equal(parseAddress(' 192.0.2.1 ')?.text, '192.0.2.1');
  assert.deepEqual([...parseIpv4(' 192.0.2.1 ')!], [192, 0, 2, 1]);
  assert.equal(parseAddress('2001:db8:: 1'), undefined);
  assert.equal(parseIpv6('2001:db8:: 1'), undefined);
  // IPv4 shorthands are refused by both.
  assert.equal(parseIpv4('10'), undefined);
  assert.equal(parseIpv4('010.0.0.1'), undefined);
  assert.equal(parseAddress('010.0.0.1'), undefined);
});
