// The swanctl-conf dialect's reading of strongSwan's settings syntax (docs/reference/swanctl-conf.md
// §1): what libstrongswan's parser accepts and refuses, includes through the parse context, and
// how repeated keys and sections merge. Each case is one charon answered in the notes or the oracle.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyse, expectFinding, expectNoFinding, type Analysed } from '../helpers/analyse';
import type { Endpoint } from '../../server/src/core/endpoint';

const F = '/etc/swanctl/swanctl.conf';
const conn = (body: string, child = 'mode = tunnel') => `connections {\n  gw {\n${body}\n    children {\n      c {\n        ${child}\n      }\n    }\n  }\n}\n`;
const endpoints = (r: Analysed, key = F): Endpoint[] => r.service.parse(r.uri(key))?.endpoints ?? [];
const errors = (r: Analysed) => r.findings.filter((f) => f.severity === 'error');

test('a well-formed file: no finding, one endpoint per child, sections need no newline between them', () => {
  const r = analyse({ [F]: 'connections { gw { remote_addrs = 192.0.2.2 } }\n' });
  assert.deepEqual(r.findings.map((f) => f.code), []);
  assert.equal(endpoints(r)[0].remote?.value, '192.0.2.2');
});

test('`key : value` is no setting: `:` starts section references, so the parser refuses the file', () => {
  const r = analyse({ [F]: 'connections {\n  gw {\n    remote_addrs : 192.0.2.2\n    version = 2\n  }\n}\n' });
  const f = expectFinding(r, 'syntax-error');
  assert.match(f.message, /unexpected NAME, expecting "," or '\{'/);
  assert.equal(f.range.start.line, 3);
  assert.deepEqual(endpoints(r), [], 'charon reads none of a file with a syntax error');
});

test('no line continuation outside quotes: a trailing backslash leaves the next line a bare word', () => {
  const r = analyse({ [F]: 'connections {\n  gw {\n    remote_addrs = 192.0.2.2,\\\n    192.0.2.3\n  }\n}\n' });
  const f = expectFinding(r, 'syntax-error', { line: 3, character: 7 });
  assert.match(f.message, /unexpected \., expecting : or '\{' or '='/);
});

test('a dot in a key name, a section without a name, a bare word: each a syntax error on its line', () => {
  for (const [text, line, what] of [
    ['connections {\n  gw.1 {\n  }\n}\n', 1, /unexpected \./],
    ['connections {\n  {\n  }\n}\n', 1, /unexpected '\{', expecting NAME or NEWLINE or '\}'/],
    ['connections {\n  gw {\n    remote_addrs 192.0.2.2\n  }\n}\n', 2, /unexpected NAME, expecting : or '\{' or '='/],
  ] as const) {
    const r = analyse({ [F]: text });
    const f = expectFinding(r, 'syntax-error');
    assert.equal(f.range.start.line, line, text);
    assert.match(f.message, what);
    assert.equal(errors(r).length, 1, `one error, no cascade, in ${JSON.stringify(text)}`);
  }
});

test('a missing brace: one error at the end of the file, and no schema noise from the swallowed sections', () => {
  const r = analyse({ [F]: 'connections {\n  gw {\n    remote_addrs = 192.0.2.2\n  }\nsecrets {\n  ike-1 {\n    secret = x\n  }\n}\n' });
  assert.deepEqual(errors(r).map((f) => [f.code, f.range.start.line]), [['syntax-error', 9]]);
  assert.match(errors(r)[0].message, /unexpected end of file/);
});

test('an unterminated quote runs to the end of the file: the error spans from the quote to there', () => {
  const r = analyse({ [F]: 'connections {\n  gw {\n    remote_addrs = "192.0.2.2\n  }\n}\n' });
  const f = expectFinding(r, 'syntax-error');
  assert.match(f.message, /unterminated string/);
  assert.deepEqual([f.range.start.line, f.range.end.line], [2, 5]);
  assert.equal(errors(r).length, 1);
});

test('values: parts joined by one space, a comment right after a value, quotes keep `#` and blanks', () => {
  const r = analyse({
    [F]: conn('    remote_addrs = 192.0.2.2#comment\n    local {\n      id = C=CH,   O=Test  Org\n    }\n    remote {\n      id = "moon # x"\n    }'),
  });
  const e = endpoints(r)[0];
  assert.equal(e.remote?.value, '192.0.2.2');
  assert.equal(e.ipsec?.localId?.value, 'C=CH, O=Test Org');
  assert.equal(e.ipsec?.remoteId?.value, 'moon # x');
});

test('CRLF files read as LF files', () => {
  const text = conn('    remote_addrs = 192.0.2.2\n    version = 2');
  const a = analyse({ [F]: text });
  const b = analyse({ [F]: text.replace(/\n/g, '\r\n') });
  assert.deepEqual(b.findings, []);
  assert.equal(endpoints(b)[0].ipsec?.ikeVersion?.value, endpoints(a)[0].ipsec?.ikeVersion?.value);
  assert.equal(endpoints(b)[0].remote?.value, '192.0.2.2');
});

test('a repeated key keeps the last value (and the first is flagged); `key =` erases it', () => {
  const r = analyse({ [F]: conn('    <|remote_addrs|> = 192.0.2.2\n    remote_addrs = 192.0.2.3') });
  assert.equal(endpoints(r)[0].remote?.value, '192.0.2.3');
  const f = expectFinding(r, 'duplicate-key', r.marks[F].ranges[0]);
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /line 4 replaces it/);
  const erased = analyse({ [F]: conn('    remote_addrs = 192.0.2.2\n    remote_addrs =') });
  assert.equal(endpoints(erased)[0].remote, undefined, 'remote_addrs = leaves the default %any');
});

test('a repeated section is merged into the first, recursively (also across files)', () => {
  const r = analyse({
    [F]: 'connections {\n  gw {\n    remote_addrs = 192.0.2.2\n    children {\n      c {\n        mode = transport\n      }\n    }\n  }\n}\nconnections {\n  gw {\n    version = 1\n  }\n}\n',
  });
  const [e] = endpoints(r);
  assert.equal(e.ipsec?.ikeVersion?.value, 1);
  assert.equal(e.ipsec?.mode?.value, 'transport');
  assert.equal(endpoints(r).length, 1);
});

test('section references: `gw : connections.base` inherits keys and subsections, its own keys win', () => {
  const r = analyse({
    [F]: 'connections {\n  base {\n    version = 2\n    remote_addrs = 192.0.2.9\n    local {\n      auth = psk\n    }\n  }\n  gw : connections.base {\n    remote_addrs = 192.0.2.2\n  }\n  x : <|connections.nothere|> {\n  }\n}\n',
  });
  const gw = endpoints(r).find((e) => e.name === 'gw')!;
  assert.equal(gw.ipsec?.ikeVersion?.value, 2);
  assert.equal(gw.remote?.value, '192.0.2.2');
  assert.equal(gw.ipsec?.authLocal?.value, 'psk');
  const f = expectFinding(r, 'undefined-reference', r.marks[F].ranges[0]);
  assert.equal(f.severity, 'warning', 'charon loads it, inheriting nothing');
});

test('include: relative to the including file, nested includes relative to the nested file, globs in sorted order', () => {
  const r = analyse({
    [F]: 'include conf.d/*.conf\n',
    '/etc/swanctl/conf.d/b.conf': 'connections {\n  gw {\n    version = 1\n  }\n}\n',
    '/etc/swanctl/conf.d/a.conf': 'connections {\n  gw {\n    version = 2\n    remote_addrs = 192.0.2.2\n  }\n}\ninclude sub/x.conf\n',
    '/etc/swanctl/conf.d/sub/x.conf': 'secrets {\n  ike-1 {\n    secret = abc\n  }\n}\n',
  });
  const file = r.service.parse(r.uri(F))!;
  assert.deepEqual(file.dependencies.map((u) => u.replace(/^.*swanctl\//, '')), ['conf.d/a.conf', 'conf.d/b.conf', 'conf.d/sub/x.conf']);
  // gw is written first in a.conf, so its endpoint is that file's; b.conf's version = 1 comes later and wins.
  const [e] = endpoints(r, '/etc/swanctl/conf.d/a.conf');
  assert.equal(e.ipsec?.ikeVersion?.value, 2, 'a.conf parsed alone does not see b.conf');
  const tree = file.tree as { merged: { sections: Map<string, { sections: Map<string, { settings: Map<string, { value: string }[]> }> }> } };
  const versions = tree.merged.sections.get('connections')!.sections.get('gw')!.settings.get('version')!;
  assert.deepEqual(versions.map((v) => v.value), ['2', '1']);
  expectNoFinding(r, 'undefined-reference');
});

test('include inside a connection: its keys land in the connection; a missing include is a warning only', () => {
  const r = analyse({
    [F]: 'connections {\n  gw {\n    include base.conf\n    <|include nothere.conf|>\n  }\n}\n',
    '/etc/swanctl/base.conf': 'remote_addrs = 192.0.2.2\nversion = 2\nbogus = 1\n',
  });
  const [e] = endpoints(r);
  assert.equal(e.remote?.value, '192.0.2.2');
  const missing = expectFinding(r, 'undefined-reference', r.marks[F].ranges[0]);
  assert.equal(missing.severity, 'warning');
  // An error in the included content is reported on the include line, naming the file.
  const bad = expectFinding(r, 'unknown-keyword', { line: 2, character: 4 }, F);
  assert.match(bad.message, /base\.conf line 3: Unknown option `bogus`/);
  // The included file alone is a fragment: its top-level keys are not flagged.
  assert.equal(r.findings.filter((f) => f.uri === r.uri('/etc/swanctl/base.conf')).length, 0);
});

test('`include = x` is an ordinary key; a file that includes itself is refused, not read forever', () => {
  const k = analyse({ [F]: conn('    include = x') });
  assert.match(expectFinding(k, 'unknown-keyword').message, /`include`/);
  const self = analyse({ [F]: 'include swanctl.conf\nconnections {\n}\n' });
  const f = expectFinding(self, 'undefined-reference', { line: 0, character: 0 });
  assert.match(f.message, /includes itself/);
});

test('a syntax error in an included file is reported on the include line of the including file', () => {
  const r = analyse({ [F]: 'connections {\n  include gw.conf\n}\n', '/etc/swanctl/gw.conf': 'gw {\n  remote_addrs 192.0.2.2\n}\n' });
  const f = expectFinding(r, 'syntax-error', { line: 1, character: 2 }, F);
  assert.match(f.message, /^gw\.conf line 2: syntax error/);
});

test('a `}` in an included file closes the including file\'s section', () => {
  const r = analyse({ [F]: 'connections {\n  gw {\n    include close.conf\n  version = 2\n}\n', '/etc/swanctl/close.conf': 'remote_addrs = 192.0.2.2\n}\n' });
  // gw is closed by the include, so `version` stands directly under `connections`: ignored.
  const f = expectFinding(r, 'config-ignored', { line: 3, character: 2 });
  assert.match(f.message, /directly under `connections`/);
  assert.equal(endpoints(r)[0].ipsec?.ikeVersion?.value, 'either');
});
