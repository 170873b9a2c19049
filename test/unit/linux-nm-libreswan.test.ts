// NetworkManager-libreswan VPN profiles on the real host tree test/fixtures/hosts/nm-libreswan-vpn
// (its SOURCES.md: an NM ip-tunnel profile tun10 with flags=1, protected by the VPN profile
// cisco-gre6-ipsec; Libreswan 5.x with crypto-policies), paired with the live Cisco C897VA
// (Tunnel24): the VPN is read as the conn NetworkManager-libreswan hands to pluto, with the
// defaults it writes for absent keys (docs/reference/nm-libreswan.md), and composed with the tunnel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ParsedFile } from '../../server/src/core/types';
import { dialect, type NmConnectionTree } from '../../server/src/languages/nm-connection';
import { analyseTree, hostTree, hostUri, ledger, show } from './hosts-helpers';

const TREE = 'nm-libreswan-vpn';
const VPN = 'etc/NetworkManager/system-connections/cisco-gre6-ipsec.nmconnection';
const TUN = 'etc/NetworkManager/system-connections/tun10.nmconnection';
const vpnUri = hostUri(TREE, VPN);
const tunUri = hostUri(TREE, TUN);
const PSK = 'TEST-ONLY-nm-libreswan-psk';
const parsed = (r: ReturnType<typeof analyseTree>, uri: string) => r.service.parse(uri) as ParsedFile<NmConnectionTree>;
const vpnEdit = (f: (t: string) => string) => ({ [VPN]: f });

function tun10(r: ReturnType<typeof analyseTree>) {
  const e = r.service.endpoints().find((x) => x.name === 'tun10' && x.vendor === 'linux');
  assert.ok(e, show(r.findings));
  return e;
}

test('nm-libreswan-vpn tree: the VPN profile is the IPsec side of the ip-tunnel profile, and the pair with the Cisco is clean', () => {
  const r = analyseTree(hostTree(TREE));
  const e = tun10(r);
  assert.equal(e.protectedBy?.name, 'cisco-gre6-ipsec');
  assert.equal(e.protectedBy?.vendor, 'libreswan');
  const b = e.ipsec!;
  assert.equal(b.ikeVersion?.value, 2);
  assert.equal(b.mode?.value, 'transport');
  assert.equal(b.mode?.source, 'written');
  assert.deepEqual(b.ike?.value.map((p) => [p.encr, p.prf, p.dh]), [[['AES_CBC_128'], ['HMAC_SHA1'], ['MODP2048']]]);
  assert.deepEqual(b.esp?.value.map((p) => [p.encr, p.integ]), [[['AES_CBC_128'], ['HMAC_SHA1_96']]]);
  assert.equal(b.pfs?.value, 'ike');
  assert.match(b.pfs!.rule!, /only pfs=no is ever written/);
  assert.deepEqual(b.trafficSelector?.value, { protocol: 47, localPort: undefined, remotePort: undefined, localSubnets: ['2001:db8:a::42/128'], remoteSubnets: ['2001:db8:b::1/128'] });
  assert.equal(b.ikeLifetime?.value, 86400);
  assert.equal(b.saLifetime?.value, 3600);
  assert.ok(b.pskDigest && b.pskDigest.value !== PSK, 'a digest, never the key');
  const bad = r.findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && f.uri.includes(`/${TREE}/etc/NetworkManager/`));
  assert.deepEqual(bad, [], show(bad));
  for (const code of ['ike-proposal-mismatch', 'esp-proposal-mismatch', 'pfs-mismatch', 'psk-mismatch', 'ipsec-mode-mismatch', 'ike-version-mismatch', 'encaplimit-transport-interop', 'protection-mismatch', 'traffic-selector-mismatch']) assert.deepEqual(r.of(code), [], `${code}:\n${show(r.findings)}`);
  assert.ok(!JSON.stringify(r.findings).includes(PSK));
});

test('without flags=1 on the ip-tunnel, the transport-mode VPN makes the NM tunnel raise encaplimit-transport-interop', () => {
  const r = analyseTree(hostTree(TREE, { [TUN]: (t) => t.replace('flags=1\n', '') }));
  const [f] = r.of('encaplimit-transport-interop', tunUri);
  assert.ok(f, show(r.findings));
  assert.match(`${f.message} ${(f as { detail?: string }).detail ?? ''}`, /Tunnel Encapsulation Limit 0/);
  assert.ok(f.related.some((x) => x.uri === vpnUri), 'the VPN profile\'s type=transport is related information');
});

test('the plugin\'s defaults: no type= is tunnel mode (ipsec-mode-mismatch with the Cisco\'s transport), no ikev2= is IKEv1', () => {
  const r = analyseTree(hostTree(TREE, vpnEdit((t) => t.replace('type=transport\n', ''))));
  const e = tun10(r);
  assert.equal(e.ipsec?.mode?.value, 'tunnel');
  assert.match(e.ipsec!.mode!.rule!, /writes no type=: Libreswan's default type=tunnel/);
  assert.ok(r.of('ipsec-mode-mismatch').length > 0, show(r.findings));
  const v1 = analyseTree(hostTree(TREE, vpnEdit((t) => t.replace('ikev2=insist\n', ''))));
  assert.equal(tun10(v1).ipsec?.ikeVersion?.value, 1);
  assert.ok(v1.of('ike-version-mismatch').length > 0, show(v1.findings));
  const [w] = v1.of('version-incompatible', vpnUri);
  assert.equal(w.severity, 'warning');
  assert.match(w.message, /writes ikev2=never: an IKEv1 conn, which Libreswan 5 refuses by default/);
  const five = analyseTree(hostTree(TREE, vpnEdit((t) => `# tunnel-lens: libreswan 5.3\n${t.replace('ikev2=insist\n', '')}`)));
  assert.equal(five.of('version-incompatible', vpnUri)[0].severity, 'error');
});

test('no ike= means Libreswan\'s defaults, which the Cisco\'s aes-cbc-128/sha1/group 14 does not match', () => {
  const r = analyseTree(hostTree(TREE, vpnEdit((t) => t.replace('ike=aes128-sha1-modp2048\n', ''))));
  const e = tun10(r);
  assert.equal(e.ipsec?.ike?.source, 'default');
  assert.match(e.ipsec!.ike!.rule!, /NetworkManager-libreswan writes no ike=, so the Libreswan 4\.10 IKEv2 default ike= applies/);
  assert.ok(r.of('ike-proposal-mismatch').length > 0, show(r.findings));
});

test('a different PSK in [vpn-secrets] raises psk-mismatch without ever showing either key', () => {
  const r = analyseTree(hostTree(TREE, vpnEdit((t) => t.replace(PSK, 'TEST-ONLY-other-psk'))));
  const f = r.of('psk-mismatch');
  assert.ok(f.length > 0, show(r.findings));
  assert.ok(f.some((x) => x.uri === vpnUri && x.range.start.line === 28), `on the pskvalue line:\n${show(f)}`);
  assert.ok(!JSON.stringify(r.findings).includes('TEST-ONLY-other-psk') && !JSON.stringify(r.findings).includes(PSK));
  const file = parsed(r, vpnUri);
  assert.deepEqual(dialect.secretValues!(file), ['TEST-ONLY-other-psk']);
  const m = dialect.secrets!.pskFor(file, '2001:db8:a::42', '2001:db8:b::1');
  assert.equal(m?.digest, file.endpoints[0].ipsec!.pskDigest!.value);
  assert.equal(dialect.secrets!.pskFor(file, '2001:db8:a::99', '2001:db8:b::1'), undefined, 'the plugin writes `<leftid>: PSK`: another local id does not get it');
  // Agent-owned (pskvalue-flags=1): the key in the file is not the one used.
  const agent = analyseTree(hostTree(TREE, vpnEdit((t) => t.replace('pskvalue-flags=0', 'pskvalue-flags=1'))));
  assert.equal(tun10(agent).ipsec?.pskDigest, undefined);
});

test('what the plugin refuses or drops: an unknown [vpn] key, no right=, pfs= other than no', () => {
  const r = analyseTree(hostTree(TREE, vpnEdit((t) => t.replace('rekey', 'rekey').replace('salifetime=1h\n', 'salifetime=1h\nphase2=esp\npfs=yes\n'))));
  const [u] = r.of('unknown-keyword', vpnUri);
  assert.equal(u.severity, 'error');
  assert.match(u.message, /phase2= is not a \[vpn\] key.*property invalid or not supported/);
  assert.match(r.of('config-ignored', vpnUri)[0].message, /writes only pfs=no: pfs=yes is dropped/);
  const nr = analyseTree(hostTree(TREE, vpnEdit((t) => t.replace('right=2001:db8:b::1\n', ''))));
  assert.match(nr.of('invalid-value', vpnUri)[0].message, /'right' key needs to be present/);
  assert.equal(parsed(nr, vpnUri).endpoints.length, 0);
});

test('a minimal profile (only right=) gets what the plugin writes: IKEv1, left=%defaultroute, rightsubnet 0.0.0.0/0, 24h lifetimes', () => {
  const r = analyseTree(hostTree(TREE, { [VPN]: '[connection]\nid=minimal\ntype=vpn\n\n[vpn]\nright=198.51.100.2\nservice-type=org.freedesktop.NetworkManager.libreswan\n' }));
  const e = parsed(r, vpnUri).endpoints[0];
  assert.equal(e.local?.value, '%defaultroute');
  assert.equal(e.ipsec?.ikeVersion?.value, 1);
  assert.deepEqual(e.ipsec?.trafficSelector?.value.remoteSubnets, ['0.0.0.0/0']);
  assert.equal(e.ipsec?.ikeLifetime?.value, 86400);
  assert.equal(e.ipsec?.authLocal?.value, 'psk');
  const off = analyseTree(hostTree(TREE, { [VPN]: '[connection]\nid=minimal\ntype=vpn\n\n[vpn]\nright=198.51.100.2\nnm-auto-defaults=no\nservice-type=org.freedesktop.NetworkManager.libreswan\n' }));
  assert.deepEqual(parsed(off, vpnUri).endpoints[0].ipsec?.trafficSelector?.value.remoteSubnets, ['198.51.100.2/32'], 'nm-auto-defaults=no adds nothing');
});

test('ledger, hover, outline: [vpn] and [vpn-secrets] are the model, the PSK is never shown', () => {
  const r = analyseTree(hostTree(TREE));
  const l = ledger(r, vpnUri);
  assert.equal(l.account.dropped, 0);
  const lines = r.files.get(vpnUri)!.split('\n');
  for (const re of [/^\[vpn\]/, /^ike=/, /^type=transport/, /^\[vpn-secrets\]/, /^pskvalue=/]) assert.equal(l.uses[lines.findIndex((x) => re.test(x))], 'model', String(re));
  const file = parsed(r, vpnUri);
  const ctx = r.service.workspace.context();
  const psk = lines.findIndex((x) => x.startsWith('pskvalue='));
  for (let c = 0; c < lines[psk].length; c++) assert.ok(!(dialect.hover!(file, { line: psk, character: c }, ctx)?.markdown ?? '').includes(PSK));
  const h = dialect.hover!(file, { line: lines.findIndex((x) => x.startsWith('type=transport')), character: 1 }, ctx)!.markdown;
  assert.match(h, /Absent: not written, so Libreswan's default type=tunnel/);
  assert.match(h, /mode transport: line \d+/);
  assert.ok(!JSON.stringify(file.symbols).includes(PSK));
  assert.deepEqual(dialect.secretValues!(file), [PSK]);
  const c = dialect.complete!(file, { line: lines.findIndex((x) => x.startsWith('type=transport')), character: 'type='.length }, ctx).map((x) => x.label);
  assert.deepEqual(c, ['transport', 'tunnel']);
});
