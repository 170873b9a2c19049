// Helpers shared by the cross-peer rules: where a value lives (its line, or the definition it was
// defaulted on), how to name an endpoint in a message, and reporting a symmetric mismatch on both
// peers' lines with the other's line as related information.
import type { Range } from 'vscode-languageserver-types';
import type { Endpoint, Origin } from '../../core/endpoint';
import type { FindingCode } from '../../core/codes';
import type { Fix, Severity } from '../../core/types';
import type { PeerCheck, PeerCheckContext, PeerFinding, PeerPair } from '../peerTypes';

export interface Place {
  uri: string;
  range: Range;
}

/** The line of a value: where it is written, else the definition it was defaulted on. */
export function placeOf(e: Endpoint, part: 'ipsec' | 'tunnel' | 'endpoint', v: Origin | undefined): Place {
  if (v?.uri && v.range) return { uri: v.uri, range: v.range };
  const owner = part === 'ipsec' && e.protectedBy ? e.protectedBy : e;
  return { uri: owner.uri, range: owner.range };
}

const VENDOR: Record<Endpoint['vendor'], string> = { 'cisco-ios': 'Cisco IOS', linux: 'Linux', libreswan: 'Libreswan', strongswan: 'strongSwan' };

export function describe(e: Endpoint): string {
  // A Linux device's "version" is NetworkManager's, which says nothing about the host.
  const version = e.version && e.vendor !== 'linux' ? ` ${e.version.value}` : '';
  return `${e.name} (${VENDOR[e.vendor]}${version})`;
}

/** "written" or the rule that defaulted the value, for messages. */
export function because(v: Origin | undefined): string {
  if (!v) return 'not set';
  if (v.source === 'written') return 'as written';
  if (!v.rule) return v.source;
  return /^(the|an?) /i.test(v.rule) ? v.rule : `the ${v.rule}`;
}

export interface SideReport {
  message: string;
  /** The rule, the defaults, the other side's offer: beside the message, not in it. */
  detail?: string;
  place: Place;
  relatedMessage: string;
  fixes?: Fix[];
}

/** Reports one finding on each peer's line, each pointing at the other's. */
export function reportBoth(
  code: FindingCode,
  report: (f: PeerFinding) => void,
  a: SideReport,
  b: SideReport,
  severity?: Severity,
): void {
  report({ code, severity, message: a.message, detail: a.detail, ...a.place, related: [{ ...b.place, message: b.relatedMessage }], fixes: a.fixes });
  report({ code, severity, message: b.message, detail: b.detail, ...b.place, related: [{ ...a.place, message: a.relatedMessage }], fixes: b.fixes });
}

/** Calls fn with (this side, other side) for both orders of the pair. */
export function bothWays(pair: PeerPair, fn: (me: Endpoint, peer: Endpoint) => void): void {
  fn(pair.a, pair.b);
  fn(pair.b, pair.a);
}

/**
 * A rule about one endpoint that may depend on its peer: run for each side of a pair, and for an
 * endpoint with no peer in the workspace.
 */
export function perEndpoint(
  code: FindingCode,
  rule: (me: Endpoint, peer: Endpoint | undefined, ctx: PeerCheckContext, report: (f: PeerFinding) => void) => void,
): PeerCheck {
  return {
    id: `peer/${code}`,
    codes: [code],
    run(pair, ctx, report) {
      rule(pair.a, pair.b, ctx, report);
      rule(pair.b, pair.a, ctx, report);
    },
    runUnpaired(e, ctx, report) {
      rule(e, undefined, ctx, report);
    },
  };
}
