// Which daemon and Libreswan version a file without a directive or setting is written for, from the
// evidence of every key it sets (docs/reference/ipsec-conf-grammar.md §6, §7; the versions of each
// keyword: docs/reference/libreswan-keywords-5x.tsv). Each distinct key (and each value that only one
// daemon or some Libreswan versions take) counts once as Libreswan-only, strongSwan-only or shared.
// More strongSwan-only than Libreswan-only evidence makes it strongSwan; otherwise it is Libreswan.
// The Libreswan version stays the default unless the default refuses some of the file's keys and a
// 5.x release reads more of them: a file written with keyexchange=ikev2, left-id= spellings or
// ipsec-interface= with leftinterface-ip= is a 5.x file, and reporting each of those lines as
// version-incompatible against a version nobody named would be noise. The guess never moves to an
// older release: a 3.x-only key in an unmarked file is more likely a stale line than a 3.x host, and
// is still reported against the default. The reason names the evidence, for hover.
import { atLeast } from '../../core/versions';
import { readKey } from './keyReading';
import { availability, BARE_REFUSED_IN, DASHED_SINCE, LIBRESWAN_5X, valuesFor, type Sect } from './keywords';

/** The oldest version the table describes: the word lists before any `valuesFrom` step. */
const LIBRESWAN_OLDEST = '3.25';

/** One piece of evidence: a key (or key=value) and what it says. */
interface Clue {
  /** As the reason shows it: `` `keyexchange=ikev2` ``, a `ca` section. */
  text: string;
  /** Which daemons read it. */
  libreswan: boolean;
  strongswan: boolean;
  /** For Libreswan: the versions that read it (undefined: every version). */
  lswOk?: (version: string) => boolean;
}

export interface Evidence {
  lswOnly: Clue[];
  ssOnly: Clue[];
  shared: Clue[];
}

export interface Guess {
  daemon: 'libreswan' | 'strongswan';
  /** The Libreswan version, when the evidence moves it off the default. */
  version?: string;
  reason: string;
}

const STOCK_HEADER = /^#.*\b(strongSwan|Libreswan)\b.*\bconfiguration file\b/i;
const HEADER = /^(config[ \t]+setup|conn[ \t]+\S|ca[ \t]+\S)/;
const BODY = /^[ \t]+([^\s=#]+)[ \t]*=[ \t]*("[^"]*"|\{[^}]*\}|[^\s#]*(?:[ \t]+[^\s#]+)*)?/;

/** Values only one daemon writes in proposals: Libreswan's `;DH`, strongSwan's strict `!`. */
const PROPOSAL_CLUES: { re: RegExp; daemon: 'libreswan' | 'strongswan'; text: string }[] = [
  { re: /!\s*$/, daemon: 'strongswan', text: 'a strict `!` proposal suffix' },
  { re: /;/, daemon: 'libreswan', text: 'a `;DH` proposal (Libreswan syntax)' },
];

/** Reads the evidence of every key of the text (one pass over its lines). */
export function readEvidence(text: string): Evidence {
  const seen = new Map<string, Clue>();
  const add = (c: Clue) => {
    if (!seen.has(c.text)) seen.set(c.text, c);
  };
  let sect: Sect | undefined;
  let from = 0;
  while (from <= text.length) {
    const nl = text.indexOf('\n', from);
    const line = text.slice(from, nl < 0 ? text.length : nl);
    from = nl < 0 ? text.length + 1 : nl + 1;
    const h = HEADER.exec(line);
    if (h) {
      sect = h[1].startsWith('config') ? 'setup' : h[1].startsWith('conn') ? 'conn' : 'ca';
      if (sect === 'ca') add({ text: 'a `ca` section', libreswan: false, strongswan: true });
      continue;
    }
    if (!sect) {
      // The stock file's first comment names its daemon ("# /etc/ipsec.conf - strongSwan IPsec configuration file").
      const named = STOCK_HEADER.exec(line);
      if (named) add({ text: `the header comment "${named[1]} … configuration file"`, libreswan: /libreswan/i.test(named[1]), strongswan: /strongswan/i.test(named[1]) });
      continue;
    }
    const m = BODY.exec(line);
    if (!m) continue;
    const key = m[1];
    const value = (m[2] ?? '').replace(/^"([^"]*)"$/, '$1').trim();
    keyClues(key, value, sect).forEach(add);
  }
  const out: Evidence = { lswOnly: [], ssOnly: [], shared: [] };
  for (const c of seen.values()) (c.libreswan && !c.strongswan ? out.lswOnly : c.strongswan && !c.libreswan ? out.ssOnly : c.libreswan ? out.shared : []).push(c);
  return out;
}

function keyClues(key: string, value: string, sect: Sect): Clue[] {
  const l = readKey(key, 'libreswan', sect);
  const s = readKey(key, 'strongswan', sect);
  const lsw = l.kind === 'keyword' || l.kind === 'comment';
  const ss = s.kind === 'keyword';
  if (!lsw && !ss) return [];
  const out: Clue[] = [];
  let lswOk: ((v: string) => boolean) | undefined;
  if (l.kind === 'keyword') {
    const { kw, hit } = l;
    lswOk = (v) => availability(kw, v).known && (!hit.dashed || atLeast(v, DASHED_SINCE)) && (!hit.bare || !atLeast(v, BARE_REFUSED_IN));
    const name = `\`${hit.dashed ? `${hit.end}-${kw.name}=` : `${key}=`}\``;
    out.push({ text: name, libreswan: true, strongswan: ss, lswOk });
  } else out.push({ text: `\`${key}=\``, libreswan: lsw, strongswan: ss });
  // Values: a word one daemon (or some Libreswan versions) does not take.
  const lEnum = l.kind === 'keyword' && l.kw.type === 'enum' ? l.kw : undefined;
  const sEnum = s.kind === 'keyword' && s.kw.type === 'enum' && s.kw.values ? s.kw : undefined;
  if (value && (lEnum || sEnum)) {
    const lw = value.toLowerCase();
    const steps = lEnum ? [LIBRESWAN_OLDEST, ...(lEnum.valuesFrom ?? []).map((x) => x[0])] : [];
    const takesIn = (v: string) => !lEnum || (valuesFor(lEnum, v)?.includes(lw) ?? true);
    const lswTakes = lsw && (!lEnum || steps.some(takesIn));
    const ssTakes = ss && (!sEnum || sEnum.values!.includes(value));
    const varies = lEnum !== undefined && steps.some((v) => !takesIn(v));
    const ok = (v: string) => (!lswOk || lswOk(v)) && takesIn(v);
    if (lswTakes && !ssTakes && ss) out.push({ text: `\`${key}=${value}\``, libreswan: true, strongswan: false, lswOk: ok });
    else if (ssTakes && !lswTakes && lsw) out.push({ text: `\`${key}=${value}\``, libreswan: false, strongswan: true });
    else if (lswTakes && varies) out.push({ text: `\`${key}=${value}\``, libreswan: true, strongswan: ssTakes, lswOk: ok });
  }
  if ((l.kind === 'keyword' && l.kw.type === 'proposal') || (s.kind === 'keyword' && s.kw.type === 'proposal')) {
    for (const p of PROPOSAL_CLUES) if (p.re.test(value)) out.push({ text: p.text, libreswan: p.daemon === 'libreswan', strongswan: p.daemon === 'strongswan' });
  }
  return out;
}

const list = (cs: Clue[], n = 3) => cs.slice(0, n).map((c) => c.text).join(', ') + (cs.length > n ? `, +${cs.length - n} more` : '');

/** The daemon (and a Libreswan version other than `defaultVersion`, when the evidence says so). */
export function guess(text: string, defaultVersion: string): Guess {
  const ev = readEvidence(text);
  const counts = `${ev.lswOnly.length} Libreswan-only, ${ev.ssOnly.length} strongSwan-only, ${ev.shared.length} shared keys`;
  if (ev.ssOnly.length > ev.lswOnly.length) return { daemon: 'strongswan', reason: `guessed strongSwan: ${list(ev.ssOnly)} (${counts})` };
  const lsw = [...ev.lswOnly, ...ev.shared];
  const accepted = (v: string) => lsw.filter((c) => !c.lswOk || c.lswOk(v));
  const atDefault = accepted(defaultVersion);
  let best: { version: string; n: number } | undefined;
  for (const v of LIBRESWAN_5X) {
    if (atLeast(defaultVersion, v)) continue;
    const n = accepted(v).length;
    if (n > atDefault.length && (!best || n > best.n)) best = { version: v, n };
  }
  if (best) {
    const newer = lsw.filter((c) => c.lswOk && c.lswOk(best!.version) && !c.lswOk(defaultVersion));
    return {
      daemon: 'libreswan',
      version: best.version,
      reason: `guessed Libreswan ${best.version.split('.')[0]}.x: ${list(newer.map((c) => ({ ...c, text: `${c.text} (${LIBRESWAN_5X.find((v) => c.lswOk!(v))}+)` })))}; read as ${best.version}, the oldest release that takes ${newer.length > 1 ? 'them all' : 'it'} (${counts})`,
    };
  }
  const why = ev.lswOnly.length || ev.ssOnly.length ? ` (${ev.lswOnly.length ? `Libreswan-only: ${list(ev.lswOnly)}; ` : ''}${counts})` : '';
  return { daemon: 'libreswan', reason: `no directive or setting; Libreswan ${defaultVersion} assumed${why}` };
}
