// The Cisco IOS / IOS-XE dialect: the mode-stack parser (parser.ts), the object model (model.ts)
// read by one family per command (extract/), normalized endpoints (endpoints/), per-file checks
// (checks/, run by the registry), the line ledger (ledger.ts), outline and folding (symbols.ts),
// hover and completion. Parse once per document version; every feature reads ParsedFile.tree.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DialectModule, ParseContext, ParsedFile } from '../../core/types';
import type { Valued } from '../../core/endpoint';
import { emptyParsedFile } from '../../core/parsedFile';
import { range } from '../../core/ranges';
import { readDirectives, type Directive } from '../../core/versions';
import { written } from '../../core/valued';
import { parseIos, type ParseTree } from './parser';
import type { IosConfig } from './model';
import { extractIncremental } from './extract/sections';
import { ASSUMED_VERSION, parseIosVersion, type IosVersion } from './defaults';
import { buildEndpointsIncremental, reuseEqual } from './endpoints/cache';
import { IOS_CHECKS } from './checks';
import { buildFolding, buildReferences, buildSymbols } from './symbols';
import { hover } from './hover';
import { complete } from './completion';
import { iosLineUse } from './ledger';
import type { IosTree } from './tree';
import { iosSecretValues } from './secrets';
import { redactionStrings } from '../shared/secretSlots';

export type { IosTree } from './tree';

/** The first `! tunnel-lens: ios X` directive among the comment lines the parser set aside for it (none in banners or after `end`). */
function iosDirective(tree: ParseTree): Directive | undefined {
  for (const p of tree.passed) {
    if (p.kind !== 'directive') continue;
    for (let line = p.startLine; line <= p.endLine; line++) {
      const d = readDirectives(tree.lines[line]).find((x) => x.product === 'ios' && x.version);
      if (d) return { ...d, line };
    }
  }
  return undefined;
}

/** Directive beats setting, setting beats the `version` line; the founding case's train otherwise (docs/reference/ios-grammar.md §8). */
function resolveVersion(directive: Directive | undefined, tree: ParseTree, cfg: IosConfig, ctx: ParseContext, uri: string): { v: IosVersion; valued: Valued<string> } {
  const d = directive && parseIosVersion(directive.version!, 'directive');
  if (d && directive) {
    // The range is the version's words on the directive line.
    const start = (tree.lines[directive.line] ?? '').indexOf(directive.version!, directive.start);
    return { v: d, valued: written(d.text, uri, range(directive.line, start, start + directive.version!.length), '! tunnel-lens: ios directive') };
  }
  const s = ctx.settings.versions.ios ? parseIosVersion(ctx.settings.versions.ios, 'setting') : undefined;
  if (s) return { v: s, valued: { value: s.text, source: 'default', rule: 'tunnelLens.iosVersion setting' } };
  const l = cfg.version ? parseIosVersion(cfg.version.text, 'version line') : undefined;
  if (l && cfg.version) return { v: l, valued: written(l.text, uri, cfg.version.range, 'version line') };
  const a = parseIosVersion(ASSUMED_VERSION, 'assumed')!;
  return { v: a, valued: { value: a.text, source: 'default', rule: `no version given; IOS ${ASSUMED_VERSION} assumed` } };
}

/** First lines that look like IOS: `!`, `version 1x.y`, show-run headers, or a `hostname`/`interface` start. */
const IOS_HEAD = /^(!|version \d+\.\d+|Building configuration|Current configuration|hostname \S+|interface \S+|crypto (isakmp|ikev2|ipsec|map) )/m;

/**
 * Parses one document version. With the ParsedFile of the previous version of the same document,
 * only the top-level sections an edit touched are re-parsed (parser.ts), the model is merged from
 * the sections read once per root node (extract/sections.ts), only the endpoints whose inputs
 * changed are built again (endpoints/cache.ts), and an endpoint equal in every field to the
 * previous version's endpoint of the same id is that previous object, so the peer analysis (which
 * caches by endpoint object) re-checks only the tunnels that changed. The result equals a parse
 * from scratch (test/unit/cisco-ios-incremental.test.ts).
 */
export function parseIosDocument(doc: TextDocument, ctx: ParseContext, previous?: ParsedFile): ParsedFile<IosTree> {
  const file = emptyParsedFile(doc, 'cisco-ios') as ParsedFile<IosTree>;
  const prevTree = previous && previous.uri === doc.uri && previous.languageId === 'cisco-ios' ? (previous.tree as IosTree | undefined) : undefined;
  const parse = parseIos(file.text, prevTree?.parse);
  const cfg = extractIncremental(parse, prevTree?.cfg);
  const directive = iosDirective(parse);
  const { v, valued } = resolveVersion(directive, parse, cfg, ctx, doc.uri);
  const built = buildEndpointsIncremental({ uri: doc.uri, cfg, version: v, versionValued: valued }, prevTree?.endpointCache);
  let endpoints = built.endpoints;
  if (prevTree && prevTree.endpoints.length > 0) {
    endpoints = reuseEqual(endpoints, prevTree.endpoints);
    // The cache keeps the objects handed out (built.endpoints is in the cache's order).
    let i = 0;
    for (const b of built.cache.tunnels.values()) b.ep = endpoints[i++];
    for (const b of built.cache.entries.values()) b.ep = endpoints[i++];
  }
  file.tree = { parse, cfg, version: v, directive, endpoints, endpointCache: built.cache };
  file.endpoints = endpoints;
  file.symbols = buildSymbols(parse, cfg);
  file.references = buildReferences(cfg);
  file.folding = buildFolding(parse);
  return file;
}

export const dialect: DialectModule<IosTree> = {
  id: 'cisco-ios',
  name: 'Cisco IOS',
  // The parser reports nothing itself: every finding comes from a check of IOS_CHECKS.
  parseCodes: [],
  checks: IOS_CHECKS,
  lineUse: iosLineUse,
  matches: (path, head) =>
    /\.(ios|cisco)$|-confg$/i.test(path) || (/\.(cfg|txt|conf)$/i.test(path) && IOS_HEAD.test(head.slice(0, 400)) && !/^\s*(conn |config setup)/m.test(head.slice(0, 400))),
  parse: (doc, ctx, previous) => parseIosDocument(doc, ctx, previous),
  hover: (file, pos) => hover(file, pos),
  complete: (file, pos) => complete(file, pos),
  // The redactor's list: every secret of the table of secret slots (secrets.ts), as written.
  secretValues: (file) => (file.tree ? redactionStrings(iosSecretValues(file.tree.parse.nodes, file.tree.parse.lines)) : []),
};
