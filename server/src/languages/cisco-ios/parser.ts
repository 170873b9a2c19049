// The mode-stack parser. IOS itself ignores indentation: a config-mode paste is read line by line,
// each command tried in the current mode and then in its parents. Show-run output adds indentation
// (one space per level) and `!` separators. This parser uses both: indentation when it is there,
// the command tables of commands.ts when it is not (unindented pastes closed with `exit`).
// Banners and certificate/key-string blocks are skipped verbatim so their text never becomes config
// (docs/reference/ios-grammar.md §2).
import { GLOBAL_TABLE, MODE_TABLES, SECTION_BREAKERS, type Kw, type ModeId } from './commands';
import { indentOf, isCommentLine, isNoiseLine, resolve, resolveWord, tokenize, type Token } from './lexer';
import { LineUse } from '../../core/lines';

/** Per-node cache slot of the model extraction (extract/sections.ts); symbol-keyed, so JSON leaves it out. */
export const SECTION: unique symbol = Symbol('section');

export interface Node {
  line: number;
  indent: number;
  /** Every word of the line. */
  tokens: Token[];
  /** `no` or `default` when the line negates or resets a setting. */
  negated?: 'no' | 'default';
  /** The words after `no`/`default`. */
  words: Token[];
  /** Canonical keywords (resolved abbreviations). */
  path: string[];
  kws: Kw[];
  /** The words after the keywords. */
  args: Token[];
  /** The mode this line was read in. */
  mode: ModeId;
  /** The sub-mode this line opens, if any. */
  opens?: ModeId;
  children: Node[];
  parent?: Node;
  /** Last line of this node's section (itself when it has no children). */
  endLine: number;
  /** What extraction read from this top-level section (extract/sections.ts), once read. */
  [SECTION]?: unknown;
  /** What became of the line, as the family that read it marked it (extract/dispatch.ts; the ledger). */
  use: LineUse;
}

export interface SkippedBlock {
  kind: 'banner' | 'certificate' | 'key-string';
  /** The line of the command that opened the block. */
  startLine: number;
  endLine: number;
}

/**
 * Lines the parser itself consumed that are no command node: `exit` (it leaves a mode), the
 * show-run and terminal noise around a configuration, what follows `end`, and the comment lines
 * that may hold a `tunnel-lens:` directive (so the directive is found without a scan of the text).
 */
export interface PassedLines {
  kind: 'exit' | 'noise' | 'after-end' | 'directive';
  startLine: number;
  endLine: number;
}

export interface ParseTree {
  /** Global-mode commands, with their sub-mode children. */
  roots: Node[];
  /** Every command node in line order. */
  nodes: Node[];
  blocks: SkippedBlock[];
  /** In line order. */
  passed: PassedLines[];
  lines: string[];
  /** Line of `end` (later lines are not configuration), if any. */
  endLine?: number;
  /**
   * Set by a re-parse that moved the nodes below the edit (the line count changed): how to carry
   * what was read of the old nodes over to their copies (extract/sections.ts takes it and clears it).
   */
  shift?: LineShift;
}

/** Nodes copied with their lines moved by `delta`: every line at or after `from` (old coordinates). */
export interface LineShift {
  delta: number;
  from: number;
  /** Old node → its copy. */
  copy: Map<Node, Node>;
  /** Copied root → the old root. */
  origin: Map<Node, Node>;
}

interface Frame {
  mode: ModeId;
  indent: number;
  node?: Node;
  /** Set once a child arrived more indented than the opener: show-run style from then on. */
  indentedChildren: boolean;
}

const BANNER_TYPES = new Set(['motd', 'login', 'exec', 'incoming', 'prompt-timeout', 'slip-ppp', 'config-save']);

function isHexLine(line: string): boolean {
  return /^[\s0-9A-Fa-f]+$/.test(line);
}

/** The words a keyword's values allow, per (constant) keyword. */
const ALLOWED_WORDS = new WeakMap<Kw, ReadonlySet<string>>();

/** True when the command belongs to the sub-mode (rather than to a parent mode). */
function modeAccepts(mode: ModeId, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  if (mode === 'unmodeled' || mode === 'cert-chain') {
    const first = words[0].toLowerCase();
    const w = first === 'no' || first === 'default' ? (words[1] ?? '').toLowerCase() : first;
    if (SECTION_BREAKERS.has(w)) return false;
    const g = resolveWord(GLOBAL_TABLE, w);
    return !(g && g !== 'end' && GLOBAL_TABLE[g].opens !== undefined && w.length >= 3);
  }
  const table = MODE_TABLES[mode];
  let ws = words;
  const head = ws[0].toLowerCase();
  if ((head === 'no' || head === 'default') && ws.length > 1) ws = ws.slice(1);
  const r = resolve(table, ws);
  if (r.consumed === 0) return false;
  // IOS tries the whole command in the current mode and falls back to the parent when it does not
  // parse there: `int tun 1` after `crypto ikev2 proposal` is not `integrity tun 1` but `interface`.
  const kw = r.kws[r.consumed - 1];
  if (kw.values && ws.length > r.consumed) {
    let allowed = ALLOWED_WORDS.get(kw);
    if (!allowed) ALLOWED_WORDS.set(kw, (allowed = new Set(kw.values.flatMap((v) => v.split(' ')))));
    if (ws.slice(r.consumed).some((w) => !allowed.has(w.toLowerCase()))) {
      const exact = r.path[0] === ws[0].toLowerCase();
      if (!exact) return false;
    }
  }
  if (mode === 'interface') {
    const [a, b] = r.path;
    // `ip`/`ipv6` and `crypto` exist in both modes: only the interface forms stay in the interface.
    if ((a === 'ip' || a === 'ipv6') && !b) return false;
    if (a === 'ip' && b === 'nat') return ws.length === 3;
    if (a === 'ip' && b === 'vrf') return /^(forwarding|receive|sitemap|select)$/i.test(ws[2] ?? '');
    if (a === 'ip' && b === 'dhcp') return !/^(pool|excluded-address|snooping|database|relay information)$/i.test(ws[2] ?? '');
    if (a === 'crypto') return b === 'map' && ws.length <= 4 && !/^\d+$/.test(ws[3] ?? '');
    if (a === 'ipv6' && b === 'crypto') return ws.length <= 4;
  }
  return true;
}

/** Decides the mode a command line opens (crypto map needs a sequence number to open a sub-mode). */
function opensMode(mode: ModeId, node: Node): ModeId | undefined {
  const last = node.kws[node.kws.length - 1];
  if (node.negated) return undefined;
  let m = last?.opens;
  const p = node.path.join(' ');
  if (p === 'crypto map' || p === 'crypto map ipv6' || p === 'crypto dynamic-map') {
    // `crypto map NAME SEQ [ipsec-isakmp|dynamic D]` opens an entry; `crypto map NAME local-address X` does not,
    // and neither does the ASA one-line form `crypto dynamic-map NAME SEQ set …`.
    const a = node.args;
    if (!(a.length >= 2 && /^\d+$/.test(a[1].text))) return undefined;
    if (a.length >= 3 && /^(set|match)$/i.test(a[2].text)) return undefined;
    if (a.some((t) => /^dynamic$/i.test(t.text))) return undefined;
    return 'crypto-map';
  }
  if (m === undefined && mode === 'global' && node.path[0] === undefined && node.words.length > 0) return undefined;
  if (mode === 'cert-chain' && node.path[0] === 'certificate') return undefined;
  // `crypto isakmp policy` without a number, etc.: IOS would reject it; do not open anything.
  if (m && m !== 'unmodeled' && node.args.length === 0) m = undefined;
  return m;
}

export function parseIos(text: string, previous?: ParseTree): ParseTree {
  const lines = text.split(/\r?\n|\r/);
  if (previous) {
    const t = reparse(previous, lines);
    if (t) return t;
  }
  const out = run(lines, 0, undefined);
  return { roots: out.roots, nodes: out.nodes, blocks: out.blocks, passed: out.passed, lines, endLine: out.endLine };
}

/** What one run of the line machine produced, and where it stopped (a resynchronisation point). */
interface RunResult {
  roots: Node[];
  nodes: Node[];
  blocks: SkippedBlock[];
  passed: PassedLines[];
  endLine?: number;
  /** The line of the unindented root where the run stopped (not included), if it stopped early. */
  stoppedAt?: number;
}

/**
 * The line machine, from line `from` with the state every unindented root leaves behind it (only
 * the global mode open). `stopAt(i)` is asked at each unindented root the run reads: true stops
 * the run before that root (its node is not kept).
 */
function run(lines: string[], from: number, stopAt: ((line: number) => boolean) | undefined): RunResult {
  const roots: Node[] = [];
  const nodes: Node[] = [];
  const blocks: SkippedBlock[] = [];
  const passed: PassedLines[] = [];
  let endLine: number | undefined;
  const stack: Frame[] = [{ mode: 'global', indent: -1, indentedChildren: false }];
  let last: Node | undefined;
  let afterEnd = false;

  const top = () => stack[stack.length - 1];
  const popTo = (n: number) => {
    while (stack.length > n) stack.pop();
  };
  const pass = (kind: PassedLines['kind'], line: number) => {
    const p = passed[passed.length - 1];
    if (p && p.kind === kind && p.endLine === line - 1) p.endLine = line;
    else passed.push({ kind, startLine: line, endLine: line });
  };

  for (let i = from; i < lines.length; i++) {
    const raw = lines[i];
    if (afterEnd) {
      // After `end` only a new `configure terminal` resumes configuration (pasted sessions).
      if (/^\s*conf(igure)?\s+t(erminal)?\s*$/i.test(raw)) {
        afterEnd = false;
        pass('noise', i);
      } else pass('after-end', i);
      continue;
    }
    if (isBlank(raw)) continue;
    if (isCommentLine(raw)) {
      if (raw.includes('tunnel-lens:')) pass('directive', i);
      // In show-run a `!` closes the sections opened at its indentation or deeper.
      if (/^\s*!/.test(raw)) {
        const ind = indentOf(raw);
        while (stack.length > 1 && top().indent >= ind) stack.pop();
        last = undefined;
      }
      continue;
    }
    if (isNoiseLine(raw)) {
      pass('noise', i);
      continue;
    }
    const tokens = tokenize(raw);
    const indent = indentOf(raw);
    const texts = tokens.map((t) => t.text);
    const firstLower = tokens[0].text.toLowerCase();

    if (tokens.length === 1 && isExit(tokens[0].text)) {
      // `exit` (and `exit-address-family`, …) leave exactly one mode, whatever the indentation.
      if (stack.length > 1) stack.pop();
      last = undefined;
      pass('exit', i);
      continue;
    }

    // A line more indented than the previous command makes that command a section opener.
    if (last && indent > last.indent && top().node !== last) {
      stack.push({ mode: last.opens ?? 'unmodeled', indent: last.indent, node: last, indentedChildren: false });
    }
    // Pop the frames this line does not belong to.
    while (stack.length > 1) {
      const f = top();
      if (indent > f.indent) break;
      if (indent === f.indent && !f.indentedChildren && modeAccepts(f.mode, texts)) break;
      stack.pop();
    }
    const frame = top();
    // An unindented root is read the same whatever came before it: a point where a run may stop.
    if (stopAt && indent === 0 && !frame.node && stopAt(i)) {
      return { roots, nodes, blocks, passed, endLine, stoppedAt: i };
    }
    if (frame.node && indent > frame.indent) frame.indentedChildren = true;
    const mode = frame.mode;

    let words = tokens;
    let negated: Node['negated'];
    if ((firstLower === 'no' || firstLower === 'default') && tokens.length > 1) {
      negated = firstLower as 'no' | 'default';
      words = tokens.slice(1);
    }
    const r = resolve(MODE_TABLES[mode], words === tokens ? texts : texts.slice(1));
    const node: Node = {
      line: i,
      indent,
      tokens,
      negated,
      words,
      path: r.path,
      kws: r.kws,
      args: r.consumed === 0 ? words : words.slice(r.consumed),
      mode,
      children: [],
      parent: frame.node,
      endLine: i,
      [SECTION]: undefined,
      use: LineUse.unread,
    };
    node.opens = opensMode(mode, node);
    if (mode === 'global' && node.path[0] === 'interface' && !node.negated) node.opens = 'interface';
    if (frame.node) frame.node.children.push(node);
    else roots.push(node);
    nodes.push(node);
    for (let p = frame.node; p; p = p.parent) if (p.endLine < i) p.endLine = i;
    last = node;

    if (mode === 'global' && node.path[0] === 'end' && node.args.length === 0 && !negated) {
      endLine = endLine ?? i;
      afterEnd = true;
      popTo(1);
      continue;
    }

    // Blocks whose text is not configuration.
    if (mode === 'global' && node.path[0] === 'banner' && !negated) {
      const end = skipBanner(lines, i, raw, tokens);
      if (end !== undefined) {
        blocks.push({ kind: 'banner', startLine: i, endLine: end });
        node.endLine = end;
        i = end;
        last = undefined;
        continue;
      }
    }
    const isCert = mode === 'cert-chain' && node.path[0] === 'certificate';
    const isKeyString = words.length === 1 && words[0].text.length === 10 && /^key-string$/i.test(words[0].text);
    if (isCert || isKeyString) {
      let j = i + 1;
      for (; j < lines.length; j++) {
        const l = lines[j];
        if (/^\s*quit\s*$/i.test(l)) break;
        if (l.trim() !== '' && !isHexLine(l)) {
          j--;
          break;
        }
      }
      const end = Math.min(j, lines.length - 1);
      blocks.push({ kind: isCert ? 'certificate' : 'key-string', startLine: i, endLine: end });
      node.endLine = end;
      for (let p = frame.node; p; p = p.parent) p.endLine = Math.max(p.endLine, end);
      i = end;
      last = undefined;
      continue;
    }

    if (node.opens) {
      stack.push({ mode: node.opens, indent, node, indentedChildren: false });
    }
  }
  return { roots, nodes, blocks, passed, endLine };
}

/** A line of only whitespace (as `trim()` sees it). */
function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c > 127 && line.slice(i).trim() === '') return true;
    return false;
  }
  return true;
}

/** `exit`, `exit-address-family`, … (`/^exit(-\S+)?$/i` on one word). */
function isExit(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c !== 101 && c !== 69) return false; // e / E
  return /^exit(-\S+)?$/i.test(w);
}

/** First index in `xs` (sorted by line) whose line is >= `line`. */
function lowerBound<T>(xs: readonly T[], line: number, lineOf: (x: T) => number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lineOf(xs[mid]) < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const nodeLine = (n: Node) => n.line;
const blockLine = (b: { startLine: number }) => b.startLine;

/**
 * Incremental re-parse. The parser is a line machine whose state after an unindented root is the
 * same whatever came before (only the global mode, plus what that root opens), so:
 * - everything before the last unindented root R above the first changed line is kept (lines
 *   before R are unchanged and nothing before R looked past R's line);
 * - the machine re-runs from R over the new lines;
 * - it stops at the first unindented root after the changed lines that was also an unindented
 *   root at the same place (shifted by the change in line count) of the previous tree: from there
 *   the lines are the same and the state is the same, so the previous nodes are the answer
 *   (shared when the line count did not change, copied with shifted lines otherwise).
 * Returns undefined when nothing can be reused.
 */
function reparse(prev: ParseTree, lines: string[]): ParseTree | undefined {
  const old = prev.lines;
  const n = Math.min(old.length, lines.length);
  let a = 0;
  while (a < n && old[a] === lines[a]) a++;
  if (a === old.length && a === lines.length) {
    return { roots: prev.roots, nodes: prev.nodes, blocks: prev.blocks, passed: prev.passed, lines, endLine: prev.endLine };
  }
  // Common suffix, not overlapping the common prefix.
  let k = 0;
  while (k < n - a && old[old.length - 1 - k] === lines[lines.length - 1 - k]) k++;
  const delta = lines.length - old.length;
  /** First line after the changed region, in new and old coordinates. */
  const afterNew = lines.length - k;
  // Restart point: the last unindented root strictly above the first changed line.
  let ri = lowerBound(prev.roots, a, nodeLine) - 1;
  while (ri >= 0 && prev.roots[ri].indent !== 0) ri--;
  if (ri < 0) return undefined;
  const from = prev.roots[ri].line;
  // Previous unindented roots by line, for the stop test.
  const stopAt = (i: number): boolean => {
    if (i < afterNew) return false;
    const oi = i - delta;
    const j = lowerBound(prev.roots, oi, nodeLine);
    const r = prev.roots[j];
    return r !== undefined && r.line === oi && r.indent === 0;
  };
  const mid = run(lines, from, stopAt);
  const ni = lowerBound(prev.nodes, from, nodeLine);
  const bi = lowerBound(prev.blocks, from, blockLine);
  const pi = lowerBound(prev.passed, from, blockLine);
  const rootsHead = prev.roots.slice(0, ri);
  const nodesHead = prev.nodes.slice(0, ni);
  const blocksHead = prev.blocks.slice(0, bi);
  let endLine = prev.endLine !== undefined && prev.endLine < from ? prev.endLine : mid.endLine;
  let roots = rootsHead.concat(mid.roots);
  let nodes = nodesHead.concat(mid.nodes);
  let blocks = blocksHead.concat(mid.blocks);
  let passed = prev.passed.slice(0, pi).concat(mid.passed);
  let shift: LineShift | undefined;
  if (mid.stoppedAt !== undefined) {
    const oldStop = mid.stoppedAt - delta;
    const tailRoots = prev.roots.slice(lowerBound(prev.roots, oldStop, nodeLine));
    const tailNodes = prev.nodes.slice(lowerBound(prev.nodes, oldStop, nodeLine));
    const tailBlocks = prev.blocks.slice(lowerBound(prev.blocks, oldStop, blockLine));
    const tailPassed = prev.passed.slice(lowerBound(prev.passed, oldStop, blockLine));
    if (delta === 0) {
      roots = roots.concat(tailRoots);
      nodes = nodes.concat(tailNodes);
      blocks = blocks.concat(tailBlocks);
      passed = passed.concat(tailPassed);
    } else {
      const copy = new Map<Node, Node>();
      const shifted: Node[] = new Array(tailNodes.length);
      for (let t = 0; t < tailNodes.length; t++) {
        const o = tailNodes[t];
        // Every field listed (one shape, no spread): half of a 100k-line file is copied per Enter.
        // The line's mark (use) is kept: its section is carried over as read (extract/sections.ts),
        // or read again, which marks it again.
        const c: Node = {
          line: o.line + delta,
          indent: o.indent,
          tokens: o.tokens,
          negated: o.negated,
          words: o.words,
          path: o.path,
          kws: o.kws,
          args: o.args,
          mode: o.mode,
          children: [],
          parent: o.parent && copy.get(o.parent),
          endLine: o.endLine + delta,
          [SECTION]: undefined,
          use: o.use,
          opens: o.opens,
        };
        copy.set(o, c);
        if (c.parent) c.parent.children.push(c);
        shifted[t] = c;
      }
      const origin = new Map<Node, Node>();
      for (const r of tailRoots) origin.set(copy.get(r)!, r);
      shift = { delta, from: oldStop, copy, origin };
      roots = roots.concat(tailRoots.map((r) => copy.get(r)!));
      nodes = nodes.concat(shifted);
      blocks = blocks.concat(tailBlocks.map((b) => ({ kind: b.kind, startLine: b.startLine + delta, endLine: b.endLine + delta })));
      passed = passed.concat(tailPassed.map((b) => ({ kind: b.kind, startLine: b.startLine + delta, endLine: b.endLine + delta })));
    }
    if (endLine === undefined && prev.endLine !== undefined && prev.endLine >= oldStop) endLine = prev.endLine + delta;
  }
  return shift ? { roots, nodes, blocks, passed, lines, endLine, shift } : { roots, nodes, blocks, passed, lines, endLine };
}

/**
 * Finds the last line of a banner. The delimiter is the first non-blank character after the banner
 * type (show-run prints ETX as the two characters `^C`); the text runs until the delimiter appears
 * again, and the rest of that line is ignored. Returns undefined for a one-line banner.
 */
function skipBanner(lines: string[], i: number, raw: string, tokens: Token[]): number | undefined {
  let pos = tokens[0].end;
  if (tokens[1] && BANNER_TYPES.has(tokens[1].text.toLowerCase())) pos = tokens[1].end;
  const rest = raw.slice(pos);
  const m = /\S/.exec(rest);
  if (!m) return undefined; // illegal (no delimiter); IOS rejects it, nothing to skip
  const at = pos + m.index;
  const delim = raw.startsWith('^C', at) ? '^C' : raw[at];
  const after = raw.slice(at + delim.length);
  if (after.includes(delim)) return i; // delimiter closes on the same line
  for (let j = i + 1; j < lines.length; j++) {
    if (lines[j].includes(delim)) return j;
  }
  return lines.length - 1;
}
