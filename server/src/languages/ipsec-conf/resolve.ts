// Conn inheritance: `also=` and `conn %default`, with cycle detection (docs/reference/
// ipsec-conf-grammar.md §5, §7). Libreswan 4.x: the first setting of a field is the one, and a
// second one (in the conn, in an also= target, or through an alias such as esp=/phase2alg=) is a
// duplicate; %default applies to every conn wherever it stands, the last %default winning.
// strongSwan: last wins inside a section and the section's own keys beat also= targets. The
// resolver records what it met (duplicates, missing targets, cycles); the checks decide what to say.
//
// Every conn is resolved once, without recursion: the also= graph is cut into its strongly
// connected parts (iteratively), and a conn whose also= closure has no cycle is resolved from the
// resolutions of its targets (memoised: a field is the first setting met, so merging a target's
// fields in place of walking it again gives the same answer), which keeps a 10,000-deep chain and
// an also= diamond linear. A conn in or above a cycle, or one that shares its name with an earlier
// conn, is walked section by section, each section at most once, up to MAX_WALK sections.
import type { Entry, Section } from './tree';
import type { Target } from './version';

export interface Resolved {
  section: Section;
  /** Effective entries by field ('left', 'rightprotoport', 'esp' for esp/phase2alg/ah, …). */
  fields: Map<string, Entry>;
  /** Where each field came from, for hover: 'own', 'also=NAME', 'conn %default'. */
  via: Map<string, string>;
  /** An entry for a field already set (`kept` is the setting in force); `within` is the section being read. */
  duplicates: { entry: Entry; kept: Entry; within: Section }[];
  /** An also= name no conn has. */
  missing: { entry: Entry; name: string }[];
  /** An also= that leads back into the chain; `chain` ends with the name that closes it (a long one is cut: `…` stands for the middle). */
  cycles: { entry: Entry; chain: string[] }[];
  /** The also= where the walk stopped after MAX_WALK sections (a conn in or above a cycle only). */
  truncated?: Entry;
}

/** The sections one walk follows at most (a conn whose also= closure holds a cycle). */
export const MAX_WALK = 1000;
/** The duplicates and missing targets kept per conn (a conn with more is dropped all the same). */
const MAX_RECORDS = 64;
/** A cycle's chain longer than this is stored cut, its middle as `…`. */
const MAX_CHAIN = 12;

/** The field an entry sets: end + canonical keyword name; undefined for also=, x- and unknown keys. */
export function fieldOf(e: Entry): string | undefined {
  const r = e.reading;
  if (r.kind !== 'keyword' || r.kw.type === 'also') return undefined;
  const base = r.kw.field ?? r.kw.name;
  // 4.10 takes a bare per-end key as the right end (github#663)
  const end = r.kw.perEnd ? (r.hit.end ?? 'right') : '';
  return end + base;
}

function repeatable(e: Entry): boolean {
  return e.reading.kind === 'keyword' && !!e.reading.kw.repeatable;
}

export function alsoTargets(e: Entry): string[] {
  return e.value.split(/[\s,]+/).filter(Boolean);
}

export function isAlso(e: Entry): boolean {
  return e.key.toLowerCase() === 'also';
}

/** The conns of a file and its includes by name (the first of a name wins), and every %default. */
export class ConnIndex {
  readonly conns = new Map<string, Section>();
  readonly defaults: Section[] = [];
  constructor(sections: Section[]) {
    for (const s of sections) {
      if (s.kind !== 'conn') continue;
      if (s.name === '%default') this.defaults.push(s);
      else if (!this.conns.has(s.name)) this.conns.set(s.name, s);
    }
  }
}

/** The duplicates, missing targets and fields of one resolution as they accumulate. */
class Acc {
  readonly fields = new Map<string, Entry>();
  /** Entries met for a field already set by another entry; `kept` is the field's entry at the end. */
  readonly dups = new Set<Entry>();
  readonly missing = new Map<Entry, Set<string>>();
  missingCount = 0;
  readonly cycles: { entry: Entry; chain: string[] }[] = [];

  /** A key=value met in the walk. */
  entry(e: Entry): void {
    const f = fieldOf(e);
    if (!f) return;
    const prev = this.fields.get(f);
    if (prev && repeatable(e)) return;
    if (prev) {
      // The same section reached twice through also= is no duplicate of itself.
      if (prev !== e) this.dup(e);
      return;
    }
    this.fields.set(f, e);
  }

  private dup(e: Entry): void {
    if (this.dups.size < MAX_RECORDS) this.dups.add(e);
  }

  noTarget(e: Entry, name: string): void {
    let names = this.missing.get(e);
    if (!names) this.missing.set(e, (names = new Set()));
    if (!names.has(name) && this.missingCount < MAX_RECORDS) {
      names.add(name);
      this.missingCount++;
    }
  }

  /** What walking a target whose closure has no cycle would add: its resolution merged in place. */
  merge(m: Acc): void {
    for (const e of m.fields.values()) this.entry(e);
    // Its duplicates meet a field that is set by now (by its first setting at the latest).
    for (const d of m.dups) if (this.fields.get(fieldOf(d)!) !== d) this.dup(d);
    for (const [e, names] of m.missing) for (const n of names) this.noTarget(e, n);
  }
}

/** A section's walk order: Libreswan reads also= in place; strongSwan its own keys (last first), then the also= targets. */
type Item = { entry: Entry } | { also: Entry; name: string };

function itemsOf(s: Section, lsw: boolean): Item[] {
  const items: Item[] = [];
  const alsos: Item[] = [];
  const own = lsw ? s.entries : [...s.entries].reverse();
  for (const e of own) {
    if (!isAlso(e)) items.push({ entry: e });
    else {
      const list = alsoTargets(e).map((name) => ({ also: e, name }));
      if (lsw) items.push(...list);
      else alsos.unshift(...list);
    }
  }
  return [...items, ...alsos];
}

function cutChain(chain: string[]): string[] {
  return chain.length <= MAX_CHAIN ? chain : [...chain.slice(0, MAX_CHAIN - 3), '…', ...chain.slice(-2)];
}

/** Resolves every conn of `sections` (not %default) through also= and %default. */
export function resolveConns(sections: Section[], index: ConnIndex, t: Target): Map<Section, Resolved> {
  const lsw = t.daemon === 'libreswan';
  const conns = sections.filter((s) => s.kind === 'conn' && s.name !== '%default');
  const succ = new Map<Section, Section[]>();
  for (const s of conns) {
    const out: Section[] = [];
    for (const e of s.entries) if (isAlso(e)) for (const n of alsoTargets(e)) {
      const target = index.conns.get(n);
      if (target) out.push(target);
    }
    succ.set(s, out);
  }
  // Memoised resolutions, for the conns whose also= closure has no cycle (and no second use of a name).
  const memo = new Map<Section, Acc>();
  for (const comp of components(conns, succ)) {
    if (comp.length !== 1) continue;
    const s = comp[0];
    const next = succ.get(s)!;
    if (next.includes(s) || index.conns.get(s.name) !== s || !next.every((x) => memo.has(x))) continue;
    const acc = new Acc();
    for (const item of itemsOf(s, lsw)) {
      if ('entry' in item) acc.entry(item.entry);
      else {
        const target = index.conns.get(item.name);
        if (!target) acc.noTarget(item.also, item.name);
        else acc.merge(memo.get(target)!);
      }
    }
    memo.set(s, acc);
  }
  const out = new Map<Section, Resolved>();
  for (const s of conns) {
    const m = memo.get(s);
    const r = resultOf(s, m ?? walk(s, index, lsw, index.conns.get(s.name) === s ? memo : new Map()));
    applyDefaults(r, index);
    out.set(s, r);
  }
  return out;
}

/** One conn walked section by section (each once, the stack held in an array), using memoised targets. */
function walk(root: Section, index: ConnIndex, lsw: boolean, memo: Map<Section, Acc>): Acc & { truncated?: Entry } {
  const acc: Acc & { truncated?: Entry } = new Acc();
  const visited = new Set<Section>([root]);
  const frames: { items: Item[]; i: number }[] = [{ items: itemsOf(root, lsw), i: 0 }];
  const chain: string[] = [root.name];
  const onChain = new Map<string, number>([[root.name, 1]]);
  while (frames.length) {
    const f = frames[frames.length - 1];
    if (f.i >= f.items.length) {
      frames.pop();
      const name = chain.pop()!;
      onChain.set(name, onChain.get(name)! - 1);
      continue;
    }
    const item = f.items[f.i++];
    if ('entry' in item) {
      acc.entry(item.entry);
      continue;
    }
    const target = index.conns.get(item.name);
    if (!target) acc.noTarget(item.also, item.name);
    else if ((onChain.get(item.name) ?? 0) > 0) {
      if (acc.cycles.length < MAX_RECORDS) acc.cycles.push({ entry: item.also, chain: cutChain([...chain, item.name]) });
    } else if (visited.has(target)) continue;
    else if (memo.has(target)) {
      visited.add(target);
      acc.merge(memo.get(target)!);
    } else if (visited.size >= MAX_WALK) acc.truncated ??= item.also;
    else {
      visited.add(target);
      frames.push({ items: itemsOf(target, lsw), i: 0 });
      chain.push(item.name);
      onChain.set(item.name, (onChain.get(item.name) ?? 0) + 1);
    }
  }
  return acc;
}

function resultOf(section: Section, acc: Acc & { truncated?: Entry }): Resolved {
  const fields = new Map(acc.fields);
  const via = new Map<string, string>();
  for (const [f, e] of fields) via.set(f, e.section === section ? 'own' : `also=${e.section.name}`);
  const duplicates = [...acc.dups].map((e) => ({ entry: e, kept: fields.get(fieldOf(e)!)!, within: e.section }));
  const missing = [...acc.missing].flatMap(([entry, names]) => [...names].map((name) => ({ entry, name })));
  const r: Resolved = { section, fields, via, duplicates, missing, cycles: acc.cycles };
  if (acc.truncated) r.truncated = acc.truncated;
  return r;
}

/** %default: every conn, regardless of position; the last %default wins. */
function applyDefaults(r: Resolved, index: ConnIndex): void {
  for (const d of [...index.defaults].reverse()) {
    for (const e of [...d.entries].reverse()) {
      if (isAlso(e)) continue;
      const f = fieldOf(e);
      if (!f || r.fields.has(f)) continue;
      r.fields.set(f, e);
      r.via.set(f, 'conn %default');
    }
  }
}

/** Tarjan's strongly connected components, iteratively; each component after every one it reaches. */
function components(nodes: Section[], succ: Map<Section, Section[]>): Section[][] {
  const order = new Map<Section, number>();
  const low = new Map<Section, number>();
  const onStack = new Set<Section>();
  const stack: Section[] = [];
  const out: Section[][] = [];
  let n = 0;
  const enter = (v: Section) => {
    order.set(v, n);
    low.set(v, n++);
    stack.push(v);
    onStack.add(v);
  };
  for (const v0 of nodes) {
    if (order.has(v0)) continue;
    enter(v0);
    const work: [Section, number][] = [[v0, 0]];
    while (work.length) {
      const top = work[work.length - 1];
      const [u, i] = top;
      const next = succ.get(u) ?? [];
      if (i < next.length) {
        top[1]++;
        const w = next[i];
        if (!order.has(w)) {
          enter(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) low.set(u, Math.min(low.get(u)!, order.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const p = work[work.length - 1][0];
        low.set(p, Math.min(low.get(p)!, low.get(u)!));
      }
      if (low.get(u) === order.get(u)) {
        const comp: Section[] = [];
        let w: Section;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== u);
        out.push(comp);
      }
    }
  }
  return out;
}
