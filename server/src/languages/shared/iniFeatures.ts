// Features every ini dialect shares, driven by a key table: the parser's syntax findings, the
// unknown-key and duplicate-key checks, the line ledger, symbols (sections with their keys),
// folding, hover docs and completion. A table of secret slots (IniSecretSlot) says which keys
// hold a secret: their values never reach a symbol, a message or a hover.
import type { CompletionEntry, FileCheck, Finding, FoldRange, SymbolDef } from '../../core/types';
import { Code } from '../../core/codes';
import { didYouMean } from '../../core/didYouMean';
import { LineUse, markLines, triviaLedger } from '../../core/lines';
import { contains } from '../../core/ranges';
import { quoteValue } from '../../core/redact';
import { finding } from './findings';
import type { IniEntry, IniFile } from './ini';
import { HIDDEN, shapeOf, type SecretSlot } from './secretSlots';

/** A key of an ini dialect that holds a secret (languages/shared/secretSlots.ts). */
export interface IniSecretSlot extends SecretSlot {
  /** The section: its name; `prefix.` for every section whose name starts so (`wireguard-peer.`); `*` for any. */
  section: string;
  /** The keys; absent: every key of the section. */
  keys?: readonly string[];
}

function sectionMatches(slot: IniSecretSlot, section: string): boolean {
  return slot.section === '*' || slot.section === section || (slot.section.endsWith('.') && section.startsWith(slot.section));
}

/** The slot a key of a section is, if it holds a secret. */
export function iniSecretSlot(table: readonly IniSecretSlot[], section: string | undefined, key: string): IniSecretSlot | undefined {
  if (section === undefined) return undefined;
  return table.find((s) => sectionMatches(s, section) && (!s.keys || s.keys.includes(key)));
}

/** Whether a section may hold a secret (a line in it the reader cannot read is reported by its shape only). */
export function iniSectionHoldsSecrets(table: readonly IniSecretSlot[], section: string | undefined): boolean {
  return section !== undefined && table.some((s) => s.section !== '*' && sectionMatches(s, section));
}

/** The values of every secret key of the file, and the text of the lines the reader could not read in a section that holds secrets. */
export function iniSecretValues(file: IniFile, table: readonly IniSecretSlot[]): string[] {
  const out: string[] = [];
  for (const s of file.sections) for (const e of s.entries) if (iniSecretSlot(table, s.name, e.key)) out.push(e.value);
  for (const e of file.errors) if (e.text !== undefined && iniSectionHoldsSecrets(table, e.section)) out.push(e.text);
  return out;
}

export interface IniKeyDoc {
  doc: string;
  values?: string[];
}

/** section → key → doc. */
export type IniKeyTable = Record<string, Record<string, IniKeyDoc>>;

/** The tree every ini dialect keeps: the file as read. */
export interface IniTree {
  ini: IniFile;
}

/**
 * What the ini reader cannot read (not `Key=Value`, a key before any section): the parser's own
 * findings. A line of a section that holds secrets is reported by its shape, never its text.
 */
export function iniSyntaxFindings(file: IniFile, uri: string, secrets: readonly IniSecretSlot[] = []): Finding[] {
  return file.errors.map((e) => {
    const hide = e.text !== undefined && iniSectionHoldsSecrets(secrets, e.section);
    const message = hide ? `This line (${shapeOf(e.text!)}) is not \`Key=Value\` or a [Section] header; [${quoteValue(e.section!)}] holds secrets, so its text is not shown.` : e.message;
    return finding(uri, Code.syntaxError, 'error', message, e.range);
  });
}

/**
 * Unknown sections and keys of a modelled section (unknown-keyword, with did-you-mean). Sections
 * in `otherSections` are known and outside the model: their keys are not judged.
 */
export function iniKeysCheck<T extends IniTree>(id: string, table: IniKeyTable, what: string, otherSections: readonly string[]): FileCheck<T> {
  const sections = Object.keys(table);
  return {
    id,
    codes: [Code.unknownKeyword],
    run(file, _ctx, report) {
      for (const s of file.tree.ini.sections) {
        const keys = table[s.name];
        if (!keys) {
          if (otherSections.includes(s.name)) continue;
          const dym = didYouMean(s.name, sections);
          report({ code: Code.unknownKeyword, severity: dym ? 'warning' : 'hint', message: `[${quoteValue(s.name)}] is not a section Tunnel Lens knows in a ${what}.${dym ? ` Did you mean [${dym}]?` : ''}`, range: s.headerRange });
          continue;
        }
        for (const e of s.entries) {
          if (keys[e.key]) continue;
          const dym = didYouMean(e.key, Object.keys(keys));
          report({ code: Code.unknownKeyword, severity: dym ? 'warning' : 'hint', message: `${quoteValue(e.key)}= is not a [${quoteValue(s.name)}] key of a ${what}.${dym ? ` Did you mean ${dym}=?` : ''}`, range: e.keyRange });
        }
      }
    },
  };
}

/** A key set twice in one section of a modelled kind (duplicate-key): the later value wins. */
export function iniDuplicatesCheck<T extends IniTree>(id: string, table: IniKeyTable): FileCheck<T> {
  return {
    id,
    codes: [Code.duplicateKey],
    run(file, _ctx, report) {
      for (const s of file.tree.ini.sections) {
        if (!table[s.name]) continue;
        const seen = new Map<string, IniEntry>();
        for (const e of s.entries) {
          const prev = seen.get(e.key);
          if (prev) report({ code: Code.duplicateKey, severity: 'warning', message: `${quoteValue(e.key)}= is set again on line ${e.line + 1}; the later value wins.`, range: prev.keyRange });
          seen.set(e.key, e);
        }
      }
    },
  };
}

/**
 * The line ledger of an ini file (core/lines.ts): headers and known keys of a modelled section are
 * the model; sections in `otherSections` (a table of each dialect) are outside the model with
 * their keys; an unknown section's keys are outside too, its header reported; unknown keys of a
 * modelled section and what the reader cannot read are reported; continuation lines continued.
 */
export function iniLineUse(text: string, file: IniFile, table: IniKeyTable, otherSections: readonly string[], comment: RegExp): Uint8Array {
  const ledger = triviaLedger(text, comment);
  const entry = (e: IniEntry, use: LineUse | undefined) => {
    if (use !== undefined) markLines(ledger, e.line, e.line, use);
    if (e.valueRange.end.line > e.line) markLines(ledger, e.line + 1, e.valueRange.end.line, LineUse.continued);
  };
  for (const s of file.sections) {
    const keys = table[s.name];
    const other = !keys && otherSections.includes(s.name);
    if (keys || other) markLines(ledger, s.headerRange.start.line, s.headerRange.start.line, keys ? LineUse.model : LineUse.outside);
    for (const e of s.entries) entry(e, keys ? (keys[e.key] ? LineUse.model : undefined) : LineUse.outside);
  }
  for (const e of file.errors) if (e.entry) entry(e.entry, undefined);
  return ledger;
}

export function iniSymbols(file: IniFile, secrets: readonly IniSecretSlot[] = []): SymbolDef[] {
  const detail = (section: string, e: IniEntry) => (iniSecretSlot(secrets, section, e.key) ? HIDDEN : e.value.length > 40 ? `${e.value.slice(0, 40)}…` : e.value);
  return file.sections.map((s) => ({
    name: `[${s.name}]`,
    kind: 'section',
    range: s.range,
    selectionRange: s.headerRange,
    children: s.entries.map((e) => ({ name: e.key, kind: 'key', range: { start: e.keyRange.start, end: e.valueRange.end }, selectionRange: e.keyRange, detail: detail(s.name, e) })),
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
