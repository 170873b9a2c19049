// The ipsec.secrets dialect. Its product is SecretsTree (in ParsedFile.tree): PSK entries by ID
// pair with a digest of the key, for the cross-peer psk-mismatch check via findPsk(). The secrets
// are never printed: messages name IDs and line numbers only.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DialectModule, Finding, ParseContext, ParsedFile, SymbolDef } from '../../core/types';
import { emptyParsedFile } from '../../core/parsedFile';
import { basenameOfUri, dirnameUri, resolveUri } from '../../core/uri';
import { contains, finding } from '../shared/findings';
import { ANY_IDS, decodeSecret, normalizeId, pskDigest, scanSecrets, SECRET_TYPES, type PskEntry, type SecretsTree } from './parser';
import { Code } from '../../core/codes';
import { triviaLedger } from '../../core/lines';

export type { PskEntry, SecretsTree } from './parser';
export { pskDigest, normalizeId } from './parser';

const MAX_INCLUDE_DEPTH = 8;

function globToRegExp(glob: string): RegExp {
  try {
    // `[…]` stays a character class, as in glob(3).
    return new RegExp('^' + glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
  } catch {
    // A malformed class (`[z-a`, an unclosed `[`) matches itself literally, as glob(3) takes it.
    return new RegExp('^' + glob.replace(/[.+^${}()|\\[\]]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
  }
}

/** Expands an include pattern (wildcards in the last path segment) through ctx.fs. */
function expandInclude(baseDir: string, pattern: string, ctx: ParseContext): string[] {
  const uri = resolveUri(baseDir, pattern);
  if (!/[*?[]/.test(pattern)) return ctx.fs.readFile(uri) !== undefined ? [uri] : [];
  const dir = dirnameUri(uri);
  const re = globToRegExp(basenameOfUri(uri));
  return (ctx.fs.readDirectory(dir) ?? []).filter((u) => re.test(basenameOfUri(u))).sort();
}

function collect(text: string, uri: string, ctx: ParseContext, tree: SecretsTree, findings: Finding[] | undefined, seen: Set<string>, depth: number, deps: string[]): void {
  const { entries, includes } = scanSecrets(text);
  for (const e of entries) {
    if (e.error) {
      findings?.push(finding(uri, Code.syntaxError, 'error', e.error.message, e.error.range));
      continue;
    }
    if (!e.secret) {
      findings?.push(finding(uri, Code.syntaxError, 'error', `${e.type!.text} entry without a secret.`, e.type!.range));
      continue;
    }
    const bytes = e.type!.text === 'PSK' || e.type!.text === 'XAUTH' || e.type!.text === 'EAP' ? decodeSecret(e.secret.token) : undefined;
    if ((e.type!.text === 'PSK') && !bytes) {
      // the message must not quote the secret
      findings?.push(finding(uri, Code.syntaxError, 'error', 'The PSK is not a quoted string, 0x hex or 0s base64 (unterminated quote?).', e.secret.range));
      continue;
    }
    tree.entries.push({
      ids: e.ids.map((i) => normalizeId(i.text)),
      pskDigest: bytes ? pskDigest(bytes) : '',
      uri,
      range: e.range,
      secretRange: e.secret.range,
      type: e.type!.text,
    });
  }
  for (const inc of includes) {
    const uris = expandInclude(dirnameUri(uri), inc.pattern, ctx);
    tree.includes.push({ pattern: inc.pattern, range: inc.range, uris });
    if (!uris.length && !/[*?[]/.test(inc.pattern)) findings?.push(finding(uri, Code.undefinedReference, 'warning', `include ${inc.pattern}: no such file.`, inc.range));
    for (const u of uris) {
      deps.push(u);
      if (seen.has(u) || depth >= MAX_INCLUDE_DEPTH) continue;
      seen.add(u);
      const t = ctx.fs.readFile(u);
      if (t !== undefined) collect(t, u, ctx, tree, undefined, seen, depth + 1, deps);
    }
  }
}

function idLabel(ids: string[]): string {
  return ids.length ? ids.join(' ') : '(any pair)';
}

function parse(doc: TextDocument, ctx: ParseContext): ParsedFile<SecretsTree> {
  const file = emptyParsedFile<SecretsTree>(doc, 'ipsec-secrets');
  const tree: SecretsTree = { kind: 'ipsec-secrets', entries: [], includes: [] };
  const findings: Finding[] = [];
  const deps: string[] = [];
  collect(file.text, doc.uri, ctx, tree, findings, new Set([doc.uri]), 0, deps);
  // the same ID set twice with a PSK: the daemon uses one of them, the other is dead
  const seen = new Map<string, PskEntry>();
  for (const e of tree.entries.filter((x) => x.uri === doc.uri && x.type === 'PSK')) {
    const k = [...e.ids].sort().join(' ');
    const prev = seen.get(k);
    if (prev) findings.push(finding(doc.uri, Code.duplicateKey, 'warning', `A second PSK for ${idLabel(e.ids)} (the first is on line ${prev.range.start.line + 1}).`, e.range));
    else seen.set(k, e);
  }
  file.findings = findings;
  file.tree = tree;
  file.dependencies = [...new Set(deps)];
  file.references = tree.includes.map((i) => ({ name: i.pattern, kind: 'include', range: i.range, targetUris: i.uris }));
  file.symbols = tree.entries
    .filter((e) => e.uri === doc.uri)
    .map((e): SymbolDef => ({ name: `${idLabel(e.ids)} : ${e.type}`, kind: 'secret', range: e.range, selectionRange: e.range }));
  return file;
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
  // TRANSITIONAL (issue 14): the codes parse() reports today, and no line ledger yet.
  parseCodes: [Code.duplicateKey, Code.syntaxError, Code.undefinedReference],
  lineUse: (f) => triviaLedger(f.text),
  name: 'ipsec.secrets',
  matches: (path) => /(^|\/)ipsec\.secrets$|\/ipsec\.d\/[^/]*\.secrets$/.test(path),
  parse,
  secrets: {
    pskFor(file, localId, remoteId) {
      const e = findPsk(file.tree, localId, remoteId);
      return e?.pskDigest ? { digest: e.pskDigest, uri: e.uri, range: e.secretRange } : undefined;
    },
  },
  hover: (file, pos) => {
    const tree = file.tree;
    const e = tree.entries.find((x) => x.uri === file.uri && contains(x.range, pos));
    if (!e) return undefined;
    return {
      markdown: `**${e.type}** for ${idLabel(e.ids)}. The secret is hidden; Tunnel Lens compares only a digest of it with the peer's key.`,
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

