// Hosts as they are: `left=%defaultroute` conns tie to their tunnel (or pair by the remote, the
// local assumed); a tunnel protected on one end only is an error; two configs matching one end are
// ambiguous, and the fix that names the peer resolves it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyse, expectFinding, expectNoFinding } from '../helpers/analyse';
import { readFolder } from '../helpers/memoryFs';
import { applyFix } from '../helpers/memoryWorkspace';
import { Code } from '../../server/src/core/codes';
import { pathToUri } from '../../server/src/core/uri';
import { runCli } from '../helpers/cli';

const FOUNDING = resolve(__dirname, '../../samples/founding-case');
const withDefaultroute = (files: Map<string, string>) => {
  const out = new Map(files);
  const conf = pathToUri(`${FOUNDING}/linux/ipsec.conf`);
  out.set(conf, out.get(conf)!.replace('left=2001:db8:a::1', 'left=%defaultroute').replace('\tleftid=2001:db8:a::1\n', ''));
  return out;
};

test('left=%defaultroute: the conn is tied to its tunnel by the remote address, so the founding case is still found', () => {
  const r = analyse(withDefaultroute(readFolder(FOUNDING)));
  expectFinding(r, Code.encaplimitTransportInterop);
  expectNoFinding(r, Code.protectionMismatch);
  const tun = r.service.endpoints().find((e) => e.name === 'tun10')!;
  assert.equal(tun.protectedBy?.name, 'cisco-gre6');
  assert.equal(tun.protectedBy?.local?.value, '2001:db8:a::1');
  assert.match(tun.protectedBy?.local?.rule ?? '', /%defaultroute: assumed 2001:db8:a::1, the local address of tun10/);
});

test('left=%defaultroute with no tunnel device: paired by the remote, the local assumed from the peer; its proposals are checked', () => {
  const files = withDefaultroute(readFolder(FOUNDING));
  files.delete(pathToUri(`${FOUNDING}/linux/ifcfg-tun10`));
  const conf = pathToUri(`${FOUNDING}/linux/ipsec.conf`);
  // An ESP proposal the router does not offer: must be reported, not skipped because the local is unknown.
  files.set(conf, files.get(conf)!.replace('esp=aes128-sha1;modp2048', 'esp=aes256-sha2_512;modp2048'));
  const r = analyse(files);
  expectFinding(r, Code.espProposalMismatch, undefined, conf);
  const conn = r.service.endpoints().find((e) => e.name === 'cisco-gre6')!;
  assert.match(conn.local?.rule ?? '', /assumed 2001:db8:a::1, the address Tunnel20 points at/);
  assert.equal(r.service.pairs().length, 1);
});

test('protection-mismatch: a router that protects the tunnel, a Linux GRE with no conn; the CLI exits 1', () => {
  const files = readFolder(FOUNDING);
  files.delete(pathToUri(`${FOUNDING}/linux/ipsec.conf`));
  const r = analyse(files);
  const f = expectFinding(r, Code.protectionMismatch, undefined, pathToUri(`${FOUNDING}/linux/ifcfg-tun10`));
  assert.equal(f.severity, 'error');
  assert.ok(f.related.some((x) => x.uri.endsWith('c897va-confg')));
  const cli = runCli(['check', resolve(__dirname, '../../samples/pairs/protection-mismatch/ifcfg-ios')]);
  assert.equal(cli.code, 1, cli.stdout);
  assert.match(cli.stdout, /\[protection-mismatch\]/);
});

test('pairing-ambiguous: none of the candidates is checked; the quick fix writes tunnel-lens.json and the choice is then checked', () => {
  const files = readFolder(FOUNDING);
  const cisco = pathToUri(`${FOUNDING}/cisco/c897va-confg`);
  const archive = pathToUri(`${FOUNDING}/cisco/c897va-2024-01-15-confg`);
  files.set(archive, readFileSync(`${FOUNDING}/cisco/c897va-confg`, 'utf8'));
  const r = analyse(files);
  const f = expectFinding(r, Code.pairingAmbiguous, undefined, pathToUri(`${FOUNDING}/linux/ifcfg-tun10`));
  assert.equal(f.related.length, 2);
  expectNoFinding(r, Code.encaplimitTransportInterop);
  assert.equal(r.service.pairs().length, 0);
  const fix = f.fixes.find((x) => x.title.includes('../cisco/c897va-confg'))!;
  assert.ok(fix, f.fixes.map((x) => x.title).join(' | '));
  const after = analyse(applyFix(files, fix));
  expectNoFinding(after, Code.pairingAmbiguous, pathToUri(`${FOUNDING}/linux/ifcfg-tun10`));
  expectFinding(after, Code.encaplimitTransportInterop, undefined, cisco);
  const json = JSON.parse(after.files.get(pathToUri(`${FOUNDING}/tunnel-lens.json`))!);
  assert.deepEqual(json.pairs.at(-1), { a: 'linux/ifcfg-tun10#tun10', b: 'cisco/c897va-confg#Tunnel20' });
});

test('archived copies beside live configs are not configs: gre6.conf.bak, ipsec.conf.rpmnew, interfaces.dpkg-old', async () => {
  const { detectDialect } = await import('../../server/src/languages');
  for (const p of ['/etc/ipsec.d/gre6.conf.bak', '/etc/ipsec.conf.rpmnew', '/etc/ipsec.secrets.rpmsave', '/etc/network/interfaces.dpkg-old', '/etc/sysconfig/network-scripts/ifcfg-tun10~', '/r/c897va-confg.orig']) {
    assert.equal(detectDialect(p, 'conn gre6\n\tleft=%defaultroute\n'), undefined, p);
  }
  assert.equal(detectDialect('/etc/ipsec.d/gre6.conf', 'conn gre6\n')?.id, 'ipsec-conf');
  // The RHEL host of the fixtures keeps gre6.conf.bak beside gre6.conf: one conn, so no ambiguity.
  const r = analyse(readFolder(resolve(__dirname, '../fixtures/hosts/rhel9-libreswan')));
  expectNoFinding(r, Code.pairingAmbiguous);
});
