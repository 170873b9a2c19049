// Outline symbols, references and folding ranges. Symbol details describe objects by their
// algorithms and addresses; pre-shared keys appear only as "key set", never as text.
import type { Range } from 'vscode-languageserver-types';
import type { FoldRange, SymbolDef, SymbolRef } from '../../core/types';
import type { IosConfig } from './model';
import type { Node, ParseTree } from './parser';

function sectionRange(tree: ParseTree, n: Node): Range {
  const endLine = n.endLine;
  const endText = tree.lines[endLine] ?? '';
  return { start: { line: n.line, character: 0 }, end: { line: endLine, character: endText.length } };
}

function sym(tree: ParseTree, name: string, kind: string, n: Node, sel: Range, detail?: string, children?: SymbolDef[]): SymbolDef {
  const s: SymbolDef = { name, kind, range: sectionRange(tree, n), selectionRange: sel };
  if (detail) s.detail = detail;
  if (children && children.length) s.children = children;
  return s;
}

export function buildSymbols(tree: ParseTree, cfg: IosConfig): SymbolDef[] {
  const out: SymbolDef[] = [];
  for (const itf of cfg.interfaces.values()) {
    const n = itf.nodes[0];
    const parts: string[] = [];
    if (itf.tunnelMode || itf.tunnelSource || itf.tunnelDestination) {
      const words = itf.tunnelMode?.words ?? ['gre', 'ip'];
      parts.push(`tunnel ${words.join(' ')}`);
      if (itf.tunnelSource) parts.push(`from ${itf.tunnelSource.text}`);
      if (itf.tunnelDestination) parts.push(`to ${itf.tunnelDestination.text}`);
      if (itf.protection) parts.push(`protected by ${itf.protection.name}`);
    }
    const addr = itf.ipv4[0] ?? itf.ipv6[0];
    if (addr) parts.push(`${addr.address}${addr.prefixLength !== undefined ? `/${addr.prefixLength}` : ''}`);
    out.push(sym(tree, itf.name, 'interface', n, itf.nameRange, parts.join(', ') || undefined));
  }
  for (const p of [...cfg.isakmpPolicies].sort((a, b) => a.priority - b.priority)) {
    const d = [p.encryption?.map((w) => w.text).join(' '), p.hash?.text, p.group ? `group ${p.group.text}` : undefined, p.authentication?.text].filter(Boolean).join(', ');
    out.push(sym(tree, `isakmp policy ${p.priority}`, 'isakmp-policy', p.node, p.nameRange, d || undefined));
  }
  for (const k of cfg.keyrings.values()) out.push(sym(tree, k.name, 'keyring', k.node, k.nameRange, `${k.keys.length} pre-shared key${k.keys.length === 1 ? '' : 's'} set`));
  for (const p of cfg.isakmpProfiles.values()) out.push(sym(tree, p.name, 'isakmp-profile', p.node, p.nameRange, p.keyrings.length ? `keyring ${p.keyrings.map((r) => r.name).join(' ')}` : undefined));
  for (const p of cfg.ikev2Proposals.values()) {
    const d = [p.encryption, p.integrity, p.prf, p.group].map((l) => l.map((w) => w.text).join(' ')).filter(Boolean).join(' / ');
    out.push(sym(tree, p.name, 'ikev2-proposal', p.node, p.nameRange, d || undefined));
  }
  for (const p of cfg.ikev2Policies.values()) out.push(sym(tree, p.name, 'ikev2-policy', p.node, p.nameRange, p.proposals.length ? `proposal ${p.proposals.map((r) => r.name).join(' ')}` : undefined));
  for (const k of cfg.ikev2Keyrings.values()) {
    const peers = k.peers.map((p) => sym(tree, p.name, 'ikev2-keyring-peer', p.node, p.nameRange, [p.addresses.join(' '), p.psk || p.pskLocal || p.pskRemote ? 'key set' : ''].filter(Boolean).join(', ') || undefined));
    out.push(sym(tree, k.name, 'ikev2-keyring', k.node, k.nameRange, `${k.peers.length} peer${k.peers.length === 1 ? '' : 's'}`, peers));
  }
  for (const p of cfg.ikev2Profiles.values()) {
    const d = [p.authLocal[0] && `local ${p.authLocal[0].text}`, p.authRemote[0] && `remote ${p.authRemote[0].text}`, p.keyring && `keyring ${p.keyring.name}`].filter(Boolean).join(', ');
    out.push(sym(tree, p.name, 'ikev2-profile', p.node, p.nameRange, d || undefined));
  }
  for (const ts of cfg.transformSets.values()) {
    out.push(sym(tree, ts.name, 'transform-set', ts.node, ts.nameRange, `${ts.transforms.map((w) => w.text).join(' ')}, ${ts.mode ? ts.mode.value + (ts.mode.require ? ' require' : '') : 'tunnel (default)'}`));
  }
  for (const p of cfg.ipsecProfiles.values()) {
    const d = [p.transformSets.length ? `transform-set ${p.transformSets.map((r) => r.name).join(' ')}` : 'default transform set', p.pfs && `pfs ${p.pfs.text}`, p.ikev2Profile && `ikev2-profile ${p.ikev2Profile.name}`, p.isakmpProfile && `isakmp-profile ${p.isakmpProfile.name}`].filter(Boolean).join(', ');
    out.push(sym(tree, p.name, 'ipsec-profile', p.node, p.nameRange, d));
  }
  const maps = new Map<string, SymbolDef>();
  for (const e of cfg.cryptoMaps) {
    const d = [e.peers.length ? `peer ${e.peers.map((w) => w.text).join(' ')}` : undefined, e.matchAddress && `match address ${e.matchAddress.name}`, e.transformSets.length ? `transform-set ${e.transformSets.map((r) => r.name).join(' ')}` : undefined].filter(Boolean).join(', ');
    const child = sym(tree, `${e.seq}`, 'crypto-map-entry', e.node, e.nameRange, d || undefined);
    const key = `${e.ipv6 ? 'ipv6 ' : ''}${e.map}`;
    let parent = maps.get(key);
    if (!parent) {
      parent = { name: e.map, kind: 'crypto-map', range: child.range, selectionRange: e.nameRange, detail: e.ipv6 ? 'IPv6 crypto map' : e.dynamic ? 'dynamic map' : 'crypto map', children: [] };
      maps.set(key, parent);
      out.push(parent);
    }
    parent.children!.push(child);
    if (child.range.end.line > parent.range.end.line) parent.range = { start: parent.range.start, end: child.range.end };
  }
  for (const acl of cfg.acls.values()) {
    const first = acl.nodes[0];
    const last = acl.nodes[acl.nodes.length - 1];
    const range = { start: { line: first.line, character: 0 }, end: { line: last.endLine, character: (tree.lines[last.endLine] ?? '').length } };
    out.push({ name: acl.name, kind: 'acl', range, selectionRange: acl.nameRange, detail: `${acl.kind} access list, ${acl.entries.length} entr${acl.entries.length === 1 ? 'y' : 'ies'}` });
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line);
  return out;
}

export function buildReferences(cfg: IosConfig): SymbolRef[] {
  return cfg.refs.map((r) => ({ name: r.name, kind: r.kind, range: r.range }));
}

export function buildFolding(tree: ParseTree): FoldRange[] {
  const out: FoldRange[] = [];
  for (const n of tree.nodes) if (n.endLine > n.line) out.push({ startLine: n.line, endLine: n.endLine, kind: 'region' });
  // Nodes are in line order, one per line, so `out` is sorted already; a block adds a range unless
  // the command on its first line folds the same lines.
  if (tree.blocks.length === 0) return out;
  const nodeAt = new Map<number, Node>();
  for (const b of tree.blocks) nodeAt.set(b.startLine, undefined as unknown as Node);
  for (const n of tree.nodes) if (nodeAt.has(n.line)) nodeAt.set(n.line, n);
  let added = false;
  for (const b of tree.blocks) {
    const n = nodeAt.get(b.startLine);
    const folded = n !== undefined && n.endLine > n.line && n.endLine === b.endLine;
    if (b.endLine > b.startLine && !folded) {
      out.push({ startLine: b.startLine, endLine: b.endLine, kind: 'region' });
      added = true;
    }
  }
  return added ? out.sort((a, b) => a.startLine - b.startLine) : out;
}
