// The client restarts a dead server and says so; a server that keeps dying is given up on, saying why.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { MAX_RESTARTS, restartPolicy, WINDOW_MS } from '../../client/src/restartPolicy';

test('restart on close, with a line in the output channel; give up after too many in the window; start over after it', () => {
  const lines: string[] = [];
  let t = 0;
  const p = restartPolicy({ info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) }, () => t);
  p.running();
  assert.equal(lines.length, 0, 'the first start is not a restart');
  for (let i = 1; i <= MAX_RESTARTS; i++) {
    assert.equal(p.closed(), 'restart');
    assert.match(lines.at(-1)!, new RegExp(`^warn Tunnel Lens language server stopped unexpectedly .*restarting it \\(restart ${i} of at most ${MAX_RESTARTS}`));
    p.running();
    assert.match(lines.at(-1)!, new RegExp(`^info Tunnel Lens language server restarted \\(restart ${i} of .*running again`));
    p.running();
    assert.equal(lines.filter((l) => l.startsWith('info')).length, i, 'one "restarted" line per restart');
    t += 1000;
  }
  assert.equal(p.closed(), 'stop');
  assert.match(lines.at(-1)!, /^error .*not restarted again/);
  t += WINDOW_MS + 1;
  assert.equal(p.closed(), 'restart', 'a new window starts a new count');
  assert.equal(p.error('EPIPE', 1), 'continue');
  assert.equal(p.error('EPIPE', 4), 'shutdown');
});
