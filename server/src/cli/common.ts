// Shared plumbing of the `tunnel-lens` subcommands: output sinks and the usage error that the
// dispatcher turns into one line on stderr and exit status 2 (never a stack trace).
import { PATH_MTU } from '../core/types';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A usage or I/O error: printed as one line, exit status 2. */
export class CliError extends Error {}

export type Subcommand = (args: string[], io: CliIo) => Promise<number> | number;

export interface ParsedArgs {
  /** Flag values by name without dashes; repeated flags keep every value in order. */
  flags: Map<string, string[]>;
  /** Boolean flags that were present. */
  switches: Set<string>;
  positionals: string[];
}

/**
 * Parses `--name value`, `--name=value` and boolean `--name` according to the two lists; any other
 * flag is a usage error.
 */
export function parseArgs(args: string[], valued: readonly string[], booleans: readonly string[] = []): ParsedArgs {
  const flags = new Map<string, string[]>();
  const switches = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('--') || a === '-') {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (booleans.includes(name)) {
      if (eq >= 0) throw new CliError(`option --${name} takes no value`);
      switches.add(name);
    } else if (valued.includes(name)) {
      const value = eq >= 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined) throw new CliError(`option --${name} needs a value`);
      flags.set(name, [...(flags.get(name) ?? []), value]);
    } else {
      throw new CliError(`unknown option --${name}`);
    }
  }
  return { flags, switches, positionals };
}

export function lastFlag(p: ParsedArgs, name: string): string | undefined {
  const v = p.flags.get(name);
  return v?.[v.length - 1];
}

export function formatFlag(p: ParsedArgs, allowed: readonly string[], fallback: string): string {
  const f = lastFlag(p, 'format') ?? fallback;
  if (!allowed.includes(f)) throw new CliError(`--format must be one of ${allowed.join(', ')}`);
  return f;
}

/** `--path-mtu N`, the same bounds for every command (core/types.ts PATH_MTU). */
export function pathMtuFlag(p: ParsedArgs): number | undefined {
  const text = lastFlag(p, 'path-mtu');
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < PATH_MTU.min || n > PATH_MTU.max) throw new CliError(`--path-mtu must be a number from ${PATH_MTU.min} to ${PATH_MTU.max}`);
  return n;
}
