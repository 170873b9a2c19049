// NetworkManager keyfiles (.nmconnection) with an [ip-tunnel] section (extract.ts). NM version: a
// `# tunnel-lens: networkmanager 1.40` comment, else ctx.settings.versions.networkManager. The
// parser reports what the ini reader cannot read; the checks judge sections, keys and the tunnel.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Valued } from '../../core/endpoint';
import type { DialectModule, FileCheck, ParseContext, ParsedFile } from '../../core/types';
import { Code } from '../../core/codes';
import { emptyParsedFile } from '../../core/parsedFile';
import { issuesCheck, type Issue } from '../shared/findings';
import { parseIni, type IniFile } from '../shared/ini';
import { entryAt, iniComplete, iniDuplicatesCheck, iniFolding, iniKeysCheck, iniLineUse, iniSymbols, iniSyntaxFindings } from '../shared/iniFeatures';
import { tunnelHoverMarkdown } from '../shared/tunnelHover';
import { nmTunnel, nmVersion } from './extract';
import { NM_KEYS, NM_OTHER_SECTIONS, NM_TUNNEL_MODES } from './keys';

export interface NmConnectionTree {
  kind: 'nm-connection';
  ini: IniFile;
  nmVersion?: Valued<string>;
  /** What the tunnel's extraction could not use (the tunnel check reports them). */
  issues: Issue[];
}

/** GKeyFile takes `#` comments only. */
const COMMENT = /^\s*(#|$)/;

function parse(doc: TextDocument, ctx: ParseContext): ParsedFile<NmConnectionTree> {
  const file = emptyParsedFile<NmConnectionTree>(doc, 'nm-connection');
  const ini = parseIni(file.text, { semicolonComments: false, continuation: false });
  const version = nmVersion(file.text, ctx, doc.uri);
  const t = nmTunnel(ini, doc.uri, version, ctx.settings.pathMtu);
  file.findings = iniSyntaxFindings(ini, doc.uri);
  file.endpoints = t.endpoint ? [t.endpoint] : [];
  file.tree = { kind: 'nm-connection', ini, nmVersion: version, issues: t.issues };
  file.symbols = iniSymbols(ini);
  file.folding = iniFolding(ini);
  return file;
}

const CHECKS: readonly FileCheck<NmConnectionTree>[] = [
  iniKeysCheck('nm-connection/keys', NM_KEYS, 'NetworkManager keyfile', NM_OTHER_SECTIONS),
  iniDuplicatesCheck('nm-connection/duplicates', NM_KEYS),
  issuesCheck('nm-connection/tunnel', [Code.invalidValue, Code.configIgnored, Code.versionIncompatible], (tree: NmConnectionTree) => tree.issues),
];

export const dialect: DialectModule<NmConnectionTree> = {
  id: 'nm-connection',
  name: 'NetworkManager keyfile',
  matches: (path) => /\.nmconnection$/.test(path),
  parseCodes: [Code.syntaxError],
  parse,
  checks: CHECKS,
  lineUse: (f) => iniLineUse(f.text, f.tree.ini, NM_KEYS, NM_OTHER_SECTIONS, COMMENT),
  hover: (file, pos) => {
    const at = entryAt(file.tree.ini, pos);
    if (!at) return undefined;
    const doc = NM_KEYS[at.section]?.[at.entry.key]?.doc;
    const parts = [`**${at.section}.${at.entry.key}** ${doc ?? '(not a key Tunnel Lens knows)'}`];
    if (at.entry.key === 'mode' && NM_TUNNEL_MODES[Number(at.entry.value)]) parts.push(`mode ${at.entry.value} = ${NM_TUNNEL_MODES[Number(at.entry.value)].name}`);
    if (file.endpoints[0] && at.section === 'ip-tunnel') parts.push(tunnelHoverMarkdown(file.endpoints[0]));
    return { markdown: parts.join('\n\n'), range: at.entry.keyRange };
  },
  complete: (file, pos) => iniComplete(file.tree.ini, file.text, pos, NM_KEYS),
};
