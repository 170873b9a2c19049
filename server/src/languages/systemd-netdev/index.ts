// systemd-networkd .netdev files: [NetDev] Kind=ip6gre|ip6tnl|gre|vti6…, [Tunnel] Local, Remote,
// Key, EncapsulationLimit, Mode (extract.ts). The parser reports what the ini reader cannot read;
// the checks judge sections, keys and the tunnel.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DialectModule, FileCheck, ParseContext, ParsedFile } from '../../core/types';
import { Code } from '../../core/codes';
import { emptyParsedFile } from '../../core/parsedFile';
import { issuesCheck, type Issue } from '../shared/findings';
import { parseIni, type IniFile } from '../shared/ini';
import { entryAt, iniComplete, iniDuplicatesCheck, iniFolding, iniKeysCheck, iniLineUse, iniSymbols, iniSyntaxFindings } from '../shared/iniFeatures';
import { tunnelHoverMarkdown } from '../shared/tunnelHover';
import { netdevTunnel } from './extract';
import { NETDEV_KEYS, NETDEV_OTHER_SECTIONS } from './keys';

export interface NetdevTree {
  kind: 'systemd-netdev';
  ini: IniFile;
  /** What the tunnel's extraction could not use (the tunnel check reports them). */
  issues: Issue[];
}

/** systemd takes `;` comments too (GKeyFile does not). */
const COMMENT = /^\s*(#|;|$)/;

function parse(doc: TextDocument, ctx: ParseContext): ParsedFile<NetdevTree> {
  const file = emptyParsedFile<NetdevTree>(doc, 'systemd-netdev');
  const ini = parseIni(file.text, { semicolonComments: true, continuation: true });
  const t = netdevTunnel(ini, doc.uri, ctx.settings.pathMtu);
  file.findings = iniSyntaxFindings(ini, doc.uri);
  file.endpoints = t.endpoint ? [t.endpoint] : [];
  file.tree = { kind: 'systemd-netdev', ini, issues: t.issues };
  file.symbols = iniSymbols(ini);
  file.folding = iniFolding(ini);
  return file;
}

const CHECKS: readonly FileCheck<NetdevTree>[] = [
  iniKeysCheck('systemd-netdev/keys', NETDEV_KEYS, '.netdev file', NETDEV_OTHER_SECTIONS),
  iniDuplicatesCheck('systemd-netdev/duplicates', NETDEV_KEYS),
  issuesCheck('systemd-netdev/tunnel', [Code.invalidValue, Code.configIgnored], (tree: NetdevTree) => tree.issues),
];

export const dialect: DialectModule<NetdevTree> = {
  id: 'systemd-netdev',
  name: 'systemd .netdev',
  matches: (path) => /\.netdev$/.test(path),
  parseCodes: [Code.syntaxError],
  parse,
  checks: CHECKS,
  lineUse: (f) => iniLineUse(f.text, f.tree.ini, NETDEV_KEYS, NETDEV_OTHER_SECTIONS, COMMENT),
  hover: (file, pos) => {
    const at = entryAt(file.tree.ini, pos);
    if (!at) return undefined;
    const doc = NETDEV_KEYS[at.section]?.[at.entry.key]?.doc;
    const parts = [`**${at.entry.key}=** ${doc ?? '(not a key Tunnel Lens knows)'}`];
    if (file.endpoints[0] && (at.section === 'Tunnel' || ['Kind', 'Name', 'MTUBytes'].includes(at.entry.key))) parts.push(tunnelHoverMarkdown(file.endpoints[0]));
    return { markdown: parts.join('\n\n'), range: at.entry.keyRange };
  },
  complete: (file, pos) => iniComplete(file.tree.ini, file.text, pos, NETDEV_KEYS),
};
