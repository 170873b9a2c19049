// Hover: the keyword's documentation, the effective value of the object under the cursor and,
// for every default in force, the rule it comes from ("IOS 15.7 default transform set"). Lines
// that carry secrets are described ("a pre-shared key is set"), never quoted: the table of secret
// slots (secrets.ts) says which words they are.
import type { Position } from 'vscode-languageserver-types';
import type { HoverResult, ParsedFile } from '../../core/types';
import type { Endpoint, Proposal, Valued } from '../../core/endpoint';
import { MODE_NAMES, type Kw } from './commands';
import { transformSetProposal, ikev2ProposalCanonical } from './endpoints/proposals';
import { DEFAULT_TRANSFORM_SET, TRANSFORM_SET_DEFAULT_MODE, versionLabel } from './defaults';
import { contains } from '../../core/ranges';
import type { IosConfig } from './model';
import { rangeOf } from './words';
import type { IosTree } from './tree';
import type { Node } from './parser';
import { hiddenHover } from '../shared/secretSlots';
import { iosSecretsOf } from './secrets';

function nodeAt(t: IosTree, line: number): Node | undefined {
  return t.parse.nodes.find((n) => n.line === line);
}

function origin(v: Valued<unknown> | undefined): string {
  if (!v) return '';
  if (v.source === 'written') return v.rule ? ` _(written; ${v.rule})_` : '';
  return ` _(${v.source === 'default' ? 'default' : 'derived'}: ${v.rule ?? ''})_`;
}

function proposals(ps: readonly Proposal[]): string {
  return ps.map((p) => [p.encr.join('/'), p.integ.join('/'), p.prf.length ? `prf ${p.prf.join('/')}` : '', p.dh.join('/')].filter(Boolean).join(' · ')).join('; ');
}

export function endpointMarkdown(ep: Endpoint): string {
  const lines: string[] = [`**${ep.name}** — Cisco IOS endpoint`];
  if (ep.version) lines.push(`- version: ${ep.version.value}${origin(ep.version)}`);
  if (ep.family) lines.push(`- outer family: ${ep.family.value}${origin(ep.family)}`);
  if (ep.local) lines.push(`- local: ${ep.local.value}${ep.localInterface ? ` (${ep.localInterface})` : ''}${origin(ep.local)}`);
  else if (ep.localInterface) lines.push(`- local: interface ${ep.localInterface} (no address found)`);
  if (ep.remote) lines.push(`- remote: ${ep.remote.value}${origin(ep.remote)}`);
  const t = ep.tunnel;
  if (t) {
    lines.push(`- tunnel mode: ${t.kind.value}${origin(t.kind)}`);
    lines.push(`- encapsulation: ${t.encapsulation.value}${origin(t.encapsulation)}`);
    if (t.greKey) lines.push(`- GRE key: ${t.greKey.value}`);
    if (t.mtu) lines.push(`- MTU: ${t.mtu.value}${origin(t.mtu)}`);
    if (t.innerAddresses.length) lines.push(`- inner: ${t.innerAddresses.map((a) => a.value).join(', ')}`);
  }
  const s = ep.ipsec;
  if (s) {
    if (s.ikeVersion) lines.push(`- IKE version: ${s.ikeVersion.value}${origin(s.ikeVersion)}`);
    if (s.ike) lines.push(`- IKE proposals: ${proposals(s.ike.value)}${origin(s.ike)}`);
    if (s.esp) lines.push(`- ESP proposals: ${proposals(s.esp.value)}${origin(s.esp)}`);
    if (s.mode) lines.push(`- mode: ${s.mode.value}${s.modeRequired ? ' (require)' : ''}${origin(s.mode)}`);
    if (s.pfs) lines.push(`- PFS: ${s.pfs.value === false ? 'none' : s.pfs.value}${origin(s.pfs)}`);
    if (s.trafficSelector) {
      const ts = s.trafficSelector.value;
      lines.push(`- traffic selector: ${ts.protocol !== undefined ? `proto ${ts.protocol} ` : ''}${ts.localSubnets.join(',') || 'any'} ↔ ${ts.remoteSubnets.join(',') || 'any'}${origin(s.trafficSelector)}`);
    }
    if (s.authLocal) lines.push(`- authentication: ${s.authLocal.value}${s.authRemote && s.authRemote.value !== s.authLocal.value ? ` / remote ${s.authRemote.value}` : ''}${origin(s.authLocal)}`);
    if (s.pskDigest) lines.push('- pre-shared key: set (hidden)');
    if (s.ikeLifetime) lines.push(`- IKE lifetime: ${s.ikeLifetime.value} s${origin(s.ikeLifetime)}`);
    if (s.saLifetime) lines.push(`- SA lifetime: ${s.saLifetime.value} s${origin(s.saLifetime)}`);
  }
  return lines.join('\n');
}

function objectMarkdown(t: IosTree, kind: string, name: string): string | undefined {
  const cfg: IosConfig = t.cfg;
  const v = versionLabel(t.version);
  switch (kind) {
    case 'transform-set': {
      if (name === 'default' && !cfg.transformSets.has('default')) return `**transform set default** — ${v} default transform set: ${DEFAULT_TRANSFORM_SET.words}, mode ${DEFAULT_TRANSFORM_SET.mode}`;
      const ts = cfg.transformSets.get(name);
      if (!ts) return undefined;
      const p = transformSetProposal(ts);
      const mode = ts.mode ? `${ts.mode.value}${ts.mode.require ? ' require' : ''}` : `${TRANSFORM_SET_DEFAULT_MODE} _(default: ${v} default transform-set mode)_`;
      return `**transform set ${name}** — ESP ${proposals([p])}\n- mode: ${mode}`;
    }
    case 'ikev2-proposal': {
      const pr = cfg.ikev2Proposals.get(name);
      if (!pr) return undefined;
      return `**IKEv2 proposal ${name}** — ${proposals([ikev2ProposalCanonical(pr)])}${pr.prf.length === 0 ? '\n- prf: from the integrity algorithms (IOS default)' : ''}`;
    }
    case 'ipsec-profile': {
      const pr = cfg.ipsecProfiles.get(name);
      if (!pr) return undefined;
      const lines = [`**IPsec profile ${name}**`];
      lines.push(pr.transformSets.length ? `- transform sets: ${pr.transformSets.map((r) => r.name).join(', ')}` : `- transform set: default _(${v} default transform set: ${DEFAULT_TRANSFORM_SET.words}, ${DEFAULT_TRANSFORM_SET.mode})_`);
      lines.push(pr.pfs ? `- PFS: ${pr.pfs.text || 'IKE group'}` : `- PFS: none _(${v} default)_`);
      lines.push(pr.ikev2Profile ? `- IKEv2 profile: ${pr.ikev2Profile.name}` : pr.isakmpProfile ? `- ISAKMP profile: ${pr.isakmpProfile.name}` : `- IKE version: 1 _(${v} default without set ikev2-profile)_`);
      return lines.join('\n');
    }
    case 'ikev2-profile': {
      const p = cfg.ikev2Profiles.get(name);
      if (!p) return undefined;
      return [`**IKEv2 profile ${name}**`, p.authLocal[0] && `- authentication local ${p.authLocal[0].text}`, p.authRemote[0] && `- authentication remote ${p.authRemote[0].text}`, p.keyring && `- keyring ${p.keyring.name}`, `- lifetime: ${p.lifetime?.text ?? `86400 _(${v} default, unverified)_`}`, p.inlineLocal || p.inlineRemote ? '- pre-shared key: set (hidden)' : undefined].filter(Boolean).join('\n');
    }
    case 'ikev2-keyring': {
      const k = cfg.ikev2Keyrings.get(name);
      if (!k) return undefined;
      return [`**IKEv2 keyring ${name}**`, ...k.peers.map((p) => `- peer ${p.name}: ${p.addresses.join(', ') || p.hostname || '(no address)'}${p.psk || p.pskLocal || p.pskRemote ? ', key set (hidden)' : ''}`)].join('\n');
    }
    case 'acl': {
      const a = cfg.acls.get(name);
      if (!a) return undefined;
      return [`**access list ${name}** (${a.kind})`, ...a.entries.slice(0, 10).map((e) => `- ${e.action} ${e.protocolWord ?? ''} ${e.src ?? ''} ${e.dst ?? ''}`.replace(/\s+/g, ' '))].join('\n');
    }
    case 'crypto-map': {
      const es = cfg.cryptoMaps.filter((e) => e.map === name);
      if (!es.length) return undefined;
      return [`**crypto map ${name}**`, ...es.map((e) => `- ${e.seq}: peer ${e.peers.map((p) => p.text).join(' ') || '(none)'}, ${e.transformSets.length ? `transform-set ${e.transformSets.map((r) => r.name).join(' ')}` : `default transform set (${v})`}${e.matchAddress ? `, match address ${e.matchAddress.name}` : ''}`)].join('\n');
    }
    case 'interface': {
      const ep = t.endpoints.find((e) => e.name === name);
      if (ep) return endpointMarkdown(ep);
      const itf = cfg.interfaces.get(name);
      if (!itf) return undefined;
      return [`**interface ${name}**`, ...itf.ipv4.map((a) => `- ${a.address}/${a.prefixLength ?? '?'}`), ...itf.ipv6.map((a) => `- ${a.address}/${a.prefixLength}`)].join('\n');
    }
    default:
      return undefined;
  }
}

export function hover(file: ParsedFile, pos: Position): HoverResult | undefined {
  const t = file.tree as IosTree | undefined;
  if (!t) return undefined;
  const block = t.parse.blocks.find((b) => pos.line > b.startLine && pos.line <= b.endLine);
  if (block) return { markdown: `${block.kind === 'banner' ? 'Banner text' : block.kind === 'certificate' ? 'Certificate data' : 'Key data'}: not configuration; Tunnel Lens ignores it.` };
  if (t.directive && pos.line === t.directive.line) {
    return { markdown: `IOS version for defaults: **${t.version.text}** (from this directive). Defaults in this file follow ${versionLabel(t.version)}.` };
  }
  // A reference: describe the object it names.
  const ref = t.cfg.refs.find((r) => contains(r.range, pos));
  if (ref) {
    const md = objectMarkdown(t, ref.kind, ref.name);
    const range = ref.range;
    return { markdown: md ?? `${ref.kind} "${ref.name}" is not defined in this file.`, range };
  }
  const n = nodeAt(t, pos.line);
  if (!n) return undefined;
  const tokIdx = n.tokens.findIndex((tok) => pos.character >= tok.start && pos.character <= tok.end);
  const tok = n.tokens[tokIdx];
  const parts: string[] = [];
  // Keyword documentation of the word under the cursor (or of the command).
  const kwIndex = tok ? n.words.indexOf(tok) : -1;
  const kw: Kw | undefined = kwIndex >= 0 && kwIndex < n.kws.length ? n.kws[kwIndex] : n.kws[n.kws.length - 1];
  const title = n.path.length ? `\`${n.negated ? `${n.negated} ` : ''}${n.path.join(' ')}\`` : undefined;
  if (title) parts.push(`${title}${n.mode !== 'global' ? ` — in ${MODE_NAMES[n.mode]} mode` : ''}`);
  if (kw?.doc) parts.push(kw.doc);
  const secrets = iosSecretsOf(n);
  for (const where of new Set(secrets.map((h) => h.slot.where))) parts.push(hiddenHover(where));
  // Object summary for object headers.
  const p = n.path.join(' ');
  const name = n.args[0]?.text;
  const kindByPath: Record<string, string> = {
    'crypto ipsec transform-set': 'transform-set', 'crypto ipsec profile': 'ipsec-profile', 'crypto ikev2 proposal': 'ikev2-proposal',
    'crypto ikev2 profile': 'ikev2-profile', 'crypto ikev2 keyring': 'ikev2-keyring', 'ip access-list extended': 'acl', 'ip access-list standard': 'acl',
    'ipv6 access-list': 'acl', 'crypto map': 'crypto-map', 'crypto map ipv6': 'crypto-map',
  };
  if (p === 'interface') {
    const itf = [...t.cfg.interfaces.values()].find((i) => i.nodes.includes(n));
    if (itf) {
      const md = objectMarkdown(t, 'interface', itf.name);
      if (md) parts.push(md);
    }
  } else if (kindByPath[p] && name) {
    const md = objectMarkdown(t, kindByPath[p], name);
    if (md) parts.push(md);
  } else if (p === 'version') {
    parts.push(`Defaults in this file follow ${versionLabel(t.version)} (${t.version.source}).`);
  } else if (n.parent && n.mode === 'interface' && n.path[0] === 'tunnel') {
    const itf = [...t.cfg.interfaces.values()].find((i) => i.nodes.includes(n.parent!));
    const ep = itf && t.endpoints.find((e) => e.name === itf.name);
    if (ep) parts.push(endpointMarkdown(ep));
  }
  if (parts.length === 0) return undefined;
  return { markdown: parts.join('\n\n'), range: tok ? rangeOf(n.line, tok) : undefined };
}
