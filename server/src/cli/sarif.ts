// SARIF 2.1.0 as GitHub code scanning takes it: one run, one rule per finding code, 1-based
// regions, related locations for the peer's line, and fixes as artifact changes.
import type * as Sarif from 'sarif';
import { ALL_CODES, codeInfo, docsAnchor, DOCS_BASE_URL, isConfigCode } from '../core/codes';
import type { Finding, Severity } from '../core/types';

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function region(r: Finding['range']): Sarif.Region {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

export function toSarif(findings: Finding[], pathOf: (uri: string) => string): Sarif.Log {
  const rules: Sarif.ReportingDescriptor[] = ALL_CODES.filter(isConfigCode).map((code) => ({
    id: code,
    shortDescription: { text: codeInfo(code).title },
    helpUri: DOCS_BASE_URL + docsAnchor(code),
    defaultConfiguration: { level: LEVEL[codeInfo(code).severity] },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results: Sarif.Result[] = findings.map((f) => ({
    ruleId: f.code,
    ruleIndex: ruleIndex.get(f.code),
    level: LEVEL[f.severity],
    message: { text: f.detail ? `${f.message} ${f.detail}` : f.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: pathOf(f.uri) }, region: region(f.range) } }],
    relatedLocations: f.related.length
      ? f.related.map((r, i) => ({
          id: i,
          message: { text: r.message },
          physicalLocation: { artifactLocation: { uri: pathOf(r.uri) }, region: region(r.range) },
        }))
      : undefined,
    fixes: f.fixes.length
      ? f.fixes.map((x) => ({
          description: { text: x.title },
          artifactChanges: [...new Set(x.edits.map((e) => e.uri))].map((uri) => ({
            artifactLocation: { uri: pathOf(uri) },
            replacements: x.edits
              .filter((e) => e.uri === uri)
              .map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
          })),
        }))
      : undefined,
  }));
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{ tool: { driver: { name: 'tunnel-lens', informationUri: 'https://github.com/tunnel-lens/tunnel-lens', version: '0.1.0', rules } }, results }],
  };
}
