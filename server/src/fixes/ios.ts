// Edits to a Cisco IOS config: transform-set mode, `set pfs`, the tunnel interface's `ip mtu` and
// `ip tcp adjust-mss`. IOS origins cover the whole command (`mode transport`) or its value
// (`group14`, `1400`); each setter knows which.
import type { Endpoint } from '../core/endpoint';
import type { TextEditSpec } from '../core/types';
import { deleteLine, findLine, insertLineAfter, replaceLine, replaceRange, splitLines, textAt } from './text';
import type { FixContext } from './context';
import { iosGroupNumber } from '../model/iosTransforms';

const indentOf = (line: string) => /^\s*/.exec(line)![0];

/** The last line of the block that starts at `header` (its more-indented lines). */
function blockEnd(lines: string[], start: number): number {
  let end = start;
  for (let i = start + 1; i < lines.length; i++) {
    if (/^\s+\S/.test(lines[i])) end = i;
    else break;
  }
  return end;
}

/** The `crypto ipsec transform-set NAME` line the endpoint's ESP proposal comes from. */
function transformSetLine(e: Endpoint, text: string): number | undefined {
  const esp = e.ipsec?.esp;
  if (!esp?.range || esp.uri !== e.uri) return undefined;
  const names = textAt(text, esp.range).split(/\s+/).filter(Boolean);
  for (const name of names) {
    const line = findLine(text, new RegExp(`^crypto ipsec transform-set ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s`));
    if (line !== undefined) return line;
  }
  return undefined;
}

export function setIosMode(e: Endpoint, mode: 'transport' | 'tunnel', ctx: FixContext): TextEditSpec | undefined {
  const text = ctx.text(e.uri);
  if (text === undefined || e.vendor !== 'cisco-ios') return undefined;
  const m = e.ipsec?.mode;
  if (m?.source === 'written' && m.uri === e.uri && m.range) {
    const line = splitLines(text)[m.range.start.line];
    return replaceLine(e.uri, text, m.range.start.line, `${indentOf(line)}mode ${mode}`);
  }
  const ts = transformSetLine(e, text);
  return ts === undefined ? undefined : insertLineAfter(e.uri, text, ts, ` mode ${mode}`);
}

export function setIosPfs(e: Endpoint, group: string | false, ctx: FixContext): TextEditSpec | undefined {
  const text = ctx.text(e.uri);
  if (text === undefined || e.vendor !== 'cisco-ios') return undefined;
  const p = e.ipsec?.pfs;
  const written = p?.source === 'written' && p.uri === e.uri && p.range ? p.range : undefined;
  if (group === false) return written ? deleteLine(e.uri, text, written.start.line) : undefined;
  // IOS names PFS groups by number (`group14` for MODP2048); a group it does not list gets no fix.
  const n = iosGroupNumber(group);
  if (!n) return undefined;
  if (written) {
    const line = splitLines(text)[written.start.line];
    return replaceLine(e.uri, text, written.start.line, `${indentOf(line)}set pfs group${n}`);
  }
  const esp = e.ipsec?.esp;
  if (!esp?.range || esp.uri !== e.uri) return undefined;
  const line = splitLines(text)[esp.range.start.line];
  if (!/^\s*set transform-set\b/.test(line)) return undefined;
  return insertLineAfter(e.uri, text, esp.range.start.line, `${indentOf(line)}set pfs group${n}`);
}

/** `ip mtu N` (or `ipv6 mtu` for an IPv6 passenger) and `ip tcp adjust-mss` on the tunnel interface. */
export function setIosMtu(e: Endpoint, mtu: number, inner: 'ipv4' | 'ipv6', ctx: FixContext): TextEditSpec[] {
  const text = ctx.text(e.uri);
  if (text === undefined || e.vendor !== 'cisco-ios' || !e.tunnel) return [];
  const lines = splitLines(text);
  const head = e.range.start.line;
  if (!/^\s*interface\s/i.test(lines[head] ?? '')) return [];
  const end = blockEnd(lines, head);
  const edits: TextEditSpec[] = [];
  const inserts: string[] = [];
  const mtuWord = inner === 'ipv6' ? 'ipv6 mtu' : 'ip mtu';
  const m = e.tunnel.mtu;
  if (m?.source === 'written' && m.uri === e.uri && m.range) edits.push(replaceRange(e.uri, m.range, String(mtu)));
  else inserts.push(` ${mtuWord} ${mtu}`);
  if (inner === 'ipv4') {
    // MSS = MTU − 20 (IPv4) − 20 (TCP): TCP then never sends a segment the tunnel must fragment.
    const mss = mtu - 40;
    const mssLine = findLine(text, /^\s*ip tcp adjust-mss\s+\d+/, head + 1, end + 1);
    if (mssLine !== undefined) edits.push(replaceLine(e.uri, text, mssLine, `${indentOf(lines[mssLine])}ip tcp adjust-mss ${mss}`));
    else inserts.push(` ip tcp adjust-mss ${mss}`);
  }
  if (inserts.length) edits.push(insertLineAfter(e.uri, text, head, inserts.join('\n')));
  return edits;
}
