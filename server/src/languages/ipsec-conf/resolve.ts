// Conn inheritance: `also=` and `conn %default`, with cycle detection.
// Libreswan 4.x (confread.c, observed): a key set twice - in one conn, or in a conn and an
// also= target, or through aliases of one field (esp/phase2alg/ah) - is a duplicate: the conn is
// ignored. %default applies to every conn regardless of position; with several %default sections
// the last value wins; also= inside %default is an error.
// strongSwan: last wins inside a section, the section's own keys beat also= targets, no errors.
import { lookupKey } from './keywords';
import type { Entry, Section } from './parser';
import type { Target } from './version';
import { Code } from '../../core/codes';

export interface Resolved {
  section: Section;
  /** Effective entries by field ('left', 'rightprotoport', 'esp' for esp/phase2alg/ah, …). */
  fields: Map<string, Entry>;
  /** Where each field came from, for hover: 'own', 'also=NAME', '%default'. */
  via: Map<string, string>;
}

export interface ResolveProblem {
  code: typeof Code.duplicateKey | typeof Code.undefinedReference | typeof Code.configIgnored | typeof Code.invalidValue;
  entry: Entry;
  message: string;
  related?: Entry;
}

/** The field an entry sets: end + canonical keyword name; undefined for also=, x- and unknown keys. */
export function fieldOf(e: Entry, t: Target): string | undefined {
  if (t.daemon === 'libreswan' && /^x[-_]/i.test(e.key)) return undefined;
  const hit = lookupKey(e.key, t.daemon).find((l) => l.kw.sect === 'conn' && (t.daemon === 'libreswan' || !l.dashed));
  if (!hit) return undefined;
  if (hit.kw.type === 'also') return undefined;
  const base = hit.kw.field ?? hit.kw.name;
  // 4.10 takes a bare per-end key as the right end (github#663)
  const end = hit.kw.perEnd ? (hit.end ?? 'right') : '';
  return end + base;
}

function repeatable(e: Entry, t: Target): boolean {
  return lookupKey(e.key, t.daemon).some((l) => l.kw.repeatable);
}

export function alsoTargets(e: Entry): string[] {
  return e.value.split(/[\s,]+/).filter(Boolean);
}

export function isAlso(e: Entry): boolean {
  return e.key.toLowerCase() === 'also';
}

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

export function resolveConn(section: Section, index: ConnIndex, t: Target, problems: ResolveProblem[]): Resolved {
  const fields = new Map<string, Entry>();
  const via = new Map<string, string>();
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
      const f = fieldOf(e, t);
      if (!f) continue;
      const prev = fields.get(f);
      if (prev && repeatable(e, t)) continue;
      if (prev) {
        if (lsw && prev !== e) {
          problems.push({
            code: Code.duplicateKey,
            entry: e,
            related: prev,
            message: `duplicate key '${e.key}' in conn ${section.name}${s !== section ? ` while processing also=${s.name}` : ''} (already set by '${prev.key}' on line ${prev.range.start.line + 1}${prev.section !== s ? ` in conn ${prev.section.name}` : ''}); Libreswan ${t.version} ignores conn ${section.name}`,
          });
        }
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
        problems.push({ code: Code.undefinedReference, entry: e, message: `also=${name}: no conn '${name}' is defined${lsw ? `; Libreswan ignores conn ${section.name}` : ''}` });
        continue;
      }
      if (chain.includes(name)) {
        problems.push({ code: Code.invalidValue, entry: e, message: `also=${name} makes a cycle: ${[...chain, name].join(' → ')}` });
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
      const f = fieldOf(e, t);
      if (!f || fields.has(f)) continue;
      fields.set(f, e);
      via.set(f, 'conn %default');
    }
  }
  return { section, fields, via };
}

/** also= in %default: Libreswan refuses it. */
export function defaultAlsoProblems(index: ConnIndex, t: Target): ResolveProblem[] {
  if (t.daemon !== 'libreswan') return [];
  return index.defaults.flatMap((d) =>
    d.entries.filter(isAlso).map((e) => ({ code: Code.configIgnored, entry: e, message: `also= is not valid in section '%default'; Libreswan ${t.version} ignores it` })),
  );
}
