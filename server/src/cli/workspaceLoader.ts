// Loads the PATHs of a CLI call into a language service: files as given, folders searched
// recursively for files a dialect claims. Remembers how each file was named, so output shows
// paths as the user gave them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LanguageService } from '../service/languageService';
import { createNodeFileSystem, listFilesRecursively } from '../node/nodeFs';
import { pathToUri } from '../core/uri';
import { DEFAULT_SETTINGS, type Settings, type Unread } from '../core/types';
import { CliError, lastFlag, pathMtuFlag, type ParsedArgs } from './common';
import { setWorkspaceSecrets } from './output';
import { compareVersions, KNOWN_VERSIONS, type Product } from '../core/versions';

export interface LoadedWorkspace {
  service: LanguageService;
  /** uri → the path to print. */
  display: Map<string, string>;
  uris: string[];
}

export const VERSION_FLAGS = ['libreswan', 'strongswan', 'ios', 'networkmanager', 'path-mtu'] as const;

/**
 * The settings of a command's flags. A version flag is checked against the product it names: a
 * word is a usage error with that product's example; a number outside the releases Tunnel Lens
 * knows is read with the nearest known one's rules, and `warn` says so.
 */
export function settingsFromFlags(p: ParsedArgs, warn: (line: string) => void = () => undefined): Settings {
  const pathMtu = pathMtuFlag(p) ?? DEFAULT_SETTINGS.pathMtu;
  for (const f of Object.keys(KNOWN_VERSIONS) as Product[]) {
    const v = lastFlag(p, f);
    if (v === undefined) continue;
    const k = KNOWN_VERSIONS[f];
    if (!/^\d+(\.\d+)*(\(\w+\)\w*)?$/.test(v)) throw new CliError(`--${f} takes a ${k.name} version such as ${k.example} (known: ${k.oldest} to ${k.newest}), not '${v}'`);
    if (compareVersions(v, k.oldest) < 0 || compareVersions(v, k.newest) > 0) {
      warn(`tunnel-lens: --${f} ${v} is not a ${k.name} release Tunnel Lens knows (${k.oldest} to ${k.newest}): the rules of ${compareVersions(v, k.oldest) < 0 ? k.oldest : k.newest} apply`);
    }
  }
  return {
    ...DEFAULT_SETTINGS,
    pathMtu,
    versions: {
      libreswan: lastFlag(p, 'libreswan'),
      strongswan: lastFlag(p, 'strongswan'),
      ios: lastFlag(p, 'ios'),
      networkManager: lastFlag(p, 'networkmanager'),
    },
  };
}

const UNREAD_LINE: Record<Unread['reason'], string> = {
  missing: 'no such file or folder',
  directory: 'is a folder',
  'not-regular': 'not a regular file; not read',
  'too-large': 'over the size limit (--max-file-size / tunnelLens.maxFileSize); not read',
  unreadable: 'cannot be read',
  'outside-workspace': 'outside the workspace; not read',
};

export function loadWorkspace(paths: string[], settings: Settings, log?: (line: string) => void, maxFiles = 50_000): LoadedWorkspace {
  if (paths.length === 0) throw new CliError('no PATH given (a file or a folder)');
  // Nothing outside the PATHs is read: a file's folder for a file, the folder itself for a folder.
  const roots: string[] = [];
  const stats = paths.map((given) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch {
      throw new CliError(`${given}: no such file or folder`);
    }
    roots.push(path.resolve(stat.isDirectory() ? given : path.dirname(given)));
    return stat;
  });
  const disk = createNodeFileSystem({ maxBytes: () => settings.maxFileSize, roots: () => roots });
  const service = new LanguageService({ fs: disk, settings: () => settings, log });
  const display = new Map<string, string>();
  paths.forEach((given, i) => {
    if (stats[i].isDirectory()) {
      for (const file of listFilesRecursively(given, maxFiles)) {
        const uri = pathToUri(path.resolve(file));
        if (service.workspace.refreshFromDisk(uri)) display.set(uri, file);
      }
      return;
    }
    const uri = pathToUri(path.resolve(given));
    if (!service.workspace.refreshFromDisk(uri) || disk.unreadReason?.(uri)) {
      const why = disk.unreadReason?.(uri);
      if (why) throw new CliError(`${given}: ${why.reason === 'not-regular' && why.what ? `${why.what}, not a regular file; not read` : UNREAD_LINE[why.reason]}${why.reason === 'unreadable' && why.what ? ` (${why.what})` : ''}`);
      throw new CliError(`${given}: not a file Tunnel Lens reads (ipsec.conf, ipsec.secrets, IOS config, ifcfg-*, shell script, .netdev, .nmconnection)`);
    }
    display.set(uri, given);
  });
  // The output edge masks every secret the workspace holds (cli/output.ts).
  setWorkspaceSecrets(service.workspace.secretValues());
  return { service, display, uris: [...display.keys()] };
}

/** The path to print for a uri: as given when we loaded it, else relative to the cwd. */
export function displayPath(ws: LoadedWorkspace, uri: string): string {
  const known = ws.display.get(uri);
  if (known) return known;
  const abs = decodeURIComponent(uri.replace(/^file:\/\//, ''));
  const rel = path.relative(process.cwd(), abs);
  return rel.startsWith('..') ? abs : rel;
}
