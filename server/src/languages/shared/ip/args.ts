// Reading one argument value with iproute2's meaning, one reader per argument type
// (docs/reference/linux-kernel-tunnels.md §7). A value that iproute2 would reject is recorded as
// an invalid-value issue on the word; a dynamic value ($VAR unknown here) is not judged.
import type { Valued } from '../../../core/endpoint';
import { Code } from '../../../core/codes';
import { parseAddress } from '../../../core/address';
import { quoteValue as q } from '../../../core/redact';
import { written } from '../../../core/valued';
import { parseGreKey, parseIntIn } from '../linuxValues';
import { wordValue, type Word } from '../shellLexer';
import type { ArgType } from './tables';
import type { Family, IpContext } from './types';

export const val = (w: Word | undefined, ctx: IpContext) => (w ? wordValue(w.parts, ctx.vars) : undefined);

export function bad(ctx: IpContext, w: Word, message: string, severity: 'error' | 'warning' | 'info' = 'error'): undefined {
  ctx.issues.push({ code: Code.invalidValue, severity, message, range: w.range });
  return undefined;
}

/** A value written at the word. */
export function writtenAt<T>(value: T, w: Word, ctx: IpContext, rule?: string): Valued<T> {
  return written(value, ctx.uri, w.range, rule);
}

interface ArgRead {
  v: string;
  key: string;
  w: Word;
  ctx: IpContext;
  family: Family | undefined;
  /** The device kind, for messages. */
  kind: string;
}

const familyName = (f: Family) => (f === 'ipv6' ? 'IPv6' : 'IPv4');

const ARG_READERS: Record<ArgType, (a: ArgRead) => unknown> = {
  addr: ({ v, key, w, ctx, family, kind }) => {
    if (v === 'any' && family !== 'ipv6') return undefined;
    const a = parseAddress(v);
    if (!a) return bad(ctx, w, `\`${key}\` takes an IP address; iproute2 rejects "${q(v)}".`);
    if (family && a.family !== family) return bad(ctx, w, `${kind} has an ${familyName(family)} outer header; \`${key} ${v}\` is an ${familyName(a.family)} address.`);
    return a.text;
  },
  elim: ({ v, w, ctx }) => {
    if (v === 'none') return 'none';
    const n = parseIntIn(v, 0, 255, true);
    if (n === undefined) return bad(ctx, w, `encaplimit takes \`none\` or 0..255 (ELIM := { none | 0..255 }); "${q(v)}" is neither.`);
    if (n === 0) bad(ctx, w, '`encaplimit 0` still adds the 8-byte Destination Options header (with limit 0); only `encaplimit none` removes it.', 'warning');
    return n;
  },
  ttl: ({ v, key, w, ctx, family }) => {
    if (v !== 'inherit' && parseIntIn(v, 0, 255) === undefined) bad(ctx, w, `\`${key}\` takes 0..255${family === 'ipv4' ? ' or inherit' : ''}.`);
  },
  tclass: ({ v, key, w, ctx }) => {
    if (v !== 'inherit' && !/^(0x)?[0-9a-f]{1,2}$/i.test(v)) bad(ctx, w, `\`${key}\` takes inherit or a hex value 0x0..0xff.`);
  },
  flowlabel: ({ v, w, ctx }) => {
    if (v !== 'inherit' && !/^(0x)?[0-9a-f]{1,5}$/i.test(v)) bad(ctx, w, '`flowlabel` takes inherit or a hex value 0x0..0xfffff.');
  },
  key: ({ v, key, w, ctx }) => {
    const k = parseGreKey(v);
    if (k === undefined) bad(ctx, w, `\`${key}\` takes a number (0..4294967295) or a dotted quad.`);
    return k;
  },
  dscp: ({ v, w, ctx }) => {
    if (v !== 'inherit') bad(ctx, w, '`dscp` takes only `inherit`.');
  },
  fwmark: ({ v, w, ctx }) => {
    if (v !== 'inherit' && parseIntIn(v, 0, 0xffffffff, true) === undefined) bad(ctx, w, '`fwmark` takes a number or inherit.');
  },
  u8: ({ v, key, w, ctx }) => {
    if (parseIntIn(v, 0, 255) === undefined) bad(ctx, w, `\`${key}\` takes 0..255.`);
  },
  ifname: ({ v }) => v,
  mode: ({ v }) => v,
  any: ({ v }) => v,
};

/** Checks one value by type; returns the parsed value (undefined when dynamic or bad). */
export function readArg(type: ArgType, key: string, w: Word, ctx: IpContext, family: Family | undefined, kind: string): unknown {
  const v = val(w, ctx);
  if (v === undefined) return undefined;
  return ARG_READERS[type]({ v, key, w, ctx, family, kind });
}
