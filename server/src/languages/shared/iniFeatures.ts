// Features every ini dialect shares, driven by a key table: unknown sections/keys with
// did-you-mean, symbols (sections with their keys), folding, hover docs and completion.
import type { CompletionEntry, Finding, FoldRange, SymbolDef } from '../../core/types';
import { contains, didYouMean, finding } from './findings';
import type { IniEntry, IniFile } from './ini';
import { Code } from '../../core/codes';

export interface IniKeyDoc {
  doc: string;
  values?: string[];
}

/** section → key → doc. */
export type IniKeyTable = Record<string, Record<string, IniKeyDoc>>;

export function checkKeys(file: IniFile, table: IniKeyTable, uri: string, out: Finding[], what: string, knownOtherSections: string[] = []): void {
  for (const e of file.errors) out.push(finding(uri, Code.syntaxError, 'error', e.message, e.range));
  for (const s of file.sections) {
    const keys = table[s.name];
    if (!keys) {
      if (knownOtherSections.includes(s.name)) continue;
      const dym = didYouMean(s.name, Object.keys(table));
      out.push(finding(uri, Code.unknownKeyword, dym ? 'warning' : 'hint', `[${s.name}] is not a section Tunnel Lens knows in a ${what}.${dym ? ` Did you mean [${dym}]?` : ''}`, s.headerRange));
      continue;
    }
    const seen = new Map<string, IniEntry>();
    for (const e of s.entries) {
      if (!keys[e.key]) {
        const dym = didYouMean(e.key, Object.keys(keys));
        out.push(finding(uri, Code.unknownKeyword, dym ? 'warning' : 'hint', `${e.key}= is not a [${s.name}] key of a ${what}.${dym ? ` Did you mean ${dym}=?` : ''}`, e.keyRange));
      }
      const prev = seen.get(e.key);
      if (prev) out.push(finding(uri, Code.duplicateKey, 'warning', `${e.key}= is set again on line ${e.line + 1}; the later value wins.`, prev.keyRange));
      seen.set(e.key, e);
    }
  }
}

export function iniSymbols(file: IniFile): SymbolDef[] {
  return file.sections.map((s) => ({
    name: `[${s.name}]`,
    kind: 'section',
    range: s.range,
    selectionRange: s.headerRange,
    children: s.entries.map((e) => ({ name: e.key, kind: 'key', range: { start: e.keyRange.start, end: e.valueRange.end }, selectionRange: e.keyRange, detail: e.value })),
  }));
}

export function iniFolding(file: IniFile): FoldRange[] {
  return file.sections.filter((s) => s.range.end.line > s.range.start.line).map((s) => ({ startLine: s.range.start.line, endLine: s.range.end.line, kind: 'region' as const }));
}

export function entryAt(file: IniFile, pos: { line: number; character: number }): { section: string; entry: IniEntry } | undefined {
  for (const s of file.sections) for (const e of s.entries) if (contains(e.keyRange, pos) || contains(e.valueRange, pos)) return { section: s.name, entry: e };
  return undefined;
}

export function sectionAtLine(file: IniFile, line: number): string | undefined {
  let name: string | undefined;
  for (const s of file.sections) if (s.headerRange.start.line <= line) name = s.name;
  return name;
}

export function iniComplete(file: IniFile, text: string, pos: { line: number; character: number }, table: IniKeyTable): CompletionEntry[] {
  const line = text.split('\n')[pos.line] ?? '';
  const before = line.slice(0, pos.character);
  if (/^\s*\[[^\]]*$/.test(before)) return Object.keys(table).map((label) => ({ label, kind: 'keyword' }));
  const section = sectionAtLine(file, pos.line);
  const keys = section ? table[section] : undefined;
  if (!keys) return [];
  const m = /^\s*([^=\s]+)=\s*[^\s]*$/.exec(before);
  if (m) return (keys[m[1]]?.values ?? []).map((label) => ({ label, kind: 'value' }));
  if (/^\s*[\w-]*$/.test(before)) return Object.entries(keys).map(([label, k]) => ({ label, kind: 'keyword', documentation: k.doc, insertText: `${label}=` }));
  return [];
}
