// What charon sees of a settings tree (docs/reference/swanctl-conf.md §1, settings_types.c): a
// section written twice (in one file, another, an include) is one section, merged recursively; a
// key written twice keeps its first place and takes its last value; `key =` stores no value, so
// swanctl skips it and the default applies. `name : a.b, c.d { … }` inherits every key and
// subsection of the sections at those full paths, its own keys winning.
import type { IncludeNode, Section, Setting } from './parser';

export interface Merged {
  name: string;
  /** Dotted path from the root ('' for the root). */
  path: string;
  /** Every written occurrence, in reading order. */
  written: Section[];
  /** Every occurrence of each key, in reading order (the last one counts). */
  settings: Map<string, Setting[]>;
  sections: Map<string, Merged>;
  refs: Section['refs'];
  includes: IncludeNode[];
}

export function mergeTree(root: Section): Merged {
  const top: Merged = { name: '', path: '', written: [], settings: new Map(), sections: new Map(), refs: [], includes: [] };
  const fold = (into: Merged, s: Section) => {
    into.written.push(s);
    into.refs.push(...s.refs);
    for (const item of s.items) {
      if (item.kind === 'include') into.includes.push(item);
      else if (item.kind === 'setting') {
        const list = into.settings.get(item.key);
        if (list) list.push(item);
        else into.settings.set(item.key, [item]);
      } else if (!item.recovered) {
        let m = into.sections.get(item.name);
        if (!m) {
          m = { name: item.name, path: into.path ? `${into.path}.${item.name}` : item.name, written: [], settings: new Map(), sections: new Map(), refs: [], includes: [] };
          into.sections.set(item.name, m);
        }
        fold(m, item);
      }
    }
  };
  fold(top, root);
  return top;
}

/** A section as charon reads it: its own merged occurrences first, then what it inherits. */
export class View {
  constructor(
    readonly chain: Merged[],
    private readonly root: Merged,
  ) {}

  get name(): string {
    return this.chain[0].name;
  }
  get own(): Merged {
    return this.chain[0];
  }

  /** The setting in force for a key (own first, then inherited), undefined when absent or `key =`. */
  get(key: string): Setting | undefined {
    for (const m of this.chain) {
      const list = m.settings.get(key);
      if (list) {
        const last = list[list.length - 1];
        return last.value === '' ? undefined : last;
      }
    }
    return undefined;
  }

  keys(): string[] {
    const out = new Set<string>();
    for (const m of this.chain) for (const k of m.settings.keys()) out.add(k);
    return [...out];
  }

  child(name: string): View | undefined {
    const parts = this.chain.map((m) => m.sections.get(name)).filter((m): m is Merged => !!m);
    return parts.length ? new View(expand(parts, this.root), this.root) : undefined;
  }

  children(): View[] {
    const names = new Set<string>();
    for (const m of this.chain) for (const k of m.sections.keys()) names.add(k);
    return [...names].map((n) => this.child(n)!);
  }
}

/** The sections a chain inherits from, appended after it (depth first, each once). */
function expand(parts: Merged[], root: Merged): Merged[] {
  const out: Merged[] = [];
  const seen = new Set<Merged>();
  const visit = (m: Merged) => {
    if (seen.has(m) || out.length > 64) return;
    seen.add(m);
    out.push(m);
    for (const r of m.refs) {
      const target = lookup(root, r.name);
      if (target) visit(target);
    }
  };
  parts.forEach(visit);
  return out;
}

/** The merged section at a full dotted path, if any. */
export function lookup(root: Merged, path: string): Merged | undefined {
  let m: Merged | undefined = root;
  for (const seg of path.split('.')) {
    m = m?.sections.get(seg);
    if (!m) return undefined;
  }
  return m;
}

export function rootView(root: Merged): View {
  return new View([root], root);
}
