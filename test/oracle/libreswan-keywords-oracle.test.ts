// Every Libreswan row of the keyword table, and every word of every word list, through Debian's
// Libreswan 4.10 `addconn --checkconfig`: a key 4.10 does not know (a 5.x key, a key 4.4-4.15
// compiled out, a 3.x key) must give `syntax error [key]` there, and we must report it as an error
// on its line; a key 4.10 knows must load; a word 4.10 lists must be accepted and a word only 5.x
// lists must be refused (`invalid value`), as our version-incompatible finding says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../server/src/core/types';
import { availability, LIBRESWAN_KEYWORDS, valuesFor, type Keyword } from '../../server/src/languages/ipsec-conf/keywords';
import { analyse } from '../helpers/analyse';

const ADDCONN = '/usr/libexec/ipsec/addconn';
const V = '4.10';
const BASE = 'conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n';

const SAMPLE: Partial<Record<Keyword['type'], string>> = {
  bool: 'yes', time: '1h', number: '1', percent: '100%', subnet: '10.0.0.0/24', protoport: 'gre', id: '@x', proposal: 'aes128-sha2', string: 'x', list: 'none',
};

function file(kw: Keyword, value: string): { text: string; line: number; key: string } {
  const key = kw.perEnd ? `left${kw.name}` : kw.name;
  if (kw.sect === 'setup') return { text: `config setup\n\t${key}=${value}\n`, line: 2, key };
  return { text: `${BASE}\t${key}=${value}\n`, line: 4, key };
}

function addconn(dir: string, name: string, text: string): string {
  const f = join(dir, `${name.replace(/[^a-z0-9]+/gi, '_')}.conf`);
  writeFileSync(f, text);
  const r = spawnSync(ADDCONN, ['--checkconfig', '--config', f], { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`;
}

function ourErrorsOn(text: string, line: number): string[] {
  const path = '/tmp/kw-oracle/ipsec.conf';
  const r = analyse({ [path]: text }, { ...DEFAULT_SETTINGS, versions: { libreswan: V } });
  return (r.service.parse(r.uri(path))?.findings ?? []).filter((f) => f.range.start.line === line - 1 && f.severity !== 'hint').map((f) => `${f.code}: ${f.message}`);
}

test('every table keyword: known to Debian Libreswan 4.10 exactly when the table says so', () => {
  assert.ok(existsSync(ADDCONN), 'Libreswan 4.10 is not installed: apt-get install libreswan');
  const dir = mkdtempSync(join(tmpdir(), 'tl-kw-oracle-'));
  try {
    const wrong: string[] = [];
    let unknownTo410 = 0;
    for (const kw of LIBRESWAN_KEYWORDS) {
      if (kw.sect === 'ca' || kw.type === 'also' || kw.type === 'host') continue;
      const value = (kw.type === 'enum' ? valuesFor(kw, V)?.[0] : undefined) ?? SAMPLE[kw.type] ?? 'x';
      const { text, line, key } = file(kw, value);
      const out = addconn(dir, `${kw.sect}-${kw.name}`, text);
      // Unknown in this section: a syntax error, or (a key of the other section) "not valid in a conn".
      const theirs = new RegExp(`syntax error \\[${key.replace(/[-]/g, '\\-')}\\]|keyword '${key}' is not valid in`, 'i').test(out);
      const a = availability(kw, V);
      if (theirs !== !a.known) wrong.push(`${key} (${kw.sect}): addconn ${theirs ? 'refuses it' : 'knows it'}, table ${a.known ? 'known' : `unknown (${a.why})`}`);
      if (theirs) {
        unknownTo410++;
        // And the analysis says so on that line: version-incompatible (or unknown-keyword for a stray key).
        const ours = ourErrorsOn(text, line);
        if (!ours.some((f) => /^(version-incompatible|unknown-keyword)/.test(f))) wrong.push(`${key}: addconn refuses it, we report ${ours.join(' | ') || 'nothing'}`);
      }
    }
    console.log(`keywords probed against 4.10: ${LIBRESWAN_KEYWORDS.length}, unknown to 4.10: ${unknownTo410}, disagreements: ${wrong.length}`);
    assert.deepEqual(wrong, []);
    assert.ok(unknownTo410 > 50, `${unknownTo410} keys 4.10 does not know`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every word list: 4.10 accepts its own words and refuses the words only 5.x takes', () => {
  assert.ok(existsSync(ADDCONN), 'Libreswan 4.10 is not installed: apt-get install libreswan');
  const dir = mkdtempSync(join(tmpdir(), 'tl-kw-oracle-'));
  try {
    const wrong: string[] = [];
    let probed = 0;
    for (const kw of LIBRESWAN_KEYWORDS) {
      if (kw.type !== 'enum' || !availability(kw, V).known) continue;
      const own = valuesFor(kw, V);
      if (!own) continue; // a string in 4.10 (global-redirect): any word loads
      // An all-digit word is a number token to 4.10's lexer, silently accepted (docs/reference/ipsec-conf-grammar.md §2).
      const later = [...new Set(['5.0', '5.3', '5.4'].flatMap((v) => valuesFor(kw, v) ?? []))].filter((w) => !own.includes(w) && !/^\d+$/.test(w));
      for (const [w, accepted] of [...own.map((x) => [x, true] as const), ...later.map((x) => [x, false] as const)]) {
        // xauthby=pam needs a build with PAM; Debian's has it.
        const { text, line } = file(kw, w);
        const out = addconn(dir, `${kw.name}-${w}`, text);
        probed++;
        const refused = /invalid value|syntax error/.test(out);
        if (refused === accepted) wrong.push(`${kw.name}=${w}: addconn ${refused ? 'refuses' : 'accepts'} it (${out.trim().split('\n').pop()})`);
        if (!accepted) {
          const ours = ourErrorsOn(text, line);
          if (!ours.some((f) => f.startsWith('version-incompatible'))) wrong.push(`${kw.name}=${w}: 4.10 refuses a 5.x word, we report ${ours.join(' | ') || 'nothing'}`);
        }
      }
    }
    console.log(`word-list values probed against 4.10: ${probed}, disagreements: ${wrong.length}`);
    assert.deepEqual(wrong, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
