// Which daemon and which version a file is written for. A `# tunnel-lens: libreswan 3.25` directive
// in the file beats the setting, the setting beats a guess from the content (docs/checks.md,
// version-incompatible; the guess weighs every key, detect.ts): the directive syntax and the
// version arithmetic are core/versions.ts's.
import type { Settings } from '../../core/types';
import type { Range } from 'vscode-languageserver-types';
import { readDirectives, versionParts, type Directive } from '../../core/versions';
import { guess } from './detect';

export type Daemon = 'libreswan' | 'strongswan';

export interface Target {
  daemon: Daemon;
  /** e.g. "4.10", "3.25", "5.9". */
  version: string;
  major: number;
  minor: number;
  source: 'directive' | 'setting' | 'guess' | 'default';
  /** Why, for hover and messages: "`# tunnel-lens: libreswan 3.25` on line 1". */
  reason: string;
  range?: Range;
}

export const DEFAULT_LIBRESWAN = '4.10';
export const DEFAULT_STRONGSWAN = '5.9';

const DAEMONS: readonly string[] = ['libreswan', 'strongswan'] satisfies Daemon[];

function make(daemon: Daemon, version: string, source: Target['source'], reason: string, range?: Range): Target {
  const [major, minor] = versionParts(version);
  return { daemon, version, major: major ?? 0, minor: minor ?? 0, source, reason, range };
}

/**
 * The first `tunnel-lens:` directive for Libreswan or strongSwan. In ipsec.conf only `#` starts a
 * comment, so a `;` or `!` line (another dialect's comment) is no directive here.
 */
export function daemonDirective(text: string): (Directive & { product: Daemon }) | undefined {
  for (const d of readDirectives(text)) {
    if (DAEMONS.includes(d.product) && lineText(text, d.line)[d.start] === '#') return d as Directive & { product: Daemon };
  }
  return undefined;
}

function lineText(text: string, line: number): string {
  let start = 0;
  for (let l = 0; l < line && start >= 0; l++) start = text.indexOf('\n', start) + 1 || -1;
  if (start < 0) return '';
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end);
}

export function detectTarget(text: string, settings: Settings): Target {
  const d = daemonDirective(text);
  if (d) {
    const daemon = d.product;
    // Only the dotted numbers count: `4.10rc1` is 4.10.
    const written = d.version !== undefined ? versionParts(d.version).join('.') : undefined;
    const fromSetting = daemon === 'libreswan' ? settings.versions.libreswan : settings.versions.strongswan;
    const version = written || fromSetting || (daemon === 'libreswan' ? DEFAULT_LIBRESWAN : DEFAULT_STRONGSWAN);
    return make(daemon, version, 'directive', `the \`# tunnel-lens: ${daemon}${written ? ' ' + written : ''}\` directive on line ${d.line + 1}`, {
      start: { line: d.line, character: 0 },
      end: { line: d.line, character: d.end },
    });
  }
  const lsw = settings.versions.libreswan;
  const ss = settings.versions.strongswan;
  // Exactly one daemon configured: the setting decides (it beats a guess).
  if (lsw && !ss) return make('libreswan', lsw, 'setting', `the setting tunnelLens.libreswanVersion = ${lsw}`);
  if (ss && !lsw) return make('strongswan', ss, 'setting', `the setting tunnelLens.strongswanVersion = ${ss}`);
  // No directive and not exactly one setting: the content decides, weighing every key (detect.ts).
  const g = guess(text, DEFAULT_LIBRESWAN);
  if (g.daemon === 'strongswan') return make('strongswan', ss ?? DEFAULT_STRONGSWAN, ss ? 'setting' : 'guess', g.reason);
  if (lsw) return make('libreswan', lsw, 'setting', `the setting tunnelLens.libreswanVersion = ${lsw}`);
  if (g.version) return make('libreswan', g.version, 'guess', g.reason);
  return make('libreswan', DEFAULT_LIBRESWAN, 'default', g.reason);
}

export function targetLabel(t: Target): string {
  return `${t.daemon === 'libreswan' ? 'Libreswan' : 'strongSwan'} ${t.version}`;
}
