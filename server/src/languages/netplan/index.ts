// The netplan dialect: /etc/netplan/*.yaml (and /lib, /run), read with the `yaml` package, as
// netplan merges them (config.ts). Each file gives the tunnels it defines first (model.ts), with
// the renderer's encapsulation limit, since no netplan key sets one (docs/reference/netplan.md §3),
// and the host addresses of its other definitions. The parser reports what the YAML reader cannot
// read; the registered checks report what netplan would reject or what never reaches the device.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Pair } from 'yaml';
import type { CompletionEntry, DialectModule, FileCheck, FoldRange, HoverResult, ParseContext, ParsedFile, Position, SymbolDef } from '../../core/types';
import { Code } from '../../core/codes';
import { LineUse, markLines, triviaLedger } from '../../core/lines';
import { emptyParsedFile } from '../../core/parsedFile';
import { contains } from '../../core/ranges';
import { directiveIn } from '../../core/versions';
import { markdownText } from '../../core/redact';
import type { HostAddressSource } from '../../model/hostInterfaces';
import { finding, issuesCheck } from '../shared/findings';
import { tunnelHoverMarkdown } from '../shared/tunnelHover';
import { loadNetplan, type NetplanConfig } from './config';
import { COMMON_KEYS, NETWORK_KEYS, NO_ENCAP_KEY, TUNNEL_KEYS, TUNNEL_MODES, type KeyDoc } from './keys';
import { readNetplan, type FileIssue, type Netplan } from './model';
import { isSeq, keyText, nodeLines, nodeRange, pairsOf, scalarText, type YamlFile } from './reader';
import { netplanSecretSlot } from './secrets';
import { HIDDEN, hiddenHover, redactionStrings } from '../shared/secretSlots';

export interface NetplanTree {
  kind: 'netplan';
  config: NetplanConfig;
  file: YamlFile;
  netplan: Netplan;
  /** What netplan would reject or not render, on this file's lines. */
  issues: FileIssue[];
}

function parse(doc: TextDocument, ctx: ParseContext): ParsedFile<NetplanTree> {
  const file = emptyParsedFile<NetplanTree>(doc, 'netplan');
  const config = loadNetplan(doc.uri, file.text, ctx.fs);
  const d = directiveIn(file.text, '#', 'networkmanager');
  const netplan = readNetplan(config, ctx.fs, ctx.settings.pathMtu, d?.version ?? ctx.settings.versions.networkManager);
  const self = config.self;
  file.tree = { kind: 'netplan', config, file: self, netplan, issues: netplan.issues.filter((i) => i.uri === doc.uri) };
  file.findings = self.errors.map((e) => finding(doc.uri, Code.syntaxError, 'error', `${e.message} (netplan refuses a file it cannot parse, and applies none of the configuration)`, e.range));
  // A file shadowed by a same-name file of a later directory is not read.
  file.endpoints = config.shadowedBy ? [] : netplan.endpoints.filter((e) => e.uri === doc.uri);
  file.dependencies = [...new Set([...config.dependencies, ...netplan.dependencies])].filter((u) => u !== doc.uri);
  file.symbols = symbolsOf(self, self.network);
  file.folding = foldingOf(self);
  return file;
}

function symbolsOf(f: YamlFile, p: Pair<unknown, unknown> | undefined, depth = 0, path: string[] = [], mode?: string): SymbolDef[] {
  if (!p) return [];
  const r = nodeRange(f, p.key)!;
  const end = nodeRange(f, p.value) ?? r;
  const here = [...path, keyText(p)];
  // A tunnel's mode decides whether its scalar `key` is a WireGuard private key (secrets.ts).
  const m = here.length === 3 && here[1] === 'tunnels' ? tunnelMode(p.value) : mode;
  const children = depth < 3 ? pairsOf(p.value).flatMap((c) => symbolsOf(f, c, depth + 1, here, m)) : [];
  const v = scalarText(p.value);
  const secret = netplanSecretSlot(here, m, v);
  return [{ name: keyText(p) || '(key)', kind: depth === 2 ? 'interface' : depth < 2 ? 'section' : 'key', range: { start: r.start, end: end.end }, selectionRange: r, detail: secret ? HIDDEN : v?.slice(0, 60), children }];
}

/** The `mode` of a tunnel's mapping. */
function tunnelMode(value: unknown): string | undefined {
  const m = pairsOf(value).find((c) => keyText(c) === 'mode');
  return m ? scalarText(m.value) : undefined;
}

function foldingOf(f: YamlFile): FoldRange[] {
  const out: FoldRange[] = [];
  const walk = (p: Pair<unknown, unknown>) => {
    const k = nodeLines(f, p.key);
    const v = nodeLines(f, p.value);
    if (k && v && v[1] > k[0]) out.push({ startLine: k[0], endLine: v[1], kind: 'region' });
    for (const c of pairsOf(p.value)) walk(c);
  };
  if (f.network) walk(f.network);
  return out;
}

/** The redactor's list: every value the table of secret slots (secrets.ts) finds, sequence items walked through. */
function secretValues(f: ParsedFile<NetplanTree>): string[] {
  const out: string[] = [];
  const walk = (n: unknown, path: string[], mode: string | undefined) => {
    for (const p of pairsOf(n)) {
      const here = [...path, keyText(p)];
      const m = here.length === 3 && here[1] === 'tunnels' ? tunnelMode(p.value) : mode;
      const v = scalarText(p.value);
      if (v && netplanSecretSlot(here, m, v)) out.push(v);
      walk(p.value, here, m);
    }
    if (isSeq(n)) for (const i of n.items) walk(i, path, mode);
  };
  walk(f.tree.file.doc.contents, [], undefined);
  return redactionStrings(out);
}

/** The path of keys from `network` to the pair at pos (innermost last). */
function pathAt(f: YamlFile, pos: Position): Pair<unknown, unknown>[] {
  const out: Pair<unknown, unknown>[] = [];
  let pairs = f.network ? [f.network] : [];
  for (;;) {
    const hit = pairs.find((p) => {
      const k = nodeRange(f, p.key);
      const v = nodeRange(f, p.value);
      return (k && contains(k, pos)) || (v && contains({ start: k?.start ?? v.start, end: v.end }, pos));
    });
    if (!hit) return out;
    out.push(hit);
    pairs = isSeq(hit.value) ? hit.value.items.flatMap((i) => pairsOf(i)) : pairsOf(hit.value);
  }
}

function docOf(path: string[]): KeyDoc | undefined {
  const [, a, , c] = path;
  if (path.length === 2) return NETWORK_KEYS[a];
  if (path.length === 4) return COMMON_KEYS[c] ?? (a === 'tunnels' ? TUNNEL_KEYS[c] : undefined);
  return undefined;
}

function hover(file: ParsedFile<NetplanTree>, pos: Position): HoverResult | undefined {
  const f = file.tree.file;
  const path = pathAt(f, pos);
  const last = path[path.length - 1];
  if (!last) return undefined;
  const names = path.map(keyText);
  const parts: string[] = [];
  const doc = docOf(names);
  const tunnel = names[1] === 'tunnels' && path[2] ? tunnelMode(path[2].value) : undefined;
  const secret = netplanSecretSlot(names, tunnel, scalarText(last.value));
  if (secret) parts.push(hiddenHover(secret.where));
  else if (doc) parts.push(`**${markdownText(names[names.length - 1])}** ${doc.doc}`);
  else if (names.length === 3) parts.push(`**${markdownText(names[2])}**: a definition of ${markdownText(names[1])}.`);
  if (names[1] === 'tunnels' && names.length >= 3) {
    const ep = file.tree.netplan.endpoints.find((e) => e.name === names[2]);
    if (ep) parts.push(tunnelHoverMarkdown(ep));
    if (names.length === 3 || names[3] === 'mode') parts.push(NO_ENCAP_KEY.replace('<id>', markdownText(names[2])));
  }
  if (!parts.length) return undefined;
  return { markdown: parts.join('\n\n'), range: nodeRange(f, last.key) };
}

function complete(file: ParsedFile<NetplanTree>, pos: Position): CompletionEntry[] {
  const lines = file.text.split('\n');
  const line = lines[pos.line] ?? '';
  const before = line.slice(0, pos.character);
  const indent = /^\s*(-\s+)?/.exec(before)![0].length;
  // The keys above with less indentation, nearest first: the path to here.
  const path: string[] = [];
  let limit = indent;
  for (let l = pos.line - 1; l >= 0 && limit > 0; l--) {
    const m = /^(\s*)(?:-\s+)?([^\s#:][^:#]*):(\s|$)/.exec(lines[l]);
    if (m && m[1].length < limit) {
      path.unshift(m[2].trim());
      limit = m[1].length;
    }
  }
  const value = /^\s*(?:-\s+)?([\w.-]+):\s*\S*$/.exec(before);
  const table: Record<string, KeyDoc> | undefined =
    path.length === 0 ? { network: { doc: 'netplan\'s configuration.' } } : path.length === 1 ? NETWORK_KEYS : path.length === 3 ? { ...COMMON_KEYS, ...(path[1] === 'tunnels' ? TUNNEL_KEYS : {}) } : undefined;
  if (value) {
    const d = value[1] === 'mode' ? { doc: '', values: Object.keys(TUNNEL_MODES) } : table?.[value[1]];
    return (d?.values ?? []).map((label) => ({ label, kind: 'value' as const }));
  }
  if (!/^\s*(-\s+)?[\w.-]*$/.test(before) || !table) return [];
  return Object.entries(table).map(([label, d]) => ({ label, kind: 'keyword' as const, documentation: d.doc, insertText: `${label}: ` }));
}

/** Lines that hold only YAML punctuation, an anchor or a tag: part of the collection around them. */
const PUNCTUATION = /^\s*([-?:[\]{},|>]|&\S+|!\S*|\*\S+|\s)*\s*(#.*)?$/;

function lineUse(file: ParsedFile<NetplanTree>): Uint8Array {
  const ledger = triviaLedger(file.text, /^\s*(#|$|---\s*(#.*)?$|\.\.\.\s*(#.*)?$|%)/);
  const marks = file.tree.netplan.marks.get(file.uri);
  const USE = { model: LineUse.model, outside: LineUse.outside, continued: LineUse.continued } as const;
  if (marks) for (const [l, m] of marks) markLines(ledger, l, l, USE[m]);
  const lines = file.text.split('\n');
  const f = file.tree.file;
  const broken = f.errors.length > 0;
  // The lines each top-level pair covers: a line inside one that no walk reached (a complex `? key`
  // spans lines the parser folds into the pair) continues the pair, whose first line is read or reported.
  const spans = pairsOf(f.doc.contents).map((p) => [nodeLines(f, p.key)?.[0] ?? nodeLines(f, p.value)?.[0] ?? 0, nodeLines(f, p.value)?.[1] ?? nodeLines(f, p.key)?.[1] ?? 0]);
  for (let l = 0; l < ledger.length; l++) {
    if (ledger[l] !== LineUse.unread) continue;
    // After a YAML error netplan reads nothing of the file; a punctuation line belongs to its collection.
    if (broken) ledger[l] = LineUse.outside;
    else if (PUNCTUATION.test(lines[l] ?? '') || spans.some(([a, b]) => a < l && l <= b)) ledger[l] = LineUse.continued;
  }
  return ledger;
}

const CHECKS: readonly FileCheck<NetplanTree>[] = [
  issuesCheck<NetplanTree>('netplan/definitions', [Code.invalidValue, Code.unknownKeyword, Code.versionIncompatible], (t) => t.issues),
  {
    id: 'netplan/shadowed',
    codes: [Code.configIgnored],
    run(file, _ctx, report) {
      const by = file.tree.config.shadowedBy;
      if (by) report({ code: Code.configIgnored, severity: 'warning', message: `netplan does not read this file: ${decodeURIComponent(by.replace(/^file:\/\//, ''))} has the same name in a later directory (/run before /etc before /lib) and replaces it.`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    },
  },
];

export const dialect: DialectModule<NetplanTree> & HostAddressSource<NetplanTree> = {
  id: 'netplan',
  name: 'netplan YAML',
  matches: (path) => /(^|\/)netplan\/[^/]+\.yaml$/.test(path),
  parseCodes: [Code.syntaxError],
  parse,
  checks: CHECKS,
  lineUse,
  hover,
  complete,
  secretValues,
  hostAddresses: (f) => (f.tree.config.shadowedBy ? [] : f.tree.netplan.hostAddresses.filter((a) => a.uri === f.uri)),
};

