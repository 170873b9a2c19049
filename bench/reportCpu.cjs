// Preloaded into a CLI run by the benchmarks (node --require …): prints, on stderr at exit, the
// process's CPU time (user + system, all threads) and its wall time since it started, so a figure
// can be read both ways on a shared machine.
process.on('exit', () => {
  const u = process.cpuUsage();
  require('node:fs').writeSync(2, `\nBENCH_CPU_MS ${((u.user + u.system) / 1000).toFixed(1)} BENCH_WALL_MS ${performance.now().toFixed(1)}\n`);
});
