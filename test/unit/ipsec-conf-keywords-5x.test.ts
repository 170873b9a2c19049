// The Libreswan keyword table against Libreswan's own keyword tables: every row's versions (since,
// removedIn, gap, obsolete, alias) against the history of docs/reference/libreswan-keywords-5x.tsv
// (every v5.4 keyword and every v4.10 keyword 5.x dropped, status per tag), and the word lists of
// 4.10, 5.0, 5.3 and 5.4 against the per-tag columns of ../shared/reference/libreswan-keywords-by-version.tsv.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { availability, boolWords, LIBRESWAN_KEYWORDS, valuesFor, type Keyword } from '../../server/src/languages/ipsec-conf/keywords';
import { compareVersions } from '../../server/src/core/versions';
import { SHARED } from '../helpers/corpus';

const TSV = resolve(__dirname, '../../docs/reference/libreswan-keywords-5x.tsv');
const BY_VERSION = resolve(SHARED, 'reference/libreswan-keywords-by-version.tsv');

/** The versions compared: every tag the rows tell apart, from the founding case's 3.25 on. */
const VERSIONS = ['3.25', '3.26', '3.28', '3.30', '3.31', '3.32', '4.0', '4.1', '4.2', '4.3', '4.4', '4.6', '4.7', '4.8', '4.10', '4.15', '5.0', '5.1', '5.2', '5.3', '5.4'];

type Status = { tag: string; status: string };

function readTsv(path: string): { head: string[]; rows: string[][] } {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  return { head: lines[0].split('\t'), rows: lines.slice(1).map((l) => l.split('\t')) };
}

/** `history: v3.20 absent; v3.30 obsolete; v3.32 present; v4.4 compiled-out(#if 0); v5.0 present; …` */
function history(source: string): Status[] {
  const h = /history: (.*)$/.exec(source)?.[1] ?? '';
  const out: Status[] = [];
  for (const part of h.split(';')) {
    const m = /^\s*v([\d.]+) (present|absent|obsolete|alias->\S+|compiled-out)/.exec(part);
    if (m) out.push({ tag: m[1], status: m[2] });
  }
  return out;
}

function statusAt(h: Status[], v: string): string {
  let s = 'absent';
  for (const x of h) if (compareVersions(x.tag, v) <= 0) s = x.status;
  return s;
}

const SECT: Record<string, 'setup' | 'conn'> = { 'config setup': 'setup', conn: 'conn' };
const row = (name: string, sect: string): Keyword | undefined => LIBRESWAN_KEYWORDS.find((k) => k.name === name && k.sect === SECT[sect]);

test('every keyword of Libreswan 5.4 (and every 4.10 keyword 5.x dropped) is in the table, known exactly where the TSV says', () => {
  assert.ok(existsSync(TSV), TSV);
  const { rows } = readTsv(TSV);
  const wrong: string[] = [];
  let compared = 0;
  for (const r of rows) {
    const [name, sect] = r;
    // The table entry literally spelled "dns-match-id," (stray comma): dns-match-id= is unknown in every version.
    if (name === 'dns-match-id,') {
      assert.equal(row('dns-match-id', sect), undefined);
      continue;
    }
    const kws = name === '(left=/right=)' ? [row('left', sect), row('right', sect)] : [row(name, sect)];
    const h = history(r[7]);
    assert.ok(h.length > 0, `${name}: no history`);
    for (const kw of kws) {
      if (!kw) {
        wrong.push(`${name} (${sect}): not in the table`);
        continue;
      }
      for (const v of VERSIONS) {
        const s = statusAt(h, v);
        const theirs = s === 'absent' || s === 'compiled-out' ? 'unknown' : s === 'obsolete' ? 'obsolete' : 'known';
        const a = availability(kw, v);
        // A build-dependent key: the TSV's history ignores the #if, the table says which builds.
        if (kw.buildOption && !a.known && a.why === 'before') continue;
        const ours = !a.known ? 'unknown' : a.obsolete || a.ignored ? 'obsolete' : 'known';
        compared++;
        if (ours !== theirs) wrong.push(`${name} (${sect}) at ${v}: TSV ${s}, table ${ours}`);
      }
      if (kw.aliasOf) {
        const s = statusAt(h, kw.aliasOf.from);
        if (s !== `alias->${kw.aliasOf.name}`) wrong.push(`${name}: table says an alias of ${kw.aliasOf.name} from ${kw.aliasOf.from}, TSV ${s}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
  assert.ok(compared > 4000, `${compared} comparisons`);
});

test('table rows the TSV does not list are 3.x keywords gone by 4.0', () => {
  const { rows } = readTsv(TSV);
  const listed = new Set(rows.map((r) => `${SECT[r[1]]} ${r[0]}`));
  const extra = LIBRESWAN_KEYWORDS.filter((k) => !listed.has(`${k.sect} ${k.name}`) && !['left', 'right'].includes(k.name));
  const notOld = extra.filter((k) => k.removedIn !== '4.0' && !(k.removedIn === '5.3' && k.since === '5.1'));
  // debug= in config setup and plutodebug= in a conn: valid in both sections in 5.1-5.2 only.
  assert.deepEqual(notOld.map((k) => k.name), []);
  assert.ok(extra.length > 20);
});

/** "kw_type_list: tunnel|transport|pass" or "parsed by pluto …; type_option_names: tunnel|…" → the words. */
function words(cell: string): string[] | undefined {
  const m = /(?:^|; )[a-z_0-9]+: ([^;]+)$/.exec(cell) ?? /^([a-z0-9_|-]+(?:\|[a-z0-9_-]+)+)(?: \(|$)/.exec(cell);
  if (!m) return undefined;
  return m[1].split('|').map((w) => w.replace(/\(.*$|\[.*$/, '').trim()).filter(Boolean).sort();
}

test('word lists of 4.10, 5.0, 5.3 and 5.4 are the keyword tables\' own', () => {
  assert.ok(existsSync(BY_VERSION), `${BY_VERSION}: the shared reference must sit beside the repository`);
  const { head, rows } = readTsv(BY_VERSION);
  const col = (name: string) => head.indexOf(name);
  const wrong: string[] = [];
  let compared = 0;
  for (const r of rows) {
    const kw = row(r[0], r[1]);
    if (!kw || !['enum', 'bool'].includes(kw.type)) continue;
    for (const tag of ['v4.10', 'v5.0', 'v5.3', 'v5.4']) {
      const status = r[col(tag)];
      if (status !== 'present' && !status.startsWith('alias')) continue;
      const theirs = words(r[col(`${tag}_values`)]);
      if (!theirs) continue;
      const v = tag.slice(1);
      const ours = (kw.type === 'bool' ? (valuesFor(kw, v) ?? boolWords(v)) : valuesFor(kw, v))?.slice().sort();
      // 4.10 booleans are lexer tokens; 5.x pluto's yn lists: both are boolWords.
      if (kw.type === 'bool' && tag === 'v4.10' && !/lexer/.test(r[col(`${tag}_values`)])) continue;
      compared++;
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) wrong.push(`${r[0]} ${tag}: table ${ours?.join('|')}, Libreswan ${theirs.join('|')}`);
    }
  }
  // Build-dependent words: xauthby=pam only with USE_PAM_AUTH (listed as pam[if USE_PAM_AUTH], kept).
  assert.deepEqual(wrong, []);
  assert.ok(compared > 150, `${compared} word lists compared`);
});

test('defaults that changed: IKE lifetime, replay window, IKEv1 policy, retransmit timeout per version', async () => {
  const { defaultFor } = await import('../../server/src/languages/ipsec-conf/keywords');
  const t = (version: string) => ({ daemon: 'libreswan' as const, version, major: Number(version.split('.')[0]) });
  const def = (name: string, sect: 'setup' | 'conn', v: string) => defaultFor(LIBRESWAN_KEYWORDS.find((k) => k.name === name && k.sect === sect)!, t(v));
  assert.deepEqual(['3.25', '4.10', '5.4'].map((v) => def('ikelifetime', 'conn', v)), ['1h', '8h', '8h']);
  assert.deepEqual(['3.25', '4.10', '5.4'].map((v) => def('salifetime', 'conn', v)), ['8h', '8h', '8h']);
  assert.deepEqual(['3.25', '4.10', '5.4'].map((v) => def('replay-window', 'conn', v)), ['32', '128', '128']);
  assert.deepEqual(['4.10', '5.0'].map((v) => def('ikev1-policy', 'setup', v)), ['accept', 'drop']);
  assert.deepEqual(['4.10', '5.3', '5.4'].map((v) => def('retransmit-timeout', 'conn', v)), ['60s', '60s', '30s']);
  assert.deepEqual(['3.25', '4.10'].map((v) => def('ikev2', 'conn', v)), ['permit', 'yes']);
  assert.equal(def('keyexchange', 'conn', '5.0'), 'ikev2');
});
