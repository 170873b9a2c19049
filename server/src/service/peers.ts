// Cross-peer analysis. Within each pairing scope (see scopes.ts): fold script changes into the
// Linux tunnels they change, link conns to their ipsec.secrets keys, compose each Linux host's
// device and conn into one endpoint, pair endpoints, and run the peer checks on every pair (and the
// rules that also apply to a lone endpoint on the unpaired ones).
import type { CheckRegistry } from '../checks/registry';
import type { PeerCheckContext, PeerFinding, PeerPair } from '../checks/peerTypes';
import type { Endpoint } from '../model/endpoint';
import { mergeLinuxEndpoints } from '../model/linuxMerge';
import { CODE_INFO } from '../checks/codeInfo';
import { composeHostEndpoints } from './hostEndpoints';
import { pairEndpoints } from './pairing';
import { ScopeFinder, type Scope } from './scopes';
import { linkSecrets } from './secretsLink';
import { PEER_FIXES } from '../fixes/peer';
import type { FixContext, PeerSubject } from '../fixes/context';
import type { FileSystem, Finding, ParsedFile, Settings } from './types';

export interface PeerAnalysis {
  /** Endpoints after merging and composing each host's pieces (tunnel device + IPsec conn). */
  endpoints: Endpoint[];
  pairs: PeerPair[];
  findingsByUri: Map<string, Finding[]>;
}

export function analysePeers(files: ParsedFile[], registry: CheckRegistry, settings: Settings, fs: FileSystem): PeerAnalysis {
  const finder = new ScopeFinder(fs);
  const groups = new Map<Scope, ParsedFile[]>();
  for (const f of files) {
    const scope = finder.scopeOf(f.uri);
    const g = groups.get(scope);
    if (g) g.push(f);
    else groups.set(scope, [f]);
  }
  const endpoints: Endpoint[] = [];
  const pairs: PeerPair[] = [];
  for (const [scope, group] of groups) {
    const raw = group.flatMap((f) => f.endpoints);
    if (raw.length === 0) continue;
    const composed = composeHostEndpoints(linkSecrets(mergeLinuxEndpoints(raw), group));
    endpoints.push(...composed);
    pairs.push(...pairEndpoints(composed, scope.pairs));
  }

  const findingsByUri = new Map<string, Finding[]>();
  const seen = new Set<string>();
  const fixCtx: FixContext = { text: (uri) => fs.readFile(uri), settings };
  const push = (f: PeerFinding, subject: PeerSubject) => {
    // A rule may see the same endpoint in several pairs; one finding per place is enough.
    const key = `${f.code}|${f.uri}|${f.range.start.line}:${f.range.start.character}|${f.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    const finding: Finding = { ...f, severity: f.severity ?? CODE_INFO[f.code].severity, fixes: [...(f.fixes ?? [])] };
    for (const p of PEER_FIXES) if (p.code === f.code) guarded(() => finding.fixes.push(...p.provide(f, subject, fixCtx)));
    const list = findingsByUri.get(f.uri);
    if (list) list.push(finding);
    else findingsByUri.set(f.uri, [finding]);
  };
  const ctx: PeerCheckContext = { settings, workspaceHasPairs: pairs.length > 0 };
  const paired = new Set<Endpoint>();
  for (const pair of pairs) {
    paired.add(pair.a);
    paired.add(pair.b);
    const aFiles = ownedUris(pair.a);
    const onPair = (f: PeerFinding) => push(f, aFiles.has(f.uri) ? { me: pair.a, peer: pair.b } : { me: pair.b, peer: pair.a });
    for (const check of registry.peerChecks()) guarded(() => check.run(pair, ctx, onPair));
  }
  for (const e of endpoints) {
    if (paired.has(e)) continue;
    for (const check of registry.peerChecks()) if (check.runUnpaired) guarded(() => check.runUnpaired!(e, ctx, (f) => push(f, { me: e })));
  }
  return { endpoints, pairs, findingsByUri };
}

/** The files an endpoint is written in: its own, its conn's, and every value's origin. */
function ownedUris(e: Endpoint): Set<string> {
  const out = new Set<string>([e.uri]);
  const walk = (o: unknown, depth: number) => {
    if (!o || typeof o !== 'object' || depth > 4) return;
    const v = o as { uri?: unknown };
    if (typeof v.uri === 'string') out.add(v.uri);
    for (const x of Object.values(o)) walk(x, depth + 1);
  };
  walk(e, 0);
  return out;
}

/** One failing rule must not hide the others' findings; the fuzz tests hunt such failures down. */
function guarded(fn: () => void): void {
  try {
    fn();
  } catch {
    // deliberately ignored
  }
}
