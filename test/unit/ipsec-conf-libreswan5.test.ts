// Libreswan 5.x files (issue 13, "False positives on stock configs", second bullet): a 5.x conn with
// keyexchange=ikev2 and no directive is read as Libreswan 5.x, not strongSwan, and raises nothing
// against its Cisco peer; leftinterface-ip=/ipsec-interface= per version as Libreswan's keyword
// tables have them (valid 3.32-4.3 and 5.0+, compiled out in 4.4-4.15); 5.x defaults (IKEv2 only,
// IKEv1 refused unless ikev1-policy=accept); keys that came or went with 5.x.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyse, expectFinding, expectNoFinding } from '../helpers/analyse';
import { readFolder } from '../helpers/memoryFs';
import { Code } from '../../server/src/core/codes';
import { pathToUri } from '../../server/src/core/uri';
import type { IpsecConfTree } from '../../server/src/languages/ipsec-conf';

const HOSTS = resolve(__dirname, '../fixtures/hosts');
const TREE = `${HOSTS}/libreswan5-keyexchange`;
const CONN = `${TREE}/etc/ipsec.d/gre6.conf`;
const CISCO = `${HOSTS}/cisco-c897va/c897va-confg`;

function host() {
  const files = readFolder(TREE);
  files.set(pathToUri(CISCO), readFileSync(CISCO, 'utf8'));
  return analyse(files);
}

const own = (r: ReturnType<typeof analyse>, path: string) => r.findings.filter((f) => f.uri === pathToUri(path));

test('issue 13: a Libreswan 5.x conn with keyexchange=ikev2 (the Debian 12 conn, rewritten for 5.x) is Libreswan 5.x, clean, and has no pfs-mismatch with its Cisco peer', () => {
  const r = host();
  const file = r.service.parse(pathToUri(CONN))!;
  const t = (file.tree as IpsecConfTree).target;
  assert.deepEqual([t.daemon, t.major, t.source], ['libreswan', 5, 'guess']);
  assert.match(t.reason, /guessed Libreswan 5\.x: `keyexchange=ikev2` \(5\.0\+\)/);
  for (const code of [Code.unknownKeyword, Code.invalidValue, Code.versionIncompatible, Code.configIgnored, Code.syntaxError]) expectNoFinding(r, code, pathToUri(CONN));
  // The pair is checked (it is not merely unpaired), and agrees.
  const conn = r.service.endpoints().find((e) => e.uri === pathToUri(CONN))!;
  assert.equal(conn.vendor, 'libreswan');
  assert.equal(conn.ipsec?.ikeVersion?.value, 2);
  assert.equal(conn.ipsec?.pfs?.value, 'ike'); // pfs=yes with no DH in esp=: the IKE group, MODP2048 = Cisco's group14
  assert.ok(r.service.pairs().some((p) => [p.a, p.b].some((e) => e.uri === pathToUri(CONN))), 'paired with the Cisco');
  for (const code of [Code.pfsMismatch, Code.ikeVersionMismatch, Code.ikeProposalMismatch, Code.espProposalMismatch, Code.ipsecModeMismatch, Code.pskMismatch]) expectNoFinding(r, code);
  // The reason is in the conn's hover.
  const h = r.service.hover(pathToUri(CONN), { line: 2, character: 6 });
  assert.match((h?.contents as { value: string } | undefined)?.value ?? '', /conn gre6\\?-cisco\*\* \(Libreswan 5\.0; guessed Libreswan 5\.x: `keyexchange=ikev2`/);
});

test('issue 13: the same conn read as 4.10 (setting) is refused where 4.10 refuses it, with the 4.x spelling as the fix', () => {
  const files = readFolder(TREE);
  const r410 = analyse(files, { versions: { libreswan: '4.10' } });
  const vi = own(r410, CONN).filter((f) => f.code === Code.versionIncompatible);
  assert.deepEqual(vi.map((f) => f.range.start.line + 1), [7]); // keyexchange=ikev2: `keyword keyexchange, invalid value: ikev2`
  assert.equal(vi[0].fixes[0].edits[0].newText, 'ikev2=yes');
});

const conn = (lines: string, head = '') => `${head}conn xfrm\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tipsec-interface=yes\n${lines}`;
const at = (version: string, text: string) => {
  const path = '/site/ipsec.conf';
  const r = analyse({ [path]: `# tunnel-lens: libreswan ${version}\n${text}` });
  return own(r, path).filter((f) => f.severity !== 'hint');
};

test('leftinterface-ip= with ipsec-interface=: clean on 5.x and 4.3, version-incompatible on 4.10 (4.10 says syntax error)', () => {
  const text = conn('\tleftinterface-ip=192.0.2.9/30\n\trightinterface-ip=192.0.2.10/30\n');
  for (const v of ['5.0', '5.2', '5.4', '4.3', '3.32']) assert.deepEqual(at(v, text).map((f) => f.message), [], v);
  const on410 = at('4.10', text);
  assert.deepEqual(on410.map((f) => [f.code, f.severity, f.range.start.line + 1]), [[Code.versionIncompatible, 'error', 6], [Code.versionIncompatible, 'error', 7]]);
  assert.match(on410[0].message, /'leftinterface-ip' is not in Libreswan 4\.4-4\.15 \(compiled out \(#if 0\)\); Libreswan 4\.10 stops with a syntax error\. It is read by Libreswan 3\.32-4\.3 and 5\.0\+/);
  // 3.30-3.31 accept it and ignore it; 3.25 does not know it.
  assert.deepEqual(at('3.30', text).map((f) => f.code), [Code.deprecatedOption, Code.deprecatedOption]);
  assert.deepEqual(at('3.25', text).map((f) => f.code), [Code.versionIncompatible, Code.versionIncompatible, Code.versionIncompatible]);
  // The left-KEY spelling: 5.0 on.
  assert.deepEqual(at('5.0', conn('\tleft-interface-ip=192.0.2.9/30\n')), []);
  assert.match(at('4.10', conn('\tleft-interface-ip=192.0.2.9/30\n')).map((f) => f.message).join(' | '), /left-interface-ip spelling needs Libreswan 5\.0/);
});

test('without a directive: ipsec-interface= with leftinterface-ip= is guessed 5.x; the guess never moves to 3.x', () => {
  const path = '/site/ipsec.conf';
  const r = analyse({ [path]: conn('\tleftinterface-ip=192.0.2.9/30\n') });
  const t = (r.service.parse(r.uri(path))!.tree as IpsecConfTree).target;
  assert.deepEqual([t.daemon, t.version], ['libreswan', '5.0']);
  assert.deepEqual(own(r, path).filter((f) => f.severity === 'error'), []);
  const old = analyse({ [path]: 'config setup\n\tnat_traversal=yes\nconn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n' });
  const t2 = (old.service.parse(old.uri(path))!.tree as IpsecConfTree).target;
  assert.deepEqual([t2.version, t2.source], ['4.10', 'default']);
  expectFinding(old, Code.versionIncompatible, { line: 1, character: 1 });
});

test('5.x-only keys on 4.10 name the release they came with; keys 5.x removed or made obsolete, on 5.x', () => {
  const five = conn('\tcisco-split=yes\n\tencap-dscp=yes\n\tleftgroundhog=no\n');
  assert.deepEqual(at('5.4', five), []);
  const msgs = at('4.10', five).map((f) => `${f.code} ${f.message}`);
  assert.deepEqual(msgs.map((m) => /needs Libreswan (5\.\d)/.exec(m)?.[1]), ['5.3', '5.0', '5.0']);
  assert.ok(msgs.every((m) => m.startsWith('version-incompatible')));
  // On 5.3 cisco-split is fine, on 5.2 not yet.
  assert.deepEqual(at('5.3', five), []);
  assert.match(at('5.2', five).map((f) => f.message).join(), /'cisco-split' needs Libreswan 5\.3/);
  // Removed in 5.0: an unknown key there (version-incompatible, error); obsolete: accepted, warned, ignored.
  const gone = at('5.4', conn('\talsoflip=x\n\tforceencaps=yes\n\tdpdaction=restart\n\tkeyingtries=3\n'));
  assert.deepEqual(gone.map((f) => [f.code, f.severity]), [
    [Code.versionIncompatible, 'error'], [Code.versionIncompatible, 'error'], [Code.deprecatedOption, 'warning'], [Code.deprecatedOption, 'warning'],
  ]);
  assert.match(gone[0].message, /'alsoflip' was removed in Libreswan 5\.0; Libreswan 5\.4 rejects it/);
  assert.deepEqual(at('4.10', conn('\talsoflip=x\n\tdpdaction=restart\n\tkeyingtries=3\n')), []);
  // Words: nic-offload=packet is 5.x, nic-offload=auto is 4.x.
  assert.match(at('4.10', conn('\tnic-offload=packet\n'))[0].message, /nic-offload=packet needs Libreswan 5\.0/);
  assert.match(at('5.0', conn('\tnic-offload=auto\n'))[0].message, /nic-offload=auto was dropped in Libreswan 5\.0/);
  // 5.x booleans are a word list: 1/0 and any case.
  assert.deepEqual(at('5.0', conn('\tpfs=1\n\tcompress=NO\n')), []);
  assert.equal(at('4.10', conn('\tcompress=NO\n'))[0].code, Code.invalidValue);
});

test('5.x is IKEv2 only by default: a conn without keyexchange= is IKEv2; keyexchange=ikev1 is refused unless config setup has ikev1-policy=accept', () => {
  const path = '/site/ipsec.conf';
  const base = 'conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n';
  const ep = (text: string) => analyse({ [path]: text }).service.endpoints()[0];
  const v2 = ep(`# tunnel-lens: libreswan 5.2\n${base}`).ipsec!.ikeVersion!;
  assert.deepEqual([v2.value, v2.source], [2, 'default']);
  assert.match(v2.rule ?? '', /Libreswan 5\.2 default: IKEv2/);
  const r = analyse({ [path]: `# tunnel-lens: libreswan 5.2\nconfig setup\n\tlogfile=/var/log/pluto.log\n${base}\tkeyexchange=ikev1\n` });
  const f = expectFinding(r, Code.configIgnored, { line: 6, character: 13 }, path); // on ikev1
  assert.equal(f.severity, 'error');
  assert.match(f.message, /conn a is IKEv1, and Libreswan 5\.2 defaults to ikev1-policy=drop/);
  // ikev2=no says IKEv1 too.
  expectFinding(analyse({ [path]: `# tunnel-lens: libreswan 5.0\nconfig setup\n${base}\tikev2=no\n` }), Code.configIgnored);
  // Accepted in config setup: clean.
  expectNoFinding(analyse({ [path]: `# tunnel-lens: libreswan 5.2\nconfig setup\n\tikev1-policy=accept\n${base}\tkeyexchange=ikev1\n` }), Code.configIgnored);
  // No config setup in the file (a file of ipsec.d): a warning, the including ipsec.conf may accept it.
  assert.equal(expectFinding(analyse({ [path]: `# tunnel-lens: libreswan 5.2\n${base}\tkeyexchange=ikev1\n` }), Code.configIgnored).severity, 'warning');
  // 4.x accepts IKEv1 unless ikev1-policy=drop|reject is written.
  expectNoFinding(analyse({ [path]: `# tunnel-lens: libreswan 4.10\nconfig setup\n${base}\tikev2=no\n` }), Code.configIgnored);
  expectFinding(analyse({ [path]: `# tunnel-lens: libreswan 4.10\nconfig setup\n\tikev1-policy=drop\n${base}\tikev2=no\n` }), Code.configIgnored);
});

test('5.x default proposals: IKEv2 DH ECP256 first, ChaCha20 third; lifetimes 8h; AH per version', () => {
  const path = '/site/ipsec.conf';
  const ipsec = (v: string, extra = '') => analyse({ [path]: `# tunnel-lens: libreswan ${v}\nconn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n${extra}` }).service.endpoints()[0].ipsec!;
  const five = ipsec('5.4');
  assert.deepEqual(five.ike!.value[0].dh.slice(0, 4), ['DH19', 'DH20', 'DH21', 'DH31']);
  assert.deepEqual(five.ike!.value.map((p) => p.encr[0]), ['AES_GCM_16_256', 'AES_GCM_16_128', 'CHACHA20_POLY1305', 'AES_CBC_256', 'AES_CBC_128']);
  assert.equal(ipsec('4.10').ike!.value[0].dh[0], 'MODP2048');
  assert.deepEqual([five.ikeLifetime!.value, five.saLifetime!.value], [8 * 3600, 8 * 3600]);
  assert.deepEqual([ipsec('3.25').ikeLifetime!.value, ipsec('3.25').saLifetime!.value], [3600, 8 * 3600]);
  // AH defaults (phase2=ah, no ah=): 4.10 IKEv2 as its algparse prints them, 5.x without SHA1.
  assert.deepEqual(ipsec('4.10', '\tphase2=ah\n').esp!.value.map((p) => p.integ[0]), ['HMAC_SHA2_512_256', 'HMAC_SHA2_256_128', 'HMAC_SHA1_96']);
  assert.deepEqual(ipsec('5.4', '\tphase2=ah\n').esp!.value.map((p) => p.integ[0]), ['HMAC_SHA2_512_256', 'HMAC_SHA2_256_128']);
});

test('detection weighs every key: strongSwan-only keys outweigh, a strongSwan stock header is one clue, hover names the reason', () => {
  const path = '/site/ipsec.conf';
  const target = (text: string) => (analyse({ [path]: text }).service.parse(pathToUri(path))!.tree as IpsecConfTree).target;
  const ss = target('# /etc/ipsec.conf - strongSwan IPsec configuration file\nconn a\n\tkeyexchange=ikev2\n\tleft=%any\n');
  assert.equal(ss.daemon, 'strongswan');
  assert.match(ss.reason, /guessed strongSwan: the header comment/);
  // One Libreswan-only key (salifetime) against one strongSwan-only key: not strongSwan.
  assert.equal(target('conn a\n\tsalifetime=1h\n\tleftfirewall=yes\n').daemon, 'libreswan');
  assert.equal(target('conn a\n\tsalifetime=1h\n\tleftfirewall=yes\n\tmargintime=1m\n').daemon, 'strongswan');
});
