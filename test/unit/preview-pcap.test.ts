// "Export pcap": the file the panel writes holds the server's encrypted sample, framed in Ethernet;
// the codec reads it back and decrypts it with the SA the panel shows (tshark does too:
// test/oracle/preview-pcap-tshark.test.ts, in the system tier).
import { test } from 'node:test';
import assert from 'node:assert/strict';

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

