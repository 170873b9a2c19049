// The strongSwan release a swanctl.conf is checked against: a `# tunnel-lens: strongswan 6.0`
// directive beats the setting tunnelLens.strongswanVersion, which beats the default, 5.9.8 (Debian
// 12's charon, the oracle of docs/reference/swanctl-conf.md). A version without a patch level
// means the newest release of that line the notes cover (5.9 → 5.9.14, 6.0 → 6.0.6), so
// `strongswan 6.0` accepts every 6.0 key; write 6.0.1 for Debian 13's charon.
import type { Range } from 'vscode-languageserver-types';
import type { Settings } from '../../core/types';
import { compareVersions, readDirectives, versionParts } from '../../core/versions';

export const DEFAULT_VERSION = '5.9.8';

/** The newest release of each line that docs/reference/swanctl-conf.md covers. */
const NEWEST_OF_LINE: Readonly<Record<string, string>> = { '5.9': '5.9.14', '6.0': '6.0.6' };

export interface Target {
  /** The release as a full version, e.g. 5.9.8. */
  version: string;
  /** What was written ("6.0"), for messages. */
  written: string;
  source: 'directive' | 'setting' | 'default';
  /** Which rule chose it, for hovers and messages. */
  reason: string;
  range?: Range;
}

function full(v: string): string {
  const parts = versionParts(v);
  if (parts.length === 0) return DEFAULT_VERSION;
  if (parts.length >= 3) return parts.slice(0, 3).join('.');
  const line = `${parts[0]}.${parts[1] ?? 0}`;
  return NEWEST_OF_LINE[line] ?? `${line}.0`;
}

const shown = (written: string, version: string) => (written === version ? version : `${written} (read as ${version})`);

export function detectTarget(text: string, settings: Settings): Target {
  // Only a `#` comment is a comment here (docs/reference/swanctl-conf.md §1).
  const d = readDirectives(text).find((x) => x.product === 'strongswan' && lineAt(text, x.line).trimStart().startsWith('#'));
  if (d && d.version) {
    const version = full(d.version);
    return {
      version,
      written: d.version,
      source: 'directive',
      reason: `the \`# tunnel-lens: strongswan ${d.version}\` directive on line ${d.line + 1}`,
      range: { start: { line: d.line, character: d.start }, end: { line: d.line, character: d.end } },
    };
  }
  const s = settings.versions.strongswan;
  if (s && versionParts(s).length) {
    const version = full(s);
    return { version, written: s, source: 'setting', reason: `the setting tunnelLens.strongswanVersion = ${shown(s, version)}` };
  }
  return { version: DEFAULT_VERSION, written: DEFAULT_VERSION, source: 'default', reason: `no directive or setting: strongSwan ${DEFAULT_VERSION} (Debian 12) assumed` };
}

function lineAt(text: string, line: number): string {
  let start = 0;
  for (let l = 0; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return '';
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end);
}

/** True when the target has what arrived in `since` (undefined: always). */
export function hasSince(t: Target, since: string | undefined): boolean {
  return since === undefined || compareVersions(t.version, since) >= 0;
}

/** True when the target still has what `until` removed (undefined: never removed). */
export function beforeUntil(t: Target, until: string | undefined): boolean {
  return until === undefined || compareVersions(t.version, until) < 0;
}

export function targetLabel(t: Target): string {
  return `strongSwan ${t.version}`;
}
