// Libreswan 4.x ignores a conn that sets one field twice: in the conn, through also= (either order),
// or through aliases such as esp=/phase2alg= (docs/reference/ipsec-conf-grammar.md §5), while
// `addconn` still exits 0. strongSwan keeps the last value silently, so nothing is said there.
import { Code } from '../../../core/codes';
import type { FileCheck } from '../../../core/types';
import { ownConns, type IpsecConfTree } from '../analysis';
import { reportOnce, q } from './support';

export const duplicatesCheck: FileCheck<IpsecConfTree> = {
  id: 'ipsec-conf/duplicates',
  codes: [Code.duplicateKey],
  run(file, _ctx, report) {
    const { target: t, resolved } = file.tree;
    if (t.daemon !== 'libreswan') return;
    const once = reportOnce(report);
    for (const s of ownConns(file.tree)) {
      const r = resolved.get(s);
      for (const { entry: e, kept, within } of r?.duplicates ?? []) {
        if (e.uri !== file.uri) continue; // said in the file that holds the line
        const how = within !== s ? ` while processing also=${q(within.name)}` : '';
        const where = kept.section !== within ? ` in conn ${q(kept.section.name)}` : '';
        once({
          code: Code.duplicateKey,
          severity: 'error',
          message: `duplicate key '${q(e.key)}' in conn ${q(s.name)}${how} (already set by '${q(kept.key)}' on line ${kept.range.start.line + 1}${where}); Libreswan ${t.version} ignores conn ${q(s.name)}`,
          range: e.keyRange,
          related: [{ uri: kept.uri, range: kept.range, message: 'first set here' }],
        });
      }
    }
  },
};
