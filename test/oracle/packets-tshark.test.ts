// tshark (Wireshark 4.0) dissects what the codec writes: every oracle case (all tunnel stacks × all
// ESP transforms + extension-header/UDP/TCP/ICMPv6 packets) in one pcap and one pcapng. With the
// SAs in an esp_sa UAT file tshark must decrypt every ESP packet with a good ICV, find the same
// layers as the codec's decoder, the same ESP trailer, and every checksum good.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { toHex } from '../../codec/bytes';
import { nodeCrypto } from '../../codec/crypto-node';
import { tsharkEspSa } from '../../codec/layout';
import { decodePacket, encodeStack, LINKTYPE } from '../../codec/packet';
import { readCapture, writePcap } from '../../codec/pcap';
import { writePcapng } from '../../codec/pcapng';
import { codecStack, comparableTsharkStack, oracleCases } from '../fixtures/codec/cases';

const TSHARK = '/usr/bin/tshark';
const INSTALL = 'apt-get install tshark python3-scapy';
const FIELDS = ['frame.number', 'frame.protocols', 'esp.spi', 'esp.icv_good', 'esp.pad_len', 'esp.protocol', 'ip.checksum.status', 'udp.checksum.status', 'tcp.checksum.status', 'icmp.checksum.status', 'icmpv6.checksum.status', 'gre.checksum.status', 'ipv6.opt.tel', 'gre.key', '_ws.malformed'];

function tshark(file: string, xdg: string, extra: string[] = []): string[][] {
  const args = ['-r', file, '-o', 'esp.enable_encryption_decode:TRUE', '-o', 'esp.enable_authentication_check:TRUE', '-o', 'ip.check_checksum:TRUE', '-o', 'udp.check_checksum:TRUE', '-o', 'tcp.check_checksum:TRUE', '-T', 'fields', '-E', 'separator=/t', '-E', 'occurrence=a', '-E', 'aggregator=,', ...FIELDS.flatMap((f) => ['-e', f]), ...extra];
  const out = execFileSync(TSHARK, args, { encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: xdg }, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
  return out.split('\n').filter(Boolean).map((l) => l.split('\t'));
}

test('tshark dissects and decrypts every packet the codec builds (pcap and pcapng)', () => {
  assert.ok(existsSync(TSHARK), `tshark is missing: ${INSTALL}`);
  const cases = oracleCases();
  const dir = mkdtempSync(join(tmpdir(), 'tl-tshark-'));
  const xdg = join(dir, 'config');
  mkdirSync(join(xdg, 'wireshark'), { recursive: true });
  writeFileSync(join(xdg, 'wireshark', 'esp_sa'), cases.filter((c) => c.sa).map((c) => tsharkEspSa(c.sa!, c.family!) + '\n').join(''));
  const frames = cases.map((c) => encodeStack(c.specs, { crypto: nodeCrypto }).bytes);
  writeFileSync(join(dir, 'all.pcap'), writePcap(frames, LINKTYPE.ETHERNET));
  writeFileSync(join(dir, 'all.pcapng'), writePcapng(frames, LINKTYPE.ETHERNET));

  const rows = tshark(join(dir, 'all.pcap'), xdg);
  assert.equal(rows.length, cases.length, 'one tshark line per packet');
  const problems: string[] = [];
  let layersAgree = 0;
  let decrypted = 0;
  cases.forEach((c, i) => {
    const r = Object.fromEntries(FIELDS.map((f, k) => [f, rows[i][k] ?? '']));
    const d = decodePacket(frames[i], LINKTYPE.ETHERNET, { sas: c.sa ? [c.sa] : [], crypto: nodeCrypto });
    const where = `#${i + 1} ${c.name}`;
    if (d.errors.length) problems.push(`${where}: codec errors ${d.errors.join('; ')}`);
    const theirs = comparableTsharkStack(r['frame.protocols']);
    const ours = codecStack(d.layers);
    if (theirs.join(':') === ours.join(':')) layersAgree++;
    else problems.push(`${where}: tshark ${theirs.join(':')} vs codec ${ours.join(':')}`);
    if (r['_ws.malformed']) problems.push(`${where}: tshark says malformed`);
    for (const f of FIELDS.filter((f) => f.endsWith('checksum.status'))) {
      if (r[f] && r[f].split(',').some((v) => v !== '1')) problems.push(`${where}: ${f} = ${r[f]} (1 = good)`);
    }
    if (c.sa) {
      if (r['esp.icv_good'] !== '1') problems.push(`${where}: esp.icv_good '${r['esp.icv_good']}'`);
      else decrypted++;
      if (Number(r['esp.pad_len']) !== d.esp?.padLength) problems.push(`${where}: pad length tshark ${r['esp.pad_len']} codec ${d.esp?.padLength}`);
      if (Number(r['esp.protocol']) !== d.esp?.nextHeader) problems.push(`${where}: ESP next header tshark ${r['esp.protocol']} codec ${d.esp?.nextHeader}`);
      if (!d.esp?.icvGood) problems.push(`${where}: codec ICV not good`);
    }
    const tel = c.specs.find((s) => s.kind === 'dstopts' && s.encapLimit !== undefined);
    if (tel && tel.kind === 'dstopts' && r['ipv6.opt.tel'].split(',')[0] !== String(tel.encapLimit)) problems.push(`${where}: TEL ${r['ipv6.opt.tel']}`);
    const gre = c.specs.find((s) => s.kind === 'gre');
    if (gre && gre.kind === 'gre' && gre.key !== undefined && Number(r['gre.key']) !== gre.key) problems.push(`${where}: GRE key ${r['gre.key']}`);
  });
  const espCases = cases.filter((c) => c.sa).length;
  console.log(`tshark agreement: layers ${layersAgree}/${cases.length}, decrypted with ICV good ${decrypted}/${espCases}`);
  assert.deepEqual(problems, []);
  assert.ok(espCases > 300);

  // the pcapng copy dissects the same
  const ng = tshark(join(dir, 'all.pcapng'), xdg);
  assert.deepEqual(ng.map((r) => r[1]), rows.map((r) => r[1]), 'pcapng dissects like pcap');

  // and the codec reads what tshark writes as pcapng (its own SHB/IDB options) packet for packet
  execFileSync(TSHARK, ['-r', join(dir, 'all.pcap'), '-F', 'pcapng', '-w', join(dir, 'tshark.pcapng')], { stdio: 'ignore' });
  const back = readCapture(readFileSync(join(dir, 'tshark.pcapng')));
  assert.equal(back.format, 'pcapng');
  assert.deepEqual(back.errors, []);
  assert.equal(back.packets.length, frames.length);
  back.packets.forEach((p, i) => assert.equal(toHex(p.data), toHex(frames[i])));
});

test('tshark decrypts the `layout --pcap` style sample of every tunnel stack with the printed esp_sa', async () => {
  assert.ok(existsSync(TSHARK), `tshark is missing: ${INSTALL}`);
  const { layout } = await import('../../codec/layout');
  const { FOUNDING_CASE_STACK } = await import('../../codec/layout');
  const dir = mkdtempSync(join(tmpdir(), 'tl-tshark-layout-'));
  for (const stack of [FOUNDING_CASE_STACK, { ...FOUNDING_CASE_STACK, esp: 'tunnel' as const }, { ...FOUNDING_CASE_STACK, enc: 'aes-gcm-256' as const, integ: 'none' as const, outer: 'ipv4' as const }]) {
    const r = layout(stack, 1500, { crypto: nodeCrypto });
    const f = join(dir, 'sample.pcap');
    writeFileSync(f, writePcap([r.bytes], LINKTYPE.RAW));
    const out = execFileSync(TSHARK, ['-r', f, '-o', 'esp.enable_encryption_decode:TRUE', '-o', 'esp.enable_authentication_check:TRUE', '-o', `uat:esp_sa:${r.sa!.espSa}`, '-T', 'fields', '-e', 'frame.protocols', '-e', 'esp.icv_good', '-e', 'frame.len'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\t');
    assert.equal(out[1], '1', `ICV good for ${JSON.stringify(stack)}`);
    assert.deepEqual(comparableTsharkStack(out[0]), codecStack(r.layers));
    assert.equal(Number(out[2]), r.packetLength);
  }
});
