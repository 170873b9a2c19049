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
import { entryAt, iniComplete, iniDuplicatesCheck, iniFolding, iniKeysCheck, iniLineUse, iniSecretSlot, iniSecretValues, iniSymbols, iniSyntaxFindings } from '../shared/iniFeatures';
import { hiddenHover, redactionStrings } from '../shared/secretSlots';
import { NM_SECRET_SLOTS } from './secrets';
import { tunnelHoverMarkdown } from '../shared/tunnelHover';
import { markdownCode, markdownText } from '../../core/redact';
import { nmTunnel, nmVersion } from './extract';
import { NM_KEYS, NM_OTHER_SECTIONS, NM_TUNNEL_MODES } from './keys';
import { NM_LIBRESWAN_KEYS, NM_LIBRESWAN_SECRET_KEYS } from './libreswanKeys';
import { isLibreswanVpn, libreswanVpn, type LibreswanVpn } from './vpn';
import type { IniKeyTable } from '../shared/iniFeatures';
import type { SecretSource } from '../../core/types';
import { sameAddress } from '../../core/address';
import { nmHostAddresses } from './hostAddresses';
import type { HostAddressSource } from '../../model/hostInterfaces';

export interface NmConnectionTree {
  kind: 'nm-connection';
  ini: IniFile;
  nmVersion?: Valued<string>;
  /** What the tunnel's extraction could not use (the tunnel check reports them). */
  issues: Issue[];
  /** A NetworkManager-libreswan VPN profile's IPsec side (docs/reference/nm-libreswan.md). */
  vpn?: LibreswanVpn;
}

/** A libreswan profile's [vpn] and [vpn-secrets] are modelled; other VPN plugins' are outside. */
const NM_KEYS_LIBRESWAN: IniKeyTable = { ...NM_KEYS, vpn: NM_LIBRESWAN_KEYS, 'vpn-secrets': NM_LIBRESWAN_SECRET_KEYS };
const tableOf = (t: NmConnectionTree): IniKeyTable => (t.vpn ? NM_KEYS_LIBRESWAN : NM_KEYS);

/** GKeyFile takes `#` comments only. */
const COMMENT = /^\s*(#|$)/;

function parse(doc: TextDocument, ctx: ParseContext): ParsedFile<NmConnectionTree> {
  const file = emptyParsedFile<NmConnectionTree>(doc, 'nm-connection');
  const ini = parseIni(file.text, { semicolonComments: false, continuation: false });
  const version = nmVersion(file.text, ctx, doc.uri);
  const t = nmTunnel(ini, doc.uri, version, ctx.settings.pathMtu);
  const vpn = isLibreswanVpn(ini) ? libreswanVpn(ini, file.text, doc.uri, ctx) : undefined;
  file.findings = iniSyntaxFindings(ini, doc.uri, NM_SECRET_SLOTS);
  file.endpoints = [...(t.endpoint ? [t.endpoint] : []), ...(vpn?.endpoint ? [vpn.endpoint] : [])];
  file.tree = { kind: 'nm-connection', ini, nmVersion: version, issues: t.issues, vpn };
  // A secret's value never reaches the outline (secrets.ts).
  file.symbols = iniSymbols(ini, NM_SECRET_SLOTS);
  file.folding = iniFolding(ini);
  return file;
}

const keysChecks = { plain: iniKeysCheck<NmConnectionTree>('nm-connection/keys', NM_KEYS, 'NetworkManager keyfile', NM_OTHER_SECTIONS), libreswan: iniKeysCheck<NmConnectionTree>('nm-connection/keys', NM_KEYS_LIBRESWAN, 'NetworkManager-libreswan profile', NM_OTHER_SECTIONS) };
const duplicatesChecks = { plain: iniDuplicatesCheck<NmConnectionTree>('nm-connection/duplicates', NM_KEYS), libreswan: iniDuplicatesCheck<NmConnectionTree>('nm-connection/duplicates', NM_KEYS_LIBRESWAN) };

const CHECKS: readonly FileCheck<NmConnectionTree>[] = [
  // An unknown [vpn] key makes NetworkManager-libreswan refuse the profile ("property invalid or not supported").
  { id: 'nm-connection/keys', codes: [Code.unknownKeyword], run: (f, c, r) => keysChecks[f.tree.vpn ? 'libreswan' : 'plain'].run(f, c, (x) => r(f.tree.vpn && x.message.includes('[vpn]') ? { ...x, severity: 'error', message: `${x.message} NetworkManager-libreswan refuses the profile: "property invalid or not supported".` } : x)) },
  { id: 'nm-connection/duplicates', codes: [Code.duplicateKey], run: (f, c, r) => duplicatesChecks[f.tree.vpn ? 'libreswan' : 'plain'].run(f, c, r) },
  issuesCheck('nm-connection/tunnel', [Code.invalidValue, Code.configIgnored, Code.versionIncompatible], (tree: NmConnectionTree) => tree.issues),
  issuesCheck('nm-connection/libreswan', [Code.invalidValue, Code.configIgnored, Code.versionIncompatible], (tree: NmConnectionTree) => tree.vpn?.issues ?? []),
];

/**
 * The PSK of a libreswan profile, for a conn with these IDs: the plugin writes it to
 * /etc/ipsec.d/ipsec-<uuid>.secrets as `<leftid>: PSK` or `<right> %any: PSK` (docs/reference/nm-libreswan.md §3).
 */
const secrets: SecretSource<NmConnectionTree> = {
  pskFor(file, localId, remoteId) {
    const v = file.tree.vpn;
    if (!v?.psk || !v.pskIds) return undefined;
    const same = (a: string, b: string) => a === b || sameAddress(a, b);
    if (v.pskIds.local ? !same(v.pskIds.local, localId) : !v.pskIds.remote.some((r) => same(r, remoteId))) return undefined;
    return { digest: v.endpoint!.ipsec!.pskDigest!.value, uri: file.uri, range: v.psk.keyRange };
  },
};

export const dialect: DialectModule<NmConnectionTree> & HostAddressSource<NmConnectionTree> = {
  id: 'nm-connection',
  name: 'NetworkManager keyfile',
  matches: (path) => /\.nmconnection$/.test(path),
  parseCodes: [Code.syntaxError],
  parse,
  checks: CHECKS,
  secrets,
  hostAddresses: (f) => nmHostAddresses(f.tree.ini, f.uri),
  secretValues: (file) => redactionStrings(iniSecretValues(file.tree.ini, NM_SECRET_SLOTS)),
  lineUse: (f) => iniLineUse(f.text, f.tree.ini, tableOf(f.tree), NM_OTHER_SECTIONS, COMMENT),
  hover: (file, pos) => {
    const at = entryAt(file.tree.ini, pos);
    if (!at) return undefined;
    const doc = tableOf(file.tree)[at.section]?.[at.entry.key]?.doc;
    const name = markdownCode(`${at.section}.${at.entry.key}`);
    const parts = [`**${name}** ${doc ?? '(not a key Tunnel Lens knows)'}`];
    if (iniSecretSlot(NM_SECRET_SLOTS, at.section, at.entry.key)) parts.push(hiddenHover(name));
    else if (at.entry.key === 'mode' && Object.hasOwn(NM_TUNNEL_MODES, Number(at.entry.value))) parts.push(`mode ${markdownText(at.entry.value)} = ${NM_TUNNEL_MODES[Number(at.entry.value)].name}`);
    if (file.endpoints[0]?.tunnel && at.section === 'ip-tunnel') parts.push(tunnelHoverMarkdown(file.endpoints[0]));
    if (at.section === 'vpn' && file.tree.vpn?.endpoint) parts.push(vpnHover(file.tree.vpn.endpoint));
    return { markdown: parts.join('\n\n'), range: at.entry.keyRange };
  },
  complete: (file, pos) => iniComplete(file.tree.ini, file.text, pos, tableOf(file.tree)),
};

/** What the conn NetworkManager-libreswan hands to pluto settles, with where each value comes from. */
function vpnHover(e: import('../../core/endpoint').Endpoint): string {
  const b = e.ipsec!;
  const why = (v: { source: string; rule?: string; range?: { start: { line: number } } } | undefined) => (!v ? '' : v.source === 'written' ? `line ${(v.range?.start.line ?? 0) + 1}` : v.rule ?? v.source);
  const lines = [
    `**NetworkManager-libreswan conn ${markdownCode(e.name)}** (Libreswan ${e.version?.value}): ${markdownCode(e.local?.value ?? '?')} → ${markdownCode(e.remote?.value ?? '?')}`,
    `- IKEv${b.ikeVersion?.value}: ${why(b.ikeVersion)}`,
    `- mode ${b.mode?.value}: ${why(b.mode)}`,
    `- PFS ${b.pfs?.value === false ? 'off' : b.pfs?.value}: ${why(b.pfs)}`,
    `- ike= ${why(b.ike)}; esp= ${why(b.esp)}`,
    `- pre-shared key: ${b.pskDigest ? 'saved in [vpn-secrets] (hidden)' : 'not in this file'}`,
  ];
  return lines.join('\n');
}
