// The ifcfg dialect: initscripts/NetworkManager interface files. Reads values as NetworkManager's
// shvar does and as bash does (initscripts sources the file), and builds the Linux endpoint that
// `ifup` would create (languages/shared/ifcfgRead.ts, ifcfgTunnel.ts). The parser reports only
// what bash cannot read; the registered checks judge keys, values and the tunnel.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DialectModule, ParseContext, ParsedFile, SymbolDef } from '../../core/types';
import { Code } from '../../core/codes';
import { emptyParsedFile } from '../../core/parsedFile';
import { range } from '../../core/ranges';
import { finding } from '../shared/findings';
import { readIfcfg, type IfcfgTree } from '../shared/ifcfgRead';
import { ifcfgEndpoint } from '../shared/ifcfgTunnel';
import { IFCFG_CHECKS } from './checks';
import { ifcfgComplete, ifcfgHover } from './features';
import { ifcfgLineUse } from './lineUse';
import { ifcfgSecretSlot } from './secrets';
import { HIDDEN, redactionStrings } from '../shared/secretSlots';
import { ifcfgHostAddresses } from './hostAddresses';
import type { HostAddressSource } from '../../model/hostInterfaces';

export type { IfcfgTree, IfcfgAssignment } from '../shared/ifcfgRead';

function parse(doc: TextDocument, ctx: ParseContext): ParsedFile<IfcfgTree> {
  const file = emptyParsedFile<IfcfgTree>(doc, 'ifcfg');
  const tree = readIfcfg(file.text);
  file.tree = tree;
  file.findings = tree.bashErrors.map((e) => finding(file.uri, Code.syntaxError, 'error', `bash (initscripts sources this file) fails here: ${e.message}`, e.range));
  const ep = ifcfgEndpoint(tree, file.uri, ctx.settings.pathMtu);
  file.endpoints = ep ? [ep] : [];
  const vars: SymbolDef[] = tree.assignments.map((a) => ({
    name: a.key,
    kind: 'variable',
    range: range(a.line, a.keyRange.start.character, a.valueRange.end.character),
    selectionRange: a.keyRange,
    detail: ifcfgSecretSlot(a.key) ? HIDDEN : a.value === undefined ? undefined : a.value.length > 40 ? `${a.value.slice(0, 40)}…` : a.value,
  }));
  if (ep) {
    const last = Math.max(0, file.text.split('\n').length - 1);
    file.symbols = [{ name: ep.name, kind: 'interface', range: { start: { line: 0, character: 0 }, end: { line: last, character: 0 } }, selectionRange: ep.range, detail: ep.tunnel!.kind.value, children: vars }];
  } else file.symbols = vars;
  return file;
}

export const dialect: DialectModule<IfcfgTree> & HostAddressSource<IfcfgTree> = {
  id: 'ifcfg',
  name: 'ifcfg',
  // Archived copies (ifcfg-eth0.bak) are refused before any dialect is asked (languages/index.ts).
  matches: (path) => /(^|[\\/])ifcfg-[^\\/]+$/.test(path),
  parseCodes: [Code.syntaxError],
  parse,
  checks: IFCFG_CHECKS,
  lineUse: ifcfgLineUse,
  hover: ifcfgHover,
  complete: ifcfgComplete,
  hostAddresses: (f) => ifcfgHostAddresses(f.tree, f.uri),
  secretValues: (file) => {
    const values: string[] = [];
    let lines: string[] | undefined;
    for (const a of file.tree.assignments) {
      if (!ifcfgSecretSlot(a.key)) continue;
      // Both readings, and the text as written (a value bash and NetworkManager read differently, or not at all).
      if (a.bashValue !== undefined) values.push(a.bashValue);
      if (a.nmValue !== null) values.push(a.nmValue);
      lines ??= file.text.split('\n');
      values.push((lines[a.line] ?? '').slice(a.valueRange.start.character, a.valueRange.end.character));
    }
    // Lines only bash assigns on (`export IKE_PSK=…`): the text after each secret `NAME=`.
    for (const b of file.tree.bashOnly) {
      if (!b.names.some((n) => ifcfgSecretSlot(n))) continue;
      lines ??= file.text.split('\n');
      for (const m of (lines[b.line] ?? '').matchAll(/([A-Za-z_][A-Za-z0-9_]*)\+?=(\S*)/g)) if (ifcfgSecretSlot(m[1])) values.push(m[2]);
    }
    return redactionStrings(values);
  },
};
