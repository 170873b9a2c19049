// Benchmark: parse + per-file checks + peer analysis of a generated 100,000-line IOS config and a
// 10,000-line ipsec.conf, warm and in process (median of RUNS new document versions), then the same
// through the CLI as a cold process (`node dist/cli.js check FILE`, median of 5).
//   node --import tsx bench/parse.ts [RUNS]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../server/src/service/languageService';
import { DEFAULT_SETTINGS, type FileSystem } from '../server/src/core/types';
import { genIos, genIpsecConf, median, fmt } from './gen';

const RUNS = Number(process.argv[2] ?? 15);
const WARM_ONLY = process.argv.includes('--warm-only');
const emptyFs: FileSystem = { readFile: () => undefined, readDirectory: () => undefined };

function warm(name: string, uri: string, languageId: string, text: string, target?: number) {
  const service = new LanguageService({ fs: emptyFs, settings: () => DEFAULT_SETTINGS });
  const parseOnly: number[] = [];
  const full: number[] = [];
  let findings = 0;
  for (let v = 1; v <= RUNS + 3; v++) {
    // A new version each run (a different last line) so nothing is served from the cache.
    const doc = TextDocument.create(uri, languageId, v, `${text}\n! run ${v}\n`);
    const t0 = performance.now();
    service.workspace.openDocument(doc);
    const file = service.parse(uri)!;
    const t1 = performance.now();
    findings = service.findings(uri).length;
    const t2 = performance.now();
    if (v > 3) {
      parseOnly.push(t1 - t0);
      full.push(t2 - t0);
    }
    if (!file) throw new Error('not parsed');
  }
  const lines = text.split('\n').length;
  console.log(
    `${name}: ${lines} lines, ${(text.length / 1e6).toFixed(2)} MB, ${findings} findings — warm median of ${RUNS}: parse+file checks ${fmt(median(parseOnly))}, ` +
      `parse+checks+peer analysis ${fmt(median(full))}${target ? ` (target < ${target} ms)` : ''}`,
  );
}

function cold(name: string, file: string) {
  const cli = resolve(__dirname, '../dist/cli.js');
  const times: number[] = [];
  let status: number | null = null;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
    times.push(performance.now() - t0);
    status = r.status;
    if (r.status === 2) throw new Error(r.stderr);
  }
  const t0 = performance.now();
  spawnSync(process.execPath, [cli, '--version']);
  const startup = performance.now() - t0;
  console.log(`${name} via CLI (cold process, median of 5): ${fmt(median(times))} (exit ${status}; node + bundle startup alone ${fmt(startup)})`);
}

const ios = genIos(100_000);
const conf = genIpsecConf(10_000);
warm('IOS config', 'file:///bench/big/router-confg', 'cisco-ios', ios, 150);
warm('ipsec.conf', 'file:///bench/big/ipsec.conf', 'ipsec-conf', conf);

if (WARM_ONLY) process.exit(0);
const dir = mkdtempSync(join(tmpdir(), 'tl-parse-'));
writeFileSync(join(dir, 'router-confg'), ios);
writeFileSync(join(dir, 'ipsec.conf'), conf);
cold('IOS config', join(dir, 'router-confg'));
cold('ipsec.conf', join(dir, 'ipsec.conf'));
