// NetworkManager keyfiles: flags=1 vs encapsulation-limit, the 1.42.6 catch, keyfile numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dialect } from '../../server/src/languages/nm-connection';
import { FIXTURES, SAMPLES, analyseFile, analyseText } from './linux-helpers';

test('sample fixed by NM (1.44): flags=1 removes the option', () => {
  const f = analyseFile(`${SAMPLES}/fixed-by-nm/linux/tun10.nmconnection`);
  assert.deepEqual(f.findings, []);
  const e = f.file.endpoints[0];
  assert.equal(e.name, 'tun10');
  assert.equal(e.tunnel?.kind.value, 'ip6gre');
  assert.equal(e.tunnel?.encapLimit?.value, 'none');
  assert.equal(e.tunnel?.mtu?.value, 1400);
  assert.equal(e.version?.value, '1.44');
  assert.deepEqual(e.tunnel?.innerAddresses.map((a) => a.value), ['10.10.10.1/30']);
});

test('NM before 1.42.6 rejects ip6-ign-encap-limit on ip6gre (directive)', () => {
  const f = analyseFile(`${FIXTURES}/nm/tun10-old.nmconnection`);
  assert.equal(f.findings.length, 1);
  assert.equal(f.findings[0].code, 'version-incompatible');
  assert.equal(f.findings[0].severity, 'error');
  assert.match(f.findings[0].message, /NetworkManager 1\.40 rejects.*1\.42\.6/);
});

test('the version comes from the setting when there is no directive', () => {
  const text = '[connection]\nid=t\n[ip-tunnel]\nmode=8\nremote=2001:db8::2\nflags=1\n';
  const old = analyseText(text, '/x/t.nmconnection', { versions: { networkManager: '1.42.4' } });
  assert.equal(old.findings[0]?.code, 'version-incompatible');
  assert.equal(old.findings[0]?.severity, 'error');
  const ok = analyseText(text, '/x/t.nmconnection', { versions: { networkManager: '1.42.6' } });
  assert.deepEqual(ok.findings, []);
  const unknown = analyseText(text, '/x/t.nmconnection');
  assert.equal(unknown.findings[0].severity, 'info');
  // ipip6 took the flag long before
  const ipip6 = analyseText(text.replace('mode=8', 'mode=7'), '/x/t.nmconnection', { versions: { networkManager: '1.40' } });
  assert.deepEqual(ipip6.findings, []);
  assert.equal(ipip6.file.endpoints[0].tunnel?.encapLimit?.value, 'none');
});

test('encapsulation-limit=0 still sends the option; input-key on ipip6 is wrong', () => {
  const f = analyseFile(`${FIXTURES}/nm/tun11-zero.nmconnection`);
  assert.match(f.onLine(8)[0].message, /encapsulation-limit=0 still adds the 8-byte Destination Options header.*flags=1/);
  assert.match(f.onLine(10)[0].message, /input-key= is for GRE modes/);
  const e = f.file.endpoints[0];
  assert.equal(e.name, 'tun11', 'id names the device without interface-name');
  assert.equal(e.tunnel?.encapLimit?.value, 0);
  assert.equal(e.tunnel?.mtu?.value, 1452, 'mtu=0 is automatic');
});

test('NM default: encapsulation-limit 0 (still the option); mode by name; did-you-mean', () => {
  const f = analyseFile(`${FIXTURES}/nm/tun12-default.nmconnection`);
  assert.match(f.onLine(6)[0].message, /write mode=8 for ip6gre/);
  assert.match(f.onLine(9)[0].message, /Did you mean encapsulation-limit=\?/);
  const e = f.file.endpoints[0];
  assert.equal(e.tunnel?.encapLimit?.value, 0);
  assert.equal(e.tunnel?.encapLimit?.source, 'default');
  assert.match(e.tunnel!.encapLimit!.rule!, /default 0/);
  assert.equal(e.tunnel?.greKey?.value, 42);
  assert.equal(e.tunnel?.mtu?.value, 1444, '1500 − 40 − 8 (GRE with key) − 8');
});

test('hover on flags explains; symbols and folding per section', () => {
  const f = analyseFile(`${SAMPLES}/fixed-by-nm/linux/tun10.nmconnection`);
  const line = f.file.text.split('\n').findIndex((l) => l.startsWith('flags='));
  const h = f.hover({ line, character: 1 });
  assert.match(h!, /ip-tunnel\.flags/);
  assert.match(h!, /encapsulation limit none/);
  assert.deepEqual(f.file.symbols.map((s) => s.name), ['[connection]', '[ip-tunnel]', '[ipv4]', '[ipv6]']);
  assert.equal(f.file.folding.length, 4);
  const c = f.complete({ line, character: 0 });
  assert.ok(c.includes('encapsulation-limit'));
});

test('the parser reports only what the ini reader cannot read; sections, keys and the tunnel are checks', () => {
  assert.deepEqual(dialect.parseCodes, ['syntax-error']);
  assert.deepEqual(dialect.checks!.map((c) => c.id), ['nm-connection/keys', 'nm-connection/duplicates', 'nm-connection/tunnel', 'nm-connection/libreswan']);
});

test('line ledger: profile sections and keys are the model, other profile types outside, `;` is no comment', () => {
  const f = analyseText(
    [
      '# tunnel-lens: networkmanager 1.44', // 0 trivia
      '[connection]', // 1 model
      'id=t', // 2 model
      '[ip-tunnel]', // 3 model
      'mode=7', // 4 model
      'remote=2001:db8::2', // 5 model
      'encapsulaton-limit=4', // 6 unknown key: reported
      '; not a comment for GKeyFile', // 7 reported (syntax-error)
      '[ethernet]', // 8 another profile type: outside
      'mac-address=00:11:22:33:44:55', // 9 outside
      '',
    ].join('\n'),
    '/x/t.nmconnection',
  );
  assert.deepEqual(f.lineUse(), ['trivia', 'model', 'model', 'model', 'model', 'model', 'unread', 'unread', 'outside', 'outside', 'trivia']);
  assert.deepEqual(f.onLine(6).map((x) => x.code), ['unknown-keyword']);
  assert.deepEqual(f.onLine(7).map((x) => x.code), ['syntax-error']);
});
