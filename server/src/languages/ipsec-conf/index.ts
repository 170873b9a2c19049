// The ipsec.conf dialect: Libreswan 3.25-5.x and strongSwan 5.9's legacy ipsec.conf.
import type { DialectModule, FoldRange, ParseContext, ParsedFile, SymbolDef, SymbolRef } from '../../core/types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { emptyParsedFile } from '../../core/parsedFile';
import { analyze, type Analysis } from './analyze';
import { checks } from './checks';
import { complete } from './completion';
import { hover } from './hover';
import { parseConf, type ParsedConf } from './parser';
import { alsoTargets, isAlso } from './resolve';
import { detectTarget } from './version';
import { Code } from '../../core/codes';
import { triviaLedger } from '../../core/lines';

export interface IpsecConfTree {
  conf: ParsedConf;
  analysis: Analysis;
}

function parse(doc: TextDocument, ctx: ParseContext): ParsedFile {
  const file = emptyParsedFile(doc, 'ipsec-conf');
  const text = file.text;
  try {
    const target = detectTarget(text, ctx.settings);
    const conf = parseConf(text, doc.uri, target.daemon);
    const analysis = analyze(conf, text, target, ctx);
    file.findings = analysis.findings.filter((f) => f.code === Code.syntaxError);
    file.endpoints = analysis.endpoints;
    file.dependencies = analysis.dependencies;
    file.symbols = symbolsOf(conf);
    file.references = referencesOf(conf, analysis);
    file.folding = foldingOf(conf);
    file.tree = { conf, analysis } satisfies IpsecConfTree;
  } catch (err) {
    // Never crash the server on odd input: report it where it can be seen.
    file.findings.push({
      code: Code.syntaxError,
      severity: 'error',
      message: `internal error while reading this file: ${(err as Error).message}`,
      uri: doc.uri,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      related: [],
      fixes: [],
    });
  }
  return file;
}

function symbolsOf(conf: ParsedConf): SymbolDef[] {
  return conf.sections.map((s) => ({
    name: s.kind === 'setup' ? 'config setup' : s.name,
    kind: s.kind === 'setup' ? 'config' : s.kind,
    range: s.range,
    selectionRange: s.kind === 'setup' ? s.headerRange : s.nameRange,
    detail: s.kind === 'conn' ? (s.name === '%default' ? 'defaults for every conn' : 'conn') : s.kind,
    children: s.entries.map((e) => ({ name: e.key, kind: 'key', range: e.range, selectionRange: e.keyRange, detail: e.value.length > 40 ? e.value.slice(0, 40) + '…' : e.value })),
  }));
}

function referencesOf(conf: ParsedConf, a: Analysis): SymbolRef[] {
  const refs: SymbolRef[] = [];
  for (const s of conf.sections)
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
  for (const inc of a.includes) refs.push({ name: inc.stmt.path, kind: 'include', range: inc.stmt.pathRange, targetUris: inc.targets });
  return refs;
}

function foldingOf(conf: ParsedConf): FoldRange[] {
  return conf.sections.filter((s) => s.range.end.line > s.range.start.line).map((s) => ({ startLine: s.range.start.line, endLine: s.range.end.line, kind: 'region' as const }));
}

const FIRST_LINE = /^(config setup|conn |version 2|ca )/;

export const dialect: DialectModule = {
  id: 'ipsec-conf',
  // TRANSITIONAL (issue 14): the codes parse() reports today, and no line ledger yet.
  parseCodes: [Code.syntaxError],
  lineUse: (f) => triviaLedger(f.text),
  name: 'ipsec.conf',
  matches: (path, head) => {
    if (/(^|[\\/])ipsec\.conf$|[\\/]ipsec\.d[\\/][^\\/]*\.conf$/.test(path)) return true;
    const first = head.split('\n').find((l) => l.trim() !== '' && !l.trimStart().startsWith('#')) ?? '';
    return FIRST_LINE.test(first) || /^[ \t]*#[ \t]*tunnel-lens:[ \t]*(libreswan|strongswan)/im.test(head);
  },
  parse,
  hover,
  complete,
  checks,
};
