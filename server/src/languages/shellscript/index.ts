// The shell script dialect: any file VS Code calls shellscript, and ifup-local hooks. Only `ip`
// commands are read (tunnel, link, addr, xfrm); unrelated shell gets no findings, and nothing in
// the file is ever executed. A command that changes a device another file created becomes a
// partial endpoint (model/linuxTunnels.ts) that mergeLinuxEndpoints() folds into its creator.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { CompletionEntry, DialectModule, Finding, ParseContext, ParsedFile, SymbolDef } from '../../core/types';
import { emptyParsedFile } from '../../core/parsedFile';
import { basenameOfUri, dirnameUri, joinUri } from '../../core/uri';
import type { Endpoint } from '../../core/endpoint';
import { ANY_IFUP_DEVICE, describeEncapLimit, linuxEndpoint } from '../../model/linuxTunnels';
import { applyLinuxChange, mergeLinuxEndpoints } from '../../model/linuxMerge';
import { TextDocument as TD } from 'vscode-languageserver-textdocument';
import { contains, finding } from '../shared/findings';
import { tunnelHoverMarkdown } from '../shared/tunnelHover';
import { dialect as ifcfgDialect } from '../ifcfg';
import { lexShell, wordValue, type Word } from '../shared/shellLexer';
import { analyzeIp, type IpAction } from './ipCommand';
import { IP6_TUNNEL_MODES, LINK_TYPE_ARGS, TUNNEL6_ARGS } from './ipTables';
import { Code } from '../../core/codes';
import { triviaLedger } from '../../core/lines';

/** What hover and completion need; the tree of a shellscript ParsedFile. */
export interface ShellTree {
  kind: 'shellscript';
  commands: { range: Range; object: string; verb?: string; device?: string; words: { text: string; range: Range }[]; secretRanges: Range[] }[];
}

const PREFIX_WORDS = new Set(['sudo', 'exec', 'command', 'if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', 'time', 'nohup', '{', 'builtin']);
const IP_PATHS = /^(?:\/usr)?\/s?bin\/ip$|^ip$/;
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

function parse(doc: TextDocument, ctx: ParseContext): ParsedFile {
  const file = emptyParsedFile(doc, 'shellscript');
  const text = file.text;
  const lexed = lexShell(text);
  const firstDollarOne = text.search(/\$\{?1/);
  const findings: Finding[] = [];
  const vars = new Map<string, string>();
  const isHook = HOOK.test(doc.uri);
  const tree: ShellTree = { kind: 'shellscript', commands: [] };
  const byDevice = new Map<string, Endpoint>();
  const symbols: SymbolDef[] = [];
  for (const cmd of lexed.commands) {
    let words = cmd.words;
    if (words.every((w) => w.assign)) {
      for (const w of words) {
        const v = wordValue(w.assign!.parts, vars);
        if (v === undefined) vars.delete(w.assign!.name);
        else vars.set(w.assign!.name, v);
      }
      continue;
    }
    while (words.length && (words[0].assign || PREFIX_WORDS.has(words[0].raw))) words = words.slice(1);
    const head = words[0] ? wordValue(words[0].parts, vars) : undefined;
    if (!head || !IP_PATHS.test(head)) continue;
    const guard = guardOf(text, cmd.start, firstDollarOne);
    const localVars = new Map(vars);
    if (guard) localVars.set('1', guard);
    const cmdFindings: Finding[] = [];
    const parsed = analyzeIp(words, { uri: doc.uri, vars: localVars, findings: cmdFindings, underlay: ctx.settings.pathMtu });
    if (!parsed) continue;
    findings.push(...cmdFindings);
    const range: Range = { start: words[0].range.start, end: words[words.length - 1].range.end };
    const a = parsed.action;
    let device = a?.device;
    // an unguarded "$1" in an ifup-local hook means every device ifup brings up
    if (a && /^"?\$\{?1\}?"?$/.test(device ?? '')) device = isHook ? ANY_IFUP_DEVICE : undefined;
    tree.commands.push({
      range,
      object: parsed.object,
      verb: parsed.verb,
      device,
      words: words.map((w: Word) => ({ text: w.raw, range: w.range })),
      secretRanges: parsed.secretRanges,
    });
    symbols.push({ name: `ip ${parsed.family === 'ipv6' ? '-6 ' : ''}${parsed.object} ${parsed.verb ?? ''}${device ? ' ' + device : ''}`.trim(), kind: 'command', range, selectionRange: words[0].range, detail: a?.kind });
    if (!a || !device) continue;
    const ep = endpointOf({ ...a, device }, doc.uri, ctx);
    const prev = byDevice.get(device);
    if (a.creator || !prev) byDevice.set(device, ep);
    else byDevice.set(device, combine(prev, ep));
    ioctlOnIp6gre(a, device, prev, doc.uri, ctx, findings);
  }
  file.findings = findings;
  file.endpoints = [...byDevice.values()];
  file.symbols = symbols;
  file.tree = tree;
  const sib = siblingIfcfgs(doc.uri, [...byDevice.keys()], ctx);
  file.dependencies = sib.map((s) => s.uri);
  return file;
}

function endpointOf(a: IpAction, uri: string, ctx: ParseContext): Endpoint {
  return linuxEndpoint({
    uri,
    range: a.range,
    device: a.device,
    creator: a.creator ?? 'change',
    method: a.method,
    kind: { value: a.kind ?? 'unknown', source: 'written', uri, range: a.range, rule: a.text.length > 80 ? a.text.slice(0, 77) + '…' : a.text },
    ip6tnlMode: a.ip6tnlMode,
    local: a.local,
    remote: a.remote,
    greKey: a.greKey,
    gre: a.gre,
    encapLimit: a.encapLimit,
    mtu: a.mtu,
    inner: a.inner,
    underlayMtu: ctx.settings.pathMtu,
  });
}

/** Two commands on the same device in one script: the later one changes the earlier result. */
function combine(prev: Endpoint, next: Endpoint): Endpoint {
  if (prev.tunnel!.kind.source !== 'derived') return applyLinuxChange(prev, next);
  // both partial: keep what either wrote; an encaplimit change after an MTU drops the MTU (the kernel
  // recomputes it), and the later change's method is kept when it carries the encaplimit
  const out: Endpoint = structuredClone(prev);
  const t = out.tunnel!;
  const n = next.tunnel!;
  if (next.local) out.local = next.local;
  if (next.remote) out.remote = next.remote;
  if (n.greKey) t.greKey = n.greKey;
  if (n.encapLimit) {
    t.encapLimit = n.encapLimit;
    t.kind = n.kind.value !== 'unknown' ? n.kind : { ...n.kind, value: t.kind.value };
    if (!n.mtu) delete t.mtu;
  } else if (t.kind.value === 'unknown' && n.kind.value !== 'unknown') t.kind = { ...t.kind, value: n.kind.value };
  if (n.mtu) t.mtu = n.mtu;
  t.innerAddresses = [...t.innerAddresses, ...n.innerAddresses];
  return out;
}

interface Sibling {
  uri: string;
  endpoint?: Endpoint;
}

/** The ifcfg-DEVICE files next to the script (read through ctx.fs; never executed). */
function siblingIfcfgs(uri: string, devices: string[], ctx: ParseContext): Sibling[] {
  const dir = dirnameUri(uri);
  const out: Sibling[] = [];
  const names = devices.includes(ANY_IFUP_DEVICE)
    ? (ctx.fs.readDirectory(dir) ?? []).map((u) => basenameOfUri(u)).filter((n) => n.startsWith('ifcfg-'))
    : devices.map((d) => `ifcfg-${d}`);
  for (const name of names) {
    const u = joinUri(dir, name);
    const text = ctx.fs.readFile(u);
    if (text === undefined) continue;
    const p = ifcfgDialect.parse(TD.create(u, 'ifcfg', 0, text), ctx);
    out.push({ uri: u, endpoint: p.endpoints[0] });
  }
  return out;
}

/** `ip -6 tunnel change … encaplimit` on an ip6gre device is ignored by the kernel's ioctl path. */
function ioctlOnIp6gre(a: IpAction, device: string, prev: Endpoint | undefined, uri: string, ctx: ParseContext, out: Finding[]) {
  if (a.method !== 'ioctl' || !a.encapLimit) return;
  let kind = prev && prev.tunnel!.kind.source !== 'derived' ? prev.tunnel!.kind.value : undefined;
  let where = 'this script';
  if (!kind && device !== ANY_IFUP_DEVICE) {
    const s = siblingIfcfgs(uri, [device], ctx)[0];
    kind = s?.endpoint?.tunnel?.kind.value;
    where = s ? basenameOfUri(s.uri) : where;
  }
  if (kind !== 'ip6gre' && kind !== 'ip6gretap') return;
  out.push(
    finding(
      uri,
      Code.configIgnored,
      'warning',
      `${device} is ${kind} (${where}): the kernel's ioctl change path behind \`ip -6 tunnel change\` leaves an ip6gre device unchanged when its addresses stay the same, so this does not set encaplimit ${a.encapLimit.value}. Use \`ip link set dev ${device} type ${kind} encaplimit ${a.encapLimit.value}\` (netlink). (Kernel source reading; not run on a live kernel.)`,
      a.encapLimit.range!,
    ),
  );
}

function hover(file: ParsedFile, pos: { line: number; character: number }, ctx: ParseContext) {
  const tree = file.tree as ShellTree;
  const c = tree.commands.find((x) => contains(x.range, pos));
  if (!c) return undefined;
  if (c.secretRanges.some((r) => contains(r, pos))) return { markdown: 'Key material: hidden.' };
  const w = c.words.find((x) => contains(x.range, pos));
  const parts: string[] = [];
  const i = w ? c.words.indexOf(w) : -1;
  const prevWord = i > 0 ? c.words[i - 1].text : '';
  if (w && (w.text === 'encaplimit' || prevWord === 'encaplimit')) {
    const v = w.text === 'encaplimit' ? c.words[i + 1]?.text : w.text;
    parts.push(`**encaplimit ${v ?? ''}**: ${v === 'none' ? describeEncapLimit('none') : /^\d+$/.test(v ?? '') ? describeEncapLimit(Number(v)) : 'ELIM := { none | 0..255 }; iproute2 default 4.'}`);
  }
  const ep = file.endpoints.find((e) => e.tunnel?.device === c.device);
  if (ep) {
    let effective = ep;
    if (ep.tunnel!.kind.source === 'derived') {
      const sib = siblingIfcfgs(file.uri, [ep.tunnel!.device!], ctx).filter((s) => s.endpoint);
      const merged = mergeLinuxEndpoints([...sib.map((s) => s.endpoint!), ep]);
      const m = merged.find((e) => e.tunnel?.kind.source !== 'derived' && (ep.tunnel!.device === ANY_IFUP_DEVICE || e.tunnel?.device === ep.tunnel!.device));
      if (m) {
        effective = m;
        parts.push(`After ${basenameOfUri(m.uri)} created it and this script changed it:`);
      } else parts.push('This command changes a device created elsewhere; what it sets:');
    }
    parts.push(tunnelHoverMarkdown(effective));
  }
  if (!parts.length) return undefined;
  return { markdown: parts.join('\n\n'), range: w?.range ?? c.range };
}

function complete(file: ParsedFile, pos: { line: number; character: number }): CompletionEntry[] {
  const line = file.text.split('\n')[pos.line] ?? '';
  const before = line.slice(0, pos.character);
  const words = before.trimStart().split(/\s+/);
  words.pop();
  const last = words[words.length - 1];
  const ipAt = words.findIndex((w) => IP_PATHS.test(w));
  if (ipAt < 0) return [];
  const after = words.slice(ipAt + 1).filter((w) => !w.startsWith('-'));
  const kw = (labels: string[], kind: CompletionEntry['kind'] = 'keyword') => labels.map((label) => ({ label, kind }));
  if (last === 'encaplimit') return [{ label: 'none', kind: 'value', documentation: describeEncapLimit('none') }, { label: '4', kind: 'value', documentation: 'iproute2 default' }];
  if (last === 'type') return kw(Object.keys(LINK_TYPE_ARGS), 'value');
  if (last === 'mode') return kw(Object.keys(IP6_TUNNEL_MODES), 'value');
  if (after.length === 0) return kw(['tunnel', 'link', 'address', 'xfrm']);
  if (after.length === 1) {
    if (after[0].startsWith('t')) return kw(['add', 'change', 'delete', 'show']);
    if (after[0].startsWith('l')) return kw(['add', 'set', 'delete', 'show']);
    if (after[0].startsWith('a')) return kw(['add', 'delete', 'show']);
    if (after[0].startsWith('x')) return kw(['state', 'policy']);
  }
  const ti = words.lastIndexOf('type');
  if (ti >= 0 && LINK_TYPE_ARGS[words[ti + 1]]) {
    const t = LINK_TYPE_ARGS[words[ti + 1]];
    return kw([...Object.keys(t.values), ...t.flags]);
  }
  if (after[0]?.startsWith('t')) return kw([...Object.keys(TUNNEL6_ARGS.values), ...TUNNEL6_ARGS.flags]);
  return [];
}

export const dialect: DialectModule = {
  id: 'shellscript',
  // TRANSITIONAL (issue 14): the codes parse() reports today, and no line ledger yet.
  parseCodes: [Code.configIgnored, Code.invalidValue],
  lineUse: (f) => triviaLedger(f.text),
  name: 'shell script',
  matches: (path, head) => /\.(sh|bash)$/.test(path) || /(^|\/)ifup-(pre-)?local$/.test(path) || /^#!.*\b(ba|da|k|z)?sh\b/.test(head),
  parse,
  hover,
  complete: (file, pos) => complete(file, pos),
};
