// traffic-selector-mismatch: what each side protects must mirror the other's (protocol GRE against
// a crypto ACL `permit gre`, subnets against subnets).
import type { TrafficSelector } from '../../core/endpoint';
import { parsePrefix } from '../../core/address';
import type { PeerCheck } from '../peerTypes';
import { describe, placeOf, reportBoth } from './util';
import { Code } from '../../core/codes';

const PROTO: Record<number, string> = { 47: 'GRE', 4: 'IPv4-in-IP', 41: 'IPv6-in-IP', 6: 'TCP', 17: 'UDP', 1: 'ICMP', 50: 'ESP' };
const protoText = (p: number | undefined) => (p === undefined ? 'all protocols' : `${PROTO[p] ?? 'protocol'} (${p})`);
const norm = (subnets: string[]) =>
  subnets
    .map((s) => parsePrefix(s))
    .map((p, i) => (p ? `${p.text}/${p.prefixLength}` : subnets[i]))
    .sort()
    .join(',');

function describeTs(ts: TrafficSelector): string {
  const l = ts.localSubnets.length ? ts.localSubnets.join(' ') : 'this host';
  const r = ts.remoteSubnets.length ? ts.remoteSubnets.join(' ') : 'the peer';
  return `${protoText(ts.protocol)} from ${l} to ${r}`;
}

export const trafficSelectorMismatch: PeerCheck = {
  id: 'peer/traffic-selector-mismatch',
  codes: [Code.trafficSelectorMismatch],
  run({ a, b }, _ctx, report) {
    const ta = a.ipsec?.trafficSelector;
    const tb = b.ipsec?.trafficSelector;
    if (!ta || !tb) return;
    const sameProto = ta.value.protocol === tb.value.protocol;
    // Empty subnet lists mean "the host itself"; only compare when both sides name subnets.
    const mirror = (x: string[], y: string[]) => x.length === 0 || y.length === 0 || norm(x) === norm(y);
    const sameNets = mirror(ta.value.localSubnets, tb.value.remoteSubnets) && mirror(ta.value.remoteSubnets, tb.value.localSubnets);
    if (sameProto && sameNets) return;
    const why = sameProto ? 'the subnets do not mirror each other' : 'the protocols differ';
    reportBoth(
      Code.trafficSelectorMismatch,
      report,
      {
        message: `The traffic ${a.name} and ${b.name} protect differs (${why}): the child SA is refused (TS_UNACCEPTABLE).`,
        detail: `${describe(a)} protects ${describeTs(ta.value)}, ${describe(b)} protects ${describeTs(tb.value)}: ${why}, so the child SA is refused (TS_UNACCEPTABLE) or traffic bypasses it.`,
        place: placeOf(a, 'ipsec', ta),
        relatedMessage: `${describe(a)} protects ${describeTs(ta.value)}.`,
      },
      {
        message: `The traffic ${b.name} and ${a.name} protect differs (${why}): the child SA is refused (TS_UNACCEPTABLE).`,
        detail: `${describe(b)} protects ${describeTs(tb.value)}, ${describe(a)} protects ${describeTs(ta.value)}: ${why}, so the child SA is refused (TS_UNACCEPTABLE) or traffic bypasses it.`,
        place: placeOf(b, 'ipsec', tb),
        relatedMessage: `${describe(b)} protects ${describeTs(tb.value)}.`,
      },
    );
  },
};
