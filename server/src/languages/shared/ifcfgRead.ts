// Reads an ifcfg file twice: as NetworkManager does (shvar.ts, line by line, no evaluation) and as
// initscripts does (bash sources it; shellLexer.ts, nothing executed), and records where the two
// readings differ (docs/reference/ifcfg.md §1). It reports nothing itself: the ifcfg dialect's
// parser reports what bash cannot read, its checks judge the rest. Shared because a script's
// companion ifcfg file (the device an ifup-local hook changes) is read the same way.
import type { Range } from 'vscode-languageserver-types';
import { range } from '../../core/ranges';
import { lexShell, positionAt, wordValue, type LexError, type Lexed, type Part, type Word } from './shellLexer';
import { shvarKeyLine, svUnescape } from './shvar';

export interface IfcfgAssignment {
  key: string;
  line: number;
  keyRange: Range;
  valueRange: Range;
  /** NetworkManager's value; null when NM rejects it (then NM uses ""). */
  nmValue: string | null;
  nmError?: string;
  /** What bash assigns; undefined when bash does not assign it on this line or it is dynamic. */
  bashValue?: string;
  /** bash expands something at ifup time ($VAR of the environment, $(…)). */
  bashDynamic: boolean;
  /** bash assigns this key on this line too. */
  bashAssigns: boolean;
  /** bash runs a command that starts on this line. */
  commandLine: boolean;
  /** The value Tunnel Lens uses: bash's (initscripts sources the file) or else NM's. */
  value: string | undefined;
}

/** A command bash would run when initscripts sources the file. */
export interface IfcfgCommand {
  /** The command's words (its prefix assignments left out). */
  text: string;
  /** How many NAME=value words come before the command word (they reach only its environment). */
  prefixAssignments: number;
  /** From the command word to its last word. */
  range: Range;
}

/** The tree of an ifcfg ParsedFile. */
export interface IfcfgTree {
  kind: 'ifcfg';
  /** Every NetworkManager key line, in order, with both readings. */
  assignments: IfcfgAssignment[];
  /** The last assignment per key (both readers: the last one wins). */
  last: Map<string, IfcfgAssignment>;
  /** What stops bash (an unterminated quote): sourcing the file fails there. */
  bashErrors: LexError[];
  commands: IfcfgCommand[];
  /** Lines NetworkManager ignores (not `KEY=value`) on which bash assigns: `export NAME=…`. */
  bashOnly: { line: number; names: string[]; length: number }[];
  /** Lines holding only a declaration builtin without an assignment (`export NAME`): no value changes. */
  declarations: number[];
  /** Lines continuing a multi-line bash word, command or here-document: [from, to]. */
  continued: [number, number][];
  /** Lines neither reader takes anything from: not `KEY=value`, and no assignment or command for bash. */
  stray: Range[];
}

interface BashAssign {
  name: string;
  value?: string;
  dynamic: boolean;
  line: number;
  endLine: number;
}

/** bash builtins whose NAME=value arguments assign like plain assignment words. */
const DECLARATION_BUILTINS = new Set(['export', 'declare', 'typeset', 'readonly', 'local']);

interface BashView {
  assigns: BashAssign[];
  commands: IfcfgCommand[];
  /** First lines of commands bash runs. */
  commandLines: Set<number>;
  declarationLines: Set<number>;
  continued: [number, number][];
  /** Lines a command's words cover. */
  commandSpans: [number, number][];
}

/** bash's view: the variables each line assigns, and the commands it would run. */
function bashView(lexed: Lexed): BashView {
  const v: BashView = { assigns: [], commands: [], commandLines: new Set(), declarationLines: new Set(), continued: [], commandSpans: [] };
  const vars = new Map<string, string>();
  const assign = (name: string, parts: Part[], append: boolean, w: Word) => {
    const value0 = wordValue(parts, vars);
    const value = value0 === undefined ? undefined : append ? (vars.get(name) ?? '') + value0 : value0;
    if (value !== undefined) vars.set(name, value);
    else vars.delete(name);
    v.assigns.push({ name, value, dynamic: value0 === undefined, line: w.range.start.line, endLine: w.range.end.line });
  };
  for (const cmd of lexed.commands) {
    const words = cmd.words;
    const first = words[0].range.start.line;
    const lastLine = words[words.length - 1].range.end.line;
    if (lastLine > first) v.continued.push([first + 1, lastLine]);
    const cmdWordIndex = words.findIndex((w) => !w.assign);
    if (cmdWordIndex < 0) {
      for (const w of words) assign(w.assign!.name, w.assign!.parts, w.assign!.append, w);
      continue;
    }
    const cmdWord = words[cmdWordIndex];
    const name = wordValue(cmdWord.parts) ?? cmdWord.raw;
    if (cmdWordIndex === 0 && DECLARATION_BUILTINS.has(name)) {
      v.declarationLines.add(first);
      for (const w of words.slice(1)) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(w.raw);
        if (!m) continue;
        const parts = stripPrefix(w.parts, m[0].length);
        if (parts) assign(m[1], parts, m[2] === '+', w);
      }
      continue;
    }
    v.commandLines.add(first);
    const r = { start: cmdWord.range.start, end: words[words.length - 1].range.end };
    v.commands.push({ text: words.slice(cmdWordIndex).map((w) => w.raw).join(' '), prefixAssignments: cmdWordIndex, range: r });
    v.commandSpans.push([r.start.line, r.end.line]);
  }
  for (const h of lexed.heredocs) {
    const from = positionAt(lexed.lineStarts, h.start).line;
    // The body ends with its delimiter line's newline: the next line is not part of it.
    const to = positionAt(lexed.lineStarts, Math.max(h.start, h.end - 1)).line;
    v.continued.push([from, to]);
  }
  return v;
}

function stripPrefix(parts: Part[], n: number): Part[] | undefined {
  const first = parts[0];
  if (!first || first.kind !== 'lit' || first.text.length < n) return undefined;
  const rest = first.text.slice(n);
  return rest ? [{ kind: 'lit', text: rest }, ...parts.slice(1)] : parts.slice(1);
}

export function readIfcfg(text: string): IfcfgTree {
  const lexed = lexShell(text);
  const bash = bashView(lexed);
  const byLine = new Map<number, BashAssign[]>();
  for (const a of bash.assigns) {
    const list = byLine.get(a.line);
    if (list) list.push(a);
    else byLine.set(a.line, [a]);
  }
  const lines = text.split('\n');
  // Lines a reader consumed as part of a construct that started on an earlier line (or a command).
  const covered = new Uint8Array(lines.length);
  for (const [from, to] of [...bash.continued, ...bash.commandSpans]) covered.fill(1, from, to + 1);
  for (const a of bash.assigns) if (a.endLine > a.line) covered.fill(1, a.line + 1, a.endLine + 1);
  const tree: IfcfgTree = { kind: 'ifcfg', assignments: [], last: new Map(), bashErrors: lexed.errors, commands: bash.commands, bashOnly: [], declarations: [], continued: bash.continued, stray: [] };
  for (const a of bash.assigns) if (a.endLine > a.line) tree.continued.push([a.line + 1, a.endLine]);
  lines.forEach((rawLine, line) => {
    const l = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const kl = shvarKeyLine(l);
    const assigns = byLine.get(line) ?? [];
    if (!kl) {
      const t = l.trim();
      if (t === '' || t.startsWith('#')) return;
      if (assigns.length) tree.bashOnly.push({ line, names: assigns.map((b) => b.name), length: l.length });
      else if (bash.declarationLines.has(line)) tree.declarations.push(line);
      else if (!covered[line]) tree.stray.push(range(line, l.length - l.trimStart().length, l.length));
      return;
    }
    const nm = svUnescape(l.slice(kl.valueStart));
    const b = assigns.find((x) => x.name === kl.key);
    tree.assignments.push({
      key: kl.key,
      line,
      keyRange: range(line, kl.keyStart, kl.keyStart + kl.key.length),
      valueRange: range(line, kl.valueStart, l.length),
      nmValue: nm.value,
      nmError: nm.error,
      bashValue: b?.value,
      bashDynamic: !!b?.dynamic,
      bashAssigns: !!b,
      commandLine: bash.commandLines.has(line),
      value: b ? b.value : nm.value ?? undefined,
    });
  });
  for (const a of tree.assignments) tree.last.set(a.key, a);
  return tree;
}
