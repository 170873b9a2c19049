// Profiling helper (not a benchmark): parses the generated 100,000-line IOS config (or the
// 10,000-line ipsec.conf with `conf`) N times; run under `node --cpu-prof --import tsx`.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../server/src/service/languageService';
import { DEFAULT_SETTINGS } from '../server/src/service/types';
import { genIos, genIpsecConf } from './gen';

const which = process.argv[2] ?? 'ios';
const n = Number(process.argv[3] ?? 10);
const text = which === 'ios' ? genIos(100_000) : genIpsecConf(10_000);
const uri = which === 'ios' ? 'file:///p/router-confg' : 'file:///p/ipsec.conf';
const service = new LanguageService({ fs: { readFile: () => undefined, readDirectory: () => undefined }, settings: () => DEFAULT_SETTINGS });
for (let v = 1; v <= n; v++) {
  service.workspace.openDocument(TextDocument.create(uri, which === 'ios' ? 'cisco-ios' : 'ipsec-conf', v, `${text}\n! ${v}\n`));
  service.findings(uri);
}
