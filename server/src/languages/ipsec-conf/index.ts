// The ipsec.conf dialect: Libreswan 3.25-5.x and strongSwan 5.9's legacy ipsec.conf. parse() reads
// the file into its tree (parser.ts), follows its includes and resolves its conns (analysis.ts),
// and builds the endpoints; the checks (checks/) report from that tree.
import type { DialectModule, FoldRange, ParseContext, ParsedFile, SymbolDef, SymbolRef } from '../../core/types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Code } from '../../core/codes';
import { emptyParsedFile } from '../../core/parsedFile';
import { analyseConf, ownConns, type IpsecConfTree } from './analysis';
import { checks } from './checks';
import { complete } from './completion';
import { endpointOf } from './endpoint';
import { hover } from './hover';
import { lineUse } from './lineUse';
import { parseConf } from './parser';
import { confSecretSlot } from './secrets';
import { HIDDEN, redactionStrings } from '../shared/secretSlots';
import { alsoTargets, isAlso } from './resolve';
import type { ParsedConf } from './tree';
import { daemonDirective, detectTarget } from './version';
import type { Endpoint } from '../../core/endpoint';

export type { IpsecConfTree } from './analysis';

function parse(doc: TextDocument, ctx: ParseContext): ParsedFile<IpsecConfTree> {
  const file = emptyParsedFile<IpsecConfTree>(doc, 'ipsec-conf');
  const target = detectTarget(file.text, ctx.settings);
  const conf = parseConf(file.text, doc.uri, target.daemon);
  const tree = analyseConf(conf, file.text, target, ctx.fs);
  file.findings = conf.errors.map((e) => ({ code: Code.syntaxError, severity: 'error', message: e.message, uri: doc.uri, range: e.range, related: [], fixes: [] }));
  file.endpoints = endpointsOf(tree);
  file.dependencies = tree.dependencies;
  file.symbols = symbolsOf(conf);
  file.references = referencesOf(tree);
  file.folding = foldingOf(conf);
  file.tree = tree;
  return file;
}

function endpointsOf(tree: IpsecConfTree): Endpoint[] {
  const out: Endpoint[] = [];
  for (const s of ownConns(tree)) {
    const r = tree.resolved.get(s);
    const ep = r && endpointOf(r, tree.target, tree.conf.uri);
    if (ep) out.push(ep);
  }
  return out;
}

function symbolsOf(conf: ParsedConf): SymbolDef[] {
  return conf.sections.map((s) => ({
    name: s.kind === 'setup' ? 'config setup' : s.name,
    kind: s.kind === 'setup' ? 'config' : s.kind,
    range: s.range,
    selectionRange: s.kind === 'setup' ? s.headerRange : s.nameRange,
    detail: s.kind === 'conn' ? (s.name === '%default' ? 'defaults for every conn' : 'conn') : s.kind,
    children: s.entries.map((e) => ({ name: e.key, kind: 'key', range: e.range, selectionRange: e.keyRange, detail: confSecretSlot(e.key) ? HIDDEN : e.value.length > 40 ? e.value.slice(0, 40) + '…' : e.value })),
  }));
}

function referencesOf(tree: IpsecConfTree): SymbolRef[] {
  const refs: SymbolRef[] = [];
  for (const s of tree.conf.sections)
    for (const e of s.entries)
      if (isAlso(e)) {
        let offset = 0;
        for (const name of alsoTargets(e)) {
          const at = e.value.indexOf(name, offset);
          offset = at + name.length;
          const start = { line: e.valueRange.start.line, character: e.valueRange.start.character + at };
          refs.push({ name, kind: 'conn', range: { start, end: { line: start.line, character: start.character + name.length } } });
        }
      }
  for (const inc of tree.includes) refs.push({ name: inc.stmt.path, kind: 'include', range: inc.stmt.pathRange, targetUris: inc.targets });
  return refs;
}

function foldingOf(conf: ParsedConf): FoldRange[] {
  return conf.sections.filter((s) => s.range.end.line > s.range.start.line).map((s) => ({ startLine: s.range.start.line, endLine: s.range.end.line, kind: 'region' as const }));
}

/** First lines only an ipsec.conf starts with: a section header or `version` (docs/reference/ipsec-conf-grammar.md §4, §7). */
const FIRST_LINE = /^(config setup|conn |version 2|ca )/;
const PATH = /(^|[\\/])ipsec\.conf$|[\\/]ipsec\.d[\\/][^\\/]*\.conf$/;

export const dialect: DialectModule<IpsecConfTree> = {
  id: 'ipsec-conf',
  name: 'ipsec.conf',
  parseCodes: [Code.syntaxError],
  lineUse,
  matches: (path, head) => {
    if (PATH.test(path)) return true;
    const first = head.split('\n').find((l) => l.trim() !== '' && !l.trimStart().startsWith('#')) ?? '';
    return FIRST_LINE.test(first) || daemonDirective(head) !== undefined;
  },
  parse,
  hover,
  complete,
  checks,
  secretValues,
};

/** The values of every secret key of the file and its includes (secrets.ts), as read and as written on lines the reader could not read. */
function secretValues(file: ParsedFile<IpsecConfTree>): string[] {
  const tree = file.tree;
  if (!tree) return [];
  const values: string[] = [];
  for (const conf of [tree.conf, ...tree.included]) {
    const read = new Set<number>();
    for (const s of conf.sections)
      for (const e of s.entries)
        if (confSecretSlot(e.key)) {
          values.push(e.value);
          read.add(e.range.start.line);
        }
    // A line the reader could not read: its text after `=`, up to a comment.
    for (const [line, { raw }] of conf.secretLines) if (!read.has(line)) values.push(raw.replace(/(^|\s)#.*$/, ''));
  }
  return redactionStrings(values);
}
