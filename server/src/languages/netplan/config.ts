// The netplan configuration a file belongs to (docs/reference/netplan.md §4): every *.yaml of
// /lib/netplan, /etc/netplan and /run/netplan of the host tree, read in lexical order of their
// names, a same-name file of /run shadowing /etc's, which shadows /lib's; later files override
// earlier ones. Read through the FileSystem; a file outside a host tree is read with the other
// .yaml files of its folder.
import type { FileSystem } from '../../core/types';
import { basenameOfUri, dirnameUri, joinUri } from '../../core/uri';
import { hostRootOf } from '../shared/hostRoot';
import { readYaml, type YamlFile } from './reader';

/** The netplan directories of a host, lowest precedence first. */
const DIRS = ['lib/netplan', 'etc/netplan', 'run/netplan'];

export interface NetplanConfig {
  /** The files netplan reads, in its order. */
  files: YamlFile[];
  /** This file, as read. */
  self: YamlFile;
  /** The same-name file that shadows this one, when there is one. */
  shadowedBy?: string;
  root?: string;
  dependencies: string[];
}

export function loadNetplan(uri: string, text: string, fs: FileSystem): NetplanConfig {
  const root = hostRootOf(uri, fs);
  const dirs = root ? DIRS.map((d) => joinUri(root, ...d.split('/'))) : [];
  const own = dirnameUri(uri);
  if (!dirs.includes(own)) dirs.push(own);
  const byName = new Map<string, string>();
  for (const d of dirs) for (const u of fs.readDirectory(d) ?? []) if (u.endsWith('.yaml')) byName.set(basenameOfUri(u), u);
  const name = basenameOfUri(uri);
  const winner = byName.get(name);
  const self = readYaml(text, uri);
  const files: YamlFile[] = [];
  const deps: string[] = [];
  for (const n of [...byName.keys()].sort()) {
    const u = byName.get(n)!;
    if (u === uri) {
      files.push(self);
      continue;
    }
    const t = fs.readFile(u);
    if (t === undefined) continue;
    deps.push(u);
    files.push(readYaml(t, u));
  }
  if (!byName.has(name)) files.push(self);
  return { files, self, shadowedBy: winner && winner !== uri ? winner : undefined, root, dependencies: deps };
}
