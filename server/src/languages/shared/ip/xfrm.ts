// `ip xfrm state|policy …`: argument checks only (no endpoint), and the ranges of key material,
// which no message or hover may show.
import { parsePrefix } from '../../../core/address';
import { parseIntIn } from '../linuxValues';
import { quoteValue as q } from '../../../core/redact';
import { bad, val } from './args';
import { XFRM_DIRS, XFRM_MODES, XFRM_OBJECTS, XFRM_PROTOS, XFRM_SECRET_ALGOS } from './tables';
import type { IpObjectReader } from './types';

export const readXfrm: IpObjectReader = (rest, ctx) => {
  const obj = val(rest[0], ctx);
  if (!obj || !XFRM_OBJECTS.some((o) => o.startsWith(obj))) return {};
  for (let k = 1; k < rest.length; k++) {
    const key = val(rest[k], ctx);
    const v = rest[k + 1];
    if (key === undefined || !v) continue;
    const vv = val(v, ctx);
    if (XFRM_SECRET_ALGOS[key] !== undefined) {
      // ALG KEY [LEN]: the key (secrets.ts; analyzeIp holds its range) is never judged, so never echoed in a message.
      k += XFRM_SECRET_ALGOS[key];
      continue;
    }
    if (vv === undefined) continue;
    if (key === 'mode' && !XFRM_MODES.includes(vv)) bad(ctx, v, `ip xfrm mode takes ${XFRM_MODES.join(', ')}; not "${q(vv)}".`);
    else if (key === 'proto' && obj.startsWith('s') && !XFRM_PROTOS.includes(vv)) bad(ctx, v, `ip xfrm state proto takes ${XFRM_PROTOS.join(', ')}; not "${q(vv)}".`);
    else if (key === 'dir' && !XFRM_DIRS.includes(vv)) bad(ctx, v, `ip xfrm policy dir takes in, out or fwd; not "${q(vv)}".`);
    else if ((key === 'src' || key === 'dst') && !parsePrefix(vv)) bad(ctx, v, `\`${key}\` takes an address or prefix; "${q(vv)}" is not one.`);
    else if (key === 'spi' && parseIntIn(vv, 0, 0xffffffff, true) === undefined) bad(ctx, v, '`spi` takes a 32-bit number (decimal or 0x hex).');
    else continue;
    k++;
  }
  return {};
};
