// A small ini parser for systemd .netdev files and NetworkManager keyfiles: `[Section]`,
// `Key=Value`, comments, positions for every part. systemd also takes `;` comments and a trailing
// backslash as line continuation; GKeyFile (NetworkManager) takes `#` comments only.
import type { Range } from 'vscode-languageserver-types';
import { range } from '../../core/ranges';
import { quoteValue } from '../../core/redact';

export interface IniEntry {
  key: string;
  value: string;
  line: number;
  keyRange: Range;
  valueRange: Range;
}

export interface IniSection {
  name: string;
  headerRange: Range;
  /** From the header to the last non-blank line before the next header. */
  range: Range;
  entries: IniEntry[];
}

export interface IniFile {
  sections: IniSection[];
  /** Lines that are neither comments, headers nor Key=Value, and entries before any section (`entry`); `section` is where the line stands. */
  errors: { message: string; range: Range; entry?: IniEntry; section?: string; text?: string }[];
}

export function parseIni(text: string, opts: { semicolonComments: boolean; continuation: boolean }): IniFile {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const sections: IniSection[] = [];
  const errors: IniFile['errors'] = [];
  let cur: IniSection | undefined;
  let lastContent = 0;
  const close = () => {
    if (cur) cur.range = { start: cur.headerRange.start, end: { line: lastContent, character: lines[lastContent].length } };
  };
  for (let line = 0; line < lines.length; line++) {
    const l = lines[line];
    const t = l.trim();
    if (t === '' || t.startsWith('#') || (opts.semicolonComments && t.startsWith(';'))) continue;
    const h = /^\s*\[([^\]]*)\]\s*$/.exec(l);
    if (h) {
      close();
      const s = l.indexOf('[');
      cur = { name: h[1], headerRange: range(line, s, l.indexOf(']') + 1), range: range(line, s, l.length), entries: [] };
      sections.push(cur);
      lastContent = line;
      continue;
    }
    const eq = l.indexOf('=');
    if (eq < 0) {
      errors.push({ message: `"${quoteValue(t, 37)}" is not \`Key=Value\` or a [Section] header.`, range: range(line, l.length - l.trimStart().length, l.length), section: cur?.name, text: t });
      continue;
    }
    const keyStart = l.length - l.trimStart().length;
    const key = l.slice(0, eq).trim();
    let value = l.slice(eq + 1).trim();
    const valueStart = eq + 1 + (l.slice(eq + 1).length - l.slice(eq + 1).trimStart().length);
    let endLine = line;
    while (opts.continuation && value.endsWith('\\') && endLine + 1 < lines.length) {
      endLine++;
      value = value.slice(0, -1) + ' ' + lines[endLine].trim();
    }
    const entry: IniEntry = {
      key,
      value,
      line,
      keyRange: range(line, keyStart, keyStart + key.length),
      valueRange: endLine === line ? range(line, valueStart, l.trimEnd().length) : { start: { line, character: valueStart }, end: { line: endLine, character: lines[endLine].length } },
    };
    line = endLine;
    lastContent = line;
    if (!cur) {
      errors.push({ message: `${quoteValue(key)}= is outside any [Section].`, range: entry.keyRange, entry });
      continue;
    }
    cur.entries.push(entry);
  }
  close();
  return { sections, errors };
}

/** The last entry of a key in the sections of that name (later assignments win). */
export function lastEntry(file: IniFile, section: string, key: string): IniEntry | undefined {
  let found: IniEntry | undefined;
  for (const s of file.sections) if (s.name === section) for (const e of s.entries) if (e.key === key) found = e;
  return found;
}
