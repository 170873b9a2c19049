// Shared by the ipsec-conf unit tests: parse marked text with an in-memory or disk file system.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { dialect } from '../../server/src/languages/ipsec-conf';
import { allFindings } from '../../server/src/languages/ipsec-conf/checks';
import { DEFAULT_SETTINGS, type FileSystem, type Finding, type ParsedFile, type VersionSettings } from '../../server/src/core/types';
import { pathToUri, uriToPath } from '../../server/src/core/uri';
import { mark, type Marked } from '../helpers/markers';

export const noFs: FileSystem = { readFile: () => undefined, readDirectory: () => undefined };

export const diskFs: FileSystem = {
  readFile: (u) => {
    const p = uriToPath(u);
    return existsSync(p) && statSync(p).isFile() ? readFileSync(p, 'utf8') : undefined;
  },
  readDirectory: (u) => {
    const p = uriToPath(u);
    return existsSync(p) && statSync(p).isDirectory() ? readdirSync(p).map((n) => pathToUri(join(p, n))) : undefined;
  },
};

export function parseText(text: string, versions: VersionSettings = {}, uri = 'file:///etc/ipsec.conf', fs: FileSystem = noFs): ParsedFile {
  return dialect.parse(TextDocument.create(uri, 'ipsec-conf', 1, text), { settings: { ...DEFAULT_SETTINGS, versions }, fs });
}

export function parseMarked(source: string, versions: VersionSettings = {}): { m: Marked; file: ParsedFile; findings: Finding[] } {
  const m = mark(source);
  const file = parseText(m.text, versions);
  return { m, file, findings: allFindings(file) };
}

export function ctx(versions: VersionSettings = {}, fs: FileSystem = noFs) {
  return { settings: { ...DEFAULT_SETTINGS, versions }, fs };
}
