// A workspace holds copies of whole hosts (`host1/etc/network/interfaces`): an absolute path
// written in a config (`source /etc/network/interfaces.d/*`, `/etc/systemd/network/…`) means the
// same path under that host's root, the nearest ancestor folder of the file that holds an `etc/`
// folder (issue 13; docs/reference/stock-layouts.md). Read through the FileSystem only; the
// file-system root itself is never taken for a host's root (that would be this machine's /etc).
import type { FileSystem } from '../../core/types';
import { dirnameUri, joinUri, resolveUri } from '../../core/uri';

const MAX_LEVELS = 16;

/** The root of the host tree `uri` lies in, or undefined when no ancestor below `/` holds `etc/`. */
export function hostRootOf(uri: string, fs: FileSystem): string | undefined {
  let dir = dirnameUri(uri);
  for (let i = 0; i < MAX_LEVELS; i++) {
    const parent = dirnameUri(dir);
    if (parent === dir) return undefined;
    if (fs.readDirectory(joinUri(dir, 'etc')) !== undefined) return dir;
    dir = parent;
  }
  return undefined;
}

/**
 * A path as written, resolved: relative to `baseDirUri`, or absolute under the host root. Undefined
 * for an absolute path when the file lies in no host tree.
 */
export function resolveHostPath(written: string, baseDirUri: string, root: string | undefined): string | undefined {
  if (!written.startsWith('/')) return resolveUri(baseDirUri, written);
  if (!root) return undefined;
  // `..` stops at the host's `/`, as it does at the real one.
  const segs: string[] = [];
  for (const s of written.split('/')) {
    if (s === '..') segs.pop();
    else if (s !== '' && s !== '.') segs.push(s);
  }
  return segs.length ? joinUri(root, ...segs) : root;
}
