// Shared by the ipsec-conf unit tests: an ipsec.conf (its text may carry position markers) through
// the real language service, with the file's own findings (the parser's and every check's).
import { resolve } from 'node:path';
import type { Finding, ParsedFile, VersionSettings } from '../../server/src/core/types';
import type { IpsecConfTree } from '../../server/src/languages/ipsec-conf';
import { analyse, type Analysed } from '../helpers/analyse';
import type { Marked } from '../helpers/markers';
import { readFolder } from '../helpers/memoryFs';

export const CONF = '/etc/ipsec.conf';
export const FIXTURES = resolve(__dirname, '../fixtures/ipsec-conf');

export interface Conf {
  r: Analysed;
  uri: string;
  m: Marked;
  file: ParsedFile<IpsecConfTree>;
  /** The file's own findings: the parser's, then each check's. */
  findings: Finding[];
}

function confOf(r: Analysed, key: string): Conf {
  const uri = r.uri(key);
  const file = r.service.parse(uri) as ParsedFile<IpsecConfTree>;
  return { r, uri, m: r.marks[key] ?? { text: file.text, positions: [], ranges: [] }, file, findings: file.findings };
}

/** One ipsec.conf at /etc/ipsec.conf, for the versions given. */
export function conf(source: string, versions: VersionSettings = {}): Conf {
  return confOf(analyse({ [CONF]: source }, { versions }), CONF);
}

/** A folder of test/fixtures/ipsec-conf in memory, its ipsec.conf analysed (Libreswan 4.10 by default). */
export function fixture(folder: string, versions: VersionSettings = { libreswan: '4.10' }): Conf {
  const files = readFolder(resolve(FIXTURES, folder));
  const r = analyse(files, { versions });
  return confOf(r, [...files.keys()].find((u) => u.endsWith(`/${folder}/ipsec.conf`))!);
}

export function only(findings: Finding[], code: string): Finding[] {
  return findings.filter((f) => f.code === code);
}
