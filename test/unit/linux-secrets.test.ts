// ipsec.secrets: PSK entries by ID pair, %any, includes, findPsk — and the secrets never leave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dialect, findPsk, pskDigest, type SecretsTree } from '../../server/src/languages/ipsec-secrets';
import { FIXTURES, SAMPLES, analyseFile, analyseInFolder, analyseText } from './linux-helpers';

const FILE = `${FIXTURES}/secrets/ipsec.secrets`;
const SECRETS = [...readFileSync(FILE, 'utf8').matchAll(/fixture-[a-z-]+/g), ...readFileSync(`${FIXTURES}/secrets/ipsec.d/extra.secrets`, 'utf8').matchAll(/fixture-[a-z-]+/g)].map((m) => m[0]);

test('entries by normalized ID pair, including continuation lines and includes', () => {
  const f = analyseInFolder(FILE);
  const t = f.file.tree as SecretsTree;
  const psk = t.entries.filter((e) => e.type === 'PSK').map((e) => e.ids.join(' '));
  assert.deepEqual(psk, ['2001:db8:a::1 2001:db8:b::1', '@west @east', '%any 192.0.2.9', '', '@rw', '@west @east', '198.51.100.1 198.51.100.2']);
  assert.equal(t.includes.length, 2);
  assert.ok(t.includes[0].uris[0].endsWith('/ipsec.d/extra.secrets'));
  assert.ok(f.file.dependencies.some((u) => u.endsWith('/ipsec.d/extra.secrets')));
});

test('findings: bad secret, missing colon, missing include, duplicate pair', () => {
  const f = analyseInFolder(FILE);
  assert.equal(f.onLine(8)[0].code, 'syntax-error');
  assert.match(f.onLine(9)[0].message, /no `:` found/);
  assert.equal(f.onLine(11)[0].code, 'undefined-reference');
  assert.equal(f.onLine(12)[0].code, 'duplicate-key');
  assert.equal(f.findings.length, 4);
});

test('findPsk: exact pair in either order, %any, default entry', () => {
  const t = analyseInFolder(FILE).file.tree;
  const a = findPsk(t, '2001:DB8:A::1', '2001:db8:b:0::1');
  const b = findPsk(t, '2001:db8:b::1', '2001:db8:a::1');
  assert.ok(a && b);
  assert.equal(a, b);
  assert.equal(a.pskDigest, pskDigest(new TextEncoder().encode('fixture-secret-one')));
  assert.equal(a.range.start.line, 1);
  assert.equal(findPsk(t, '10.0.0.1', '192.0.2.9')?.pskDigest, pskDigest(new TextEncoder().encode('fixture-secret')), '0x hex decoded; %any matches');
  assert.equal(findPsk(t, '10.0.0.1', '10.0.0.2')?.range.start.line, 4, 'the entry without IDs is the fallback');
  assert.equal(findPsk(t, '198.51.100.2', '198.51.100.1')?.uri.endsWith('extra.secrets'), true, 'included entries count');
  assert.equal(findPsk(undefined, 'a', 'b'), undefined);
});

test('the same key spelled differently gives the same digest; different keys differ', () => {
  const f = analyseText('a.example : PSK "abc"\nb.example : PSK 0x616263\nc.example : PSK 0sYWJj\nd.example : PSK "abd"\n', '/x/ipsec.secrets');
  const d = (f.file.tree as SecretsTree).entries.map((e) => e.pskDigest);
  assert.equal(d[0], d[1]);
  assert.equal(d[0], d[2]);
  assert.notEqual(d[0], d[3]);
  assert.match(d[0], /^[0-9a-f]{64}$/);
});

test('secrets never appear in findings, hovers, symbols, the tree or endpoints', () => {
  const f = analyseInFolder(FILE);
  const outputs = [JSON.stringify(f.findings), JSON.stringify(f.file.symbols), JSON.stringify(f.file.endpoints), JSON.stringify(f.file.tree), JSON.stringify(f.file.references)];
  for (let line = 0; line < 14; line++)
    for (let ch = 0; ch < 60; ch += 5) {
      const h = f.hover({ line, character: ch });
      if (h) outputs.push(h);
    }
  assert.ok(SECRETS.length >= 8);
  for (const s of SECRETS) for (const o of outputs) assert.ok(!o.includes(s), `leaked ${s}`);
  assert.ok(!outputs.join('').includes('666978747572652d736563726574'), 'hex secret not leaked');
});

test('sample: the founding case PSK by the IPv6 ID pair', () => {
  const f = analyseFile(`${SAMPLES}/founding-case/linux/ipsec.secrets`);
  assert.deepEqual(f.findings, []);
  assert.ok(findPsk(f.file.tree, '2001:db8:a::1', '2001:db8:b::1'));
  assert.match(f.hover({ line: 2, character: 3 })!, /secret is hidden/);
});

test('completion offers the types after the colon', () => {
  const f = analyseText('@a @b : \n', '/x/ipsec.secrets');
  assert.ok(f.complete({ line: 0, character: 8 }).includes('PSK'));
});

test('the parser reports what it cannot read; includes and duplicates are checks', () => {
  assert.deepEqual(dialect.parseCodes, ['syntax-error']);
  assert.deepEqual(dialect.checks!.map((c) => c.id), ['ipsec-secrets/includes', 'ipsec-secrets/duplicates']);
  const f = analyseInFolder(FILE);
  assert.deepEqual(f.findings.map((x) => x.code).sort(), ['duplicate-key', 'syntax-error', 'syntax-error', 'undefined-reference']);
});

test('line ledger: entries and includes are the model; a malformed entry is reported where it fails, its other lines continue it', () => {
  const f = analyseText(
    [
      '# keys', // 0 trivia
      '@a @b : PSK "x"', // 1 model
      '@c @d', // 2 a malformed entry: continued
      '    : FOO bar', // 3 unknown type: reported
      'include /nowhere.secrets', // 4 model (its missing file is reported too)
      '@e : PSK', // 5 no secret: reported
      '',
    ].join('\n'),
    '/x/ipsec.secrets',
  );
  assert.deepEqual(f.lineUse(), ['trivia', 'model', 'continued', 'unread', 'model', 'unread', 'trivia']);
  assert.deepEqual(f.onLine(3).map((x) => x.code), ['syntax-error']);
  assert.deepEqual(f.onLine(4).map((x) => x.code), ['undefined-reference']);
  assert.deepEqual(f.onLine(5).map((x) => x.code), ['syntax-error']);
});
