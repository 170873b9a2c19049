// After a large document closes, its trees are garbage; V8 collects them only under allocation
// pressure, so an idle server would keep its RSS at the storm's peak for a long time. A full
// collection, once the editor is quiet, gives the memory back. `gc` is exposed at run time: the
// editors that start us do not pass --expose-gc.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined | null;

function gcFunction(): (() => void) | undefined {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  return collect ?? undefined;
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** A full collection after `idleMs` without another call. */
export function collectGarbageSoon(idleMs = 1000): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    gcFunction()?.();
  }, idleMs);
  timer.unref?.();
}
