// Hover: what a key does, its type and its default in the target release (and which rule chose
// the release), what a section is, what a proposal expands to. Never a secret's value.
import type { Position } from 'vscode-languageserver-types';
import type { HoverResult, ParsedFile } from '../../core/types';
import { contains } from '../../core/ranges';
import { compareVersions } from '../../core/versions';
import { proposalsText } from '../../model/negotiation';
import { childKind, type Kind } from './kinds';
import type { Section, Setting } from './parser';
import { defaultProposals, defaultRule, parseProposal, type ProposalKind } from './proposals';
import { settingSecretSlot } from './secrets';
import { hiddenHover } from '../shared/secretSlots';
import { CONN_SUBSECTIONS, SECRET_KEYS, TOP_SECTIONS, keySpec, type KeySpec } from './schema';
import type { SwanctlTree } from './tree';
import { listItems } from './values';

/** The innermost written section (of this file) and item under a position, with its kind. */
export function locate(tree: SwanctlTree, uri: string, pos: Position): { section: Section; kind: Kind; setting?: Setting; header?: Section } {
  let section = tree.root;
  let kind: Kind = { kind: 'top' };
  for (;;) {
    let deeper = false;
    for (const item of section.items) {
      if (item.uri !== uri || item.kind === 'include') continue;
      if (item.kind === 'setting') {
        if (contains({ start: item.keyRange.start, end: item.valueRange.end }, pos)) return { section, kind, setting: item };
        continue;
      }
      if (contains(item.nameRange, pos)) return { section, kind, header: item };
      if (contains(item.range, pos) && !item.recovered) {
        kind = childKind(kind, item.name);
        section = item;
        deeper = true;
        break;
      }
    }
    if (!deeper) return { section, kind };
  }
}

function specFor(kind: Kind, key: string): KeySpec | undefined {
  if (kind.kind === 'secret') {
    const shape = kind.secret?.shape ?? 'shared';
    return shape === 'shared' && key.startsWith('id') ? SECRET_KEYS.shared[1] : SECRET_KEYS[shape].find((x) => x.key === key);
  }
  if (kind.kind === 'unknown') return undefined;
  return keySpec(kind.kind, key);
}

const PROPOSAL_KIND: Partial<Record<string, ProposalKind>> = { 'ike-proposals': 'ike', 'esp-proposals': 'esp', 'ah-proposals': 'ah' };

export function hover(file: ParsedFile<SwanctlTree>, pos: Position): HoverResult | undefined {
  const tree = file.tree;
  if (!tree || tree.kind !== 'swanctl-conf') return undefined;
  const t = tree.target;
  const at = locate(tree, file.uri, pos);
  const version = `Target: strongSwan ${t.version} (${t.reason}).`;
  if (at.header) {
    const k = childKind(at.kind, at.header.name);
    const what =
      k.kind === 'top' ? '' :
      k.kind === 'connections' || k.kind === 'secrets' || k.kind === 'pools' || k.kind === 'authorities' ? TOP_SECTIONS[k.kind].summary :
      k.kind === 'conn' ? `Connection **${at.header.name}**: one IKE SA configuration.` :
      k.kind === 'local' || k.kind === 'remote' ? CONN_SUBSECTIONS[k.kind] :
      k.kind === 'children' ? CONN_SUBSECTIONS.children :
      k.kind === 'child' ? `Child **${at.header.name}**: one CHILD_SA (an IPsec SA pair) of the connection.` :
      k.kind === 'secret' ? `${k.secret?.summary ?? ''} The secret itself is hidden; Tunnel Lens compares only a digest of it with the peer's key.` :
      k.kind === 'pool' ? `Pool **${at.header.name}**: addresses and attributes handed to peers that ask (a connection's \`pools\`).` :
      k.kind === 'authority' ? `Authority **${at.header.name}**: a CA with its CRL/OCSP locations.` :
      k.kind === 'cert' ? 'A certificate given by file or by PKCS#11 token (file, or handle/slot/module).' :
      'A section charon ignores or refuses here (see its diagnostic).';
    return { markdown: `${what}\n\n${version}`, range: at.header.nameRange };
  }
  const s = at.setting;
  if (!s) return undefined;
  const spec = specFor(at.kind, s.key);
  if (!spec) return { markdown: `\`${s.key}\`: not a key charon takes here (see its diagnostic).\n\n${version}`, range: s.keyRange };
  const lines = [`**${s.key}** — ${spec.summary}`];
  const six = compareVersions(t.version, '6.0.0') >= 0;
  const def = six ? spec.default6 : spec.default59;
  if (def) lines.push(`Default in strongSwan ${t.version}: \`${def}\`.`);
  if (spec.since) lines.push(`Since strongSwan ${spec.since}.`);
  const pk = PROPOSAL_KIND[spec.type];
  if (pk && s.value) {
    const expanded = listItems(s).flatMap((it) => (it.text.toLowerCase() === 'default' ? defaultProposals(pk, t, true) : (parseProposal(it.text, pk, t).proposal ?? [])));
    if (expanded.length) lines.push(`Offers: ${proposalsText(expanded, pk === 'ike' ? 'ike' : 'esp', 6)}.`);
  } else if (pk) lines.push(`Unset, it is the ${defaultRule(pk, t)}: ${proposalsText(defaultProposals(pk, t, false), pk === 'ike' ? 'ike' : 'esp', 6)}.`);
  const secret = settingSecretSlot(s);
  if (secret) {
    lines.push(hiddenHover(secret.where));
    if (secret.id === 'swanctl-conf/shared-secret') lines.push('Tunnel Lens compares only a digest of it with the peer\'s key.');
  }
  lines.push(version);
  return { markdown: lines.join('\n\n'), range: s.keyRange };
}
