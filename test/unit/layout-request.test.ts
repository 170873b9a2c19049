// The server side of the preview: `tunnelLens/layout` answered from in-memory documents (the
// founding-case samples, through the real dialects, pairing and composition) and from hand-built
// endpoints; the code lens; no secret in the answer; the sample decrypts with the SA it shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../../server/src/service/languageService';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/types';
import { buildLayoutResponse, layoutAt, registerLayout } from '../../server/src/lsp/layout';
import { LayoutRequest } from '../../server/src/protocol/requests';
import type { LayoutResponse } from '../../server/src/protocol/preview';
import { decodePacket, fromHex, LINKTYPE, type EspSa } from '../../codec';
import { nodeCrypto } from '../../codec/crypto-node';
import { iosEndpoint, linuxEndpoint } from '../helpers/endpoints';

const SAMPLES = 'samples/founding-case';
const PSK = 'Tunn3l-L3ns-Sampl3!';

function workspace(settings: Partial<Settings> = {}) {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else files.set('file://' + resolve(p), readFileSync(p, 'utf8'));
    }
  };
  walk(SAMPLES);
  const fs = {
    readFile: (u: string) => files.get(u),
    readDirectory: (u: string) => [...files.keys()].filter((k) => k.startsWith(u + '/') && !k.slice(u.length + 1).includes('/')),
  };
  const service = new LanguageService({ fs, settings: () => ({ ...DEFAULT_SETTINGS, ...settings }) });
  for (const u of files.keys()) service.workspace.refreshFromDisk(u);
  const uri = (rel: string) => 'file://' + resolve(SAMPLES, rel);
  const lineOf = (rel: string, re: RegExp) => files.get(uri(rel))!.split('\n').findIndex((l) => re.test(l));
  return { service, files, uri, lineOf };
}

function saOf(r: LayoutResponse['sample']): EspSa {
  assert.ok(r.sa);
  return { spi: Number(r.sa.spi), enc: r.sa.enc, encKey: fromHex(r.sa.encKey)!, integ: r.sa.integ, integKey: fromHex(r.sa.integKey)! };
}

test('on the Linux device: the founding case as sent to the Cisco, the fix beside it, the mis-parse flag', () => {
  const { service, uri, lineOf } = workspace();
  const r = layoutAt(service, uri('linux/ifcfg-tun10'), { line: lineOf('linux/ifcfg-tun10', /^DEVICE=/), character: 0 });
  assert.ok(r);
  assert.equal(r.title, 'tun10 → Tunnel20');
  assert.equal(r.atCursor, 'from');
  assert.equal(r.from.vendor, 'linux');
  assert.equal(r.from.file, uri('linux/ifcfg-tun10'));
  assert.equal(r.from.protectedBy?.file, uri('linux/ipsec.conf'));
  assert.equal(r.to?.vendor, 'cisco-ios');
  assert.equal(r.to?.name, 'Tunnel20');
  assert.equal(r.to?.file, uri('cisco/c897va-confg'));
  assert.equal(r.pathMtu, 1500);
  assert.deepEqual(
    { outer: r.stack.outer, encapLimit: r.stack.encapLimit, esp: r.stack.esp, encap: r.stack.encap, enc: r.stack.enc, integ: r.stack.integ, inner: r.stack.inner },
    { outer: 'ipv6', encapLimit: 4, esp: 'transport', encap: 'gre', enc: 'aes-cbc-128', integ: 'hmac-sha1-96', inner: 'ipv4' },
  );
  assert.equal(r.fixedStack?.encapLimit, 'none');
  assert.equal(r.ciscoMisparse, true);
  assert.equal(r.sample.maxInnerPacket, 1402);
  assert.equal(r.fixedSample?.maxInnerPacket, 1418);
  assert.deepEqual(new Set(r.watch), new Set([uri('linux/ifcfg-tun10'), uri('linux/ipsec.conf'), uri('cisco/c897va-confg')]));
});

test('the sample is really encrypted and decrypts with the SA the response shows', () => {
  const { service, uri } = workspace();
  const r = layoutAt(service, uri('linux/ifcfg-tun10'), { line: 0, character: 0 })!;
  for (const s of [r.sample, r.fixedSample!]) {
    assert.equal(s.encrypted, true);
    const bytes = fromHex(s.hex)!;
    assert.equal(bytes.length, s.packetLength);
    const without = decodePacket(bytes, LINKTYPE.RAW);
    assert.ok(!without.layers.some((l) => l.id === 'gre'), 'GRE is not readable without the key');
    const d = decodePacket(bytes, LINKTYPE.RAW, { sas: [saOf(s)], crypto: nodeCrypto });
    assert.equal(d.esp?.decrypted, true);
    assert.equal(d.esp?.icvGood, true);
    assert.ok(d.layers.some((l) => l.id === 'gre'));
  }
  assert.match(r.sample.sa!.espSa, /^"IPv6","2001:db8:a::1","2001:db8:b::1","0x00001001","AES-CBC \[RFC3602\]"/);
});

test('on the conn in ipsec.conf, and on the Cisco tunnel: the same packet (the Cisco receives it)', () => {
  const { service, uri, lineOf } = workspace();
  const conn = layoutAt(service, uri('linux/ipsec.conf'), { line: lineOf('linux/ipsec.conf', /^conn /), character: 0 })!;
  assert.equal(conn.title, 'tun10 → Tunnel20');
  assert.equal(conn.atCursor, 'from');
  const ios = layoutAt(service, uri('cisco/c897va-confg'), { line: lineOf('cisco/c897va-confg', /^interface Tunnel20/), character: 0 })!;
  assert.equal(ios.title, 'tun10 → Tunnel20');
  assert.equal(ios.atCursor, 'to');
  assert.equal(ios.ciscoMisparse, true);
  assert.equal(ios.sample.hex, conn.sample.hex);
  // Far from any definition: the nearest tunnel of the file.
  const far = layoutAt(service, uri('cisco/c897va-confg'), { line: 10_000, character: 0 });
  assert.equal(far?.to?.name, 'Tunnel20');
  // A file without tunnels answers nothing.
  assert.equal(layoutAt(service, uri('linux/ipsec.secrets'), { line: 0, character: 0 }), null);
});

test('no secret from the configs reaches the answer', () => {
  const { service, uri, files } = workspace();
  assert.ok([...files.values()].some((t) => t.includes(PSK)), 'the sample secrets file holds the fake PSK');
  for (const rel of ['linux/ifcfg-tun10', 'linux/ipsec.conf', 'cisco/c897va-confg']) {
    const json = JSON.stringify(layoutAt(service, uri(rel), { line: 0, character: 0 }));
    assert.ok(!json.includes(PSK), rel);
    assert.doesNotMatch(json, /pskDigest|psk"/i, rel);
    const iosKey = /key\s+(?:0\s+)?(\S+)/.exec(files.get(uri('cisco/c897va-confg'))!.split('\n').find((l) => /pre-shared-key/.test(l)) ?? '')?.[1];
    if (iosKey) assert.ok(!json.includes(iosKey), `${rel}: IOS pre-shared key`);
  }
});

test('edits to a peer file change the answer: ESP tunnel mode drops the fix and the mis-parse', () => {
  const { service, uri, files } = workspace();
  const conf = uri('linux/ipsec.conf');
  const ios = uri('cisco/c897va-confg');
  service.workspace.openDocument(TextDocument.create(conf, 'ipsec-conf', 99, files.get(conf)!.replace(/type=transport/, 'type=tunnel')));
  service.workspace.openDocument(TextDocument.create(ios, 'cisco-ios', 99, files.get(ios)!.replace(/^(\s*)mode transport.*$/m, '$1mode tunnel')));
  const r = layoutAt(service, uri('linux/ifcfg-tun10'), { line: 0, character: 0 })!;
  assert.equal(r.stack.esp, 'tunnel');
  assert.equal(r.fixedStack, undefined);
  assert.equal(r.ciscoMisparse, false);
  assert.equal(r.sample.maxInnerPacket, 1370);
});

test('the path MTU comes from the settings', () => {
  const { service, uri } = workspace({ pathMtu: 1400 });
  const r = layoutAt(service, uri('linux/ifcfg-tun10'), { line: 0, character: 0 })!;
  assert.equal(r.pathMtu, 1400);
  // 1306 + GRE 4 + trailer 2 = 1312 (a multiple of 16): 40 + 8 + 24 + 1312 + 12 = 1396 ≤ 1400.
  assert.equal(r.sample.maxInnerPacket, 1306);
});

test('hand-built endpoints: no peer, a non-founding stack, the Cisco side alone', () => {
  const alone = buildLayoutResponse(linuxEndpoint(), undefined, { pathMtu: 1500 })!;
  assert.equal(alone.to, undefined);
  assert.equal(alone.ciscoMisparse, false);
  assert.equal(alone.fixedStack?.encapLimit, 'none');
  assert.equal(alone.title, 'tun10');
  const router = buildLayoutResponse(iosEndpoint(), undefined, { pathMtu: 1500 })!;
  assert.equal(router.stack.encapLimit, 'none');
  assert.equal(router.fixedStack, undefined);
  assert.equal(router.sample.maxInnerPacket, 1418);
  const pair = buildLayoutResponse(iosEndpoint(), linuxEndpoint(), { pathMtu: 1500 })!;
  assert.equal(pair.atCursor, 'to');
  assert.equal(pair.from.name, 'tun10');
  assert.equal(pair.ciscoMisparse, true);
});

test('registerLayout: the code lens on every tunnel and the request handler', () => {
  const { service, uri } = workspace();
  const handlers: Record<string, (p: unknown) => unknown> = {};
  const connection = {
    onCodeLens: (h: (p: unknown) => unknown) => (handlers.codeLens = h),
    onRequest: (type: { method: string }, h: (p: unknown) => unknown) => (handlers[type.method] = h),
    console: { error: () => undefined },
  };
  registerLayout(connection as never, service);
  assert.equal(LayoutRequest.method, 'tunnelLens/layout');
  const lenses = handlers.codeLens({ textDocument: { uri: uri('cisco/c897va-confg') } }) as { command: { title: string; command: string; arguments: unknown[] } }[];
  assert.ok(lenses.length >= 1);
  assert.equal(lenses[0].command.title, 'Show packet layout');
  assert.equal(lenses[0].command.command, 'tunnelLens.showPacketLayout');
  assert.equal(lenses[0].command.arguments[0], uri('cisco/c897va-confg'));
  const [u, position] = lenses[0].command.arguments as [string, { line: number; character: number }];
  const r = handlers[LayoutRequest.method]({ uri: u, position }) as LayoutResponse;
  assert.equal(r.title, 'tun10 → Tunnel20');
  assert.equal(handlers[LayoutRequest.method]({ uri: 'file:///nowhere/x.conf', position: { line: 0, character: 0 } }), null);
});
