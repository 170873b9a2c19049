// What ESP tunnel mode costs the founding case, as docs/checks.md says it, held to the codec, the
// `layout` command and the quick fix's title: 40 bytes more header, 32 bytes less inner MTU.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FOUNDING_CASE_STACK, maxInnerPacket, wireLength } from '../../codec';
import { REPO, runCli } from '../helpers/cli';

const transport = { ...FOUNDING_CASE_STACK };
const tunnel = { ...FOUNDING_CASE_STACK, esp: 'tunnel' as const };
/** The overhead of the largest packet that fits a 1500-byte path (what `layout` calls overheadBytes). */
const overhead = (s: typeof transport) => wireLength(s, maxInnerPacket(s, 1500)) - maxInnerPacket(s, 1500);

function layoutJson(esp: string): { overheadBytes: number; maxInnerPacket: number; packetLength: number } {
  const r = runCli(['layout', '--outer', 'ipv6', '--encaplimit', '4', '--esp', esp, '--enc', 'aes-cbc-128', '--integ', 'hmac-sha1-96', '--encap', 'gre', '--inner', 'ipv4', '--path-mtu', '1500', '--format', 'json']);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return JSON.parse(r.stdout);
}

test('tunnel mode: 40 bytes more header, 32 bytes less inner MTU (1370 instead of 1402), in the codec and in `layout`', () => {
  assert.equal(overhead(tunnel) - overhead(transport), 40, 'one more IPv6 header');
  assert.equal(maxInnerPacket(transport, 1500), 1402);
  assert.equal(maxInnerPacket(tunnel, 1500), 1370);
  const t = layoutJson('transport');
  const u = layoutJson('tunnel');
  assert.equal(t.maxInnerPacket, 1402);
  assert.equal(u.maxInnerPacket, 1370);
  assert.equal(t.packetLength, 1492, 'the largest transport packet leaves 8 bytes of the path unused');
  assert.equal(u.packetLength, 1500);
  assert.equal(u.overheadBytes - t.overheadBytes, 40);
});

test('docs/checks.md says what the codec computes about tunnel mode, and no longer "40 more bytes" of MTU', () => {
  const doc = readFileSync(resolve(REPO, 'docs/checks.md'), 'utf8').replace(/\s+/g, ' ');
  const section = doc.slice(doc.indexOf('### encaplimit-transport-interop'), doc.indexOf('### mtu-exceeds-path'));
  assert.ok(section.length > 100);
  assert.doesNotMatch(section, /40 more bytes/);
  const header = overhead(tunnel) - overhead(transport);
  const mtuCost = maxInnerPacket(transport, 1500) - maxInnerPacket(tunnel, 1500);
  assert.match(section, new RegExp(`adds a ${header}-byte IPv6 header`));
  assert.match(section, new RegExp(`${overhead(tunnel)} bytes of overhead instead of ${overhead(transport)}`));
  assert.match(section, new RegExp(`drops by ${mtuCost} bytes, to ${maxInnerPacket(tunnel, 1500)} instead of ${maxInnerPacket(transport, 1500)}`));
  assert.match(section, new RegExp(`"costs ${mtuCost} bytes"`));
});

test('the quick fix "Switch both peers to ESP tunnel mode" names the same cost', () => {
  const r = runCli(['check', 'samples/founding-case']);
  assert.match(r.stdout, new RegExp(`Switch both peers to ESP tunnel mode \\(costs ${maxInnerPacket(transport, 1500) - maxInnerPacket(tunnel, 1500)} bytes: largest inner packet 1370 instead of 1402\\)`));
});
