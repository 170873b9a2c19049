// File uris for the service. Everything inside the service is a uri; the CLI and the server
// convert at the edges.
import { URI, Utils } from 'vscode-uri';

export function pathToUri(path: string): string {
  return URI.file(path).toString();
}

export function uriToPath(uri: string): string {
  return URI.parse(uri).fsPath;
}

export function dirnameUri(uri: string): string {
  return Utils.dirname(URI.parse(uri)).toString();
}

/** A lone surrogate cannot be percent-encoded (encodeURIComponent throws "URI malformed"): it is
 *  U+FFFD, as the file system would take it. */
function wellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

export function joinUri(base: string, ...segments: string[]): string {
  return Utils.joinPath(URI.parse(base), ...segments.map(wellFormed)).toString();
}

export function basenameOfUri(uri: string): string {
  return Utils.basename(URI.parse(uri));
}

/** Resolves a path written in a file (absolute, or relative to `baseDirUri`) to a uri. */
export function resolveUri(baseDirUri: string, written: string): string {
  const w = wellFormed(written);
  if (w.startsWith('/')) return URI.file(w).toString();
  return Utils.resolvePath(URI.parse(baseDirUri), w).toString();
}

/** The relative path from a folder uri to a file uri (`../cisco/r1-confg`), with / separators. */
export function relativeUri(fromDirUri: string, toUri: string): string {
  const a = fromDirUri.replace(/\/+$/, '').split('/');
  const b = toUri.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...Array(a.length - i).fill('..'), ...b.slice(i)].map((s) => decodeURIComponent(s)).join('/');
}

/** The deepest folder uri that holds every one of the files. */
export function commonDirUri(uris: string[]): string {
  const parts = uris.map((u) => dirnameUri(u).split('/'));
  const out: string[] = [];
  for (let i = 0; parts.every((p) => i < p.length && p[i] === parts[0][i]); i++) out.push(parts[0][i]);
  return out.join('/');
}
