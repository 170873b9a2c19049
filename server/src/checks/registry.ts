// The one registry of checks, keyed by stable finding code (Langium's validation registry idea).
// Per-file checks come from the dialect folders; cross-peer checks from checks/peer/.
import type { FindingCode } from '../model/findingCodes';
import type { FileCheck, FixProvider, LanguageId } from '../service/types';
import type { PeerCheck } from './peerTypes';
import { DIALECTS } from '../languages';
import { PEER_CHECKS } from './peer';

export interface CheckRegistry {
  fileChecks(languageId: LanguageId): readonly FileCheck[];
  peerChecks(): readonly PeerCheck[];
  fixProviders(code: FindingCode): readonly FixProvider[];
  /** Every code some check can report: docs/checks.md and the tests verify each is documented. */
  codes(): ReadonlySet<FindingCode>;
}

export function buildRegistry(): CheckRegistry {
  const byLanguage = new Map<LanguageId, FileCheck[]>();
  const fixes = new Map<FindingCode, FixProvider[]>();
  const codes = new Set<FindingCode>();
  for (const d of DIALECTS) {
    for (const c of d.checks ?? []) {
      for (const l of c.languages) byLanguage.set(l, [...(byLanguage.get(l) ?? []), c]);
      codes.add(c.code);
    }
    for (const f of d.fixes ?? []) fixes.set(f.code, [...(fixes.get(f.code) ?? []), f]);
  }
  for (const p of PEER_CHECKS) codes.add(p.code);
  return {
    fileChecks: (l) => byLanguage.get(l) ?? [],
    peerChecks: () => PEER_CHECKS,
    fixProviders: (code) => fixes.get(code) ?? [],
    codes: () => codes,
  };
}
