// Transform sets: every word a transform IOS knows (with a quick fix for common misspellings), key
// lengths it takes, weak or refused ones, and at most one cipher, one integrity and one AH
// transform per set (docs/reference/ios-grammar.md §5.1).
import { Code } from '../../../core/codes';
import type { Fix } from '../../../core/types';
import type { TransformType } from '../../../model/algorithms';
import { IOS_TRANSFORMS, OFFERED_TRANSFORMS, keyLengthsOf, suggestTransform, transformCanonical } from '../../../model/iosTransforms';
import { iosCheck, weakOrRefused } from './common';

/** `esp-aes [128|192|256], esp-3des, …`: the transforms as the running configuration writes them. */
const VALID = OFFERED_TRANSFORMS.map((w) => {
  const lens = keyLengthsOf(IOS_TRANSFORMS[w]);
  return lens.length ? `${w} [${lens.join('|')}]` : w;
}).join(', ');

export const transformSets = iosCheck('transform-sets', [Code.invalidValue, Code.weakAlgorithm, Code.versionIncompatible, Code.duplicateKey], (t, report, file) => {
  for (const ts of t.cfg.transformSets.values()) {
    const counts = { encr: 0, integ: 0, ah: 0, comp: 0 };
    const words = ts.transforms;
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      const lower = w.text.toLowerCase();
      const row = IOS_TRANSFORMS[lower];
      if (!row) {
        const s = suggestTransform(lower);
        const fixes: Fix[] = s ? [{ title: `Replace with "${s}"`, edits: [{ uri: file.uri, range: w.range, newText: s }], isPreferred: true }] : [];
        report({ code: Code.invalidValue, severity: 'error', message: `"${w.text}" is not an IOS transform${s ? `; did you mean "${s}"?` : ''} (valid: ${VALID})`, range: w.range, fixes });
        continue;
      }
      counts[row.kind]++;
      let canonical = row.canonical;
      const lens = keyLengthsOf(row);
      if (lens.length && words[i + 1] && /^\d+$/.test(words[i + 1].text)) {
        const len = words[i + 1].text;
        if (!lens.includes(len)) {
          report({ code: Code.invalidValue, severity: 'error', message: `${w.text} takes a key length of ${lens.join(', ')} bits, not ${len}`, range: words[i + 1].range });
        } else canonical = transformCanonical(lower, len);
        i++;
      }
      const type: TransformType = row.kind === 'encr' ? 'encr' : 'integ';
      // AH has no ESP transform of its own; only AH-MD5 is judged, as the HMAC it uses.
      if (row.kind === 'ah') canonical = lower.includes('md5') ? 'HMAC_MD5_96' : undefined;
      weakOrRefused(t, report, `transform:${lower}`, type, canonical, w, 'transform');
    }
    // IOS rejects a second cipher, a second ESP integrity transform or a second AH transform.
    for (const [kind, what] of [['encr', 'ESP encryption'], ['integ', 'ESP integrity'], ['ah', 'AH']] as const) {
      if (counts[kind] > 1) report({ code: Code.duplicateKey, severity: 'error', message: `transform set ${ts.name} has ${counts[kind]} ${what} transforms; IOS accepts one`, range: ts.nameRange });
    }
  }
});
