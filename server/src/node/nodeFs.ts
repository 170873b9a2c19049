// The disk-backed FileSystem for the server and the CLI: the one place that reads the disk. It
// reads only; nothing in a user's files is ever executed. A file is checked before it is read: only
// a regular file (never a FIFO, which would block forever, or a device such as /dev/zero, which
// never ends), within the size limit by stat (a 1 GB file is never read into memory), and, when
// workspace roots are given, only inside them (a symlink or an include cannot make us read, and so
// perhaps show, /etc/shadow). The read itself is bounded too: /proc files claim size 0 and a file
// can grow between stat and read.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToUri, uriToPath } from '../core/uri';
import type { FileSystem, Unread } from '../core/types';

export interface NodeFileSystemOptions {
  /** The largest file read, in bytes (tunnelLens.maxFileSize). */
  maxBytes: () => number;
  /** Folders outside which nothing is read (workspace folders, the CLI's PATHs); none: anywhere. */
  roots?: () => readonly string[];
}

const DEFAULT_MAX = 20 * 1024 * 1024;

function kindOf(st: fs.Stats): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function realpathOrSelf(p: string): string {
  try {
    // realpath(3) in one call; the JavaScript realpathSync lstat()s every component of the path.
    return fs.realpathSync.native(p);
  } catch {
    return p;
  }
}

function inside(file: string, roots: readonly string[]): boolean {
  return roots.some((r) => {
    const rel = path.relative(r, file);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  });
}

/** Reads at most max + 1 bytes: enough to tell a file over the limit without reading all of it. */
function readBounded(file: string, max: number, statSize: number): { text?: string; tooLarge?: number } {
  // O_NONBLOCK: should a FIFO take the file's place between stat and open, open does not block.
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw Object.assign(new Error(kindOf(st)), { code: 'ENOTREG' });
    const chunks: Buffer[] = [];
    let total = 0;
    // Sized by stat (a config is small): one read fills it; a file that grew or says size 0
    // (/proc) takes further reads in 64 KB steps, never past the limit.
    const buf = Buffer.allocUnsafe(Math.min(max + 1, Math.max(statSize + 1, 65536)));
    for (;;) {
      const n = fs.readSync(fd, buf, 0, Math.min(buf.length, max + 1 - total), null);
      if (n === 0) break;
      chunks.push(Buffer.from(buf.subarray(0, n)));
      total += n;
      if (total > max) return { tooLarge: total };
    }
    let text = Buffer.concat(chunks, total).toString('utf8');
    // A UTF-8 byte order mark is not part of the text an editor shows, nor of the config.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } finally {
    fs.closeSync(fd);
  }
}

export function createNodeFileSystem(options: NodeFileSystemOptions): FileSystem {
  const why = new Map<string, Unread>();
  // A root's real path, resolved once per root (not twice per file read: 20,000 realpath calls for
  // a 10,000-file workspace).
  const realRoots = new Map<string, string>();
  const rootReal = (r: string): string => {
    let real = realRoots.get(r);
    if (real === undefined) realRoots.set(r, (real = realpathOrSelf(r)));
    return real;
  };
  const fail = (uri: string, u: Unread): undefined => {
    why.set(uri, u);
    return undefined;
  };
  return {
    readFile(uri) {
      why.delete(uri);
      let file: string;
      try {
        file = uriToPath(uri);
      } catch {
        return fail(uri, { reason: 'missing' });
      }
      let st: fs.Stats | undefined;
      try {
        // A missing file is the common answer (a folder without tunnel-lens.json): no exception for it.
        st = fs.statSync(file, { throwIfNoEntry: false });
        if (!st) return fail(uri, { reason: 'missing' });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        return fail(uri, code === 'EACCES' || code === 'ELOOP' ? { reason: 'unreadable', what: code === 'ELOOP' ? 'a symlink loop' : 'permission denied' } : { reason: 'missing' });
      }
      if (st.isDirectory()) return fail(uri, { reason: 'directory' });
      if (!st.isFile()) return fail(uri, { reason: 'not-regular', what: kindOf(st) });
      const max = options.maxBytes();
      if (st.size > max) return fail(uri, { reason: 'too-large', size: st.size });
      const roots = options.roots?.() ?? [];
      if (roots.length && !inside(realpathOrSelf(file), roots.map(rootReal))) return fail(uri, { reason: 'outside-workspace' });
      try {
        const r = readBounded(file, max, st.size);
        if (r.tooLarge !== undefined) return fail(uri, { reason: 'too-large', size: r.tooLarge });
        return r.text;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOTREG') return fail(uri, { reason: 'not-regular', what: (e as Error).message });
        return fail(uri, { reason: 'unreadable', what: code === 'EACCES' ? 'permission denied' : (code ?? 'read error') });
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
    unreadReason: (uri) => why.get(uri),
  };
}

/** A disk FileSystem with the default size limit and no workspace roots (benchmarks, tools). */
export const nodeFileSystem: FileSystem = createNodeFileSystem({ maxBytes: () => DEFAULT_MAX });

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

/**
 * Lists what lies below a directory, depth-first and sorted, up to `limit` entries: files, and also
 * symlinks, FIFOs, sockets and devices (the reader decides, and says, what it does not read).
 * Directory symlinks are not followed, so a loop cannot hang us.
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
      } else if (e.isSymbolicLink()) {
        let target: fs.Stats | undefined;
        try {
          target = fs.statSync(p);
        } catch {
          // A dangling link or a loop: listed, so the reader can say it could not read it.
        }
        if (!target?.isDirectory()) out.push(p);
      } else {
        out.push(p);
      }
    }
  };
  walk(dir);
  return out;
}
