import { parseIos } from '../server/src/languages/cisco-ios/parser';
import { extract } from '../server/src/languages/cisco-ios/objects';
import { buildEndpoints } from '../server/src/languages/cisco-ios/endpoints';
import { runChecks } from '../server/src/languages/cisco-ios/checks';
import { buildFolding, buildReferences, buildSymbols } from '../server/src/languages/cisco-ios/symbols';
import { parseIosVersion } from '../server/src/languages/cisco-ios/defaults';
import { genIos } from './gen';
const text = genIos(100_000);
const T: Record<string, number[]> = {};
const t = <X>(k: string, f: () => X): X => { const a = performance.now(); const r = f(); (T[k] ??= []).push(performance.now() - a); return r; };
for (let i = 0; i < 8; i++) {
  const p = t('parseIos', () => parseIos(text + '\n!' + i));
  const cfg = t('extract', () => extract(p));
  const v = parseIosVersion('15.7', 'x')!;
  const eps = t('endpoints', () => buildEndpoints({ uri: 'file:///x', cfg, version: v, versionValued: { value: '15.7', source: 'default' } as any }));
  t('checks', () => runChecks({ uri: 'file:///x', cfg, tree: p, version: v }));
  t('symbols', () => buildSymbols(p, cfg));
  t('refs', () => buildReferences(cfg));
  t('folding', () => buildFolding(p));
  if (i == 0) console.log('endpoints', eps.length, 'nodes', p.nodes.length);
}
for (const [k, v] of Object.entries(T)) console.log(k, v.slice(3).map((x) => x.toFixed(0)).join(' '));
