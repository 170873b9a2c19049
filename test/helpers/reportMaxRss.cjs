// Preloaded into a CLI run (node --require …): prints the process's peak RSS on stderr at exit, so
// a test can check that a hostile file was not read into memory.
process.on('exit', () => require('node:fs').writeSync(2, `\nMAXRSS_KB ${process.resourceUsage().maxRSS}\n`));
