// Completion: the keys and subsections of the section under the cursor, the values of a key's type,
// and proposal keywords (those the target release has) after `proposals =` / `esp_proposals =`.
import type { Position } from 'vscode-languageserver-types';
import type { CompletionEntry, ParsedFile } from '../../core/types';
import { compareVersions } from '../../core/versions';
import { locate } from './hover';
import type { Kind } from './kinds';
import { KEYWORDS } from './proposals';
import { CONN_SUBSECTIONS, KEYS_OF, SECRET_KEYS, SECRET_KINDS, TOP_SECTIONS, keySpec, type KeySpec } from './schema';
import type { SwanctlTree } from './tree';
import { enumWords } from './values';
import type { Target } from './version';

const available = (t: Target, k: { since?: string; until?: string }) =>
  (!k.since || compareVersions(t.version, k.since) >= 0) && (!k.until || compareVersions(t.version, k.until) < 0);

function keysFor(kind: Kind): readonly KeySpec[] {
  if (kind.kind === 'secret') return SECRET_KEYS[kind.secret?.shape ?? 'shared'];
  if (kind.kind === 'unknown') return [];
  return KEYS_OF[kind.kind] ?? [];
}

function sectionsFor(kind: Kind): { label: string; documentation: string }[] {
  switch (kind.kind) {
    case 'top':
      return Object.entries(TOP_SECTIONS).map(([label, v]) => ({ label, documentation: v.summary }));
    case 'conn':
      return Object.entries(CONN_SUBSECTIONS).map(([label, documentation]) => ({ label, documentation }));
    case 'local':
    case 'remote':
      return [{ label: 'cert', documentation: 'A certificate by file or PKCS#11 token.' }, ...(kind.kind === 'remote' ? [{ label: 'cacert', documentation: 'A CA certificate by file or PKCS#11 token.' }] : [])];
    case 'secrets':
      return SECRET_KINDS.map((k) => ({ label: `${k.prefix}-1`, documentation: k.summary }));
    default:
      return [];
  }
}

export function complete(file: ParsedFile<SwanctlTree>, pos: Position): CompletionEntry[] {
  const tree = file.tree;
  if (!tree || tree.kind !== 'swanctl-conf') return [];
  const line = (file.text.split(/\r\n|\r|\n/)[pos.line] ?? '').slice(0, pos.character);
  const at = locate(tree, file.uri, pos);
  const t = tree.target;
  const value = /^\s*([^\s=#{}]+)\s*=\s*(.*)$/.exec(line);
  if (value) {
    const kind = at.kind;
    const spec = kind.kind === 'unknown' || kind.kind === 'secret' ? undefined : keySpec(kind.kind, value[1]);
    if (!spec) return [];
    if (spec.type === 'ike-proposals' || spec.type === 'esp-proposals' || spec.type === 'ah-proposals') {
      const words = KEYWORDS.filter((k) => available(t, k) && (spec.type !== 'ike-proposals' || k.kind !== 'esn'));
      return [{ label: 'default', kind: 'value', detail: 'the default proposals of this release' }, ...words.map((k) => ({ label: k.word, kind: 'algorithm' as const, detail: `${k.kind} ${k.name}` }))];
    }
    return enumWords(spec.type).map((label) => ({ label, kind: 'value' as const }));
  }
  if (!/^\s*[^\s=#{}]*$/.test(line)) return [];
  const keys = keysFor(at.kind)
    .filter((k) => available(t, k))
    .map((k): CompletionEntry => ({ label: k.key, kind: 'keyword', detail: k.type, documentation: k.summary, insertText: `${k.key} = ` }));
  const sections = sectionsFor(at.kind).map((s): CompletionEntry => ({ label: s.label, kind: 'snippet', documentation: s.documentation, insertText: `${s.label} {\n}` }));
  return [...keys, ...sections];
}
