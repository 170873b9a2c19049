// What charon and swanctl would say about each written key and section of one file
// (docs/reference/swanctl-conf.md §1–§4): unknown options and sections (with did-you-mean),
// invalid values, keys and values the target release does not have, keys set twice, references
// that lead nowhere, weak algorithms. Errors are what makes charon refuse a connection, a pool or
// the file; warnings are what it accepts, but not as the writer meant. Content an include brings
// into a section is judged there and reported on the include line; content included at the top
// is the included file's own business (it reads the same standing alone).
import type { Range } from 'vscode-languageserver-types';
import { Code, type FindingCode } from '../../core/codes';
import { didYouMean } from '../../core/didYouMean';
import { basenameOfUri } from '../../core/uri';
import type { Issue } from '../shared/findings';
import { childKind, type Kind } from './kinds';
import { lookup, type Merged } from './merge';
import { allSections, type IncludeNode, type Section, type Setting } from './parser';
import { parseProposal, type ProposalKind } from './proposals';
import { CONN_SUBSECTIONS, KEYS_OF, SECRET_KEYS, TOP_SECTIONS, keySpec, type KeySpec, type SectionKind } from './schema';
import { checkValue, listItems, strtoul } from './values';
import { beforeUntil, hasSince, type Target } from './version';

const PROPOSAL_KIND: Partial<Record<string, ProposalKind>> = { 'ike-proposals': 'ike', 'esp-proposals': 'esp', 'ah-proposals': 'ah' };
const BACKEND_POOLS = new Set(['dhcp', 'radius']);

interface Ctx {
  uri: string;
  target: Target;
  merged: Merged;
  issues: Issue[];
  /** True when the file holds only top-level keys (a fragment meant to be included inside a section). */
  fragment: boolean;
  /** Full paths other sections inherit from (templates: `base { … }` with `gw : base { … }`). */
  templates: Set<string>;
}

export function validate(root: Section, merged: Merged, uri: string, target: Target): Issue[] {
  const topSections = root.items.some((i) => i.kind === 'section' && !i.recovered);
  const templates = new Set<string>();
  for (const sec of allSections(root)) for (const r of sec.refs) templates.add(r.name);
  const ctx: Ctx = { uri, target, merged, issues: [], fragment: !topSections, templates };
  walk(ctx, root, { kind: 'top' }, [], undefined);
  duplicates(ctx, merged);
  return ctx.issues;
}

/**
 * `carrier`: the include statement of this file that brought the content in (for content of
 * another file), where its issues are reported.
 */
function walk(ctx: Ctx, s: Section, kind: Kind, path: string[], carrier: IncludeNode | undefined): void {
  let current = carrier;
  for (const item of s.items) {
    const foreign = item.uri !== ctx.uri;
    if (item.kind === 'include') {
      if (!foreign) current = item;
      includeIssues(ctx, item, path.length > 0);
      continue;
    }
    if (!foreign) current = carrier;
    const where = foreign ? (path.length > 0 ? current : undefined) : null;
    // Foreign content at the top, or without an include of this file to carry it: not ours to judge.
    if (where === undefined) continue;
    const report = (code: FindingCode, severity: Issue['severity'], message: string, range: Range) => {
      if (where === null) ctx.issues.push({ code, severity, message, range });
      else ctx.issues.push({ code, severity, message: `${basenameOfUri(item.uri)} line ${range.start.line + 1}: ${message}`, range: where.range });
    };
    if (item.kind === 'section') {
      if (item.recovered) continue;
      const k = childKind(kind, item.name);
      sectionIssues(ctx, item, kind, k, [...path, item.name], report);
      walk(ctx, item, k, [...path, item.name], foreign ? current : undefined);
    } else settingIssues(ctx, item, kind, [...path], report);
  }
}

type Reporter = (code: FindingCode, severity: Issue['severity'], message: string, range: Range) => void;

function includeIssues(ctx: Ctx, inc: IncludeNode, nested: boolean): void {
  if (inc.uri !== ctx.uri) return;
  if (inc.refused) ctx.issues.push({ code: Code.undefinedReference, severity: 'error', message: `include ${inc.pattern}: ${inc.refused}.`, range: inc.range });
  else if (inc.targets.length === 0)
    ctx.issues.push({
      code: Code.undefinedReference,
      severity: 'warning',
      message: `include ${inc.pattern}: no file matches. swanctl says so (\`no files found matching\`) and goes on without it${nested ? ', so this section lacks what the file would hold' : ''}.`,
      range: inc.patternRange,
    });
}

const topNames = Object.keys(TOP_SECTIONS);

function sectionIssues(ctx: Ctx, s: Section, parent: Kind, k: Kind, path: string[], report: Reporter): void {
  const at = s.nameRange;
  for (const r of s.refs) {
    if (!lookup(ctx.merged, r.name) && r.uri === ctx.uri)
      ctx.issues.push({ code: Code.undefinedReference, severity: 'warning', message: `\`${s.name}\` inherits from \`${r.name}\`, but no section has that full path (write it from the top, e.g. connections.base); nothing is inherited.`, range: r.range });
  }
  if (k.kind === 'top' || k.kind !== 'unknown') {
    if (k.kind === 'authorities' && !hasSince(ctx.target, TOP_SECTIONS.authorities.since)) report(Code.versionIncompatible, 'error', `\`authorities\` is new in strongSwan ${TOP_SECTIONS.authorities.since}.`, at);
    if (k.kind === 'secret' && k.secret) {
      if (!hasSince(ctx.target, k.secret.since)) report(Code.versionIncompatible, 'warning', `\`${k.secret.prefix}\` secrets are new in strongSwan ${k.secret.since}: swanctl ignores this one (\`ignoring unsupported secret\`).`, at);
      else if (!beforeUntil(ctx.target, k.secret.until)) report(Code.versionIncompatible, 'warning', `\`${k.secret.prefix}\` secrets were removed in strongSwan ${k.secret.until}: swanctl ignores this one (\`ignoring unsupported secret\`).`, at);
    }
    return;
  }
  switch (k.why) {
    case 'top': {
      if (ctx.templates.has(path.join('.'))) return; // a template other sections inherit from
      const near = didYouMean(s.name, topNames);
      report(Code.unknownKeyword, 'warning', `Unknown top-level section \`${s.name}\`: swanctl reads only ${topNames.join(', ')} and ignores this one${near ? `. Did you mean \`${near}\`?` : '.'}`, at);
      return;
    }
    case 'conn': {
      const near = didYouMean(s.name, Object.keys(CONN_SUBSECTIONS));
      const key = keySpec('child', s.name) ? ' (a child option; children go in `children { <name> { … } }`)' : '';
      report(Code.unknownKeyword, 'error', `Invalid section \`${s.name}\` in a connection: charon takes \`children\`, \`local…\` and \`remote…\` rounds here and refuses the connection (\`invalid section\`)${near ? `. Did you mean \`${near}\`?` : key || '.'}`, at);
      return;
    }
    case 'round':
      report(Code.unknownKeyword, 'error', `Invalid section \`${s.name}\` in an authentication round: only \`cert…\` and \`cacert…\` sections go here; charon refuses the connection.`, at);
      return;
    case 'child':
    case 'cert':
      report(Code.unknownKeyword, 'error', `\`${s.name}\`: a ${k.why === 'child' ? 'child' : 'certificate'} section has no subsections; charon refuses the connection.`, at);
      return;
    case 'secret': {
      if (parent.kind === 'secrets') {
        const near = didYouMean(s.name.replace(/[-_\d].*$/, ''), SECRET_KEYS_PREFIXES);
        report(Code.unknownKeyword, 'warning', `Secret \`${s.name}\`: its name starts with none of ${SECRET_KEYS_PREFIXES.join(', ')}, so swanctl ignores it (\`ignoring unsupported secret\`)${near ? `. Did you mean \`${near}${s.name.slice(s.name.replace(/[-_\d].*$/, '').length)}\`?` : '.'}`, at);
      } else report(Code.configIgnored, 'warning', `swanctl reads no sections inside a secret; \`${s.name}\` is ignored.`, at);
      return;
    }
    case 'pool':
    case 'authority':
      report(Code.unknownKeyword, 'error', `\`${s.name}\`: a ${k.why} takes no subsections; loading it fails and swanctl loads no connection after it.`, at);
      return;
    default:
      return;
  }
}

const SECRET_KEYS_PREFIXES = ['eap', 'xauth', 'ntlm', 'ike', 'ppk', 'private', 'rsa', 'ecdsa', 'pkcs8', 'pkcs12', 'token'];

/** Where a key belongs instead, for the "did you mean" of an unknown key. */
const ELSEWHERE: Partial<Record<SectionKind, SectionKind[]>> = { conn: ['child', 'local'], child: ['conn'], local: ['conn', 'child'], remote: ['conn', 'child'] };
const KIND_WORD: Partial<Record<SectionKind, string>> = { conn: 'a connection', child: 'a child (children { <name> { … } })', local: 'an authentication round (local { … } / remote { … })', remote: 'an authentication round' };

function settingIssues(ctx: Ctx, s: Setting, kind: Kind, path: string[], report: Reporter): void {
  const range = s.keyRange;
  if (kind.kind === 'unknown') return; // the section is reported; what is inside it does not matter
  if (kind.kind === 'top') {
    if (!ctx.fragment && s.uri === ctx.uri) report(Code.configIgnored, 'warning', `\`${s.key}\` outside any section: swanctl ignores it (unless this file is included inside a section).`, range);
    return;
  }
  if (kind.kind === 'connections' || kind.kind === 'children' || kind.kind === 'secrets' || kind.kind === 'pools' || kind.kind === 'authorities') {
    report(Code.configIgnored, 'warning', `\`${s.key}\` directly under \`${kind.kind}\` is ignored: it belongs inside a ${kind.kind === 'children' ? 'child' : kind.kind === 'secrets' ? 'secret' : kind.kind === 'connections' ? 'connection' : kind.kind.slice(0, -1).replace(/ie$/, 'y')} section.`, range);
    return;
  }
  let spec: KeySpec | undefined;
  if (kind.kind === 'secret') {
    const shape = kind.secret?.shape ?? 'shared';
    spec = shape === 'shared' && s.key.startsWith('id') ? SECRET_KEYS.shared[1] : SECRET_KEYS[shape].find((x) => x.key === s.key);
    if (!spec) {
      const near = didYouMean(s.key, SECRET_KEYS[shape].map((x) => x.key));
      report(Code.unknownKeyword, 'warning', `\`${s.key}\` is not a key of this secret; swanctl ignores it${near ? `. Did you mean \`${near}\`?` : '.'}`, range);
      return;
    }
  } else {
    spec = keySpec(kind.kind, s.key);
    if (!spec && kind.kind === 'pool' && Number.parseInt(s.key, 10)) return; // a numbered attribute: raw data
    if (!spec) {
      unknownKey(s, kind.kind, report);
      return;
    }
  }
  if (!hasSince(ctx.target, spec.since)) {
    report(Code.versionIncompatible, 'error', `\`${s.key}\` is new in strongSwan ${spec.since}; ${targetText(ctx.target)} refuses it (${kind.kind === 'pool' ? '`invalid attribute`: the pool fails and no connection is loaded' : '`unknown option`, the connection is not loaded'}).`, range);
    return;
  }
  if (!beforeUntil(ctx.target, spec.until)) {
    report(Code.versionIncompatible, 'error', `\`${s.key}\` was removed in strongSwan ${spec.until}; ${targetText(ctx.target)} refuses it.`, range);
    return;
  }
  // Only the value in force matters; an overridden one is reported as a duplicate.
  const m = lookup(ctx.merged, path.join('.'));
  const list = m?.settings.get(s.key);
  if (list && list[list.length - 1] !== s) return;
  if (s.value === '') return;
  if (spec.type === 'secret') return; // never read, never shown
  const pk = PROPOSAL_KIND[spec.type];
  if (pk) {
    proposalIssues(ctx, s, pk, report);
    return;
  }
  for (const p of checkValue(spec.type, s, ctx.target)) {
    const code = p.kind === 'version' ? Code.versionIncompatible : Code.invalidValue;
    const tail = p.severity === 'error' ? (kind.kind === 'pool' || kind.kind === 'authority' ? ' swanctl stops before the connections.' : ' charon refuses the connection (`invalid value`).') : '';
    report(code, p.severity, `${s.key}: ${p.message}${tail}`, p.range);
  }
  if (s.key === 'version' && kind.kind === 'conn' && ![0, 1, 2].includes(strtoul(s.value).value))
    report(Code.invalidValue, 'warning', `version: IKE version ${s.value} does not exist (0 = either, 1, 2); charon loads it unchecked and the connection never comes up.`, s.valueRange);
  if (spec.type === 'pools' && kind.kind === 'conn') {
    for (const it of listItems(s)) {
      if (BACKEND_POOLS.has(it.text) || lookup(ctx.merged, `pools.${it.text}`)) continue;
      report(Code.undefinedReference, 'warning', `No pool \`${it.text}\` in this configuration (pools { ${it.text} { addrs = … } }); unless another plugin serves it, peers get no virtual IP.`, it.range);
    }
  }
}

function unknownKey(s: Setting, kind: SectionKind, report: Reporter): void {
  const own = (KEYS_OF[kind] ?? []).map((k) => k.key);
  const near = didYouMean(s.key, own);
  const elsewhere = (ELSEWHERE[kind] ?? []).find((k) => keySpec(k, s.key));
  const what = kind === 'pool' ? 'attribute' : 'option';
  const consequence = kind === 'pool' ? 'the pool fails (`invalid attribute`) and swanctl loads no connection after it' : kind === 'authority' ? 'the authority fails to load' : 'charon refuses the connection (`unknown option`)';
  const hint = elsewhere ? ` \`${s.key}\` belongs in ${KIND_WORD[elsewhere]}.` : near ? ` Did you mean \`${near}\`?` : /[A-Z]/.test(s.key) && own.includes(s.key.toLowerCase()) ? ` Keys are case-sensitive: \`${s.key.toLowerCase()}\`.` : '';
  report(Code.unknownKeyword, 'error', `Unknown ${what} \`${s.key}\` in ${KIND_WORD[kind] ?? `a ${kind}`}: ${consequence}.${hint}`, s.keyRange);
}

function proposalIssues(ctx: Ctx, s: Setting, kind: ProposalKind, report: Reporter): void {
  for (const it of listItems(s)) {
    if (it.text.toLowerCase() === 'default') continue;
    const r = parseProposal(it.text, kind, ctx.target);
    for (const p of r.problems) {
      const range = p.word && it.range.start.line === it.range.end.line ? { start: { line: it.range.start.line, character: it.range.start.character + p.word.offset }, end: { line: it.range.start.line, character: it.range.start.character + p.word.offset + p.word.text.length } } : it.range;
      if (p.code === 'weak') report(Code.weakAlgorithm, 'warning', `${s.key}: ${p.message}.`, range);
      else if (p.code === 'version') report(Code.versionIncompatible, 'error', `${s.key}: ${p.message}; ${targetText(ctx.target)} refuses the proposal \`${it.text}\` (\`invalid value\`, the connection is not loaded).`, range);
      else report(Code.invalidValue, 'error', `${s.key}: ${p.message} in \`${it.text}\`; charon refuses the connection (\`invalid value\`).`, range);
    }
  }
}

function targetText(t: Target): string {
  return `the target strongSwan ${t.version} (${t.reason})`;
}

/** A key written twice in one (merged) section: the earlier value has no effect. */
function duplicates(ctx: Ctx, m: Merged): void {
  for (const [key, list] of m.settings) {
    for (let i = 0; i < list.length - 1; i++) {
      const s = list[i];
      if (s.uri !== ctx.uri) continue;
      const last = list[list.length - 1];
      const where = last.uri === ctx.uri ? `line ${last.keyRange.start.line + 1}` : `${basenameOfUri(last.uri)} line ${last.keyRange.start.line + 1}`;
      const what = last.value === '' ? `\`${key} =\` on ${where} erases it` : `the value on ${where} replaces it`;
      ctx.issues.push({ code: Code.duplicateKey, severity: 'warning', message: `\`${key}\` is set again in this section: ${what} (charon keeps the last value).`, range: s.keyRange });
    }
  }
  for (const c of m.sections.values()) duplicates(ctx, c);
}
