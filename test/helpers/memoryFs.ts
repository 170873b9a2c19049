// The one in-memory FileSystem of the tests: a map of file uris (or absolute paths) to text.
// Folders exist implicitly, as the parents of files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FileSystem } from '../../server/src/core/types';
import { pathToUri } from '../../server/src/core/uri';

export type Files = Map<string, string>;

/** Accepts uris or absolute paths as keys; stores uris. */
export function filesOf(entries: Record<string, string> | Iterable<[string, string]>): Files {
  const out: Files = new Map();
  const it = Symbol.iterator in Object(entries) ? (entries as Iterable<[string, string]>) : Object.entries(entries as Record<string, string>);
  for (const [k, v] of it) out.set(k.includes('://') ? k : pathToUri(k), v);
  return out;
}

/** Every file below dir, read from disk into memory (keys are file uris). */
export function readFolder(dir: string): Files {
  const files: Files = new Map();
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(pathToUri(resolve(p)), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

export function memoryFs(files: Files = new Map()): FileSystem {
  return {
    readFile: (uri) => files.get(uri),
    readDirectory: (uri) => {
      const prefix = uri.endsWith('/') ? uri : `${uri}/`;
      const out = new Set<string>();
      for (const k of files.keys()) {
        if (!k.startsWith(prefix)) continue;
        out.add(prefix + k.slice(prefix.length).split('/')[0]);
      }
      return out.size ? [...out].sort() : undefined;
    },
  };
}

/** A file system with nothing on it. */
export const EMPTY_FS: FileSystem = memoryFs();
