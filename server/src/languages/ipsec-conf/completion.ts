// Completion: keywords per section, daemon and version; enum values; algorithm names in ike=/esp=.
import type { CompletionEntry, ParsedFile, Position } from '../../core/types';
import { atLeast } from '../../core/versions';
import type { IpsecConfTree } from './analysis';
import { availability, LIBRESWAN_KEYWORDS, lookupKey, STRONGSWAN_KEYWORDS, valuesFor, type Sect } from './keywords';
import { LSW_COMPLETION_NAMES, SS_COMPLETION_NAMES } from '../shared/proposals/algorithms';

export function complete(file: ParsedFile<IpsecConfTree>, pos: Position): CompletionEntry[] {
  const tree = file.tree;
  if (!tree) return [];
  const t = tree.target;
  const line = file.text.split('\n')[pos.line] ?? '';
  const before = line.slice(0, pos.character);
  if (!/^[ \t]/.test(before)) {
    const out: CompletionEntry[] = [
      { label: 'conn', kind: 'snippet', insertText: 'conn ', detail: 'a connection section' },
      { label: 'config setup', kind: 'snippet', insertText: 'config setup\n\t', detail: 'global settings' },
      { label: 'include', kind: 'keyword', insertText: 'include ', detail: 'read more files (globs allowed)' },
    ];
    if (t.daemon === 'strongswan') out.push({ label: 'ca', kind: 'snippet', insertText: 'ca ', detail: 'a CA section' });
    return out;
  }
  // which section are we in: the last header above
  let sect: Sect = 'conn';
  for (let l = pos.line; l >= 0; l--) {
    const m = /^(config setup|conn |ca )/.exec(file.text.split('\n')[l] ?? '');
    if (m) {
      sect = m[1] === 'config setup' ? 'setup' : m[1] === 'ca ' ? 'ca' : 'conn';
      break;
    }
  }
  const eq = before.indexOf('=');
  if (eq < 0) {
    const rows = t.daemon === 'libreswan' ? LIBRESWAN_KEYWORDS : STRONGSWAN_KEYWORDS;
    const out: CompletionEntry[] = [];
    for (const kw of rows) {
      if (kw.sect !== sect) continue;
      // Only what the target version reads; obsolete keys (accepted and ignored) are not offered either.
      const a = t.daemon === 'libreswan' ? availability(kw, t.version) : { known: true as const };
      if (!a.known || ('obsolete' in a && a.obsolete)) continue;
      const deprecated = kw.deprecated && (t.daemon !== 'libreswan' || !kw.deprecatedFrom || atLeast(t.version, kw.deprecatedFrom));
      const names = kw.perEnd ? [`left${kw.name}`, `right${kw.name}`] : [kw.name];
      for (const n of names) out.push({ label: n, kind: 'keyword', detail: kw.type + (deprecated ? ' (deprecated)' : ''), documentation: kw.doc, insertText: `${n}=` });
    }
    return out;
  }
  const key = before.slice(0, eq).trim();
  const hit = lookupKey(key, t.daemon).find((h) => h.kw.sect === sect);
  if (!hit) return [];
  const kw = hit.kw;
  if (kw.type === 'proposal') {
    const names = t.daemon === 'libreswan' ? [...LSW_COMPLETION_NAMES.encr, ...LSW_COMPLETION_NAMES.hash, ...LSW_COMPLETION_NAMES.dh] : SS_COMPLETION_NAMES;
    return names.map((n) => ({ label: n, kind: 'algorithm' as const }));
  }
  let values = (t.daemon === 'libreswan' ? valuesFor(kw, t.version) : kw.values) ?? [];
  if (kw.type === 'bool') values = ['yes', 'no'];
  if (kw.type === 'host') values = ['%defaultroute', '%any'];
  if (kw.type === 'protoport') values = ['gre', '47/0', 'tcp', 'udp', 'icmp'];
  return values.map((v) => ({ label: v, kind: 'value' as const }));
}
