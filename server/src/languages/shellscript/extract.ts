// Reads a script's commands in order: variable assignments (so `$LOCAL` resolves), `ip` commands
// (analyzeIp), and everything else only for the line ledger. What the `ip` commands do to each
// device becomes one endpoint per device: a creator (ip link add, ip -6 tunnel add) or a partial
// endpoint of changes (model/linuxTunnels.ts) that mergeLinuxEndpoints() folds into its creator.
import type { Range } from 'vscode-languageserver-types';
import type { Endpoint } from '../../core/endpoint';
import type { ParseContext, SymbolDef } from '../../core/types';
import { ANY_IFUP_DEVICE } from '../../model/linuxTunnels';
import { positionAt, wordValue, type Lexed } from '../shared/shellLexer';
import { analyzeIp, IP_PATHS, PREFIX_WORDS } from '../shared/ip';
import { combineChanges, ipActionEndpoint } from '../shared/ip/endpoint';
import type { LineMark, ShellTree } from './tree';

const HOOK = /(^|\/)ifup-(pre-)?local$/;

/** The literal `$1` was last compared with before `offset` (`[ "$1" = tun10 ]`, `case $1 in tun10)`). */
function guardOf(text: string, offset: number, firstDollarOne: number): string | undefined {
  // Every guard names `$1` (or `${1`): with none before the command there is nothing to scan.
  if (firstDollarOne < 0 || firstDollarOne >= offset) return undefined;
  const before = text.slice(0, offset);
  let best: { at: number; name: string } | undefined;
  // The lookbehind starts a word only at its first character: without it a long word made this
  // quadratic (every start inside it re-scanned it), a second per keystroke on a 20 kB line.
  const test = /(?:"?\$\{?1\}?"?)\s*==?\s*["']?([A-Za-z0-9_.:@-]+)["']?|["']?(?<![A-Za-z0-9_.:@-])([A-Za-z0-9_.:@-]+)["']?\s*==?\s*"?\$\{?1\}?"?/g;
  for (const m of before.matchAll(test)) best = { at: m.index!, name: (m[1] ?? m[2])! };
  const c = /case\s+"?\$\{?1\}?"?\s+in\b/g;
  for (const m of before.matchAll(c)) {
    const after = before.slice(m.index! + m[0].length);
    const pats = [...after.matchAll(/(?:^|\n|;;)\s*\(?([A-Za-z0-9_.:@-]+)\)/g)];
    const last = pats[pats.length - 1];
    if (last && (!best || m.index! + m[0].length + last.index! > best.at)) best = { at: m.index! + m[0].length + last.index!, name: last[1] };
  }
  return best?.name;
}

export interface ShellExtraction {
  tree: ShellTree;
  endpoints: Endpoint[];
  symbols: SymbolDef[];
  /** Devices the script creates or changes. */
  devices: string[];
}

export function extractShell(text: string, lexed: Lexed, uri: string, ctx: ParseContext): ShellExtraction {
  const lineOf = (offset: number) => positionAt(lexed.lineStarts, offset).line;
  const firstDollarOne = text.search(/\$\{?1/);
  const vars = new Map<string, string>();
  const isHook = HOOK.test(uri);
  const marks: LineMark[] = lexed.syntax.map((s) => ({ from: lineOf(s.start), to: lineOf(Math.max(s.start, s.end - 1)), use: 'outside', rule: 'shell-syntax' }));
  const tree: ShellTree = { kind: 'shellscript', commands: [], ioctlChanges: [], marks, secrets: [] };
  const byDevice = new Map<string, Endpoint>();
  const symbols: SymbolDef[] = [];
  for (const cmd of lexed.commands) {
    const span = { from: lineOf(cmd.start), to: lineOf(cmd.end) };
    let words = cmd.words;
    if (words.every((w) => w.assign)) {
      for (const w of words) {
        const v = wordValue(w.assign!.parts, vars);
        if (v === undefined) vars.delete(w.assign!.name);
        else vars.set(w.assign!.name, v);
      }
      marks.push({ ...span, use: 'model' });
      continue;
    }
    while (words.length && (words[0].assign || PREFIX_WORDS.has(words[0].raw))) words = words.slice(1);
    const head = words[0] ? wordValue(words[0].parts, vars) : undefined;
    if (!head || !IP_PATHS.test(head)) {
      marks.push({ ...span, use: 'outside', rule: 'not-ip' });
      continue;
    }
    const guard = guardOf(text, cmd.start, firstDollarOne);
    const localVars = new Map(vars);
    if (guard) localVars.set('1', guard);
    const issues: ShellTree['commands'][number]['issues'] = [];
    const parsed = analyzeIp(words, { uri, vars: localVars, issues, underlay: ctx.settings.pathMtu, secrets: tree.secrets });
    if (!parsed) {
      marks.push({ ...span, use: 'outside', rule: 'ip-object' });
      continue;
    }
    marks.push({ ...span, use: 'model' });
    const range: Range = { start: words[0].range.start, end: words[words.length - 1].range.end };
    const a = parsed.action;
    let device = a?.device;
    // an unguarded "$1" in an ifup-local hook means every device ifup brings up
    if (a && /^"?\$\{?1\}?"?$/.test(device ?? '')) device = isHook ? ANY_IFUP_DEVICE : undefined;
    tree.commands.push({ range, object: parsed.object, verb: parsed.verb, device, words: words.map((w) => ({ text: w.raw, range: w.range })), secretRanges: parsed.secretRanges, issues });
    symbols.push({ name: `ip ${parsed.family === 'ipv6' ? '-6 ' : ''}${parsed.object} ${parsed.verb ?? ''}${device ? ' ' + device : ''}`.trim(), kind: 'command', range, selectionRange: words[0].range, detail: a?.kind });
    if (!a || !device) continue;
    const ep = ipActionEndpoint({ ...a, device }, uri, ctx.settings.pathMtu);
    const prev = byDevice.get(device);
    if (a.creator || !prev) byDevice.set(device, ep);
    else byDevice.set(device, combineChanges(prev, ep));
    if (a.method === 'ioctl' && a.encapLimit) tree.ioctlChanges.push({ device, change: ep, creator: prev && prev.tunnel!.kind.source !== 'derived' ? prev : undefined });
  }
  for (const h of lexed.heredocs) marks.push({ from: lineOf(h.start), to: lineOf(Math.max(h.start, h.end - 1)), use: 'continued' });
  return { tree, endpoints: [...byDevice.values()], symbols, devices: [...byDevice.keys()] };
}
