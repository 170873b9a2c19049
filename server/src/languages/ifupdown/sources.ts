// `source` and `source-directory` lines of this file that ifupdown does not follow as written
// (docs/reference/ifupdown.md §1, §5): classic ifupdown silently skips what matches nothing (a
// missing literal file is worth a word; an unmatched pattern is not, it is the stock layout's
// empty interfaces.d); ifupdown-ng 0.12.1 fails on a pattern or a missing file. A file the host's
// /etc/network/interfaces does not read at all is said so on its first line.
import { Code, type FindingCode } from '../../core/codes';
import type { FileCheck, Severity } from '../../core/types';
import { basenameOfUri } from '../../core/uri';
import { patternRange, type SourceResult } from './config';
import type { IfupdownTree } from './index';

const JUDGED: Record<NonNullable<SourceResult['problem']>['kind'], (ng: boolean) => [FindingCode, Severity] | undefined> = {
  'no-match': () => undefined,
  'no-root': () => [Code.undefinedReference, 'info'],
  'missing-literal': (ng) => [Code.undefinedReference, ng ? 'error' : 'info'],
  'glob-literal': () => [Code.versionIncompatible, 'error'],
  cycle: () => [Code.invalidValue, 'error'],
  depth: () => [Code.invalidValue, 'warning'],
  budget: () => [Code.invalidValue, 'info'],
};

export const sourcesCheck: FileCheck<IfupdownTree> = {
  id: 'ifupdown/sources',
  codes: [Code.undefinedReference, Code.versionIncompatible, Code.invalidValue, Code.configIgnored],
  run(file, _ctx, report) {
    const { config } = file.tree;
    const ng = config.flavor.tool.value === 'ifupdown-ng';
    for (const r of config.sources) {
      if (r.stanza.uri !== file.uri || !r.problem) continue;
      const j = JUDGED[r.problem.kind](ng);
      if (j) report({ code: j[0], severity: j[1], message: r.problem.message, range: patternRange(r.stanza) });
    }
    if (config.notReadBy) {
      const first = file.tree.file.stanzas[0]?.headerRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      report({
        code: Code.configIgnored,
        severity: 'info',
        message: `${basenameOfUri(config.notReadBy)} (the host's /etc/network/interfaces) does not read this file${ng ? '' : ' (source-directory reads only names of letters, digits, - and _)'}: ifupdown never configures what it holds, and Tunnel Lens takes none of its tunnels.`,
        range: first,
      });
    }
  },
};
