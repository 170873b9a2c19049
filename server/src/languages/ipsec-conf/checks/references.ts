// Names that must lead somewhere (docs/reference/ipsec-conf-grammar.md §4, §5): an include pattern
// that matches no file, an also= naming no conn (undefined-reference); an include that cannot be
// read, nests deeper than 10 or comes back to itself, an also= chain that loops (invalid-value).
import { Code, type FindingCode } from '../../../core/codes';
import type { FileCheck, Report, Severity } from '../../../core/types';
import type { IncludeProblemKind } from '../include';
import { MAX_WALK } from '../resolve';
import { ownConns, type IpsecConfTree } from '../analysis';
import { reportOnce, q } from './support';

export const referencesCheck: FileCheck<IpsecConfTree> = {
  id: 'ipsec-conf/references',
  codes: [Code.undefinedReference, Code.invalidValue],
  run(file, _ctx, report) {
    const once = reportOnce(report);
    includes(file.tree, once);
    alsoTargets(file.tree, file.uri, once);
  },
};

/**
 * What each include problem is: a literal file that is not there (Libreswan warns and reads on),
 * one it cannot read, a cycle or a nesting past 10 (an error there); an include Tunnel Lens does
 * not follow (no copy of the host's root in the workspace, a file outside it, the expansion budget).
 */
const INCLUDE_PROBLEMS: Record<IncludeProblemKind, [FindingCode, Severity]> = {
  'no-match': [Code.undefinedReference, 'warning'],
  unreadable: [Code.invalidValue, 'error'],
  cycle: [Code.invalidValue, 'error'],
  depth: [Code.invalidValue, 'error'],
  unrooted: [Code.undefinedReference, 'info'],
  outside: [Code.undefinedReference, 'info'],
  budget: [Code.undefinedReference, 'warning'],
};

function includes(tree: IpsecConfTree, report: Report): void {
  const lsw = tree.target.daemon === 'libreswan';
  for (const inc of tree.includes) {
    if (!inc.problem) continue;
    const [code, severity] = INCLUDE_PROBLEMS[inc.problem.kind];
    const cwdNote = lsw && !inc.stmt.path.startsWith('/') ? ' (resolved relative to this file; note that Libreswan itself resolves a relative include against its working directory)' : '';
    report({ code, severity, message: inc.problem.message + cwdNote, range: inc.stmt.pathRange });
  }
}

function alsoTargets(tree: IpsecConfTree, uri: string, report: Report): void {
  const lsw = tree.target.daemon === 'libreswan';
  for (const s of ownConns(tree)) {
    const r = tree.resolved.get(s);
    if (!r) continue;
    for (const { entry, name } of r.missing) {
      if (entry.uri !== uri) continue;
      report({ code: Code.undefinedReference, severity: lsw ? 'error' : 'warning', message: `also=${q(name)}: no conn '${q(name)}' is defined${lsw ? `; Libreswan ignores conn ${q(s.name)}` : ''}`, range: entry.valueRange });
    }
    if (r.truncated?.uri === uri)
      report({ code: Code.invalidValue, severity: 'warning', message: `also=${q(r.truncated.value)}: conn ${q(s.name)} reaches more than ${MAX_WALK} conns through also= and a cycle; Tunnel Lens stops following it here`, range: r.truncated.valueRange });
    for (const { entry, chain } of r.cycles) {
      if (entry.uri !== uri) continue;
      report({ code: Code.invalidValue, severity: 'error', message: `also=${q(chain[chain.length - 1])} makes a cycle: ${chain.map(q).join(' → ')}`, range: entry.valueRange });
    }
  }
}
