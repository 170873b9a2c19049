// The files systemd-networkd reads together (docs/reference/networkd-network.md §1-2): the kind of a
// file by its path (.netdev, .network, or a .conf drop-in of either), the network directories of
// its host tree, the drop-ins of a main file merged in name order with /etc before /run before
// /lib, and the first .network whose [Match] Name= matches a device. Read through the FileSystem.
import picomatch from 'picomatch';
import type { FileSystem } from '../../core/types';
import { basenameOfUri, dirnameUri, joinUri } from '../../core/uri';
import { hostRootOf } from '../shared/hostRoot';
import { parseIni, type IniEntry, type IniFile } from '../shared/ini';

export type NetworkdFileKind = 'netdev' | 'network' | 'netdev-dropin' | 'network-dropin';

/** What a path holds; undefined when networkd reads no such file. */
export function networkdKindOf(path: string): NetworkdFileKind | undefined {
  if (/\.netdev\.d\/[^/]+\.conf$/.test(path)) return 'netdev-dropin';
  if (/\.network\.d\/[^/]+\.conf$/.test(path)) return 'network-dropin';
  if (/\.netdev$/.test(path)) return 'netdev';
  if (/\.network$/.test(path)) return 'network';
  return undefined;
}

/** The main file a drop-in belongs to, by name (`10-x.netdev` for `10-x.netdev.d/50-y.conf`). */
export function mainNameOfDropin(uri: string): string {
  return basenameOfUri(dirnameUri(uri)).replace(/\.d$/, '');
}

/** systemd reads `;` and `#` comments and continues a line ending in a backslash. */
export const readNetworkdIni = (text: string): IniFile => parseIni(text, { semicolonComments: true, continuation: true });

/** The network directories, in precedence order (/etc first), of the host tree of `uri`, and its own folder. */
export function networkDirs(uri: string, fs: FileSystem): string[] {
  const own = dirnameUri(/\.d$/.test(dirnameUri(uri)) ? dirnameUri(uri) : uri);
  const root = hostRootOf(uri, fs);
  const dirs = root ? ['etc/systemd/network', 'run/systemd/network', 'lib/systemd/network', 'usr/local/lib/systemd/network', 'usr/lib/systemd/network'].map((d) => joinUri(root, ...d.split('/'))) : [];
  return [...new Set([...dirs, own])];
}

export interface ReadIni {
  uri: string;
  ini: IniFile;
}

/** A file as the dialect reads it, from the text at hand for `self` and the FileSystem for the others. */
export type TextOf = (uri: string) => string | undefined;

/**
 * The drop-ins of the main file named `name` (`x.netdev`): every `.conf` of `name.d/` in every
 * network directory, merged in name order; of two drop-ins of one name the one in the earlier
 * (higher) directory wins.
 */
export function dropinsOf(name: string, dirs: string[], fs: FileSystem, textOf: TextOf): ReadIni[] {
  const byName = new Map<string, string>();
  for (const d of dirs) {
    for (const u of fs.readDirectory(joinUri(d, `${name}.d`)) ?? []) {
      const n = basenameOfUri(u);
      if (n.endsWith('.conf') && !byName.has(n)) byName.set(n, u);
    }
  }
  const out: ReadIni[] = [];
  for (const n of [...byName.keys()].sort()) {
    const u = byName.get(n)!;
    const text = textOf(u);
    if (text !== undefined && text.trim() !== '') out.push({ uri: u, ini: tagged(readNetworkdIni(text), u) });
  }
  return out;
}

/** Marks every entry with the file it is written in, so values and problems point there. */
export function tagged(ini: IniFile, uri: string): IniFile {
  for (const s of ini.sections) for (const e of s.entries) (e as IniEntry & { uri?: string }).uri = uri;
  return ini;
}

/** A main file with its drop-ins after it: the later sections win where the same key is set. */
export function merged(main: ReadIni, dropins: ReadIni[]): IniFile {
  return { sections: [...main.ini.sections, ...dropins.flatMap((d) => d.ini.sections)], errors: main.ini.errors };
}

/** Every main file of `ext` across the directories: same names replaced by the earlier directory's, sorted by name; empty ones masked. */
export function mainFiles(ext: '.network' | '.netdev', dirs: string[], fs: FileSystem, textOf: TextOf): ReadIni[] {
  const byName = new Map<string, string>();
  for (const d of dirs) for (const u of fs.readDirectory(d) ?? []) {
    const n = basenameOfUri(u);
    if (n.endsWith(ext) && !byName.has(n)) byName.set(n, u);
  }
  const out: ReadIni[] = [];
  for (const n of [...byName.keys()].sort()) {
    const text = textOf(byName.get(n)!);
    if (text !== undefined && text !== '') out.push({ uri: byName.get(n)!, ini: tagged(readNetworkdIni(text), byName.get(n)!) });
  }
  return out;
}

/** True when a [Match] Name= list matches the device name (shell globs, `!` inverts). */
export function nameMatches(value: string, device: string): boolean {
  let v = value.trim();
  const invert = v.startsWith('!');
  if (invert) v = v.slice(1);
  const hit = v.split(/\s+/).filter(Boolean).some((g) => picomatch(g, { dot: true, nobrace: true })(device));
  return invert ? !hit : hit;
}

/** A .network's [Match] Name= values (every one must match), or undefined when it has no Name=. */
export function matchNames(ini: IniFile): IniEntry[] {
  return ini.sections.filter((s) => s.name === 'Match').flatMap((s) => s.entries.filter((e) => e.key === 'Name'));
}

/** The .network that applies to `device`: the first by name whose [Match] Name= matches (with its drop-ins). */
export function networkFor(device: string, dirs: string[], fs: FileSystem, textOf: TextOf): { main: ReadIni; ini: IniFile; dropins: ReadIni[] } | undefined {
  for (const f of mainFiles('.network', dirs, fs, textOf)) {
    const names = matchNames(f.ini);
    // No Name=: a [Match] with other keys (MACAddress=, …) is not decided here; an empty one matches every link.
    const otherMatch = f.ini.sections.some((s) => s.name === 'Match' && s.entries.length > 0);
    if (names.length === 0 ? otherMatch : !names.every((n) => nameMatches(n.value, device))) continue;
    const dropins = dropinsOf(basenameOfUri(f.uri), dirs, fs, textOf);
    return { main: f, ini: merged(f, dropins), dropins };
  }
  return undefined;
}

/** The file an entry is written in (a drop-in's, once tagged), else `fallback`. */
export function entryUri(e: IniEntry, fallback: string): string {
  return (e as IniEntry & { uri?: string }).uri ?? fallback;
}
