// The swanctl-conf dialect against charon 5.9.8's recorded verdicts
// (shared/corpus/strongswan-swanctl/ORACLE-charon-5.9.8.tsv, 921 rows, read in place): every file
// charon loads gets no error from us; every file it refuses gets an error on the key it names (the
// line of a syntax error). The 6.x-only files, refused by 5.9.8, get a version-incompatible error
// naming the key when the target is 5.9, and no error with the target 6.0. No daemon is run here
// (test/oracle/charon-swanctl.test.ts runs charon itself); the figures per class go to the output.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LanguageService } from '../../server/src/service/languageService';
import { DEFAULT_SETTINGS, type Finding, type Settings } from '../../server/src/core/types';
import { pathToUri } from '../../server/src/core/uri';
import { corpusDir } from '../helpers/corpus';
import { filesOf, memoryFs, readFolder } from '../helpers/memoryFs';

const DIR = corpusDir('strongswan-swanctl');

interface Row {
  file: string;
  cls: string;
  line: string;
  reason: string;
}

const ROWS: Row[] = readFileSync(join(DIR, 'ORACLE-charon-5.9.8.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'))
  .map(([file, cls, line, , , reason]) => ({ file, cls, line, reason }));

/** Keys whose refusal by 5.9.8 is a 6.x feature (corpus README: ML-KEM/ke<N>_, icmp, ocsp, per_cpu_sas, iptfs). */
const SIX_X = /unknown option: (icmp|ocsp|per_cpu_sas)|invalid value for: (mode|proposals|esp_proposals)/;

function findingsOf(row: Row, settings: Settings): { findings: Finding[]; text: string } {
  const path = join(DIR, row.file);
  // A _trees copy is read with its folder, so that its includes resolve; a flat copy alone.
  const files = row.file.startsWith('_trees/') ? readFolder(dirname(path)) : filesOf([[path, readFileSync(path, 'utf8')]]);
  const service = new LanguageService({ fs: memoryFs(files), settings: () => settings });
  const uri = pathToUri(path);
  service.workspace.refreshFromDisk(uri, 'swanctl-conf');
  return { findings: service.findings(uri), text: files.get(uri)! };
}

const errorsOf = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');
const show = (fs: Finding[]) => fs.map((f) => `${f.code}@${f.range.start.line + 1}: ${f.message.slice(0, 120)}`).join(' | ');

/** The keys charon names for the refused connections: `invalid value for: KEY` / `unknown option: KEY` / `invalid attribute: KEY`. */
function namedKeys(reason: string): string[] {
  return [...reason.matchAll(/(?:invalid value for|unknown option|invalid attribute): ([^,\s|]+)/g)].map((m) => m[1]);
}

/** Does an error stand on a line that writes `key` (as `key =`)? */
function errorOnKey(errors: Finding[], text: string, key: string, code?: string): boolean {
  const lines = text.split('\n');
  return errors.some((f) => (!code || f.code === code) && new RegExp(`^\\s*${key}\\s*=`).test(lines[f.range.start.line] ?? ''));
}

function verdict(row: Row, target: Settings, sixX: boolean): { ok: boolean; why: string } {
  const { findings, text } = findingsOf(row, target);
  const errors = errorsOf(findings);
  const six = sixX && SIX_X.test(row.reason) && !/remote_ts/.test(row.reason);
  if (row.cls === 'ACCEPT' || row.cls === 'NO_CONNS' || (six && target.versions.strongswan)) return { ok: errors.length === 0, why: show(errors) };
  if (row.cls === 'REJECT_SYNTAX') {
    const syntax = errors.filter((f) => f.code === 'syntax-error');
    const at = Number(row.line);
    const ok = row.line ? syntax.some((f) => f.range.start.line + 1 <= at && at <= f.range.end.line + 1) : syntax.length > 0;
    return { ok, why: show(errors) };
  }
  const keys = namedKeys(row.reason);
  const ok = keys.length > 0 && keys.every((k) => errorOnKey(errors, text, k, six ? 'version-incompatible' : undefined));
  return { ok, why: `${row.reason} → ${show(errors)}` };
}

const T59 = DEFAULT_SETTINGS;
const T60: Settings = { ...DEFAULT_SETTINGS, versions: { strongswan: '6.0' } };

for (const [label, settings] of [['target 5.9.8 (default)', T59], ['target 6.0', T60]] as const) {
  test(`swanctl corpus, ${label}: our verdict agrees with charon 5.9.8's on every file`, (t) => {
    const per = new Map<string, { n: number; agree: number }>();
    const disagree: string[] = [];
    for (const row of ROWS) {
      const six = SIX_X.test(row.reason) && !/remote_ts/.test(row.reason) && !row.file.startsWith('mut__');
      // With the 6.0 target the 6.x files are expected to load; the 5.9.8 verdict stands for every other file.
      const cls = settings === T60 && six ? 'CONN_ERROR (6.x: loads in 6.0)' : row.cls;
      const v = verdict(row, settings, six);
      const c = per.get(cls) ?? { n: 0, agree: 0 };
      c.n++;
      if (v.ok) c.agree++;
      else disagree.push(`${row.file} [${row.cls}]: ${v.why}`);
      per.set(cls, c);
    }
    for (const [cls, c] of per) t.diagnostic(`${label} ${cls}: ${c.agree}/${c.n}`);
    assert.deepEqual(disagree.slice(0, 20), [], `${disagree.length} of ${ROWS.length} files disagree`);
  });
}
