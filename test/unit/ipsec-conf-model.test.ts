// conns -> Endpoints: IKE version per version, proposals with origins, PFS, mode, selectors, sides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyse } from '../helpers/analyse';
import { conf } from './ipsec-conf-helpers';
import { detectTarget } from '../../server/src/languages/ipsec-conf/version';
import { DEFAULT_SETTINGS, type VersionSettings } from '../../server/src/core/types';

/** The file's endpoints (its conns as the model sees them). */
const parseText = (text: string, versions: VersionSettings = {}) => conf(text, versions).file;

const FOUNDING = resolve(__dirname, '../../samples/founding-case/linux/ipsec.conf');

test('founding case (Libreswan 3.25): transport, IKEv2, AES_CBC_128/SHA1/MODP2048, GRE, IPv6', () => {
  const r = analyse({ [FOUNDING]: readFileSync(FOUNDING, 'utf8') });
  const f = r.service.parse(r.uri(FOUNDING))!;
  assert.deepEqual(f.findings, []);
  const [ep] = f.endpoints;
  assert.equal(ep.vendor, 'libreswan');
  assert.equal(ep.version?.value, '3.25');
  assert.equal(ep.family?.value, 'ipv6');
  assert.equal(ep.local?.value, '2001:db8:a::1');
  assert.equal(ep.remote?.value, '2001:db8:b::1');
  const s = ep.ipsec!;
  assert.equal(s.ikeVersion?.value, 2);
  assert.equal(s.mode?.value, 'transport');
  assert.equal(s.mode?.source, 'written');
  assert.deepEqual(s.ike?.value, [{ encr: ['AES_CBC_128'], integ: ['HMAC_SHA1_96'], prf: ['HMAC_SHA1'], dh: ['MODP2048'] }]);
  assert.deepEqual(s.esp?.value, [{ encr: ['AES_CBC_128'], integ: ['HMAC_SHA1_96'], prf: [], dh: ['MODP2048'] }]);
  assert.equal(s.pfs?.value, 'MODP2048');
  assert.equal(s.trafficSelector?.value.protocol, 47);
  assert.deepEqual(s.trafficSelector?.value.localSubnets, ['2001:db8:a::1/128']);
  assert.equal(s.authLocal?.value, 'psk');
  assert.equal(s.ikeLifetime?.value, 86400);
  assert.equal(s.saLifetime?.value, 3600);
});

test('3.25 ikev2=permit (the default) accepts either and initiates IKEv1; 4.10 defaults to IKEv2', () => {
  const conn = 'conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n';
  const old = parseText(conn, { libreswan: '3.25' }).endpoints[0].ipsec!;
  assert.equal(old.ikeVersion?.value, 'either');
  assert.equal(old.initiatesIkeVersion?.value, 1);
  assert.equal(old.ikeVersion?.source, 'default');
  assert.match(old.ikeVersion?.rule ?? '', /Libreswan 3\.25 default ikev2=permit/);
  const now = parseText(conn, { libreswan: '4.10' }).endpoints[0].ipsec!;
  assert.equal(now.ikeVersion?.value, 2);
  const v1 = parseText(conn + '\tikev2=no\n', { libreswan: '4.10' }).endpoints[0].ipsec!;
  assert.equal(v1.ikeVersion?.value, 1);
  const ss = parseText('# tunnel-lens: strongswan\n' + conn).endpoints[0].ipsec!;
  assert.equal(ss.ikeVersion?.value, 'either');
  assert.equal(ss.initiatesIkeVersion?.value, 2);
});

test('defaults carry the version rule; written values carry their range', () => {
  const { m, file } = conf('conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tike=<|aes256-sha2;dh19|>\n', { libreswan: '4.10' });
  const s = file.endpoints[0].ipsec!;
  assert.equal(s.ike?.source, 'written');
  assert.deepEqual(s.ike?.range, m.ranges[0]);
  assert.equal(s.esp?.source, 'default');
  assert.equal(s.esp?.rule, 'Libreswan 4.10 IKEv2 default esp=');
  assert.equal(s.esp?.value[0].encr[0], 'AES_GCM_16_256');
  assert.equal(s.pfs?.value, 'ike');
});

test('%default and also= are merged (also= target defined later); pfs=no', () => {
  const f = parseText('conn %default\n\tikelifetime=2h\nconn a\n\talso=base\n\tleft=192.0.2.1\n\tright=192.0.2.2\nconn base\n\ttype=transport\n\tpfs=no\n\tesp=aes128-sha2;modp2048\n', { libreswan: '4.10' });
  const ep = f.endpoints.find((e) => e.name === 'a')!;
  assert.equal(ep.ipsec?.mode?.value, 'transport');
  assert.equal(ep.ipsec?.ikeLifetime?.value, 7200);
  assert.equal(ep.ipsec?.pfs?.value, false);
  assert.deepEqual(ep.ipsec?.esp?.value[0].dh, []);
});

test('local side: left unless right is %defaultroute or left is %any', () => {
  const a = parseText('conn a\n\tleft=%any\n\tright=192.0.2.2\n').endpoints[0];
  assert.equal(a.local?.value, '192.0.2.2');
  const b = parseText('conn a\n\tleft=192.0.2.9\n\tright=%defaultroute\n').endpoints[0];
  assert.equal(b.remote?.value, '192.0.2.9');
  const c = parseText('conn a\n\tleft=2001:DB8:A:0::1\n\tright=192.0.2.2\n').endpoints[0];
  assert.equal(c.local?.value, '2001:db8:a::1');
});

test('strongSwan: proposals, strict !, PFS from esp DH, protocol from leftsubnet[gre]', () => {
  const f = parseText('# tunnel-lens: strongswan 5.9\nconn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tleftsubnet=192.0.2.1/32[gre]\n\tike=aes128-sha256-modp3072!\n\tesp=aes128gcm16-modp3072\n\tkeyexchange=ikev2\n');
  const s = f.endpoints[0].ipsec!;
  assert.equal(s.ikeStrict, true);
  assert.equal(s.espStrict, false);
  assert.deepEqual(s.ike?.value[0], { encr: ['AES_CBC_128'], integ: ['HMAC_SHA2_256_128'], prf: ['HMAC_SHA2_256'], dh: ['MODP3072'] });
  assert.deepEqual(s.esp?.value[0].encr, ['AES_GCM_16_128']);
  assert.equal(s.pfs?.value, 'MODP3072');
  assert.equal(s.trafficSelector?.value.protocol, 47);
  assert.equal(s.ikeVersion?.value, 2);
});

test('version: directive beats setting, setting beats guess, guess the daemon from the content', () => {
  const S = DEFAULT_SETTINGS;
  const pick = (t: { daemon: string; version: string }) => [t.daemon, t.version];
  assert.equal(detectTarget('# tunnel-lens: libreswan 3.25\nconn a\n', { ...S, versions: { libreswan: '4.10' } }).version, '3.25');
  assert.equal(detectTarget('conn a\n\tkeyexchange=ikev2\n', { ...S, versions: { libreswan: '4.10' } }).daemon, 'libreswan');
  // keyexchange= is a key of both daemons (Libreswan 5.0+ takes ikev2): alone it is no strongSwan clue (issue 13).
  assert.deepEqual(pick(detectTarget('conn a\n\tkeyexchange=ikev2\n', S)), ['libreswan', '5.0']);
  assert.equal(detectTarget('conn a\n\tkeyexchange=ikev2\n\tleftfirewall=yes\n', S).daemon, 'strongswan');
  assert.equal(detectTarget('conn a\n\tesp=aes128-sha256!\n', S).daemon, 'strongswan');
  assert.equal(detectTarget('ca x\n\tcacert=a\n', S).daemon, 'strongswan');
  const d = detectTarget('conn a\n', S);
  assert.deepEqual([d.daemon, d.version, d.source], ['libreswan', '4.10', 'default']);
});

test('strongSwan without `!` also accepts the defaults charon appends; with `!` only what is written', () => {
  const conn = (ike: string, esp: string) => `# tunnel-lens: strongswan 5.9\nconn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tkeyexchange=ikev2\n\tike=${ike}\n\tesp=${esp}\n`;
  const loose = parseText(conn('aes256-sha384-ecp384', 'aes256gcm16')).endpoints[0].ipsec!;
  assert.equal(loose.ike?.value.length, 2);
  assert.deepEqual(loose.ike?.value[1], { encr: ['AES_CBC_128'], integ: ['HMAC_SHA2_256_128'], prf: ['HMAC_SHA2_256'], dh: ['MODP3072'] });
  assert.equal(loose.ike?.source, 'derived');
  assert.equal(loose.ike?.range?.start.line, 5, 'still the ike= line');
  assert.match(loose.ike!.rule!, /strongSwan 5\.9 default ike= .*no trailing `!`/);
  assert.deepEqual(loose.esp?.value.map((p) => p.encr), [['AES_GCM_16_256'], ['AES_CBC_128']]);
  // PFS comes from the esp= line as written: no DH group there means no PFS.
  assert.equal(loose.pfs?.value, false);
  assert.equal(loose.pfs?.source, 'written');
  assert.equal(loose.pfs?.range?.start.line, 6);
  const strict = parseText(conn('aes256-sha384-ecp384!', 'aes256gcm16-modp3072!')).endpoints[0].ipsec!;
  assert.equal(strict.ike?.value.length, 1);
  assert.equal(strict.ike?.source, 'written');
  assert.equal(strict.esp?.value.length, 1);
  assert.equal(strict.pfs?.value, 'MODP3072');
  assert.equal(strict.pfs?.source, 'written');
});

test('protoport names follow /etc/protocols: ipencap is 4 (IPv4 in IP), ipip is 94, gre is 47', () => {
  const proto = (pp: string) => parseText(`conn a\n\tleft=2001:db8:a::1\n\tright=2001:db8:b::1\n\tleftprotoport=${pp}\n\trightprotoport=${pp}\n`).endpoints[0].ipsec!.trafficSelector?.value.protocol;
  assert.equal(proto('ipencap'), 4);
  assert.equal(proto('ipip'), 94);
  assert.equal(proto('gre'), 47);
  assert.equal(proto('47/0'), 47);
});

test('version directive: a `#` comment only, its dotted numbers, the first one for either daemon', () => {
  const S = DEFAULT_SETTINGS;
  const rc = detectTarget('# tunnel-lens: libreswan 3.25rc1\nconn a\n', S);
  assert.deepEqual([rc.daemon, rc.version, rc.major, rc.minor, rc.source], ['libreswan', '3.25', 3, 25, 'directive']);
  assert.match(rc.reason, /line 1/);
  // In ipsec.conf `;` starts no comment: the line is no directive and the setting decides.
  assert.equal(detectTarget('; tunnel-lens: strongswan 5.9\nconn a\n', { ...S, versions: { libreswan: '4.10' } }).daemon, 'libreswan');
  const late = detectTarget('conn a\n\tleft=192.0.2.1\n  # tunnel-lens: strongswan\n', S);
  assert.deepEqual([late.daemon, late.version, late.range?.start.line], ['strongswan', '5.9', 2]);
});
