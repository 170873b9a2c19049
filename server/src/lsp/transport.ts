// The server's two ends of the wire, hardened. Reading (stdio): a frame without a usable
// Content-Length is dropped and the stream goes on (the library's reader stops for good, and the
// server then answers nothing, not even `exit`); a body that is not JSON gets -32700; a request
// without a method gets -32600, as JSON-RPC requires. Writing (stdio and node-ipc): every message
// goes through the redactor first, the second wall around secrets (core/redact.ts).
import {
  AbstractMessageReader,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';
import type { Redactor } from '../core/redact';

/** Bodies larger than this are skipped unread (no client sends a 64 MB message). */
const MAX_BODY = 64 * 1024 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
const HEADER_NAME = /content-(length|type)\s*:/i;

type Reply = (message: Message) => void;

/** A JSON-RPC error response for a message the connection will never see. */
function errorResponse(id: unknown, code: number, message: string): Message {
  const validId = typeof id === 'number' || typeof id === 'string' ? id : null;
  return { jsonrpc: '2.0', id: validId, error: { code, message } } as Message;
}

/** What to do with one decoded body: hand it on, or answer it here. */
/** Methods whose params must be an object (the library reads fields of them before any handler of ours runs). */
const OBJECT_PARAMS = /^(textDocument|workspace|tunnelLens|callHierarchy|typeHierarchy|inlayHint|codeLens|documentLink|completionItem|codeAction)\//;

export function screenMessage(body: unknown): { message?: Message; reply?: Message } {
  if (Array.isArray(body)) return { reply: errorResponse(null, -32600, 'Invalid Request: batches are not supported by LSP') };
  if (!body || typeof body !== 'object') return { reply: errorResponse(null, -32600, 'Invalid Request: not a JSON object') };
  const m = body as Record<string, unknown>;
  const hasMethod = typeof m.method === 'string';
  const isResponse = 'result' in m || 'error' in m;
  if (!hasMethod && !isResponse) return { reply: 'id' in m ? errorResponse(m.id, -32600, 'Invalid Request: no method') : undefined };
  if ('method' in m && !hasMethod) return { reply: 'id' in m ? errorResponse(m.id, -32600, 'Invalid Request: method must be a string') : undefined };
  if (hasMethod && 'id' in m && OBJECT_PARAMS.test(m.method as string) && (!m.params || typeof m.params !== 'object' || Array.isArray(m.params))) {
    return { reply: errorResponse(m.id, -32602, 'Invalid params: params must be an object') };
  }
  return { message: body as Message };
}

/**
 * Reads LSP frames from a stream: `Content-Length: N\r\n…\r\n\r\n` then N bytes of JSON. Unlike the
 * library's reader, a broken frame costs that frame only.
 */
export class ResilientStreamReader extends AbstractMessageReader implements MessageReader {
  private buffer: Buffer = Buffer.alloc(0);
  private skip = 0;
  private callback: DataCallback | undefined;

  constructor(
    private readonly readable: NodeJS.ReadableStream,
    private readonly reply: Reply,
    private readonly log: (line: string) => void = () => undefined,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer | string) => this.onData(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    const onEnd = () => this.fireClose();
    const onError = (e: Error) => this.fireError(e);
    this.readable.on('data', onData);
    this.readable.on('end', onEnd);
    this.readable.on('close', onEnd);
    this.readable.on('error', onError);
    return {
      dispose: () => {
        this.readable.off('data', onData);
        this.readable.off('end', onEnd);
        this.readable.off('close', onEnd);
        this.readable.off('error', onError);
        this.callback = undefined;
      },
    };
  }

  private onData(chunk: Buffer): void {
    if (this.skip > 0) {
      const n = Math.min(this.skip, chunk.length);
      this.skip -= n;
      chunk = chunk.subarray(n);
      if (chunk.length === 0) return;
    }
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const end = this.buffer.indexOf(HEADER_END);
      if (end < 0) {
        // A runaway header (no blank line in 64 KB) is junk: drop it, keep the tail where a frame may start.
        if (this.buffer.length > 65536) this.buffer = this.buffer.subarray(this.buffer.length - 16);
        return;
      }
      const header = this.buffer.subarray(0, end).toString('latin1');
      // Junk before a header (the body of a frame we could not size): start again at the header.
      if (!header.split('\r\n').every((l) => /^[A-Za-z][A-Za-z0-9-]*:/.test(l))) {
        const at = header.search(HEADER_NAME);
        this.buffer = this.buffer.subarray(at > 0 ? at : end + HEADER_END.length);
        continue;
      }
      const length = contentLength(header);
      const start = end + HEADER_END.length;
      if (length === undefined) {
        this.log('tunnel-lens: dropped an LSP frame without a valid Content-Length header');
        // Its body has no known end: skip to the next header.
        const rest = this.buffer.subarray(start).toString('latin1');
        const next = rest.search(HEADER_NAME);
        this.buffer = next >= 0 ? this.buffer.subarray(start + next) : this.buffer.subarray(Math.max(start, this.buffer.length - 16));
        continue;
      }
      if (length > MAX_BODY) {
        this.log(`tunnel-lens: skipped an LSP message of ${length} bytes (over ${MAX_BODY})`);
        const have = this.buffer.length - start;
        this.skip = Math.max(0, length - have);
        this.buffer = this.buffer.subarray(Math.min(this.buffer.length, start + length));
        continue;
      }
      if (this.buffer.length < start + length) return;
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        this.reply(errorResponse(null, -32700, 'Parse error: the message body is not JSON'));
        continue;
      }
      const { message, reply } = screenMessage(parsed);
      if (reply) this.reply(reply);
      if (message) this.callback?.(message);
    }
  }
}

function contentLength(header: string): number | undefined {
  for (const line of header.split('\r\n')) {
    const m = /^content-length:\s*(\d+)\s*$/i.exec(line);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** Passes each message on after masking every known secret in it. */
export class RedactingWriter implements MessageWriter {
  constructor(
    private readonly inner: MessageWriter,
    private readonly redactor: Redactor,
    /** Brings the redactor's secrets up to date before a message goes out. */
    private readonly refresh: () => void = () => undefined,
  ) {}

  get onError() {
    return this.inner.onError;
  }

  get onClose() {
    return this.inner.onClose;
  }

  write(message: Message): Promise<void> {
    try {
      this.refresh();
    } catch {
      // The redactor keeps the secrets it had; the first wall still holds.
    }
    return this.inner.write(this.redactor.maskDeep(message));
  }

  end(): void {
    this.inner.end();
  }

  dispose(): void {
    this.inner.dispose();
  }
}
