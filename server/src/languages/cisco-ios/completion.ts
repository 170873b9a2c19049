// Completion inside the modeled modes: the keywords valid at the cursor (from the command tables),
// the values of the argument being typed (algorithms, tunnel modes, PFS groups) and the names of
// defined objects where a command references one (transform sets, profiles, ACLs, interfaces).
import type { Position } from 'vscode-languageserver-types';
import type { CompletionEntry, ParsedFile } from '../../core/types';
import { MODELED_MODES, MODE_TABLES, type Kw, type KwTable, type ModeId } from './commands';
import { resolveWord, tokenize } from './lexer';
import type { IosTree } from './tree';
import { OFFERED_TRANSFORMS } from '../../model/iosTransforms';

function namesOf(t: IosTree, kind: string): string[] {
  const c = t.cfg;
  switch (kind) {
    case 'transform-set': return [...c.transformSets.keys(), 'default'];
    case 'ipsec-profile': return [...c.ipsecProfiles.keys()];
    case 'ikev2-profile': return [...c.ikev2Profiles.keys()];
    case 'isakmp-profile': return [...c.isakmpProfiles.keys()];
    case 'ikev2-proposal': return [...c.ikev2Proposals.keys(), 'default'];
    case 'ikev2-keyring': return [...c.ikev2Keyrings.keys()];
    case 'keyring': return [...c.keyrings.keys()];
    case 'acl': return [...c.acls.keys()];
    case 'crypto-map': return [...new Set(c.cryptoMaps.map((e) => e.map))];
    case 'interface': return [...c.interfaces.keys()];
    default: return [];
  }
}

/** The mode a line at this position is read in. */
export function modeAt(t: IosTree, line: number, indent: number): ModeId[] {
  const here = t.parse.nodes.find((n) => n.line === line);
  if (here) return [here.mode];
  let prev;
  for (const n of t.parse.nodes) {
    if (n.line < line) prev = n;
    else break;
  }
  if (!prev) return ['global'];
  const inner = prev.opens ?? prev.mode;
  if (indent > 0) {
    // Indented: a child of the previous opener, or a sibling of the previous child.
    if (prev.opens && indent > prev.indent) return [prev.opens];
    return [prev.mode];
  }
  // Unindented: global, or (in a paste) still the open sub-mode.
  return inner === 'global' ? ['global'] : [inner, 'global'];
}

export function complete(file: ParsedFile, pos: Position): CompletionEntry[] {
  const t = file.tree as IosTree | undefined;
  if (!t) return [];
  const lineText = (t.parse.lines[pos.line] ?? '').slice(0, pos.character);
  if (/^\s*[!#]/.test(lineText)) return [];
  if (t.parse.blocks.some((b) => pos.line > b.startLine && pos.line <= b.endLine)) return [];
  const indent = /^\s*/.exec(lineText)![0].length;
  const modes = modeAt(t, pos.line, indent).filter((m) => m === 'global' || MODELED_MODES.has(m));
  const toks = tokenize(lineText);
  const endsWithSpace = /\s$/.test(lineText) || lineText.trim() === '';
  const done = endsWithSpace ? toks.map((x) => x.text) : toks.slice(0, -1).map((x) => x.text);
  const partial = endsWithSpace ? '' : toks[toks.length - 1]?.text ?? '';
  if (done[0] && /^(no|default)$/i.test(done[0])) done.shift();
  const out = new Map<string, CompletionEntry>();
  for (const mode of modes) {
    let table: KwTable | undefined = MODE_TABLES[mode];
    let kw: Kw | undefined;
    let argsSeen = 0;
    for (const w of done) {
      const key: string | undefined = table ? resolveWord(table, w) : undefined;
      if (key && table) {
        kw = table[key];
        table = kw.sub;
        argsSeen = 0;
      } else {
        table = undefined;
        argsSeen++;
      }
    }
    const lower = partial.toLowerCase();
    if (table) {
      for (const [k, v] of Object.entries(table)) {
        if (v.exact && !v.doc) continue;
        if (k.startsWith(lower)) out.set(k, { label: k, kind: 'keyword', detail: mode === 'global' ? undefined : `${mode} mode`, documentation: v.doc });
      }
    }
    if (kw && (!table || argsSeen > 0 || done.length > 0)) {
      if (kw.values) {
        for (const v of kw.values) if (v.startsWith(lower)) out.set(v, { label: v, kind: /group|aes|sha|md5|des|esp|ah-|comp/.test(v) ? 'algorithm' : 'value' });
      }
      if (kw.ref && !(argsSeen > 0 && kw.ref !== 'transform-set' && kw.ref !== 'ikev2-proposal')) {
        for (const n of namesOf(t, kw.ref)) if (n.toLowerCase().startsWith(lower)) out.set(n, { label: n, kind: 'reference', detail: kw.ref });
      }
    }
    // Transform-set header (`crypto ipsec transform-set NAME `, abbreviated or not): the transforms after the name.
    if (mode === 'global' && /^\s*cr\w*\s+ips\w*\s+tr[\w-]*\s+\S+\s/i.test(lineText)) {
      for (const v of OFFERED_TRANSFORMS) {
        if (v.startsWith(lower)) out.set(v, { label: v, kind: 'algorithm' });
      }
    }
  }
  return [...out.values()];
}
