// CRLF line endings: Libreswan keeps the \r in every value, so the first enum, boolean or list value
// it checks is invalid and it stops there (docs/reference/ipsec-conf-grammar.md §2, §8).
import { Code } from '../../../core/codes';
import type { FileCheck } from '../../../core/types';
import type { IpsecConfTree } from '../analysis';
import { lookupKey, type KwType } from '../keywords';
import { targetLabel } from '../version';
import { q } from './support';

/** Types whose values Libreswan compares against a word list (a trailing \r never matches). */
const CHECKED_TYPES: readonly KwType[] = ['enum', 'bool', 'list'];

export const lineEndingsCheck: FileCheck<IpsecConfTree> = {
  id: 'ipsec-conf/line-endings',
  codes: [Code.syntaxError],
  run(file, _ctx, report) {
    const { conf, target: t } = file.tree;
    if (t.daemon !== 'libreswan' || !/\r\n/.test(file.text)) return;
    const victim = conf.sections.flatMap((s) => s.entries).find((e) => lookupKey(e.key, t.daemon).some((h) => CHECKED_TYPES.includes(h.kw.type)));
    const line = file.text.split('\n').findIndex((l) => l.endsWith('\r'));
    report({
      code: Code.syntaxError,
      severity: victim ? 'error' : 'warning',
      message: `CRLF line endings: Libreswan keeps the \\r in every value${victim ? `, so ${q(victim.key)}=${q(victim.value)} is read as an invalid value and ${targetLabel(t)} stops here` : ''}. Save the file with LF line endings.`,
      range: victim ? victim.valueRange : { start: { line, character: 0 }, end: { line, character: 0 } },
    });
  },
};
