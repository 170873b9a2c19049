// Keys no reader takes (unknown-keyword): keys people invent for what ifcfg cannot say get a
// warning with what to do instead; other unknown names are the user's own variables, a hint.
import type { FileCheck } from '../../../core/types';
import { Code } from '../../../core/codes';
import { didYouMean } from '../../../core/didYouMean';
import type { IfcfgTree } from '../../shared/ifcfgRead';
import { quoteValue as q } from '../../../core/redact';
import { KEYS, NONEXISTENT_KEYS, keyInfo } from '../keys';

const KNOWN = Object.keys(KEYS);

export const keysCheck: FileCheck<IfcfgTree> = {
  id: 'ifcfg/keys',
  codes: [Code.unknownKeyword],
  run(file, _ctx, report) {
    for (const a of file.tree.assignments) {
      const advice = NONEXISTENT_KEYS[a.key];
      if (advice) report({ code: Code.unknownKeyword, severity: 'warning', message: `${q(a.key)} does not exist. ${advice}`, range: a.keyRange });
      else if (!keyInfo(a.key)) {
        const dym = didYouMean(a.key, KNOWN);
        const message = `${q(a.key)} is not read by initscripts or NetworkManager (fine for your own variables).${dym ? ` Did you mean ${q(dym)}?` : ''}`;
        report({ code: Code.unknownKeyword, severity: 'hint', message, range: a.keyRange });
      }
    }
  },
};
