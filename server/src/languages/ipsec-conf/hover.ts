// Hover: keyword documentation, the effective value in the conn under the cursor (after
// %default and also=), its default and which version's rule gave it; include targets. Config text
// is escaped (core/redact.ts), and a key that holds a secret (secrets.ts) shows no value.
import type { HoverResult, ParsedFile, Position } from '../../core/types';
import { contains as inside } from '../../core/ranges';
import { markdownCode, markdownText } from '../../core/redact';
import { shortUri } from '../shared/includes';
import { hiddenHover } from '../shared/secretSlots';
import { confSecretSlot } from './secrets';
import type { IpsecConfTree } from './analysis';
import { ikeVersionOf, proposalsOf } from './endpoint';
import { defaultFor, lookupKey, valuesFor, versionNote } from './keywords';
import { formatProposal } from '../shared/proposals';
import { fieldOf } from './resolve';
import type { Entry, Section } from './tree';
import { targetLabel } from './version';

export function hover(file: ParsedFile<IpsecConfTree>, pos: Position): HoverResult | undefined {
  const tree = file.tree;
  if (!tree) return undefined;
  const { conf, target: t } = tree;
  const label = targetLabel(t);
  for (const inc of tree.includes) {
    if (!inside(inc.stmt.range, pos)) continue;
    const list = inc.targets.length ? inc.targets.map((u) => `- ${markdownText(shortUri(u))}`).join('\n') : '_no file matches_';
    const note = inc.stmt.path.startsWith('/') ? '' : `\n\nResolved relative to this file. ${t.daemon === 'libreswan' ? 'Libreswan itself resolves a relative include against the working directory of pluto/addconn, not this file\'s directory.' : 'strongSwan resolves it relative to this file too.'}`;
    return { markdown: `**include** ${markdownCode(inc.stmt.path)}\n\n${list}${note}`, range: inc.stmt.range };
  }
  let section: Section | undefined;
  let entry: Entry | undefined;
  for (const s of conf.sections) {
    if (!inside(s.range, pos)) continue;
    section = s;
    entry = s.entries.find((e) => inside(e.range, pos) || (e.range.start.line === pos.line));
  }
  if (!section) return undefined;
  const r = section.kind === 'conn' ? tree.resolved.get(section) : undefined;
  if (!entry) {
    if (section.kind !== 'conn' || !inside(section.headerRange, pos)) return undefined;
    const lines = [`**conn ${markdownText(section.name)}** (${label}; ${t.reason})`];
    if (r) {
      const v = ikeVersionOf(r, t);
      lines.push(`- IKE version: ${v.v.value}${v.initiates ? ` (initiates IKEv${v.initiates.value})` : ''}${v.v.source === 'default' ? ` — ${v.v.rule}` : ''}`);
      const iv = v.v.value === 1 || v.initiates?.value === 1 ? 1 : 2;
      for (const kind of ['ike', 'esp'] as const) {
        const pr = proposalsOf(kind, r, t, iv);
        if (pr) lines.push(`- ${kind}: ${pr.value.value.map((x) => formatProposal(kind, x)).join(', ')}${pr.value.source === 'default' ? ` — ${pr.value.rule}` : ''}`);
      }
      lines.push('', 'Local end: left, unless right is %defaultroute/%iface while left is not, or left is %any.');
    }
    return { markdown: lines.join('\n'), range: section.headerRange };
  }
  const hits = lookupKey(entry.key, t.daemon).filter((h) => h.kw.sect === section!.kind);
  const kw = hits[0]?.kw;
  const parts: string[] = [`**${markdownText(entry.key)}** — ${label}`];
  if (confSecretSlot(entry.key)) parts.push('', hiddenHover(`${markdownText(entry.key)}=`));
  if (!kw) {
    parts.push('', 'Not a keyword of this daemon and section.');
    return { markdown: parts.join('\n'), range: entry.keyRange };
  }
  if (kw.doc) parts.push('', kw.doc);
  const words = t.daemon === 'libreswan' ? valuesFor(kw, t.version) : kw.values;
  parts.push('', `Type: ${kw.type}${words ? ` (${words.join(' | ')})` : ''}`);
  const known = t.daemon === 'libreswan' ? versionNote(kw) : undefined;
  if (known) parts.push(`Versions: ${known}`);
  const d = defaultFor(kw, t);
  if (d) parts.push(`Default: \`${d}\` (${label} rule)`);
  if (kw.deprecated) parts.push(`Deprecated: use ${kw.deprecated}`);
  if (r) {
    const f = fieldOf(entry);
    const eff = f ? r.fields.get(f) : undefined;
    if (eff) {
      const from = r.via.get(f!) ?? 'own';
      parts.push(`Effective in conn ${markdownText(section.name)}: ${markdownCode(entry.key.toLowerCase() === 'also' ? '' : eff.value)}${eff === entry ? '' : ` (from ${markdownText(from)}, line ${eff.range.start.line + 1})`}`);
    }
    if (kw.type === 'proposal' && eff) {
      const v = ikeVersionOf(r, t);
      const iv = v.v.value === 1 || v.initiates?.value === 1 ? 1 : 2;
      const pr = proposalsOf(entry.key.toLowerCase() === 'ike' ? 'ike' : 'esp', r, t, iv);
      if (pr) parts.push('', 'Canonical proposals:', ...pr.value.value.map((x) => `- ${formatProposal(entry!.key.toLowerCase() === 'ike' ? 'ike' : 'esp', x)}`));
    }
  }
  return { markdown: parts.join('\n'), range: entry.keyRange };
}
