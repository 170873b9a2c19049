// What each daemon does with a value of each keyword type: accepts it, refuses the file, drops the
// conn, or silently uses something else (docs/reference/ipsec-conf-grammar.md §2, §3, §8; observed
// with Libreswan 4.10 and strongSwan 5.9.8). One rule per type; a type without a rule takes any value.
import { parseAddress, parsePrefix } from '../../../core/address';
import { Code } from '../../../core/codes';
import { atLeast } from '../../../core/versions';
import { boolWords, valuesFor, wordVersions, type Keyword, type KwType } from '../keywords';
import type { Entry } from '../tree';
import { parseProtoPort, parseTime } from '../values';
import type { Target } from '../version';
import { closest, q } from './support';

export interface ValueProblem {
  code: typeof Code.invalidValue | typeof Code.syntaxError | typeof Code.configIgnored | typeof Code.versionIncompatible;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  /** Replacement for the value (quick fix). */
  replaceValue?: string;
  /** Replacement for the whole key=value. */
  replaceEntry?: string;
  fixTitle?: string;
}

/** The codes a value rule may give, for the check's declaration. */
export const VALUE_CODES = [Code.invalidValue, Code.syntaxError, Code.configIgnored, Code.versionIncompatible] as const;

interface Written {
  kw: Keyword;
  e: Entry;
  t: Target;
  /** The key with its end (`rightprotoport` for a bare `protoport`). */
  fullKey: string;
  v: string;
  lsw: boolean;
  /** Libreswan before 5.0: its 4.x lexer and parser quirks apply. */
  lsw4: boolean;
}

type Rule = (w: Written) => ValueProblem[];

const SS_BOOL = ['yes', 'no', 'true', 'false'];
/** Libreswan before 5.0 has no `key=` form for these types (parser.y has no BOOLWORD EQUAL rule). */
const NO_EMPTY_FORM: readonly KwType[] = ['bool', 'time', 'percent'];

/** Checks one written value against its keyword; [] when fine. */
export function checkValue(kw: Keyword, e: Entry, t: Target, fullKey: string): ValueProblem[] {
  const lsw = t.daemon === 'libreswan';
  const w: Written = { kw, e, t, fullKey, v: e.value, lsw, lsw4: lsw && !atLeast(t.version, '5.0') };
  if (w.v === '') {
    if (w.lsw4 && NO_EMPTY_FORM.includes(kw.type)) {
      return [{ code: Code.syntaxError, severity: 'error', message: `syntax error: \`${q(e.key)}=\` needs a value (Libreswan ${t.version} has no empty form for ${kw.type} keywords)` }];
    }
    return [];
  }
  return RULES[kw.type]?.(w) ?? [];
}

const RULES: Partial<Record<KwType, Rule>> = {
  bool: boolRule,
  enum: enumRule,
  list: enumRule,
  time: ({ e, t, v, lsw }) =>
    parseTime(v, t.daemon) !== undefined
      ? []
      : [{ code: Code.invalidValue, severity: lsw ? 'warning' : 'error', message: lsw ? `${q(e.key)}=${q(v)}: not a time (N, or N with s|m|h|d|w); Libreswan ${t.version} silently drops it and uses the default` : `${q(e.key)}=${q(v)}: bad time value; strongSwan ignores the conn` }],
  percent: ({ e, v }) => (/^\d+%?$/.test(v) ? [] : [{ code: Code.invalidValue, severity: 'warning', message: `${q(e.key)}=${q(v)}: expected a percentage such as 100%` }]),
  number: ({ e, t, v, lsw4 }) => {
    if (!/^\d+$/.test(v)) return [{ code: Code.invalidValue, severity: 'warning', message: `${q(e.key)}=${q(v)}: not a number; Libreswan ${t.version} silently uses 0` }];
    if (lsw4 && e.quoted) return [{ code: Code.invalidValue, severity: 'warning', message: `${q(e.key)}="${q(v)}": a quoted number is read as 0 by Libreswan ${t.version}; remove the quotes`, replaceValue: v, fixTitle: 'Remove the quotes' }];
    return [];
  },
  host: ({ e, t, v }) =>
    (t.daemon === 'strongswan' ? v.split(',') : [v])
      .filter((h) => !hostOk(h.trim()))
      .map((h) => ({ code: Code.invalidValue, severity: 'error', message: `${q(e.key)}=${q(h)}: not an address, hostname or %keyword` })),
  subnet: ({ t, v, lsw }) =>
    v
      .split(/[\s,]+/)
      .filter(Boolean)
      .flatMap((item) => {
        const why = subnetProblem(item, t);
        return why ? [{ code: Code.invalidValue, severity: 'error', message: `${why}; ${lsw ? 'Libreswan ignores the conn' : 'strongSwan ignores the conn'}` } satisfies ValueProblem] : [];
      }),
  protoport: ({ e, t, v, lsw4, fullKey }) => {
    if (lsw4 && /^\d+$/.test(v) && !e.quoted) {
      const repl = v === '47' ? 'gre' : `${v}/0`;
      return [{
        code: Code.configIgnored,
        severity: 'error',
        message: `${q(fullKey)}=${q(v)}: Libreswan ${t.version} lexes an all-digit value as a number and loses it ("Invalid protoport value"): the conn is dropped. Write ${repl}${v === '47' ? ' or 47/0' : ''}.`,
        replaceValue: repl,
        fixTitle: `Write ${repl}`,
      }];
    }
    return parseProtoPort(v) ? [] : [{ code: Code.invalidValue, severity: 'error', message: `bad ${q(fullKey)}=${q(v)}: expected PROTO[/PORT] (gre, 47/0, tcp/22)` }];
  },
  id: ({ e, t, v, lsw4, fullKey }) =>
    lsw4 && /^\d+$/.test(v) && !e.quoted
      ? [{
          code: Code.configIgnored,
          severity: 'error',
          message: `${q(fullKey)}=${q(v)}: Libreswan ${t.version} lexes an all-digit value as a number and loses it ("Invalid id value"): the conn is dropped. Quote it.`,
          replaceValue: `"${v}"`,
          fixTitle: `Write "${v}"`,
        }]
      : [],
};

function boolRule({ kw, e, t, v, lsw, lsw4 }: Written): ValueProblem[] {
  // A boolean that later takes more words (ikepad=auto from 5.2) lists them in the table.
  const allowed = lsw ? (valuesFor(kw, t.version) ?? boolWords(t.version)) : SS_BOOL;
  if (allowed.includes(v)) return [];
  if (allowed.includes(v.toLowerCase())) {
    // Libreswan 4.x's boolean lexer state takes lower case only; a quoted value escapes it.
    if (lsw4 && !e.quoted) {
      return [{ code: Code.invalidValue, severity: 'error', message: `${q(e.key)}=${q(v)}: Libreswan ${t.version} reads booleans in lower case only (syntax error)`, replaceValue: v.toLowerCase(), fixTitle: `Write ${v.toLowerCase()}` }];
    }
    return [];
  }
  return [{ code: Code.invalidValue, severity: 'error', message: `${q(e.key)}=${q(v)}: not a boolean (${allowed.join('|')})${lsw ? `; Libreswan ${t.version} stops with a syntax error` : '; strongSwan ignores the conn'}` }];
}

function enumRule({ kw, e, t, v, lsw, lsw4 }: Written): ValueProblem[] {
  const out: ValueProblem[] = [];
  const words = kw.type === 'list' ? v.split(/[\s,]+/).filter(Boolean) : [v];
  for (const w of words) {
    const norm = lsw ? w.toLowerCase() : w;
    // The words of the target version (docs/reference/libreswan-5.md §1); none listed: not checked.
    const allowed = lsw ? valuesFor(kw, t.version) : kw.values;
    if (!allowed || allowed.includes(norm)) continue;
    if (lsw && kw.type === 'list' && norm.startsWith('debug-')) continue;
    if (lsw && /^\d+$/.test(w) && !e.quoted) {
      out.push({ code: Code.invalidValue, severity: 'warning', message: `${q(e.key)}=${q(w)}: a number is not one of ${allowed.join('|')}; Libreswan ${t.version} silently ignores it` });
      continue;
    }
    // A word of another Libreswan version (keyexchange=ikev2 before 5.0, nic-offload=auto from 5.0).
    const span = lsw ? wordVersions(kw, norm) : undefined;
    if (span) {
      const newer = span.from !== undefined && !atLeast(t.version, span.from);
      const repl = newer ? kw.olderSpelling?.[norm] : undefined;
      const stops = lsw4 ? ` and stops reading the file here (ERROR: keyword ${q(e.key)}, invalid value: ${q(w)})` : ' and refuses it';
      out.push({
        code: Code.versionIncompatible,
        severity: 'error',
        message: `${q(e.key)}=${q(w)} ${newer ? `needs Libreswan ${span.from}` : `was dropped in Libreswan ${span.until}`}; Libreswan ${t.version} only takes ${q(e.key)}=${allowed.join('|')}${stops}.${repl ? ` Use ${repl}.` : ''}`,
        replaceEntry: repl,
        fixTitle: repl ? `Replace with ${repl}` : undefined,
      });
      continue;
    }
    const sug = closest(norm, allowed);
    out.push({
      code: Code.invalidValue,
      severity: 'error',
      message: `keyword ${q(e.key)}, invalid value: ${q(w)} (expected ${allowed.join('|')})${sug ? `; did you mean '${sug}'?` : ''}${lsw4 ? `; Libreswan ${t.version} stops reading the file here` : ''}`,
      replaceValue: sug && kw.type === 'enum' ? sug : undefined,
      fixTitle: sug ? `Change to ${sug}` : undefined,
    });
  }
  return out;
}

function hostOk(v: string): boolean {
  if (v.startsWith('%')) return /^%[A-Za-z0-9_.:-]+$/.test(v);
  if (/^[0-9.]+$/.test(v) || v.includes(':')) return parseAddress(v) !== undefined;
  return /^@?[A-Za-z0-9._-]+$/.test(v);
}

function subnetProblem(item: string, t: Target): string | undefined {
  if (/^%(priv|no|any|any4|any6)$/.test(item) || /^(vhost|vnet):/.test(item)) return undefined;
  let s = item;
  if (t.daemon === 'strongswan') s = s.replace(/\[[^\]]*\]$/, '');
  else if (/\[/.test(s)) return `bad subnet ${q(item)} [non-decimal digit in number]: the [proto/port] suffix is strongSwan syntax; use leftprotoport=`;
  return parsePrefix(s) ? undefined : `bad subnet ${q(item)}`;
}
