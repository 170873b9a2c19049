// Hover and completion of shell scripts: on an `ip` command, what it leaves in force (after the
// companion ifcfg created the device, when the command changes it); completion of ip words. Key
// material (languages/shared/ip/secrets.ts) shows as hidden; other text of the script is escaped (core/redact.ts).
import type { CompletionEntry, HoverResult, ParseContext, ParsedFile, Position } from '../../core/types';
import { contains } from '../../core/ranges';
import { markdownCode, markdownText } from '../../core/redact';
import { basenameOfUri } from '../../core/uri';
import { ANY_IFUP_DEVICE, describeEncapLimit } from '../../model/linuxTunnels';
import { mergeLinuxEndpoints } from '../../model/linuxMerge';
import { tunnelHoverMarkdown } from '../shared/tunnelHover';
import { IP_PATHS } from '../shared/ip';
import { IP6_TUNNEL_MODES, LINK_TYPE_ARGS, TUNNEL6_ARGS } from '../shared/ip/tables';
import { siblingIfcfgs } from './siblings';
import type { ShellTree } from './tree';

export function shellHover(file: ParsedFile<ShellTree>, pos: Position, ctx: ParseContext): HoverResult | undefined {
  const c = file.tree.commands.find((x) => contains(x.range, pos));
  if (!c) return undefined;
  if (c.secretRanges.some((r) => contains(r, pos))) return { markdown: 'Key material: hidden.' };
  // (the words of a command Tunnel Lens does not read, `ip macsec`, have no hover at all)
  const w = c.words.find((x) => contains(x.range, pos));
  const parts: string[] = [];
  const i = w ? c.words.indexOf(w) : -1;
  const prevWord = i > 0 ? c.words[i - 1].text : '';
  if (w && (w.text === 'encaplimit' || prevWord === 'encaplimit')) {
    const v = w.text === 'encaplimit' ? c.words[i + 1]?.text : w.text;
    parts.push(`**encaplimit ${markdownText(v ?? '')}**: ${v === 'none' ? describeEncapLimit('none') : /^\d+$/.test(v ?? '') ? describeEncapLimit(Number(v)) : 'ELIM := { none | 0..255 }; iproute2 default 4.'}`);
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
        parts.push(`After ${markdownCode(basenameOfUri(m.uri))} created it and this script changed it:`);
      } else parts.push('This command changes a device created elsewhere; what it sets:');
    }
    parts.push(tunnelHoverMarkdown(effective));
  }
  if (!parts.length) return undefined;
  return { markdown: parts.join('\n\n'), range: w?.range ?? c.range };
}

/** The `ip` objects completion offers, and the verbs of each (by the object's first letter). */
const OBJECT_VERBS: [string, string[]][] = [
  ['t', ['add', 'change', 'delete', 'show']],
  ['l', ['add', 'set', 'delete', 'show']],
  ['a', ['add', 'delete', 'show']],
  ['x', ['state', 'policy']],
];

export function shellComplete(file: ParsedFile<ShellTree>, pos: Position): CompletionEntry[] {
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
    const verbs = OBJECT_VERBS.find(([p]) => after[0].startsWith(p));
    if (verbs) return kw(verbs[1]);
  }
  const ti = words.lastIndexOf('type');
  if (ti >= 0 && LINK_TYPE_ARGS[words[ti + 1]]) {
    const t = LINK_TYPE_ARGS[words[ti + 1]];
    return kw([...Object.keys(t.values), ...t.flags]);
  }
  if (after[0]?.startsWith('t')) return kw([...Object.keys(TUNNEL6_ARGS.values), ...TUNNEL6_ARGS.flags]);
  return [];
}
