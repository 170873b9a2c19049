// The swanctl.conf dialect: strongSwan's configuration since 5.8 and the only one of 6.x by default
// (/etc/swanctl/swanctl.conf, /etc/swanctl/conf.d/*.conf), read as libstrongswan's settings parser
// and charon's vici plugin read it (docs/reference/swanctl-conf.md). Its endpoints have vendor
// 'strongswan', like a strongSwan ipsec.conf conn's, so every peer check and fix reads them alike.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Code } from '../../core/codes';
import { emptyParsedFile } from '../../core/parsedFile';
import type { DialectModule, Finding, ParseContext, ParsedFile } from '../../core/types';
import { basenameOfUri } from '../../core/uri';
import { issuesCheck } from '../shared/findings';
import { complete } from './completion';
import { hover } from './hover';
import { lexWithIncludes } from './include';
import { mergeTree, rootView } from './merge';
import { endpointsOf } from './model';
import { foldingOf, referencesOf, symbolsOf } from './outline';
import { parseTokens } from './parser';
import { pskFor, readSecrets, sectionPath, settingSecretSlot } from './secrets';
import type { Section } from './parser';
import { redactionStrings } from '../shared/secretSlots';
import type { SwanctlTree } from './tree';
import { validate } from './validate';
import { detectTarget } from './version';

export type { SwanctlTree } from './tree';

function parse(doc: TextDocument, ctx: ParseContext): ParsedFile<SwanctlTree> {
  const file = emptyParsedFile<SwanctlTree>(doc, 'swanctl-conf');
  const uri = doc.uri;
  const target = detectTarget(file.text, ctx.settings);
  const lexed = lexWithIncludes(file.text, uri, ctx.fs);
  const written = parseTokens(lexed.tokens, uri, lexed.ledger);
  const merged = mergeTree(written.root);
  const view = rootView(merged);
  // A section left open swallows what follows: what the schema would say then is noise.
  const unclosed = written.errors.some((e) => /unexpected end of file|unterminated string/.test(e.message));
  const issues = unclosed ? [] : validate(written.root, merged, uri, target);
  const secrets = readSecrets(merged, issues, uri);
  const findings: Finding[] = [];
  for (const e of written.errors) {
    const own = e.uri === uri;
    const range = own ? e.range : (e.via?.range ?? e.range);
    const where = own ? '' : `${basenameOfUri(e.uri)} line ${e.range.start.line + 1}: `;
    findings.push({
      code: Code.syntaxError,
      severity: 'error',
      message: `${where}${e.message}. charon reads none of this configuration then (swanctl unloads every connection).`,
      uri,
      range,
      related: [],
      fixes: [],
    });
  }
  file.findings = findings;
  // A syntax error anywhere makes the whole configuration empty for charon: no tunnel to compare.
  file.endpoints = written.errors.length ? [] : endpointsOf(view.child('connections'), uri, target, secrets);
  file.symbols = symbolsOf(written.root, uri);
  file.references = referencesOf(written.root, uri);
  file.folding = foldingOf(written.root, uri);
  file.dependencies = lexed.dependencies;
  file.tree = { kind: 'swanctl-conf', target, root: written.root, merged, view, syntax: written.errors, issues, secrets, ledger: lexed.ledger, positions: lexed.positions };
  return file;
}

const PATHS = /(^|[\\/])swanctl\.conf$|[\\/]swanctl[\\/](conf\.d[\\/])?[^\\/]*\.conf$/;
/** strongswan.d/swanctl.conf is a strongswan.conf snippet (the swanctl program's own options), not a swanctl.conf. */
const STRONGSWAN_D = /(^|[\\/])strongswan\.d[\\/]/;
const FIRST_SECTION = /^\s*(connections|secrets|pools|authorities)\s*(\{|$)/;
/** A section opening a line: `name {` or `name : a.b {` (never in an ipsec.conf). */
const ANY_SECTION = /^\s*[^\s#{}:.,="]+\s*(:[^{]*)?\{/;

/** Detection by path, or by content: a first section `connections {` …, or a strongSwan directive over a braced section. */
export function matchesSwanctl(path: string, head: string): boolean {
  if (STRONGSWAN_D.test(path)) return false;
  if (PATHS.test(path)) return true;
  const lines = head.split(/\r\n|\r|\n/);
  const first = lines.find((l) => l.trim() !== '' && !l.trimStart().startsWith('#')) ?? '';
  if (FIRST_SECTION.test(first)) return true;
  return /^[ \t]*#[ \t]*tunnel-lens:[ \t]*strongswan\b/im.test(head) && ANY_SECTION.test(first);
}

/**
 * The redactor's list: every value the table of secret slots (secrets.ts) finds, and the text after
 * the key of every line that starts with `secret` or `pin` and of every line with a syntax error under
 * `secrets`: what a malformed line holds, which the parser kept no setting of (or read as something
 * else: `secret = KEY } WORD`).
 */
const SECRET_LINE = /^\s*(secret|pin)\b/;

function secretValues(f: ParsedFile<SwanctlTree>): string[] {
  const t = f.tree;
  if (!t || t.kind !== 'swanctl-conf') return [];
  const out: string[] = [];
  const inSecrets: Section[] = [];
  const walk = (s: Section) => {
    for (const item of s.items) {
      if (item.kind === 'setting') {
        if (item.uri === f.uri && settingSecretSlot(item)) out.push(item.value);
      } else if (item.kind === 'section') {
        if (item.uri === f.uri && sectionPath(item)[0] === 'secrets') inSecrets.push(item);
        walk(item);
      }
    }
  };
  walk(t.root);
  const lines = f.text.split(/\r\n|\r|\n/);
  const errorLines = new Set(t.syntax.filter((e) => e.uri === f.uri).map((e) => e.range.start.line));
  lines.forEach((text, l) => {
    const under = errorLines.has(l) && inSecrets.some((s) => s.range.start.line <= l && l <= s.range.end.line);
    if (!under && !SECRET_LINE.test(text)) return;
    const rest = (/^\s*[^\s={}]*\s*=?(.*)$/.exec(text)?.[1] ?? '').trim();
    if (rest) out.push(rest);
  });
  return redactionStrings(out);
}

const CHECK_CODES = [Code.unknownKeyword, Code.invalidValue, Code.versionIncompatible, Code.duplicateKey, Code.undefinedReference, Code.weakAlgorithm, Code.configIgnored] as const;

export const dialect: DialectModule<SwanctlTree> = {
  id: 'swanctl-conf',
  name: 'swanctl.conf',
  matches: matchesSwanctl,
  parseCodes: [Code.syntaxError],
  parse,
  lineUse: (f) => (f.tree?.ledger ? Uint8Array.from(f.tree.ledger) : new Uint8Array(f.text.split(/\r\n|\r|\n/).length)),
  hover: (f, pos) => hover(f, pos),
  complete: (f, pos) => complete(f, pos),
  secretValues,
  checks: [issuesCheck<SwanctlTree>('swanctl-conf/schema', CHECK_CODES, (t) => t.issues)],
  secrets: {
    pskFor(file, localId, remoteId) {
      const s = file.tree && file.tree.kind === 'swanctl-conf' ? pskFor(file.tree.secrets.filter((x) => x.uri === file.uri), localId, remoteId) : undefined;
      return s ? { digest: s.digest, uri: s.uri, range: s.range } : undefined;
    },
  },
};
