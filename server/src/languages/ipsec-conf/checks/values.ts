// Every value of a known keyword against what its type allows in the target daemon and version
// (valueRules.ts), with the quick fix the rule knows.
import type { Fix, FileCheck } from '../../../core/types';
import type { IpsecConfTree } from '../analysis';
import { reportOnce, replaceFix } from './support';
import { checkValue, VALUE_CODES } from './valueRules';

export const valuesCheck: FileCheck<IpsecConfTree> = {
  id: 'ipsec-conf/values',
  codes: VALUE_CODES,
  run(file, _ctx, report) {
    const { conf, target } = file.tree;
    const once = reportOnce(report);
    for (const s of conf.sections)
      for (const e of s.entries) {
        if (e.reading.kind !== 'keyword') continue; // the keywords check reports the key itself
        for (const p of checkValue(e.reading.kw, e, target, e.reading.fullKey)) {
          const fixes: Fix[] = [];
          if (p.replaceValue !== undefined) fixes.push(replaceFix(e.uri, e.valueRange, p.replaceValue, p.fixTitle ?? `Change to ${p.replaceValue}`));
          if (p.replaceEntry !== undefined) fixes.push(replaceFix(e.uri, e.range, p.replaceEntry, p.fixTitle ?? `Change to ${p.replaceEntry}`));
          once({ code: p.code, severity: p.severity, message: p.message, range: e.value === '' ? e.range : e.valueRange, fixes });
        }
      }
  },
};
