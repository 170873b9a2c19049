// The ipsec.secrets dialect. Its product is SecretsTree (in ParsedFile.tree): PSK entries by ID
// pair with a digest of the key, for the cross-peer psk-mismatch check via findPsk(). The secrets
// are never printed: messages name IDs and line numbers only.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DialectModule, Finding, ParseContext, ParsedFile, SymbolDef } from '../../core/types';
import { Code } from '../../core/codes';
import { LineUse, markLines, triviaLedger } from '../../core/lines';
import { emptyParsedFile } from '../../core/parsedFile';
import { contains } from '../../core/ranges';
import { finding } from '../shared/findings';
import { markConstruct } from '../shared/ledger';
import { SECRETS_CHECKS, idLabel } from './checks';
import { markdownText } from '../../core/redact';
import { hasWildcard, IncludeExpansion } from '../shared/includes';
import { redactionStrings } from '../shared/secretSlots';
import { secretWords } from './secrets';
import { ANY_IDS, decodeSecret, normalizeId, pskDigest, scanSecrets, SECRET_TYPES, type PskEntry, type SecretsInclude, type SecretsTree } from './parser';

export type { PskEntry, SecretsTree } from './parser';
export { pskDigest, normalizeId } from './parser';

const MAX_INCLUDE_DEPTH = 8;

/** The entries of the file being parsed: its syntax errors are reported, its lines accounted. */
interface TopFile {
  findings: Finding[];
}

/**
 * The secret words each tree met (secrets.ts), for secretValues(): kept beside the tree, never in
 * it, so the tree holds no secret text that a feature (or a JSON dump) could show.
 */
const SECRET_WORDS = new WeakMap<SecretsTree, string[]>();

/** Why an entry is no usable secret, and where; undefined when it is one. */
function entryError(e: ReturnType<typeof scanSecrets>['entries'][number], bytes: Uint8Array | undefined): { message: string; range: Finding['range'] } | undefined {
  if (e.error) return e.error;
  if (!e.secret) return { message: `${e.type!.text} entry without a secret.`, range: e.type!.range };
  // the message must not quote the secret
  if (e.type!.text === 'PSK' && !bytes) return { message: 'The PSK is not a quoted string, 0x hex or 0s base64 (unterminated quote?).', range: e.secret.range };
  return undefined;
}

const isType = (w: string) => SECRET_TYPES.includes(w);

function collect(text: string, uri: string, x: IncludeExpansion, tree: SecretsTree, top: TopFile | undefined, depth: number, deps: string[]): void {
  const { entries, includes } = scanSecrets(text);
  const secrets = SECRET_WORDS.get(tree)!;
  for (const e of entries) {
    for (const s of secretWords(e.words, e.afterColon, isType)) secrets.push(...s.words);
    const type = e.type?.text;
    const bytes = e.secret && (type === 'PSK' || type === 'XAUTH' || type === 'EAP') ? decodeSecret(e.secret.token) : undefined;
    const error = entryError(e, bytes);
    if (top) {
      tree.spans.push({ from: e.range.start.line, to: e.range.end.line, reported: error?.range });
      if (error) top.findings.push(finding(uri, Code.syntaxError, 'error', error.message, error.range));
    }
    if (error) continue;
    tree.entries.push({
      ids: e.ids.map((i) => normalizeId(i.text)),
      pskDigest: bytes ? pskDigest(bytes) : '',
      uri,
      range: e.range,
      secretRange: e.secret!.range,
      type: type!,
    });
  }
  for (const inc of includes) {
    const t = x.target(uri, inc.pattern);
    const item: SecretsInclude = { uri, pattern: inc.pattern, range: inc.range, uris: [], wildcard: hasWildcard(inc.pattern) };
    tree.includes.push(item);
    if (t.kind === 'unrooted') {
      item.problem = 'unrooted';
      continue;
    }
    deps.push(t.uri);
    item.uris = x.matches(t);
    for (const u of item.uris) {
      deps.push(u);
      if (depth >= MAX_INCLUDE_DEPTH || x.isExpanded(u)) continue;
      const r = x.read(u);
      if ('problem' in r) {
        item.problem ??= r.problem;
        continue;
      }
      x.expanded(u);
      collect(r.text, u, x, tree, undefined, depth + 1, deps);
    }
  }
}

function parse(doc: TextDocument, ctx: ParseContext): ParsedFile<SecretsTree> {
  const file = emptyParsedFile<SecretsTree>(doc, 'ipsec-secrets');
  const tree: SecretsTree = { kind: 'ipsec-secrets', entries: [], includes: [], spans: [] };
  SECRET_WORDS.set(tree, []);
  const top: TopFile = { findings: [] };
  const deps: string[] = [];
  const x = new IncludeExpansion(ctx.fs);
  x.seed(doc.uri, file.text);
  x.expanded(doc.uri);
  collect(file.text, doc.uri, x, tree, top, 0, deps);
  file.findings = top.findings;
  file.tree = tree;
  file.dependencies = [...new Set(deps)];
  file.references = tree.includes.map((i) => ({ name: i.pattern, kind: 'include', range: i.range, targetUris: i.uris }));
  file.symbols = tree.entries
    .filter((e) => e.uri === doc.uri)
    .map((e): SymbolDef => ({ name: `${idLabel(e.ids)} : ${e.type}`, kind: 'secret', range: e.range, selectionRange: e.range }));
  return file;
}

/**
 * The line ledger (core/lines.ts): entries and includes are the model; the lines of an entry the
 * reader cannot use are reported by its syntax error, its other lines continue it.
 */
function lineUse(file: ParsedFile<SecretsTree>): Uint8Array {
  const ledger = triviaLedger(file.text);
  for (const i of file.tree.includes) if (i.uri === file.uri) markLines(ledger, i.range.start.line, i.range.start.line, LineUse.model);
  for (const s of file.tree.spans) {
    if (!s.reported) markConstruct(ledger, s.from, s.to, LineUse.model);
    else for (let l = s.from; l <= s.to; l++) if (l < s.reported.start.line || l > s.reported.end.line) markLines(ledger, l, l, LineUse.continued);
  }
  return ledger;
}

/**
 * The PSK entry the daemon would use for this pair of IDs (either order), or undefined. Best match
 * first: both IDs, then one ID (the other %any or absent), then an entry without IDs; the first in
 * file order wins a tie.
 */
export function findPsk(tree: unknown, localId: string, remoteId: string): PskEntry | undefined {
  const t = tree as SecretsTree | undefined;
  if (!t || t.kind !== 'ipsec-secrets') return undefined;
  const l = normalizeId(localId);
  const r = normalizeId(remoteId);
  let best: { e: PskEntry; score: number } | undefined;
  for (const e of t.entries) {
    if (e.type !== 'PSK') continue;
    let score: number;
    if (e.ids.length === 0) score = 1;
    else {
      const concrete = e.ids.filter((i) => !ANY_IDS.has(i) && i !== '%any');
      if (!concrete.every((i) => i === l || i === r)) continue;
      const hits = new Set(concrete.map((i) => (i === l ? 'l' : 'r')));
      if (l === r && concrete.length) hits.add('l').add('r');
      score = hits.size === 2 ? 4 : hits.size === 1 ? 3 : 2;
    }
    if (!best || score > best.score) best = { e, score };
  }
  return best?.e;
}

export const dialect: DialectModule<SecretsTree> = {
  id: 'ipsec-secrets',
  name: 'ipsec.secrets',
  matches: (path) => /(^|\/)ipsec\.secrets$|\/ipsec\.d\/[^/]*\.secrets$/.test(path),
  parseCodes: [Code.syntaxError],
  parse,
  checks: SECRETS_CHECKS,
  lineUse,
  secrets: {
    pskFor(file, localId, remoteId) {
      const e = findPsk(file.tree, localId, remoteId);
      return e?.pskDigest ? { digest: e.pskDigest, uri: e.uri, range: e.secretRange } : undefined;
    },
  },
  secretValues: (file) => redactionStrings(SECRET_WORDS.get(file.tree) ?? []),
  hover: (file, pos) => {
    const tree = file.tree;
    const e = tree.entries.find((x) => x.uri === file.uri && contains(x.range, pos));
    if (!e) return undefined;
    return {
      markdown: `**${e.type}** for ${markdownText(idLabel(e.ids))}. The secret is hidden; Tunnel Lens compares only a digest of it with the peer's key.`,
      range: e.range,
    };
  },
  complete: (file, pos) => {
    const line = file.text.split('\n')[pos.line] ?? '';
    const before = line.slice(0, pos.character);
    if (/:\s*\w*$/.test(before)) return SECRET_TYPES.map((label) => ({ label, kind: 'keyword' as const }));
    if (/^\s*\w*$/.test(before)) return [{ label: 'include', kind: 'keyword' }, { label: '%any', kind: 'value' }];
    return [];
  },
};

