// The codec reads every capture in ../shared/corpus/pcaps (in place, never copied) into the protocol
// stack tshark prints for it (frame.protocols, cut to the protocols the codec dissects). The
// generated ESP captures are decrypted by both with the SAs of generated/esp_sa.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fromHex } from '../../codec/bytes';
import { nodeCrypto } from '../../codec/crypto-node';
import { ENC_ALGORITHMS, type EncName, type EspSa, INTEG_ALGORITHMS, type IntegName } from '../../codec/espAlgorithms';
import { decodePacket } from '../../codec/packet';
import { readCapture } from '../../codec/pcap';
import { codecStack, comparableTsharkStack } from '../fixtures/codec/cases';

const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'pcaps');
const TSHARK = '/usr/bin/tshark';
const INSTALL = 'apt-get install tshark python3-scapy';

/** Parses tshark esp_sa UAT lines into codec SAs (only the transforms the codec knows). */
function parseEspSa(text: string): EspSa[] {
  const byTshark = (name: string, table: Record<string, { tshark: string; keyLength: number }>, len: number) =>
    Object.entries(table).find(([, v]) => v.tshark === name && v.keyLength === len)?.[0];
  const out: EspSa[] = [];
  for (const line of text.split('\n').filter(Boolean)) {
    const f = [...line.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
    const encKey = fromHex(f[5]) ?? new Uint8Array(0);
    const integKey = fromHex(f[7]) ?? new Uint8Array(0);
    const enc = byTshark(f[4], ENC_ALGORITHMS, encKey.length) as EncName | undefined;
    const integ = byTshark(f[6], INTEG_ALGORITHMS, integKey.length) as IntegName | undefined;
    if (enc && integ) out.push({ spi: parseInt(f[3], 16), enc, encKey, integ, integKey });
  }
  return out;
}

function captures(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? captures(join(dir, e.name)) : /\.pcap(ng)?$/.test(e.name) ? [join(dir, e.name)] : []));
}

test('the codec decodes every corpus capture into the stack tshark prints', () => {
  assert.ok(existsSync(TSHARK), `tshark is missing: ${INSTALL}`);
  assert.ok(existsSync(CORPUS), `corpus not found at ${CORPUS}`);
  const files = captures(CORPUS).sort();
  assert.ok(files.length >= 30, `expected the corpus captures, found ${files.length}`);
  const saFile = join(CORPUS, 'generated', 'esp_sa');
  const saText = readFileSync(saFile, 'utf8');
  const sas = parseEspSa(saText);
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
      for (const line of saText.split('\n').filter(Boolean)) args.push('-o', `uat:esp_sa:${line}`);
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
