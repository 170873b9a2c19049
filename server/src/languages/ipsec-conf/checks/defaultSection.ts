// Libreswan refuses also= inside `conn %default` and ignores it (docs/reference/ipsec-conf-grammar.md
// §5); strongSwan takes it.
import { Code } from '../../../core/codes';
import type { FileCheck } from '../../../core/types';
import type { IpsecConfTree } from '../analysis';
import { isAlso } from '../resolve';
import { reportOnce } from './support';

export const defaultSectionCheck: FileCheck<IpsecConfTree> = {
  id: 'ipsec-conf/default-section',
  codes: [Code.configIgnored],
  run(file, _ctx, report) {
    const { target: t, index } = file.tree;
    if (t.daemon !== 'libreswan') return;
    const once = reportOnce(report);
    for (const d of index.defaults)
      for (const e of d.entries)
        if (isAlso(e) && e.uri === file.uri) once({ code: Code.configIgnored, severity: 'error', message: `also= is not valid in section '%default'; Libreswan ${t.version} ignores it`, range: e.valueRange });
  },
};
