// `npm start`: runs the checker over samples/ and prints the findings. Exit status 1 (the broken
// samples have error findings, on purpose) is success here; 2 (usage, I/O, crash) is not.
import { spawnSync } from 'node:child_process';

const r = spawnSync(process.execPath, ['dist/cli.js', 'check', 'samples'], { stdio: 'inherit' });
process.exit(r.status === 0 || r.status === 1 ? 0 : r.status ?? 2);
