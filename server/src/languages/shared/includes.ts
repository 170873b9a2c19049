// `include` of ipsec.conf and ipsec.secrets, as one expansion per parse: where a written path
// points, which files a wildcard matches (glob(3) as Libreswan's and strongSwan's readers call
// it: `*`, `?` and `[…]` in any segment, no braces), and the reads themselves, each file read
// once per expansion and all of them within a budget of files and bytes, so a fan-out of files
// that include each other (`include *.conf` in each) costs one read of each file
// (docs/reference/stock-layouts.md §6). Everything goes through the FileSystem of the parse.
//
// An absolute include names the host's own files (`include /etc/ipsec.d/*.conf`). A workspace
// holds a copy of a host's tree, so the path is resolved against that copy: the nearest folder
// above the including file that holds an `etc/` folder is the host's root (hostRoot.ts; never the
// file system's own root, which is this machine's). Without one, an absolute include has no copy
// to resolve against and is not followed.
import picomatch from 'picomatch';
import type { FileSystem } from '../../core/types';
import { dirnameUri, resolveUri } from '../../core/uri';
import { hostRootOf, resolveHostPath } from './hostRoot';

/** What one expansion may read: the files after the including one, and their bytes together. */
export const INCLUDE_BUDGET = { files: 256, bytes: 16 * 1024 * 1024 } as const;
export type IncludeBudget = { readonly files: number; readonly bytes: number };

/** The wildcard characters of glob(3). */
const WILDCARD = /[*?[]/;

export function hasWildcard(pattern: string): boolean {
  return WILDCARD.test(pattern);
}

/** Where an include written in a file points. */
export type IncludeTarget =
  /** The uri it names (a pattern when `wildcard`). */
  | { kind: 'path'; uri: string; wildcard: boolean }
  /** Absolute, and no folder above the including file holds a copy of the host's etc/. */
  | { kind: 'unrooted' };

/** What reading a matched file gave. */
export type IncludeRead =
  | { text: string }
  /** Not read: gone, not a regular file, no permission, too large; outside the workspace; past the budget. */
  | { problem: 'unreadable' | 'outside' | 'budget' };

export class IncludeExpansion {
  private readonly texts = new Map<string, IncludeRead>();
  private readonly dirs = new Map<string, string[] | undefined>();
  private readonly roots = new Map<string, string | undefined>();
  private files = 0;
  private bytes = 0;
  private readonly done = new Set<string>();
  /** Set once a read was refused for the budget. */
  budgetReached = false;

  constructor(
    private readonly fs: FileSystem,
    readonly budget: IncludeBudget = INCLUDE_BUDGET,
  ) {}

  /** Whether a file's includes were followed already in this expansion (each file is expanded once). */
  isExpanded(uri: string): boolean {
    return this.done.has(uri);
  }

  expanded(uri: string): void {
    this.done.add(uri);
  }

  /** Marks a file as read already (the including file itself): it is never read again. */
  seed(uri: string, text: string): void {
    this.texts.set(uri, { text });
  }

  private list(dirUri: string): string[] | undefined {
    if (!this.dirs.has(dirUri)) this.dirs.set(dirUri, this.fs.readDirectory(dirUri));
    return this.dirs.get(dirUri);
  }

  /** The folder uri standing for the host's root, for an absolute include written in `fileUri` (hostRoot.ts). */
  rootOf(fileUri: string): string | undefined {
    const dir = dirnameUri(fileUri);
    if (!this.roots.has(dir)) this.roots.set(dir, hostRootOf(fileUri, { readFile: () => undefined, readDirectory: (u) => this.list(u) }));
    return this.roots.get(dir);
  }

  /** Where `written`, an include in `fromUri`, points. */
  target(fromUri: string, written: string): IncludeTarget {
    const uri = written.startsWith('/') ? resolveHostPath(written, dirnameUri(fromUri), this.rootOf(fromUri)) : resolveUri(dirnameUri(fromUri), written);
    if (uri === undefined) return { kind: 'unrooted' };
    return { kind: 'path', uri, wildcard: hasWildcard(written) };
  }

  /**
   * The files a target names, sorted: a literal path when it exists (readable or not: the reader
   * says why it could not read it), the files a pattern matches (folders left out).
   */
  matches(t: { uri: string; wildcard: boolean }): string[] {
    if (!t.wildcard) return this.exists(t.uri) ? [t.uri] : [];
    const m = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(\/.*)$/i.exec(t.uri);
    if (!m) return [];
    const [, authority, path] = m;
    const segs = path.split('/').filter((s) => s !== '');
    let bases = [authority];
    for (const raw of segs) {
      const seg = decode(raw);
      const next: string[] = [];
      for (const b of bases) {
        if (!hasWildcard(seg)) {
          next.push(`${b}/${raw}`);
          continue;
        }
        const isMatch = matcher(seg);
        for (const c of [...(this.list(b === authority ? `${authority}/` : b) ?? [])].sort()) {
          if (isMatch(decode(c.slice(c.lastIndexOf('/') + 1)))) next.push(c.replace(/\/$/, ''));
        }
      }
      bases = next;
    }
    return bases.filter((u) => this.list(u) === undefined && this.exists(u)).sort();
  }

  private exists(uri: string): boolean {
    const r = this.read(uri);
    if ('text' in r) return true;
    if (r.problem === 'budget') return true;
    const why = this.fs.unreadReason?.(uri)?.reason;
    return why !== undefined && why !== 'missing' && why !== 'directory';
  }

  /** The text of a matched file, read at most once per expansion and within the budget. */
  read(uri: string): IncludeRead {
    const known = this.texts.get(uri);
    if (known) return known;
    if (this.files >= this.budget.files || this.bytes >= this.budget.bytes) {
      this.budgetReached = true;
      return { problem: 'budget' };
    }
    this.files++;
    const text = this.fs.readFile(uri);
    let r: IncludeRead;
    if (text === undefined) r = { problem: this.fs.unreadReason?.(uri)?.reason === 'outside-workspace' ? 'outside' : 'unreadable' };
    else {
      this.bytes += text.length;
      if (this.bytes > this.budget.bytes) {
        this.budgetReached = true;
        r = { problem: 'budget' };
      } else r = { text };
    }
    this.texts.set(uri, r);
    return r;
  }
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A glob(3) segment matcher; a pattern glob cannot compile (a malformed class) matches itself only. */
function matcher(seg: string): (name: string) => boolean {
  try {
    const m = picomatch(seg, { dot: false, nobrace: true, noextglob: true });
    return (name) => m(name) || name === seg;
  } catch {
    return (name) => name === seg;
  }
}

/** The path of a uri for messages. */
export function shortUri(uri: string): string {
  return decode(uri.replace(/^file:\/\//, ''));
}
