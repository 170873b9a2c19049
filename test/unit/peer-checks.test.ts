// Every cross-peer rule on synthetic endpoints: a case that must raise it and a near-identical one
// that must not. (Real configs across dialect pairs: test/unit/peer-samples.test.ts.)
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { PEER_CHECKS } from '../../server/src/checks/peer';
import type { PeerFinding, PeerPair } from '../../server/src/checks/peerTypes';
import type { Endpoint } from '../../server/src/core/endpoint';
import { DEFAULT_SETTINGS } from '../../server/src/core/types';
import { defaulted, iosEndpoint, linuxEndpoint, prop, written, CONN_URI, IOS_URI, LINUX_URI } from '../helpers/endpoints';

/** The message and its detail: what a user reads in the editor (the detail rides beside the message). */
const full = (f: PeerFinding) => `${f.message} ${f.detail ?? ''}`;

function run(a: Endpoint, b: Endpoint | undefined, code: string): PeerFinding[] {
  const out: PeerFinding[] = [];
  const check = PEER_CHECKS.find((c) => c.codes.includes(code as never));
  assert.ok(check, `no check registered for ${code}`);
  const ctx = { settings: DEFAULT_SETTINGS, workspaceHasPairs: true };
  if (b) check.run({ a, b, pairedBy: 'address' } as PeerPair, ctx, (f) => out.push(f));
  else check.runUnpaired?.(a, ctx, (f) => out.push(f));
  return out;
}

test('the matching founding-case pair raises nothing but the founding case itself', () => {
  for (const c of PEER_CHECKS) {
    const [code] = c.codes;
    const found = run(linuxEndpoint(), iosEndpoint(), code);
    if (code === 'encaplimit-transport-interop' || code === 'lifetime-mismatch') continue;
    assert.deepEqual(found.map((f) => f.message), [], code);
  }
});

test('encaplimit-transport-interop: error on the Linux line and the router line; not with encaplimit none or in tunnel mode', () => {
  const found = run(linuxEndpoint(), iosEndpoint(), 'encaplimit-transport-interop');
  assert.equal(found.length, 2);
  const linux = found.find((f) => f.uri === LINUX_URI)!;
  assert.equal(linux.severity, 'error');
  assert.match(full(linux), /Destination Options/);
  assert.match(full(linux), /iproute2 default/);
  assert.deepEqual(linux.range.start, { line: 1, character: 0 });
  assert.ok(linux.related.some((r) => r.uri === IOS_URI && r.range.start.line === 11), 'peer mode line is related');
  assert.ok(linux.related.some((r) => r.uri === CONN_URI && r.range.start.line === 11), 'own ESP mode line is related');
  assert.ok(found.some((f) => f.uri === IOS_URI && f.range.start.line === 11));

  const fixed = linuxEndpoint();
  fixed.tunnel!.encapLimit = written('none', 'file:///ws/linux/ifup-local', 3);
  assert.deepEqual(run(fixed, iosEndpoint(), 'encaplimit-transport-interop'), []);

  const zero = linuxEndpoint();
  zero.tunnel!.encapLimit = written(0, LINUX_URI, 6);
  assert.equal(run(zero, iosEndpoint(), 'encaplimit-transport-interop').length, 2, 'encaplimit 0 still sends the option');

  const tunnel = linuxEndpoint();
  tunnel.ipsec!.mode = written('tunnel', CONN_URI, 11);
  const iosTunnel = iosEndpoint();
  iosTunnel.ipsec!.mode = defaulted('tunnel', 'IOS default transform-set mode');
  assert.deepEqual(run(tunnel, iosTunnel, 'encaplimit-transport-interop'), []);
});

test('encaplimit-transport-interop: a warning towards a peer of unknown make, nothing towards a Linux peer', () => {
  const alone = run(linuxEndpoint(), undefined, 'encaplimit-transport-interop');
  assert.equal(alone.length, 1);
  assert.equal(alone[0].severity, 'warning');
  assert.match(full(alone[0]), /legal/);
  const linuxPeer = linuxEndpoint();
  linuxPeer.local = written('2001:db8:b::1', 'file:///ws/b/ifcfg-tun10', 3);
  linuxPeer.remote = written('2001:db8:a::1', 'file:///ws/b/ifcfg-tun10', 4);
  assert.deepEqual(run(linuxEndpoint(), linuxPeer, 'encaplimit-transport-interop').filter((f) => f.uri === LINUX_URI), []);
});

test('ipsec-mode-mismatch: Libreswan transport against IOS tunnel fails; IOS transport falls back; require does not', () => {
  const ios = iosEndpoint();
  ios.ipsec!.mode = defaulted('tunnel', 'IOS 15.7 default transform-set mode');
  const f = run(linuxEndpoint(), ios, 'ipsec-mode-mismatch');
  assert.equal(f.length, 2);
  assert.ok(f.every((x) => x.severity === undefined), 'errors by the code default');
  assert.match(full(f[0]), /NO_PROPOSAL_CHOSEN/);

  const lsTunnel = linuxEndpoint();
  lsTunnel.ipsec!.mode = written('tunnel', CONN_URI, 11);
  const fb = run(lsTunnel, iosEndpoint(), 'ipsec-mode-mismatch');
  assert.deepEqual(fb.map((x) => x.severity), ['warning'], 'IOS transport falls back to tunnel');
  const req = iosEndpoint();
  req.ipsec!.modeRequired = true;
  assert.equal(run(lsTunnel, req, 'ipsec-mode-mismatch').length, 2);
  assert.deepEqual(run(linuxEndpoint(), iosEndpoint(), 'ipsec-mode-mismatch'), []);
});

test('ike-proposal-mismatch lists what each side offers; a shared member of a multi-transform proposal matches', () => {
  const ios = iosEndpoint();
  ios.ipsec!.ike = written([prop(['AES_CBC_256'], ['HMAC_SHA2_256_128'], ['DH19'], ['HMAC_SHA2_256'])], IOS_URI, 6);
  const f = run(linuxEndpoint(), ios, 'ike-proposal-mismatch');
  assert.equal(f.length, 2);
  assert.match(full(f[0]), /AES_CBC_128-HMAC_SHA1-MODP2048/);
  assert.match(full(f[0]), /AES_CBC_256-HMAC_SHA2_256-DH19/);
  ios.ipsec!.ike = written([prop(['AES_CBC_256', 'AES_CBC_128'], ['HMAC_SHA2_256_128', 'HMAC_SHA1_96'], ['DH19', 'MODP2048'], ['HMAC_SHA2_256', 'HMAC_SHA1'])], IOS_URI, 6);
  assert.deepEqual(run(linuxEndpoint(), ios, 'ike-proposal-mismatch'), []);
});

test('esp-proposal-mismatch; Libreswan `aes` (any key length) matches AES_CBC_256', () => {
  const ios = iosEndpoint();
  ios.ipsec!.esp = written([prop(['AES_CBC_256'], ['HMAC_SHA2_256_128'], [])], IOS_URI, 10);
  assert.equal(run(linuxEndpoint(), ios, 'esp-proposal-mismatch').length, 2);
  const any = linuxEndpoint();
  any.ipsec!.esp = written([prop(['AES_CBC'], ['HMAC_SHA2_256_128'], [])], CONN_URI, 9);
  assert.deepEqual(run(any, ios, 'esp-proposal-mismatch'), []);
  const gcm = linuxEndpoint();
  gcm.ipsec!.esp = written([prop(['AES_GCM_16_256'], [], [])], CONN_URI, 9);
  assert.equal(run(gcm, ios, 'esp-proposal-mismatch').length, 2, 'AEAD against CBC+HMAC');
});

test('pfs-mismatch: a warning in IKEv2 (first rekey), an error in IKEv1', () => {
  const ios = iosEndpoint();
  ios.ipsec!.pfs = defaulted(false, 'IOS default: no PFS');
  const f = run(linuxEndpoint(), ios, 'pfs-mismatch');
  assert.equal(f.length, 2);
  assert.equal(f[0].severity, 'warning');
  assert.match(full(f[0]), /rekey/);
  const v1a = linuxEndpoint();
  v1a.ipsec!.ikeVersion = written(1, CONN_URI, 7);
  const v1b = iosEndpoint();
  v1b.ipsec!.ikeVersion = written(1, IOS_URI, 5);
  v1b.ipsec!.pfs = defaulted(false, 'IOS default: no PFS');
  assert.equal(run(v1a, v1b, 'pfs-mismatch')[0].severity, 'error');
  const ike = linuxEndpoint();
  ike.ipsec!.pfs = defaulted('ike', 'Libreswan pfs=yes without a group in esp=');
  assert.deepEqual(run(ike, iosEndpoint(), 'pfs-mismatch'), [], "'ike' resolves to the negotiated MODP2048");
});

test('ike-version-mismatch: v1 against v2 is an error; 3.25 permit against an IKEv2-only router is a warning', () => {
  const ios = iosEndpoint();
  ios.ipsec!.ikeVersion = written(1, IOS_URI, 5);
  assert.equal(run(linuxEndpoint(), ios, 'ike-version-mismatch').length, 2);
  const permit = linuxEndpoint();
  permit.ipsec!.ikeVersion = defaulted('either', 'Libreswan 3.25 default ikev2=permit');
  permit.ipsec!.initiatesIkeVersion = defaulted(1, 'Libreswan 3.25 default ikev2=permit');
  const w = run(permit, iosEndpoint(), 'ike-version-mismatch');
  assert.deepEqual(w.map((x) => x.severity), ['warning']);
  assert.match(full(w[0]), /initiates with IKEv1/);
});

test('traffic-selector-mismatch: GRE against all protocols', () => {
  const ios = iosEndpoint();
  ios.ipsec!.trafficSelector = written({ localSubnets: [], remoteSubnets: [] }, IOS_URI, 16);
  assert.equal(run(linuxEndpoint(), ios, 'traffic-selector-mismatch').length, 2);
  const nets = iosEndpoint();
  nets.ipsec!.trafficSelector = written({ protocol: 47, localSubnets: ['10.2.0.0/16'], remoteSubnets: ['10.1.0.0/16'] }, IOS_URI, 16);
  const ls = linuxEndpoint();
  ls.ipsec!.trafficSelector = written({ protocol: 47, localSubnets: ['10.1.0.0/16'], remoteSubnets: ['10.2.0.0/16'] }, CONN_URI, 12);
  assert.deepEqual(run(ls, nets, 'traffic-selector-mismatch'), []);
  ls.ipsec!.trafficSelector = written({ protocol: 47, localSubnets: ['10.1.0.0/24'], remoteSubnets: ['10.2.0.0/16'] }, CONN_URI, 12);
  assert.equal(run(ls, nets, 'traffic-selector-mismatch').length, 2);
});

test('auth-method-mismatch and psk-mismatch never show a key', () => {
  const ios = iosEndpoint();
  ios.ipsec!.authLocal = written('rsasig', IOS_URI, 8);
  assert.equal(run(linuxEndpoint(), ios, 'auth-method-mismatch').length, 2);
  const other = iosEndpoint();
  other.ipsec!.pskDigest = written('d2', IOS_URI, 9);
  const f = run(linuxEndpoint(), other, 'psk-mismatch');
  assert.equal(f.length, 2);
  assert.ok(!JSON.stringify(f).includes('d1') && !JSON.stringify(f).includes('d2'), 'not even the digest is shown');
  assert.deepEqual(run(linuxEndpoint(), iosEndpoint(), 'psk-mismatch'), []);
});

test('tunnel-encap-mismatch (ipip6 against gre ipv6) and gre-key-mismatch', () => {
  const ipip6 = linuxEndpoint();
  ipip6.tunnel!.kind = written('ip6tnl', LINUX_URI, 1);
  ipip6.tunnel!.encapsulation = written('ipip6', LINUX_URI, 1);
  const f = run(ipip6, iosEndpoint(), 'tunnel-encap-mismatch');
  assert.equal(f.length, 2);
  assert.match(full(f[0]), /IPv4-in-IPv6/);
  const keyed = iosEndpoint();
  keyed.tunnel!.greKey = written(42, IOS_URI, 25);
  assert.equal(run(linuxEndpoint(), keyed, 'gre-key-mismatch').length, 2);
  const both = linuxEndpoint();
  both.tunnel!.greKey = written(42, LINUX_URI, 7);
  assert.deepEqual(run(both, keyed, 'gre-key-mismatch'), []);
});

test('outer-family-mismatch, peer-address-mismatch, lifetime-mismatch, peer-unpaired', () => {
  const v4 = iosEndpoint();
  v4.family = written('ipv4', IOS_URI, 22);
  assert.equal(run(linuxEndpoint(), v4, 'outer-family-mismatch').length, 2);

  const wrong = iosEndpoint();
  wrong.remote = written('2001:db8:a::99', IOS_URI, 23);
  const out: PeerFinding[] = [];
  PEER_CHECKS.find((c) => c.codes.includes('peer-address-mismatch'))!.run(
    { a: linuxEndpoint(), b: wrong, pairedBy: 'address-half' },
    { settings: DEFAULT_SETTINGS, workspaceHasPairs: true },
    (x) => out.push(x),
  );
  assert.equal(out.length, 1);
  assert.equal(out[0].uri, IOS_URI);
  assert.match(full(out[0]), /2001:db8:a::99/);
  assert.deepEqual(run(linuxEndpoint(), iosEndpoint(), 'peer-address-mismatch'), []);

  const lt = run(linuxEndpoint(), iosEndpoint(), 'lifetime-mismatch');
  assert.ok(lt.length >= 2 && lt.every((x) => x.severity === undefined));
  const same = iosEndpoint();
  same.ipsec!.ikeLifetime = defaulted(3600, 'x');
  same.ipsec!.saLifetime = defaulted(28800, 'x');
  assert.deepEqual(run(linuxEndpoint(), same, 'lifetime-mismatch'), []);

  assert.equal(run(iosEndpoint(), undefined, 'peer-unpaired').length, 1);
});

test('mtu-exceeds-path: the founding stack fits 1402 bytes (1418 with encaplimit none, 1370 in tunnel mode)', () => {
  const big = linuxEndpoint();
  big.tunnel!.mtu = written(1450, LINUX_URI, 6);
  const f = run(big, iosEndpoint(), 'mtu-exceeds-path');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.match(full(f[0]), /largest inner packet that fits a 1500-byte path is 1402/);

  const fixed = linuxEndpoint();
  fixed.tunnel!.encapLimit = written('none', LINUX_URI, 7);
  fixed.tunnel!.mtu = written(1419, LINUX_URI, 6);
  assert.match(run(fixed, iosEndpoint(), 'mtu-exceeds-path')[0].message, /the 1418 bytes that fit/);
  fixed.tunnel!.mtu = written(1418, LINUX_URI, 6);
  assert.deepEqual(run(fixed, iosEndpoint(), 'mtu-exceeds-path'), []);

  const tunnelMode = linuxEndpoint();
  tunnelMode.ipsec = { ...tunnelMode.ipsec!, mode: written('tunnel', CONN_URI, 11) };
  const iosTunnel = iosEndpoint();
  iosTunnel.ipsec!.mode = written('tunnel', IOS_URI, 11);
  tunnelMode.tunnel!.mtu = written(1371, LINUX_URI, 6);
  assert.match(run(tunnelMode, iosTunnel, 'mtu-exceeds-path')[0].message, /the 1370 bytes that fit/);

  const kernelDefault = linuxEndpoint();
  kernelDefault.tunnel!.mtu = defaulted(1448, 'kernel default for ip6gre');
  assert.equal(run(kernelDefault, iosEndpoint(), 'mtu-exceeds-path')[0].severity, 'info', 'a default only costs fragmentation');
});

test('mtu-mismatch: written MTUs that differ; two defaults that differ are normal', () => {
  const ios = iosEndpoint();
  ios.tunnel!.mtu = written(1380, IOS_URI, 26);
  assert.equal(run(linuxEndpoint(), ios, 'mtu-mismatch').length, 2);
  const a = linuxEndpoint();
  a.tunnel!.mtu = defaulted(1448, 'kernel');
  const b = iosEndpoint();
  b.tunnel!.mtu = defaulted(1456, 'IOS');
  assert.deepEqual(run(a, b, 'mtu-mismatch'), []);
});

test('peer-address-mismatch: not on a tunnel-lens.json pair (NAT: the addresses need not correspond)', () => {
  const natted = iosEndpoint();
  natted.remote = written('2001:db8:a::99', IOS_URI, 23);
  const out: PeerFinding[] = [];
  PEER_CHECKS.find((c) => c.codes.includes('peer-address-mismatch'))!.run(
    { a: linuxEndpoint(), b: natted, pairedBy: 'pairing-file' },
    { settings: DEFAULT_SETTINGS, workspaceHasPairs: true },
    (x) => out.push(x),
  );
  assert.deepEqual(out, []);
});
