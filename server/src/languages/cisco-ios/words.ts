// Small readers every command family shares: ranges of words and lines, interface names as
// show-run prints them, addresses with masks, pre-shared keys (their digest, never their text).
import type { Range } from 'vscode-languageserver-types';
import { range } from '../../core/ranges';
import { netmaskToPrefixLength, parseAddress, parsePrefix } from '../../core/address';
import { INTERFACE_TYPES } from './commands';
import type { Token } from './lexer';
import type { Node } from './parser';
import type { Ref, Secret, Word } from './model';
import { keyTypeOf, pskDigest } from './secret';

export function rangeOf(line: number, t: Token | { start: number; end: number }): Range {
  return range(line, t.start, t.end);
}

/** From the first to the last of some words of one line. */
export function spanOf(line: number, toks: readonly Token[]): Range {
  return range(line, toks[0].start, toks[toks.length - 1].end);
}

/** The words of a command line, without its indentation. */
export function lineRange(node: Node): Range {
  return spanOf(node.line, node.tokens);
}

export function word(node: Node, t: Token): Word {
  return { text: t.text, range: rangeOf(node.line, t) };
}

/** A reference to an object of `kind`, recorded in cfg.refs in reading order. */
export function addRef(refs: Ref[], name: string, kind: string, node: Node, t: Token | Token[]): Ref {
  const r: Ref = { name, kind, range: Array.isArray(t) ? spanOf(node.line, t) : rangeOf(node.line, t) };
  refs.push(r);
  return r;
}

/** Canonical interface name: `tun 1` → Tunnel1, `gigabit1` → GigabitEthernet1, `Gi0/0.10` → GigabitEthernet0/0.10. */
export function canonicalInterface(text: string): string {
  const s = text.replace(/\s+/g, '');
  const m = /^([A-Za-z][A-Za-z-]*?)(\d.*)?$/.exec(s);
  if (!m) return s;
  const typ = m[1].toLowerCase();
  const full = INTERFACE_TYPES.find((t) => t.toLowerCase() === typ) ?? INTERFACE_TYPES.find((t) => t.toLowerCase().startsWith(typ));
  return (full ?? m[1]) + (m[2] ?? '');
}

/** The interface named by the arguments of `interface …` / `tunnel source …`: one or two words. */
export function interfaceNameFrom(args: readonly Token[]): { name: string; toks: Token[] } | undefined {
  if (args.length === 0) return undefined;
  if (args.length >= 2 && /^[A-Za-z-]+$/.test(args[0].text) && /^\d/.test(args[1].text)) {
    return { name: canonicalInterface(args[0].text + args[1].text), toks: [args[0], args[1]] };
  }
  return { name: canonicalInterface(args[0].text), toks: [args[0]] };
}

/** Expands `interface range tun 0-1, Gi0/1 - 2`. */
export function expandRange(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(',')) {
    const p = part.trim();
    const m = /^([A-Za-z][A-Za-z-]*)\s*([\d/.]*?)(\d+)\s*-\s*(\d+)$/.exec(p);
    if (m) {
      const a = Number(m[3]);
      const b = Number(m[4]);
      for (let n = a; n <= b && n - a < 256; n++) out.push(canonicalInterface(`${m[1]}${m[2]}${n}`));
    } else if (p) out.push(canonicalInterface(p));
  }
  return out;
}

/** `A.B.C.D [mask]` or `P/len` as a normalized prefix (a host prefix without a mask). */
export function addrWithMask(a: Token | undefined, m: Token | undefined): string | undefined {
  if (!a) return undefined;
  if (a.text.includes('/')) {
    const p = parsePrefix(a.text);
    return p ? `${p.text}/${p.prefixLength}` : undefined;
  }
  const pa = parseAddress(a.text);
  if (!pa) return undefined;
  const len = m ? netmaskToPrefixLength(m.text) : undefined;
  return `${pa.text}/${len ?? (pa.family === 'ipv6' ? 128 : 32)}`;
}

/** `[0|6|7] KEY`: the key's type and digest (type 6 and 7 keys cannot be compared: no digest), and its line. */
export function parseSecret(node: Node, toks: readonly Token[]): Secret | undefined {
  if (toks.length === 0) return undefined;
  const kt = toks.length >= 2 ? keyTypeOf(toks[0].text) : undefined;
  const keyTok = kt !== undefined ? toks[1] : toks[0];
  const keyType = kt ?? 0;
  return { keyType, digest: keyType === 0 ? pskDigest(keyTok.text) : undefined, range: lineRange(node) };
}
