// The ifcfg dialect: initscripts/NetworkManager interface files. Reads values as NetworkManager's
// shvar does and as bash does (initscripts sources the file), validates the tunnel keys of
// ifup-tunnel and ifup-ipv6, and builds the Linux endpoint that `ifup` would create.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionEntry, DialectModule, Finding, ParseContext, ParsedFile, SymbolDef } from '../../core/types';
import { emptyParsedFile } from '../../core/parsedFile';
import { basenameOfUri } from '../../core/uri';
import { parseAddress, parsePrefix } from '../../core/address';
import type { Endpoint, Valued } from '../../core/endpoint';
import { linuxEndpoint } from '../../model/linuxTunnels';
import { contains, didYouMean, finding, range } from '../shared/findings';
import { tunnelHoverMarkdown } from '../shared/tunnelHover';
import { KEYS, NONEXISTENT_KEYS, TUNNEL_TYPE_INFO, keyInfo } from './keys';
import { readIfcfg, type IfcfgAssignment, type IfcfgTree } from './reader';
import { parseGreKey, validateValue } from './validate';
import { Code } from '../../core/codes';
import { triviaLedger } from '../../core/lines';

export type { IfcfgTree, IfcfgAssignment } from './reader';

function written<T>(value: T, a: IfcfgAssignment, uri: string): Valued<T> {
  return { value, source: 'written', uri, range: a.valueRange };
}

function tunnelEndpoint(tree: IfcfgTree, uri: string, ctx: ParseContext, findings: Finding[]): Endpoint | undefined {
  const type = tree.last.get('TYPE');
  const info = type?.value ? TUNNEL_TYPE_INFO[type.value] : undefined;
  if (!type || !info) return undefined;
  const get = (k: string) => tree.last.get(k);
  const dev = get('DEVICE');
  const device = dev?.value || basenameOfUri(uri).replace(/^ifcfg-/, '');
  const addr = (k: string): Valued<string> | undefined => {
    const a = get(k);
    const p = a?.value ? parseAddress(a.value) : undefined;
    if (a && p && p.family !== info.outer) {
      findings.push(finding(uri, Code.invalidValue, 'error', `TYPE=${type.value} is a tunnel over ${info.outer === 'ipv6' ? 'IPv6' : 'IPv4'}, but ${k} is an ${p.family === 'ipv6' ? 'IPv6' : 'IPv4'} address.`, a.valueRange));
      return undefined;
    }
    return a && p ? written(p.text, a, uri) : undefined;
  };
  const local = addr('MY_OUTER_IPADDR');
  const remote = addr('PEER_OUTER_IPADDR');
  if (!get('PEER_OUTER_IPADDR') && type.value !== 'EXTERNAL')
    findings.push(finding(uri, Code.invalidValue, 'warning', `TYPE=${type.value} without PEER_OUTER_IPADDR: ifup-tunnel creates the tunnel without a remote address.`, type.keyRange));
  const keyA = get('KEY');
  const key = keyA?.value ? parseGreKey(keyA.value) : undefined;
  if (keyA && !info.kind.includes('gre'))
    findings.push(finding(uri, Code.invalidValue, 'warning', `KEY is a GRE key; TYPE=${type.value} has no GRE header.`, keyA.keyRange));
  const mtuA = get('MTU');
  const mtu = mtuA?.value && /^\d+$/.test(mtuA.value) && Number(mtuA.value) >= 68 && Number(mtuA.value) <= 65535 ? written(Number(mtuA.value), mtuA, uri) : undefined;
  const inner: Valued<string>[] = [];
  for (const k of ['MY_INNER_IPADDR', 'IPV6ADDR']) {
    const a = get(k);
    const p = a?.value ? parsePrefix(a.value) : undefined;
    if (a && p) inner.push(written(a.value!.includes('/') ? `${p.text}/${p.prefixLength}` : p.text, a, uri));
  }
  const sec = get('IPV6ADDR_SECONDARIES');
  for (const item of sec?.value?.split(/\s+/).filter(Boolean) ?? []) {
    const p = parsePrefix(item);
    if (p && sec) inner.push(written(item.includes('/') ? `${p.text}/${p.prefixLength}` : p.text, sec, uri));
  }
  return linuxEndpoint({
    uri,
    range: range((dev ?? type).line, 0, (dev ?? type).valueRange.end.character),
    device,
    creator: type.value === 'EXTERNAL' ? 'ip-link-add' : 'ifcfg',
    kind: { value: info.kind, source: 'written', uri, range: type.valueRange, rule: `TYPE=${type.value}: ifup-tunnel runs \`${info.command}\`` },
    ip6tnlMode: info.ip6tnlMode,
    local,
    remote,
    greKey: key !== undefined && keyA ? written(key, keyA, uri) : undefined,
    mtu,
    inner,
    underlayMtu: ctx.settings.pathMtu,
  });
}

function parse(doc: TextDocument, ctx: ParseContext): ParsedFile {
  const file = emptyParsedFile(doc, 'ifcfg');
  const findings: Finding[] = [];
  const tree = readIfcfg(file.text, file.uri, findings);
  const known = Object.keys(KEYS);
  for (const a of tree.assignments) {
    const advice = NONEXISTENT_KEYS[a.key];
    if (advice) {
      findings.push(finding(file.uri, Code.unknownKeyword, 'warning', `${a.key} does not exist. ${advice}`, a.keyRange));
      continue;
    }
    const info = keyInfo(a.key);
    if (!info) {
      const dym = didYouMean(a.key, known);
      findings.push(
        finding(file.uri, Code.unknownKeyword, 'hint', `${a.key} is not read by initscripts or NetworkManager (fine for your own variables).${dym ? ` Did you mean ${dym}?` : ''}`, a.keyRange),
      );
      continue;
    }
    validateValue(a, info, file.uri, findings);
  }
  const ep = tunnelEndpoint(tree, file.uri, ctx, findings);
  file.endpoints = ep ? [ep] : [];
  file.findings = findings;
  file.tree = tree;
  const vars: SymbolDef[] = tree.assignments.map((a) => ({
    name: a.key,
    kind: 'variable',
    range: range(a.line, a.keyRange.start.character, a.valueRange.end.character),
    selectionRange: a.keyRange,
    detail: a.value,
  }));
  if (ep) {
    const last = Math.max(0, file.text.split('\n').length - 1);
    file.symbols = [{ name: ep.name, kind: 'interface', range: { start: { line: 0, character: 0 }, end: { line: last, character: 0 } }, selectionRange: ep.range, detail: ep.tunnel!.kind.value, children: vars }];
  } else file.symbols = vars;
  return file;
}

function hover(file: ParsedFile, pos: { line: number; character: number }) {
  const tree = file.tree as IfcfgTree;
  const a = tree.assignments.find((x) => x.line === pos.line && (contains(x.keyRange, pos) || contains(x.valueRange, pos)));
  if (!a) return undefined;
  const parts: string[] = [];
  const info = keyInfo(a.key);
  if (NONEXISTENT_KEYS[a.key]) parts.push(`**${a.key}** does not exist. ${NONEXISTENT_KEYS[a.key]}`);
  else if (info) parts.push(`**${a.key}** (${info.readBy === 'initscripts' ? 'initscripts only' : 'initscripts and NetworkManager'}): ${info.doc}`);
  else parts.push(`**${a.key}**: not a key initscripts or NetworkManager reads.`);
  if (a.key === 'TYPE' && a.value && TUNNEL_TYPE_INFO[a.value]) parts.push(`\`TYPE=${a.value}\` needs ${TUNNEL_TYPE_INFO[a.value].since}.`);
  const nm = a.nmValue === null ? `"" (rejected: ${a.nmError})` : JSON.stringify(a.nmValue);
  const bash = a.bashDynamic ? 'expanded by bash at ifup time' : a.bashValue === undefined ? 'not assigned' : JSON.stringify(a.bashValue);
  parts.push(`Value: initscripts (bash) ${bash}; NetworkManager ${nm}.`);
  const ep = file.endpoints[0];
  if (ep && ['TYPE', 'DEVICE', 'MTU', 'MY_OUTER_IPADDR', 'PEER_OUTER_IPADDR', 'KEY'].includes(a.key)) parts.push(tunnelHoverMarkdown(ep));
  return { markdown: parts.join('\n\n'), range: contains(a.keyRange, pos) ? a.keyRange : a.valueRange };
}

function complete(file: ParsedFile, pos: { line: number; character: number }): CompletionEntry[] {
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
  if (/^\s*[A-Za-z_0-9]*$/.test(before))
    return Object.entries(KEYS).map(([label, k]) => ({ label, kind: 'keyword', documentation: k.doc, insertText: `${label}=` }));
  return [];
}

export const dialect: DialectModule = {
  id: 'ifcfg',
  // TRANSITIONAL (issue 14): the codes parse() reports today, and no line ledger yet.
  parseCodes: [Code.duplicateKey, Code.invalidValue, Code.syntaxError, Code.unknownKeyword],
  lineUse: (f) => triviaLedger(f.text),
  name: 'ifcfg',
  matches: (path) => /(^|[\\/])ifcfg-[^\\/]+$/.test(path) && !/\.(bak|orig|rpmnew|rpmsave|swp)$|~$/.test(path),
  parse,
  hover: (file, pos) => hover(file, pos),
  complete: (file, pos) => complete(file, pos),
};
