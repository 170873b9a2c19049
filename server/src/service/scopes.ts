// Pairing scopes and the explicit pairing file. A `tunnel-lens.json` marks the root of one
// deployment: endpoints under different roots never pair (a repository may hold many sites, or a
// broken and a fixed variant of the same pair). Its `pairs` pair endpoints explicitly, for NAT and
// DNS names where addresses do not correspond:
//   { "pairs": [ { "a": "linux/ifcfg-tun10#tun10", "b": "cisco/c897va-confg#Tunnel20" } ] }
// Paths are relative to the file; `#name` picks one endpoint of a file that defines several.
import type { Endpoint } from '../core/endpoint';
import { dirnameUri, resolveUri } from '../core/uri';
import type { FileSystem } from '../core/types';

export { PAIRING_FILE } from '../protocol/preview';
import { PAIRING_FILE } from '../protocol/preview';

export interface ExplicitPair {
  a: { uri: string; name?: string };
  b: { uri: string; name?: string };
}

export interface Scope {
  /** The folder holding tunnel-lens.json, or '' for the workspace at large. */
  root: string;
  pairs: ExplicitPair[];
}

function parseRef(dir: string, ref: unknown): { uri: string; name?: string } | undefined {
  if (typeof ref !== 'string' || ref.trim() === '') return undefined;
  const hash = ref.lastIndexOf('#');
  const path = hash < 0 ? ref : ref.slice(0, hash);
  const name = hash < 0 ? undefined : ref.slice(hash + 1) || undefined;
  return { uri: resolveUri(dir, path), name };
}

/** Reads one pairing file; malformed content gives a scope without explicit pairs. */
export function readPairingFile(dir: string, text: string): Scope {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { root: dir, pairs: [] };
  }
  const raw = (json && typeof json === 'object' && Array.isArray((json as { pairs?: unknown }).pairs) ? (json as { pairs: unknown[] }).pairs : []) as unknown[];
  const pairs: ExplicitPair[] = [];
  for (const p of raw) {
    const [ra, rb] = Array.isArray(p) ? p : [(p as { a?: unknown })?.a, (p as { b?: unknown })?.b];
    const a = parseRef(dir, ra);
    const b = parseRef(dir, rb);
    if (a && b) pairs.push({ a, b });
  }
  return { root: dir, pairs };
}

/** Finds the scope of each file by walking up to the nearest folder with a pairing file. */
export class ScopeFinder {
  private readonly byDir = new Map<string, Scope>();
  private static readonly GLOBAL: Scope = { root: '', pairs: [] };

  constructor(private readonly fs: FileSystem) {}

  scopeOf(uri: string): Scope {
    let dir = dirnameUri(uri);
    const visited: string[] = [];
    for (let depth = 0; depth < 64; depth++) {
      const known = this.byDir.get(dir);
      if (known) return this.remember(visited, known);
      visited.push(dir);
      const text = this.fs.readFile(resolveUri(dir, PAIRING_FILE));
      if (text !== undefined) return this.remember(visited, readPairingFile(dir, text));
      const parent = dirnameUri(dir);
      if (parent === dir) break;
      dir = parent;
    }
    return this.remember(visited, ScopeFinder.GLOBAL);
  }

  private remember(dirs: string[], scope: Scope): Scope {
    for (const d of dirs) this.byDir.set(d, scope);
    return scope;
  }
}

export function endpointMatches(e: Endpoint, ref: { uri: string; name?: string }): boolean {
  return e.uri === ref.uri && (ref.name === undefined || e.name === ref.name);
}
