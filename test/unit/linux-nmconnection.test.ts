// NetworkManager keyfiles: flags=1 vs encapsulation-limit, the 1.42.6 catch, keyfile numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dialect } from '../../server/src/languages/nm-connection';
import { FIXTURES, SAMPLES, parseFile, parseText, onLine, ctxWith } from './linux-helpers';

test('sample fixed by NM (1.44): flags=1 removes the option', () => {
  const f = parseFile(dialect, `${SAMPLES}/fixed-by-nm/linux/tun10.nmconnection`);
  assert.deepEqual(f.findings, []);
  const e = f.endpoints[0];
  assert.equal(e.name, 'tun10');
  assert.equal(e.tunnel?.kind.value, 'ip6gre');
  assert.equal(e.tunnel?.encapLimit?.value, 'none');
  assert.equal(e.tunnel?.mtu?.value, 1400);
  assert.equal(e.version?.value, '1.44');
  assert.deepEqual(e.tunnel?.innerAddresses.map((a) => a.value), ['10.10.10.1/30']);
});

test('NM before 1.42.6 rejects ip6-ign-encap-limit on ip6gre (directive)', () => {
  const f = parseFile(dialect, `${FIXTURES}/nm/tun10-old.nmconnection`);
  assert.equal(f.findings.length, 1);
  assert.equal(f.findings[0].code, 'version-incompatible');
  assert.equal(f.findings[0].severity, 'error');
  assert.match(f.findings[0].message, /NetworkManager 1\.40 rejects.*1\.42\.6/);
});

test('the version comes from the setting when there is no directive', () => {
  const text = '[connection]\nid=t\n[ip-tunnel]\nmode=8\nremote=2001:db8::2\nflags=1\n';
  const old = parseText(dialect, text, '/x/t.nmconnection', ctxWith({ versions: { networkManager: '1.42.4' } }));
  assert.equal(old.findings[0]?.code, 'version-incompatible');
  assert.equal(old.findings[0]?.severity, 'error');
  const ok = parseText(dialect, text, '/x/t.nmconnection', ctxWith({ versions: { networkManager: '1.42.6' } }));
  assert.deepEqual(ok.findings, []);
  const unknown = parseText(dialect, text, '/x/t.nmconnection');
  assert.equal(unknown.findings[0].severity, 'info');
  // ipip6 took the flag long before
  const ipip6 = parseText(dialect, text.replace('mode=8', 'mode=7'), '/x/t.nmconnection', ctxWith({ versions: { networkManager: '1.40' } }));
  assert.deepEqual(ipip6.findings, []);
  assert.equal(ipip6.endpoints[0].tunnel?.encapLimit?.value, 'none');
});

test('encapsulation-limit=0 still sends the option; input-key on ipip6 is wrong', () => {
  const f = parseFile(dialect, `${FIXTURES}/nm/tun11-zero.nmconnection`);
  assert.match(onLine(f, 8)[0].message, /encapsulation-limit=0 still adds the 8-byte Destination Options header.*flags=1/);
  assert.match(onLine(f, 10)[0].message, /input-key= is for GRE modes/);
  const e = f.endpoints[0];
  assert.equal(e.name, 'tun11', 'id names the device without interface-name');
  assert.equal(e.tunnel?.encapLimit?.value, 0);
  assert.equal(e.tunnel?.mtu?.value, 1452, 'mtu=0 is automatic');
});

test('NM default: encapsulation-limit 0 (still the option); mode by name; did-you-mean', () => {
  const f = parseFile(dialect, `${FIXTURES}/nm/tun12-default.nmconnection`);
  assert.match(onLine(f, 6)[0].message, /write mode=8 for ip6gre/);
  assert.match(onLine(f, 9)[0].message, /Did you mean encapsulation-limit=\?/);
  const e = f.endpoints[0];
  assert.equal(e.tunnel?.encapLimit?.value, 0);
  assert.equal(e.tunnel?.encapLimit?.source, 'default');
  assert.match(e.tunnel!.encapLimit!.rule!, /default 0/);
  assert.equal(e.tunnel?.greKey?.value, 42);
  assert.equal(e.tunnel?.mtu?.value, 1444, '1500 − 40 − 8 (GRE with key) − 8');
});

test('hover on flags explains; symbols and folding per section', () => {
  const f = parseFile(dialect, `${SAMPLES}/fixed-by-nm/linux/tun10.nmconnection`);
  const line = f.text.split('\n').findIndex((l) => l.startsWith('flags='));
  const h = dialect.hover!(f, { line, character: 1 }, ctxWith());
  assert.match(h!.markdown, /ip-tunnel\.flags/);
  assert.match(h!.markdown, /encapsulation limit none/);
  assert.deepEqual(f.symbols.map((s) => s.name), ['[connection]', '[ip-tunnel]', '[ipv4]', '[ipv6]']);
  assert.equal(f.folding.length, 4);
  const c = dialect.complete!(f, { line, character: 0 }, ctxWith()).map((x) => x.label);
  assert.ok(c.includes('encapsulation-limit'));
});
