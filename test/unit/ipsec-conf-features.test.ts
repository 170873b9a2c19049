// Hover, completion, symbols, references, includes (real fixture files), dialect detection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dialect } from '../../server/src/languages/ipsec-conf';
import { conf, fixture, only } from './ipsec-conf-helpers';

const hoverText = (c: ReturnType<typeof conf>, i: number) => {
  const h = c.r.service.hover(c.uri, c.m.positions[i]);
  assert.ok(h, `no hover at ${JSON.stringify(c.m.positions[i])}`);
  return (h.contents as { value: string }).value;
};

test('hover on a key: doc, default by version, effective value after also=', () => {
  const c = conf('conn a\n\talso=b\n\tleft=192.0.2.1\n\tri<|>ght=192.0.2.2\nconn b\n\tt<|>ype=transport\n', { libreswan: '4.10' });
  assert.match(hoverText(c, 0), /\*\*right\*\*/);
  const t = hoverText(c, 1);
  assert.match(t, /Default: `tunnel` \(Libreswan 4\.10 rule\)/);
  assert.match(t, /Effective in conn b: `transport`/);
});

test('hover on a conn header lists canonical proposals and the default rule', () => {
  const c = conf('conn a<|>\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tike=aes128-sha1;modp2048\n', { libreswan: '4.10' });
  const h = hoverText(c, 0);
  assert.match(h, /ike: AES_CBC_128-HMAC_SHA1-MODP2048/);
  assert.match(h, /esp: .*Libreswan 4\.10 IKEv2 default esp=/);
});

test('completion: keywords per section and version, enum values, algorithm names', () => {
  const c = conf('config setup\n\t<|>\nconn a\n\t<|>\n\ttype=<|>\n\tike=aes128-<|>\n', { libreswan: '4.10' });
  const labels = (i: number) => c.r.service.complete(c.uri, c.m.positions[i]).map((x) => x.label);
  assert.ok(labels(0).includes('logfile') && !labels(0).includes('type'));
  assert.ok(labels(1).includes('leftprotoport') && labels(1).includes('ikev2') && !labels(1).includes('klipsdebug'));
  assert.deepEqual(labels(2).sort(), ['drop', 'pass', 'passthrough', 'reject', 'transport', 'tunnel']);
  assert.ok(labels(3).includes('modp2048') && labels(3).includes('sha2_256'));
  const ss = conf('# tunnel-lens: strongswan\nconn a\n\tkeyexchange=<|>\n');
  assert.deepEqual(ss.r.service.complete(ss.uri, ss.m.positions[0]).map((x) => x.label), ['ike', 'ikev1', 'ikev2']);
});

test('symbols and also= references', () => {
  const { m, file } = conf('config setup\n\tlogfile=/x\nconn a\n\talso=<|b|>\nconn b\n\ttype=transport\n');
  assert.deepEqual(file.symbols.map((s) => [s.name, s.kind]), [['config setup', 'config'], ['a', 'conn'], ['b', 'conn']]);
  assert.deepEqual(file.symbols[1].children?.map((c) => c.name), ['also']);
  assert.deepEqual(file.references.map((r) => [r.name, r.kind, r.range]), [['b', 'conn', m.ranges[0]]]);
});

test('include with globs relative to the including file; dependencies; a literal include that names no file (a pattern may match none)', () => {
  const { file: f, findings } = fixture('include');
  const inc = f.references.filter((r) => r.kind === 'include');
  assert.deepEqual(inc[0].targetUris?.map((u) => u.split('/').pop()), ['a.conf', 'b.conf']);
  assert.deepEqual(inc[1].targetUris, []);
  assert.deepEqual(inc[2].targetUris, []);
  assert.ok(f.dependencies.some((d) => d.endsWith('ipsec.d/a.conf')));
  // also=from-include resolves through the include
  assert.deepEqual(findings.filter((x) => x.message.includes('from-include')), []);
  const missing = only(findings, 'undefined-reference');
  assert.equal(missing.length, 1);
  assert.match(missing[0].message, /'ipsec\.d\/missing\.conf' matches no file/);
  assert.equal(f.endpoints.find((e) => e.name === 'main')?.ipsec?.mode?.value, 'transport');
});

test('include cycles and the nesting limit of 10 are reported on the root include', () => {
  const c = fixture('cycle').findings;
  assert.ok(c.some((x) => /include cycle/.test(x.message) && x.range.start.line === 0));
  const d = fixture('deep').findings;
  assert.ok(d.some((x) => /deeper than 10/.test(x.message) && x.range.start.line === 0));
});

test('dialect detection by path, first line and a `#` directive', () => {
  assert.ok(dialect.matches('/etc/ipsec.conf', ''));
  assert.ok(dialect.matches('/etc/ipsec.d/x.conf', ''));
  assert.ok(dialect.matches('/tmp/west.txt', '# hello\nconn a\n'));
  assert.ok(dialect.matches('/tmp/west.txt', '# tunnel-lens: strongswan 5.9\n\tleft=192.0.2.1\n'));
  assert.ok(!dialect.matches('/tmp/router.cfg', '!\nversion 15.7\n'));
  // `!` and `;` start comments of other dialects, not of ipsec.conf.
  assert.ok(!dialect.matches('/tmp/router.cfg', '! tunnel-lens: libreswan 3.25\nhostname r1\n'));
});
