// One set of codes: the code table, docs/checks.md and the registry's emitters. Codes are a
// contract (DESIGN), so a new one needs its table entry, its docs section and an emitter.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ALL_CODES, codeInfo, isConfigCode } from '../../server/src/core/codes';
import { buildRegistry } from '../../server/src/service/registry';

const doc = readFileSync(resolve(__dirname, '../../docs/checks.md'), 'utf8');

test('docs/checks.md has one section per code of the table, and no other', () => {
  const sections = [...doc.matchAll(/^### (\S+)$/gm)].map((m) => m[1]);
  assert.equal(new Set(sections).size, sections.length, 'a code documented twice');
  assert.deepEqual([...sections].sort(), [...ALL_CODES].sort());
});

test('every code of the table has an emitter in the registry, and every emitter declares only table codes', () => {
  const r = buildRegistry();
  const emitted = new Set(r.emitters().flatMap((e) => e.codes));
  const packet = ALL_CODES.filter((c) => codeInfo(c).scope === 'packet');
  // Packet notes are emitted by the codec, which is not a registry of checks: docs and table only.
  assert.deepEqual(ALL_CODES.filter((c) => !emitted.has(c) && !packet.includes(c)), []);
  for (const c of emitted) assert.ok(ALL_CODES.includes(c), c);
});

test('one emitter per cross-peer code: a peer check, or the peer analysis itself (pairing)', () => {
  const r = buildRegistry();
  const peer = [...r.peerChecks().flatMap((c) => c.codes), ...(r.emitters().find((e) => e.id === 'service/pairing')?.codes ?? [])];
  assert.equal(new Set(peer).size, peer.length);
  assert.deepEqual([...peer].sort(), ALL_CODES.filter((c) => codeInfo(c).scope === 'peer').sort());
});

test('the tunnelLens.severity setting in package.json lists exactly the config codes of the table', () => {
  const pkg = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8'));
  const setting = pkg.contributes.configuration.properties['tunnelLens.severity'];
  assert.deepEqual(setting.propertyNames.enum, ALL_CODES.filter(isConfigCode));
  assert.deepEqual(setting.additionalProperties.enum, ['error', 'warning', 'info', 'hint', 'off']);
});
