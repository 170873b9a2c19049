// The one way tests analyse configs: files in memory (text may carry position markers, see
// markers.ts), the real language service over them, and assertions that name a code and a place.
//
//   const r = analyse({ '/site/linux/ipsec.conf': 'conn x\n\t<|type=transport|>\n', … });
//   expectFinding(r, 'ipsec-mode-mismatch', r.marks['/site/linux/ipsec.conf'].ranges[0]);
//   expectNoFinding(r, 'psk-mismatch');
import * as assert from 'node:assert/strict';
import type { Range } from 'vscode-languageserver-types';
import { LanguageService } from '../../server/src/service/languageService';
import { DEFAULT_SETTINGS, type Finding, type Settings } from '../../server/src/core/types';
import type { FindingCode } from '../../server/src/core/codes';
import { mark, type Marked } from './markers';
import { filesOf, memoryFs, type Files } from './memoryFs';

export interface Analysed {
  service: LanguageService;
  files: Files;
  /** Every finding of every file (per-file and cross-peer). */
  findings: Finding[];
  /** Markers per key as given (path or uri). */
  marks: Record<string, Marked>;
  /** The uri of a key as given. */
  uri(key: string): string;
  /** Lines the service logged (internal errors). */
  log: string[];
}

export function analyse(input: Record<string, string> | Files, settings: Partial<Settings> = {}): Analysed {
  const marks: Record<string, Marked> = {};
  const entries: [string, string][] = [];
  const keyToUri = new Map<string, string>();
  for (const [k, v] of input instanceof Map ? input : Object.entries(input)) {
    const m = mark(v);
    marks[k] = m;
    entries.push([k, m.text]);
  }
  const files = filesOf(entries);
  [...files.keys()].forEach((u, i) => keyToUri.set(entries[i][0], u));
  const log: string[] = [];
  const s: Settings = { ...DEFAULT_SETTINGS, ...settings };
  const service = new LanguageService({ fs: memoryFs(files), settings: () => s, log: (l) => log.push(l) });
  for (const uri of files.keys()) service.workspace.refreshFromDisk(uri);
  const findings = service.workspace.uris().flatMap((u) => service.findings(u));
  return { service, files, findings, marks, uri: (k) => keyToUri.get(k) ?? k, log };
}

const show = (fs: Finding[]) => fs.map((f) => `  ${f.severity} ${f.code} ${f.uri}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`).join('\n') || '  (none)';

function within(inner: Range, outer: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/**
 * Asserts a finding of `code` exists; with `at`, one that starts at that position or lies inside
 * that range (in `uri`, when given). Returns it.
 */
export function expectFinding(r: Analysed, code: FindingCode, at?: Range | Range['start'], uri?: string): Finding {
  const all = r.findings.filter((f) => f.code === code && (!uri || f.uri === r.uri(uri)));
  const hit = all.find((f) => {
    if (!at) return true;
    if ('line' in at) return f.range.start.line === at.line && f.range.start.character === at.character;
    return within(f.range, at) || within(at, f.range);
  });
  assert.ok(hit, `expected ${code}${at ? ` at ${JSON.stringify(at)}` : ''}${uri ? ` in ${uri}` : ''}; findings:\n${show(r.findings)}`);
  return hit;
}

export function expectNoFinding(r: Analysed, code: FindingCode, uri?: string): void {
  const hits = r.findings.filter((f) => f.code === code && (!uri || f.uri === r.uri(uri)));
  assert.equal(hits.length, 0, `expected no ${code}; findings:\n${show(r.findings)}`);
}

/** Asserts the findings of at least `severity` are exactly these codes (order-free). */
export function expectCodes(r: Analysed, codes: FindingCode[], severities: Finding['severity'][] = ['error', 'warning']): void {
  const got = r.findings.filter((f) => severities.includes(f.severity)).map((f) => f.code).sort();
  assert.deepEqual(got, [...codes].sort(), show(r.findings));
}
