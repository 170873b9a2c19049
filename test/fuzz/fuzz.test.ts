// Seeded fuzzing in the test tiers (deterministic: same seed, same cases): mutations of the corpus,
// the samples and the fixtures for every dialect, and of the corpus pcaps, through the whole
// language service and the decoder; then fuzzed documents through the real stdio server; and the
// size limit (tunnelLens.maxFileSize). bench/fuzz.ts runs the same harness at 100,000 cases per dialect.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { LanguageService } from '../../server/src/service/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/core/types';
import { startServer } from '../helpers/lspClient';
import { DIALECT_IDS, fuzzDialect, fuzzPcap, loadPcapSeeds, loadSeeds, mutate, prng } from './harness';

const SEED = 0x7e11;
const PER_DIALECT = Math.ceil(5000 / DIALECT_IDS.length);
// Seeds cut to 6,000 characters keep the tier near 30 s; bench/fuzz.ts uses them whole.
const seeds = Object.fromEntries(Object.entries(loadSeeds()).map(([d, list]) => [d, list.map((t) => t.slice(0, 6000))])) as ReturnType<typeof loadSeeds>;
const brief = (f: { case: number; what: string; input: string }) => `case ${f.case}: ${f.what}\n${JSON.stringify(f.input.slice(0, 300))}`;

for (const d of DIALECT_IDS) {
  test(`fuzz ${d}: ${PER_DIALECT} seeded mutations through every feature, nothing escapes, nothing over 1 s`, () => {
    assert.ok(seeds[d].length > 0, `no seeds for ${d}`);
    const r = fuzzDialect(d, seeds[d], PER_DIALECT, SEED);
    assert.deepEqual(r.failures.map(brief), []);
  });
}

test('fuzz the pcap reader and decoder: 2,000 mutated captures and random bytes', () => {
  const r = fuzzPcap(loadPcapSeeds(), 2000, SEED);
  assert.deepEqual(r.failures.map((f) => `case ${f.case}: ${f.what}`), []);
  assert.ok(r.packets > 1000, `only ${r.packets} packets decoded`);
});

test('fuzzed documents do not stop the stdio server from answering', async () => {
  const s = await startServer();
  try {
    const rnd = prng(SEED);
    const ids = [...DIALECT_IDS];
    for (let i = 0; i < 28; i++) {
      const d = ids[i % ids.length];
      const pool = seeds[d];
      const text = mutate(pool[Math.floor(rnd() * pool.length)], rnd, pool);
      const uri = `file:///tmp/tl-fuzz-proto/${i}/${d === 'cisco-ios' ? 'r-confg' : d === 'ifcfg' ? 'ifcfg-t' : d === 'shellscript' ? 'ifup-local' : d === 'systemd-netdev' ? 't.netdev' : d === 'nm-connection' ? 't.nmconnection' : d === 'ipsec-secrets' ? 'ipsec.secrets' : 'ipsec.conf'}`;
      const diags = await s.open(uri, text, d);
      assert.ok(Array.isArray(diags));
      await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: Math.floor(rnd() * 20), character: Math.floor(rnd() * 30) } });
    }
    const uri = 'file:///tmp/tl-fuzz-proto/last/ipsec.conf';
    await s.open(uri, 'conn a\n\tauthby=secret\n', 'ipsec-conf');
    const hover = await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 3 } });
    assert.ok(hover && JSON.stringify(hover).length > 10, 'the server still answers a hover');
    assert.equal(s.proc.exitCode, null);
  } finally {
    await s.stop();
  }
});

test('a file over tunnelLens.maxFileSize gets one finding saying it was not analysed', () => {
  for (const [maxFileSize, size] of [[1024, 5000], [DEFAULT_SETTINGS.maxFileSize, DEFAULT_SETTINGS.maxFileSize + 10]] as const) {
    const service = new LanguageService({ fs: { readFile: () => undefined, readDirectory: () => undefined }, settings: () => ({ ...DEFAULT_SETTINGS, maxFileSize }) });
    const line = 'conn x\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tesp=3des-md5\n';
    const text = line.repeat(Math.ceil(size / line.length));
    const uri = 'file:///big/ipsec.conf';
    service.workspace.openDocument(TextDocument.create(uri, 'ipsec-conf', 1, text));
    const f = service.findings(uri);
    assert.equal(f.length, 1, JSON.stringify(f.map((x) => x.code)));
    assert.equal(f[0].code, 'file-too-large');
    assert.match(f[0].message, /Not analysed/);
    assert.match(f[0].message, /tunnelLens\.maxFileSize/);
    assert.deepEqual(service.symbols(uri), []);
    assert.equal(service.hover(uri, { line: 3, character: 6 }), null);
    // Just under the limit it is analysed.
    if (maxFileSize < 1e6) {
      service.workspace.openDocument(TextDocument.create(uri, 'ipsec-conf', 2, text.slice(0, maxFileSize - 100)));
      assert.ok(!service.findings(uri).some((x) => x.code === 'file-too-large'));
    }
  }
});

test('through the server: a file over the size limit gets the one not-analysed diagnostic', async () => {
  const s = await startServer({ settings: { maxFileSize: 2048 } });
  try {
    const uri = 'file:///tmp/tl-fuzz-big/ipsec.conf';
    const diags = await s.open(uri, 'conn x\n\tleft=192.0.2.1\n\tright=192.0.2.2\n'.repeat(200), 'ipsec-conf');
    assert.deepEqual(diags.map((d) => d.code), ['file-too-large']);
    assert.match(String(diags[0].message), /Not analysed/);
  } finally {
    await s.stop();
  }
});
