// Profiling helper (not a benchmark): parses the generated 100,000-line IOS config (or the
// 10,000-line ipsec.conf with `conf`) N times; run under `node --cpu-prof --import tsx`.
//   node --cpu-prof --import tsx bench/profile-parse.ts [ios|conf] [N] [--cold]
// Each run is a new version of the same document, so the IOS dialect re-parses incrementally
// (a one-line change at the end); with --cold every run is a new document (a parse from scratch).
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../server/src/service/languageService';
import { DEFAULT_SETTINGS } from '../server/src/core/types';
import { genIos, genIpsecConf } from './gen';

const which = process.argv[2] ?? 'ios';
const n = Number(process.argv[3] ?? 10);
const cold = process.argv.includes('--cold');
const text = which === 'ios' ? genIos(100_000) : genIpsecConf(10_000);
const uri = which === 'ios' ? 'file:///p/router-confg' : 'file:///p/ipsec.conf';
const service = new LanguageService({ fs: { readFile: () => undefined, readDirectory: () => undefined }, settings: () => DEFAULT_SETTINGS });
for (let v = 1; v <= n; v++) {
  const u = cold ? uri.replace('/p/', `/p${v}/`) : uri;
  service.workspace.openDocument(TextDocument.create(u, which === 'ios' ? 'cisco-ios' : 'ipsec-conf', v, `${text}\n! ${v}\n`));
  service.findings(u);
  if (cold) service.workspace.closeDocument(u);
}
