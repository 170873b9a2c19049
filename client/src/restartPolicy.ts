// What the client does when the language server dies: restart it, and say so in the output
// channel (that it stopped, that it is restarted, which restart this is, and that it runs again),
// up to MAX_RESTARTS times in WINDOW_MS (a server that crashes at every start is not restarted
// forever). The default handler of vscode-languageclient restarts without a word.
// Pure decisions, mapped onto the library's enums in extension.ts (the library needs `vscode`).

export const MAX_RESTARTS = 5;
export const WINDOW_MS = 3 * 60 * 1000;

export interface RestartPolicy {
  /** A connection error: go on for the first few, then shut the connection down. */
  error(message: string, count: number | undefined): 'continue' | 'shutdown';
  /** The server process ended. */
  closed(): 'restart' | 'stop';
  /** The client reached the running state: after a restart, the log says the server is back. */
  running(): void;
}

export function restartPolicy(log: { info(m: string): void; warn(m: string): void; error(m: string): void }, now: () => number = Date.now): RestartPolicy {
  const restarts: number[] = [];
  let restarting = false;
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
      restarting = true;
      log.warn(
        `Tunnel Lens language server stopped unexpectedly (its process exited or was killed); restarting it (restart ${restarts.length} of at most ${MAX_RESTARTS} in ${WINDOW_MS / 60000} minutes).`,
      );
      return 'restart';
    },
    running() {
      if (!restarting) return;
      restarting = false;
      log.info(`Tunnel Lens language server restarted (restart ${restarts.length} of at most ${MAX_RESTARTS} in ${WINDOW_MS / 60000} minutes): it is running again and re-checks the open files.`);
    },
  };
}
