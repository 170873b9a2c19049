// `tunnel-lens decode` prints the same bytes on every corpus capture as it did when the fixture was
// recorded (before the streaming, batched, multi-threaded decoder): text and JSON, without SAs and
// with the corpus SAs, stdout, stderr and the exit code. The fixture holds SHA-256 digests only,
// nothing of the captures (read in place). Re-record, after a deliberate change of the output, with
//   TUNNEL_LENS_RECORD_DECODE=1 node --import tsx --test test/corpus/decode-output.test.ts
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { toHex } from '../../codec/bytes';
import { main } from '../../server/src/cli';
import { corpusCaptures, corpusEspSaLines, PCAP_CORPUS, parseEspSa } from '../helpers/pcapCorpus';

const FIXTURE = join(__dirname, '..', 'fixtures', 'codec', 'decode-output.json');

/** The corpus SAs as --sa values, and tcpdump's AES-256 key (README of the corpus) without its unknown integrity key. */
export function corpusSaArgs(): string[] {
  const sas = parseEspSa(corpusEspSaLines()).map((s) => `0x${s.spi.toString(16)}:${s.enc}:0x${toHex(s.encKey)}${s.integ === 'none' ? '' : `:${s.integ}:0x${toHex(s.integKey)}`}`);
  sas.push('0xd1234567:aes-cbc-256:0xaaaabbbbccccdddd4043434545464649494a4a4c4c4f4f515152525454575758');
  return sas.flatMap((s) => ['--sa', s]);
}

export const VARIANTS: Record<string, string[]> = {
  text: [],
  'text+sa': corpusSaArgs(),
  json: ['--format', 'json'],
  'json+sa': ['--format', 'json', ...corpusSaArgs()],
};

export async function decodeDigest(file: string, extra: string[]): Promise<string> {
  let out = '';
  let err = '';
  const code = await main(['decode', file, ...extra], { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  // The capture's path is in JSON output and in stderr lines: where the checkout is must not matter.
  const here = (t: string) => t.split(file).join('<capture>');
  return createHash('sha256').update(`${code}\n${here(out)}\n--stderr--\n${here(err)}`).digest('hex');
}

test('decode prints what it printed when the fixture was recorded, on every corpus capture', async () => {
  assert.ok(existsSync(PCAP_CORPUS), `corpus not found at ${PCAP_CORPUS}`);
  const files = corpusCaptures();
  assert.ok(files.length >= 30, `expected the corpus captures, found ${files.length}`);
  const now: Record<string, Record<string, string>> = {};
  for (const f of files) {
    const name = f.slice(PCAP_CORPUS.length + 1);
    now[name] = {};
    for (const [v, args] of Object.entries(VARIANTS)) now[name][v] = await decodeDigest(f, args);
  }
  if (process.env.TUNNEL_LENS_RECORD_DECODE === '1') {
    writeFileSync(FIXTURE, JSON.stringify(now, null, 2) + '\n');
    return;
  }
  const want = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, Record<string, string>>;
  assert.deepEqual(Object.keys(now).sort(), Object.keys(want).sort(), 'the same captures as when recorded');
  const changed = Object.keys(now).flatMap((n) => Object.keys(VARIANTS).filter((v) => now[n][v] !== want[n][v]).map((v) => `${n} (${v})`));
  assert.deepEqual(changed, []);
});
