// An IKEv1 conn where config setup does not accept IKEv1: pluto refuses to load it ("global
// ikev1-policy=drop does not allow IKEv1 connections"). Libreswan 5.0 made `ikev1-policy=drop` the
// default; 4.2-4.15 accept IKEv1 unless ikev1-policy=drop|reject is written
// (docs/reference/libreswan-5.md §2). Reported on the line that makes the conn IKEv1.
import { Code } from '../../../core/codes';
import type { FileCheck } from '../../../core/types';
import { atLeast } from '../../../core/versions';
import type { IpsecConfTree } from '../analysis';
import { ikeVersionOf } from '../endpoint';
import { defaultFor, libreswanKeyword } from '../keywords';
import type { Entry } from '../tree';
import { targetLabel } from '../version';
import { reportOnce } from './support';

export const ikev1PolicyCheck: FileCheck<IpsecConfTree> = {
  id: 'ipsec-conf/ikev1-policy',
  codes: [Code.configIgnored],
  run(file, _ctx, report) {
    const tree = file.tree;
    const t = tree.target;
    if (t.daemon !== 'libreswan') return;
    const row = libreswanKeyword('ikev1-policy', 'setup');
    if (!row || (row.since && !atLeast(t.version, row.since))) return;
    // The setting in force: the last ikev1-policy= of any config setup of the file or its includes.
    const setups = [...tree.conf.sections, ...tree.included.flatMap((f) => f.sections)].filter((s) => s.kind === 'setup');
    let written: Entry | undefined;
    for (const s of setups) for (const e of s.entries) if (e.key.toLowerCase() === 'ikev1-policy') written = e;
    const policy = written?.value.toLowerCase() ?? defaultFor(row, t);
    if (policy === 'accept') return;
    const once = reportOnce(report);
    for (const [section, r] of tree.resolved) {
      if (section.uri !== tree.conf.uri) continue;
      const v = ikeVersionOf(r, t);
      if (v.v.value !== 1 || v.v.source !== 'written') continue;
      // The line that makes it IKEv1, when it is in this file (else the conn's header).
      const range = v.v.uri === tree.conf.uri && v.v.range ? v.v.range : section.headerRange;
      const why = written ? `config setup has ikev1-policy=${written.value} (line ${written.range.start.line + 1})` : `${targetLabel(t)} defaults to ikev1-policy=${policy}`;
      const unseen = !written && setups.length === 0;
      once({
        code: Code.configIgnored,
        // No config setup in sight (a file of ipsec.d): the including ipsec.conf may accept IKEv1.
        severity: unseen ? 'warning' : 'error',
        message: `conn ${section.name} is IKEv1, and ${why}: pluto refuses to load it ("global ikev1-policy=${policy} does not allow IKEv1 connections"). Use IKEv2, or set ikev1-policy=accept in config setup${unseen ? ' (this file has no config setup; the ipsec.conf that includes it may set it)' : ''}.`,
        range,
      });
    }
  },
};
