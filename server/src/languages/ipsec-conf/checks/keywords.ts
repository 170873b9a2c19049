// Keys the target daemon does not know, or knows in another section, version or spelling
// (docs/reference/ipsec-conf-grammar.md §3, §6, §7): unknown-keyword with did-you-mean,
// version-incompatible for keys of another Libreswan version, deprecated-option for keys on their
// way out. Libreswan refuses the file over an unknown key; strongSwan ignores the key.
import { Code } from '../../../core/codes';
import type { FileCheck, Report } from '../../../core/types';
import { atLeast } from '../../../core/versions';
import type { IpsecConfTree } from '../analysis';
import { otherDaemonKnows, spellings, type Sect } from '../keywords';
import type { Entry } from '../tree';
import { targetLabel, type Target } from '../version';
import { closest, replaceFix, reportOnce } from './support';

const SECT_NAME: Record<Sect, string> = { setup: 'config setup', conn: 'conn', ca: 'ca' };

export const keywordsCheck: FileCheck<IpsecConfTree> = {
  id: 'ipsec-conf/keywords',
  codes: [Code.unknownKeyword, Code.versionIncompatible, Code.deprecatedOption],
  run(file, _ctx, report) {
    const { conf, target: t } = file.tree;
    const once = reportOnce(report);
    for (const s of conf.sections) for (const e of s.entries) checkKey(e, s.kind, t, once);
    if (t.daemon === 'libreswan' && atLeast(t.version, '5.0')) {
      for (const s of conf.sections)
        for (const e of s.entries)
          if (e.key.toLowerCase() === 'ikev2') once({ code: Code.deprecatedOption, severity: 'hint', message: `ikev2= is deprecated in ${targetLabel(t)}; use keyexchange=${['never', 'no', 'permit'].includes(e.value.toLowerCase()) ? 'ikev1' : 'ikev2'}`, range: e.keyRange });
    }
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
    report({ code: Code.unknownKeyword, severity: fatal ? 'error' : 'warning', message: `keyword '${e.key}' is not valid in ${SECT_NAME[sect]} (it belongs in ${SECT_NAME[r.belongsIn]})${consequence}`, range: e.keyRange });
    return;
  }
  if (r.kind === 'unknown') {
    const sug = closest(e.key, spellings(t.daemon, sect));
    const note = otherDaemonKnows(e.key, t.daemon) ? ` ('${e.key}' is a ${lsw ? 'strongSwan' : 'Libreswan'} keyword)` : '';
    const consequence = lsw ? (atLeast(t.version, '5.3') ? `${label} rejects it` : `${label} stops with a syntax error`) : `${label} ignores it`;
    report({
      code: Code.unknownKeyword,
      severity: lsw ? 'error' : 'warning',
      message: `unknown keyword '${e.key}'${note}${sug ? `; did you mean '${sug}'?` : ''} (${consequence})`,
      range: e.keyRange,
      fixes: sug ? [replaceFix(e.uri, e.keyRange, sug, `Change to ${sug}`)] : [],
    });
    return;
  }
  const { hit, kw, fullKey } = r;
  if (hit.dashed && lsw && !atLeast(t.version, '5.3')) {
    report({ code: Code.versionIncompatible, severity: 'error', message: `'${e.key}': the ${hit.end}-${kw.name} spelling needs Libreswan 5.3; ${label} stops with a syntax error. Write ${fullKey}.`, range: e.keyRange, fixes: [replaceFix(e.uri, e.keyRange, fullKey, `Change to ${fullKey}`)] });
  }
  if (hit.bare && lsw) {
    report({ code: Code.versionIncompatible, severity: 'warning', message: `'${e.key}' without left/right: Libreswan 4.x takes it as right${kw.name} only; Libreswan 5.x refuses it. Write left${kw.name}= and right${kw.name}=.`, range: e.keyRange });
  }
  if (lsw && kw.removedIn && atLeast(t.version, kw.removedIn)) {
    report({ code: Code.versionIncompatible, severity: 'error', message: `'${e.key}' was removed in Libreswan ${kw.removedIn}; ${label} stops with a syntax error`, range: e.keyRange });
  } else if (lsw && kw.since && !atLeast(t.version, kw.since)) {
    report({ code: Code.versionIncompatible, severity: 'error', message: `'${e.key}' needs Libreswan ${kw.since}; ${label} does not know it`, range: e.keyRange });
  }
  if (kw.deprecated) {
    const simple = /^[a-z0-9_-]+$/i.test(kw.deprecated);
    const ignored = /nothing|DH group|eap/.test(kw.deprecated) || !lsw;
    report({
      code: Code.deprecatedOption,
      severity: ignored ? 'warning' : 'hint',
      message: `'${e.key}' is deprecated${ignored ? ` and ignored by ${label}` : ''}; use ${kw.deprecated}`,
      range: e.keyRange,
      fixes: simple ? [replaceFix(e.uri, e.keyRange, kw.deprecated, `Change to ${kw.deprecated}`)] : [],
    });
  }
  if (lsw && kw.name === 'dpdaction' && atLeast(t.version, '5.0')) report({ code: Code.deprecatedOption, severity: 'warning', message: `dpdaction= is obsolete in ${label} and ignored`, range: e.keyRange });
}
