// How a command family reads its lines: a table from command path to handler, and one loop that
// visits every line of a block, hands it to its handler and marks what became of it (the node's
// `use`, from which the line ledger is built: ../ledger.ts). The loop never stops early, so no
// handler can drop the lines after it; a line no entry accounts for stays unread, and the ledger
// test reports it. The rules are in docs/reference/ios-grammar.md §10.
import { LineUse } from '../../../core/lines';
import { MODELED_MODES } from '../commands';
import type { Node } from '../parser';
import type { IosConfig } from '../model';

/**
 * Reads one line into `target` (and cfg, for references). Returns false when the line is a form
 * of the command the model holds nothing of (a nameless section, `crypto map NAME client …`):
 * the line and the lines under it are then outside the model. Otherwise the line was read.
 */
export type Handler<T> = (target: T, n: Node, cfg: IosConfig) => boolean | void;

/** A command of the mode's table that the model deliberately does not read (hover and completion still know it). */
export const NOT_MODELLED = 'not-modelled';

export type Entry<T> = Handler<T> | typeof NOT_MODELLED;

export interface Family<T> {
  /** By canonical path ('tunnel source', 'set pfs'): the longest entry that prefixes a line's path is its entry. */
  commands: Readonly<Record<string, Entry<T>>>;
  /** For lines whose words the mode's table does not list (numbered ACL entries). Default: outside. */
  unlisted?: Handler<T>;
  /** The mode applies no `no`/`default` line (IOS would remove the attribute; the model keeps what is set). */
  skipsNegated?: true;
}

/** Every child of `parent`, read by `family` (children in a mode Tunnel Lens does not model are outside). */
export function readChildren<T>(parent: Node, family: Family<T>, target: T, cfg: IosConfig): void {
  for (const c of parent.children) readLine(c, family, target, cfg);
}

/** Reads one line with its family and marks it; see Family for the order of the rules. */
export function readLine<T>(n: Node, family: Family<T>, target: T, cfg: IosConfig): void {
  if (n.mode !== 'global' && !MODELED_MODES.has(n.mode)) return markSection(n, LineUse.outside);
  if (n.negated && family.skipsNegated) return markSection(n, LineUse.outside);
  const entry = entryOf(family, n.path);
  if (typeof entry === 'function') return afterHandler(n, entry(target, n, cfg));
  if (entry === NOT_MODELLED || n.kws.some((k) => k.exact)) return markSection(n, LineUse.outside);
  if (isListed(n)) return; // a listed command no entry accounts for: unread, so the ledger test names it
  if (family.unlisted) return afterHandler(n, family.unlisted(target, n, cfg));
  markSection(n, LineUse.outside);
}

function afterHandler(n: Node, r: boolean | void): void {
  if (r === false) return markSection(n, LineUse.outside);
  n.use = LineUse.model;
  // Lines under a command that opens no modelled mode (indented under `pvc`, say) are outside;
  // the children of a modelled sub-mode are the handler's to read.
  const first = n.children[0];
  if (first && !MODELED_MODES.has(first.mode)) for (const c of n.children) markSection(c, LineUse.outside);
}

/** The family's commands as a tree of words, built once per family: a look-up walks the path without building strings. */
interface Trie<T> {
  entry?: Entry<T>;
  next: Map<string, Trie<T>>;
}

const TRIES = new WeakMap<Family<never>, Trie<never>>();

function trieOf<T>(family: Family<T>): Trie<T> {
  let root = TRIES.get(family as Family<never>) as Trie<T> | undefined;
  if (root) return root;
  root = { next: new Map() };
  for (const [key, entry] of Object.entries(family.commands)) {
    let t = root;
    for (const w of key.split(' ')) {
      let n = t.next.get(w);
      if (!n) t.next.set(w, (n = { next: new Map() }));
      t = n;
    }
    t.entry = entry;
  }
  TRIES.set(family as Family<never>, root as Trie<never>);
  return root;
}

/** The entry of the longest prefix of `path` the family lists. */
function entryOf<T>(family: Family<T>, path: readonly string[]): Entry<T> | undefined {
  let t: Trie<T> | undefined = trieOf(family);
  let found: Entry<T> | undefined;
  for (let i = 0; i < path.length && t; i++) {
    t = t.next.get(path[i]);
    if (t?.entry !== undefined) found = t.entry;
  }
  return found;
}

/**
 * A command of the table: its last keyword is documented or takes no further keyword. A line that
 * stops at a bare group keyword (`ip` + an unknown word) is one the table does not list.
 */
function isListed(n: Node): boolean {
  const kw = n.kws[n.kws.length - 1];
  return kw !== undefined && (kw.doc !== undefined || kw.sub === undefined);
}

/** A line and everything under it. */
export function markSection(n: Node, use: LineUse): void {
  n.use = use;
  for (const c of n.children) markSection(c, use);
}
