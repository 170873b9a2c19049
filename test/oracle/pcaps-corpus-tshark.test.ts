// The codec reads every capture in ../shared/corpus/pcaps (in place, never copied) into the protocol
// stack tshark prints for it (frame.protocols, cut to the protocols the codec dissects). The
// generated ESP captures are decrypted by both with the SAs of generated/esp_sa.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { nodeCrypto } from '../../codec/crypto-node';
import { decodePacket } from '../../codec/packet';
import { readCapture } from '../../codec/pcap';
import { codecStack, comparableTsharkStack } from '../fixtures/codec/cases';
import { corpusCaptures, corpusEspSaLines, parseEspSa, PCAP_CORPUS as CORPUS, TSHARK, TSHARK_INSTALL } from '../helpers/pcapCorpus';

test('the codec decodes every corpus capture into the stack tshark prints', () => {
  assert.ok(existsSync(TSHARK), `tshark is missing: ${TSHARK_INSTALL}`);
  assert.ok(existsSync(CORPUS), `corpus not found at ${CORPUS}`);
  const files = corpusCaptures();
  assert.ok(files.length >= 30, `expected the corpus captures, found ${files.length}`);
  const saLines = corpusEspSaLines();
  const sas = parseEspSa(saLines);
  assert.equal(sas.length, 3);
  let total = 0;
  let agree = 0;
  let decryptedBoth = 0;
  const disagreements: string[] = [];
  const report: string[] = [];
  for (const file of files) {
    const generated = file.includes(`${join('pcaps', 'generated')}`);
    const args = ['-r', file, '-T', 'fields', '-e', 'frame.protocols'];
    if (generated) {
      args.push('-o', 'esp.enable_encryption_decode:TRUE', '-o', 'esp.enable_authentication_check:TRUE');
      for (const line of saLines) args.push('-o', `uat:esp_sa:${line}`);
    }
    const theirs = execFileSync(TSHARK, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 }).split('\n').filter(Boolean);
    const cap = readCapture(readFileSync(file));
    assert.deepEqual(cap.errors, [], `${file}: ${cap.errors.join('; ')}`);
    assert.equal(cap.packets.length, theirs.length, `${file}: packet count`);
    let fileAgree = 0;
    cap.packets.forEach((p, i) => {
      const d = decodePacket(p.data, p.linkType, generated ? { sas, crypto: nodeCrypto } : {});
      const ours = codecStack(d.layers).join(':');
      const want = comparableTsharkStack(theirs[i]).join(':');
      if (d.esp?.decrypted && theirs[i].includes(':esp:')) decryptedBoth++;
      if (ours === want) fileAgree++;
      else if (disagreements.length < 20) disagreements.push(`${file.slice(CORPUS.length + 1)} #${i + 1}: tshark ${want} (${theirs[i]}) vs codec ${ours} ${d.errors.join('; ')}`);
    });
    total += cap.packets.length;
    agree += fileAgree;
    report.push(`  ${file.slice(CORPUS.length + 1)}: ${fileAgree}/${cap.packets.length}`);
  }
  console.log(`pcap corpus agreement: ${agree}/${total} packets in ${files.length} captures (${((100 * agree) / total).toFixed(1)}%); decrypted by both: ${decryptedBoth}\n${report.join('\n')}`);
  assert.deepEqual(disagreements, []);
  assert.ok(decryptedBoth >= 5);
});
