// Reads one `ip …` command (never runs it): the global options, then the object's own reader
// through a table, which checks the arguments with iproute2's meaning and says what the command
// does to a tunnel device (creates it, or changes it). Shared by the shell script dialect and the
// ifupdown dialect (whose `up`/`pre-up`/`post-up` lines are shell commands).
import type { Range } from 'vscode-languageserver-types';
import { wordValue, type Word } from '../shellLexer';
import { readAddress } from './address';
import { val } from './args';
import { readLink } from './link';
import { IP_OPTIONS_WITH_VALUE, matchObject } from './tables';
import { readTunnel } from './tunnel';
import type { Family, IpContext, IpObjectReader, IpParse } from './types';
import { readXfrm } from './xfrm';
import { shellSecretSlots } from './secrets';

export type { IpAction, IpContext, IpParse } from './types';

/** Words that may come before the command word and do not change which command runs. */
export const PREFIX_WORDS = new Set(['sudo', 'exec', 'command', 'if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', 'time', 'nohup', '{', 'builtin']);
/** The `ip` binary, by name or path. */
export const IP_PATHS = /^(?:\/usr)?\/s?bin\/ip$|^ip$/;

/**
 * A command's words from its `ip` word on (assignments and prefix words left out), or undefined
 * when the command is not `ip`.
 */
export function ipCommandWords(words: Word[], vars: ReadonlyMap<string, string>): Word[] | undefined {
  let i = 0;
  while (i < words.length && (words[i].assign || PREFIX_WORDS.has(words[i].raw))) i++;
  const head = words[i] ? wordValue(words[i].parts, vars) : undefined;
  return head && IP_PATHS.test(head) ? words.slice(i) : undefined;
}

/** The `ip` objects Tunnel Lens reads; every other object is outside the model. */
export const IP_OBJECT_READERS: Readonly<Record<string, IpObjectReader>> = {
  tunnel: readTunnel,
  link: readLink,
  address: readAddress,
  xfrm: readXfrm,
};

/** `words[0]` is the `ip` word; undefined when the object is not one Tunnel Lens reads. */
export function analyzeIp(words: Word[], ctx: IpContext): IpParse | undefined {
  let i = 1;
  let family: Family | undefined;
  while (i < words.length) {
    const v = val(words[i], ctx);
    if (v === undefined || !v.startsWith('-')) break;
    if (v === '-6') family = 'ipv6';
    else if (v === '-4') family = 'ipv4';
    else if ((v === '-f' || v === '-family') && words[i + 1]) {
      const f = val(words[i + 1], ctx);
      family = f === 'inet6' ? 'ipv6' : f === 'inet' ? 'ipv4' : family;
    }
    i += IP_OPTIONS_WITH_VALUE.has(v) ? 2 : 1;
  }
  const objWord = words[i];
  const objText = val(objWord, ctx);
  if (!objWord || objText === undefined) return undefined;
  const object = matchObject(objText);
  // Key material first (secrets.ts), of every object, read by Tunnel Lens or not.
  const secretRanges: Range[] = [];
  const slots = object ? shellSecretSlots(object) : undefined;
  if (slots?.size)
    for (let k = i + 1; k < words.length; k++) {
      const slot = slots.get(val(words[k], ctx) ?? '');
      const w = slot && words[k + slot.offset];
      if (!w) continue;
      secretRanges.push(w.range);
      const value = val(w, ctx);
      ctx.secrets?.push(w.raw);
      if (value !== undefined) ctx.secrets?.push(value);
    }
  const reader = object ? IP_OBJECT_READERS[object] : undefined;
  if (!object || !reader) return undefined;
  const range: Range = { start: words[0].range.start, end: words[words.length - 1].range.end };
  const r = reader(words.slice(i + 1), ctx, { family, text: words.map((w) => w.raw).join(' '), range, secretRanges });
  return { object, verb: r.verb, action: r.action, family: r.family ?? family, secretRanges };
}
