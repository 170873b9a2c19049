// Conn inheritance: `also=` and `conn %default`, with cycle detection (docs/reference/
// ipsec-conf-grammar.md §5, §7). Libreswan 4.x: the first setting of a field is the one, and a
// second one (in the conn, in an also= target, or through an alias such as esp=/phase2alg=) is a
// duplicate; %default applies to every conn wherever it stands, the last %default winning.
// strongSwan: last wins inside a section and the section's own keys beat also= targets. The
// resolver records what it met (duplicates, missing targets, cycles); the checks decide what to say.
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
  /** An also= that leads back into the chain; `chain` ends with the name that closes it. */
  cycles: { entry: Entry; chain: string[] }[];
}

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

export function resolveConn(section: Section, index: ConnIndex, t: Target): Resolved {
  const out: Resolved = { section, fields: new Map(), via: new Map(), duplicates: [], missing: [], cycles: [] };
  const { fields, via } = out;
  const lsw = t.daemon === 'libreswan';

  const walk = (s: Section, chain: string[], label: string) => {
    // strongSwan: own entries first (last wins within a section), then also= targets fill gaps.
    const own = lsw ? s.entries : [...s.entries].reverse();
    const alsos: Entry[] = [];
    for (const e of own) {
      if (isAlso(e)) {
        if (lsw) followAlso(e, chain);
        else alsos.unshift(e);
        continue;
      }
      const f = fieldOf(e);
      if (!f) continue;
      const prev = fields.get(f);
      if (prev && repeatable(e)) continue;
      if (prev) {
        // The same section reached twice through also= is no duplicate of itself.
        if (prev !== e) out.duplicates.push({ entry: e, kept: prev, within: s });
        continue;
      }
      fields.set(f, e);
      via.set(f, label);
    }
    for (const e of alsos) followAlso(e, chain);
  };

  const followAlso = (e: Entry, chain: string[]) => {
    for (const name of alsoTargets(e)) {
      const target = index.conns.get(name);
      if (!target) {
        out.missing.push({ entry: e, name });
        continue;
      }
      if (chain.includes(name)) {
        out.cycles.push({ entry: e, chain: [...chain, name] });
        continue;
      }
      walk(target, [...chain, name], `also=${name}`);
    }
  };

  walk(section, [section.name], 'own');
  // %default: every conn, regardless of position; the last %default wins.
  for (const d of [...index.defaults].reverse()) {
    for (const e of [...d.entries].reverse()) {
      if (isAlso(e)) continue;
      const f = fieldOf(e);
      if (!f || fields.has(f)) continue;
      fields.set(f, e);
      via.set(f, 'conn %default');
    }
  }
  return out;
}
