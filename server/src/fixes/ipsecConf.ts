// Edits to a Libreswan or strongSwan conn: set a key, replacing the written value or adding the key
// to the conn's body.
import type { Endpoint, Valued } from '../core/endpoint';
import type { TextEditSpec } from '../core/types';
import { insertLineAfter, replaceRange } from './text';
import type { FixContext } from './context';

/** The conn endpoint behind a composed Linux host endpoint, or the endpoint itself. */
export function connOf(e: Endpoint): Endpoint | undefined {
  const c = e.protectedBy ?? e;
  return c.vendor === 'libreswan' || c.vendor === 'strongswan' ? c : undefined;
}

/**
 * Sets `key=value` in the conn: where the value is written in the conn's own file, its value range
 * is replaced; otherwise the key is added as the first line of the conn body.
 */
export function setConnKey(e: Endpoint, key: string, value: string, written: Valued<unknown> | undefined, ctx: FixContext): TextEditSpec | undefined {
  const conn = connOf(e);
  if (!conn) return undefined;
  if (written?.source === 'written' && written.uri && written.range) return replaceRange(written.uri, written.range, value);
  const text = ctx.text(conn.uri);
  if (text === undefined) return undefined;
  return insertLineAfter(conn.uri, text, conn.range.start.line, `\t${key}=${value}`);
}
