// Reads an ifcfg file twice: as NetworkManager does (shvar.ts, line by line, no evaluation) and as
// initscripts does (bash sources it; shellscript/lexer.ts, nothing executed), and reports the lines
// the two read differently.
import type { Range } from 'vscode-languageserver-types';
import type { Finding } from '../../core/types';
import { finding, range } from '../shared/findings';
import { lexShell, wordValue, type Part, type Word } from '../shared/shellLexer';
import { shvarKeyLine, svUnescape } from './shvar';
import { Code } from '../../core/codes';

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
  /** The value Tunnel Lens uses: bash's (initscripts sources the file) or else NM's. */
  value: string | undefined;
}

/** The tree of an ifcfg ParsedFile: every assignment in order, and the last one per key. */
export interface IfcfgTree {
  kind: 'ifcfg';
  assignments: IfcfgAssignment[];
  last: Map<string, IfcfgAssignment>;
}

interface BashAssign {
  name: string;
  value?: string;
  dynamic: boolean;
  line: number;
}

const DECLARATION_BUILTINS = new Set(['export', 'declare', 'typeset', 'readonly', 'local']);

function show(v: string): string {
  return JSON.stringify(v.length > 60 ? v.slice(0, 57) + '…' : v);
}

/** bash's view: the variables each line assigns, and the commands it would run. */
function bashView(text: string, uri: string, findings: Finding[]): { assigns: BashAssign[]; commandLines: Set<number> } {
  const lexed = lexShell(text);
  const assigns: BashAssign[] = [];
  const commandLines = new Set<number>();
  const vars = new Map<string, string>();
  for (const e of lexed.errors) findings.push(finding(uri, Code.syntaxError, 'error', `bash (initscripts sources this file) fails here: ${e.message}`, e.range));
  const assign = (name: string, parts: Part[], append: boolean, w: Word) => {
    const v = wordValue(parts, vars);
    const dynamic = v === undefined;
    const value = v === undefined ? undefined : append ? (vars.get(name) ?? '') + v : v;
    if (value !== undefined) vars.set(name, value);
    else vars.delete(name);
    assigns.push({ name, value, dynamic, line: w.range.start.line });
  };
  for (const cmd of lexed.commands) {
    const words = cmd.words;
    const cmdWordIndex = words.findIndex((w) => !w.assign);
    if (cmdWordIndex < 0) {
      for (const w of words) assign(w.assign!.name, w.assign!.parts, w.assign!.append, w);
      continue;
    }
    const cmdWord = words[cmdWordIndex];
    const name = wordValue(cmdWord.parts) ?? cmdWord.raw;
    if (cmdWordIndex === 0 && DECLARATION_BUILTINS.has(name)) {
      for (const w of words.slice(1)) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(w.raw);
        if (!m) continue;
        const parts = stripPrefix(w.parts, m[0].length);
        if (parts) assign(m[1], parts, m[2] === '+', w);
      }
      continue;
    }
    commandLines.add(words[0].range.start.line);
    const what = words.slice(cmdWordIndex).map((w) => w.raw).join(' ');
    const tempEnv = cmdWordIndex > 0 ? ` (the assignment${cmdWordIndex > 1 ? 's' : ''} before it only reach${cmdWordIndex > 1 ? '' : 'es'} that command's environment)` : '';
    findings.push(
      finding(
        uri,
        Code.syntaxError,
        'warning',
        `When initscripts sources this file, bash runs the command \`${what.length > 60 ? what.slice(0, 57) + '…' : what}\`${tempEnv}; NetworkManager ignores the line. Tunnel Lens never runs it.`,
        { start: words[cmdWordIndex].range.start, end: words[words.length - 1].range.end },
      ),
    );
  }
  return { assigns, commandLines };
}

function stripPrefix(parts: Part[], n: number): Part[] | undefined {
  const first = parts[0];
  if (!first || first.kind !== 'lit' || first.text.length < n) return undefined;
  const rest = first.text.slice(n);
  return rest ? [{ kind: 'lit', text: rest }, ...parts.slice(1)] : parts.slice(1);
}

export function readIfcfg(text: string, uri: string, findings: Finding[]): IfcfgTree {
  const { assigns, commandLines } = bashView(text, uri, findings);
  const byLine = new Map<number, BashAssign[]>();
  for (const a of assigns) {
    const list = byLine.get(a.line);
    if (list) list.push(a);
    else byLine.set(a.line, [a]);
  }
  const assignments: IfcfgAssignment[] = [];
  const lines = text.split('\n');
  lines.forEach((rawLine, line) => {
    const l = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const kl = shvarKeyLine(l);
    const bash = byLine.get(line) ?? [];
    if (!kl) {
      const t = l.trim();
      if (t === '' || t.startsWith('#')) return;
      const names = bash.map((b) => b.name);
      if (names.length)
        findings.push(
          finding(uri, Code.syntaxError, 'warning', `NetworkManager ignores this line (it is not \`KEY=value\`), but initscripts (bash) sets ${names.join(', ')}.`, range(line, 0, l.length)),
        );
      return;
    }
    const valueText = l.slice(kl.valueStart);
    const nm = svUnescape(valueText);
    const b = bash.find((x) => x.name === kl.key);
    const keyRange = range(line, kl.keyStart, kl.keyStart + kl.key.length);
    const valueRange = range(line, kl.valueStart, l.length);
    const a: IfcfgAssignment = {
      key: kl.key,
      line,
      keyRange,
      valueRange,
      nmValue: nm.value,
      nmError: nm.error,
      bashValue: b?.value,
      bashDynamic: !!b?.dynamic,
      value: b ? b.value : nm.value ?? undefined,
    };
    assignments.push(a);
    const whole = range(line, kl.keyStart, l.length);
    if (!b) {
      // a line where bash runs a command was reported already
      if (!commandLines.has(line))
        findings.push(finding(uri, Code.syntaxError, 'warning', `bash does not assign ${kl.key} on this line (initscripts sources the file), while NetworkManager reads ${nm.value === null ? '""' : show(nm.value)}.`, whole));
    } else if (nm.value === null) {
      const bashSays = b.dynamic ? 'initscripts (bash) expands it when ifup runs' : `initscripts (bash) reads ${show(b.value!)}`;
      findings.push(finding(uri, Code.syntaxError, 'warning', `NetworkManager rejects this value (${nm.error}) and treats ${kl.key} as ""; ${bashSays}.`, valueRange));
    } else if (b.dynamic) {
      findings.push(finding(uri, Code.invalidValue, 'warning', `initscripts (bash) expands ${kl.key} when ifup runs; NetworkManager takes it literally as ${show(nm.value)}.`, valueRange));
    } else if (b.value !== nm.value) {
      findings.push(finding(uri, Code.invalidValue, 'warning', `initscripts (bash) reads ${kl.key} as ${show(b.value!)} but NetworkManager reads ${show(nm.value)}.`, valueRange));
    }
  });
  const last = new Map<string, IfcfgAssignment>();
  for (const a of assignments) {
    const prev = last.get(a.key);
    if (prev)
      findings.push(finding(uri, Code.duplicateKey, 'warning', `${a.key} is set again on line ${a.line + 1}; the last assignment wins (bash and NetworkManager agree).`, prev.keyRange));
    last.set(a.key, a);
  }
  return { kind: 'ifcfg', assignments, last };
}
