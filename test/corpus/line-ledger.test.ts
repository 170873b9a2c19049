// No silently dropped line (issue: `return` where `continue` was meant lost every later line of an
// IOS block): on every corpus file, sample and fixture, each dialect accounts for every line as
// read into the model, outside the model by a named rule, blank or a comment, or reported by a
// finding. Dropped must be 0. The counts per dialect go to the test output (and the closing note).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LanguageService } from '../../server/src/service/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/core/types';
import { pathToUri } from '../../server/src/core/uri';
import { nodeFileSystem } from '../../server/src/node/nodeFs';
import { corpusDir } from '../helpers/corpus';
import { ledgerOf } from '../helpers/ledger';

const ROOT = resolve(__dirname, '../..');

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else if (st.size < 2_000_000 && !/\.(pcap|pcapng|csv|tsv|md|json|py)$|MANIFEST|SHA256SUMS|esp_sa/i.test(n)) out.push(p);
  }
  return out;
}

// The corpus folders hold one dialect each, under names no detection would guess (`….ios-section`):
// their language id is given, as the corpus tests give it. Samples and fixtures are detected.
const SOURCES: [string, string, string][] = [
  ['ios', corpusDir('ios'), 'cisco-ios'],
  ['libreswan', corpusDir('libreswan'), 'ipsec-conf'],
  ['libreswan-v4.10', corpusDir('libreswan-v4.10'), 'ipsec-conf'],
  ['strongswan', corpusDir('strongswan'), 'ipsec-conf'],
  ['strongswan-swanctl', corpusDir('strongswan-swanctl'), 'swanctl-conf'],
  ['samples', join(ROOT, 'samples'), ''],
  ['fixtures', join(ROOT, 'test/fixtures'), ''],
];

for (const [name, dir, languageId] of SOURCES) {
  test(`line ledger: every line of ${name} is read, outside the model, trivia or reported`, (t) => {
    const service = new LanguageService({ fs: nodeFileSystem, settings: () => DEFAULT_SETTINGS });
    const byDialect = new Map<string, { files: number; lines: number; model: number; outside: number; trivia: number; reported: number; dropped: number }>();
    const dropped: string[] = [];
    for (const path of walk(dir)) {
      const uri = pathToUri(path);
      if (!service.workspace.refreshFromDisk(uri, languageId)) continue;
      const a = ledgerOf(service, uri);
      const file = service.parse(uri);
      if (!a || !file) continue;
      const sum = byDialect.get(file.languageId) ?? { files: 0, lines: 0, model: 0, outside: 0, trivia: 0, reported: 0, dropped: 0 };
      sum.files++;
      sum.lines += a.lines;
      sum.model += a.model;
      sum.outside += a.outside;
      sum.trivia += a.trivia;
      sum.reported += a.reported;
      sum.dropped += a.dropped;
      byDialect.set(file.languageId, sum);
      if (a.dropped > 0) {
        const text = readFileSync(path, 'latin1').split(/\r?\n/);
        dropped.push(`${path.slice(dir.length + 1)} (${file.languageId}): ${a.dropped} dropped, e.g. ${a.droppedLines.slice(0, 3).map((l) => `${l + 1}: ${JSON.stringify(text[l]?.slice(0, 80))}`).join('; ')}`);
      }
      service.workspace.delete(uri);
    }
    for (const [d, s] of byDialect) t.diagnostic(`${name} ${d}: ${s.files} files, ${s.lines} lines: ${s.model} model, ${s.outside} outside, ${s.trivia} trivia, ${s.reported} reported, ${s.dropped} dropped`);
    assert.ok(byDialect.size > 0, `no file of ${dir} was read`);
    assert.deepEqual(dropped.slice(0, 30), [], `${dropped.length} files drop lines`);
  });
}
