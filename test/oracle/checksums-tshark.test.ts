// Every checksum verdict of the codec against tshark's, on every corpus capture (read in place):
// IPv4 header, UDP, TCP, ICMP, ICMPv6 and GRE, with tshark's optional checks switched on
// (ip/udp/tcp.check_checksum; ICMP, ICMPv6 and GRE are always checked) and the generated SAs, so
// the checksums inside decrypted ESP count too. tshark's verdicts are read from its PDML, protocol by
// protocol in the order of the packet, and paired with the codec's layers in the same order.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { nodeCrypto } from '../../codec/crypto-node';
import { decodePacket } from '../../codec/packet';
import { readCapture } from '../../codec/pcap';
import type { Layer } from '../../codec/types';
import { TSHARK_NAME } from '../fixtures/codec/cases';
import { corpusCaptures, corpusEspSaLines, PCAP_CORPUS, parseEspSa, TSHARK, TSHARK_INSTALL } from '../helpers/pcapCorpus';

type Verdict = 'good' | 'bad' | 'none';
const CHECKED = new Set(['ip', 'udp', 'tcp', 'icmp', 'icmpv6', 'gre']);
const KNOWN = new Set(Object.values(TSHARK_NAME));
const SKIP = new Set(['geninfo', 'frame', 'raw', 'ethertype', 'fake-field-wrapper']);

/** Per packet: the protocols tshark dissected that the codec dissects too (cut at the first other), each with its checksum verdict. */
function tsharkVerdicts(pdml: string): { proto: string; verdict: Verdict }[][] {
  const packets: { proto: string; verdict: Verdict }[][] = [];
  for (const pkt of pdml.split('<packet>').slice(1)) {
    const seq: { proto: string; status?: string }[] = [];
    const open: { proto: string; status?: string }[] = [];
    let cut = false;
    for (const m of pkt.matchAll(/<proto name="([^"]+)"[^>]*?(\/?)>|<\/proto>|<field name="([a-z0-9]+)\.checksum\.status"[^>]*show="(\d+)"/g)) {
      if (m[1] !== undefined) {
        const e: { proto: string; status?: string } = { proto: m[1] };
        if (m[2] !== '/') open.push(e);
        if (cut || SKIP.has(m[1]) || m[1].startsWith('_ws.')) continue;
        if (!KNOWN.has(m[1])) {
          cut = true;
          continue;
        }
        seq.push(e);
      } else if (m[3] !== undefined) {
        for (let i = open.length - 1; i >= 0; i--) if (open[i].proto === m[3]) { open[i].status ??= m[4]; break; }
      } else open.pop();
    }
    // PROTO_CHECKSUM_E_BAD 0, _GOOD 1, _UNVERIFIED 2, _NOT_PRESENT 3, _ILLEGAL 4
    packets.push(seq.map((e) => ({ proto: e.proto, verdict: e.status === '1' ? 'good' : e.status === '0' || e.status === '4' ? 'bad' : 'none' })));
  }
  return packets;
}

function codecVerdict(l: Layer): Verdict {
  const f = l.fields.find((x) => x.name === 'Checksum' || x.name === 'Header Checksum');
  if (!f) return 'none';
  const v = String(f.value);
  return v.endsWith('(correct)') ? 'good' : v.endsWith('(incorrect)') ? 'bad' : 'none';
}

test('every checksum verdict of the codec agrees with tshark on every corpus capture', () => {
  assert.ok(existsSync(TSHARK), `tshark is missing: ${TSHARK_INSTALL}`);
  assert.ok(existsSync(PCAP_CORPUS), `corpus not found at ${PCAP_CORPUS}`);
  const files = corpusCaptures();
  assert.ok(files.length >= 30, `expected the corpus captures, found ${files.length}`);
  const saLines = corpusEspSaLines();
  const sas = parseEspSa(saLines);
  const counts: Record<string, Record<Verdict, number>> = {};
  const disagreements: string[] = [];
  let packets = 0;
  let verdicts = 0;
  for (const file of files) {
    const args = ['-r', file, '-o', 'ip.check_checksum:TRUE', '-o', 'udp.check_checksum:TRUE', '-o', 'tcp.check_checksum:TRUE', '-o', 'esp.enable_encryption_decode:TRUE', '-o', 'esp.enable_authentication_check:TRUE'];
    for (const line of saLines) args.push('-o', `uat:esp_sa:${line}`);
    const theirs = tsharkVerdicts(execFileSync(TSHARK, [...args, '-T', 'pdml'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 << 20 }));
    const cap = readCapture(readFileSync(file));
    assert.equal(cap.packets.length, theirs.length, `${file}: packet count`);
    cap.packets.forEach((p, i) => {
      packets++;
      const d = decodePacket(p.data, p.linkType, { sas, crypto: nodeCrypto });
      const ours = d.layers.filter((l) => TSHARK_NAME[l.id] !== undefined);
      const where = `${file.slice(PCAP_CORPUS.length + 1)} #${i + 1}`;
      const t = theirs[i];
      if (ours.map((l) => TSHARK_NAME[l.id]).join(':') !== t.map((x) => x.proto).join(':')) {
        disagreements.push(`${where}: stacks differ: tshark ${t.map((x) => x.proto).join(':')} codec ${ours.map((l) => TSHARK_NAME[l.id]).join(':')}`);
        return;
      }
      ours.forEach((l, k) => {
        const proto = t[k].proto;
        if (!CHECKED.has(proto)) return;
        const mine = codecVerdict(l);
        verdicts++;
        (counts[proto] ??= { good: 0, bad: 0, none: 0 })[t[k].verdict]++;
        if (mine !== t[k].verdict) disagreements.push(`${where}: ${proto} checksum tshark ${t[k].verdict}, codec ${mine}`);
      });
    });
  }
  const table = Object.entries(counts).map(([p, c]) => `  ${p}: good ${c.good}, bad ${c.bad}, not verified ${c.none}`).join('\n');
  console.log(`checksum verdicts: ${verdicts - disagreements.length}/${verdicts} agree with tshark over ${packets} packets in ${files.length} captures\n${table}`);
  assert.deepEqual(disagreements.slice(0, 30), []);
  assert.ok(verdicts >= 300, `only ${verdicts} verdicts compared`);
  assert.ok((counts.udp?.good ?? 0) > 0 && (counts.udp?.bad ?? 0) > 0, 'both UDP verdicts occur in the corpus');
});
