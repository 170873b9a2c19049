// Cross-peer analysis: compose each host's endpoints, pair them by addresses, run the peer checks
// on every pair (and the rules that also apply to a lone endpoint on the unpaired ones).
import type { CheckRegistry } from '../checks/registry';
import type { PeerCheckContext, PeerFinding, PeerPair } from '../checks/peerTypes';
import type { Endpoint } from '../model/endpoint';
import { CODE_INFO } from '../checks/codeInfo';
import { composeHostEndpoints } from './hostEndpoints';
import { pairEndpoints } from './pairing';
import type { FileSystem, Finding, ParsedFile, Settings } from './types';

export interface PeerAnalysis {
  /** Endpoints after composing each host's pieces (tunnel device + IPsec conn). */
  endpoints: Endpoint[];
  pairs: PeerPair[];
  findingsByUri: Map<string, Finding[]>;
}

export function analysePeers(files: ParsedFile[], registry: CheckRegistry, settings: Settings, fs: FileSystem): PeerAnalysis {
  const endpoints = composeHostEndpoints(files.flatMap((f) => f.endpoints), files);
  const pairs = pairEndpoints(endpoints, files, fs);
  const findingsByUri = new Map<string, Finding[]>();
  const seen = new Set<string>();
  const push = (f: PeerFinding) => {
    // A rule may see the same endpoint in several pairs; one finding per place is enough.
    const key = `${f.code}|${f.uri}|${f.range.start.line}:${f.range.start.character}|${f.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    const finding: Finding = { ...f, severity: f.severity ?? CODE_INFO[f.code].severity, fixes: f.fixes ?? [] };
    findingsByUri.set(f.uri, [...(findingsByUri.get(f.uri) ?? []), finding]);
  };
  const ctx: PeerCheckContext = { settings, workspaceHasPairs: pairs.length > 0 };
  const paired = new Set<Endpoint>();
  for (const pair of pairs) {
    paired.add(pair.a);
    paired.add(pair.b);
    for (const check of registry.peerChecks()) guarded(() => check.run(pair, ctx, push));
  }
  for (const e of endpoints) {
    if (paired.has(e)) continue;
    for (const check of registry.peerChecks()) if (check.runUnpaired) guarded(() => check.runUnpaired!(e, ctx, push));
  }
  return { endpoints, pairs, findingsByUri };
}

/** One failing rule must not hide the others' findings; the fuzz tests hunt such failures down. */
function guarded(fn: () => void): void {
  try {
    fn();
  } catch {
    // deliberately ignored
  }
}
