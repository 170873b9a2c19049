// Fuzzing (not a test): CASES cases per dialect (default 100,000) and for the pcap decoder, seeded;
// prints cases/s, the slowest case and every failure (first lines of its input). See
// test/fuzz/harness.ts for what a case does; test/fuzz/fuzz.test.ts runs a seeded 5,000-case share.
//   node --import tsx bench/fuzz.ts [CASES] [SEED] [dialect...]
import { writeFileSync } from 'node:fs';
import { DIALECT_IDS, fuzzDialect, fuzzPcap, loadPcapSeeds, loadSeeds, type Failure } from '../test/fuzz/harness';

const CASES = Number(process.argv[2] ?? 100_000);
const SEED = Number(process.argv[3] ?? 20261126);
const only = process.argv.slice(4);
const seeds = loadSeeds();
const all: Failure[] = [];
for (const d of DIALECT_IDS) {
  if (only.length && !only.includes(d)) continue;
  const r = fuzzDialect(d, seeds[d], CASES, SEED);
  all.push(...r.failures);
  console.log(`${d}: ${CASES} cases from ${seeds[d].length} seeds in ${(r.ms / 1000).toFixed(1)} s (${Math.round(CASES / (r.ms / 1000))} cases/s), slowest ${r.slowest.toFixed(0)} ms, ${r.failures.length} failures`);
}
if (!only.length || only.includes('pcap')) {
  const r = fuzzPcap(loadPcapSeeds(), CASES, SEED);
  all.push(...r.failures);
  console.log(`pcap: ${CASES} captures (${r.packets} packets decoded 3 ways) in ${(r.ms / 1000).toFixed(1)} s, slowest ${r.slowest.toFixed(0)} ms, ${r.failures.length} failures`);
}
const seen = new Set<string>();
for (const f of all) {
  const key = `${f.dialect}|${f.what.split('\n')[0].replace(/\d+/g, 'N')}`;
  if (seen.has(key)) continue;
  seen.add(key);
  console.log(`\nFAILURE ${f.dialect} case ${f.case}: ${f.what}\n--- input (first 400 chars) ---\n${JSON.stringify(f.input.slice(0, 400))}`);
}
if (all.length) writeFileSync(process.env.FUZZ_OUT ?? '/tmp/tunnel-lens-fuzz-failures.json', JSON.stringify(all.slice(0, 200), null, 1));
