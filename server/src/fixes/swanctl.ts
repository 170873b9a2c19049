// Edits to a strongSwan swanctl.conf connection, in its own syntax (docs/reference/swanctl-conf.md
// §1): `key = value` in the connection or child section that holds the value, replacing a written
// value, or added as the first line of the section when the value is a default (its origin is then
// the section's name). A swanctl endpoint has vendor 'strongswan' like an ipsec.conf one: which of
// the two a conn is comes from its file, never from the vendor.
import type { Range } from 'vscode-languageserver-types';
import type { Endpoint, Valued } from '../core/endpoint';
import type { TextEditSpec } from '../core/types';
import { uriToPath } from '../core/uri';
import type { FixContext } from './context';
import { splitLines } from './text';

const PATHS = /(^|[\\/])swanctl\.conf$|[\\/]swanctl[\\/](conf\.d[\\/])?[^\\/]*\.conf$/;
const STRONGSWAN_D = /(^|[\\/])strongswan\.d[\\/]/;
/** A braced section opening a line: swanctl.conf has them, ipsec.conf never does. */
const SECTION = /^\s*[^\s#{}:.,="]+\s*(:[^{#]*)?\{/m;

/** The conn endpoint behind a composed Linux host endpoint, or the endpoint itself, when it is a swanctl.conf connection. */
export function swanctlConnOf(e: Endpoint, ctx: FixContext): Endpoint | undefined {
  const c = e.protectedBy ?? e;
  if (c.vendor !== 'strongswan') return undefined;
  const path = uriToPath(c.uri);
  if (STRONGSWAN_D.test(path)) return undefined;
  if (PATHS.test(path)) return c;
  const text = ctx.text(c.uri);
  return text !== undefined && SECTION.test(text) ? c : undefined;
}

/** Where a section's body starts: just after the `{` that follows its name. */
function afterBrace(text: string, name: Range): { line: number; character: number } | undefined {
  const lines = splitLines(text);
  for (let l = name.start.line; l < Math.min(lines.length, name.start.line + 3); l++) {
    const from = l === name.start.line ? name.end.character : 0;
    const at = lines[l].indexOf('{', from);
    if (at >= 0) return { line: l, character: at + 1 };
  }
  return undefined;
}

const indentOf = (line: string) => /^[ \t]*/.exec(line)![0];

/**
 * Sets `key = value` for a swanctl endpoint: replaces the written value; for a value derived from
 * another key's line (rekey_time from life_time), adds the key on a line after it; for a default,
 * adds the key to the section the default names (the child for child keys, the connection for the
 * others), or to `section`.
 */
export function setSwanctlKey(key: string, value: string, v: Valued<unknown> | undefined, section: Range | undefined, uri: string, ctx: FixContext): TextEditSpec | undefined {
  if (v?.source === 'written' && v.uri && v.range) return { uri: v.uri, range: v.range, newText: value };
  const text = ctx.text(uri);
  if (text === undefined) return undefined;
  const lines = splitLines(text);
  if (v?.source === 'derived' && v.uri === uri && v.range) {
    const l = v.range.end.line;
    const at = { line: l, character: (lines[l] ?? '').length };
    return { uri, range: { start: at, end: at }, newText: `\n${indentOf(lines[v.range.start.line] ?? '')}${key} = ${value}` };
  }
  const at = v?.source === 'default' && v.range && v.uri === uri ? v.range : section;
  if (!at) return undefined;
  const pos = afterBrace(text, at);
  if (!pos) return undefined;
  const header = lines[at.start.line] ?? '';
  const next = lines[pos.line + 1];
  const base = indentOf(header);
  const inner = next !== undefined && indentOf(next).length > base.length ? indentOf(next) : `${base}    `;
  return { uri, range: { start: pos, end: pos }, newText: `\n${inner}${key} = ${value}` };
}

/** Adds a proposal to a written list (`, <proposal>`), or writes the key with the proposal first and the defaults after it. */
export function addSwanctlProposal(key: 'proposals' | 'esp_proposals', spelled: string, v: Valued<unknown> | undefined, section: Range, uri: string, ctx: FixContext): TextEditSpec | undefined {
  if (v && v.source !== 'default' && v.uri && v.range) return { uri: v.uri, range: { start: v.range.end, end: v.range.end }, newText: `, ${spelled}` };
  return setSwanctlKey(key, `${spelled}, default`, v, section, uri, ctx);
}

/** `rekey_time` in strongSwan's spelling: whole hours or minutes where they are whole. */
export function swanctlDuration(seconds: number): string {
  return seconds % 3600 === 0 ? `${seconds / 3600}h` : seconds % 60 === 0 ? `${seconds / 60}m` : `${seconds}s`;
}
