// The registry's promises, through the real service: severities follow the user's setting, a
// check that throws or reports an undeclared code becomes an internal-error finding and a log line
// (per-file and cross-peer alike), and the other checks still report.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse, expectFinding, expectNoFinding } from '../helpers/analyse';
import { buildRegistry } from '../../server/src/service/registry';
import { analyse as analyseDocument } from '../../server/src/service/analysis';
import { analysePeers } from '../../server/src/service/peers';
import { DIALECTS } from '../../server/src/languages';
import { PEER_CHECKS } from '../../server/src/checks/peer';
import { PEER_FIXES } from '../../server/src/fixes/peer';
import { DEFAULT_SETTINGS, type AnyDialect } from '../../server/src/core/types';
import { Code } from '../../server/src/core/codes';
import { EMPTY_FS } from '../helpers/memoryFs';
import { readFolder } from '../helpers/memoryFs';
import { resolve } from 'node:path';

const WEAK = '# tunnel-lens: libreswan 4.10\nconn weak\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tike=3des-sha1-modp2048\n\tauthby=secret\n';

test('tunnelLens.severity: a code can be lowered or turned off, the others stay', () => {
  const plain = analyse({ '/s/ipsec.conf': WEAK });
  expectFinding(plain, Code.weakAlgorithm);
  assert.ok(plain.findings.filter((f) => f.code === Code.weakAlgorithm).every((f) => f.severity === 'warning'));
  const lowered = analyse({ '/s/ipsec.conf': WEAK }, { severity: { 'weak-algorithm': 'hint' } });
  assert.ok(lowered.findings.filter((f) => f.code === Code.weakAlgorithm).every((f) => f.severity === 'hint'));
  const off = analyse({ '/s/ipsec.conf': WEAK }, { severity: { 'weak-algorithm': 'off' } });
  expectNoFinding(off, Code.weakAlgorithm);
  assert.equal(off.findings.length, plain.findings.filter((f) => f.code !== Code.weakAlgorithm).length);
});

function withBrokenCheck(dialect: AnyDialect, run: () => void): AnyDialect {
  return { ...dialect, checks: [...(dialect.checks ?? []), { id: `${dialect.id}/broken`, codes: [Code.invalidValue], run }] };
}

test('a per-file check that throws: an internal-error finding and a log line; the other checks still report', () => {
  const conf = DIALECTS.find((d) => d.id === 'ipsec-conf')!;
  const registry = buildRegistry([withBrokenCheck(conf, () => { throw new Error('boom'); })]);
  const log: string[] = [];
  const doc = TextDocument.create('file:///s/ipsec.conf', 'ipsec-conf', 1, WEAK);
  const file = analyseDocument(doc, conf, { settings: DEFAULT_SETTINGS, fs: EMPTY_FS }, registry, undefined, (l) => log.push(l));
  const internal = file.findings.filter((f) => f.code === Code.internalError);
  assert.equal(internal.length, 1);
  assert.match(internal[0].message, /ipsec-conf\/broken.*boom.*bug in Tunnel Lens/);
  assert.ok(file.findings.some((f) => f.code === Code.weakAlgorithm), 'the other checks still ran');
  assert.equal(log.length, 1);
  assert.match(log[0], /internal error while running the check ipsec-conf\/broken/);
});

test('a per-file check that reports a code it did not declare: refused, as an internal error', () => {
  const conf = DIALECTS.find((d) => d.id === 'ipsec-conf')!;
  const r = buildRegistry([withBrokenCheck(conf, () => undefined)]);
  const sneaky = { ...conf, checks: [{ id: 'ipsec-conf/sneaky', codes: [Code.invalidValue], run: (_f: unknown, _c: unknown, report: (x: never) => void) => report({ code: Code.pskMismatch, message: 'x', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } } } as never) }] };
  const doc = TextDocument.create('file:///s/ipsec.conf', 'ipsec-conf', 1, WEAK);
  const file = analyseDocument(doc, sneaky as AnyDialect, { settings: DEFAULT_SETTINGS, fs: EMPTY_FS }, buildRegistry([sneaky as AnyDialect]), undefined);
  assert.ok(!file.findings.some((f) => f.code === Code.pskMismatch));
  const internal = file.findings.find((f) => f.code === Code.internalError);
  assert.ok(internal && /undeclared code psk-mismatch/.test(internal.message));
  assert.equal(internal.range.start.line, 1, 'at the place it reported');
  assert.ok(r.emittersOf(Code.invalidValue).some((e) => e.id === 'ipsec-conf/broken'));
});

test('a peer check that throws is not swallowed: an internal-error finding on the endpoint and a log line', () => {
  const founding = readFolder(resolve(__dirname, '../../samples/founding-case'));
  const a = analyse(founding);
  const files = a.service.workspace.files();
  const broken = { id: 'peer/broken', codes: [Code.mtuMismatch], run: () => { throw new Error('kaput'); } };
  const log: string[] = [];
  const result = analysePeers(files, buildRegistry(DIALECTS, [...PEER_CHECKS, broken], PEER_FIXES), DEFAULT_SETTINGS, a.service.workspace.fs, undefined, (l) => log.push(l));
  const all = [...result.findingsByUri.values()].flat();
  assert.ok(all.some((f) => f.code === Code.internalError && /peer\/broken.*kaput/.test(f.message)));
  assert.ok(all.some((f) => f.code === Code.encaplimitTransportInterop), 'the founding case is still found');
  assert.ok(log.some((l) => /peer\/broken/.test(l)));
});

test('the registry tells who emits a code', () => {
  const r = buildRegistry();
  assert.deepEqual(r.emittersOf(Code.encaplimitTransportInterop).map((e) => e.id), ['peer/encaplimit-transport-interop']);
  assert.ok(r.emittersOf(Code.syntaxError).some((e) => e.kind === 'parser' && e.id === 'ipsec-conf'));
  assert.ok(r.emittersOf(Code.fileTooLarge).some((e) => e.kind === 'service'));
});

test('a lone carriage return ends a line, as in the editor: findings land on the editor line', () => {
  const r = analyse({ '/s/ipsec.conf': '# tunnel-lens: libreswan 4.10\rconn a\r\ttype=tunel\r' });
  const f = expectFinding(r, Code.invalidValue);
  assert.equal(f.range.start.line, 2);
});

test('the dialect comes from the file name and content first: a client that sends one language id for every file is not believed', async () => {
  const { TextDocument: TD } = await import('vscode-languageserver-textdocument');
  const { dialectFor } = await import('../../server/src/service/analysis');
  const as = (uri: string, id: string, text = '') => dialectFor(TD.create(uri, id, 1, text))?.id;
  assert.equal(as('file:///h/etc/ipsec.conf', 'ifcfg', 'conn a\n'), 'ipsec-conf');
  assert.equal(as('file:///h/cisco/r1-confg', 'ifcfg', '!\nversion 15.7\n'), 'cisco-ios');
  assert.equal(as('file:///h/etc/sysconfig/network-scripts/ifcfg-tun10', 'ipsec-conf', 'DEVICE=tun10\n'), 'ifcfg');
  // Nothing in the name or the first lines decides: the client's id, when it is one of ours.
  assert.equal(as('untitled:Untitled-1', 'cisco-ios', 'interface Tunnel0\n'), 'cisco-ios');
  assert.equal(as('file:///h/notes.cfg', 'cisco-ios', 'description only\n'), 'cisco-ios');
  assert.equal(as('file:///h/notes.cfg', 'plaintext', 'description only\n'), undefined);
});
