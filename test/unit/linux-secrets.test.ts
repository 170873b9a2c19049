// ipsec.secrets: PSK entries by ID pair, %any, includes, findPsk — and the secrets never leave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dialect, findPsk, pskDigest, type SecretsTree } from '../../server/src/languages/ipsec-secrets';
import { FIXTURES, SAMPLES, parseFile, parseText, onLine, ctxWith } from './linux-helpers';

const FILE = `${FIXTURES}/secrets/ipsec.secrets`;
const SECRETS = [...readFileSync(FILE, 'utf8').matchAll(/fixture-[a-z-]+/g), ...readFileSync(`${FIXTURES}/secrets/ipsec.d/extra.secrets`, 'utf8').matchAll(/fixture-[a-z-]+/g)].map((m) => m[0]);

test('entries by normalized ID pair, including continuation lines and includes', () => {
  const f = parseFile(dialect, FILE);
  const t = f.tree as SecretsTree;
  const psk = t.entries.filter((e) => e.type === 'PSK').map((e) => e.ids.join(' '));
  assert.deepEqual(psk, ['2001:db8:a::1 2001:db8:b::1', '@west @east', '%any 192.0.2.9', '', '@rw', '@west @east', '198.51.100.1 198.51.100.2']);
  assert.equal(t.includes.length, 2);
  assert.ok(t.includes[0].uris[0].endsWith('/ipsec.d/extra.secrets'));
  assert.ok(f.dependencies.some((u) => u.endsWith('/ipsec.d/extra.secrets')));
});

test('findings: bad secret, missing colon, missing include, duplicate pair', () => {
  const f = parseFile(dialect, FILE);
  assert.equal(onLine(f, 8)[0].code, 'syntax-error');
  assert.match(onLine(f, 9)[0].message, /no `:` found/);
  assert.equal(onLine(f, 11)[0].code, 'undefined-reference');
  assert.equal(onLine(f, 12)[0].code, 'duplicate-key');
  assert.equal(f.findings.length, 4);
});

test('findPsk: exact pair in either order, %any, default entry', () => {
  const t = parseFile(dialect, FILE).tree;
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
  const f = parseText(dialect, 'a.example : PSK "abc"\nb.example : PSK 0x616263\nc.example : PSK 0sYWJj\nd.example : PSK "abd"\n', '/x/ipsec.secrets');
  const d = (f.tree as SecretsTree).entries.map((e) => e.pskDigest);
  assert.equal(d[0], d[1]);
  assert.equal(d[0], d[2]);
  assert.notEqual(d[0], d[3]);
  assert.match(d[0], /^[0-9a-f]{64}$/);
});

test('secrets never appear in findings, hovers, symbols, the tree or endpoints', () => {
  const f = parseFile(dialect, FILE);
  const outputs = [JSON.stringify(f.findings), JSON.stringify(f.symbols), JSON.stringify(f.endpoints), JSON.stringify(f.tree), JSON.stringify(f.references)];
  for (let line = 0; line < 14; line++)
    for (let ch = 0; ch < 60; ch += 5) {
      const h = dialect.hover!(f, { line, character: ch }, ctxWith());
      if (h) outputs.push(h.markdown);
    }
  assert.ok(SECRETS.length >= 8);
  for (const s of SECRETS) for (const o of outputs) assert.ok(!o.includes(s), `leaked ${s}`);
  assert.ok(!outputs.join('').includes('666978747572652d736563726574'), 'hex secret not leaked');
});

test('sample: the founding case PSK by the IPv6 ID pair', () => {
  const f = parseFile(dialect, `${SAMPLES}/founding-case/linux/ipsec.secrets`);
  assert.deepEqual(f.findings, []);
  assert.ok(findPsk(f.tree, '2001:db8:a::1', '2001:db8:b::1'));
  assert.match(dialect.hover!(f, { line: 2, character: 3 }, ctxWith())!.markdown, /secret is hidden/);
});

test('completion offers the types after the colon', () => {
  const f = parseText(dialect, '@a @b : \n', '/x/ipsec.secrets');
  assert.ok(dialect.complete!(f, { line: 0, character: 8 }, ctxWith()).some((c) => c.label === 'PSK'));
});
