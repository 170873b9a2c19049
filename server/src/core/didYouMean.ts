// "Did you mean …?" for unknown keywords of every dialect: the nearest known word by edit distance.

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

/**
 * The closest candidate within `limit` edits (default: a third of the word's length;
 * case-insensitive), if any. With `caseOnly`, a candidate that differs only in case counts too
 * (strongSwan's keys are case-sensitive: `Type` → `type`).
 */
export function didYouMean(word: string, candidates: Iterable<string>, limit = Math.max(1, Math.floor(word.length / 3)), caseOnly = false): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    // The distance is at least the difference in length: a candidate that cannot come within the
    // limit is not measured (same answer; each 20,000-character key took 30–50 ms against the
    // ifcfg keys).
    const lc = c.toLowerCase();
    if (Math.abs(w.length - lc.length) > limit) continue;
    if (caseOnly && lc === w && c !== word) return c;
    const d = editDistance(w, lc);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD > 0 && bestD <= limit ? best : undefined;
}
