// ifupdown (/etc/network/interfaces) on the real Debian 12 host tree test/fixtures/hosts/
// debian12-libreswan-ifupdown (its SOURCES.md names every file), paired with the live Cisco
// C897VA config: the founding case read from the layout Debian writes, its fixes, and what classic
// ifupdown and ifupdown-ng do with the options they skip or drop (docs/reference/ifupdown.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dialect, type IfupdownTree } from '../../server/src/languages/ifupdown';
import type { ParsedFile } from '../../server/src/core/types';
import { analyseTree, applyFirst, hostTree, hostUri, ledger, show } from './hosts-helpers';

const TREE = 'debian12-libreswan-ifupdown';
const TUN = 'etc/network/interfaces.d/tun10';
const tunUri = hostUri(TREE, TUN);
const rootUri = hostUri(TREE, 'etc/network/interfaces');
const STOCK_TUN10 = (more: string) => (old: string) => old.replace('\tmtu 1400\n', `\tmtu 1400\n${more}`);

const parsed = (r: ReturnType<typeof analyseTree>, uri: string) => r.service.parse(uri) as ParsedFile<IfupdownTree>;

function tun10(r: ReturnType<typeof analyseTree>) {
  const e = r.service.endpoints().find((x) => x.name === 'tun10' && x.vendor === 'linux');
  assert.ok(e, `no tun10 endpoint:\n${show(r.findings)}`);
  return e;
}

test('debian12 tree: the ifupdown ip6gre tunnel to the Cisco (transport mode) raises encaplimit-transport-interop on its stanza', () => {
  const r = analyseTree(hostTree(TREE));
  const e = tun10(r);
  assert.equal(e.uri, tunUri);
  assert.equal(e.tunnel?.kind.value, 'ip6gre');
  assert.equal(e.tunnel?.encapLimit?.value, 4);
  assert.equal(e.tunnel?.encapLimit?.source, 'default');
  assert.match(e.tunnel!.encapLimit!.rule!, /ip -6 tunnel add tun10 mode ip6gre remote 2001:db8:b::1 local 2001:db8:a::12 ttl 64`, has no encaplimit, so iproute2's default encapsulation limit 4/);
  assert.equal(e.tunnel?.mtu?.value, 1400);
  assert.equal(e.tunnel?.mtu?.source, 'written');
  assert.deepEqual(e.tunnel?.innerAddresses.map((a) => a.value), ['192.0.2.1/30']);
  assert.equal(e.protectedBy?.name, 'gre6-cisco', 'composed with the Libreswan conn of the same tree');
  const [f] = r.of('encaplimit-transport-interop', tunUri);
  assert.ok(f, show(r.findings));
  assert.equal(f.severity, 'error');
  assert.equal(f.range.start.line, 2, 'on `iface tun10 inet6 tunnel`');
  assert.ok(r.of('encaplimit-transport-interop').some((x) => /c897va-confg$/.test(x.uri)), 'and on the router');
  for (const code of ['mtu-mismatch', 'mtu-exceeds-path', 'ipsec-mode-mismatch', 'psk-mismatch', 'protection-mismatch']) assert.deepEqual(r.of(code), [], `${code}:\n${show(r.findings)}`);
});

test('debian12 tree: the quick fix adds `encaplimit none` to the inet6 tunnel stanza, and the fixed tree is clean', () => {
  const files = hostTree(TREE);
  const r = analyseTree(files);
  const after = applyFirst(files, r.of('encaplimit-transport-interop', tunUri)[0], /encaplimit none to the tun10 stanza/);
  assert.match(after.get(tunUri)!, /iface tun10 inet6 tunnel\n\tencaplimit none\n\tmode ip6gre/);
  const again = analyseTree(after);
  assert.deepEqual(again.of('encaplimit-transport-interop'), []);
  const e = tun10(again);
  assert.equal(e.tunnel?.encapLimit?.value, 'none');
  assert.equal(e.tunnel?.encapLimit?.source, 'written');
  assert.equal(e.tunnel?.mtu?.value, 1400);
  const linuxFiles = [...after.keys()].filter((u) => u.includes(`/${TREE}/etc/network/`));
  assert.deepEqual(again.findings.filter((x) => linuxFiles.includes(x.uri)), []);
});

test('debian12 tree: an `up ip link set … encaplimit none` line removes the header, and the MTU the kernel recomputes differs from the Cisco', () => {
  const r = analyseTree(hostTree(TREE, { [TUN]: STOCK_TUN10('\tup ip link set dev $IFACE type ip6gre encaplimit none\n') }));
  const e = tun10(r);
  assert.equal(e.tunnel?.encapLimit?.value, 'none');
  assert.equal(e.tunnel?.encapLimit?.range?.start.line, 8);
  assert.equal(e.tunnel?.mtu?.value, 1456, 'the change recomputes the MTU over the mtu 1400 ifupdown set before it');
  assert.match(e.tunnel!.mtu!.rule!, /overwrites the MTU 1400/);
  assert.deepEqual(r.of('encaplimit-transport-interop'), []);
  assert.ok(r.of('mtu-mismatch', tunUri).length === 1, show(r.findings));
});

test('an ioctl change (`up ip -6 tunnel change`) does not apply to ip6gre: config-ignored, the limit stays 4', () => {
  const r = analyseTree(hostTree(TREE, { [TUN]: STOCK_TUN10('\tup ip -6 tunnel change tun10 encaplimit none\n') }));
  assert.equal(tun10(r).tunnel?.encapLimit?.value, 4);
  const [w] = r.of('config-ignored', tunUri);
  assert.match(w.message, /ioctl change path/);
  assert.equal(w.range.start.line, 8);
  assert.equal(r.of('encaplimit-transport-interop', tunUri).length, 1);
});

test('inet tunnel: no encaplimit option (config-ignored), address/bits without netmask stops ifup (invalid-value)', () => {
  const text = 'iface tun10 inet tunnel\n\tmode ip6gre\n\tendpoint 2001:db8:b::1\n\tlocal 2001:db8:a::12\n\taddress 192.0.2.1/30\n\tencaplimit none\n\tkey 7\n';
  const r = analyseTree(hostTree(TREE, { [TUN]: text }));
  const e = tun10(r);
  assert.equal(e.tunnel?.encapLimit?.value, 4, 'encaplimit is not passed by inet tunnel');
  assert.match(e.tunnel!.encapLimit!.rule!, /the inet tunnel method has no encaplimit option/);
  assert.deepEqual(e.tunnel?.innerAddresses, []);
  const ignored = r.of('config-ignored', tunUri).map((f) => `${f.range.start.line}:${/IF_(\w+)/.exec(f.message)?.[1]}`);
  assert.deepEqual(ignored, ['5:ENCAPLIMIT', '6:KEY']);
  const [bad] = r.of('invalid-value', tunUri);
  assert.match(bad.message, /missing required variable: netmask/);
  assert.equal(bad.range.start.line, 4);
  // The fix for a method without the option is an up line (netlink), with the MTU set again when written.
  const fixed = analyseTree(applyFirst(r.files, r.of('encaplimit-transport-interop', tunUri)[0], /up ip link set dev \$IFACE type ip6gre encaplimit none/));
  assert.equal(tun10(fixed).tunnel?.encapLimit?.value, 'none');
});

test('inet6 tunnel: an address with /bits and no netmask is silently not added; an IPv4 address on ip6gre fails `ip -6 addr add`', () => {
  const r = analyseTree(hostTree(TREE, { [TUN]: 'iface tun10 inet6 tunnel\n\tmode ip6gre\n\tendpoint 2001:db8:b::1\n\tlocal 2001:db8:a::12\n\taddress 2001:db8:ffff::1/64\n' }));
  const [w] = r.of('config-ignored', tunUri);
  assert.equal(w.severity, 'warning');
  assert.match(w.message, /silently adds no address/);
  assert.deepEqual(tun10(r).tunnel?.innerAddresses, []);
  const r2 = analyseTree(hostTree(TREE, { [TUN]: 'iface tun10 inet6 tunnel\n\tmode ip6gre\n\tendpoint 2001:db8:b::1\n\tlocal 2001:db8:a::12\n\taddress 192.0.2.1\n\tnetmask 30\n' }));
  assert.match(r2.of('invalid-value', tunUri)[0].message, /ip -6 addr add.*inet static/);
});

test('an end-of-line comment is part of the value: the shell drops the rest of the command (local and ttl are lost)', () => {
  const r = analyseTree(hostTree(TREE, { [TUN]: (t) => t.replace('endpoint 2001:db8:b::1', 'endpoint 2001:db8:b::1 # the cisco') }));
  const w = r.of('invalid-value', tunUri).find((f) => /end-of-line comments/.test(f.message));
  assert.ok(w, show(r.findings));
  const e = tun10(r);
  assert.equal(e.remote?.value, '2001:db8:b::1');
  assert.match(e.tunnel!.kind.rule!, /runs `ip -6 tunnel add tun10 mode ip6gre remote 2001:db8:b::1 # the cisco local 2001:db8:a::12 ttl 64`/);
  // The `local` word is in the comment: with no local, the tunnel takes the source address towards its remote: assumed from ens3's default route.
  assert.equal(e.local?.value, '2001:db8:a::12');
  assert.equal(e.local?.source, 'derived');
  assert.match(e.local!.rule!, /assumed 2001:db8:a::12 of ens3/);
});

test('mode as the method help spells it (IP6GRE) is rejected by iproute2: no tunnel is made', () => {
  const r = analyseTree(hostTree(TREE, { [TUN]: (t) => t.replace('mode ip6gre', 'mode IP6GRE') }));
  assert.match(r.of('invalid-value', tunUri)[0].message, /does not know tunnel mode "IP6GRE"/);
  assert.equal(r.service.endpoints().find((x) => x.name === 'tun10' && x.vendor === 'linux' && x.tunnel?.kind.source !== 'derived'), undefined);
});

test('a missing required option: ifup fails and creates nothing', () => {
  const r = analyseTree(hostTree(TREE, { [TUN]: (t) => t.replace('\tendpoint 2001:db8:b::1\n', '') }));
  assert.match(r.of('invalid-value', tunUri)[0].message, /missing required variable: endpoint/);
});

test('ifupdown-ng: the classic `encaplimit none` is dropped (config-ignored, the limit stays 4); tunnel-encaplimit none works', () => {
  const ng = hostTree(TREE, { 'etc/network/ifupdown-ng.conf': 'auto_executor_selection = 1\n', 'etc/network/interfaces': (t) => t.replace('source /etc/network/interfaces.d/*', 'source /etc/network/interfaces.d/tun10'), [TUN]: STOCK_TUN10('\tencaplimit none\n') });
  const r = analyseTree(ng);
  const e = tun10(r);
  assert.equal(e.tunnel?.encapLimit?.value, 4);
  assert.match(e.tunnel!.kind.rule!, /ifupdown-ng runs `ip -6 tunnel add tun10 mode ip6gre local '2001:db8:a::12' remote '2001:db8:b::1' ttl '64'`/);
  const [w] = r.of('config-ignored', tunUri);
  assert.match(w.message, /ifupdown-ng does not read `encaplimit`/);
  assert.equal(w.range.start.line, 8);
  assert.equal(r.of('encaplimit-transport-interop', tunUri).length, 1);
  const fixed = analyseTree(applyFirst(ng, r.of('encaplimit-transport-interop', tunUri)[0], /tunnel-encaplimit none/));
  assert.equal(tun10(fixed).tunnel?.encapLimit?.value, 'none');
  assert.deepEqual(fixed.of('encaplimit-transport-interop'), []);
});

test('ifupdown-ng reads `source` literally: the stock `source /etc/network/interfaces.d/*` fails the whole parse (version-incompatible)', () => {
  const r = analyseTree(hostTree(TREE, { 'etc/network/ifupdown-ng.conf': 'auto_executor_selection = 1\n' }));
  const [f] = r.of('version-incompatible', rootUri);
  assert.equal(f.severity, 'error');
  assert.equal(f.range.start.line, 3);
  assert.match(f.message, /reads `source` literally/);
  // classic ifupdown: the same line reads interfaces.d/tun10, and an unmatched pattern is silent
  const c = analyseTree(hostTree(TREE, { [TUN]: null }));
  assert.deepEqual(c.of('undefined-reference', rootUri), []);
  const lit = analyseTree(hostTree(TREE, { 'etc/network/interfaces': (t) => t.replace('interfaces.d/*', 'interfaces.d/tun11') }));
  assert.equal(lit.of('undefined-reference', rootUri)[0].severity, 'info');
});

test('source-directory reads only names of letters, digits, - and _: tun10.cfg is not configured and gives no tunnel', () => {
  const files = hostTree(TREE, { 'etc/network/interfaces': (t) => t.replace('source /etc/network/interfaces.d/*', 'source-directory /etc/network/interfaces.d') });
  const text = files.get(tunUri)!;
  files.delete(tunUri);
  files.set(hostUri(TREE, 'etc/network/interfaces.d/tun10.cfg'), text);
  const r = analyseTree(files);
  assert.equal(r.service.endpoints().find((x) => x.name === 'tun10' && x.vendor === 'linux'), undefined);
  assert.match(r.of('config-ignored', hostUri(TREE, 'etc/network/interfaces.d/tun10.cfg'))[0].message, /does not read this file/);
});

test('the host addresses: ens3 with its default routes (for %defaultroute and pairing)', () => {
  const r = analyseTree(hostTree(TREE));
  const file = parsed(r, rootUri);
  const a = dialect.hostAddresses(file).map((x) => `${x.device} ${x.address.value}/${x.prefixLength} via ${x.defaultGateway?.value}`);
  assert.deepEqual(a, ['ens3 203.0.113.12/24 via 203.0.113.1', 'ens3 2001:db8:a::12/64 via 2001:db8:a::1']);
  assert.deepEqual(dialect.hostAddresses(parsed(r, tunUri)), [], 'a tunnel\'s own addresses are not the host\'s');
});

test('line ledger of the tree: 0 dropped; stanzas and read options are the model, dns-* and auto outside', () => {
  const r = analyseTree(hostTree(TREE));
  const root = ledger(r, rootUri);
  assert.equal(root.account.dropped, 0);
  assert.deepEqual(root.uses.slice(0, 14), ['trivia', 'trivia', 'trivia', 'model', 'trivia', 'trivia', 'outside', 'model', 'trivia', 'trivia', 'outside', 'model', 'model', 'model']);
  assert.equal(root.uses[14], 'trivia', 'a comment line inside a stanza');
  assert.equal(root.uses[15], 'outside', 'dns-nameservers (resolvconf)');
  const tun = ledger(r, tunUri);
  assert.equal(tun.account.dropped, 0);
  assert.deepEqual(tun.uses.slice(0, 9), ['trivia', 'outside', 'model', 'model', 'model', 'model', 'model', 'model', 'trivia']);
  const cont = analyseTree(hostTree(TREE, { [TUN]: STOCK_TUN10('\tup ip link set dev $IFACE \\\n\t  type ip6gre encaplimit none\n\tmisspelt-option 1\n') }));
  const l = ledger(cont, tunUri);
  assert.deepEqual(l.uses.slice(8, 11), ['model', 'continued', 'outside']);
  assert.equal(tun10(cont).tunnel?.encapLimit?.value, 'none', 'a continued up line is one command');
});

test('a misplaced option: ifupdown reads none of the file (syntax-error); `iface` without family and method too', () => {
  const r = analyseTree(hostTree(TREE, { [TUN]: 'mtu 1400\niface tun10\n' }));
  assert.deepEqual(r.of('syntax-error', tunUri).map((f) => f.range.start.line), [0, 1]);
  assert.equal(ledger(r, tunUri).account.dropped, 0);
});

test('hover, completion, symbols and folding', () => {
  const r = analyseTree(hostTree(TREE));
  const file = parsed(r, tunUri);
  const h = dialect.hover!(file, { line: 2, character: 2 }, r.service.workspace.context())!.markdown;
  assert.match(h, /ifupdown runs `ip -6 tunnel add tun10 mode ip6gre remote 2001:db8:b::1 local 2001:db8:a::12 ttl 64`/);
  assert.match(h, /encapsulation limit 4\*\*/);
  const o = dialect.hover!(file, { line: 7, character: 2 }, r.service.workspace.context())!.markdown;
  assert.match(o, /^\*\*mtu\*\* MTU: `ip link set IFACE up mtu N`/);
  const src = dialect.hover!(parsed(r, rootUri), { line: 3, character: 2 }, r.service.workspace.context())!.markdown;
  assert.match(src, /reads `tun10`/);
  const c = dialect.complete!(file, { line: 8, character: 1 }, r.service.workspace.context()).map((x) => x.label);
  assert.ok(c.includes('encaplimit') && c.includes('up'), c.join(','));
  const v = dialect.complete!({ ...file, text: file.text.replace('\tmtu 1400\n', '\tmtu 1400\n\tencaplimit \n') }, { line: 8, character: 12 }, r.service.workspace.context()).map((x) => x.label);
  assert.deepEqual(v, ['none', '4']);
  assert.deepEqual(file.symbols.map((s) => s.name), ['iface tun10 inet6 tunnel', 'iface tun10 inet static']);
  assert.deepEqual(file.folding.map((f) => [f.startLine, f.endLine]), [[2, 7], [9, 11]]);
  assert.deepEqual(parsed(r, rootUri).references.map((x) => x.targetUris), [[tunUri]]);
  assert.deepEqual(file.dependencies[0], rootUri, 'a change of the root re-reads the sourced file');
});

test('secrets of other packages (wpa-psk) are listed for redaction and never shown', () => {
  const r = analyseTree(hostTree(TREE, { 'etc/network/interfaces': (t) => `${t}\niface wlan0 inet dhcp\n\twpa-ssid lab\n\twpa-psk TEST-ONLY-wifi-secret\n` }));
  const file = parsed(r, rootUri);
  assert.deepEqual(dialect.secretValues!(file), ['TEST-ONLY-wifi-secret']);
  const line = file.text.split('\n').findIndex((l) => l.includes('wpa-psk'));
  const h = dialect.hover!(file, { line, character: 12 }, r.service.workspace.context())!.markdown;
  assert.ok(!h.includes('TEST-ONLY') && /hidden/.test(h));
  assert.ok(!JSON.stringify(file.symbols).includes('TEST-ONLY'));
});

test('fuzz regressions: an option without a value, a lone backslash, a continuation that brings a misplaced option (0 dropped, no crash)', () => {
  const cases = [
    'iface tun10 inet tunnel\r\n\tmode ip6gre\r\n\tendpoint 2001:db8:b::1\r\n\taddress\r\n',
    'iface tun10 inet manual\n\\\n\n',
    'source-directory interfaces.d\n\\\r\n\t  encaplimit none\r\n',
  ];
  for (const text of cases) {
    const r = analyseTree(hostTree(TREE, { [TUN]: text }));
    assert.deepEqual(r.of('internal-error'), [], text);
    assert.equal(ledger(r, tunUri).account.dropped, 0, JSON.stringify(text));
  }
});
