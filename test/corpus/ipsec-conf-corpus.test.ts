// Conformance over the shared corpora (read in place, never copied): Libreswan's test-suite
// configs at v4.10 with Debian 4.10's verdicts, and strongSwan's test configs with 5.9.8's.
// Owed: no crash or hang; no syntax-error/unknown-keyword on a file the oracle accepts; an error
// on the oracle's line for every file it rejects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LanguageService } from '../../server/src/service/languageService';
import { DEFAULT_SETTINGS, type FileSystem, type Settings } from '../../server/src/core/types';
import { pathToUri, uriToPath } from '../../server/src/core/uri';
import { CORPUS } from '../helpers/corpus';

/**
 * The folder a corpus file is read from with a rootdir: the copy of the test machine's root whose
 * etc/ holds the file, as `readwriteconf --rootdir` reads it. Tunnel Lens resolves an absolute
 * include against the folder above the file that holds an etc/ (languages/shared/includes.ts), so
 * the corpus's includes of the test machines' paths land in `rootdir`.
 */
const VIRTUAL_ROOT = '/corpus-root';

/**
 * The disk, where an absolute path that does not exist is looked up under `rootdir`, as
 * `readwriteconf --rootdir` does: the corpus's includes name the test machines' /etc paths. A file
 * of the corpus is seen at VIRTUAL_ROOT/etc/NAME.
 */
function diskFs(rootdir?: string, dir?: string): FileSystem {
  const map = (uri: string) => {
    const p = uriToPath(uri);
    if (rootdir && dir && p === `${VIRTUAL_ROOT}/etc`) return dir;
    if (rootdir && dir && p.startsWith(`${VIRTUAL_ROOT}/etc/`) && existsSync(join(dir, p.slice(VIRTUAL_ROOT.length + 5)))) return join(dir, p.slice(VIRTUAL_ROOT.length + 5));
    if (rootdir && p.startsWith(`${VIRTUAL_ROOT}/`)) return join(rootdir, p.slice(VIRTUAL_ROOT.length));
    if (existsSync(p) || !rootdir) return p;
    return join(rootdir, p);
  };
  return {
    readFile: (uri) => {
      try {
        const p = map(uri);
        return statSync(p).isFile() ? readFileSync(p, 'utf8') : undefined;
      } catch {
        return undefined;
      }
    },
    readDirectory: (uri) => {
      try {
        const p = map(uri);
        return readdirSync(p).map((n) => pathToUri(join(uriToPath(uri), n)));
      } catch {
        return undefined;
      }
    },
  };
}

function readOracle(file: string): Map<string, { cls: string; line?: number; message: string }> {
  const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const head = rows[0].split('\t');
  const ci = head.indexOf('class');
  const mi = head.findIndex((h) => h.startsWith('message'));
  const out = new Map<string, { cls: string; line?: number; message: string }>();
  for (const r of rows.slice(1)) {
    const c = r.split('\t');
    const message = c[mi] ?? '';
    const m = /:\s?(\d+):/.exec(message);
    out.set(c[0], { cls: c[ci], line: m ? Number(m[1]) : undefined, message });
  }
  return out;
}

function run(name: string, oracleFile: string, settings: Settings, rootdir?: string) {
  const dir = join(CORPUS, name);
  assert.ok(existsSync(dir), `corpus ${dir} is missing: ../shared/corpus must sit beside the repository`);
  const oracle = readOracle(join(dir, oracleFile));
  const service = new LanguageService({ fs: diskFs(rootdir, dir), settings: () => settings });
  let agree = 0;
  const problems: string[] = [];
  for (const [file, verdict] of oracle) {
    const uri = pathToUri(rootdir ? `${VIRTUAL_ROOT}/etc/${file}` : join(dir, file));
    const started = Date.now();
    service.workspace.refreshFromDisk(uri, 'ipsec-conf');
    // The file's own findings (the parser's and every check's), as the daemon's verdict is per file.
    const findings = service.parse(uri)?.findings ?? [];
    const ms = Date.now() - started;
    assert.ok(ms < 2000, `${file} took ${ms} ms`);
    service.workspace.delete(uri);
    const errors = findings.filter((f) => f.severity === 'error');
    // Every include of the corpus is followed (into the rootdir), none left unread.
    for (const f of findings) if (/is not followed|matches no file/.test(f.message)) problems.push(`${file}:${f.range.start.line + 1}: ${f.message}`);
    if (verdict.cls === 'ACCEPT') {
      const bad = findings.filter((f) => f.code === 'syntax-error' || f.code === 'unknown-keyword');
      if (bad.length === 0) agree++;
      else problems.push(`${file}: oracle accepts, we say ${bad.map((f) => `${f.range.start.line + 1}: ${f.message}`).join(' | ')}`);
    } else {
      const want = verdict.line !== undefined ? verdict.line - 1 : undefined;
      const hit = errors.find((f) => want === undefined || f.range.start.line === want);
      if (hit) agree++;
      else problems.push(`${file}: oracle rejects (${verdict.message}), we have no error there (${errors.map((f) => f.range.start.line + 1).join(',')})`);
    }
  }
  return { agree, total: oracle.size, problems };
}

test('ipsec-conf corpus conformance', () => {
  const lsw = run('libreswan-v4.10', 'ORACLE-libreswan-4.10.tsv', { ...DEFAULT_SETTINGS, versions: { libreswan: '4.10' } }, join(CORPUS, 'libreswan-v4.10', '_rootdir'));
  const ss = run('strongswan', 'ORACLE-strongswan-5.9.8.tsv', { ...DEFAULT_SETTINGS, versions: { strongswan: '5.9' } });
  console.log(`ipsec-conf corpus agreement: libreswan-v4.10 ${lsw.agree}/${lsw.total}, strongswan ${ss.agree}/${ss.total}`);
  for (const p of [...lsw.problems, ...ss.problems].slice(0, 40)) console.log('  ' + p);
  assert.equal(lsw.problems.length, 0, `libreswan-v4.10 disagreements:\n${lsw.problems.join('\n')}`);
  assert.equal(ss.problems.length, 0, `strongswan disagreements:\n${ss.problems.join('\n')}`);
});
