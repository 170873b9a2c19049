// The ifupdown dialect: Debian/Ubuntu /etc/network/interfaces and the files it sources, as classic
// ifupdown (0.8.x) or ifupdown-ng reads them (docs/reference/ifupdown.md). A file is read with the
// whole configuration it belongs to (config.ts: the host's /etc/network/interfaces and its
// `source`/`source-directory` lines, through the FileSystem), so the stanzas of one interface in
// several files are applied in order; each file gives the endpoints of the tunnels its own
// stanzas create, and reports only its own lines. Nothing is ever run.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Endpoint } from '../../core/endpoint';
import type { DialectModule, FileCheck, FoldRange, ParseContext, ParsedFile, SymbolDef, SymbolRef } from '../../core/types';
import { Code } from '../../core/codes';
import { emptyParsedFile } from '../../core/parsedFile';
import type { HostAddressSource } from '../../model/hostInterfaces';
import { isPartialLinuxEndpoint } from '../../model/linuxTunnels';
import { finding, issuesCheck } from '../shared/findings';
import { loadConfig, patternRange, type Config } from './config';
import { ifupdownComplete, ifupdownHover } from './features';
import { ifupdownLineUse } from './lineUse';
import { ifupdownSecretSlot } from './secrets';
import { HIDDEN, redactionStrings } from '../shared/secretSlots';
import { readInterfaces, stanzaRange, type ReadFile } from './reader';
import { sourcesCheck } from './sources';
import { buildInterfaces, ifaceHeader, type FileIssue, type Interfaces } from './tunnels';

export interface IfupdownTree {
  kind: 'ifupdown';
  config: Config;
  /** This file as read. */
  file: ReadFile;
  built: Interfaces;
  /** What the configuration's reading found on this file's lines (the checks report them). */
  issues: FileIssue[];
}

function parse(doc: TextDocument, ctx: ParseContext): ParsedFile<IfupdownTree> {
  const file = emptyParsedFile<IfupdownTree>(doc, 'ifupdown');
  const config = loadConfig(doc.uri, file.text, ctx.fs);
  const own = config.files.find((f) => f.uri === doc.uri) ?? readInterfaces(file.text, doc.uri);
  const built = buildInterfaces(config, ctx.settings.pathMtu);
  file.tree = { kind: 'ifupdown', config, file: own, built, issues: built.issues.filter((i) => i.uri === doc.uri) };
  file.findings = own.errors.map((e) => finding(doc.uri, Code.syntaxError, 'error', e.message, e.range));
  if (config.flavor.tool.value === 'ifupdown')
    for (const s of own.stanzas)
      if (s.kind === 'iface' && s.words.length < 3)
        file.findings.push(finding(doc.uri, Code.syntaxError, 'error', `\`iface ${s.words[0]?.text ?? ''}\` needs an address family and a method (\`iface NAME inet static\`): ifupdown stops with "too few parameters for iface line" and reads none of this file.`, s.headerRange));
  // A file the host's /etc/network/interfaces does not read configures nothing.
  // A change of a device no file creates is kept only when it is a tunnel's (an uplink's addresses are not a tunnel).
  file.endpoints = config.notReadBy ? [] : [...built.devices.values()].filter((e: Endpoint) => e.uri === doc.uri && (!isPartialLinuxEndpoint(e) || e.tunnel!.kind.value !== 'unknown' || !!e.tunnel!.encapLimit));
  file.dependencies = config.dependencies.filter((u) => u !== doc.uri);
  file.symbols = symbolsOf(own);
  file.references = referencesOf(file.tree);
  file.folding = own.stanzas.filter((s) => s.endLine > s.line).map((s): FoldRange => ({ startLine: s.line, endLine: s.endLine, kind: 'region' }));
  return file;
}

function symbolsOf(f: ReadFile): SymbolDef[] {
  const out: SymbolDef[] = [];
  for (const s of f.stanzas) {
    if (s.kind !== 'iface' && s.kind !== 'template' && s.kind !== 'mapping' && s.kind !== 'source' && s.kind !== 'source-directory') continue;
    out.push({
      name: `${s.keyword.text} ${s.rest.text}`.trim().slice(0, 120),
      kind: s.kind === 'iface' || s.kind === 'template' ? 'interface' : s.kind === 'mapping' ? 'mapping' : 'include',
      range: stanzaRange(s),
      selectionRange: s.words[0]?.range ?? s.keyword.range,
      children: s.options.map((o) => ({
        name: o.name,
        kind: 'option',
        range: { start: o.nameRange.start, end: o.value.range.end },
        selectionRange: o.nameRange,
        detail: ifupdownSecretSlot(o.name) ? HIDDEN : o.value.text.slice(0, 60),
      })),
    });
  }
  return out;
}

function referencesOf(tree: IfupdownTree): SymbolRef[] {
  return tree.config.sources.filter((r) => r.stanza.uri === tree.file.uri).map((r) => ({ name: r.stanza.rest.text, kind: 'include', range: patternRange(r.stanza), targetUris: r.targets }));
}

const CHECKS: readonly FileCheck<IfupdownTree>[] = [
  issuesCheck<IfupdownTree>('ifupdown/interfaces', [Code.invalidValue, Code.configIgnored, Code.unknownKeyword, Code.versionIncompatible], (t) => t.issues),
  sourcesCheck,
];

/** Where the Debian/Ubuntu tools read interface definitions. */
const PATH = /(^|\/)network\/interfaces$|(^|\/)network\/interfaces\.d\/[^/]+$/;

export const dialect: DialectModule<IfupdownTree> & HostAddressSource<IfupdownTree> = {
  id: 'ifupdown',
  name: 'ifupdown /etc/network/interfaces',
  matches: (path, head) => PATH.test(path) || (/(^|\/)interfaces$/.test(path) && /^\s*(iface|auto|source(-directory)?|allow-[\w-]+)\s/m.test(head)),
  parseCodes: [Code.syntaxError],
  parse,
  checks: CHECKS,
  lineUse: ifupdownLineUse,
  hover: ifupdownHover,
  complete: ifupdownComplete,
  // The redactor's list: the options of the table of secret slots (secrets.ts), and the key material of the `ip` commands of this file's command options.
  secretValues: (f) =>
    redactionStrings([
      ...f.tree.file.stanzas.flatMap((s) => s.options.filter((o) => ifupdownSecretSlot(o.name) && o.value.text !== '').map((o) => o.value.text)),
      ...(f.tree.built.secrets.get(f.uri) ?? []),
    ]),
  hostAddresses: (f) => (f.tree.config.notReadBy ? [] : f.tree.built.hostAddresses.filter((a) => a.uri === f.uri)),
};

export { ifaceHeader };
