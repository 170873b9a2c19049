// One pass over a parsed file (and what it includes) that produces every per-file finding and
// the resolved conns. parse() stores the result in ParsedFile.tree; checks.ts hands the findings
// out per code.
import type { Finding, Fix, ParseContext, Severity } from '../../core/types';
import { Code, type FindingCode } from '../../core/codes';
import { transformInfo, type TransformType } from '../../model/algorithms';
import type { Endpoint } from '../../core/endpoint';
import type { Range } from 'vscode-languageserver-types';
import { loadIncludes, type IncludeResult } from './include';
import { lookupKey, otherDaemonKnows, spellings, type Keyword, type Sect } from './keywords';
import { endpointOf, ikeVersionOf } from './model';
import type { Entry, ParsedConf, Section } from './parser';
import { parseProposals, type ProposalKind } from './proposals';
import { ConnIndex, defaultAlsoProblems, resolveConn, type Resolved, type ResolveProblem } from './resolve';
import { checkValue, closest } from './values';
import { atLeast, targetLabel, type Target } from './version';

export interface Analysis {
  target: Target;
  root: ParsedConf;
  included: ParsedConf[];
  includes: IncludeResult[];
  index: ConnIndex;
  resolved: Map<Section, Resolved>;
  findings: Finding[];
  endpoints: Endpoint[];
  dependencies: string[];
}

export function analyze(root: ParsedConf, text: string, target: Target, ctx: ParseContext): Analysis {
  const uri = root.uri;
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const add = (code: FindingCode, severity: Severity, message: string, range: Range, fixes: Fix[] = [], related: Finding['related'] = []) => {
    const k = `${code}|${range.start.line}:${range.start.character}|${message}`;
    if (seen.has(k)) return;
    seen.add(k);
    findings.push({ code, severity, message, uri, range, related, fixes });
  };
  const lsw = target.daemon === 'libreswan';
  const label = targetLabel(target);

  for (const e of root.errors) add(Code.syntaxError, 'error', e.message, e.range);
  if (lsw && /\r\n/.test(text)) {
    // Libreswan keeps the \r in every value: the first enum/boolean value fails ("invalid value").
    const victim = root.sections.flatMap((s) => s.entries).find((e) => lookupKey(e.key, target.daemon).some((h) => ['enum', 'bool', 'list'].includes(h.kw.type)));
    const line = text.split('\n').findIndex((l) => l.endsWith('\r'));
    add(
      Code.syntaxError,
      victim ? 'error' : 'warning',
      `CRLF line endings: Libreswan keeps the \\r in every value${victim ? `, so ${victim.key}=${victim.value} is read as an invalid value and ${label} stops here` : ''}. Save the file with LF line endings.`,
      victim ? victim.valueRange : { start: { line, character: 0 }, end: { line, character: 0 } },
    );
  }

  // includes
  const loaded = loadIncludes(root, target.daemon, ctx.fs);
  for (const inc of loaded.includes) {
    if (!inc.problem) continue;
    const sev: Severity = inc.problem.kind === 'no-match' ? 'warning' : 'error';
    const code: FindingCode = inc.problem.kind === 'no-match' ? Code.undefinedReference : Code.invalidValue;
    const cwdNote = lsw && !inc.stmt.path.startsWith('/') ? ' (resolved relative to this file; note that Libreswan itself resolves a relative include against its working directory)' : '';
    add(code, sev, inc.problem.message + cwdNote, inc.stmt.pathRange);
  }

  const allSections = [...root.sections, ...loaded.files.flatMap((f) => f.sections)];
  const index = new ConnIndex(allSections);

  // per-entry checks (root file only)
  for (const s of root.sections) {
    for (const e of s.entries) checkEntry(e, s.kind, target, add);
  }

  // conns: inheritance, duplicates, proposals
  const resolved = new Map<Section, Resolved>();
  const problems: ResolveProblem[] = [...defaultAlsoProblems(index, target)];
  const rootConns = root.sections.filter((s) => s.kind === 'conn');
  for (const s of allSections.filter((x) => x.kind === 'conn' && x.name !== '%default')) {
    const local: ResolveProblem[] = [];
    const r = resolveConn(s, index, target, local);
    resolved.set(s, r);
    if (rootConns.includes(s)) problems.push(...local);
  }
  for (const p of problems) {
    if (p.entry.uri !== uri) continue;
    const sev: Severity = p.code === Code.undefinedReference && !lsw ? 'warning' : 'error';
    const related = p.related ? [{ uri: p.related.uri, range: p.related.range, message: `first set here` }] : [];
    add(p.code, sev, p.message, p.code === Code.duplicateKey ? p.entry.keyRange : p.entry.valueRange, [], related);
  }
  for (const s of root.sections) {
    if (s.kind !== 'conn') continue;
    const r = s.name === '%default' ? undefined : resolved.get(s);
    for (const e of s.entries) {
      const kind = proposalKind(e, target);
      if (kind) checkProposal(e, kind, r, target, add);
    }
  }
  // ikev2= on 5.x
  if (lsw && atLeast(target, '5.0')) {
    for (const s of root.sections)
      for (const e of s.entries)
        if (e.key.toLowerCase() === 'ikev2') add(Code.deprecatedOption, 'hint', `ikev2= is deprecated in ${label}; use keyexchange=${['never', 'no', 'permit'].includes(e.value.toLowerCase()) ? 'ikev1' : 'ikev2'}`, e.keyRange);
  }

  const endpoints: Endpoint[] = [];
  for (const s of rootConns) {
    const r = resolved.get(s);
    if (!r) continue;
    const ep = endpointOf(r, target, uri);
    if (ep) endpoints.push(ep);
  }
  void label;
  return { target, root, included: loaded.files, includes: loaded.includes, index, resolved, findings, endpoints, dependencies: loaded.dependencies };
}

type Add = (code: FindingCode, severity: Severity, message: string, range: Range, fixes?: Fix[], related?: Finding['related']) => void;

function replace(uri: string, range: Range, newText: string, title: string): Fix {
  return { title, edits: [{ uri, range, newText }], isPreferred: true };
}

const SECT_NAME: Record<Sect, string> = { setup: 'config setup', conn: 'conn', ca: 'ca' };

function checkEntry(e: Entry, sect: Sect, t: Target, add: Add): void {
  const lsw = t.daemon === 'libreswan';
  if (lsw && /^x[-_]/i.test(e.key)) return; // user comment keys
  const hits = lookupKey(e.key, t.daemon).filter((h) => lsw || !h.dashed);
  const inSect = hits.filter((h) => h.kw.sect === sect);
  const label = targetLabel(t);
  if (inSect.length === 0) {
    if (hits.length > 0) {
      const other = hits[0].kw.sect;
      // Libreswan 4.10: a conn key in config setup is fatal; a setup key in a conn drops the conn.
      const fatal = lsw || sect === 'setup';
      add(Code.unknownKeyword, fatal ? 'error' : 'warning', `keyword '${e.key}' is not valid in ${SECT_NAME[sect]} (it belongs in ${SECT_NAME[other]})${sect === 'setup' ? `; ${label} refuses the file` : lsw ? `; ${label} does not load this conn` : `; ${label} ignores it`}`, e.keyRange);
      return;
    }
    const sug = closest(e.key, spellings(t.daemon, sect));
    const otherName = lsw ? 'strongSwan' : 'Libreswan';
    const note = otherDaemonKnows(e.key, t.daemon) ? ` ('${e.key}' is a ${otherName} keyword)` : '';
    const consequence = lsw ? (atLeast(t, '5.3') ? `${label} rejects it` : `${label} stops with a syntax error`) : `${label} ignores it`;
    add(
      Code.unknownKeyword,
      lsw ? 'error' : 'warning',
      `unknown keyword '${e.key}'${note}${sug ? `; did you mean '${sug}'?` : ''} (${consequence})`,
      e.keyRange,
      sug ? [replace(e.uri, e.keyRange, sug, `Change to ${sug}`)] : [],
    );
    return;
  }
  const hit = inSect.find((h) => !h.dashed) ?? inSect[0];
  const kw: Keyword = hit.kw;
  const fullKey = kw.perEnd ? `${hit.end ?? 'right'}${kw.name}` : kw.name;
  if (hit.dashed && lsw && !atLeast(t, '5.3')) {
    add(Code.versionIncompatible, 'error', `'${e.key}': the ${hit.end}-${kw.name} spelling needs Libreswan 5.3; ${label} stops with a syntax error. Write ${fullKey}.`, e.keyRange, [
      replace(e.uri, e.keyRange, fullKey, `Change to ${fullKey}`),
    ]);
  }
  if (hit.bare && lsw) {
    add(Code.versionIncompatible, 'warning', `'${e.key}' without left/right: Libreswan 4.x takes it as right${kw.name} only; Libreswan 5.x refuses it. Write left${kw.name}= and right${kw.name}=.`, e.keyRange);
  }
  if (lsw && kw.removedIn && atLeast(t, kw.removedIn)) {
    add(Code.versionIncompatible, 'error', `'${e.key}' was removed in Libreswan ${kw.removedIn}; ${label} stops with a syntax error`, e.keyRange);
  } else if (lsw && kw.since && !atLeast(t, kw.since)) {
    add(Code.versionIncompatible, 'error', `'${e.key}' needs Libreswan ${kw.since}; ${label} does not know it`, e.keyRange);
  }
  if (kw.deprecated) {
    const simple = /^[a-z0-9_-]+$/i.test(kw.deprecated);
    const ignored = /nothing|DH group|eap/.test(kw.deprecated) || !lsw;
    add(Code.deprecatedOption, ignored ? 'warning' : 'hint', `'${e.key}' is deprecated${ignored ? ` and ignored by ${label}` : ''}; use ${kw.deprecated}`, e.keyRange, simple ? [replace(e.uri, e.keyRange, kw.deprecated, `Change to ${kw.deprecated}`)] : []);
  }
  if (lsw && kw.name === 'dpdaction' && atLeast(t, '5.0')) add(Code.deprecatedOption, 'warning', `dpdaction= is obsolete in ${label} and ignored`, e.keyRange);
  for (const p of checkValue(kw, e, t, fullKey)) {
    const fixes: Fix[] = [];
    if (p.replaceValue !== undefined) fixes.push(replace(e.uri, e.valueRange, p.replaceValue, p.fixTitle ?? `Change to ${p.replaceValue}`));
    if (p.replaceEntry !== undefined) fixes.push(replace(e.uri, e.range, p.replaceEntry, p.fixTitle ?? `Change to ${p.replaceEntry}`));
    add(p.code, p.severity, p.message, e.value === '' ? e.range : e.valueRange, fixes);
  }
}

function proposalKind(e: Entry, t: Target): ProposalKind | undefined {
  const k = t.daemon === 'libreswan' ? e.key.toLowerCase() : e.key;
  if (k === 'ike') return 'ike';
  if (k === 'esp' || k === 'phase2alg') return 'esp';
  if (k === 'ah') return 'ah';
  return undefined;
}

function checkProposal(e: Entry, kind: ProposalKind, r: Resolved | undefined, t: Target, add: Add): void {
  if (e.value === '') return;
  let ikeVersion: 1 | 2 = 2;
  let pfs = true;
  if (r) {
    const v = ikeVersionOf(r, t);
    ikeVersion = v.v.value === 1 || v.initiates?.value === 1 ? 1 : 2;
    const pe = r.fields.get('pfs');
    pfs = !pe || ['y', 'yes', 'true', 'on'].includes(pe.value.toLowerCase());
    if (kind === 'esp' && r.fields.get('phase2')?.value.toLowerCase() === 'ah') kind = 'ah';
  }
  const res = parseProposals(kind, e.value, t, { ikeVersion, pfs });
  for (const err of res.errors) add(Code.invalidValue, 'error', `${e.key}=${e.value}: ${err}${t.daemon === 'libreswan' ? ' (ipsec algparse would reject it; pluto refuses the conn)' : ''}`, e.valueRange);
  for (const w of res.warnings) add(Code.invalidValue, 'warning', `${e.key}=${e.value}: ${w}`, e.valueRange);
  const weak = new Set<string>();
  for (const p of res.proposals) {
    const pairs: [TransformType, string[]][] = [['encr', p.encr], ['integ', p.integ], ['prf', p.prf], ['dh', p.dh]];
    for (const [type, names] of pairs)
      for (const n of names) {
        const info = transformInfo(type, n);
        if (info?.weak && !weak.has(n)) {
          weak.add(n);
          add(Code.weakAlgorithm, 'warning', `${e.key}= uses ${n}: ${info.weak}`, e.valueRange);
        }
      }
  }
}
