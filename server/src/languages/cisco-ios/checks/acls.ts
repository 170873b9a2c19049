// Access lists: duplicate sequence numbers in named lists, and crypto ACLs that permit nothing.
// Only ACLs crypto maps use are modelled closely enough to judge their content; others may use
// syntax of features Tunnel Lens does not model.
import { Code } from '../../../core/codes';
import { iosCheck } from './common';

export const acls = iosCheck('acls', [Code.duplicateKey, Code.invalidValue], (t, report) => {
  const cryptoAcls = new Set(t.cfg.cryptoMaps.map((e) => e.matchAddress?.name).filter((x): x is string => !!x));
  for (const acl of t.cfg.acls.values()) {
    const seqs = new Map<number, number>();
    for (const e of acl.entries) {
      if (e.seq === undefined || /^\d+$/.test(acl.name)) continue;
      if (seqs.has(e.seq)) report({ code: Code.duplicateKey, severity: 'error', message: `sequence number ${e.seq} is already used in access list ${acl.name} (line ${seqs.get(e.seq)! + 1}); IOS rejects the entry`, range: e.range });
      else seqs.set(e.seq, e.node.line);
    }
    if (cryptoAcls.has(acl.name) && !acl.entries.some((e) => e.action === 'permit')) {
      report({ code: Code.invalidValue, severity: 'warning', message: `crypto access list ${acl.name} permits nothing, so the crypto map entry protects no traffic`, range: acl.nameRange });
    }
  }
});
