// Malformed secret lines (languages/cisco-ios/secrets.ts, docs/reference/ios-grammar.md §3.2,
// §12): a pre-shared key IOS takes from no line because the line lacks what the key belongs to. The
// finding names the line's position and the key's shape, never its text.
import { Code } from '../../../core/codes';
import { range } from '../../../core/ranges';
import { shapeOf } from '../../shared/secretSlots';
import { iosSecretsOf, slotWords } from '../secrets';
import { iosCheck } from './common';

export const secretLines = iosCheck('secret-lines', [Code.invalidValue], (t, report) => {
  for (const n of t.parse.nodes) {
    // Only the two key lines below can lack a part; a keystroke in a 100,000-line file reads the rest not at all.
    const p = n.path;
    if (n.negated || (p[0] === 'crypto' ? p[1] !== 'isakmp' || p[2] !== 'key' : p[0] !== 'pre-shared-key')) continue;
    for (const h of iosSecretsOf(n)) {
      const w = slotWords(n).map((x) => x.toLowerCase());
      const end = n.words.indexOf(h.tokens[h.tokens.length - 1]);
      let problem: string | undefined;
      if (h.slot.id === 'cisco-ios/isakmp-key' && !w.slice(end + 1).some((x) => x === 'address' || x === 'hostname')) {
        problem = '`crypto isakmp key` needs `address A [mask]`, `address ipv6 P/len` or `hostname H` after the key: IOS takes no key from this line';
      } else if (h.slot.id === 'cisco-ios/keyring-psk' && !w.includes('key')) {
        problem = '`pre-shared-key` needs `key KEY` after the address or host name: IOS takes no key from this line';
      }
      if (!problem) continue;
      const line = t.parse.lines[n.line] ?? '';
      const first = h.tokens[0];
      const last = h.tokens[h.tokens.length - 1];
      report({ code: Code.invalidValue, severity: 'warning', message: `${problem} (the key is hidden: ${shapeOf(line.slice(first.start, last.end))})`, range: range(n.line, first.start, last.end) });
    }
  }
});
