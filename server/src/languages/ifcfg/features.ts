// Hover and completion of ifcfg files: what each key does, both readings of its value, and on the
// tunnel's lines the encapsulation limit and MTU in force. Config text is escaped (core/redact.ts);
// a key that holds a secret (secrets.ts) shows no value.
import type { CompletionEntry, HoverResult, ParsedFile, Position } from '../../core/types';
import { contains } from '../../core/ranges';
import type { IfcfgTree } from '../shared/ifcfgRead';
import { TUNNEL_TYPE_INFO } from '../shared/ifcfgTunnel';
import { tunnelHoverMarkdown } from '../shared/tunnelHover';
import { KEYS, NONEXISTENT_KEYS, keyInfo } from './keys';
import { markdownCode, markdownText } from '../../core/redact';
import { hiddenHover } from '../shared/secretSlots';
import { ifcfgSecretSlot } from './secrets';

const TUNNEL_KEYS = ['TYPE', 'DEVICE', 'MTU', 'MY_OUTER_IPADDR', 'PEER_OUTER_IPADDR', 'KEY'];

export function ifcfgHover(file: ParsedFile<IfcfgTree>, pos: Position): HoverResult | undefined {
  const a = file.tree.assignments.find((x) => x.line === pos.line && (contains(x.keyRange, pos) || contains(x.valueRange, pos)));
  if (!a) return undefined;
  const parts: string[] = [];
  const info = keyInfo(a.key);
  const key = markdownText(a.key);
  if (NONEXISTENT_KEYS[a.key]) parts.push(`**${key}** does not exist. ${NONEXISTENT_KEYS[a.key]}`);
  else if (info) parts.push(`**${key}** (${info.readBy === 'initscripts' ? 'initscripts only' : info.readBy === 'networkmanager' ? 'NetworkManager only' : 'initscripts and NetworkManager'}): ${info.doc}`);
  else parts.push(`**${key}**: not a key initscripts or NetworkManager reads.`);
  if (a.key === 'TYPE' && a.value && Object.hasOwn(TUNNEL_TYPE_INFO, a.value)) parts.push(`${markdownCode(`TYPE=${a.value}`)} needs ${TUNNEL_TYPE_INFO[a.value].since}.`);
  if (ifcfgSecretSlot(a.key)) parts.push(hiddenHover(`Value of ${key}`));
  else {
    const nm = a.nmValue === null ? `"" (rejected: ${markdownText(a.nmError ?? '')})` : markdownCode(JSON.stringify(a.nmValue));
    const bash = a.bashDynamic ? 'expanded by bash at ifup time' : a.bashValue === undefined ? 'not assigned' : markdownCode(JSON.stringify(a.bashValue));
    parts.push(`Value: initscripts (bash) ${bash}; NetworkManager ${nm}.`);
  }
  const ep = file.endpoints[0];
  if (ep && TUNNEL_KEYS.includes(a.key)) parts.push(tunnelHoverMarkdown(ep));
  return { markdown: parts.join('\n\n'), range: contains(a.keyRange, pos) ? a.keyRange : a.valueRange };
}

export function ifcfgComplete(file: ParsedFile<IfcfgTree>, pos: Position): CompletionEntry[] {
  const line = file.text.split('\n')[pos.line] ?? '';
  const before = line.slice(0, pos.character);
  const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=[^\s]*$/.exec(before);
  if (m) {
    const info = keyInfo(m[1]);
    if (!info) return [];
    if (info.type.t === 'bool') return ['yes', 'no'].map((label) => ({ label, kind: 'value' }));
    if (info.type.t === 'enum') return info.type.values.map((label) => ({ label, kind: 'value', detail: TUNNEL_TYPE_INFO[label]?.command }));
    return [];
  }
  if (/^\s*[A-Za-z_0-9]*$/.test(before)) return Object.entries(KEYS).map(([label, k]) => ({ label, kind: 'keyword', documentation: k.doc, insertText: `${label}=` }));
  return [];
}
