// How charon reads each kind of value (vici_config.c's parse_* functions, docs/reference/swanctl-conf.md
// §2 and §3): what makes it refuse a connection (`invalid value for: <key>`), and what it takes in a
// way worth a word (a blank that is no list separator, an address that is taken as a host name).
// Every reader works on the value swanctl sends: the written parts joined by one space, a list key
// split at commas first.
import type { Range } from 'vscode-languageserver-types';
import { parsePrefix, parseAddress } from '../../core/address';
import { compareVersions } from '../../core/versions';
import type { Setting } from './parser';
import { PROTOCOLS, SERVICES } from './netdb';
import type { ValueType } from './schema';
import type { Target } from './version';

export interface ValueProblem {
  severity: 'error' | 'warning';
  /** invalid: charon refuses it; version: this release refuses it; note: taken, but not as meant. */
  kind: 'invalid' | 'version' | 'note';
  message: string;
  range: Range;
}

export interface ListItem {
  text: string;
  range: Range;
}

/** strtoul(3) with base 0 (or 2): the number and where it stopped; no digits leaves `end` at 0. */
export function strtoul(s: string, base: 0 | 2 = 0): { value: number; end: number } {
  let i = 0;
  while (i < s.length && /\s/.test(s[i])) i++;
  let sign = 1;
  if (s[i] === '+' || s[i] === '-') {
    if (s[i] === '-') sign = -1;
    i++;
  }
  let radix = base === 2 ? 2 : 10;
  if (base === 0) {
    if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && /[0-9a-fA-F]/.test(s[i + 2] ?? '')) {
      radix = 16;
      i += 2;
    } else if (s[i] === '0') radix = 8;
  }
  const digit = radix === 16 ? /[0-9a-fA-F]/ : radix === 8 ? /[0-7]/ : radix === 2 ? /[01]/ : /[0-9]/;
  const from = i;
  let v = 0;
  while (i < s.length && digit.test(s[i])) v = v * radix + Number.parseInt(s[i++], radix);
  if (i === from) return { value: 0, end: 0 };
  return { value: sign * v, end: i };
}

/** vici_stringify: a value longer than the parser's buffer is cut, not refused. */
const cut = (s: string, buf: number) => s.slice(0, buf - 1);
/** chunk_printable: charon refuses anything but printable ASCII. */
const printable = (s: string) => /^[\x20-\x7e]*$/.test(s);

const uint = (s: string, base: 0 | 2 = 0) => {
  const r = strtoul(s, base);
  return r.end > 0 && r.end === s.length;
};

function time(s: string, units: string): boolean {
  const r = strtoul(s);
  let i = r.end;
  // strtoul may read nothing (then the value is 0 and the unit follows directly: `h` is 0 hours).
  while (s[i] === ' ') i++;
  if (i < s.length && units.includes(s[i].toLowerCase())) i++;
  return i === s.length && (r.end > 0 || i > 0);
}

/** A comma list as swanctl splits it (enumerator_create_token(value, ",", " ")): empty items skipped, blanks trimmed. */
export function listItems(s: Setting): ListItem[] {
  const out: ListItem[] = [];
  const text = s.value;
  const at = positionsOf(s);
  let i = 0;
  while (i <= text.length) {
    let j = text.indexOf(',', i);
    if (j < 0) j = text.length;
    const raw = text.slice(i, j);
    const lead = raw.length - raw.trimStart().length;
    const item = raw.trim();
    if (item) out.push({ text: item, range: { start: at(i + lead), end: at(i + lead + item.length, true) } });
    i = j + 1;
  }
  return out;
}

/** Offsets in the joined value to positions in the file (a quoted part maps to the whole string). */
export function positionsOf(s: Setting): (offset: number, end?: boolean) => Range['start'] {
  const spans: { from: number; to: number; range: Range; quoted: boolean }[] = [];
  let o = 0;
  for (const p of s.parts) {
    spans.push({ from: o, to: o + p.text.length, range: p.range, quoted: p.quoted });
    o += p.text.length + 1;
  }
  return (offset, end = false) => {
    const span = spans.find((x) => offset >= x.from && (end ? offset <= x.to : offset < x.to)) ?? spans[spans.length - 1];
    if (!span) return s.valueRange.start;
    if (span.quoted || span.range.start.line !== span.range.end.line) return end ? span.range.end : span.range.start;
    return { line: span.range.start.line, character: span.range.start.character + (offset - span.from) };
  };
}

const ENUMS: Partial<Record<ValueType, { words: string[]; since?: Record<string, string> }>> = {
  bool: { words: ['yes', 'true', 'enabled', '1', 'no', 'false', 'disabled', '0'] },
  fragmentation: { words: ['yes', 'accept', 'no', 'force'] },
  childless: { words: ['allow', 'never', 'force', 'prefer'], since: { prefer: '5.9.10' } },
  send_cert: { words: ['ifasked', 'always', 'never'] },
  unique: { words: ['never', 'no', 'replace', 'keep'] },
  ocsp: { words: ['both', 'reply', 'request', 'never'] },
  revocation: { words: ['strict', 'ifuri', 'relaxed'] },
  hw_offload: { words: ['no', 'yes', 'auto', 'crypto', 'packet'], since: { crypto: '5.9.10', packet: '5.9.10' } },
  copy_dscp: { words: ['no', 'in', 'out', 'yes'] },
  label_mode: { words: ['system', 'simple', 'selinux'] },
  per_cpu_sas: { words: ['encap', 'yes', 'true', 'enabled', '1', 'no', 'false', 'disabled', '0'] },
  mode: { words: ['tunnel', 'transport', 'transport_proxy', 'beet', 'drop', 'pass', 'iptfs'], since: { iptfs: '6.0.2' } },
};

/** The words a value of this type may take, for completion. */
export function enumWords(type: ValueType): string[] {
  if (type === 'action') return ['none', 'trap', 'start', 'trap|start', 'restart', 'route', 'clear'];
  if (type === 'auth') return ['psk', 'pubkey', 'rsa', 'ecdsa', 'eap', 'eap-md5', 'eap-mschapv2', 'eap-tls', 'eap-radius', 'xauth', 'xauth-pam'];
  if (type === 'tfc') return ['mtu'];
  if (type === 'if_id') return ['%unique', '%unique-dir'];
  if (type === 'mark') return ['%unique', '%unique-dir'];
  if (type === 'set_mark') return ['%same'];
  if (type === 'ts') return ['dynamic', '0.0.0.0/0', '::/0', 'dynamic[gre]'];
  if (type === 'addrs') return ['%any', '%any4', '%any6'];
  if (type === 'vips') return ['0.0.0.0', '::'];
  return ENUMS[type]?.words ?? [];
}

/** Everything charon would say about one value of `type` under the target. */
export function checkValue(type: ValueType, s: Setting, t: Target): ValueProblem[] {
  const out: ValueProblem[] = [];
  const v = s.value;
  const whole = s.valueRange;
  const invalid = (message: string, range: Range = whole) => out.push({ severity: 'error', kind: 'invalid', message, range });
  const note = (message: string, range: Range = whole) => out.push({ severity: 'warning', kind: 'note', message, range });
  const e = ENUMS[type];
  if (e) {
    const word = cut(v, 512).toLowerCase();
    if (!e.words.includes(word)) {
      invalid(`\`${v}\` is not one of ${e.words.join(', ')}${type === 'bool' && /^(on|off)$/i.test(v) ? ' (`on`/`off` are not booleans here)' : ''}.`);
      return out;
    }
    const since = e.since?.[word];
    if (since && compareVersions(t.version, since) < 0) out.push({ severity: 'error', kind: 'version', message: `\`${v}\` is new in strongSwan ${since}.`, range: whole });
    // Only where charon is built with SELinux; Debian's is not and refuses it (observed with 5.9.8).
    if (type === 'label_mode' && word === 'selinux') invalid('`selinux` works only where charon is built with SELinux support; Debian\'s charon is not.');
    return out;
  }
  switch (type) {
    case 'uint':
    case 'uint64':
      if (!uint(cut(v, 16))) invalid(`\`${v}\` is not a number.`);
      break;
    case 'dscp':
      if (!uint(cut(v, 16), 2)) invalid(`\`${v}\` is not a DSCP value written in binary (e.g. 101110 for EF).`);
      break;
    case 'time':
    case 'time32':
      if (!time(cut(v, 16), 'smhd')) invalid(`\`${v}\` is not a duration: a whole number with an optional unit s, m, h or d (no fractions, one unit).`);
      break;
    case 'bytes':
      if (!time(cut(v, 16), 'kmg')) invalid(`\`${v}\` is not a byte count: a whole number with an optional unit k, m or g.`);
      break;
    case 'if_id':
      if (!/^%unique(-dir)?$/i.test(cut(v, 32)) && !uint(cut(v, 32))) invalid(`\`${v}\` is not an interface ID: a number, %unique or %unique-dir.`);
      break;
    case 'mark':
    case 'set_mark':
      if (!markOk(cut(v, 32), type === 'set_mark')) invalid(`\`${v}\` is not a mark: value[/mask]${type === 'set_mark' ? ' or %same' : ', %unique or %unique-dir'}.`);
      break;
    case 'tfc':
      if (v !== 'mtu' && !uint(cut(v, 16))) invalid(`\`${v}\` is not a padding length or \`mtu\`.`);
      break;
    case 'action':
      if (!actionOk(cut(v, 512))) invalid(`\`${v}\` is not an action: none, trap, start (or trap|start), restart, route, clear.`);
      break;
    case 'auth':
      authCheck(cut(v, 64), t, invalid);
      break;
    case 'id':
    case 'string':
      if (!printable(v)) invalid('charon takes only printable ASCII here.');
      break;
    case 'addrs':
      for (const it of listItems(s)) addrCheck(it, invalid, note);
      break;
    case 'vips':
      for (const it of listItems(s)) if (!hostOk(cut(it.text, 64))) invalid(`\`${it.text}\` is not an IP address (a virtual IP to request, or 0.0.0.0 / :: for any).`, it.range);
      break;
    case 'ts':
      for (const it of listItems(s)) tsCheck(it, invalid, note);
      break;
    case 'ids':
    case 'oids':
    case 'pools':
      for (const it of listItems(s)) if (!printable(it.text)) invalid('charon takes only printable ASCII here.', it.range);
      break;
    default:
      break;
  }
  return out;
}

function markOk(s: string, set: boolean): boolean {
  let rest: string;
  const uniq = /^%unique(-dir)?/i.exec(s);
  const same = /^%same/i.exec(s);
  if (uniq) {
    if (set) return false;
    rest = s.slice(uniq[0].length);
  } else if (same) {
    if (!set) return false;
    rest = s.slice(same[0].length);
  } else {
    const r = strtoul(s);
    rest = s.slice(r.end);
  }
  if (rest === '') return true;
  if (rest[0] !== '/') return false;
  const m = rest.slice(1);
  const r = strtoul(m);
  return r.end === m.length;
}

function actionOk(s: string): boolean {
  if (['start', 'restart', 'route', 'trap', 'none', 'clear'].includes(s.toLowerCase())) return true;
  // enum_flags_from_string: `|`-separated none/trap/start, blanks trimmed.
  const flags = s.split('|').map((x) => x.trim()).filter(Boolean);
  return flags.every((f) => ['none', 'trap', 'start'].includes(f.toLowerCase()));
}

function authCheck(s: string, t: Target, invalid: (m: string) => void): void {
  const bliss = s.startsWith('bliss') && compareVersions(t.version, '6.0.0') < 0;
  if (/^(ike:|pubkey|rsa|ecdsa)/.test(s) || bliss) return;
  const l = s.toLowerCase();
  if (l === 'psk' || l.startsWith('xauth') || l.startsWith('eap')) return;
  const hint = /^(pubkey|rsa|ecdsa|ike:)/i.test(s) ? ' (pubkey, rsa, ecdsa and ike: are case-sensitive)' : /^(secret|pre-?shared)/i.test(s) ? ' (a pre-shared key is `psk`)' : '';
  invalid(`\`${s}\` is not an authentication method: psk, pubkey, rsa, ecdsa, eap[-method], xauth[-backend]${hint}.`);
}

/** host_create_from_string: an address, %any, %any4, %any6. */
function hostOk(s: string): boolean {
  return s === '%any' || s === '%any4' || s === '%any6' || !!parseAddress(s);
}

function addrCheck(it: ListItem, invalid: (m: string, r: Range) => void, note: (m: string, r: Range) => void): void {
  const x = it.text;
  if (!printable(x)) return invalid('charon takes only printable ASCII here.', it.range);
  if (hostOk(x) || (x.includes('/') && parsePrefix(x))) return;
  const dash = x.indexOf('-');
  if (dash > 0 && hostOk(x.slice(0, dash).trim()) && hostOk(x.slice(dash + 1).trim())) return;
  if (/\s/.test(x)) return note(`\`${x}\` holds a blank: list items are separated by commas only, so this is one item (a host name that will not resolve).`, it.range);
  if (/^[\d.]+(\/\d+)?$/.test(x) || (x.includes(':') && /^[\da-fA-F:./]+$/.test(x))) return note(`\`${x}\` is not a valid IP address or subnet: charon takes it as a host name to resolve.`, it.range);
  // Otherwise a host name, resolved at each lookup.
}

/** parse_ts: `dynamic`, a CIDR, an address, or a range `a-b`, optionally `[proto/port]`. */
function tsCheck(it: ListItem, invalid: (m: string, r: Range) => void, note: (m: string, r: Range) => void): void {
  let x = cut(it.text, 512);
  const open = x.indexOf('[');
  if (open >= 0) {
    const close = x.lastIndexOf(']');
    if (close < open) return invalid(`\`${it.text}\`: the \`[proto/port]\` has no closing \`]\`.`, it.range);
    const pp = x.slice(open + 1, close);
    x = x.slice(0, open);
    const problem = protoPortProblem(pp);
    if (problem) return invalid(`\`${it.text}\`: ${problem}`, it.range);
  }
  if (x === 'dynamic') return;
  if (x.includes('-')) {
    const dash = x.indexOf('-');
    const to = x.slice(dash + 1).replace(/^ +/, '');
    const from = x.slice(0, dash).replace(/ +$/, '');
    if (!hostOk(to) || !hostOk(from) || (parseAddress(to)?.family ?? 'ipv4') !== (parseAddress(from)?.family ?? 'ipv4'))
      return invalid(`\`${it.text}\` is not an address range \`a-b\`.`, it.range);
    return;
  }
  const slash = x.indexOf('/');
  const host = slash >= 0 ? x.slice(0, slash) : x;
  if (!hostOk(host)) return invalid(`\`${it.text}\` is not a traffic selector: \`dynamic\`, a subnet, an address or a range (host names are not allowed here).`, it.range);
  if (host === '%any' || host === '%any4' || host === '%any6')
    note(`\`${host}\` in a traffic selector is the single address ${host === '%any6' ? '::/128' : '0.0.0.0/32'}, not "everything": write ${host === '%any6' ? '::/0' : '0.0.0.0/0'} (or ::/0) for that.`, it.range);
  if (slash >= 0) {
    // The prefix length is read with atoi(3): digits up to the first other character.
    const lenText = x.slice(slash + 1);
    const digits = /^\s*[+-]?\d*/.exec(lenText)![0];
    const len = Number.parseInt(digits, 10) || 0;
    const max = (parseAddress(host)?.family ?? 'ipv4') === 'ipv6' || host === '%any6' ? 128 : 32;
    if (digits.trim() !== lenText) {
      note(`\`${it.text}\`: charon reads the prefix length as ${len} and ignores \`${lenText.slice(digits.length)}\`${/\s/.test(lenText) ? ' (list items are separated by commas only: the rest of this item is dropped)' : ''}.`, it.range);
    } else if (len > max || len < 0) note(`\`${it.text}\`: a prefix length over ${max}; charon takes it as /${max}.`, it.range);
  }
}

function protoPortProblem(pp: string): string | undefined {
  const slash = pp.indexOf('/');
  const proto = slash >= 0 ? pp.slice(0, slash) : pp;
  const port = slash >= 0 ? pp.slice(slash + 1) : '';
  if (proto !== 'any' && PROTOCOLS[proto] === undefined) {
    const r = strtoul(proto);
    if ((proto !== '' && r.end !== proto.length) || r.value < 0 || r.value > 255) return `\`${proto}\` is not a protocol (a name from /etc/protocols, a number 0-255 or any).`;
  }
  if (port === '' || port === 'any' || port === 'opaque' || SERVICES[port] !== undefined) return undefined;
  const a = strtoul(port);
  if (a.value < 0 || a.value > 0xffff) return `port ${port} is out of range.`;
  let rest = port.slice(a.end);
  if (rest.startsWith('-')) {
    const b = strtoul(rest.slice(1));
    if (b.value < 0 || b.value > 0xffff) return `port ${port} is out of range.`;
    rest = rest.slice(1 + b.end);
  }
  if (a.end === 0 || rest !== '') return `\`${port}\` is not a port, a port range, a service name, any or opaque.`;
  return undefined;
}

/** A written `[proto/port]` as numbers (for the model): protocol and single port, when given. */
export function protoPortOf(pp: string): { protocol?: number; port?: number } {
  const slash = pp.indexOf('/');
  const proto = slash >= 0 ? pp.slice(0, slash) : pp;
  const port = slash >= 0 ? pp.slice(slash + 1) : '';
  const protocol = proto === 'any' || proto === '' ? undefined : (PROTOCOLS[proto] ?? strtoul(proto).value);
  let p: number | undefined;
  if (port && port !== 'any' && port !== 'opaque') {
    p = SERVICES[port] ?? strtoul(port).value;
    if (port.includes('-')) p = undefined;
  }
  return { protocol: protocol || undefined, port: p || undefined };
}

/** parse_time's value in seconds (units s m h d), when it parses. */
export function seconds(v: string): number | undefined {
  const s = cut(v, 16);
  if (!time(s, 'smhd')) return undefined;
  const r = strtoul(s);
  const unit = s.trim().slice(-1).toLowerCase();
  const mult = unit === 'd' ? 86400 : unit === 'h' ? 3600 : unit === 'm' ? 60 : 1;
  return r.value * mult;
}
