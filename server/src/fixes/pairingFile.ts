// The quick fix of pairing-ambiguous: write the chosen pair into tunnel-lens.json, creating it at
// the nearest folder above both files when the deployment has none, or adding to its `pairs`.
import type { Endpoint } from '../core/endpoint';
import type { Fix } from '../core/types';
import { commonDirUri, dirnameUri, joinUri, relativeUri } from '../core/uri';
import { PAIRING_FILE } from '../protocol/preview';

/** `scopeRoot` is the folder of the deployment's tunnel-lens.json, or '' when there is none. */
export function pairWithFix(a: Endpoint, b: Endpoint, scopeRoot: string, text: (uri: string) => string | undefined): Fix | undefined {
  const dir = scopeRoot || commonDirUri([a.uri, b.uri]);
  if (!dir) return undefined;
  const file = joinUri(dir, PAIRING_FILE);
  const ref = (e: Endpoint) => `${relativeUri(dir, e.uri)}#${e.name}`;
  const pair = { a: ref(a), b: ref(b) };
  const existing = text(file);
  let json: { pairs?: unknown[] } & Record<string, unknown> = {};
  if (existing !== undefined) {
    try {
      const parsed = JSON.parse(existing) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) json = parsed as typeof json;
      else return undefined;
    } catch {
      // A pairing file that is not JSON is not rewritten: the user's text would be lost.
      return undefined;
    }
  }
  json.pairs = [...(Array.isArray(json.pairs) ? json.pairs : []), pair];
  const newText = JSON.stringify(json, null, 2) + '\n';
  const lines = (existing ?? '').split('\n');
  const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
  return {
    title: `Pair ${a.name} with ${b.name} (${relativeUri(dirnameUri(a.uri), b.uri)}) in ${PAIRING_FILE}`,
    edits: [{ uri: file, range: { start: { line: 0, character: 0 }, end: existing === undefined ? { line: 0, character: 0 } : end }, newText }],
    createFiles: existing === undefined ? [file] : undefined,
  };
}
