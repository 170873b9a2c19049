// `set pfs` and `set security-association lifetime seconds` of IPsec profiles and crypto map
// entries (docs/reference/ios-grammar.md §6.1).
import { Code } from '../../../core/codes';
import { IOS_PFS_VALUES, iosDhGroup } from '../../../model/iosTransforms';
import { RANGES } from '../defaults';
import { iosCheck, rangeCheck, weakOrRefused } from './common';

export const pfs = iosCheck('pfs-and-sa-lifetime', [Code.invalidValue, Code.weakAlgorithm, Code.versionIncompatible], (t, report) => {
  for (const s of [...t.cfg.ipsecProfiles.values(), ...t.cfg.cryptoMaps]) {
    if (s.pfs && s.pfs.text !== '') {
      const m = /^group(\d+)$/i.exec(s.pfs.text);
      const g = m ? iosDhGroup(m[1]) : undefined;
      if (!g) report({ code: Code.invalidValue, severity: 'error', message: `"${s.pfs.text}" is not a PFS group (${IOS_PFS_VALUES.join(' ')})`, range: s.pfs.range });
      else weakOrRefused(t, report, `pfs:${s.pfs.text.toLowerCase()}`, 'dh', g, s.pfs, 'PFS group');
    }
    if (s.lifetimeSeconds) rangeCheck(report, s.lifetimeSeconds, RANGES.saLifetimeSeconds, 'IPsec SA lifetime', 'error');
  }
});
