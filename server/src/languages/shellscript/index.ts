// The shell script dialect: any file VS Code calls shellscript, and ifup-local hooks. Only `ip`
// commands are read (tunnel, link, addr, xfrm); unrelated shell gets no findings, and nothing in
// the file is ever executed. A command that changes a device another file created becomes a
// partial endpoint (model/linuxTunnels.ts) that mergeLinuxEndpoints() folds into its creator.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DialectModule, ParseContext, ParsedFile } from '../../core/types';
import { emptyParsedFile } from '../../core/parsedFile';
import { lexShell } from '../shared/shellLexer';
import { SHELL_CHECKS } from './checks';
import { extractShell } from './extract';
import { shellComplete, shellHover } from './features';
import { shellLineUse } from './lineUse';
import { siblingIfcfgUris } from './siblings';
import type { ShellTree } from './tree';
import { redactionStrings } from '../shared/secretSlots';

export type { ShellTree } from './tree';

function parse(doc: TextDocument, ctx: ParseContext): ParsedFile<ShellTree> {
  const file = emptyParsedFile<ShellTree>(doc, 'shellscript');
  const x = extractShell(file.text, lexShell(file.text), doc.uri, ctx);
  file.tree = x.tree;
  file.endpoints = x.endpoints;
  file.symbols = x.symbols;
  // The companion ifcfg files: a change to them changes what the checks and hovers here say.
  file.dependencies = siblingIfcfgUris(doc.uri, x.devices, ctx);
  return file;
}

export const dialect: DialectModule<ShellTree> = {
  id: 'shellscript',
  name: 'shell script',
  matches: (path, head) => /\.(sh|bash)$/.test(path) || /(^|\/)ifup-(pre-)?local$/.test(path) || /^#!.*\b(ba|da|k|z)?sh\b/.test(head),
  // The reader reports nothing: a script's own syntax is bash's business, not Tunnel Lens's.
  parseCodes: [],
  parse,
  checks: SHELL_CHECKS,
  lineUse: shellLineUse,
  hover: shellHover,
  complete: shellComplete,
  secretValues: (file) => redactionStrings(file.tree.secrets),
};
