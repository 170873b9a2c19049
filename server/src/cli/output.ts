// The CLI's output edge: every line it prints, on stdout or stderr, in every format, goes through
// the redactor (every secret value known from the workspace, and the keys given with --sa, masked)
// and is made safe for a terminal (no escape sequence from a config reaches it). The JSON and
// SARIF stay valid: the control characters become JSON escapes.
import { forTerminal, Redactor } from '../core/redact';
import type { CliIo } from './common';

/** One per run of the CLI: commands tell it the secrets they meet. */
export const cliRedactor = new Redactor();
const extra = new Set<string>();

/** Secrets known from outside the workspace (the keys of --sa). */
export function addCliSecrets(values: Iterable<string>): void {
  for (const v of values) if (v) extra.add(v);
  cliRedactor.setSecrets([...extra, ...workspaceSecrets]);
}

let workspaceSecrets: string[] = [];

/** The secrets of the workspace the command loaded. */
export function setWorkspaceSecrets(values: Iterable<string>): void {
  workspaceSecrets = [...values];
  cliRedactor.setSecrets([...extra, ...workspaceSecrets]);
}

export function secureIo(io: CliIo): CliIo {
  return {
    stdout: (t) => io.stdout(forTerminal(cliRedactor.mask(t))),
    stderr: (t) => io.stderr(forTerminal(cliRedactor.mask(t))),
  };
}
