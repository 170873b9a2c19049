// Which daemon and which version a file is written for. Order (DESIGN): a `# tunnel-lens:`
// directive in the file beats the setting, the setting beats a guess from the content.
import type { Settings } from '../../core/types';
import type { Range } from 'vscode-languageserver-types';

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

const DIRECTIVE = /^[ \t]*#[ \t]*tunnel-lens:[ \t]*(libreswan|strongswan)(?:[ \t]+v?(\d+(?:\.\d+)*))?/im;

/** strongSwan-only keys: their presence means the file was written for strongSwan. */
const STRONGSWAN_ONLY = /^[ \t]+(keyexchange|leftfirewall|rightfirewall|lefthostaccess|righthostaccess|leftauth2|rightauth2|margintime|eap_identity|aaa_identity|closeaction|charondebug|leftsigkey|rightsigkey|leftallowany|rightallowany|mediation|xauth_identity|leftdns|rightdns)[ \t]*=/m;

function make(daemon: Daemon, version: string, source: Target['source'], reason: string, range?: Range): Target {
  const [maj, min] = version.split('.').map((n) => Number(n));
  return { daemon, version, major: maj || 0, minor: min || 0, source, reason, range };
}

export function detectTarget(text: string, settings: Settings): Target {
  const d = DIRECTIVE.exec(text);
  if (d) {
    const daemon = d[1].toLowerCase() as Daemon;
    const line = text.slice(0, d.index).split('\n').length - 1;
    const fromSetting = daemon === 'libreswan' ? settings.versions.libreswan : settings.versions.strongswan;
    const version = d[2] ?? fromSetting ?? (daemon === 'libreswan' ? DEFAULT_LIBRESWAN : DEFAULT_STRONGSWAN);
    return make(daemon, version, 'directive', `the \`# tunnel-lens: ${d[1]}${d[2] ? ' ' + d[2] : ''}\` directive on line ${line + 1}`, {
      start: { line, character: 0 },
      end: { line, character: d[0].length },
    });
  }
  const lsw = settings.versions.libreswan;
  const ss = settings.versions.strongswan;
  // Exactly one daemon configured: the setting decides (it beats a guess).
  if (lsw && !ss) return make('libreswan', lsw, 'setting', `the setting tunnelLens.libreswanVersion = ${lsw}`);
  if (ss && !lsw) return make('strongswan', ss, 'setting', `the setting tunnelLens.strongswanVersion = ${ss}`);
  const clue = guessStrongswan(text);
  if (clue) return make('strongswan', ss ?? DEFAULT_STRONGSWAN, ss ? 'setting' : 'guess', `guessed strongSwan: ${clue}`);
  if (lsw) return make('libreswan', lsw, 'setting', `the setting tunnelLens.libreswanVersion = ${lsw}`);
  return make('libreswan', DEFAULT_LIBRESWAN, 'default', `no directive or setting; Libreswan ${DEFAULT_LIBRESWAN} assumed`);
}

/** Content clues that only strongSwan writes; returns the clue or undefined. */
function guessStrongswan(text: string): string | undefined {
  const m = STRONGSWAN_ONLY.exec(text);
  if (m) return `\`${m[1]}=\` is a strongSwan keyword`;
  if (/^ca[ \t]+\S/m.test(text)) return 'a `ca` section';
  if (/^[ \t]+(ike|esp|ah)[ \t]*=[^\n#]*!/m.test(text)) return 'a strict `!` proposal suffix';
  return undefined;
}

/** a >= b for dotted versions. */
export function atLeast(t: { version: string }, v: string): boolean {
  const a = t.version.split('.').map(Number);
  const b = v.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export function targetLabel(t: Target): string {
  return `${t.daemon === 'libreswan' ? 'Libreswan' : 'strongSwan'} ${t.version}`;
}
