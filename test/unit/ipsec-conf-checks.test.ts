// Per-file findings: codes, severities, ranges and fixes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conf, only } from './ipsec-conf-helpers';

const L410 = { libreswan: '4.10' };

test('unknown-keyword with did-you-mean and a fix that replaces the key', () => {
  const { m, findings } = conf('conn a\n\t<|leftsubent|>=10.0.0.0/8\n', L410);
  const [f] = only(findings, 'unknown-keyword');
  assert.deepEqual(f.range, m.ranges[0]);
  assert.equal(f.severity, 'error');
  assert.match(f.message, /did you mean 'leftsubnet'/);
  assert.equal(f.fixes[0].edits[0].newText, 'leftsubnet');
});

test('unknown keyword in strongSwan is a warning (starter ignores it); keys are case-sensitive there', () => {
  const { m, findings } = conf('# tunnel-lens: strongswan\nconn a\n\t<|Type|>=tunnel\n\t<|ikev2|>=insist\n');
  const got = only(findings, 'unknown-keyword');
  assert.deepEqual(got.map((f) => f.range), m.ranges);
  assert.ok(got.every((f) => f.severity === 'warning'));
  // A spelling that differs only in case is the first suggestion there.
  assert.match(got[0].message, /did you mean 'type'\?/);
  assert.equal(got[0].fixes[0].edits[0].newText, 'type');
});

test('Libreswan keys are case-insensitive; booleans lower-case only in 4.10 (fix lowers it)', () => {
  const { m, findings } = conf('conn a\n\tType=transport\n\tpfs=<|YES|>\n', L410);
  assert.deepEqual(only(findings, 'unknown-keyword'), []);
  const [f] = only(findings, 'invalid-value');
  assert.deepEqual(f.range, m.ranges[0]);
  assert.equal(f.fixes[0].edits[0].newText, 'yes');
  const five = conf('conn a\n\tpfs=YES\n', { libreswan: '5.0' });
  assert.deepEqual(only(five.findings, 'invalid-value'), []);
});

test('invalid-value: enum, time, number, address, subnet', () => {
  const { m, findings } = conf(
    'conn a\n\ttype=<|tunel|>\n\tikelifetime=<|1.5h|>\n\tmtu=<|big|>\n\tleft=<|192.0.2.300|>\n\tleftsubnet=<|10.0.0.0/8[gre]|>\n',
    L410,
  );
  const got = only(findings, 'invalid-value');
  assert.deepEqual(got.map((f) => f.range), m.ranges);
  assert.deepEqual(got.map((f) => f.severity), ['error', 'warning', 'warning', 'error', 'error']);
  assert.equal(got[0].fixes[0].edits[0].newText, 'tunnel');
});

test('invalid proposal strings are reported as algparse says', () => {
  const { m, findings } = conf('conn a\n\tesp=<|aes128-sha1!|>\n\tike=<|aes128gcm16-prfsha256-ecp256|>\n', L410);
  const got = only(findings, 'invalid-value');
  assert.deepEqual(got.map((f) => f.range), m.ranges);
  assert.match(got[0].message, /ESP integrity algorithm 'sha1!' is not recognized/);
  assert.match(got[1].message, /IKE encryption algorithm 'aes128gcm16' is not recognized/);
});

test('duplicate-key: same conn, via also= (either order), and esp/phase2alg aliases', () => {
  const { m, findings } = conf(
    'conn a\n\ttype=tunnel\n\t<|type|>=transport\nconn b\n\talso=c\n\t<|authby|>=secret\nconn c\n\tauthby=rsasig\nconn d\n\tesp=aes\n\t<|phase2alg|>=aes\n',
    L410,
  );
  const got = only(findings, 'duplicate-key');
  assert.deepEqual(got.map((f) => f.range), m.ranges);
  assert.ok(got.every((f) => f.severity === 'error'));
  // strongSwan: last wins, no error
  const ss = conf('# tunnel-lens: strongswan\nconn a\n\ttype=tunnel\n\ttype=transport\n');
  assert.deepEqual(only(ss.findings, 'duplicate-key'), []);
});

test('undefined-reference for also= and a literal include with no match (a wildcard may match nothing); also= cycles are caught', () => {
  const { m, findings } = conf('include <|nonexistent/x.conf|>\ninclude nonexistent/*.conf\nconn a\n\talso=<|nowhere|>\nconn b\n\talso=<|c|>\nconn c\n\talso=b\n', L410);
  const undef = only(findings, 'undefined-reference');
  assert.deepEqual(undef.map((f) => f.range), m.ranges.slice(0, 2));
  assert.ok(findings.some((f) => f.message.includes('cycle') && JSON.stringify(f.range) === JSON.stringify(m.ranges[2])));
});

test('version-incompatible: keyexchange=ikev1 on 4.10 (fix rewrites to ikev2=no), left-kw before 5.3', () => {
  const { m, findings } = conf('conn a\n\t<|keyexchange=ikev1|>\n\t<|left-subnet|>=10.0.0.0/8\n', L410);
  const got = only(findings, 'version-incompatible').sort((a, b) => a.range.start.line - b.range.start.line);
  assert.equal(got.length, 2);
  assert.deepEqual(got[0].fixes[0].edits[0].newText, 'ikev2=no');
  assert.deepEqual(got[0].fixes[0].edits[0].range, m.ranges[0]);
  assert.deepEqual(got[1].range, m.ranges[1]);
  const five = conf('conn a\n\tkeyexchange=ikev1\n\tleft-subnet=10.0.0.0/8\n', { libreswan: '5.3' });
  assert.deepEqual(only(five.findings, 'version-incompatible'), []);
});

test('config-ignored: all-digit leftprotoport / rightid on 3.x/4.x, with fixes', () => {
  const { m, findings } = conf('conn a\n\tleftprotoport=<|47|>\n\trightprotoport=<|6|>\n\trightid=<|12345|>\n', L410);
  const got = only(findings, 'config-ignored');
  assert.deepEqual(got.map((f) => f.range), m.ranges);
  assert.deepEqual(got.map((f) => f.fixes[0].edits[0].newText), ['gre', '6/0', '"12345"']);
  const five = conf('conn a\n\tleftprotoport=47\n', { libreswan: '5.0' });
  assert.deepEqual(only(five.findings, 'config-ignored'), []);
});

test('weak-algorithm: 3DES, MD5, modp1536 are warnings', () => {
  const { findings } = conf('conn a\n\tike=3des-md5;modp1536\n', L410);
  const names = only(findings, 'weak-algorithm').map((f) => f.message);
  assert.ok(names.some((x) => x.includes('3DES_CBC')));
  assert.ok(names.some((x) => x.includes('HMAC_MD5')));
  assert.ok(names.some((x) => x.includes('MODP1536')));
  assert.ok(only(findings, 'weak-algorithm').every((f) => f.severity === 'warning'));
});

test('deprecated-option: strongSwan pfs= is ignored; Libreswan 5 ikev2=', () => {
  const ss = conf('# tunnel-lens: strongswan\nconn a\n\t<|pfs|>=yes\n');
  assert.deepEqual(only(ss.findings, 'deprecated-option').map((f) => f.range), ss.m.ranges);
  const five = conf('conn a\n\t<|ikev2|>=no\n', { libreswan: '5.0' });
  assert.deepEqual(only(five.findings, 'deprecated-option').map((f) => f.range), five.m.ranges);
});

test('secrets never appear in messages', () => {
  const { findings } = conf('conn a\n\tauthby=secret\n\tleftsigkey=S3cr3tValue\n\tpsk=S3cr3tValue\n', L410);
  assert.ok(findings.length > 0);
  assert.ok(findings.every((f) => !f.message.includes('S3cr3tValue')));
});
