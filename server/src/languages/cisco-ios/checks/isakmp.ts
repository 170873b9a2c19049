// ISAKMP (IKEv1) policies: values IOS knows, weak or refused ones, the broken defaults of unset
// encryption and group, the lifetime range (docs/reference/ios-grammar.md §3.1).
import { Code } from '../../../core/codes';
import { ISAKMP_HASH_WORDS, ikeHash, iosDhGroup, isakmpEncryption, IOS_DH_GROUP_NUMBERS } from '../../../model/iosTransforms';
import { ISAKMP_POLICY_DEFAULTS, RANGES, versionLabel } from '../defaults';
import { iosCheck, rangeCheck, weakOrRefused } from './common';

const AUTHENTICATION = /^(pre-share|rsa-sig|rsa-encr|ecdsa-sig)$/i;

export const isakmp = iosCheck('isakmp-policies', [Code.invalidValue, Code.weakAlgorithm, Code.versionIncompatible], (t, report) => {
  const label = versionLabel(t.version);
  for (const p of t.cfg.isakmpPolicies) {
    if (p.encryption && p.encryption.length > 0) {
      const words = p.encryption.map((w) => w.text);
      const canon = isakmpEncryption(words);
      const w0 = p.encryption[0];
      if (!canon) report({ code: Code.invalidValue, severity: 'warning', message: `"${words.join(' ')}" is not a known IKEv1 cipher (des, 3des, aes [128|192|256])`, range: w0.range });
      else weakOrRefused(t, report, `isakmp-encryption:${words[0].toLowerCase()}`, 'encr', canon, w0, 'IKEv1 encryption');
    } else {
      report({ code: Code.weakAlgorithm, severity: 'warning', message: `ISAKMP policy ${p.priority} sets no encryption: ${label} default is ${ISAKMP_POLICY_DEFAULTS.encryptionWords.toUpperCase()} (broken)`, range: p.nameRange });
    }
    if (p.hash) {
      const h = ikeHash(p.hash.text, 'isakmp');
      if (!h) report({ code: Code.invalidValue, severity: 'warning', message: `"${p.hash.text}" is not a known IKEv1 hash (${ISAKMP_HASH_WORDS.join(', ')})`, range: p.hash.range });
      else weakOrRefused(t, report, `isakmp-hash:${p.hash.text.toLowerCase()}`, 'integ', h.integ, p.hash, 'IKEv1 hash');
    }
    if (p.authentication && !AUTHENTICATION.test(p.authentication.text)) {
      report({ code: Code.invalidValue, severity: 'warning', message: `"${p.authentication.text}" is not a known IKEv1 authentication method (pre-share, rsa-sig, rsa-encr)`, range: p.authentication.range });
    }
    if (p.group) {
      const g = iosDhGroup(p.group.text);
      if (!g) report({ code: Code.invalidValue, severity: 'warning', message: `"${p.group.text}" is not a known DH group (${IOS_DH_GROUP_NUMBERS.join(' ')})`, range: p.group.range });
      else weakOrRefused(t, report, `isakmp-group:${p.group.text}`, 'dh', g, p.group, 'IKEv1 DH group');
    } else {
      report({ code: Code.weakAlgorithm, severity: 'warning', message: `ISAKMP policy ${p.priority} sets no group: ${label} default is group ${ISAKMP_POLICY_DEFAULTS.group} (768-bit, broken)`, range: p.nameRange });
    }
    if (p.lifetime) rangeCheck(report, p.lifetime, RANGES.isakmpLifetime, 'ISAKMP lifetime', 'warning');
  }
});
