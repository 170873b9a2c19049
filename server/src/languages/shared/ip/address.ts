// `ip addr add|replace|change PREFIX dev DEV …`: an inner address of a tunnel device.
import type { Valued } from '../../../core/endpoint';
import { parsePrefix } from '../../../core/address';
import type { Word } from '../shellLexer';
import { quoteValue as q } from '../../../core/redact';
import { bad, val, writtenAt } from './args';
import { ADDR_FLAGS, ADDR_OPTIONS_WITH_VALUE, ADDR_VERBS, matchVerb } from './tables';
import type { IpObjectReader } from './types';

function normalizePrefix(s: string): string {
  const p = parsePrefix(s)!;
  return s.includes('/') ? `${p.text}/${p.prefixLength}` : p.text;
}

export const readAddress: IpObjectReader = (rest, ctx, cmd) => {
  const vw = rest[0];
  const verb = vw && val(vw, ctx) !== undefined ? matchVerb(val(vw, ctx)!, ADDR_VERBS) : undefined;
  if (verb !== 'add' && verb !== 'replace' && verb !== 'change') return { verb };
  let dev: Word | undefined;
  let prefix: Valued<string> | undefined;
  const args = rest.slice(1);
  for (let k = 0; k < args.length; k++) {
    const w = args[k];
    const key = val(w, ctx);
    if (key !== undefined && ADDR_FLAGS.has(key)) continue;
    if (key !== undefined && ADDR_OPTIONS_WITH_VALUE.has(key)) {
      const v = args[++k];
      if (!v) break;
      const vv = val(v, ctx);
      if (key === 'dev') dev = v;
      else if ((key === 'peer' || key === 'remote' || key === 'local') && vv !== undefined && !parsePrefix(vv)) bad(ctx, v, `\`${key}\` takes an address or address/prefix; "${q(vv)}" is not one.`);
      if (key === 'local' && vv && parsePrefix(vv)) prefix = writtenAt(normalizePrefix(vv), v, ctx);
      continue;
    }
    if (key === undefined) continue;
    const p = parsePrefix(key);
    if (!p) bad(ctx, w, `\`ip addr ${verb}\` takes an address/prefix; "${q(key)}" is not one.`);
    else if (!prefix) prefix = writtenAt(normalizePrefix(key), w, ctx);
  }
  if (!dev || !prefix) return { verb };
  return {
    verb,
    action: { device: val(dev, ctx) ?? dev.raw, deviceRange: dev.range, method: 'address', kind: 'unknown', gre: {}, inner: [prefix], text: cmd.text, range: cmd.range },
  };
};
