// What one parse knows of an ipsec.conf beyond its own lines: the files it includes, every conn of
// them by name, and each conn resolved through also= and %default. parse() keeps it as the
// dialect's tree; hover, completion, the checks and the line ledger read it, none re-parses.
import type { FileSystem } from '../../core/types';
import { loadIncludes, type IncludeResult } from './include';
import { ConnIndex, resolveConns, type Resolved } from './resolve';
import type { ParsedConf, Section } from './tree';
import type { Target } from './version';

export interface IpsecConfTree {
  conf: ParsedConf;
  target: Target;
  /** Every file the includes read (not the root), in include order. */
  included: ParsedConf[];
  /** The root file's include statements and what each matched. */
  includes: IncludeResult[];
  index: ConnIndex;
  /** Every conn of the file and its includes (not %default), resolved. */
  resolved: Map<Section, Resolved>;
  /** Files this one depends on (include patterns and their matches). */
  dependencies: string[];
}

export function analyseConf(conf: ParsedConf, text: string, target: Target, fs: FileSystem): IpsecConfTree {
  const loaded = loadIncludes(conf, text, target.daemon, fs);
  const sections = [...conf.sections, ...loaded.files.flatMap((f) => f.sections)];
  const index = new ConnIndex(sections);
  const resolved: Map<Section, Resolved> = resolveConns(sections, index, target);
  return { conf, target, included: loaded.files, includes: loaded.includes, index, resolved, dependencies: loaded.dependencies };
}

/** The conn sections of the file itself (%default too), in file order. */
export function ownConns(tree: IpsecConfTree): Section[] {
  return tree.conf.sections.filter((s) => s.kind === 'conn');
}
