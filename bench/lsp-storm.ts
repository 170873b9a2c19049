// Benchmark: an edit storm against the real dist/server.js --stdio (build it first: `node
// esbuild.mjs`). The 100,000-line IOS config is opened; then 1,000 didChange notifications are sent
// as fast as the pipe takes them (a paste macro, a fast typist), then a hover queued behind them
// and another 60 ms later.
// Measured: each hover's answer time during the storm, the time from the last edit to the
// diagnostics of the final version, the server's peak RSS (sampled from /proc every 20 ms), its RSS
// after didClose, and how long shutdown + exit take. Targets (issue 17): diagnostics within 2 s of
// the last edit, hover within 200 ms, peak RSS under 600 MB, back within 20% of the pre-storm RSS
// after didClose, shutdown/exit within 1 s.
//   node --import tsx bench/lsp-storm.ts [EDITS]
import { readFileSync } from 'node:fs';
import { DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, ExitNotification, HoverRequest, ShutdownRequest } from 'vscode-languageserver-protocol/node';
import { startServer } from '../test/helpers/lspClient';
import { fmt, genIos } from './gen';

const EDITS = Number(process.argv[2] ?? 1000);

const rssOf = (pid: number) => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
};
const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;

async function main() {
  const s = await startServer();
  const pid = s.proc.pid!;
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 20);
  const uri = 'file:///tmp/tl-storm/big-confg';
  const text = genIos(100_000);
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes(' ip mtu 140'));
  const character = lines[at].indexOf(' ip mtu 140') + ' ip mtu 140'.length;
  let lastVersion = 1;
  let resolveFinal: ((t: number) => void) | undefined;
  let finalVersionText = '';
  s.onPublish((p) => {
    if (p.uri === uri && p.version === lastVersion && resolveFinal && finalVersionText) resolveFinal(performance.now());
  });
  const t0 = performance.now();
  const first = s.diagnostics(uri, () => true, 120_000);
  await s.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'cisco-ios', version: 1, text } });
  await first;
  console.log(`open + first diagnostics: ${fmt(performance.now() - t0)}`);
  await new Promise((r) => setTimeout(r, 500));
  const before = rssOf(pid);
  peak = before;
  const hovers: Promise<number>[] = [];
  const tStorm = performance.now();
  for (let i = 0; i < EDITS; i++) {
    const v = ++lastVersion;
    const insert = i % 2 === 0;
    const range = insert ? { start: { line: at, character }, end: { line: at, character } } : { start: { line: at, character }, end: { line: at, character: character + 1 } };
    void s.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [{ range, text: insert ? '7' : '' }] });
  }
  const tLast = performance.now();
  // A hover queued right behind the storm, and one a little later while the analysis runs: each
  // measured from its own request.
  const hover = () => {
    const h0 = performance.now();
    return s.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: at, character: 2 } }).then(() => performance.now() - h0);
  };
  hovers.push(hover());
  await new Promise((r) => setTimeout(r, 60));
  hovers.push(hover());
  finalVersionText = 'yes';
  // The final version's diagnostics: the next publication for the uri after the last edit was sent.
  const final = await new Promise<number>((r) => {
    resolveFinal = r;
  });
  const hoverTimes = await Promise.all(hovers);
  console.log(`${EDITS} edits sent in ${fmt(tLast - tStorm)}`);
  console.log(`diagnostics of the final version: ${fmt(final - tLast)} after the last edit (target < 2000 ms)`);
  console.log(`hover queued behind the storm: ${fmt(hoverTimes[0])}; 60 ms later, during the analysis: ${fmt(hoverTimes[1])} (target < 200 ms)`);
  console.log(`RSS: before the storm ${mb(before)}, peak ${mb(peak)} (target < 600 MB)`);
  await s.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  await new Promise((r) => setTimeout(r, 1500));
  (global as { gc?: () => void }).gc?.();
  const afterClose = rssOf(pid);
  console.log(`RSS after didClose: ${mb(afterClose)} (${afterClose <= before ? "below" : `${((afterClose / before - 1) * 100).toFixed(0)}% over`} the pre-storm figure; target: no more than 20% over)`);
  clearInterval(sampler);
  const tShut = performance.now();
  await s.conn.sendRequest(ShutdownRequest.type);
  await s.conn.sendNotification(ExitNotification.type);
  await new Promise((r) => (s.proc.exitCode !== null ? r(null) : s.proc.once('exit', r)));
  console.log(`shutdown + exit: ${fmt(performance.now() - tShut)} (target < 1000 ms)`);
  s.conn.dispose();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
