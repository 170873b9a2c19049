// Keys the target daemon does not know, or knows in another section, version or spelling
// (docs/reference/ipsec-conf-grammar.md §3, §6, §7; the versions of each Libreswan keyword:
// docs/reference/libreswan-5.md §1 and docs/reference/libreswan-keywords-5x.tsv): unknown-keyword
// with did-you-mean, version-incompatible for keys of another Libreswan version, deprecated-option
// for keys on their way out or obsolete. Libreswan refuses the file over an unknown key; strongSwan
// ignores the key.
import { Code } from '../../../core/codes';
import type { FileCheck, Report } from '../../../core/types';
import { atLeast, compareVersions } from '../../../core/versions';
import type { IpsecConfTree } from '../analysis';
import { availability, BARE_REFUSED_IN, BARE_WARNED_IN, DASHED_SINCE, lookupKey, otherDaemonKnows, previousRelease, spellings, versionNote, type Keyword, type Sect } from '../keywords';
import type { Entry } from '../tree';
import { targetLabel, type Target } from '../version';
import { closest, replaceFix, reportOnce, q } from './support';

const SECT_NAME: Record<Sect, string> = { setup: 'config setup', conn: 'conn', ca: 'ca' };

export const keywordsCheck: FileCheck<IpsecConfTree> = {
  id: 'ipsec-conf/keywords',
  codes: [Code.unknownKeyword, Code.versionIncompatible, Code.deprecatedOption],
  run(file, _ctx, report) {
    const { conf, target: t } = file.tree;
    const once = reportOnce(report);
    for (const s of conf.sections) for (const e of s.entries) checkKey(e, s.kind, t, once);
  },
};

function checkKey(e: Entry, sect: Sect, t: Target, report: Report): void {
  const lsw = t.daemon === 'libreswan';
  const label = targetLabel(t);
  const r = e.reading;
  if (r.kind === 'comment') return;
  if (r.kind === 'misplaced') {
    // Libreswan 4.10: a conn key in config setup is fatal; a setup key in a conn drops the conn.
    const fatal = lsw || sect === 'setup';
    const consequence = sect === 'setup' ? `; ${label} refuses the file` : lsw ? `; ${label} does not load this conn` : `; ${label} ignores it`;
    report({ code: Code.unknownKeyword, severity: fatal ? 'error' : 'warning', message: `keyword '${q(e.key)}' is not valid in ${SECT_NAME[sect]} (it belongs in ${SECT_NAME[r.belongsIn]})${consequence}`, range: e.keyRange });
    return;
  }
  if (r.kind === 'unknown') {
    const sug = closest(e.key, spellings(t.daemon, sect, lsw ? t.version : undefined));
    const note = otherDaemonKnows(e.key, t.daemon) ? ` ('${q(e.key)}' is a ${lsw ? 'strongSwan' : 'Libreswan'} keyword)` : '';
    report({
      code: Code.unknownKeyword,
      severity: lsw ? 'error' : 'warning',
      message: `unknown keyword '${q(e.key)}'${note}${sug ? `; did you mean '${sug}'?` : ''} (${lsw ? refusal(t) : `${label} ignores it`})`,
      range: e.keyRange,
      fixes: sug ? [replaceFix(e.uri, e.keyRange, sug, `Change to ${sug}`)] : [],
    });
    return;
  }
  const { hit, kw, fullKey } = r;
  if (lsw) {
    if (hit.dashed && !atLeast(t.version, DASHED_SINCE)) {
      report({ code: Code.versionIncompatible, severity: 'error', message: `'${q(e.key)}': the ${hit.end}-${kw.name} spelling needs Libreswan ${DASHED_SINCE}; ${label} stops with a syntax error. Write ${q(fullKey)}.`, range: e.keyRange, fixes: [replaceFix(e.uri, e.keyRange, fullKey, `Change to ${fullKey}`)] });
    }
    if (hit.bare) bareKey(e, kw, t, report);
    // Unknown to the version, or obsolete there (reported with its replacement): nothing more to say.
    if (versionOf(e, kw, t, report) !== 'ok') return;
  }
  if (kw.deprecated && (!lsw || !kw.deprecatedFrom || atLeast(t.version, kw.deprecatedFrom))) {
    const replacement = kw.name === 'ikev2' ? `keyexchange=${['never', 'no', 'permit', 'n', 'false', 'off'].includes(e.value.toLowerCase()) ? 'ikev1' : 'ikev2'}` : kw.deprecated;
    const simple = /^[a-z0-9_-]+$/i.test(replacement);
    const ignored = /nothing|DH group|eap/.test(replacement) || !lsw;
    report({
      code: Code.deprecatedOption,
      severity: ignored ? 'warning' : 'hint',
      message: `'${q(e.key)}' is deprecated${ignored ? ` and ignored by ${label}` : kw.deprecatedFrom ? ` in ${label}` : ''}; use ${replacement}`,
      range: e.keyRange,
      fixes: simple ? [replaceFix(e.uri, e.keyRange, replacement, `Change to ${replacement}`)] : [],
    });
  }
}

/** What the target does with an unknown key: 4.x-5.2 stop with a syntax error, 5.3+ name it and stop. */
function refusal(t: Target): string {
  return atLeast(t.version, '5.3') ? `${targetLabel(t)} rejects it` : `${targetLabel(t)} stops with a syntax error`;
}

/** A per-end key without left/right: the right end up to 5.2, a warning in 5.3, refused from 5.4. */
function bareKey(e: Entry, kw: Keyword, t: Target, report: Report): void {
  const label = targetLabel(t);
  const write = `Write left${kw.name}= and right${kw.name}=.`;
  if (atLeast(t.version, BARE_REFUSED_IN)) {
    report({ code: Code.versionIncompatible, severity: 'error', message: `'${q(e.key)}' without left/right: ${label} refuses it ("requires \\"left\\" or \\"right\\" prefix"; up to 5.3 it was right${kw.name}). ${write}`, range: e.keyRange });
  } else if (atLeast(t.version, BARE_WARNED_IN)) {
    report({ code: Code.versionIncompatible, severity: 'warning', message: `'${q(e.key)}' without left/right: ${label} warns and takes it as right${kw.name} only; Libreswan ${BARE_REFUSED_IN} refuses it. ${write}`, range: e.keyRange });
  } else {
    report({ code: Code.versionIncompatible, severity: 'warning', message: `'${q(e.key)}' without left/right: ${label} takes it as right${kw.name} only; Libreswan ${BARE_REFUSED_IN} refuses it. ${write}`, range: e.keyRange });
  }
}

/** A key the target version does not know (before it came, after it went, or in a gap), or accepts and ignores. */
function versionOf(e: Entry, kw: Keyword, t: Target, report: Report): 'unknown' | 'ignored' | 'ok' {
  const label = targetLabel(t);
  const a = availability(kw, t.version);
  if (!a.known) {
    // Known in the other section in this version (plutodebug= is a conn key only in 5.1-5.2): misplaced.
    const elsewhere = lookupKey(e.key, 'libreswan').find((h) => h.kw.sect !== kw.sect && availability(h.kw, t.version).known);
    if (elsewhere) {
      const consequence = kw.sect === 'setup' ? `${label} refuses the file` : `${label} does not load this conn`;
      report({ code: Code.unknownKeyword, severity: 'error', message: `keyword '${q(e.key)}' is not valid in ${SECT_NAME[kw.sect]} in ${label} (it belongs in ${SECT_NAME[elsewhere.kw.sect]}); ${consequence}`, range: e.keyRange });
      return 'unknown';
    }
    if (a.why === 'before' && a.buildOption) {
      report({ code: Code.versionIncompatible, severity: 'warning', message: `'${q(e.key)}' is a Libreswan ${a.since} keyword; before that only builds with ${a.buildOption} know it (Fedora and RHEL build it, Debian 12's 4.10 does not); without it ${label} stops with a syntax error`, range: e.keyRange });
    } else if (a.why === 'before') {
      report({ code: Code.versionIncompatible, severity: 'error', message: `'${q(e.key)}' needs Libreswan ${a.since}; ${label} does not know it (${refusal(t).replace(`${label} `, '')})`, range: e.keyRange });
    } else if (a.why === 'removed') {
      report({ code: Code.versionIncompatible, severity: 'error', message: `'${q(e.key)}' was removed in Libreswan ${a.removedIn}; ${refusal(t)}`, range: e.keyRange });
    } else {
      report({ code: Code.versionIncompatible, severity: 'error', message: `'${q(e.key)}' is not in Libreswan ${a.from}-${previousRelease(a.until)} (${a.reason}); ${refusal(t)}. It is read by ${versionNote(kw)?.split(' (')[0]}.`, range: e.keyRange });
    }
    return 'unknown';
  }
  if (a.ignored) {
    report({ code: Code.deprecatedOption, severity: 'warning', message: `'${q(e.key)}' is accepted and ignored by ${label} (it takes effect from Libreswan ${kw.ignoredUntil})`, range: e.keyRange });
    return 'ignored';
  }
  if (a.obsolete) {
    const use = kw.deprecated ? `; use ${kw.deprecated}` : '';
    const simple = kw.deprecated && /^[a-z0-9_-]+$/i.test(kw.deprecated);
    report({ code: Code.deprecatedOption, severity: 'warning', message: `'${q(e.key)}' is obsolete${compareVersions(a.obsolete, '3.25') > 0 ? ` from Libreswan ${a.obsolete}` : ''}: ${label} warns and ignores it${use}`, range: e.keyRange, fixes: simple ? [replaceFix(e.uri, e.keyRange, kw.deprecated!, `Change to ${kw.deprecated}`)] : [] });
    return 'ignored';
  }
  return 'ok';
}
