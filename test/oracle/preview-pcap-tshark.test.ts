// "Export pcap" against the oracle: tshark opens the file the panel writes and decrypts it with the
// esp_sa the panel shows, into the founding case's stack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { samplePcap } from '../../client/src/preview/pcap';
import { foundingCase } from '../webview/fixtures';

test('tshark decrypts the exported pcap with the shown esp_sa', () => {
  assert.ok(existsSync('/usr/bin/tshark'), 'tshark is missing: apt-get install tshark (npm run test:all installs it)');
  const r = foundingCase();
  mkdirSync('test-artifacts/webview', { recursive: true });
  const path = 'test-artifacts/webview/founding-case.pcap';
  writeFileSync(path, samplePcap(r.sample, r.stack.outer));
  const out = spawnSync('tshark', ['-r', path, '-o', 'esp.enable_encryption_decode:TRUE', '-o', 'esp.enable_authentication_check:TRUE', '-o', `uat:esp_sa:${r.sample.sa!.espSa}`, '-T', 'fields', '-e', 'frame.protocols'], { encoding: 'utf8', env: { ...process.env, HOME: '/tmp' } });
  assert.equal(out.status, 0, out.stderr);
  assert.match(out.stdout, /ipv6:ipv6\.dstopts:esp:gre:ip:icmp/);
});
