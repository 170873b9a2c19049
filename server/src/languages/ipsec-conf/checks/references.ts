// Names that must lead somewhere (docs/reference/ipsec-conf-grammar.md §4, §5): an include pattern
// that matches no file, an also= naming no conn (undefined-reference); an include that cannot be
// read, nests deeper than 10 or comes back to itself, an also= chain that loops (invalid-value).
import { Code, type FindingCode } from '../../../core/codes';
import type { FileCheck, Report } from '../../../core/types';
import { ownConns, type IpsecConfTree } from '../analysis';
import { reportOnce } from './support';

export const referencesCheck: FileCheck<IpsecConfTree> = {
  id: 'ipsec-conf/references',
  codes: [Code.undefinedReference, Code.invalidValue],
  run(file, _ctx, report) {
    const once = reportOnce(report);
    includes(file.tree, once);
    alsoTargets(file.tree, file.uri, once);
  },
};

function includes(tree: IpsecConfTree, report: Report): void {
  const lsw = tree.target.daemon === 'libreswan';
  for (const inc of tree.includes) {
    if (!inc.problem) continue;
    const missing = inc.problem.kind === 'no-match';
    const code: FindingCode = missing ? Code.undefinedReference : Code.invalidValue;
    const cwdNote = lsw && !inc.stmt.path.startsWith('/') ? ' (resolved relative to this file; note that Libreswan itself resolves a relative include against its working directory)' : '';
    report({ code, severity: missing ? 'warning' : 'error', message: inc.problem.message + cwdNote, range: inc.stmt.pathRange });
  }
}

function alsoTargets(tree: IpsecConfTree, uri: string, report: Report): void {
  const lsw = tree.target.daemon === 'libreswan';
  for (const s of ownConns(tree)) {
    const r = tree.resolved.get(s);
    if (!r) continue;
    for (const { entry, name } of r.missing) {
      if (entry.uri !== uri) continue;
      report({ code: Code.undefinedReference, severity: lsw ? 'error' : 'warning', message: `also=${name}: no conn '${name}' is defined${lsw ? `; Libreswan ignores conn ${s.name}` : ''}`, range: entry.valueRange });
    }
    for (const { entry, chain } of r.cycles) {
      if (entry.uri !== uri) continue;
      report({ code: Code.invalidValue, severity: 'error', message: `also=${chain[chain.length - 1]} makes a cycle: ${chain.join(' → ')}`, range: entry.valueRange });
    }
  }
}
