// Where initscripts (bash sources the file) and NetworkManager (shvar, no evaluation) read a line
// differently (docs/reference/ifcfg.md §1): a command bash would run, a line only one of them
// reads, a value they read differently. The shell-variable syntax itself is the question, so the
// code is syntax-error, or invalid-value where both read the line and only the value differs.
import type { FileCheck, Report } from '../../../core/types';
import { Code } from '../../../core/codes';
import { range } from '../../../core/ranges';
import { quoteValue } from '../../../core/redact';
import type { IfcfgAssignment, IfcfgTree } from '../../shared/ifcfgRead';
import { shapeOf } from '../../shared/secretSlots';
import { ifcfgSecretSlot, lineHoldsSecret } from '../secrets';

function show(v: string): string {
  return JSON.stringify(quoteValue(v, 57));
}

function assignment(a: IfcfgAssignment, report: Report): void {
  const warn = (code: typeof Code.syntaxError | typeof Code.invalidValue, message: string, r = a.valueRange) => report({ code, severity: 'warning', message, range: r });
  if (ifcfgSecretSlot(a.key)) return secretAssignment(a, warn);
  if (!a.bashAssigns) {
    // a line where bash runs a command is reported as that command
    if (!a.commandLine)
      warn(Code.syntaxError, `bash does not assign ${a.key} on this line (initscripts sources the file), while NetworkManager reads ${a.nmValue === null ? '""' : show(a.nmValue)}.`, range(a.line, a.keyRange.start.character, a.valueRange.end.character));
  } else if (a.nmValue === null) {
    const bashSays = a.bashDynamic ? 'initscripts (bash) expands it when ifup runs' : `initscripts (bash) reads ${show(a.bashValue!)}`;
    warn(Code.syntaxError, `NetworkManager rejects this value (${a.nmError}) and treats ${a.key} as ""; ${bashSays}.`);
  } else if (a.bashDynamic) {
    warn(Code.invalidValue, `initscripts (bash) expands ${a.key} when ifup runs; NetworkManager takes it literally as ${show(a.nmValue)}.`);
  } else if (a.bashValue !== a.nmValue) {
    warn(Code.invalidValue, `initscripts (bash) reads ${a.key} as ${show(a.bashValue!)} but NetworkManager reads ${show(a.nmValue)}.`);
  }
}

/** The same judgements for a key that holds a secret (secrets.ts): by shape, never the value. */
function secretAssignment(a: IfcfgAssignment, warn: (code: typeof Code.syntaxError | typeof Code.invalidValue, message: string, r?: IfcfgAssignment['valueRange']) => void): void {
  const hidden = `(${a.key} holds a secret: its value is not shown)`;
  if (!a.bashAssigns) {
    if (!a.commandLine) warn(Code.syntaxError, `bash does not assign ${a.key} on this line (initscripts sources the file), while NetworkManager reads it ${hidden}.`, range(a.line, a.keyRange.start.character, a.valueRange.end.character));
  } else if (a.nmValue === null) warn(Code.syntaxError, `NetworkManager rejects this value (${a.nmError}) and treats ${a.key} as ""; initscripts (bash) ${a.bashDynamic ? 'expands it when ifup runs' : 'reads it'} ${hidden}.`);
  else if (a.bashDynamic) warn(Code.invalidValue, `initscripts (bash) expands ${a.key} when ifup runs; NetworkManager takes it literally ${hidden}.`);
  else if (a.bashValue !== a.nmValue) warn(Code.invalidValue, `initscripts (bash) and NetworkManager read ${a.key} differently (${shapeOf(a.bashValue!)} against ${shapeOf(a.nmValue)}) ${hidden}.`);
}

export const readingsCheck: FileCheck<IfcfgTree> = {
  id: 'ifcfg/readings',
  codes: [Code.syntaxError, Code.invalidValue],
  run(file, _ctx, report) {
    const tree = file.tree;
    const lines = tree.commands.length ? file.text.split('\n') : [];
    for (const c of tree.commands) {
      // A command on a line that assigns a secret may be part of the secret (`IKE_PSK=abc def`): its shape only.
      const secret = lines.slice(c.range.start.line, c.range.end.line + 1).some(lineHoldsSecret);
      if (secret) {
        report({ code: Code.syntaxError, severity: 'warning', message: `When initscripts sources this file, bash runs a command here (${shapeOf(c.text)}; not shown, as the line holds a secret); NetworkManager ignores the line. Tunnel Lens never runs it.`, range: c.range });
        continue;
      }
      const what = `${quoteValue(c.text, 57)}`;
      const n = c.prefixAssignments;
      const tempEnv = n > 0 ? ` (the assignment${n > 1 ? 's' : ''} before it only reach${n > 1 ? '' : 'es'} that command's environment)` : '';
      report({ code: Code.syntaxError, severity: 'warning', message: `When initscripts sources this file, bash runs the command \`${what}\`${tempEnv}; NetworkManager ignores the line. Tunnel Lens never runs it.`, range: c.range });
    }
    for (const b of tree.bashOnly)
      report({ code: Code.syntaxError, severity: 'warning', message: `NetworkManager ignores this line (it is not \`KEY=value\`), but initscripts (bash) sets ${quoteValue(b.names.join(', '), 200)}.`, range: range(b.line, 0, b.length) });
    for (const r of tree.stray)
      report({ code: Code.syntaxError, severity: 'warning', message: 'Neither reader takes anything from this line: NetworkManager reads only `KEY=value` lines, and bash finds no assignment or command on it.', range: r });
    for (const a of tree.assignments) assignment(a, report);
  },
};
