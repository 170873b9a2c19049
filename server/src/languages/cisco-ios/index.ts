// The Cisco IOS / IOS-XE dialect: mode-stack parser (parser.ts), object model (objects.ts),
// normalized endpoints (endpoints.ts), per-file checks (checks.ts), outline/folding (symbols.ts),
// hover and completion. Parse once per document version; every feature reads ParsedFile.tree.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DialectModule, ParseContext, ParsedFile } from '../../core/types';
import type { Endpoint, Valued } from '../../core/endpoint';
import { emptyParsedFile } from '../../core/parsedFile';
import { parseIos, type ParseTree } from './parser';
import { extractIncremental, type IosConfig } from './objects';
import { ASSUMED_VERSION, parseIosVersion, type IosVersion } from './defaults';
import { buildEndpointsIncremental, type EndpointCache } from './endpoints';
import { runChecks } from './checks';
import { buildFolding, buildReferences, buildSymbols } from './symbols';
import { hover } from './hover';
import { complete } from './completion';
import { triviaLedger } from '../../core/lines';
import { Code } from '../../core/codes';

/** The dialect-private tree every feature reads. */
export interface IosTree {
  parse: ParseTree;
  cfg: IosConfig;
  version: IosVersion;
  endpoints: Endpoint[];
  /** The endpoints as built, for the next version (endpoints.ts). */
  endpointCache?: EndpointCache;
}

/** Directive beats setting, setting beats the `version` line; the founding case's train otherwise. */
function resolveVersion(tree: ParseTree, cfg: IosConfig, ctx: ParseContext, uri: string): { v: IosVersion; valued: Valued<string> } {
  const d = tree.directive && parseIosVersion(tree.directive.version, 'directive');
  if (d && tree.directive) {
    return { v: d, valued: { value: d.text, source: 'written', uri, range: { start: { line: tree.directive.line, character: tree.directive.start }, end: { line: tree.directive.line, character: tree.directive.end } }, rule: '! tunnel-lens: ios directive' } };
  }
  const s = ctx.settings.versions.ios ? parseIosVersion(ctx.settings.versions.ios, 'setting') : undefined;
  if (s) return { v: s, valued: { value: s.text, source: 'default', rule: 'tunnelLens.iosVersion setting' } };
  const l = cfg.version ? parseIosVersion(cfg.version.text, 'version line') : undefined;
  if (l && cfg.version) return { v: l, valued: { value: l.text, source: 'written', uri, range: cfg.version.range, rule: 'version line' } };
  const a = parseIosVersion(ASSUMED_VERSION, 'assumed')!;
  return { v: a, valued: { value: a.text, source: 'default', rule: `no version given; IOS ${ASSUMED_VERSION} assumed` } };
}

/** First lines that look like IOS: `!`, `version 1x.y`, show-run headers, or a `hostname`/`interface` start. */
const IOS_HEAD = /^(!|version \d+\.\d+|Building configuration|Current configuration|hostname \S+|interface \S+|crypto (isakmp|ikev2|ipsec|map) )/m;

/**
 * Parses one document version. With the ParsedFile of the previous version of the same document,
 * only the top-level sections an edit touched are re-parsed (parser.ts), the model is merged from
 * the sections read once per root node (objects.ts, extractIncremental), only the endpoints whose
 * inputs changed are built again (endpoints.ts, buildEndpointsIncremental), and an endpoint equal
 * in every field to the previous version's endpoint of the same id is that previous object, so the
 * peer analysis (which caches by endpoint object) re-checks only the tunnels that changed. The
 * result equals a parse from scratch (test/unit/cisco-ios-incremental.test.ts).
 */
export function parseIosDocument(doc: TextDocument, ctx: ParseContext, previous?: ParsedFile): ParsedFile {
  const file = emptyParsedFile(doc, 'cisco-ios');
  const prevTree = previous && previous.uri === doc.uri && previous.languageId === 'cisco-ios' ? (previous.tree as IosTree | undefined) : undefined;
  const parse = parseIos(file.text, prevTree?.parse);
  const cfg = extractIncremental(parse, prevTree?.cfg);
  const { v, valued } = resolveVersion(parse, cfg, ctx, doc.uri);
  const built = buildEndpointsIncremental({ uri: doc.uri, cfg, version: v, versionValued: valued }, prevTree?.endpointCache);
  let endpoints = built.endpoints;
  if (prevTree && prevTree.endpoints.length > 0) {
    endpoints = reuseEqual(endpoints, prevTree.endpoints);
    // The cache keeps the objects handed out (built.endpoints is in the cache's order).
    let i = 0;
    for (const b of built.cache.tunnels.values()) b.ep = endpoints[i++];
    for (const b of built.cache.entries.values()) b.ep = endpoints[i++];
  }
  const tree: IosTree = { parse, cfg, version: v, endpoints, endpointCache: built.cache };
  file.tree = tree;
  file.endpoints = endpoints;
  file.findings = runChecks({ uri: doc.uri, cfg, tree: parse, version: v });
  file.symbols = buildSymbols(parse, cfg);
  file.references = buildReferences(cfg);
  file.folding = buildFolding(parse);
  return file;
}

/** Each endpoint replaced by the previous one of the same id when the two are equal in every field. */
function reuseEqual(next: Endpoint[], prev: Endpoint[]): Endpoint[] {
  const byId = new Map<string, Endpoint>();
  for (const e of prev) if (!byId.has(e.id)) byId.set(e.id, e);
  return next.map((e) => {
    const p = byId.get(e.id);
    return p && sameData(p, e) ? p : e;
  });
}

/** Structural equality of plain data (objects, arrays, primitives), as deepStrictEqual sees it. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], bb[i])) return false;
    return true;
  }
  if (Object.getPrototypeOf(a) !== Object.prototype) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

export const dialect: DialectModule = {
  id: 'cisco-ios',
  // TRANSITIONAL (issue 14): the codes parse() reports today, and no line ledger yet.
  parseCodes: [Code.duplicateKey, Code.invalidValue, Code.undefinedReference, Code.unusedDefinition, Code.versionIncompatible, Code.weakAlgorithm],
  lineUse: (f) => triviaLedger(f.text),
  name: 'Cisco IOS',
  matches: (path, head) =>
    /\.(ios|cisco)$|-confg$/i.test(path) || (/\.(cfg|txt|conf)$/i.test(path) && IOS_HEAD.test(head.slice(0, 400)) && !/^\s*(conn |config setup)/m.test(head.slice(0, 400))),
  parse: (doc, ctx, previous) => parseIosDocument(doc, ctx, previous),
  hover: (file, pos) => hover(file, pos),
  complete: (file, pos) => complete(file, pos),
};
