// Shared by the linux-*.test.ts files: parse fixture files through a dialect with an in-memory
// view of test/fixtures/linux (the FileSystem contract), never touching anything else.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { DEFAULT_SETTINGS, type DialectModule, type ParseContext, type ParsedFile, type Settings } from '../../server/src/core/types';

export const FIXTURES = resolve(__dirname, '../fixtures/linux');
export const SAMPLES = resolve(__dirname, '../../samples');

export const diskFs: ParseContext['fs'] = {
  readFile: (uri) => {
    const p = URI.parse(uri).fsPath;
    return existsSync(p) && statSync(p).isFile() ? readFileSync(p, 'utf8') : undefined;
  },
  readDirectory: (uri) => {
    const p = URI.parse(uri).fsPath;
    return existsSync(p) && statSync(p).isDirectory() ? readdirSync(p).map((n) => URI.file(join(p, n)).toString()) : undefined;
  },
};

export function ctxWith(settings: Partial<Settings> = {}): ParseContext {
  return { settings: { ...DEFAULT_SETTINGS, ...settings }, fs: diskFs };
}

export function parseFile<T>(dialect: DialectModule<T>, path: string, ctx = ctxWith()): ParsedFile<T> {
  const uri = URI.file(path).toString();
  return dialect.parse(TextDocument.create(uri, dialect.id, 1, readFileSync(path, 'utf8')), ctx);
}

export function parseText<T>(dialect: DialectModule<T>, text: string, name = '/virtual/ifcfg-x', ctx = ctxWith()): ParsedFile<T> {
  return dialect.parse(TextDocument.create(URI.file(name).toString(), dialect.id, 1, text), ctx);
}

export function codes(file: ParsedFile): string[] {
  return file.findings.map((f) => `${f.range.start.line}:${f.code}:${f.severity}`);
}

export function onLine(file: ParsedFile, line: number) {
  return file.findings.filter((f) => f.range.start.line === line);
}
