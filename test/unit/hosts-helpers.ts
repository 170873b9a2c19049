// The real host trees of test/fixtures/hosts (README.md there, a SOURCES.md in each) as the tests
// use them: a tree read into memory with the live Cisco peer (not its archived copy, which is the
// pairing-ambiguity case), files changed or added by relative path, analysed by the real service.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToUri } from '../../server/src/core/uri';
import type { Finding } from '../../server/src/core/types';
import { LineUse } from '../../server/src/core/lines';
import { analyseFiles, applyFix, readFolder, type Files } from '../helpers/memoryWorkspace';
import { ledgerOf } from '../helpers/ledger';
import { dialectById } from '../../server/src/languages';

export const HOSTS = resolve(__dirname, '../fixtures/hosts');
export const CISCO = `${HOSTS}/cisco-c897va/c897va-confg`;

/** The uri of a file of a tree: hostUri('debian12-libreswan-ifupdown', 'etc/network/interfaces'). */
export const hostUri = (tree: string, rel: string) => pathToUri(`${HOSTS}/${tree}/${rel}`);

/** A tree with the live Cisco config; `changes` replace (string), edit (function) or delete (null) files. */
export function hostTree(tree: string, changes: Record<string, string | ((old: string) => string) | null> = {}, withCisco = true): Files {
  const files = readFolder(`${HOSTS}/${tree}`);
  for (const [k] of files) if (/\/SOURCES\.md$/.test(k)) files.delete(k);
  if (withCisco) files.set(pathToUri(CISCO), readFileSync(CISCO, 'utf8'));
  for (const [rel, c] of Object.entries(changes)) {
    const uri = hostUri(tree, rel);
    if (c === null) files.delete(uri);
    else if (typeof c === 'string') files.set(uri, c);
    else {
      const old = files.get(uri);
      if (old === undefined) throw new Error(`${rel} is not in ${tree}`);
      files.set(uri, c(old));
    }
  }
  return files;
}

export function analyseTree(files: Files) {
  const r = analyseFiles(files);
  const of = (code: string, uri?: string) => r.findings.filter((f) => f.code === code && (!uri || f.uri === uri));
  return { ...r, files, of };
}

export const show = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.code} ${f.uri.replace(/.*hosts\//, '')}:${f.range.start.line + 1} ${f.message}`).join('\n');

/** Applies the first fix of a finding that matches `title`. */
export function applyFirst(files: Files, f: Finding, title: RegExp): Files {
  const fix = f.fixes.find((x) => title.test(x.title));
  if (!fix) throw new Error(`no fix matching ${title} on ${f.code}: ${f.fixes.map((x) => x.title).join(' | ')}`);
  return applyFix(files, fix);
}

const NAMES = Object.fromEntries(Object.entries(LineUse).map(([k, v]) => [v, k])) as Record<number, string>;

/** The ledger of a file, as names per line, and the account (dropped must be 0). */
export function ledger(r: ReturnType<typeof analyseTree>, uri: string) {
  const file = r.service.parse(uri)!;
  const a = ledgerOf(r.service, uri)!;
  return { account: a, uses: [...dialectById(file.languageId)!.lineUse(file)].map((u) => NAMES[u]) };
}
