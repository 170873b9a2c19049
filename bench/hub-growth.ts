// Benchmark (not a timed test): how `tunnel-lens check` grows with the hub. Hub workspaces of
// 1k, 2k, 4k and 10k pairs (bench/gen.ts writeHubWorkspace: one IOS hub, N Libreswan spokes),
// each checked by a cold process (`node dist/cli.js check DIR`, best and median of RUNS), the
// ratio of each size to the one before (about 2 per doubling when linear), and the time beyond
// process start (`node dist/cli.js --version` measured in the same run). Then the server side:
// the stdio server indexes the 10k-pair workspace (10,001 files), its memory once the open hub's
// diagnostics are published, and the re-check after one edit of one spoke (didChange → that
// spoke's diagnostics, and → the hub's).
//   node esbuild.mjs && node --import tsx bench/hub-growth.ts [SIZES, default 1000,2000,4000,10000] [--runs N] [--no-server] [--json]
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { startServer } from '../test/helpers/lspClient';
import { pathToUri } from '../server/src/core/uri';
import { fmt, genSpoke, median, writeHubWorkspace } from './gen';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args[i + 1];
};
const SIZES = (args.find((a) => /^\d+(,\d+)*$/.test(a)) ?? '1000,2000,4000,10000').split(',').map(Number);
const RUNS = Number(flag('--runs') ?? 3);
const CLI = resolve(__dirname, '../dist/cli.js');

function timeCli(argv: string[]): { ms: number; status: number | null; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...argv], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  if (r.status === 2) throw new Error(r.stderr);
  return { ms, status: r.status, stdout: r.stdout };
}

function loadAvg(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

async function server(n: number, dir: string, hub: string, spokes: string[]) {
  const t0 = performance.now();
  const s = await startServer({ workspaceFolder: dir });
  try {
    const hubUri = pathToUri(hub);
    const published = s.diagnostics(hubUri, () => true, 1_200_000);
    await s.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: hubUri, languageId: 'cisco-ios', version: 1, text: readFileSync(hub, 'utf8') } });
    await published;
    const indexed = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 1000));
    const status = () => readFileSync(`/proc/${s.proc.pid}/status`, 'utf8');
    const mb = (key: string, st: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(st)![1]) / 1024;
    const st = status();
    // One spoke opened, then edited (salifetime 1h ↔ 2h): didChange → its diagnostics.
    const i = Math.floor(n / 2) + 1;
    const spokeUri = pathToUri(spokes[i]);
    let p = s.diagnostics(spokeUri, () => true, 600_000);
    await s.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: spokeUri, languageId: 'ipsec-conf', version: 1, text: genSpoke(i, 0) } });
    await p;
    // The server's CPU time (utime + stime, /proc/PID/stat, 10 ms ticks) once it has gone quiet:
    // the whole round of an edit, the files not open included (they are not published when unchanged).
    const cpu = () => {
      const f = readFileSync(`/proc/${s.proc.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(f[11]) + Number(f[12])) * 10;
    };
    const quiet = async () => {
      let a = cpu();
      for (;;) {
        await new Promise((r) => setTimeout(r, 150));
        const b = cpu();
        if (b === a) return b;
        a = b;
      }
    };
    const edits: number[] = [];
    const rounds: number[] = [];
    for (let v = 2; v < 14; v++) {
      const text = genSpoke(i, v % 2);
      const c0 = await quiet();
      p = s.diagnostics(spokeUri, () => true, 600_000);
      const e0 = performance.now();
      await s.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: spokeUri, version: v }, contentChanges: [{ text }] });
      await p;
      edits.push(performance.now() - e0);
      rounds.push((await quiet()) - c0);
    }
    return { indexed, rss: mb('VmRSS', st), hwm: mb('VmHWM', st), edit: median(edits.slice(2)), editMax: Math.max(...edits.slice(2)), round: median(rounds.slice(2)) };
  } finally {
    await s.stop();
  }
}

async function main() {
  console.log(`load average at start: ${loadAvg()} (nproc ${require('node:os').cpus().length})`);
  const start = [...Array(RUNS)].map(() => timeCli(['--version']).ms);
  const startup = Math.min(...start);
  console.log(`node + bundle start (dist/cli.js --version), best of ${RUNS}: ${fmt(startup)}`);
  const rows: { n: number; best: number; med: number; findings: string }[] = [];
  let last: { dir: string; hub: string; spokes: string[] } | undefined;
  for (const n of SIZES) {
    const ws = writeHubWorkspace(n);
    const times: number[] = [];
    let summary = '';
    for (let r = 0; r < RUNS; r++) {
      const out = timeCli(['check', ws.dir]);
      times.push(out.ms);
      summary = out.stdout.trimEnd().split('\n').pop() ?? '';
    }
    const best = Math.min(...times);
    rows.push({ n, best, med: median(times), findings: summary });
    const prev = rows[rows.length - 2];
    const ratio = prev ? ` ratio to ${prev.n}: ${(best / prev.best).toFixed(2)} (×${(n / prev.n).toFixed(1)} pairs; per doubling ${Math.pow(best / prev.best, 1 / Math.log2(n / prev.n)).toFixed(2)})` : '';
    console.log(`hub ${n} pairs: check cold best ${fmt(best)}, median ${fmt(median(times))} (runs ${times.map((t) => t.toFixed(0)).join(' ')}); beyond start ${fmt(best - startup)}; load ${loadAvg()};${ratio}`);
    console.log(`  ${summary}`);
    if (last) rmSync(last.dir, { recursive: true, force: true });
    last = ws;
  }
  const first = rows[0];
  const end = rows[rows.length - 1];
  if (rows.length > 1) console.log(`overall ${end.n}/${first.n}: ${(end.best / first.best).toFixed(2)} for ×${end.n / first.n} pairs; per doubling ${Math.pow(end.best / first.best, 1 / Math.log2(end.n / first.n)).toFixed(2)}`);
  if (!args.includes('--no-server') && last) {
    const m = await server(end.n, last.dir, last.hub, last.spokes);
    console.log(`server (dist/server.js --stdio) on the ${end.n}-pair hub (${end.n + 1} files): initialize → hub diagnostics ${fmt(m.indexed)}; RSS ${m.rss.toFixed(0)} MB, peak ${m.hwm.toFixed(0)} MB; re-check after one edit of one spoke (didChange → its diagnostics), median of 10 ${fmt(m.edit)}, max ${fmt(m.editMax)}; the whole round (server CPU until quiet, every file) median ${fmt(m.round)}; load ${loadAvg()}`);
  }
  if (last) rmSync(last.dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
