// Hover and completion of interfaces(5) files: what an option does for its stanza's method, the
// command ifupdown builds from the stanza, and on a tunnel's lines the encapsulation limit and MTU
// in force with where they come from; where a `source` line leads. A secret option's value is
// never shown.
import type { CompletionEntry, HoverResult, ParsedFile, Position } from '../../core/types';
import { contains } from '../../core/ranges';
import { basenameOfUri } from '../../core/uri';
import { markdownCode, markdownText } from '../../core/redact';
import { tunnelHoverMarkdown } from '../shared/tunnelHover';
import type { IfupdownTree } from './index';
import { COMMAND_DOCS, COMMAND_OPTIONS, GENERAL_OPTIONS, METHODS, NG_REMAPS, NG_TUNNEL_OPTIONS, OTHER_FAMILIES, TUNNEL_TEMPLATES, type Family, type OptionDoc } from './options';
import type { Option, Stanza } from './reader';
import { ifaceHeader } from './tunnels';
import { ifupdownSecretSlot } from './secrets';
import { hiddenHover } from '../shared/secretSlots';

function stanzaAt(tree: IfupdownTree, line: number): Stanza | undefined {
  let found: Stanza | undefined;
  for (const s of tree.file.stanzas) if (s.line <= line) found = s;
  return found;
}

function optionDoc(tree: IfupdownTree, s: Stanza, name: string): OptionDoc | undefined {
  if (tree.config.flavor.tool.value === 'ifupdown-ng') {
    const n = NG_REMAPS[name] ?? name;
    return NG_TUNNEL_OPTIONS[n] ? { ...NG_TUNNEL_OPTIONS[n], doc: `${n !== name ? `(ifupdown-ng reads it as ${n}) ` : ''}${NG_TUNNEL_OPTIONS[n].doc}` } : GENERAL_OPTIONS[name];
  }
  const h = ifaceHeader(s);
  return METHODS[h.family as Family]?.[h.method ?? '']?.[name] ?? GENERAL_OPTIONS[name];
}

function deviceParts(tree: IfupdownTree, s: Stanza): string[] {
  const name = s.words[0]?.text;
  const out: string[] = [];
  const run = tree.built.runs.find((r) => r.stanza === s);
  if (run?.create) out.push(`${tree.config.flavor.tool.value} runs ${markdownCode(run.create)}`);
  const ep = name ? tree.built.devices.get(name) : undefined;
  if (ep?.tunnel && ep.tunnel.kind.source !== 'derived') out.push(tunnelHoverMarkdown(ep));
  return out;
}

export function ifupdownHover(file: ParsedFile<IfupdownTree>, pos: Position): HoverResult | undefined {
  const tree = file.tree;
  const s = stanzaAt(tree, pos.line);
  if (!s) return undefined;
  if (contains(s.headerRange, pos)) {
    const parts: string[] = [];
    if (s.kind === 'source' || s.kind === 'source-directory') {
      const r = tree.config.sources.find((x) => x.stanza === s);
      parts.push(`**${markdownText(s.keyword.text)}**: ${r?.targets.length ? `reads ${r.targets.map((t) => markdownCode(basenameOfUri(t))).join(', ')}` : 'reads no file'}${r?.problem ? `. ${markdownText(r.problem.message)}` : ''}`);
    } else if (s.kind === 'iface') {
      const h = ifaceHeader(s);
      parts.push(`**iface ${markdownCode(h.name?.text ?? '')}** ${markdownText(h.family ?? '')} ${markdownText(h.method ?? '')} — read as ${tree.config.flavor.tool.value} (${tree.config.flavor.tool.source === 'written' ? 'directive' : markdownText(tree.config.flavor.tool.rule ?? '')})`);
      const tpl = TUNNEL_TEMPLATES[`${h.family} ${h.method}`];
      if (tpl?.since) parts.push(`The ${markdownText(h.family ?? '')} ${markdownText(h.method ?? '')} method needs ifupdown ${tpl.since} or later.`);
      parts.push(...deviceParts(tree, s));
    } else parts.push(`**${markdownText(s.keyword.text)}**: outside what Tunnel Lens models.`);
    return { markdown: parts.join('\n\n'), range: s.headerRange };
  }
  const o = s.options.find((x: Option) => x.line <= pos.line && pos.line <= x.endLine && (contains(x.nameRange, pos) || contains(x.value.range, pos)));
  if (!o) return undefined;
  const parts: string[] = [];
  if (COMMAND_OPTIONS[o.name]) parts.push(`**${o.name}** ${COMMAND_DOCS[o.name]}`);
  else {
    const d = optionDoc(tree, s, o.name);
    parts.push(`**${markdownText(o.name)}** ${d ? d.doc : 'is not an option of this method: ifupdown passes it to hook scripts only (as an IF_* variable).'}`);
  }
  const secret = ifupdownSecretSlot(o.name);
  if (secret) parts.push(hiddenHover(secret.where));
  else if (s.kind === 'iface') parts.push(...deviceParts(tree, s));
  return { markdown: parts.join('\n\n'), range: contains(o.nameRange, pos) ? o.nameRange : o.value.range };
}

const STANZA_WORDS = ['iface', 'auto', 'allow-hotplug', 'source', 'source-directory', 'mapping', 'rename', 'no-auto-down', 'no-scripts'];

export function ifupdownComplete(file: ParsedFile<IfupdownTree>, pos: Position): CompletionEntry[] {
  const tree = file.tree;
  const line = file.text.split('\n')[pos.line] ?? '';
  const before = line.slice(0, pos.character);
  const kw = (labels: string[], kind: CompletionEntry['kind'] = 'keyword', docs?: Record<string, OptionDoc>) =>
    labels.map((label) => ({ label, kind, ...(docs?.[label] ? { documentation: docs[label].doc } : {}) }));
  const iface = /^\s*iface\s+\S+\s+(\S*)$/.exec(before);
  if (iface) return kw([...Object.keys(METHODS), ...OTHER_FAMILIES], 'value');
  const method = /^\s*iface\s+\S+\s+(\S+)\s+\S*$/.exec(before);
  if (method) return kw(Object.keys(METHODS[method[1] as Family] ?? {}), 'value');
  const s = stanzaAt(tree, pos.line);
  const value = /^\s*(\S+)\s+\S*$/.exec(before);
  if (value && s && s.line !== pos.line) {
    const d = optionDoc(tree, s, value[1]);
    return d?.values ? kw(d.values, 'value') : [];
  }
  if (!/^\s*\S*$/.test(before)) return [];
  const atTop = !/^\s/.test(line) && !before.trim();
  const out = kw(STANZA_WORDS);
  if (!s || s.kind !== 'iface' || (atTop && s.options.length === 0 && s.line !== pos.line - 1)) return out;
  const ng = tree.config.flavor.tool.value === 'ifupdown-ng';
  const h = ifaceHeader(s);
  const table: Record<string, OptionDoc> = ng ? NG_TUNNEL_OPTIONS : METHODS[h.family as Family]?.[h.method ?? ''] ?? {};
  return [...kw(Object.keys(table), 'keyword', table), ...Object.keys(COMMAND_OPTIONS).map((label) => ({ label, kind: 'keyword' as const, documentation: COMMAND_DOCS[label] })), ...out];
}
