// Outline, references between sections and folding of a swanctl.conf, from the written tree. A
// secret's value never appears: its symbol's detail says it is hidden.
import type { FoldRange, SymbolDef, SymbolRef } from '../../core/types';
import { childKind, type Kind } from './kinds';
import type { Section, Setting } from './parser';
import { keySpec } from './schema';
import { settingSecretSlot } from './secrets';
import { HIDDEN } from '../shared/secretSlots';
import { listItems } from './values';

const SYMBOL_KIND: Partial<Record<Kind['kind'], string>> = {
  top: 'section', connections: 'section', secrets: 'section', pools: 'section', authorities: 'section',
  conn: 'conn', local: 'auth-round', remote: 'auth-round', children: 'section', child: 'child', cert: 'certificate',
  secret: 'secret', pool: 'pool', authority: 'authority',
};

/** A setting's symbol: a value the table of secret slots (secrets.ts) holds is hidden. */
function settingSymbol(s: Setting): SymbolDef {
  const detail = settingSecretSlot(s) ? HIDDEN : s.value.length > 40 ? `${s.value.slice(0, 40)}…` : s.value;
  return { name: s.key, kind: 'key', range: { start: s.keyRange.start, end: s.valueRange.end }, selectionRange: s.keyRange, detail };
}

export function symbolsOf(root: Section, uri: string): SymbolDef[] {
  const walk = (s: Section, kind: Kind): SymbolDef[] => {
    const out: SymbolDef[] = [];
    for (const item of s.items) {
      if (item.uri !== uri || item.kind === 'include') continue;
      if (item.kind === 'setting') {
        out.push(settingSymbol(item));
        continue;
      }
      if (item.recovered) continue;
      const k = childKind(kind, item.name);
      out.push({
        name: item.name,
        kind: SYMBOL_KIND[k.kind] ?? 'section',
        range: item.range,
        selectionRange: item.nameRange,
        detail: k.kind === 'secret' ? `${k.secret?.prefix} secret` : k.kind === 'unknown' ? 'ignored or refused' : k.kind,
        children: walk(item, k),
      });
    }
    return out;
  };
  return walk(root, { kind: 'top' });
}

const REF_KIND: Partial<Record<string, string>> = { connections: 'conn', pools: 'pool', authorities: 'authority', secrets: 'secret' };

export function referencesOf(root: Section, uri: string): SymbolRef[] {
  const refs: SymbolRef[] = [];
  const walk = (s: Section, kind: Kind) => {
    for (const item of s.items) {
      if (item.kind === 'include') {
        if (item.uri === uri) refs.push({ name: item.pattern, kind: 'include', range: item.patternRange, targetUris: item.targets });
        continue;
      }
      if (item.kind === 'section') {
        if (item.recovered) continue;
        const k = childKind(kind, item.name);
        if (item.uri === uri)
          for (const r of item.refs) {
            const segs = r.name.split('.');
            const target = segs.length === 2 ? REF_KIND[segs[0]] : undefined;
            refs.push({ name: segs[segs.length - 1], kind: target ?? SYMBOL_KIND[k.kind] ?? 'section', range: r.range });
          }
        walk(item, k);
        continue;
      }
      if (item.uri !== uri || kind.kind !== 'conn') continue;
      const spec = keySpec('conn', item.key);
      if (spec?.type === 'pools') for (const it of listItems(item)) refs.push({ name: it.text, kind: 'pool', range: it.range });
      if (item.key === 'mediated_by' && item.value) refs.push({ name: item.value, kind: 'conn', range: item.valueRange });
    }
  };
  walk(root, { kind: 'top' });
  return refs;
}

export function foldingOf(root: Section, uri: string): FoldRange[] {
  const out: FoldRange[] = [];
  const walk = (s: Section) => {
    for (const item of s.items) {
      if (item.kind !== 'section') continue;
      if (item.uri === uri && item.range.end.line > item.range.start.line) out.push({ startLine: item.range.start.line, endLine: item.range.end.line, kind: 'region' });
      walk(item);
    }
  };
  walk(root);
  return out;
}
