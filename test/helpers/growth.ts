// Speed claims in tests are ratios, never wall-clock limits (the machines are shared and noisy):
// how the CPU time grows when the input grows, or how two inputs of the same size compare.

/** CPU milliseconds of fn, the best of `runs` (the least disturbed run). */
export function cpuMs(fn: () => void, runs = 5): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
  }
  return best;
}

/**
 * time(k·n) / time(n): about k when linear, k² when quadratic. A factor of 4 keeps the two far
 * apart (4 against 16), so a noisy machine cannot make a linear workload look quadratic.
 */
export function growthRatio(work: (n: number) => () => void, n: number, factor: number, runs = 5): { ratio: number; small: number; large: number } {
  const small = Math.max(1, cpuMs(work(n), runs));
  const large = Math.max(1, cpuMs(work(factor * n), runs));
  return { ratio: large / small, small, large };
}

/** time(a) / time(b), each the best of `runs`, floored at 1 ms. */
export function costRatio(a: () => void, b: () => void, runs = 5): { ratio: number; a: number; b: number } {
  const ta = Math.max(1, cpuMs(a, runs));
  const tb = Math.max(1, cpuMs(b, runs));
  return { ratio: ta / tb, a: ta, b: tb };
}
