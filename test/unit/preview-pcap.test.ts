// "Export pcap": the file the panel writes holds the server's encrypted sample, framed in Ethernet;
// the codec reads it back and decrypts it with the SA the panel shows, and so does tshark when it
// is installed (the oracle tier installs it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { samplePcap } from '../../client/src/preview/pcap';
import { decodePacket, fromHex, readPcap, type EspSa } from '../../codec';
import { nodeCrypto } from '../../codec/crypto-node';
import { foundingCase } from '../webview/fixtures';

test('the exported pcap holds the encrypted sample and decrypts with the shown SA', () => {
  const r = foundingCase();
  const file = samplePcap(r.sample, r.stack.outer);
  const cap = readPcap(file);
  assert.deepEqual(cap.errors, []);
  assert.equal(cap.packets.length, 1);
  assert.equal(cap.packets[0].linkType, 1);
  assert.equal(cap.packets[0].data.length, 14 + r.sample.packetLength);
  const sa = r.sample.sa!;
  const esp: EspSa = { spi: Number(sa.spi), enc: sa.enc, encKey: fromHex(sa.encKey)!, integ: sa.integ, integKey: fromHex(sa.integKey)! };
  const d = decodePacket(cap.packets[0].data, 1, { sas: [esp], crypto: nodeCrypto });
  assert.equal(d.esp?.decrypted, true);
  assert.equal(d.esp?.icvGood, true);
  assert.deepEqual(d.layers.map((l) => l.name).slice(0, 6), ['Ethernet', 'IPv6', 'Destination Options', 'ESP', 'GRE', 'IPv4']);
});

test('tshark decrypts the exported pcap with the shown esp_sa', { skip: !existsSync('/usr/bin/tshark') && 'tshark not installed (apt-get install tshark)' }, () => {
  const r = foundingCase();
  mkdirSync('test-artifacts/webview', { recursive: true });
  const path = 'test-artifacts/webview/founding-case.pcap';
  writeFileSync(path, samplePcap(r.sample, r.stack.outer));
  const out = spawnSync('tshark', ['-r', path, '-o', 'esp.enable_encryption_decode:TRUE', '-o', 'esp.enable_authentication_check:TRUE', '-o', `uat:esp_sa:${r.sample.sa!.espSa}`, '-T', 'fields', '-e', 'frame.protocols'], { encoding: 'utf8', env: { ...process.env, HOME: '/tmp' } });
  assert.equal(out.status, 0, out.stderr);
  assert.match(out.stdout, /ipv6:ipv6\.dstopts:esp:gre:ip:icmp/);
});
