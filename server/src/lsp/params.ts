// Params checked at the adapter, before the service sees them: a request with params the protocol
// does not allow gets -32602 with a plain sentence, never a TypeError's text or a stack.
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

export class ParamsError extends ResponseError<void> {
  constructor(message: string) {
    super(ErrorCodes.InvalidParams, `Invalid params: ${message}`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export function params(p: unknown): Record<string, unknown> {
  if (!isObject(p)) throw new ParamsError('params must be an object');
  return p;
}

export function documentUri(p: unknown): string {
  const o = params(p);
  const td = o.textDocument;
  if (!isObject(td) || typeof td.uri !== 'string' || td.uri === '') throw new ParamsError('textDocument.uri must be a string');
  return td.uri;
}

export function position(v: unknown, name = 'position'): Position {
  if (!isObject(v) || !isCount(v.line) || !isCount(v.character)) throw new ParamsError(`${name} must be {line, character} with non-negative integers`);
  return { line: v.line, character: v.character };
}

export function range(v: unknown, name = 'range'): Range {
  if (!isObject(v)) throw new ParamsError(`${name} must be {start, end}`);
  return { start: position(v.start, `${name}.start`), end: position(v.end, `${name}.end`) };
}

/** A request cancelled before its handler ran is answered as cancelled, not computed. */
export function notCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/**
 * A request handler: params checked, cancellation honoured, a failure of ours logged and answered
 * with `fallback` (an editor shows nothing rather than an error popup).
 */
export function handler<R>(log: (line: string) => void, what: string, fallback: R, fn: (p: Record<string, unknown>) => R) {
  return (p: unknown, token?: CancellationToken): R => {
    notCancelled(token);
    const checked = params(p);
    try {
      return fn(checked);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      log(`tunnel-lens: ${what} failed: ${e instanceof Error ? e.message : String(e)}`);
      return fallback;
    }
  };
}
