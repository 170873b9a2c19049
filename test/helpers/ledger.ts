// The line-ledger invariant for one analysed file: each line read into the model, outside it by a
// named rule, blank or a comment, or reported by a finding (core/lines.ts).
import { accountLines, type LineAccount } from '../../server/src/core/lines';
import type { LanguageService } from '../../server/src/service/languageService';
import { dialectById } from '../../server/src/languages';

/** The account of a file of the service (its findings included), or undefined when the service has no such file. */
export function ledgerOf(service: LanguageService, uri: string): LineAccount | undefined {
  const file = service.parse(uri);
  if (!file) return undefined;
  const dialect = dialectById(file.languageId)!;
  const reported: number[] = [];
  for (const f of service.findings(uri)) {
    if (f.uri !== uri) continue;
    for (let l = f.range.start.line; l <= f.range.end.line; l++) reported.push(l);
  }
  return accountLines(dialect.lineUse(file), reported);
}
