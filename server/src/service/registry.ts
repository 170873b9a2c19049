// The one registry of everything that reports or fixes a finding (Langium's validation registry is
// the model): each dialect's parser and per-file checks, the cross-peer checks, and the quick-fix
// providers of both, each registered with the codes it may emit. From it one can tell which
// dialect or check emits which code (docs and tests rely on it), and the reporters it hands out
// refuse a code the emitter did not declare.
import { Code, ALL_CODES, type FindingCode } from '../core/codes';
import type { AnyDialect, FileCheck, FixProvider, LanguageId } from '../core/types';
import type { PeerCheck } from '../checks/peerTypes';
import type { PeerFixProvider } from '../fixes/context';
import { DIALECTS } from '../languages';
import { PEER_CHECKS } from '../checks/peer';
import { PEER_FIXES } from '../fixes/peer';

/** Who emits a code: a dialect's parser, one of its checks, a peer check, or the service itself. */
export interface Emitter {
  kind: 'parser' | 'file-check' | 'peer-check' | 'service';
  /** 'cisco-ios', 'cisco-ios/references', 'peer/encaplimit-transport-interop', 'service/size-limit'. */
  id: string;
  codes: readonly FindingCode[];
}

/** Codes the service reports itself, whatever the dialect: an over-size file, a failing emitter. */
export const SERVICE_CODES: readonly FindingCode[] = [Code.fileTooLarge, Code.fileUnreadable, Code.internalError];
/** Codes the peer analysis reports itself: a Linux device change another file's device does not take (model/linuxMerge.ts). */
export const LINUX_MERGE_CODES: readonly FindingCode[] = [Code.configIgnored];

export interface CheckRegistry {
  dialects(): readonly AnyDialect[];
  fileChecks(languageId: LanguageId): readonly FileCheck<unknown>[];
  peerChecks(): readonly PeerCheck[];
  fileFixes(code: FindingCode): readonly FixProvider<unknown>[];
  peerFixes(code: FindingCode): readonly PeerFixProvider[];
  emitters(): readonly Emitter[];
  /** Every code some emitter can report. */
  codes(): ReadonlySet<FindingCode>;
  /** The emitters of one code. */
  emittersOf(code: FindingCode): readonly Emitter[];
}

export function buildRegistry(dialects: readonly AnyDialect[] = DIALECTS, peerChecks: readonly PeerCheck[] = PEER_CHECKS, peerFixes: readonly PeerFixProvider[] = PEER_FIXES): CheckRegistry {
  const byLanguage = new Map<LanguageId, FileCheck<unknown>[]>();
  const fileFixes = new Map<FindingCode, FixProvider<unknown>[]>();
  const peerFixesByCode = new Map<FindingCode, PeerFixProvider[]>();
  const emitters: Emitter[] = [
    { kind: 'service', id: 'service', codes: SERVICE_CODES },
    { kind: 'service', id: 'service/linux-merge', codes: LINUX_MERGE_CODES },
    { kind: 'service', id: 'service/pairing', codes: [Code.pairingAmbiguous] },
  ];
  const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
    const l = m.get(k);
    if (l) l.push(v);
    else m.set(k, [v]);
  };
  for (const d of dialects) {
    emitters.push({ kind: 'parser', id: d.id, codes: d.parseCodes });
    for (const c of d.checks ?? []) {
      push(byLanguage, d.id, c as FileCheck<unknown>);
      emitters.push({ kind: 'file-check', id: c.id, codes: c.codes });
    }
    for (const f of d.fixes ?? []) push(fileFixes, f.code, f as FixProvider<unknown>);
  }
  for (const p of peerChecks) emitters.push({ kind: 'peer-check', id: p.id, codes: p.codes });
  for (const f of peerFixes) push(peerFixesByCode, f.code, f);
  const codes = new Set<FindingCode>(emitters.flatMap((e) => e.codes));
  for (const c of codes) if (!ALL_CODES.includes(c)) throw new Error(`registry: ${c} is not in the code table`);
  return {
    dialects: () => dialects,
    fileChecks: (l) => byLanguage.get(l) ?? [],
    peerChecks: () => peerChecks,
    fileFixes: (code) => fileFixes.get(code) ?? [],
    peerFixes: (code) => peerFixesByCode.get(code) ?? [],
    emitters: () => emitters,
    codes: () => codes,
    emittersOf: (code) => emitters.filter((e) => e.codes.includes(code)),
  };
}
