// Every finding code is documented in docs/checks.md, and every code a check can report is a
// known code with a default severity: codes are a contract (DESIGN), so a new one needs its docs.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ALL_CODES } from '../../server/src/model/findingCodes';
import { CODE_INFO } from '../../server/src/checks/codeInfo';
import { buildRegistry } from '../../server/src/checks/registry';

test('docs/checks.md has one section per finding code', () => {
  const doc = readFileSync(resolve(__dirname, '../../docs/checks.md'), 'utf8');
  const sections = [...doc.matchAll(/^### (\S+)$/gm)].map((m) => m[1]);
  assert.deepEqual([...sections].sort(), [...ALL_CODES].sort());
});

test('every registered check reports a known code', () => {
  const r = buildRegistry();
  for (const code of r.codes()) assert.ok(CODE_INFO[code], code);
  const peer = r.peerChecks().map((c) => c.code);
  assert.equal(new Set(peer).size, peer.length, 'one peer check per code');
  assert.equal(peer.length, 17);
});
