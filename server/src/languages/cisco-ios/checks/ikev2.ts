// IKEv2 proposals and profiles: values IOS knows, weak or refused ones, incomplete proposals
// (which IOS does not offer), AES-GCM with integrity, the profile lifetime range
// (docs/reference/ios-grammar.md §4).
import { Code } from '../../../core/codes';
import { transformInfo } from '../../../model/algorithms';
import { IKEV2_ENCRYPTION, IKEV2_HASH_WORDS, IOS_DH_GROUP_NUMBERS, ikeHash, iosDhGroup } from '../../../model/iosTransforms';
import { RANGES } from '../defaults';
import { iosCheck, rangeCheck, weakOrRefused } from './common';

const CIPHERS = Object.keys(IKEV2_ENCRYPTION).join(', ');

export const ikev2 = iosCheck('ikev2', [Code.invalidValue, Code.weakAlgorithm, Code.versionIncompatible], (t, report) => {
  for (const pr of t.cfg.ikev2Proposals.values()) {
    let aead = false;
    for (const w of pr.encryption) {
      const c = IKEV2_ENCRYPTION[w.text.toLowerCase()];
      if (!c) {
        report({ code: Code.invalidValue, severity: 'warning', message: `"${w.text}" is not a known IKEv2 cipher (${CIPHERS})`, range: w.range });
        continue;
      }
      if (transformInfo('encr', c)?.aead) aead = true;
      weakOrRefused(t, report, `ikev2-encryption:${w.text.toLowerCase()}`, 'encr', c, w, 'IKEv2 encryption');
    }
    for (const [list, what, key] of [[pr.integrity, 'IKEv2 integrity', 'ikev2-integrity'], [pr.prf, 'IKEv2 prf', 'ikev2-prf']] as const) {
      for (const w of list) {
        const h = ikeHash(w.text, 'ikev2');
        if (!h) {
          report({ code: Code.invalidValue, severity: 'warning', message: `"${w.text}" is not a known ${what} algorithm (${IKEV2_HASH_WORDS.join(', ')})`, range: w.range });
          continue;
        }
        const prf = key === 'ikev2-prf';
        weakOrRefused(t, report, `${key}:${w.text.toLowerCase()}`, prf ? 'prf' : 'integ', prf ? h.prf : h.integ, w, what);
      }
    }
    for (const w of pr.group) {
      const g = iosDhGroup(w.text);
      if (!g) {
        report({ code: Code.invalidValue, severity: 'warning', message: `"${w.text}" is not a known DH group (${IOS_DH_GROUP_NUMBERS.join(' ')})`, range: w.range });
        continue;
      }
      weakOrRefused(t, report, `ikev2-group:${w.text}`, 'dh', g, w, 'IKEv2 DH group');
    }
    // Completeness [U]: IOS marks a proposal incomplete and does not use it.
    const missing: string[] = [];
    if (pr.encryption.length === 0) missing.push('encryption');
    if (pr.group.length === 0) missing.push('group');
    if (aead && pr.prf.length === 0) missing.push('prf (required with AES-GCM)');
    if (!aead && pr.integrity.length === 0 && pr.encryption.length > 0) missing.push('integrity');
    if (missing.length > 0 && pr.name !== 'default') report({ code: Code.invalidValue, severity: 'warning', message: `IKEv2 proposal ${pr.name} is incomplete (no ${missing.join(', ')}); IOS does not offer an incomplete proposal`, range: pr.nameRange });
    if (aead && pr.integrity.length > 0) report({ code: Code.invalidValue, severity: 'warning', message: `IKEv2 proposal ${pr.name} combines AES-GCM with integrity; use prf instead (unverified whether IOS rejects it)`, range: pr.integrity[0].range });
  }
  for (const p of t.cfg.ikev2Profiles.values()) {
    if (p.lifetime) rangeCheck(report, p.lifetime, RANGES.ikev2Lifetime, 'IKEv2 profile lifetime', 'error');
  }
});
