// Value checks per keyword type: what each daemon accepts, rejects or silently drops
// (ipsec-conf-grammar.md §1 and §6, observed with Libreswan 4.10 and strongSwan 5.9.8).
import { parseAddress, parsePrefix } from '../../core/address';
import type { Keyword } from './keywords';
import type { Entry } from './parser';
import { atLeast, type Target } from './version';
import { Code } from '../../core/codes';

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

const LSW_BOOL = ['y', 'yes', 'true', 'on', 'n', 'no', 'false', 'off'];
const SS_BOOL = ['yes', 'no', 'true', 'false'];

/** IP protocols by name (as /etc/protocols spells them) for protoport=. */
// Names as /etc/protocols (netbase) spells them, which is what Libreswan's getprotobyname() sees:
// IPv4-in-IP (ip6tnl ipip6, IOS `tunnel mode ipv6` with IPv4 inside) is `ipencap` 4; `ipip` is 94.
export const PROTOCOLS: Record<string, number> = {
  icmp: 1, igmp: 2, ipencap: 4, ipip: 94, tcp: 6, udp: 17, ipv6: 41, gre: 47, esp: 50, ah: 51, 'ipv6-icmp': 58, icmpv6: 58, sctp: 132, udplite: 136,
};

export function parseProtoPort(v: string): { protocol?: number; port?: number } | undefined {
  const m = /^([A-Za-z0-9-]+|%any)(?:\/(\d+|%any|[A-Za-z][A-Za-z0-9-]*))?$/.exec(v);
  if (!m) return undefined;
  const proto = m[1].toLowerCase();
  let protocol: number | undefined;
  if (proto === '%any') protocol = undefined;
  else if (/^\d+$/.test(proto)) protocol = Number(proto);
  else if (proto in PROTOCOLS) protocol = PROTOCOLS[proto];
  else return undefined;
  if (protocol !== undefined && protocol > 255) return undefined;
  const port = m[2] && /^\d+$/.test(m[2]) ? Number(m[2]) : undefined;
  if (port !== undefined && port > 65535) return undefined;
  return { protocol, port };
}

/** Libreswan time: N | N[smhdw]. Returns seconds. strongSwan: N[.N][smhd]. */
export function parseTime(v: string, daemon: 'libreswan' | 'strongswan'): number | undefined {
  const m = daemon === 'libreswan' ? /^(\d+)([smhdw]?)$/i.exec(v) : /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(v);
  if (!m) return undefined;
  const mult: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
  return Math.round(Number(m[1]) * mult[m[2].toLowerCase()]);
}

function hostOk(v: string): boolean {
  if (v.startsWith('%')) return /^%[A-Za-z0-9_.:-]+$/.test(v);
  if (/^[0-9.]+$/.test(v) || v.includes(':')) return parseAddress(v) !== undefined;
  return /^@?[A-Za-z0-9._-]+$/.test(v);
}

function subnetOk(item: string, t: Target): string | undefined {
  if (/^%(priv|no|any|any4|any6)$/.test(item) || /^(vhost|vnet):/.test(item)) return undefined;
  let s = item;
  if (t.daemon === 'strongswan') s = s.replace(/\[[^\]]*\]$/, '');
  else if (/\[/.test(s)) return `bad subnet ${item} [non-decimal digit in number]: the [proto/port] suffix is strongSwan syntax; use leftprotoport=`;
  return parsePrefix(s) ? undefined : `bad subnet ${item}`;
}

/** Checks one written value against its keyword; [] when fine. */
export function checkValue(kw: Keyword, e: Entry, t: Target, fullKey: string): ValueProblem[] {
  const v = e.value;
  const lsw = t.daemon === 'libreswan';
  const out: ValueProblem[] = [];
  if (v === '') {
    if (lsw && !atLeast(t, '5.0') && (kw.type === 'bool' || kw.type === 'time' || kw.type === 'percent')) {
      out.push({ code: Code.syntaxError, severity: 'error', message: `syntax error: \`${e.key}=\` needs a value (Libreswan ${t.version} has no empty form for ${kw.type} keywords)` });
    }
    return out;
  }
  switch (kw.type) {
    case 'bool': {
      const allowed = lsw ? LSW_BOOL : SS_BOOL;
      if (allowed.includes(v)) break;
      if (allowed.includes(v.toLowerCase())) {
        if (lsw && !atLeast(t, '5.0') && !e.quoted) {
          out.push({ code: Code.invalidValue, severity: 'error', message: `${e.key}=${v}: Libreswan ${t.version} reads booleans in lower case only (syntax error)`, replaceValue: v.toLowerCase(), fixTitle: `Write ${v.toLowerCase()}` });
        }
        break;
      }
      out.push({ code: Code.invalidValue, severity: 'error', message: `${e.key}=${v}: not a boolean (${allowed.join('|')})${lsw ? `; Libreswan ${t.version} stops with a syntax error` : '; strongSwan ignores the conn'}` });
      break;
    }
    case 'enum':
    case 'list': {
      const words = kw.type === 'list' ? v.split(/[\s,]+/).filter(Boolean) : [v];
      for (const w of words) {
        const norm = lsw ? w.toLowerCase() : w;
        if (kw.values?.includes(norm)) continue;
        if (lsw && kw.type === 'list' && norm.startsWith('debug-')) continue;
        if (lsw && kw.name === 'keyexchange' && (norm === 'ikev1' || norm === 'ikev2')) {
          if (atLeast(t, '5.0')) continue;
          const repl = norm === 'ikev1' ? 'ikev2=no' : 'ikev2=yes';
          out.push({
            code: Code.versionIncompatible,
            severity: 'error',
            message: `keyexchange=${w} needs Libreswan 5.0; Libreswan ${t.version} only takes keyexchange=ike and stops reading the file here (ERROR: keyword keyexchange, invalid value: ${w}). Use ${repl}.`,
            replaceEntry: repl,
            fixTitle: `Replace with ${repl}`,
          });
          continue;
        }
        if (lsw && /^\d+$/.test(w) && !e.quoted) {
          out.push({ code: Code.invalidValue, severity: 'warning', message: `${e.key}=${w}: a number is not one of ${kw.values?.join('|')}; Libreswan ${t.version} silently ignores it` });
          continue;
        }
        const sug = closest(norm, kw.values ?? []);
        out.push({
          code: Code.invalidValue,
          severity: 'error',
          message: `keyword ${e.key}, invalid value: ${w} (expected ${kw.values?.join('|')})${sug ? `; did you mean '${sug}'?` : ''}${lsw && !atLeast(t, '5.0') ? `; Libreswan ${t.version} stops reading the file here` : ''}`,
          replaceValue: sug && kw.type === 'enum' ? sug : undefined,
          fixTitle: sug ? `Change to ${sug}` : undefined,
        });
      }
      break;
    }
    case 'time':
      if (parseTime(v, t.daemon) === undefined) {
        out.push({ code: Code.invalidValue, severity: lsw ? 'warning' : 'error', message: lsw ? `${e.key}=${v}: not a time (N, or N with s|m|h|d|w); Libreswan ${t.version} silently drops it and uses the default` : `${e.key}=${v}: bad time value; strongSwan ignores the conn` });
      }
      break;
    case 'percent':
      if (!/^\d+%?$/.test(v)) out.push({ code: Code.invalidValue, severity: 'warning', message: `${e.key}=${v}: expected a percentage such as 100%` });
      break;
    case 'number':
      if (!/^\d+$/.test(v)) out.push({ code: Code.invalidValue, severity: 'warning', message: `${e.key}=${v}: not a number; Libreswan ${t.version} silently uses 0` });
      else if (lsw && e.quoted && !atLeast(t, '5.0')) out.push({ code: Code.invalidValue, severity: 'warning', message: `${e.key}="${v}": a quoted number is read as 0 by Libreswan ${t.version}; remove the quotes`, replaceValue: v, fixTitle: 'Remove the quotes' });
      break;
    case 'host':
      for (const h of t.daemon === 'strongswan' ? v.split(',') : [v]) {
        if (!hostOk(h.trim())) out.push({ code: Code.invalidValue, severity: 'error', message: `${e.key}=${h}: not an address, hostname or %keyword` });
      }
      break;
    case 'subnet':
      for (const item of v.split(/[\s,]+/).filter(Boolean)) {
        const why = subnetOk(item, t);
        if (why) out.push({ code: Code.invalidValue, severity: 'error', message: `${why}; ${lsw ? 'Libreswan ignores the conn' : 'strongSwan ignores the conn'}` });
      }
      break;
    case 'protoport':
      if (lsw && !atLeast(t, '5.0') && /^\d+$/.test(v) && !e.quoted) {
        const repl = v === '47' ? 'gre' : `${v}/0`;
        out.push({
          code: Code.configIgnored,
          severity: 'error',
          message: `${fullKey}=${v}: Libreswan ${t.version} lexes an all-digit value as a number and loses it ("Invalid protoport value"): the conn is dropped. Write ${repl}${v === '47' ? ' or 47/0' : ''}.`,
          replaceValue: repl,
          fixTitle: `Write ${repl}`,
        });
      } else if (!parseProtoPort(v)) {
        out.push({ code: Code.invalidValue, severity: 'error', message: `bad ${fullKey}=${v}: expected PROTO[/PORT] (gre, 47/0, tcp/22)` });
      }
      break;
    case 'id':
      if (lsw && !atLeast(t, '5.0') && /^\d+$/.test(v) && !e.quoted) {
        out.push({
          code: Code.configIgnored,
          severity: 'error',
          message: `${fullKey}=${v}: Libreswan ${t.version} lexes an all-digit value as a number and loses it ("Invalid id value"): the conn is dropped. Quote it.`,
          replaceValue: `"${v}"`,
          fixTitle: `Write "${v}"`,
        });
      }
      break;
    default:
      break;
  }
  return out;
}

/** Levenshtein distance, for did-you-mean. */
export function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

export function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const limit = Math.max(2, Math.floor(word.length / 3));
  const w = word.toLowerCase();
  for (const c of candidates) {
    // The distance is at least the difference in length: a candidate that cannot come within the
    // limit is not measured (a 20,000-character word took a second against every keyword). The
    // lengths compared are those measured (lower case: 'İ' becomes two code units).
    const lc = c.toLowerCase();
    if (Math.abs(w.length - lc.length) > limit) continue;
    const dd = distance(w, lc);
    if (dd < bestD) {
      bestD = dd;
      best = c;
    }
  }
  return best !== undefined && bestD <= limit ? best : undefined;
}
