// What the client does when the language server dies: restart it, and say so in the output
// channel, up to MAX_RESTARTS times in WINDOW_MS (a server that crashes at every start is not
// restarted forever). The default handler of vscode-languageclient restarts without a word.
// Pure decisions, mapped onto the library's enums in extension.ts (the library needs `vscode`).

export const MAX_RESTARTS = 5;
export const WINDOW_MS = 3 * 60 * 1000;

export interface RestartPolicy {
  /** A connection error: go on for the first few, then shut the connection down. */
  error(message: string, count: number | undefined): 'continue' | 'shutdown';
  /** The server process ended. */
  closed(): 'restart' | 'stop';
}

export function restartPolicy(log: { warn(m: string): void; error(m: string): void }, now: () => number = Date.now): RestartPolicy {
  const restarts: number[] = [];
  return {
    error(message, count) {
      log.error(`Tunnel Lens language server: connection error (${message})`);
      return count !== undefined && count <= 3 ? 'continue' : 'shutdown';
    },
    closed() {
      const t = now();
      while (restarts.length && t - restarts[0] > WINDOW_MS) restarts.shift();
      if (restarts.length >= MAX_RESTARTS) {
        log.error(`Tunnel Lens language server stopped ${MAX_RESTARTS + 1} times in ${WINDOW_MS / 60000} minutes; it is not restarted again. Reload the window to try again, and see the log above for the cause.`);
        return 'stop';
      }
      restarts.push(t);
      log.warn(`Tunnel Lens language server stopped unexpectedly; restarting it (restart ${restarts.length} of at most ${MAX_RESTARTS} in ${WINDOW_MS / 60000} minutes).`);
      return 'restart';
    },
  };
}
