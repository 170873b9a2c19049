// Version numbers and the `tunnel-lens:` directive, one copy for every dialect. A directive in a
// file (`# tunnel-lens: libreswan 3.25`, `! tunnel-lens: ios 15.7`, `; tunnel-lens: networkmanager
// 1.40`) beats the setting, which beats a guess from the content (README, "Versions").

/** Numeric comparison of dotted versions ("15.7(3)M6", "1.42.6", "5.9"): -1, 0, 1. Missing parts are 0. */
export function compareVersions(a: string, b: string): number {
  const pa = partsOf(a);
  const pb = partsOf(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** a >= b. */
export function atLeast(a: string, b: string): boolean {
  return compareVersions(a, b) >= 0;
}

/** The leading numbers of a version: "15.7(3)M6" → [15, 7, 3], "v4.10" → [4, 10]. */
export function versionParts(v: string): number[] {
  return partsOf(v).slice();
}

// The few versions of a workspace are compared hundreds of thousands of times (every key of every
// conn against its table's since/removedIn): each is read once (bounded, shared, never changed).
const PARTS = new Map<string, readonly number[]>();

function partsOf(v: string): readonly number[] {
  let p = PARTS.get(v);
  if (p === undefined) {
    if (PARTS.size >= 10_000) PARTS.clear();
    PARTS.set(v, (p = readParts(v)));
  }
  return p;
}

function readParts(v: string): number[] {
  const m = /^\s*v?(\d+(?:[.(-]\d+)*)/i.exec(v);
  return m ? m[1].split(/[.(-]/).map((x) => Number.parseInt(x, 10) || 0) : [];
}

export interface Directive {
  /** Lower case: 'libreswan', 'strongswan', 'ios', 'networkmanager', … */
  product: string;
  /** Absent in `# tunnel-lens: strongswan` (the dialect then takes the setting or its default). */
  version?: string;
  line: number;
  /** Columns of the directive's text on its line. */
  start: number;
  end: number;
}

const directiveRe = (comments: string) => new RegExp(`^([ \\t]*)[${comments.replace(/[\]\\^-]/g, '\\$&')}][ \\t]*tunnel-lens:[ \\t]*([A-Za-z][A-Za-z-]*)(?:[ \\t]+v?(\\d[\\w.()-]*))?`, 'i');
const DEFAULT_DIRECTIVE = directiveRe('#;!');

/**
 * Every `tunnel-lens:` directive of a text, in order: a comment line (by default of #, ; or !;
 * a dialect passes its own comment characters) naming a product and a version. The words are
 * matched without regard to case.
 */
export function readDirectives(text: string, comments?: string): Directive[] {
  const out: Directive[] = [];
  const DIRECTIVE = comments ? directiveRe(comments) : DEFAULT_DIRECTIVE;
  const lower = text.includes('TUNNEL') || text.includes('Tunnel-') ? text.toLowerCase() : text;
  // Only lines that can hold one are matched: the scan stays linear on a 100,000-line file.
  let at = lower.indexOf('tunnel-lens:');
  while (at >= 0) {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const lineEnd = text.indexOf('\n', at);
    const lineText = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    const m = DIRECTIVE.exec(lineText);
    if (m) {
      const line = countLines(text, lineStart);
      out.push({ product: m[2].toLowerCase(), version: m[3], line, start: m[1].length, end: m[0].length });
    }
    at = lineEnd < 0 ? -1 : lower.indexOf('tunnel-lens:', lineEnd);
  }
  return out;
}

/** The first directive for one of the products, if any. */
export function directiveFor(text: string, ...products: string[]): Directive | undefined {
  return readDirectives(text).find((d) => products.includes(d.product));
}

/** The same, with the dialect's own comment characters. */
export function directiveIn(text: string, comments: string, ...products: string[]): Directive | undefined {
  return readDirectives(text, comments).find((d) => products.includes(d.product));
}

function countLines(text: string, upTo: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < upTo; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The releases each product's tables (keywords, defaults, proposals) are written for, oldest and
 * newest: a target outside them is read with the nearest one's rules, and the command line says so.
 */
export const KNOWN_VERSIONS = {
  libreswan: { name: 'Libreswan', oldest: '3.25', newest: '5.4', example: '4.10' },
  strongswan: { name: 'strongSwan', oldest: '5.9', newest: '6.0.6', example: '5.9' },
  ios: { name: 'Cisco IOS / IOS-XE', oldest: '12.4', newest: '17.15', example: '15.7' },
  networkmanager: { name: 'NetworkManager', oldest: '1.20', newest: '1.52', example: '1.42.6' },
} as const;

export type Product = keyof typeof KNOWN_VERSIONS;
