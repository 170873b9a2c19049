// The swanctl-conf dialect's editor features and its place among the dialects: detection, hover
// (the key's doc, its default in the target release and which rule chose it, never a secret),
// completion per section and per value type, outline, definition and references between
// sections, folding; and fixes that write swanctl.conf syntax, chosen by the file, not the vendor.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyse } from '../helpers/analyse';
import { detectDialect } from '../../server/src/languages';
import { analyseFiles, applyFix } from '../helpers/memoryWorkspace';
import { filesOf } from '../helpers/memoryFs';

const F = '/etc/swanctl/swanctl.conf';

test('detection: by path (swanctl.conf, swanctl/conf.d/*.conf), by a first section, by the directive over a braced section', () => {
  const id = (path: string, head = '') => detectDialect(path, head)?.id;
  assert.equal(id('/etc/swanctl/swanctl.conf'), 'swanctl-conf');
  assert.equal(id('/etc/swanctl/conf.d/gw.conf'), 'swanctl-conf');
  assert.equal(id('/etc/strongswan/swanctl/swanctl.conf'), 'swanctl-conf');
  assert.equal(id('/srv/site/vpn.conf', '# my tunnels\nconnections {\n'), 'swanctl-conf');
  assert.equal(id('/srv/site/vpn.conf', '# tunnel-lens: strongswan 6.0\ngw : connections.base {\n'), 'swanctl-conf');
  assert.equal(id('/srv/site/vpn.conf', '# tunnel-lens: strongswan 5.9\nconn gw\n\tleft=192.0.2.1\n'), 'ipsec-conf', 'a legacy ipsec.conf with the same directive');
  assert.equal(id('/etc/strongswan.d/swanctl.conf', 'swanctl {\n'), undefined, 'strongswan.d/swanctl.conf is a strongswan.conf snippet');
  assert.equal(id('/etc/ipsec.conf'), 'ipsec-conf');
});

test('hover: the key, its default in the target release and which rule chose the release; proposals expanded', () => {
  const r = analyse({ [F]: '# tunnel-lens: strongswan 6.0.2\nconnections {\n  gw {\n    re<|>kau = 1\n    children {\n      c {\n        mo<|>de = transport\n        es<|>p_proposals = aes128-sha256-modp2048\n      }\n      d<|> {\n      }\n    }\n  }\n}\n' });
  const h = (i: number) => (r.service.hover(r.uri(F), r.marks[F].positions[i])?.contents as { value: string } | undefined)?.value ?? '';
  assert.match(h(0), /not a key charon takes here/);
  assert.match(h(1), /\*\*mode\*\* — IPsec mode/);
  assert.match(h(1), /Default in strongSwan 6\.0\.2: `tunnel`/);
  assert.match(h(1), /the `# tunnel-lens: strongswan 6\.0\.2` directive on line 1/);
  assert.match(h(2), /Offers: AES_CBC_128-HMAC_SHA2_256_128-MODP2048/);
  assert.match(h(3), /Child \*\*d\*\*/);
  const five = analyse({ [F]: 'connections {\n  gw {\n    children {\n      c {\n        es<|>p_proposals =\n      }\n    }\n  }\n}\n' });
  const d = (five.service.hover(five.uri(F), five.marks[F].positions[0])?.contents as { value: string }).value;
  assert.match(d, /Unset, it is the strongSwan 5\.9\.8 default esp_proposals, without a key exchange \(no PFS\)/);
});

test('completion: keys of the section under the cursor, values of the key\'s type, proposal words of the release', () => {
  const text = 'connections {\n  gw {\n    <|>\n    local {\n      <|>\n    }\n    children {\n      c {\n        mode = <|>\n        esp_proposals = aes128-<|>\n      }\n    }\n  }\n}\n';
  const labels = (r: ReturnType<typeof analyse>, i: number) => r.service.complete(r.uri(F), r.marks[F].positions[i]).map((c) => c.label);
  const old = analyse({ [F]: text });
  assert.ok(labels(old, 0).includes('remote_addrs') && labels(old, 0).includes('children') && !labels(old, 0).includes('mode'));
  assert.ok(!labels(old, 0).includes('ocsp'), 'ocsp arrived in 5.9.14: not offered for 5.9.8');
  assert.ok(labels(old, 1).includes('auth') && labels(old, 1).includes('id') && !labels(old, 1).includes('remote_addrs'));
  assert.deepEqual(labels(old, 2).sort(), ['beet', 'drop', 'iptfs', 'pass', 'transport', 'transport_proxy', 'tunnel']);
  assert.ok(labels(old, 3).includes('modp2048') && labels(old, 3).includes('default') && !labels(old, 3).includes('mlkem768'));
  const six = analyse({ [F]: text }, { versions: { strongswan: '6.0' } });
  assert.ok(labels(six, 3).includes('mlkem768') && !labels(six, 3).includes('ntru128'));
});

test('outline: connections, rounds, children and secrets as a tree; a secret shows as hidden', () => {
  const r = analyse({ [F]: 'connections {\n  gw {\n    local {\n    }\n    children {\n      net {\n        mode = tunnel\n      }\n    }\n  }\n}\nsecrets {\n  ike-1 {\n    id = moon\n    secret = hunter2\n  }\n}\n' });
  const syms = r.service.symbols(r.uri(F));
  const names = (s: typeof syms): unknown[] => s.map((x) => (x.children?.length ? [x.name, names(x.children)] : x.name));
  assert.deepEqual(names(syms), [['connections', [['gw', ['local', ['children', [['net', ['mode']]]]]]]], ['secrets', [['ike-1', ['id', 'secret']]]]]);
  assert.ok(!JSON.stringify(syms).includes('hunter2'));
  assert.deepEqual(r.service.folding(r.uri(F)).map((f) => [f.startLine, f.endLine]), [[0, 10], [1, 9], [2, 3], [4, 8], [5, 7], [11, 16], [12, 15]]);
});

test('definition and references: a connection\'s pools to the pool, an inheritance to its section, an include to its files', () => {
  const r = analyse({
    [F]: 'pools {\n  p1 {\n    addrs = 10.3.0.0/24\n  }\n}\nconnections {\n  base {\n  }\n  gw : connections.ba<|>se {\n    pools = p<|>1\n  }\n}\ninclude conf<|>.d/*.conf\n',
    '/etc/swanctl/conf.d/x.conf': 'connections {\n  x {\n    pools = p1\n  }\n}\n',
  });
  const [toBase, toPool, toInclude] = r.marks[F].positions;
  assert.deepEqual(r.service.definition(r.uri(F), toBase).map((l) => l.range.start.line), [6]);
  assert.deepEqual(r.service.definition(r.uri(F), toPool).map((l) => l.range.start.line), [1]);
  assert.deepEqual(r.service.definition(r.uri(F), toInclude).map((l) => l.uri.replace(/^.*\//, '')), ['x.conf']);
  assert.deepEqual(r.service.references(r.uri(F), toPool, false).map((l) => `${l.uri.replace(/^.*\//, '')}:${l.range.start.line}`).sort(), ['swanctl.conf:9', 'x.conf:2']);
});

const IOS = `! R1\nversion 15.7\nhostname R1\n!\ncrypto ikev2 proposal P\n encryption aes-cbc-128\n integrity sha1\n group 14\n!\ncrypto ikev2 policy POL\n proposal P\n!\ncrypto ikev2 profile PR\n match identity remote address 192.0.2.1 255.255.255.255\n identity local address 192.0.2.2\n authentication remote pre-share\n authentication local pre-share\n!\ncrypto ipsec transform-set TS esp-aes esp-sha-hmac\n mode transport require\n!\ncrypto map CMAP 10 ipsec-isakmp\n set peer 192.0.2.1\n set transform-set TS\n set ikev2-profile PR\n match address ACL\n!\ninterface GigabitEthernet0/0\n ip address 192.0.2.2 255.255.255.0\n crypto map CMAP\n!\nip access-list extended ACL\n permit ip host 192.0.2.2 host 192.0.2.1\n!\nend\n`;
const SWAN = 'connections {\n  gw {\n    version = 2\n    local_addrs = 192.0.2.1\n    remote_addrs = 192.0.2.2\n    proposals = aes128-sha1-modp2048\n    rekey_time = 24h\n    local {\n      auth = psk\n    }\n    remote {\n      auth = psk\n    }\n    children {\n      c {\n        esp_proposals = aes128-sha1\n      }\n    }\n  }\n}\n';

test('a fix on a swanctl.conf side writes swanctl.conf syntax in the child, wherever the file is (conf.d, or a name detected by content)', () => {
  for (const path of ['/site/linux/swanctl/conf.d/gw.conf', '/site/linux/vpn-tunnels.conf']) {
    const files = filesOf({ '/site/tunnel-lens.json': '{"pairs": []}', [path]: SWAN, '/site/cisco/r1-confg': IOS });
    const { findings } = analyseFiles(files);
    const mine = findings.find((f) => f.code === 'ipsec-mode-mismatch' && f.uri.endsWith(path.replace(/^.*\//, '')))!;
    assert.ok(mine, `${path}: ipsec-mode-mismatch on the swanctl side`);
    const fix = mine.fixes.find((x) => /transport mode here/.test(x.title))!;
    const after = applyFix(files, fix).get([...files.keys()].find((k) => k.endsWith(path.replace(/^.*\//, '')))!)!;
    assert.match(after, /\n {6}c \{\n {8}mode = transport\n {8}esp_proposals/);
    assert.doesNotMatch(after, /type=/);
  }
});

test('a fix on a strongSwan ipsec.conf side still writes ipsec.conf syntax', () => {
  const conf = '# tunnel-lens: strongswan 5.9\nconn gw\n\tkeyexchange=ikev2\n\tauthby=secret\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tike=aes128-sha1-modp2048!\n\tesp=aes128-sha1!\n\tikelifetime=24h\n\tauto=start\n';
  const files = filesOf({ '/site/tunnel-lens.json': '{"pairs": []}', '/site/linux/ipsec.conf': conf, '/site/cisco/r1-confg': IOS });
  const f = analyseFiles(files).findings.find((x) => x.code === 'ipsec-mode-mismatch' && x.uri.endsWith('ipsec.conf'))!;
  const fix = f.fixes.find((x) => /transport mode here/.test(x.title))!;
  assert.equal(fix.edits[0].newText, '\ttype=transport\n');
});
