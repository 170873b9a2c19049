// Cross-peer analysis. Within each pairing scope (see scopes.ts): fold script changes into the
// Linux tunnels they change, link conns to their ipsec.secrets keys, compose each Linux host's
// device and conn into one endpoint, pair endpoints, and run the peer checks on every pair (and the
// rules that also apply to a lone endpoint on the unpaired ones).
import type { CheckRegistry } from './registry';
import type { PeerCheckContext, PeerFinding, PeerPair } from '../checks/peerTypes';
import type { Endpoint } from '../core/endpoint';
import { foldLinuxChanges, type IgnoredChange } from '../model/linuxMerge';
import { Code, codeInfo } from '../core/codes';
import { composeHostEndpoints } from './hostEndpoints';
import { pairEndpoints, type Ambiguity } from './pairing';
import { ambiguityFindings } from './ambiguity';
import { assumeLocalsFromPeers } from '../model/hostAddress';
import { assumeLocalsFromHost, type HostLocalMemo } from './hostAddressLink';
import { ScopeFinder, type Scope } from './scopes';
import { linkSecrets } from './secretsLink';
import type { FixContext, PeerSubject } from '../fixes/context';
import type { FileSystem, Finding, ParsedFile, Settings } from '../core/types';
import { copyFinding, internalErrorFinding, lazyFixes, type Log } from './findings';
import type { PeerCheck } from '../checks/peerTypes';

export interface PeerAnalysis {
  /** Endpoints after merging and composing each host's pieces (tunnel device + IPsec conn). */
  endpoints: Endpoint[];
  pairs: PeerPair[];
  findingsByUri: Map<string, Finding[]>;
}

/**
 * Memory kept between analyses of one workspace so that an edit re-checks only the pairs it takes
 * part in: the scope finder (pairing files are read once), and each pair's (and each unpaired
 * endpoint's) findings with their fixes, keyed by the endpoint objects themselves. A file's
 * endpoints are new objects when the file is re-parsed, so a pair whose files did not change keeps
 * its entry; an entry also records the versions of the files its fixes read. The owner drops the
 * cache when a file outside the workspace (a pairing file) changes, and when the settings change.
 */
export class PeerCache {
  finder: ScopeFinder | undefined;
  readonly pairs = new WeakMap<Endpoint, WeakMap<Endpoint, CachedRun>>();
  readonly unpaired = new WeakMap<Endpoint, CachedRun>();
  /** Endpoints whose run-time local address the peer resolved (model/hostAddress.ts). */
  readonly assumedLocals = new WeakMap<Endpoint, { peer: Endpoint; out: Endpoint }>();
  readonly hostLocals: HostLocalMemo = new WeakMap();
  constructor(readonly versionOf: (uri: string) => number | undefined) {}
}

interface CachedRun {
  settings: Settings;
  hasPairs: boolean;
  pairedBy?: string;
  /** Files the fixes read, with their versions then. */
  reads: Map<string, number | undefined>;
  /** Every finding the rules reported, in order, with its de-duplication key. */
  out: { key: string; finding: Finding }[];
}

export function analysePeers(files: ParsedFile[], registry: CheckRegistry, settings: Settings, fs: FileSystem, cache?: PeerCache, log?: Log): PeerAnalysis {
  const finder = cache ? (cache.finder ??= new ScopeFinder(fs)) : new ScopeFinder(fs);
  const groups = new Map<Scope, ParsedFile[]>();
  for (const f of files) {
    const scope = finder.scopeOf(f.uri);
    const g = groups.get(scope);
    if (g) g.push(f);
    else groups.set(scope, [f]);
  }
  const endpoints: Endpoint[] = [];
  const pairs: PeerPair[] = [];
  const ignoredChanges: IgnoredChange[] = [];
  const ambiguities: (Ambiguity & { scopeRoot: string })[] = [];
  for (const [scope, group] of groups) {
    const raw = group.flatMap((f) => f.endpoints);
    if (raw.length === 0) continue;
    const fold = foldLinuxChanges(raw);
    // A change another file's device does not take (ip -6 tunnel change on an ip6gre that an
    // ifcfg made); a script's own devices are judged by its dialect.
    for (const i of fold.ignored) if (i.creator.uri !== i.change.uri) ignoredChanges.push(i);
    // A run-time local address (%defaultroute) from the device it protects, else the host's
    // interface with the default route, else the address the peer points at.
    const onHost = assumeLocalsFromHost(composeHostEndpoints(linkSecrets(fold.endpoints, group, registry)), group, registry, cache?.hostLocals ?? new WeakMap());
    const composed = assumeLocalsFromPeers(onHost, cache?.assumedLocals ?? new WeakMap());
    // Not push(...x): a file near the size limit has more endpoints than a call has arguments.
    for (const e of composed) endpoints.push(e);
    const pairing = pairEndpoints(composed, scope.pairs);
    for (const p of pairing.pairs) pairs.push(p);
    for (const a of pairing.ambiguous) ambiguities.push({ ...a, scopeRoot: scope.root });
  }

  const findingsByUri = new Map<string, Finding[]>();
  const seen = new Set<string>();
  const add = (key: string, finding: Finding) => {
    // A rule may see the same endpoint in several pairs; one finding per place is enough.
    if (seen.has(key)) return;
    seen.add(key);
    const list = findingsByUri.get(finding.uri);
    if (list) list.push(finding);
    else findingsByUri.set(finding.uri, [finding]);
  };
  const ctx: PeerCheckContext = { settings, workspaceHasPairs: pairs.length > 0 };
  // Several configs match one tunnel end: say so on the end and on each candidate, and pair none.
  const held = new Set<Endpoint>();
  for (const amb of ambiguities) {
    held.add(amb.end);
    for (const c of amb.candidates) held.add(c);
    for (const f of ambiguityFindings(amb, amb.scopeRoot, (uri) => fs.readFile(uri))) add(`${f.code}|${f.uri}|${f.range.start.line}:${f.range.start.character}|${f.message}`, f);
  }
  for (const i of ignoredChanges) {
    const f: Finding = { code: Code.configIgnored, severity: 'warning', message: i.message, uri: i.change.uri, range: i.range, related: [{ uri: i.creator.uri, range: i.creator.range, message: `${i.creator.name} is created here` }], fixes: [] };
    add(`${f.code}|${f.uri}|${f.range.start.line}:${f.range.start.character}|${f.message}`, f);
  }

  /** Runs the rules of one pair or endpoint, or replays what they reported last time. */
  const run = (prev: CachedRun | undefined, pairedBy: string | undefined, rules: (report: (check: PeerCheck, f: PeerFinding, subject: PeerSubject) => void) => void): CachedRun => {
    if (prev && prev.settings === settings && prev.hasPairs === ctx.workspaceHasPairs && prev.pairedBy === pairedBy && readsUnchanged(prev, cache)) {
      for (const o of prev.out) add(o.key, copyFinding(o.finding));
      return prev;
    }
    const entry: CachedRun = { settings, hasPairs: ctx.workspaceHasPairs, pairedBy, reads: new Map(), out: [] };
    const fixCtx: FixContext = {
      text: (uri) => {
        if (cache && !entry.reads.has(uri)) entry.reads.set(uri, cache.versionOf(uri));
        return fs.readFile(uri);
      },
      settings,
    };
    const keys = new Set<string>();
    rules((check, f, subject) => {
      const key = `${f.code}|${f.uri}|${f.range.start.line}:${f.range.start.character}|${f.message}`;
      if (keys.has(key)) return;
      keys.add(key);
      if (!check.codes.includes(f.code)) {
        entry.out.push({ key, finding: internalErrorFinding(f.uri, f.range, `${check.id} reported the undeclared code ${f.code}`, undefined, log) });
        return;
      }
      const finding: Finding = { ...f, severity: f.severity ?? codeInfo(f.code).severity, fixes: [...(f.fixes ?? [])] };
      const providers = registry.peerFixes(f.code);
      // The fix builders run when the fixes are first read (a code action, the CLI printing them);
      // the files they read are recorded then, and a later change to one re-runs this entry.
      if (providers.length > 0) {
        const given = finding.fixes;
        lazyFixes(finding, () => {
          for (const p of providers) {
            try {
              given.push(...p.provide(f, subject, fixCtx));
            } catch (e) {
              log?.(`tunnel-lens: quick fix for ${f.code} failed: ${e instanceof Error ? e.message : String(e)}`);
            }
          }
          return given;
        });
      }
      entry.out.push({ key, finding });
    });
    for (const o of entry.out) add(o.key, cache ? copyFinding(o.finding) : o.finding);
    return entry;
  };

  /** A peer check that throws is a bug of ours: a finding on the endpoint and a log line, and the other checks still run. */
  const guarded = (check: PeerCheck, on: Endpoint, fn: () => void, report: (check: PeerCheck, f: PeerFinding, subject: PeerSubject) => void) => {
    try {
      fn();
    } catch (e) {
      const f = internalErrorFinding(on.uri, on.range, `running the check ${check.id} on ${on.name}`, e, log);
      report({ ...check, codes: [Code.internalError] }, f, { me: on });
    }
  };

  const paired = new Set<Endpoint>();
  for (const pair of pairs) {
    paired.add(pair.a);
    paired.add(pair.b);
    let byB = cache?.pairs.get(pair.a);
    if (cache && !byB) cache.pairs.set(pair.a, (byB = new WeakMap()));
    const entry = run(byB?.get(pair.b), pair.pairedBy, (report) => {
      const isA = (uri: string) => uri === pair.a.uri || ownedUris(pair.a).has(uri);
      for (const check of registry.peerChecks()) {
        const onPair = (f: PeerFinding) => report(check, f, isA(f.uri) ? { me: pair.a, peer: pair.b } : { me: pair.b, peer: pair.a });
        guarded(check, pair.a, () => check.run(pair, ctx, onPair), report);
      }
    });
    byB?.set(pair.b, entry);
  }
  for (const e of endpoints) {
    if (paired.has(e) || held.has(e)) continue;
    const entry = run(cache?.unpaired.get(e), undefined, (report) => {
      for (const check of registry.peerChecks()) if (check.runUnpaired) guarded(check, e, () => check.runUnpaired!(e, ctx, (f) => report(check, f, { me: e })), report);
    });
    cache?.unpaired.set(e, entry);
  }
  return { endpoints, pairs, findingsByUri };
}

function readsUnchanged(prev: CachedRun, cache: PeerCache | undefined): boolean {
  if (!cache) return false;
  for (const [uri, v] of prev.reads) if (cache.versionOf(uri) !== v) return false;
  return true;
}

/** ownedUris per endpoint object (endpoints are not changed once built). */
const OWNED = new WeakMap<Endpoint, Set<string>>();

/** The files an endpoint is written in: its own, its conn's, and every value's origin (once per endpoint, when a finding needs it). */
function ownedUris(e: Endpoint): Set<string> {
  let known = OWNED.get(e);
  if (!known) OWNED.set(e, (known = walkUris(e)));
  return known;
}

function walkUris(e: Endpoint): Set<string> {
  const out = new Set<string>([e.uri]);
  // Once per endpoint, but over every endpoint of a 10,000-pair hub: no array per object (for…in,
  // not Object.values), and a Range ({start, end} of numbers), the most common object, is not entered.
  const walk = (o: unknown, depth: number) => {
    if (!o || typeof o !== 'object' || depth > 4) return;
    if (Array.isArray(o)) {
      for (const x of o) if (x && typeof x === 'object') walk(x, depth + 1);
      return;
    }
    const v = o as Record<string, unknown>;
    if (typeof v.uri === 'string') out.add(v.uri);
    for (const k in v) {
      const x = v[k];
      if (!x || typeof x !== 'object' || (k === 'range' && isRange(x))) continue;
      walk(x, depth + 1);
    }
  };
  walk(e, 0);
  return out;
}

function isRange(x: object): boolean {
  const r = x as { start?: { line?: unknown }; end?: unknown; uri?: unknown };
  return r.uri === undefined && typeof r.start?.line === 'number' && !!r.end;
}
