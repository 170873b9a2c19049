// A key set twice (duplicate-key): both readers keep the last one (docs/reference/ifcfg.md §1.2).
import type { FileCheck } from '../../../core/types';
import { Code } from '../../../core/codes';
import type { IfcfgAssignment, IfcfgTree } from '../../shared/ifcfgRead';
import { quoteValue as q } from '../../../core/redact';

export const duplicatesCheck: FileCheck<IfcfgTree> = {
  id: 'ifcfg/duplicates',
  codes: [Code.duplicateKey],
  run(file, _ctx, report) {
    const seen = new Map<string, IfcfgAssignment>();
    for (const a of file.tree.assignments) {
      const prev = seen.get(a.key);
      if (prev) report({ code: Code.duplicateKey, severity: 'warning', message: `${q(a.key)} is set again on line ${a.line + 1}; the last assignment wins (bash and NetworkManager agree).`, range: prev.keyRange });
      seen.set(a.key, a);
    }
  },
};
