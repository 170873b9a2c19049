// Conformance of the cisco-ios dialect on the public IOS corpus (../shared/corpus/ios, read in
// place, never copied): every file parses without crash or hang, the error-severity findings are
// counted by kind, and 24 files chosen with FEATURES.csv are checked against hand-read values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../fixtures/cisco-ios/parse';
import type { IosTree } from '../../server/src/languages/cisco-ios';
import type { ParsedFile } from '../../server/src/core/types';

const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'ios');
const PER_FILE_LIMIT_MS = 5000;

function load(name: string): ParsedFile & { tree: IosTree } {
  return parseText(readFileSync(join(CORPUS, name), 'utf8'), { uri: `file:///corpus/ios/${encodeURIComponent(name)}` });
}

test('corpus is present', () => {
  assert.ok(existsSync(CORPUS), `corpus not found at ${CORPUS}`);
});

test('all corpus files parse without crash or hang; error findings are counted by kind', () => {
  const files = readdirSync(CORPUS).filter((f) => !f.endsWith('.csv'));
  assert.equal(files.length, 774);
  const slow: string[] = [];
  const errorKinds = new Map<string, number>();
  let errorFiles = 0;
  for (const f of files) {
    const t0 = performance.now();
    const pf = load(f);
    const ms = performance.now() - t0;
    if (ms > 1000) slow.push(`${f} ${ms.toFixed(0)} ms`);
    assert.ok(ms < PER_FILE_LIMIT_MS, `${f} took ${ms.toFixed(0)} ms`);
    const errs = pf.findings.filter((x) => x.severity === 'error');
    if (errs.length) errorFiles++;
    for (const e of errs) errorKinds.set(e.code, (errorKinds.get(e.code) ?? 0) + 1);
  }
  console.log(`ios corpus: ${files.length} files, ${errorFiles} with an error finding; kinds: ${JSON.stringify(Object.fromEntries(errorKinds))}`);
  if (slow.length) console.log(`ios corpus: files over 1 s: ${slow.join(', ')}`);
  // Every error in the corpus is an undefined reference to a crypto object inside the same file
  // (split README snippets, ASA-style or placeholder names in Batfish tests); nothing else.
  assert.deepEqual([...errorKinds.keys()], ['undefined-reference']);
  assert.ok(errorFiles <= 7, `error files: ${errorFiles}`);
});

/** A compact, hand-checkable summary of the extracted objects. */
function summary(pf: ParsedFile & { tree: IosTree }) {
  const c = pf.tree.cfg;
  return {
    ikev2: [...c.ikev2Proposals.values()].map((p) => `${p.name}: ${p.encryption.map((w) => w.text).join(' ')} / ${p.integrity.map((w) => w.text).join(' ')} / ${p.prf.map((w) => w.text).join(' ')} / ${p.group.map((w) => w.text).join(' ')}`),
    isakmp: c.isakmpPolicies.map((p) => `${p.priority}: ${p.encryption?.map((w) => w.text).join(' ') ?? '-'} ${p.hash?.text ?? '-'} ${p.authentication?.text ?? '-'} ${p.group?.text ?? '-'}`),
    ts: [...c.transformSets.values()].map((x) => `${x.name}: ${x.transforms.map((w) => w.text).join(' ')} / ${x.mode ? x.mode.value + (x.mode.require ? ' require' : '') : 'default'}`),
    maps: c.cryptoMaps.map((e) => `${e.ipv6 ? 'ipv6 ' : ''}${e.map} ${e.seq}: ${e.peers.map((w) => w.text).join(' ') || '-'}`),
    tunnels: [...c.interfaces.values()].filter((i) => /^Tunnel/.test(i.name)).map((i) => `${i.name}: ${i.tunnelMode?.words.join(' ') ?? 'default'} ${i.tunnelSource?.text ?? '-'} > ${i.tunnelDestination?.text ?? '-'}`),
  };
}

const FR = (n: string) => `freeRtr__cfg__intop1-${n}.tst.ios-section`;
const IJ = (s: string) => `ImanJowkar__8-1-Tunnel__aparat-tunnels__9-IPsec__${s}__README.md.block1.ios-snippet`;
const BF = (s: string) => `batfish__projects__batfish__src__test__resources__org__batfish__grammar__cisco__${s}`;

// freeRtr IKEv2 interop configs (IOS-XE C8000V, config-mode input closed with `exit`): one proposal,
// one transform set in tunnel mode, one VTI sourced from gigabit1 (1.1.1.2) to 1.1.1.1.
const FREERTR_IKE: [string, string, string, string, string][] = [
  // file, IKEv2 proposal line, transform set, canonical ESP encr, ESP integ
  ['ike201', 'pr1: des / md5 /  / 1', 'ts1: esp-des esp-md5-hmac / tunnel', 'DES_CBC', 'HMAC_MD5_96'],
  ['ike203', 'pr1: 3des / md5 /  / 1', 'ts1: esp-3des esp-md5-hmac / tunnel', '3DES_CBC', 'HMAC_MD5_96'],
  ['ike204', 'pr1: aes-cbc-128 / md5 /  / 1', 'ts1: esp-aes 128 esp-md5-hmac / tunnel', 'AES_CBC_128', 'HMAC_MD5_96'],
  ['ike205', 'pr1: aes-cbc-192 / md5 /  / 1', 'ts1: esp-aes 192 esp-md5-hmac / tunnel', 'AES_CBC_192', 'HMAC_MD5_96'],
  ['ike206', 'pr1: aes-cbc-256 / md5 /  / 1', 'ts1: esp-aes 256 esp-md5-hmac / tunnel', 'AES_CBC_256', 'HMAC_MD5_96'],
  ['ike208', 'pr1: des / sha256 /  / 1', 'ts1: esp-des esp-sha256-hmac / tunnel', 'DES_CBC', 'HMAC_SHA2_256_128'],
  ['ike213', 'pr1: des / md5 /  / 15', 'ts1: esp-des esp-md5-hmac / tunnel', 'DES_CBC', 'HMAC_MD5_96'],
  ['ike216', 'pr1: aes-gcm-128 /  / md5 / 1', 'ts1: esp-gcm 128 / tunnel', 'AES_GCM_16_128', 'NONE'],
  ['ike217', 'pr1: aes-gcm-256 /  / md5 / 1', 'ts1: esp-gcm 256 / tunnel', 'AES_GCM_16_256', 'NONE'],
  ['ike219', 'pr1: des / md5 /  / 20', 'ts1: esp-des esp-md5-hmac / tunnel', 'DES_CBC', 'HMAC_MD5_96'],
];

for (const [n, prop, ts, encr, integ] of FREERTR_IKE) {
  test(`corpus ${FR(n)}: proposal, transform set, VTI`, () => {
    const pf = load(FR(n));
    const s = summary(pf);
    assert.deepEqual(s.ikev2, [prop]);
    assert.deepEqual(s.ts, [ts]);
    assert.deepEqual(s.tunnels, ['Tunnel1: ipsec ipv4 GigabitEthernet1 > 1.1.1.1']);
    const ep = pf.endpoints[0];
    assert.equal(pf.endpoints.length, 1);
    assert.equal(ep.local?.value, '1.1.1.2');
    assert.equal(ep.remote?.value, '1.1.1.1');
    assert.equal(ep.tunnel?.encapsulation.value, 'vti');
    assert.equal(ep.ipsec?.ikeVersion?.value, 2);
    assert.deepEqual(ep.ipsec?.esp?.value, [{ encr: [encr], integ: [integ], prf: [], dh: [] }]);
    assert.equal(ep.ipsec?.mode?.value, 'tunnel');
    assert.equal(ep.ipsec?.saLifetime?.value, 3600);
    assert.equal(ep.ipsec?.ikeLifetime?.value, 3600);
    assert.deepEqual(pf.findings.filter((x) => x.severity === 'error'), []);
  });
}

test('corpus freeRtr ike202: `tunnel mode ipsec ipv4 v6` is the abbreviated v6-overlay', () => {
  const pf = load(FR('ike202'));
  assert.deepEqual(summary(pf).tunnels, ['Tunnel1: ipsec ipv4 v6-overlay GigabitEthernet1 > 1.1.1.1']);
  assert.deepEqual(pf.endpoints[0].tunnel?.innerAddresses.map((a) => a.value), ['4321::2/64']);
  assert.ok(pf.findings.some((x) => x.code === 'version-incompatible' && x.severity === 'warning'));
});

test('corpus freeRtr tun01: gre ip and gre ipv6 tunnels from an abbreviated interface name', () => {
  const pf = load(FR('tun01'));
  assert.deepEqual(summary(pf).tunnels, ['Tunnel1: gre ip GigabitEthernet1 > 1.1.1.1', 'Tunnel2: gre ipv6 GigabitEthernet1 > 1234::1']);
  assert.deepEqual(pf.endpoints.map((e) => [e.name, e.family?.value, e.local?.value, e.remote?.value, e.tunnel?.mtu?.value]), [
    ['Tunnel1', 'ipv4', '1.1.1.2', '1.1.1.1', 1476],
    ['Tunnel2', 'ipv6', '1234::2', '1234::1', 1456],
  ]);
  assert.deepEqual(pf.findings, []);
});

test('corpus ImanJowkar 4 GRE-over-IPsec: `int tun`, edited default proposal, transport, int range', () => {
  const pf = load(IJ('4-GRE-over-IPsec(IKE-ver2-IPsec-profile)'));
  const s = summary(pf);
  assert.deepEqual(s.ikev2, ['default: aes-cbc-256 aes-cbc-192 aes-cbc-128 / sha512 sha384 sha256 /  / 24 21 20']);
  assert.deepEqual(s.ts, ['T-SET: esp-aes esp-sha-hmac / transport']);
  assert.deepEqual(s.tunnels, ['Tunnel1: default 1.1.1.2 > 1.1.4.3', 'Tunnel0: default 1.1.1.2 > 1.1.2.2']);
  for (const ep of pf.endpoints) {
    assert.equal(ep.tunnel?.kind.source, 'default');
    assert.equal(ep.tunnel?.mtu?.value, 1400);
    assert.equal(ep.ipsec?.mode?.value, 'transport');
    assert.equal(ep.ipsec?.pfs?.value, 'MODP2048');
    assert.deepEqual(ep.ipsec?.ike?.value[0].dh, ['DH24', 'DH21', 'DH20']);
  }
});

test('corpus ImanJowkar 5.1 VTI: two ipsec ipv4 tunnels protected through `int range`', () => {
  const pf = load(IJ('5.1-VTI-over-IPSEC(IKE-ver2-IPsec-profile)'));
  assert.deepEqual(summary(pf).tunnels, ['Tunnel0: ipsec ipv4 1.1.1.2 > 1.1.2.2', 'Tunnel1: ipsec ipv4 1.1.1.2 > 1.1.4.3']);
  assert.deepEqual(pf.endpoints.map((e) => [e.tunnel?.encapsulation.value, e.ipsec?.ikeVersion?.value, e.ipsec?.mode?.value]), [['vti', 2, 'transport'], ['vti', 2, 'transport']]);
  assert.deepEqual(pf.findings, []);
});

test('corpus ImanJowkar 0.1 IKEv1 crypto map: policy, key, ACL with wildcards', () => {
  const pf = load(IJ('0.1-Site-to-Site-IPsec(IKEv1_+_cryptomap)'));
  const s = summary(pf);
  assert.deepEqual(s.isakmp, ['10: aes 256 sha512 pre-share 14']);
  assert.deepEqual(s.ts, ['T-SET: esp-aes 128 esp-sha-hmac / tunnel']);
  assert.deepEqual(s.maps, ['C-MAP 10: 1.1.2.2']);
  const ep = pf.endpoints[0];
  assert.equal(ep.localInterface, 'Ethernet0/0');
  assert.deepEqual(ep.ipsec?.trafficSelector?.value, { localSubnets: ['10.10.10.0/24', '10.10.20.0/24'], remoteSubnets: ['10.10.50.0/24'] });
  assert.equal(ep.ipsec?.saLifetime?.value, 3600);
  assert.ok(ep.ipsec?.pskDigest);
});

test('corpus ImanJowkar 0.2 IKEv2 crypto map: proposal through a policy', () => {
  const pf = load(IJ('0.2-Site-to-Site-IPsec(IKEv2_+_cryptomap)'));
  assert.deepEqual(summary(pf).ikev2, ['MYPROPOSAL: aes-cbc-128 aes-cbc-192 aes-cbc-256 / sha384 sha256 /  / 20 16 14']);
  const ep = pf.endpoints[0];
  assert.equal(ep.name, 'crypto map C-MAP 10');
  assert.equal(ep.ipsec?.ikeVersion?.value, 2);
  assert.deepEqual(ep.ipsec?.ike?.value[0].dh, ['DH20', 'MODP4096', 'MODP2048']);
  assert.deepEqual(ep.ipsec?.authLocal?.value, 'psk');
});

test('corpus ImanJowkar 2 GRE-over-IPsec: crypto map entries merge into the GRE tunnels they protect', () => {
  const pf = load(IJ('2-GRE-over-IPsec(IKE-ver1-Crypto-map)'));
  assert.deepEqual(summary(pf).maps, ['C-MAP 10: 1.1.4.3', 'C-MAP 20: 1.1.2.2']);
  assert.deepEqual(pf.endpoints.map((e) => [e.name, e.remote?.value, e.ipsec?.mode?.value, e.ipsec?.trafficSelector?.value.protocol]), [
    ['Tunnel0', '1.1.2.2', 'transport', 47],
    ['Tunnel1', '1.1.4.3', 'transport', 47],
  ]);
});

test('corpus ImanJowkar 1 IPsec-over-GRE: crypto map on the tunnel itself', () => {
  const pf = load(IJ('1-IPsec-over-GRE(IKE-Ver1-Crypto-map)'));
  const map = pf.endpoints.find((e) => e.name === 'crypto map C-MAP 10')!;
  assert.equal(map.localInterface, 'Tunnel0');
  assert.equal(map.local?.value, '172.16.1.11');
  assert.equal(map.remote?.value, '172.16.1.5');
  assert.deepEqual(map.ipsec?.trafficSelector?.value, { localSubnets: ['0.0.0.0/0'], remoteSubnets: ['0.0.0.0/0'] });
});

test('corpus Batfish ios-crypto-ipsec r1 and r2: maps, VTIs, ISAKMP defaults filling unset hash', () => {
  const r1 = load(BF('testrigs__ios-crypto-ipsec__configs__r1'));
  const s1 = summary(r1);
  assert.deepEqual(s1.isakmp, ['12: aes - pre-share 2']);
  assert.deepEqual(s1.ts, ['ts1: esp-aes 256 esp-md5-hmac / tunnel', 'ts2: esp-aes 256 esp-sha-hmac / tunnel']);
  assert.deepEqual(s1.maps, ['mymap 20: 2.3.4.8', 'mysecondmap 20: 2.3.4.11']);
  assert.deepEqual(s1.tunnels, ['Tunnel21: ipsec ipv4 2.3.4.6 > 2.3.4.8']);
  assert.deepEqual(r1.endpoints.map((e) => `${e.name} ${e.local?.value}>${e.remote?.value}`), ['Tunnel21 2.3.4.6>2.3.4.8', 'crypto map mymap 20 2.3.4.6>2.3.4.8', 'crypto map mysecondmap 20 2.3.4.7>2.3.4.11']);
  assert.deepEqual(r1.endpoints[1].ipsec?.ike?.value, [{ encr: ['AES_CBC_128'], integ: ['HMAC_SHA1_96'], prf: ['HMAC_SHA1'], dh: ['MODP1024'] }]);
  assert.equal(r1.endpoints[1].ipsec?.esp?.value.length, 2);
  const r2 = load(BF('testrigs__ios-crypto-ipsec__configs__r2'));
  assert.deepEqual(summary(r2).tunnels, ['Tunnel23: ipsec ipv4 2.3.4.10 > 2.3.4.11', 'Tunnel21: ipsec ipv4 2.3.4.8 > 2.3.4.6']);
  assert.deepEqual(summary(r2).maps, ['mymap 20: 2.3.4.6', 'mysecondmap 20: 2.3.4.11']);
});

test('corpus Batfish ios-crypto-map: static, dynamic-pointer and dynamic entries', () => {
  const pf = load(BF('testconfigs__ios-crypto-map'));
  assert.deepEqual(summary(pf).maps, ['mymap 10: 1.2.3.4', 'mymap 20: 3.4.5.6', 'mymap 30: -', 'mydynamicmap 5: -', 'mydynamicmap 15: -']);
  assert.deepEqual(pf.endpoints.map((e) => e.name), ['Tunnel1', 'Tunnel2', 'crypto map mymap 10', 'crypto map mymap 20']);
});

test('corpus Batfish ios-crypto-map-pfs-dh-group: the last `set pfs` wins', () => {
  const pf = load(BF('testconfigs__ios-crypto-map-pfs-dh-group'));
  assert.equal(pf.endpoints[0].ipsec?.pfs?.value, 'MODP1536');
  // Each line replaces the previous one; only the value in force (group5) is judged.
  assert.deepEqual(pf.findings.filter((x) => x.code === 'weak-algorithm').map((x) => x.range.start.line + 1), [14]);
});

test('corpus banners: text inside a banner never yields objects or findings', () => {
  for (const f of ['batfish__tests__parsing-tests__networks__unit-tests__configs__ios_banner', BF('testconfigs__ios_banner'), 'ciscoconfparse__tests__fixtures__configs__sample_01.ios']) {
    const pf = load(f);
    const blocks = pf.tree.parse.blocks.filter((b) => b.kind === 'banner');
    assert.ok(blocks.length > 0, f);
    for (const b of blocks) {
      const inside = (line: number) => line > b.startLine && line <= b.endLine;
      assert.ok(!pf.tree.parse.nodes.some((n) => inside(n.line)), `${f}: a command inside the banner at ${b.startLine}`);
      assert.ok(!pf.findings.some((x) => inside(x.range.start.line)), `${f}: a finding inside the banner`);
    }
  }
});

test('corpus certificates: hex blocks up to quit are skipped in Batfish cisco_crypto', () => {
  const pf = load('batfish__tests__parsing-tests__networks__unit-tests__configs__cisco_crypto');
  const certs = pf.tree.parse.blocks.filter((b) => b.kind === 'certificate');
  // Hand-counted: three `crypto ca certificate chain` blocks at the top, `fff` and `ggg` at the end.
  assert.deepEqual(certs.map((b) => [b.startLine + 1, b.endLine + 1]), [[5, 27], [30, 45], [47, 70], [249, 251], [254, 273]]);
  assert.ok(pf.tree.parse.blocks.some((b) => b.kind === 'key-string' && b.startLine + 1 === 205 && b.endLine + 1 === 216));
  for (const b of pf.tree.parse.blocks) assert.ok(!pf.findings.some((x) => x.range.start.line > b.startLine && x.range.start.line <= b.endLine));
  assert.equal(pf.tree.cfg.hostname?.text, 'cisco_crypto');
});

test('corpus Batfish hybrid-cloud-aws lhr-border-02: keyrings whose first line is local-address keep their keys', () => {
  const pf = load('batfish__networks__hybrid-cloud-aws__configs__lhr-border-02.cfg');
  assert.deepEqual([...pf.tree.cfg.keyrings.values()].map((k) => [k.name, k.keys.map((e) => e.address)]), [
    ['keyring-vpn-ba2e34a8-0', ['52.27.166.152/32']],
    ['keyring-vpn-ba2e34a8-1', ['52.39.121.126/32']],
  ]);
  // The VTIs to AWS take their key through the ISAKMP profile's keyring.
  assert.deepEqual(pf.endpoints.filter((e) => /^Tunnel/.test(e.name)).map((e) => [e.name, !!e.ipsec?.pskDigest]), [['Tunnel1', true], ['Tunnel2', true]]);
});
