// The disk-backed FileSystem for the server and the CLI. Reads only; nothing in a user's files is
// ever executed.
import * as fs from 'node:fs';
import { pathToUri, uriToPath } from '../core/uri';
import type { FileSystem } from '../core/types';

export const nodeFileSystem: FileSystem = {
  readFile(uri) {
    try {
      return fs.readFileSync(uriToPath(uri), 'utf8');
    } catch {
      return undefined;
    }
  },
  readDirectory(uri) {
    try {
      const dir = uriToPath(uri);
      return fs.readdirSync(dir).map((n) => pathToUri(`${dir.replace(/\/$/, '')}/${n}`));
    } catch {
      return undefined;
    }
  },
};

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

/**
 * Lists the files below a directory (depth-first, sorted, symlinks not followed so a loop cannot
 * hang us), up to `limit` files.
 */
export function listFilesRecursively(dir: string, limit = 50_000): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (out.length >= limit) return;
      const p = `${d.replace(/\/$/, '')}/${e.name}`;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(p);
      } else if (e.isFile()) {
        out.push(p);
      }
    }
  };
  walk(dir);
  return out;
}
