// Small helpers the Linux dialects share: finding construction, did-you-mean, version directives.
import type { Range } from 'vscode-languageserver-types';
import type { Finding, Severity } from '../../core/types';
import type { FindingCode } from '../../core/codes';

export function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

export function finding(uri: string, code: FindingCode, severity: Severity, message: string, r: Range): Finding {
  return { code, severity, message, uri, range: r, related: [], fixes: [] };
}

function distance(a: string, b: string): number {
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

/** The closest candidate within a third of the word's length (case-insensitive), if any. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    // The distance is at least the difference in length: a candidate that cannot come within the
    // limit is not measured (same answer; each 20,000-character key took 30–50 ms
    // against the ifcfg keys).
    const lc = c.toLowerCase();
    if (Math.abs(w.length - lc.length) > limit) continue;
    const d = distance(w, lc);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD > 0 && bestD <= limit ? best : undefined;
}

/** `# tunnel-lens: networkmanager 1.40` → { networkmanager: '1.40' } with the line. */
export function versionDirectives(text: string): Map<string, { version: string; line: number }> {
  const out = new Map<string, { version: string; line: number }>();
  text.split('\n').forEach((l, line) => {
    const m = /^\s*[#;!]\s*tunnel-lens:\s*([A-Za-z-]+)\s+([0-9][\w.-]*)/.exec(l);
    if (m) out.set(m[1].toLowerCase(), { version: m[2], line });
  });
  return out;
}

/** Numeric comparison of dotted versions: -1, 0, 1. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d < 0 ? -1 : 1;
  }
  return 0;
}

export function contains(r: Range, pos: { line: number; character: number }): boolean {
  if (pos.line < r.start.line || pos.line > r.end.line) return false;
  if (pos.line === r.start.line && pos.character < r.start.character) return false;
  if (pos.line === r.end.line && pos.character > r.end.character) return false;
  return true;
}

/** Parses a decimal (or 0x hex when allowed) integer in [min, max]; undefined otherwise. */
export function parseIntIn(text: string, min: number, max: number, hex = false): number | undefined {
  const t = text.trim();
  let v: number;
  if (/^\d+$/.test(t)) v = Number(t);
  else if (hex && /^0x[0-9a-f]+$/i.test(t)) v = parseInt(t, 16);
  else return undefined;
  return v >= min && v <= max ? v : undefined;
}
