// netplan on the real Ubuntu 24.04-style host tree test/fixtures/hosts/ubuntu2404-netplan (its
// SOURCES.md names every file: cloud-init's 50-cloud-init.yaml uplink, 60-tunnels.yaml with the
// ip6gre tunnel, a swanctl.conf transport-mode child), paired with the live Cisco C897VA config:
// no netplan key sets the encapsulation limit, so the fix is a drop-in of the .netdev netplan
// generates, or an NM passthrough (docs/reference/netplan.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ParsedFile } from '../../server/src/core/types';
import { dialect, type NetplanTree } from '../../server/src/languages/netplan';
import { analyseTree, applyFirst, hostTree, hostUri, ledger, show } from './hosts-helpers';

const TREE = 'ubuntu2404-netplan';
const YAML = 'etc/netplan/60-tunnels.yaml';
const yamlUri = hostUri(TREE, YAML);
const cloudUri = hostUri(TREE, 'etc/netplan/50-cloud-init.yaml');
const DROPIN = 'etc/systemd/network/10-netplan-tun10.netdev.d/50-tunnel-lens-encaplimit.conf';
const parsed = (r: ReturnType<typeof analyseTree>, uri: string) => r.service.parse(uri) as ParsedFile<NetplanTree>;

function tun10(r: ReturnType<typeof analyseTree>) {
  const e = r.service.endpoints().find((x) => x.name === 'tun10' && x.vendor === 'linux');
  assert.ok(e, `no tun10:\n${show(r.findings)}`);
  return e;
}

test('ubuntu2404 tree: the netplan ip6gre tunnel (networkd renderer) to the Cisco in transport mode raises encaplimit-transport-interop, saying no netplan key sets the limit', () => {
  const r = analyseTree(hostTree(TREE));
  const e = tun10(r);
  assert.equal(e.uri, yamlUri);
  assert.equal(e.tunnel?.kind.value, 'ip6gre');
  assert.match(e.tunnel!.kind.rule!, /^netplan tunnels\.tun10 \(renderer networkd\): mode ip6gre → 10-netplan-tun10\.netdev Kind=ip6gre/);
  assert.equal(e.tunnel?.encapLimit?.value, 0);
  assert.equal(e.tunnel?.encapLimit?.source, 'default');
  assert.equal(e.local?.value, '2001:db8:a::24');
  assert.equal(e.tunnel?.mtu?.value, 1400);
  assert.deepEqual(e.tunnel?.innerAddresses.map((a) => a.value), ['192.0.2.5/30']);
  assert.equal(e.protectedBy?.name, 'gre6-cisco', 'composed with the swanctl connection of the same tree');
  const [f] = r.of('encaplimit-transport-interop', yamlUri);
  assert.ok(f, show(r.findings));
  assert.deepEqual(f.range.start, { line: 5, character: 12 }, 'on the mode value');
  // The long text (the message, or its detail where the short message leaves it out) says why.
  assert.match(`${f.message} ${(f as { detail?: string }).detail ?? ''}`, /netplan has no key that sets the encapsulation limit; a drop-in \/etc\/systemd\/network\/10-netplan-tun10\.netdev\.d\/\*\.conf with \[Tunnel\] EncapsulationLimit=none/);
  for (const code of ['mtu-mismatch', 'mtu-exceeds-path', 'protection-mismatch', 'syntax-error', 'unknown-keyword']) assert.deepEqual(r.of(code), [], `${code}:\n${show(r.findings)}`);
});

test('ubuntu2404 tree: the fix creates the networkd drop-in, and the fixed tree is clean', () => {
  const files = hostTree(TREE);
  const r = analyseTree(files);
  const f = r.of('encaplimit-transport-interop', yamlUri)[0];
  const fix = f.fixes.find((x) => /drop-in/.test(x.title))!;
  assert.deepEqual(fix.createFiles, [hostUri(TREE, DROPIN)]);
  const after = applyFirst(files, f, /drop-in 10-netplan-tun10\.netdev\.d\/50-tunnel-lens-encaplimit\.conf/);
  assert.match(after.get(hostUri(TREE, DROPIN))!, /^\[Tunnel\]\nEncapsulationLimit=none$/m);
  const again = analyseTree(after);
  assert.deepEqual(again.of('encaplimit-transport-interop'), []);
  const e = tun10(again);
  assert.equal(e.tunnel?.encapLimit?.value, 'none');
  assert.equal(e.tunnel?.encapLimit?.uri, hostUri(TREE, DROPIN));
  const linux = [...after.keys()].filter((u) => u.includes(`/${TREE}/etc/`));
  assert.deepEqual(again.findings.filter((x) => linux.includes(x.uri) && x.severity !== 'info'), [], show(again.findings));
  assert.equal(again.service.parse(hostUri(TREE, DROPIN))!.languageId, 'systemd-netdev');
  assert.ok(parsed(again, yamlUri).dependencies.includes(hostUri(TREE, DROPIN)), 'a change of the drop-in re-reads the YAML');
});

test('a numeric EncapsulationLimit= in the drop-in is not sent for ip6gre: the option stays (limit 0), and the finding points at the drop-in', () => {
  const r = analyseTree(hostTree(TREE, { [DROPIN.replace('50-tunnel-lens-encaplimit', '50-limit')]: '[Tunnel]\nEncapsulationLimit=4\n' }));
  const e = tun10(r);
  assert.equal(e.tunnel?.encapLimit?.value, 0);
  assert.match(e.tunnel!.encapLimit!.rule!, /EncapsulationLimit=4 in 50-limit\.conf is not sent for ip6gre/);
  const [f] = r.of('encaplimit-transport-interop', hostUri(TREE, DROPIN.replace('50-tunnel-lens-encaplimit', '50-limit')));
  assert.equal(f.range.start.line, 1);
});

test('NetworkManager renderer: NM\'s default limit 0; the fix is a passthrough ip-tunnel.flags "1", which NetworkManager 1.42.4 rejects on ip6gre', () => {
  const files = hostTree(TREE, { [YAML]: (t) => t.replace('      mode: ip6gre\n', '      renderer: NetworkManager\n      mode: ip6gre\n') });
  const r = analyseTree(files);
  const e = tun10(r);
  assert.equal(e.tunnel?.encapLimit?.value, 0);
  assert.match(e.tunnel!.encapLimit!.rule!, /NetworkManager renderer writes no encapsulation-limit into netplan-tun10\.nmconnection/);
  const after = applyFirst(files, r.of('encaplimit-transport-interop', yamlUri)[0], /passthrough/);
  assert.match(after.get(yamlUri)!, /      mode: ip6gre\n      networkmanager:\n        passthrough:\n          ip-tunnel\.flags: "1"\n/);
  const again = analyseTree(after);
  assert.equal(tun10(again).tunnel?.encapLimit?.value, 'none');
  assert.deepEqual(again.of('encaplimit-transport-interop'), []);
  const old = analyseTree(new Map([...after].map(([k, v]) => [k, k === yamlUri ? `# tunnel-lens: networkmanager 1.42.4\n${v}` : v])));
  assert.match(old.of('version-incompatible', yamlUri)[0].message, /NetworkManager 1\.42\.4 rejects ip-tunnel\.flags on ip6gre/);
});

test('what netplan rejects: an unknown key (no encaplimit key exists), a mode it does not know, an address with /prefix or of the other family', () => {
  const r = analyseTree(hostTree(TREE, { [YAML]: (t) => t.replace('      ttl: 64\n', '      ttl: 64\n      encaplimit: none\n').replace('local: 2001:db8:a::24', 'local: 2001:db8:a::24/64') }));
  const [k] = r.of('unknown-keyword', yamlUri);
  assert.equal(k.severity, 'error');
  assert.match(k.message, /`encaplimit` is not a key of a tunnel: netplan stops with "unknown key".*No netplan key sets the encapsulation limit/);
  assert.match(r.of('invalid-value', yamlUri)[0].message, /should not include \/prefixlength/);
  const m = analyseTree(hostTree(TREE, { [YAML]: (t) => t.replace('mode: ip6gre', 'mode: IP6GRE').replace('remote: 2001:db8:b::1', 'remote: 198.51.100.2') }));
  assert.match(m.of('invalid-value', yamlUri)[0].message, /tunnel mode 'IP6GRE' is not supported.*Did you mean ip6gre\?/);
  const fam = analyseTree(hostTree(TREE, { [YAML]: (t) => t.replace('remote: 2001:db8:b::1', 'remote: 198.51.100.2') }));
  assert.match(fam.of('invalid-value', yamlUri)[0].message, /mode ip6gre needs an IPv6 remote address/);
});

test('the host addresses of cloud-init\'s uplink, and a tunnel without local takes the one of its family with the default route', () => {
  const r = analyseTree(hostTree(TREE, { [YAML]: (t) => t.replace('      local: 2001:db8:a::24\n', '') }));
  const a = dialect.hostAddresses(parsed(r, cloudUri)).map((x) => `${x.device} ${x.address.value}/${x.prefixLength} via ${x.defaultGateway?.value}`);
  assert.deepEqual(a, ['ens3 203.0.113.24/24 via 203.0.113.1', 'ens3 2001:db8:a::24/64 via 2001:db8:a::1']);
  const e = tun10(r);
  assert.equal(e.local?.value, '2001:db8:a::24');
  assert.equal(e.local?.source, 'derived');
  assert.match(e.local!.rule!, /assumed 2001:db8:a::24 of ens3 \(50-cloud-init\.yaml\)/);
  assert.equal(r.of('encaplimit-transport-interop', yamlUri).length, 1, 'still paired with the Cisco');
});

test('line ledger of both files: 0 dropped; read keys are the model, nameservers and match outside', () => {
  const r = analyseTree(hostTree(TREE));
  const cloud = ledger(r, cloudUri);
  assert.equal(cloud.account.dropped, 0);
  const lines = r.files.get(cloudUri)!.split('\n');
  const use = (re: RegExp) => cloud.uses[lines.findIndex((l) => re.test(l))];
  assert.equal(use(/^# This file/), 'trivia');
  assert.equal(use(/^ {4}ethernets:/), 'model');
  assert.equal(use(/- 203\.0\.113\.24\/24/), 'model');
  assert.equal(use(/^ {12}match:/), 'outside');
  assert.equal(use(/macaddress:/), 'outside');
  assert.equal(use(/^ {12}nameservers:/), 'outside');
  assert.equal(use(/- example\.net/), 'outside');
  assert.equal(use(/^ {12}-   to: default/), 'model');
  const tun = ledger(r, yamlUri);
  assert.equal(tun.account.dropped, 0);
  assert.deepEqual(tun.uses, ['trivia', 'model', 'model', 'model', 'model', 'model', 'model', 'model', 'model', 'model', 'model', 'model', 'model', 'model', 'model', 'trivia']);
  const broken = analyseTree(hostTree(TREE, { [YAML]: (t) => t.replace('      ttl: 64', '      ttl: 64: :') }));
  assert.ok(broken.of('syntax-error', yamlUri).length > 0);
  assert.equal(ledger(broken, yamlUri).account.dropped, 0);
  const unknown = analyseTree(hostTree(TREE, { [YAML]: (t) => t.replace('      ttl: 64\n', '      tunable:\n        a: 1\n      ttl: 64\n') }));
  assert.equal(ledger(unknown, yamlUri).account.dropped, 0);
});

test('a same-name file of /run/netplan replaces /etc/netplan\'s: the /etc one is not read', () => {
  const files = hostTree(TREE);
  files.set(hostUri(TREE, 'run/netplan/60-tunnels.yaml'), files.get(yamlUri)!.replace('mtu: 1400', 'mtu: 1380'));
  const r = analyseTree(files);
  assert.match(r.of('config-ignored', yamlUri)[0].message, /has the same name in a later directory/);
  assert.equal(tun10(r).tunnel?.mtu?.value, 1380);
  assert.equal(tun10(r).uri, hostUri(TREE, 'run/netplan/60-tunnels.yaml'));
});

test('hover, completion, symbols and folding', () => {
  const r = analyseTree(hostTree(TREE));
  const file = parsed(r, yamlUri);
  const ctx = r.service.workspace.context();
  const h = dialect.hover!(file, { line: 5, character: 8 }, ctx)!.markdown;
  assert.match(h, /^\*\*mode\*\* The tunnel mode/);
  assert.match(h, /encapsulation limit 0\*\*/);
  assert.match(h, /No netplan key sets the RFC 2473 encapsulation limit.*10-netplan-tun10\.netdev\.d/);
  const modes = dialect.complete!({ ...file, text: file.text.replace('mode: ip6gre', 'mode: ') }, { line: 5, character: 12 }, ctx).map((x) => x.label);
  assert.ok(modes.includes('ip6gre') && modes.includes('ipip6'));
  const keys = dialect.complete!({ ...file, text: file.text.replace('      ttl: 64', '      ') }, { line: 8, character: 6 }, ctx).map((x) => x.label);
  assert.ok(keys.includes('remote') && keys.includes('mtu') && !keys.includes('encaplimit'), keys.join(','));
  assert.deepEqual(file.symbols.map((s) => s.name), ['network']);
  assert.deepEqual(file.symbols[0].children!.map((s) => s.name), ['version', 'tunnels']);
  assert.deepEqual(file.symbols[0].children![1].children!.map((s) => s.name), ['tun10']);
  assert.ok(file.folding.some((f) => f.startLine === 4 && f.endLine === 14));
});

test('WireGuard private keys are listed for redaction and never shown', () => {
  const r = analyseTree(hostTree(TREE, { 'etc/netplan/70-wg.yaml': 'network:\n  version: 2\n  tunnels:\n    wg0:\n      mode: wireguard\n      port: 51820\n      keys:\n        private: TEST-ONLY-wg-private\n' }));
  const f = parsed(r, hostUri(TREE, 'etc/netplan/70-wg.yaml'));
  assert.deepEqual(dialect.secretValues!(f), ['TEST-ONLY-wg-private']);
  assert.ok(!JSON.stringify(f.symbols).includes('TEST-ONLY'));
  assert.match(dialect.hover!(f, { line: 7, character: 10 }, r.service.workspace.context())!.markdown, /hidden/);
});

test('fuzz regressions: a complex `? key`, a document that is no mapping, an empty key (0 dropped, each reported)', () => {
  const cases: [string, string][] = [
    ['network:\n  ethernets:\n    ens3:\n      addresses: [203.0.113.24/24]\n  ? search:\n      - example.net\n    routes:\n    -   to: default\n        via: 203.0.113.1\n  version: 2\n', 'unknown-keyword'],
    ['just a scalar\nover two lines\n', 'invalid-value'],
    ['network:\n  version: 2\n: 1\n', 'unknown-keyword'],
  ];
  for (const [text, code] of cases) {
    const r = analyseTree(hostTree(TREE, { [YAML]: text }));
    assert.ok(r.of(code, yamlUri).length > 0, `${code} for ${JSON.stringify(text)}:\n${show(r.findings)}`);
    assert.equal(ledger(r, yamlUri).account.dropped, 0, JSON.stringify(text));
  }
});
