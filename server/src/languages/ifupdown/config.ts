// The configuration a file belongs to: ifupdown reads /etc/network/interfaces and, at each `source`
// or `source-directory` line, the files it names, in place (docs/reference/ifupdown.md §1, §5).
// Every file of the configuration is read through the FileSystem, never run; an absolute path is
// taken under the host tree's root (languages/shared/hostRoot.ts). Which tool reads it decides
// the rules: classic ifupdown expands patterns (wordexp) relative to the including file, skips
// what matches nothing, and filters source-directory names; ifupdown-ng 0.12.1 (and the Debian 12
// package) reads `source` literally and fails on a file it cannot open.
import picomatch from 'picomatch';
import type { Range } from 'vscode-languageserver-types';
import type { Valued } from '../../core/endpoint';
import type { FileSystem } from '../../core/types';
import { range } from '../../core/ranges';
import { basenameOfUri, dirnameUri, joinUri } from '../../core/uri';
import { defaulted, written } from '../../core/valued';
import { directiveIn } from '../../core/versions';
import { hostRootOf, resolveHostPath } from '../shared/hostRoot';
import { readInterfaces, type ReadFile, type Stanza } from './reader';

export const MAX_FILES = 128;
export const MAX_DEPTH = 10;
const GLOB = /[*?[]/;
/** source-directory reads only names of this form in classic ifupdown (interfaces(5)). */
const SOURCE_DIRECTORY_NAME = /^[a-zA-Z0-9_-]+$/;

export type Tool = 'ifupdown' | 'ifupdown-ng';

export interface Flavor {
  tool: Valued<Tool>;
  /** The version the directive names, when it names one. */
  version?: string;
}

export interface SourceResult {
  stanza: Stanza;
  /** The uri the pattern resolves to (with its pattern characters), when it resolves. */
  resolved?: string;
  targets: string[];
  problem?: { kind: 'no-match' | 'no-root' | 'glob-literal' | 'missing-literal' | 'cycle' | 'depth' | 'budget'; message: string };
}

export interface Config {
  /** The file the configuration starts from (/etc/network/interfaces, or the file itself). */
  rootUri: string;
  /** Every file read, in the order ifupdown reads them. */
  files: ReadFile[];
  /** Every stanza of the configuration, in reading order (sourced files in place). */
  stanzas: Stanza[];
  sources: SourceResult[];
  dependencies: string[];
  flavor: Flavor;
  /** The host's configuration root when it exists and does not read this file: ifupdown never reads it. */
  notReadBy?: string;
}

/** The files a resolved uri holding pattern characters matches, sorted; literal uris as they are. */
export function expandPattern(uri: string, fs: FileSystem): string[] {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(\/.*)$/i.exec(uri);
  if (!m) return [];
  const [, authority, path] = m;
  const segs = path.split('/').filter((s) => s !== '');
  if (!segs.some((s) => GLOB.test(decodeURIComponent(s)))) return fs.readFile(uri) !== undefined ? [uri] : [];
  let bases = [authority];
  for (const raw of segs) {
    const seg = decodeURIComponent(raw);
    const next: string[] = [];
    for (const b of bases) {
      if (!GLOB.test(seg)) {
        next.push(`${b}/${raw}`);
        continue;
      }
      // wordexp's globbing: `*`, `?`, `[…]`; a leading dot is not matched.
      const isMatch = picomatch(seg, { dot: false, nobrace: true, noextglob: true });
      for (const c of [...(fs.readDirectory(b === authority ? `${authority}/` : b) ?? [])].sort()) {
        const name = decodeURIComponent(c.slice(c.lastIndexOf('/') + 1));
        if (isMatch(name)) next.push(c.replace(/\/$/, ''));
      }
      if (next.length > MAX_FILES * 4) break;
    }
    bases = next;
  }
  return bases.filter((u) => fs.readFile(u) !== undefined).sort();
}

/** The tool that reads the configuration: a directive, else the host tree, else the spellings. */
function flavorOf(files: ReadFile[], root: string | undefined, fs: FileSystem): Flavor {
  for (const f of files) {
    const d = directiveIn(f.text, '#', 'ifupdown', 'ifupdown-ng');
    if (d) return { tool: written(d.product as Tool, f.uri, range(d.line, d.start, d.end), 'tunnel-lens directive'), version: d.version };
  }
  if (root && fs.readFile(joinUri(root, 'etc', 'network', 'ifupdown-ng.conf')) !== undefined) {
    return { tool: defaulted<Tool>('ifupdown-ng', 'the host tree has /etc/network/ifupdown-ng.conf (the ifupdown-ng package)') };
  }
  for (const f of files)
    for (const s of f.stanzas)
      for (const o of s.options)
        if (/^tunnel-/.test(o.name)) return { tool: defaulted<Tool>('ifupdown-ng', `the \`${o.name}\` option (ifupdown-ng's spelling) at line ${o.line + 1} of ${basenameOfUri(f.uri)}`, f.uri, o.nameRange) };
  return { tool: defaulted<Tool>('ifupdown', 'classic ifupdown (Debian\'s default; no ifupdown-ng.conf in the host tree, no ifupdown-ng spellings)') };
}

interface Loader {
  fs: FileSystem;
  textOf: (uri: string) => string | undefined;
  root: string | undefined;
  tool: Tool;
  cfg: Config;
  seen: Set<string>;
}

function readInto(l: Loader, uri: string, text: string, depth: number, stack: string[]): void {
  const file = readInterfaces(text, uri);
  l.cfg.files.push(file);
  for (const s of file.stanzas) {
    l.cfg.stanzas.push(s);
    if (s.kind === 'source' || s.kind === 'source-directory') follow(l, file, s, depth, stack);
  }
}

function follow(l: Loader, file: ReadFile, s: Stanza, depth: number, stack: string[]): void {
  const res: SourceResult = { stanza: s, targets: [] };
  l.cfg.sources.push(res);
  const written = s.rest.text;
  if (written === '') return;
  const ng = l.tool === 'ifupdown-ng';
  const base = dirnameUri(file.uri);
  // wordexp splits the pattern into words (classic); ifupdown-ng takes the text as one path.
  const words = ng ? [written] : written.split(/\s+/).filter(Boolean);
  const targets: string[] = [];
  for (const w of words) {
    const resolved = resolveHostPath(w, base, l.root);
    if (!resolved) {
      res.problem = { kind: 'no-root', message: `\`${s.keyword.text} ${w}\` is not followed: this file lies in no host tree (no ancestor folder holds an etc/ folder), so Tunnel Lens cannot tell where ${w} is.` };
      continue;
    }
    res.resolved ??= resolved;
    if (!l.cfg.dependencies.includes(resolved)) l.cfg.dependencies.push(resolved);
    if (s.kind === 'source') {
      if (ng && GLOB.test(w)) {
        res.problem = { kind: 'glob-literal', message: `ifupdown-ng 0.12.1 (and the Debian 12 package, 0.11.4) reads \`source\` literally: no file is named "${w}", so the whole configuration fails to parse ("could not parse"). Only ifupdown-ng after 0.12.1 expands patterns; list the files, or use source-directory.` };
        continue;
      }
      const found = expandPattern(resolved, l.fs);
      if (found.length === 0 && !GLOB.test(w)) {
        res.problem = ng
          ? { kind: 'missing-literal', message: `ifupdown-ng cannot open ${w}: the whole configuration fails to parse.` }
          : { kind: 'missing-literal', message: `\`source ${w}\` names no file; ifupdown skips it silently.` };
      }
      targets.push(...found);
    } else {
      const entries = [...(l.fs.readDirectory(resolved) ?? [])].sort();
      for (const e of entries) {
        const name = decodeURIComponent(e.slice(e.lastIndexOf('/') + 1));
        // classic: only [a-zA-Z0-9_-]+ names (so tun10.cfg and tun10~ are ignored); ifupdown-ng: every file.
        if (!ng && !SOURCE_DIRECTORY_NAME.test(name)) continue;
        if (l.fs.readFile(e) !== undefined) targets.push(e);
      }
    }
  }
  for (const t of targets) {
    if (!l.cfg.dependencies.includes(t)) l.cfg.dependencies.push(t);
    if (stack.includes(t)) {
      res.problem = { kind: 'cycle', message: `${s.keyword.text} comes back to ${basenameOfUri(t)}: ${[...stack, t].map(basenameOfUri).join(' → ')}${ng ? ' (ifupdown-ng skips an already included file)' : ' (classic ifupdown would read it again and again)'}.` };
      continue;
    }
    if (l.seen.has(t) && ng) continue;
    if (depth + 1 > MAX_DEPTH) {
      res.problem = { kind: 'depth', message: `sourced files nest deeper than ${MAX_DEPTH} levels; ${basenameOfUri(t)} is not read by Tunnel Lens.` };
      continue;
    }
    if (l.cfg.files.length >= MAX_FILES) {
      res.problem = { kind: 'budget', message: `more than ${MAX_FILES} files are sourced; Tunnel Lens reads no more of them.` };
      break;
    }
    const text = l.textOf(t);
    if (text === undefined) continue;
    res.targets.push(t);
    l.seen.add(t);
    readInto(l, t, text, depth + 1, [...stack, t]);
  }
}

/** Reads the configuration that starts at `rootUri`. */
function loadFrom(rootUri: string, rootText: string, fs: FileSystem, textOf: (uri: string) => string | undefined, hostRoot: string | undefined): Config {
  const first = readInterfaces(rootText, rootUri);
  // The tool is decided on the root file and what it sources by name; a second pass reads with its rules.
  const probe: Config = { rootUri, files: [], stanzas: [], sources: [], dependencies: [], flavor: { tool: defaulted<Tool>('ifupdown', '') } };
  const pl: Loader = { fs, textOf, root: hostRoot, tool: 'ifupdown', cfg: probe, seen: new Set([rootUri]) };
  readInto(pl, rootUri, rootText, 0, [rootUri]);
  const flavor = flavorOf(probe.files.length ? probe.files : [first], hostRoot, fs);
  if (flavor.tool.value === 'ifupdown') return { ...probe, flavor };
  const cfg: Config = { rootUri, files: [], stanzas: [], sources: [], dependencies: [], flavor };
  readInto({ fs, textOf, root: hostRoot, tool: flavor.tool.value, cfg, seen: new Set([rootUri]) }, rootUri, rootText, 0, [rootUri]);
  return cfg;
}

/**
 * The configuration `uri` is part of: the host's /etc/network/interfaces (or the `interfaces` file
 * of its folder or the folder above) when that one reads it, else the file on its own.
 */
export function loadConfig(uri: string, text: string, fs: FileSystem): Config {
  const hostRoot = hostRootOf(uri, fs);
  const textOf = (u: string) => (u === uri ? text : fs.readFile(u));
  if (basenameOfUri(uri) !== 'interfaces') {
    const dir = dirnameUri(uri);
    const candidates = [joinUri(dir, 'interfaces'), joinUri(dirnameUri(dir), 'interfaces')];
    if (hostRoot) candidates.push(joinUri(hostRoot, 'etc', 'network', 'interfaces'));
    let notReadBy: string | undefined;
    for (const c of [...new Set(candidates)]) {
      if (c === uri) continue;
      const t = fs.readFile(c);
      if (t === undefined) continue;
      const cfg = loadFrom(c, t, fs, textOf, hostRoot);
      if (cfg.files.some((f) => f.uri === uri)) {
        if (!cfg.dependencies.includes(c)) cfg.dependencies.unshift(c);
        return cfg;
      }
      // The host's own /etc/network/interfaces decides what is read; a file it does not read is not configured.
      if (hostRoot && c === joinUri(hostRoot, 'etc', 'network', 'interfaces') && /\/network\/interfaces\.d\/[^/]+$/.test(uri)) notReadBy = c;
    }
    const own = loadFrom(uri, text, fs, textOf, hostRoot);
    if (notReadBy) {
      own.notReadBy = notReadBy;
      own.dependencies.unshift(notReadBy);
    }
    return own;
  }
  return loadFrom(uri, text, fs, textOf, hostRoot);
}

/** The range a stanza's source pattern is written at (for findings). */
export function patternRange(s: Stanza): Range {
  return s.rest.text ? s.rest.range : s.keyword.range;
}
