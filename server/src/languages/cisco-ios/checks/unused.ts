// unused-definition: a crypto object nothing in the file refers to. ISAKMP profiles are left out:
// `match identity` chooses them without a reference. Dynamic maps and map entries that only point
// at one are used by other routers' connections.
import { Code } from '../../../core/codes';
import type { Range } from '../../../core/types';
import { iosCheck } from './common';
import { KIND_NAMES } from './references';

export const unused = iosCheck('unused-definitions', [Code.unusedDefinition], (t, report) => {
  const { cfg } = t;
  const used = new Set(cfg.refs.map((r) => `${r.kind}\u0000${r.name}`));
  const check = (kind: string, name: string, range: Range) => {
    if (name === 'default' || used.has(`${kind}\u0000${name}`)) return;
    report({ code: Code.unusedDefinition, severity: 'hint', message: `${KIND_NAMES[kind]} "${name}" is not used by anything in this file`, range });
  };
  for (const ts of cfg.transformSets.values()) check('transform-set', ts.name, ts.nameRange);
  for (const p of cfg.ipsecProfiles.values()) check('ipsec-profile', p.name, p.nameRange);
  for (const p of cfg.ikev2Profiles.values()) check('ikev2-profile', p.name, p.nameRange);
  for (const p of cfg.ikev2Proposals.values()) check('ikev2-proposal', p.name, p.nameRange);
  for (const k of cfg.ikev2Keyrings.values()) check('ikev2-keyring', k.name, k.nameRange);
  const seen = new Set<string>();
  for (const e of cfg.cryptoMaps) {
    if (e.dynamic || e.dynamicRef || seen.has(e.map)) continue;
    seen.add(e.map);
    check('crypto-map', e.map, e.nameRange);
  }
});
