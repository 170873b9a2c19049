// Benchmark: a hub workspace of N peer pairs (one IOS hub with N/2 protected Tunnel interfaces and
// N/2 crypto map entries; N Libreswan spokes, one ipsec.conf each), generated into a temp dir.
//   - full check: read + parse every file, per-file checks, peer analysis, every file's findings;
//   - re-check after one edit of one spoke (what the server does on a keystroke: every file's findings);
//   - the ratio of 2N pairs to N (must stay near 2: linear);
//   - the stdio server's memory (RSS) once it has indexed the hub workspace and published.
//   node --import tsx bench/hub.ts [N]
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { LanguageService } from '../server/src/service/languageService';
import { nodeFileSystem, listFilesRecursively } from '../server/src/node/nodeFs';
import { pathToUri } from '../server/src/core/uri';
import { DEFAULT_SETTINGS } from '../server/src/core/types';
import { startServer } from '../test/helpers/lspClient';
import { genSpoke, median, writeHubWorkspace, fmt } from './gen';

const N = Number(process.argv[2] ?? 1000);
const RUNS = 5;

function fullCheck(dir: string) {
  const t0 = performance.now();
  const service = new LanguageService({ fs: nodeFileSystem, settings: () => DEFAULT_SETTINGS });
  const uris: string[] = [];
  for (const p of listFilesRecursively(dir)) {
    const uri = pathToUri(p);
    if (service.workspace.refreshFromDisk(uri)) uris.push(uri);
  }
  let findings = 0;
  for (const u of uris) findings += service.findings(u).length;
  return { ms: performance.now() - t0, service, uris, findings };
}

function measure(n: number) {
  const ws = writeHubWorkspace(n);
  const fulls: number[] = [];
  let last!: ReturnType<typeof fullCheck>;
  for (let i = 0; i < RUNS; i++) {
    last = fullCheck(ws.dir);
    fulls.push(last.ms);
  }
  const { service, uris } = last;
  const pairs = service.pairs().length;
  // One keystroke-like edit of one spoke, alternating, then every file's findings (as publishAll).
  const spokeUri = pathToUri(ws.spokes[Math.floor(n / 2) + 1]);
  const edits: number[] = [];
  const peerOnly: number[] = [];
  for (let v = 0; v < 20; v++) {
    const t0 = performance.now();
    service.workspace.openDocument(TextDocument.create(spokeUri, 'ipsec-conf', 100 + v, genSpoke(Math.floor(n / 2) + 1, v % 2)));
    service.pairs();
    const t1 = performance.now();
    for (const u of uris) service.findings(u);
    edits.push(performance.now() - t0);
    peerOnly.push(t1 - t0);
  }
  if (process.env.DEBUG) console.log(n, fulls.map((x) => x.toFixed(0)).join(" "));
  return { ws, full: median(fulls), edit: median(edits.slice(5)), peer: median(peerOnly.slice(5)), pairs, files: uris.length, findings: last.findings };
}

async function serverMemory(dir: string, hub: string) {
  const s = await startServer({ workspaceFolder: dir });
  try {
    const uri = pathToUri(hub);
    const t0 = performance.now();
    // Open the hub (the server publishes files not open only when they have findings).
    const published = s.diagnostics(uri, () => true, 300_000);
    await s.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'cisco-ios', version: 1, text: readFileSync(hub, 'utf8') } });
    await published;
    const ready = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 500));
    const status = readFileSync(`/proc/${s.proc.pid}/status`, 'utf8');
    const rss = Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
    const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024;
    return { rss, hwm, ready };
  } finally {
    await s.stop();
  }
}

async function main() {
  measure(Math.min(N, 200)); // warm-up (JIT)
  const a = measure(N);
  console.log(`hub ${N}: ${a.files} files, ${a.pairs} pairs, ${a.findings} findings`);
  console.log(`  full check (read + parse + checks + peer analysis + every file's findings), median of ${RUNS}: ${fmt(a.full)} (target < 2000 ms)`);
  console.log(`  re-check after one edit of one spoke (every file's findings), median of 15: ${fmt(a.edit)} (target < 100 ms); of which pairing + peer checks ${fmt(a.peer)}`);
  const b = measure(2 * N);
  console.log(`hub ${2 * N}: ${b.files} files, ${b.pairs} pairs, full check ${fmt(b.full)}, re-check ${fmt(b.edit)}`);
  console.log(`  ratio ${2 * N}/${N} pairs: full check ${(b.full / a.full).toFixed(2)} (target <= 2.2), re-check ${(b.edit / a.edit).toFixed(2)}`);
  const m = await serverMemory(a.ws.dir, a.ws.hub);
  console.log(`server (dist/server.js --stdio) on the ${N}-pair hub: RSS ${m.rss.toFixed(0)} MB, peak RSS ${m.hwm.toFixed(0)} MB, initialize → hub diagnostics ${fmt(m.ready)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
