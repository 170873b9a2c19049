// The tunnel's own consistency (invalid-value): outer addresses of the family TYPE tunnels over, a
// remote address, and a GRE key only where there is a GRE header (docs/reference/ifcfg.md §2).
import type { FileCheck } from '../../../core/types';
import { Code } from '../../../core/codes';
import { parseAddress } from '../../../core/address';
import type { IfcfgTree } from '../../shared/ifcfgRead';
import { quoteValue as q } from '../../../core/redact';
import { tunnelTypeOf } from '../../shared/ifcfgTunnel';

const familyName = (f: 'ipv4' | 'ipv6') => (f === 'ipv6' ? 'IPv6' : 'IPv4');

export const tunnelCheck: FileCheck<IfcfgTree> = {
  id: 'ifcfg/tunnel',
  codes: [Code.invalidValue],
  run(file, _ctx, report) {
    const tree = file.tree;
    const t = tunnelTypeOf(tree);
    if (!t) return;
    const { type, info } = t;
    for (const k of ['MY_OUTER_IPADDR', 'PEER_OUTER_IPADDR']) {
      const a = tree.last.get(k);
      const p = a?.value ? parseAddress(a.value) : undefined;
      if (a && p && p.family !== info.outer)
        report({ code: Code.invalidValue, severity: 'error', message: `TYPE=${q(type.value ?? '')} is a tunnel over ${familyName(info.outer)}, but ${q(k)} is an ${familyName(p.family)} address.`, range: a.valueRange });
    }
    if (!tree.last.get('PEER_OUTER_IPADDR') && type.value !== 'EXTERNAL')
      report({ code: Code.invalidValue, severity: 'warning', message: `TYPE=${q(type.value ?? '')} without PEER_OUTER_IPADDR: ifup-tunnel creates the tunnel without a remote address.`, range: type.keyRange });
    const key = tree.last.get('KEY');
    if (key && !info.kind.includes('gre'))
      report({ code: Code.invalidValue, severity: 'warning', message: `KEY is a GRE key; TYPE=${q(type.value ?? '')} has no GRE header.`, range: key.keyRange });
  },
};
