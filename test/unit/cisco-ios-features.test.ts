// Findings, outline, references, folding, hover and completion of the IOS dialect.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mark } from '../helpers/markers';
import { parseText } from '../fixtures/cisco-ios/parse';
import { dialect } from '../../server/src/languages/cisco-ios';
import { ctxWith } from '../fixtures/cisco-ios/parse';

const founding = readFileSync(join(__dirname, '..', '..', 'samples/founding-case/cisco/c897va-confg'), 'utf8');

function findingAt(src: string, opts: { ios?: string } = {}) {
  const m = mark(src);
  const f = parseText(m.text, opts);
  return { f, m };
}

test('invalid-value: esp-aes-128 is not a transform, with a quick fix to "esp-aes 128"', () => {
  const { f, m } = findingAt('crypto ipsec transform-set TS <|esp-aes-128|> esp-sha-hmac\n');
  const x = f.findings.find((y) => y.code === 'invalid-value')!;
  assert.equal(x.severity, 'error');
  assert.deepEqual(x.range, m.ranges[0]);
  assert.match(x.message, /did you mean "esp-aes 128"/);
  assert.equal(x.fixes[0].edits[0].newText, 'esp-aes 128');
});

test('invalid-value: an IPv6 destination with tunnel mode gre ip (written or default)', () => {
  const { f, m } = findingAt([
    'interface Tunnel1',
    ' tunnel source 2001:db8::1',
    ' tunnel destination <|2001:db8::2|>',
    'interface Tunnel2',
    ' tunnel mode gre ip',
    ' tunnel destination <|2001:db8::3|>',
  ].join('\n'));
  const xs = f.findings.filter((y) => y.code === 'invalid-value' && /destination/.test(y.message));
  assert.deepEqual(xs.map((x) => x.range), m.ranges);
  assert.match(xs[0].message, /IOS 15\.7 default/);
  assert.equal(xs[1].fixes[0].edits[0].newText, 'tunnel mode gre ipv6');
  assert.ok(f.findings.some((y) => y.code === 'invalid-value' && /tunnel source 2001:db8::1/.test(y.message)));
});

test('undefined-reference for transform sets, profiles, keyrings, ACLs and interfaces; smart defaults count as defined', () => {
  const { f, m } = findingAt([
    'crypto ikev2 profile PR',
    ' keyring local <|NOKR|>',
    'crypto ipsec profile P',
    ' set transform-set <|NOTS|> default',
    ' set ikev2-profile PR',
    'crypto map CM 10 ipsec-isakmp',
    ' set peer 192.0.2.1',
    ' set transform-set default',
    ' match address <|NOACL|>',
    'interface Tunnel1',
    ' tunnel source <|Loopback9|>',
    ' tunnel protection ipsec profile <|NOPROF|>',
    'interface Gi0/0',
    ' crypto map CM',
  ].join('\n'));
  const xs = f.findings.filter((y) => y.code === 'undefined-reference');
  assert.deepEqual(xs.map((x) => x.range).sort((a, b) => a.start.line - b.start.line), m.ranges);
  assert.equal(xs.find((x) => /Loopback9/.test(x.message))!.severity, 'warning');
  assert.equal(xs.find((x) => /NOTS/.test(x.message))!.severity, 'error');
});

test('unused-definition hints; weak-algorithm warnings; version-incompatible from IOS-XE 17.11.1', () => {
  const src = [
    'crypto ikev2 proposal OLD',
    ' encryption 3des',
    ' integrity md5',
    ' group 2',
    'crypto ipsec transform-set TS esp-des esp-md5-hmac',
  ].join('\n');
  const f = parseText(src);
  const unused = f.findings.filter((x) => x.code === 'unused-definition').map((x) => `${x.severity}@${x.range.start.line}`).sort();
  assert.deepEqual(unused, ['hint@0', 'hint@4']);
  assert.equal(f.findings.filter((x) => x.code === 'weak-algorithm' && x.severity === 'warning').length, 5);
  assert.equal(f.findings.filter((x) => x.code === 'version-incompatible').length, 0);
  const g = parseText(`version 17.12\n${src}`);
  const vi = g.findings.filter((x) => x.code === 'version-incompatible');
  assert.equal(vi.length, 5);
  assert.ok(vi.every((x) => x.severity === 'error' && /IOS-XE 17\.12 refuses/.test(x.message)));
  // Re-enabled weak crypto: back to warnings.
  const h = parseText(`version 17.12\ncrypto engine compliance shield disable\n${src}`);
  assert.equal(h.findings.filter((x) => x.code === 'version-incompatible').length, 0);
});

test('duplicate-key: two ESP ciphers in a transform set, duplicate named-ACL sequence numbers', () => {
  const { f, m } = findingAt([
    'crypto ipsec transform-set <|TS|> esp-aes esp-3des esp-sha-hmac',
    'ip access-list extended A',
    ' 10 permit gre host 192.0.2.1 host 192.0.2.2',
    ' <|10 permit ip any any|>',
  ].join('\n'));
  const xs = f.findings.filter((y) => y.code === 'duplicate-key');
  assert.deepEqual(xs.map((x) => x.range), m.ranges);
  assert.ok(xs.every((x) => x.severity === 'error'));
});

test('secrets never appear in findings, symbols, hover or endpoints', () => {
  const keys = ['Tunn3l-L3ns-Sampl3!', '0822455D0A16', 'notARealHashAtAll'];
  const f = parseText(founding);
  const dump = JSON.stringify({ findings: f.findings, symbols: f.symbols, endpoints: f.endpoints, refs: f.references });
  for (const k of keys) assert.ok(!dump.includes(k), k);
  const lines = founding.split('\n');
  for (let line = 0; line < lines.length; line++) {
    for (let character = 0; character <= lines[line].length; character += 3) {
      const h = dialect.hover!(f, { line, character }, ctxWith());
      if (h) for (const k of keys) assert.ok(!h.markdown.includes(k), `hover at ${line}:${character} leaks`);
    }
  }
  const pskLine = lines.findIndex((l) => l.includes('pre-shared-key'));
  const h = dialect.hover!(f, { line: pskLine, character: 4 }, ctxWith())!;
  assert.match(h.markdown, /is a secret and is hidden/);
});

test('outline symbols with children, references and folding', () => {
  const f = parseText(founding);
  const byKind = (k: string) => f.symbols.filter((s) => s.kind === k).map((s) => s.name);
  assert.deepEqual(byKind('transform-set'), ['TS-LINUX']);
  assert.deepEqual(byKind('ikev2-proposal'), ['PROP-LINUX']);
  assert.deepEqual(byKind('ikev2-profile'), ['PROF-LINUX']);
  assert.deepEqual(byKind('acl'), ['CRYPTO-GRE6', '10']);
  assert.ok(byKind('interface').includes('Tunnel20'));
  const kr = f.symbols.find((s) => s.kind === 'ikev2-keyring')!;
  assert.deepEqual(kr.children?.map((c) => c.name), ['LINUX']);
  assert.equal(kr.children?.[0].detail, '2001:db8:a::1/128, key set');
  const map = f.symbols.find((s) => s.kind === 'crypto-map')!;
  assert.equal(map.name, 'CMAP-LINUX');
  assert.deepEqual(map.children?.map((c) => c.name), ['10']);
  const tun = f.symbols.find((s) => s.name === 'Tunnel20')!;
  assert.match(tun.detail!, /tunnel gre ipv6/);
  const kinds = new Set(f.references.map((r) => `${r.kind}:${r.name}`));
  for (const k of ['transform-set:TS-LINUX', 'ikev2-profile:PROF-LINUX', 'ikev2-keyring:KR-LINUX', 'ikev2-proposal:PROP-LINUX', 'acl:CRYPTO-GRE6', 'crypto-map:CMAP-LINUX', 'interface:GigabitEthernet8']) {
    assert.ok(kinds.has(k), k);
  }
  const lines = founding.split('\n');
  const tunLine = lines.indexOf('interface Tunnel20');
  assert.ok(f.folding.some((r) => r.startLine === tunLine && r.endLine === tunLine + 7));
  const banner = lines.indexOf('banner motd ^C');
  assert.ok(f.folding.some((r) => r.startLine === banner && lines[r.endLine] === '^C'));
});

test('hover shows effective values and the default rules in force', () => {
  const m = mark([
    'version 15.7',
    'crypto ipsec profile <|>P',
    'crypto ipsec transform-set TS esp-aes 256 esp-sha256-hmac',
    'interface Tunnel1',
    ' tunnel <|>source 192.0.2.1',
    ' tunnel destination 198.51.100.1',
    ' tunnel protection ipsec profile P',
    'crypto ipsec profile Q',
    ' set transform-set <|>TS',
  ].join('\n'));
  const f = parseText(m.text);
  const h0 = dialect.hover!(f, m.positions[0], ctxWith())!.markdown;
  assert.match(h0, /IOS 15\.7 default transform set: esp-aes esp-sha-hmac, transport/);
  const h1 = dialect.hover!(f, m.positions[1], ctxWith())!.markdown;
  assert.match(h1, /tunnel mode: gre ip _\(default: IOS 15\.7 default tunnel mode gre ip\)_/);
  assert.match(h1, /MTU: 1476/);
  assert.match(h1, /ESP proposals: AES_CBC_128 · HMAC_SHA1_96 _\(default: IOS 15\.7 default transform set/);
  const h2 = dialect.hover!(f, m.positions[2], ctxWith())!.markdown;
  assert.match(h2, /mode: tunnel _\(default: IOS 15\.7 default transform-set mode\)_/);
  assert.match(h2, /AES_CBC_256/);
});

test('completion: keywords and values in modeled modes, names of defined objects', () => {
  const m = mark([
    'crypto ipsec transform-set TS esp-aes esp-sha-hmac',
    'crypto ikev2 proposal P',
    ' encryption <|>',
    ' inte<|>',
    'crypto ipsec profile IP',
    ' set transform-set <|>',
    'interface Tunnel1',
    ' tunnel mode <|>',
    ' tunnel mode gre <|>',
  ].join('\n'));
  const f = parseText(m.text);
  const labels = (i: number) => dialect.complete!(f, m.positions[i], ctxWith()).map((c) => c.label);
  assert.ok(labels(0).includes('aes-cbc-128'));
  assert.ok(labels(0).includes('aes-gcm-256'));
  assert.deepEqual(labels(1), ['integrity']);
  assert.ok(labels(2).includes('TS'));
  assert.ok(labels(2).includes('default'));
  assert.ok(labels(3).includes('gre') && labels(3).includes('ipsec') && labels(3).includes('ipv6ip'));
  assert.deepEqual(labels(4).sort(), ['ip', 'ipv6', 'multipoint']);
});

test('matches: -confg files, .ios, and .cfg/.txt that start like IOS', () => {
  assert.ok(dialect.matches('/x/c897va-confg', ''));
  assert.ok(dialect.matches('/x/r1.ios', ''));
  assert.ok(dialect.matches('/x/r1.cfg', 'Building configuration...\n'));
  assert.ok(dialect.matches('/x/r1.txt', '!\nversion 15.7\n'));
  assert.ok(!dialect.matches('/x/notes.txt', 'hello world\n'));
});

test('TextMate grammar: valid, comments only at line start, banners delimited by ^C', () => {
  const g = JSON.parse(readFileSync(join(__dirname, '..', '..', 'syntaxes/cisco-ios.tmLanguage.json'), 'utf8'));
  assert.equal(g.scopeName, 'source.cisco-ios');
  const comment = new RegExp(g.repository.comment.patterns[1].match);
  assert.ok(comment.test('! a comment'));
  assert.ok(comment.test('  # another'));
  assert.ok(!comment.test('  pre-shared-key Passw0rd!'));
  const banner = new RegExp(g.repository.banner.patterns[0].begin);
  assert.ok(banner.test('banner motd ^C'));
  for (const name of Object.keys(g.repository)) assert.ok(Array.isArray(g.repository[name].patterns) || g.repository[name].match || g.repository[name].begin, name);
});
