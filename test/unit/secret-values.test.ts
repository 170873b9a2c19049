// What the secret-slot tables give the redactor (secretValues) and what a malformed secret line
// says: its position and shape, never its text (issue 17's examples), and a very long secret
// masked whole without a regular expression the engine cannot compile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Redactor, MASK } from '../../server/src/core/redact';
import { analyse } from '../helpers/analyse';

test('issue 17: a typeless or glued ipsec.secrets entry is reported by shape, never by its text', () => {
  const r = analyse({ '/s/ipsec.secrets': '192.0.2.9 : S3cretS3cret\n@h @i : PSKS3cretS3cret\n' });
  const msgs = r.findings.map((f) => f.message);
  assert.equal(msgs.length, 2);
  for (const m of msgs) {
    assert.doesNotMatch(m, /S3cret/);
    assert.match(m, /is no secret type .* not shown \(\d+ characters\)/);
  }
  assert.deepEqual(r.findings.map((f) => [f.range.start.line, f.range.start.character]), [[0, 12], [1, 8]]);
});

test('every malformed secret line of each dialect is reported without its text', () => {
  const secret = 'Hush4Hush4Hush';
  const r = analyse({
    '/s/etc/ipsec.conf': `# tunnel-lens: libreswan 4.10\nconn a\n\tleft=192.0.2.1\n\tleftpsk=${secret} ${secret}x\n\tpsk="${secret}\n`,
    '/s/ss/ipsec.conf': `# tunnel-lens: strongswan 5.9\nconn a\n\tleft=192.0.2.1\n\txauthpassword=${secret}=${secret}\n`,
    '/s/ifcfg-ipsec0': `DEVICE=ipsec0\nIKE_PSK=${secret} ${secret}y\nWPA_PSK=$(${secret})\nIPSEC_PSK="${secret}\n`,
    '/s/t.nmconnection': `[connection]\nid=t\n[vpn-secrets]\n${secret} ${secret}\n`,
    '/s/t.netdev': `[NetDev]\nName=wg0\nKind=wireguard\n[WireGuard]\n${secret}\n`,
  });
  const mine = r.findings.filter((f) => f.code === 'syntax-error');
  assert.ok(mine.length >= 7, mine.map((f) => f.message).join('\n'));
  for (const f of r.findings) assert.ok(!f.message.includes('Hush4'), `${f.uri}:${f.range.start.line + 1}: ${f.message}`);
});

test('secretValues: a 5,000-character secret is masked whole, by a redactor that still compiles', () => {
  const long = Array.from({ length: 5000 }, (_, i) => 'abcdefghij'[i % 10]).join('');
  const r = analyse({ '/s/ifcfg-x': `DEVICE=x\nIKE_PSK=${long}\n` });
  const red = new Redactor();
  red.setSecrets(r.service.workspace.secretValues());
  const masked = red.mask(`the key is ${long}.`);
  assert.ok(!masked.includes('abcdefghij'), masked.slice(0, 200));
  assert.ok(masked.startsWith(`the key is ${MASK}`));
});

test('secretValues of each dialect: the secret, and not the GRE key, the IDs or a file path', () => {
  const r = analyse({
    '/s/ifcfg-gre1': 'DEVICE=gre1\nTYPE=GRE\nPEER_OUTER_IPADDR=192.0.2.2\nKEY=4242\nIKE_PSK=TopSecretValue1\n',
    '/s/ipsec.secrets': '192.0.2.1 192.0.2.2 : PSK "TopSecretValue2"\n: RSA /etc/ipsec.d/private/key.pem %prompt\n',
    '/s/wg.netdev': '[NetDev]\nName=wg0\nKind=wireguard\n[WireGuard]\nPrivateKey=TopSecretValue3\nPrivateKeyFile=/etc/wg.key\n',
    '/s/gre.netdev': '[NetDev]\nName=gre3\nKind=gre\n[Tunnel]\nRemote=192.0.2.2\nKey=4343\n',
    '/s/x.sh': "ip xfrm state add src 192.0.2.1 dst 192.0.2.2 proto esp spi 1 enc aes 0xTopSecretValue4\nip link add gre4 type gre remote 192.0.2.2 key 4444\n",
  });
  const v = [...r.service.workspace.secretValues()];
  for (const s of ['TopSecretValue1', '"TopSecretValue2"', 'TopSecretValue3', '0xTopSecretValue4']) assert.ok(v.some((x) => x.includes(s.replace(/"/g, ''))), s);
  for (const not of ['4242', '4343', '4444', '192.0.2.1', '192.0.2.2', '/etc/ipsec.d/private/key.pem', '%prompt', '/etc/wg.key']) assert.ok(!v.includes(not), `${not} is no secret`);
});
