// ifcfg: the two readings (NetworkManager's shvar, initscripts' bash), key checks, the endpoint,
// hover, completion, symbols and the line ledger.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { dialect } from '../../server/src/languages/ifcfg';
import type { IfcfgTree } from '../../server/src/languages/ifcfg';
import { detectDialect } from '../../server/src/languages';
import { expectFinding } from '../helpers/analyse';
import { FIXTURES, SAMPLES, analyseFile, analyseText } from './linux-helpers';

test('matches ifcfg-* but not editor backups (refused for every dialect by detectDialect)', () => {
  assert.ok(dialect.matches('/etc/sysconfig/network-scripts/ifcfg-tun10', ''));
  assert.equal(detectDialect('/etc/sysconfig/network-scripts/ifcfg-tun10', '')?.id, 'ifcfg');
  for (const copy of ['ifcfg-tun10~', 'ifcfg-tun10.bak', 'ifcfg-tun10.rpmsave', 'ifcfg-tun10.orig']) assert.equal(detectDialect(`/etc/sysconfig/network-scripts/${copy}`, ''), undefined, copy);
  assert.ok(!dialect.matches('/etc/ifcfg.conf', ''));
});

test('the parser reports only what bash cannot read; keys, values, readings and the tunnel are checks', () => {
  assert.deepEqual(dialect.parseCodes, ['syntax-error']);
  assert.deepEqual(dialect.checks!.map((c) => c.id).sort(), ['ifcfg/duplicates', 'ifcfg/keys', 'ifcfg/readings', 'ifcfg/tunnel', 'ifcfg/values']);
  const f = analyseFile(`${FIXTURES}/ifcfg/ifcfg-tun20`);
  assert.ok(f.findings.length > 8, 'the checks report on the quirks fixture');
  const parsed = dialect.parse(TextDocument.create(f.uri, 'ifcfg', 1, f.file.text), f.r.service.workspace.context());
  assert.deepEqual(parsed.findings, [], 'bash reads the whole file: the parser has nothing to say');
});

test('founding case: GRE6 → ip6gre with iproute2 default encaplimit 4 and the written MTU 1400', () => {
  const f = analyseFile(`${SAMPLES}/founding-case/linux/ifcfg-tun10`);
  assert.deepEqual(f.findings, []);
  assert.equal(f.file.endpoints.length, 1);
  const e = f.file.endpoints[0];
  assert.equal(e.vendor, 'linux');
  assert.equal(e.name, 'tun10');
  assert.equal(e.family?.value, 'ipv6');
  assert.equal(e.local?.value, '2001:db8:a::1');
  assert.equal(e.remote?.value, '2001:db8:b::1');
  assert.equal(e.tunnel?.kind.value, 'ip6gre');
  assert.equal(e.tunnel?.encapsulation.value, 'gre');
  assert.equal(e.tunnel?.encapLimit?.value, 4);
  assert.equal(e.tunnel?.encapLimit?.source, 'default');
  assert.match(e.tunnel!.encapLimit!.rule!, /iproute2's default 4/);
  assert.equal(e.tunnel?.encapLimit?.range?.start.line, 7, 'points at the TYPE line');
  assert.equal(e.tunnel?.mtu?.value, 1400);
  assert.equal(e.tunnel?.mtu?.source, 'written', 'the sample matches the router\'s ip mtu 1400');
  assert.deepEqual(e.tunnel?.innerAddresses.map((a) => a.value), ['10.10.10.1']);
  assert.equal(e.range.start.line, 4, 'the DEVICE line defines it');
});

test('quirks: each line read differently by bash and NetworkManager gets a finding', () => {
  const f = analyseFile(`${FIXTURES}/ifcfg/ifcfg-tun20`);
  const tree = f.file.tree as IfcfgTree;
  // PEER_OUTER_IPADDR="…": both readers agree, no finding
  assert.deepEqual(f.onLine(4), []);
  assert.equal(tree.last.get('PEER_OUTER_IPADDR')?.value, '2001:db8:b::1');
  // ONBOOT=on: initscripts yes, NM does not know "on"
  assert.match(f.onLine(6)[0].message, /NetworkManager does not accept "on"/);
  // ENCAP_LIMIT and IKEY do not exist, with what to do instead
  assert.deepEqual(f.onLine(7).map((x) => [x.code, x.severity]), [['unknown-keyword', 'warning']]);
  assert.match(f.onLine(7)[0].message, /does not exist.*ifup-local.*encaplimit none.*EncapsulationLimit=none.*flags=1/);
  assert.match(f.onLine(8)[0].message, /only KEY/);
  // own variables: hint with did-you-mean
  assert.equal(f.onLine(9)[0].severity, 'hint');
  assert.match(f.onLine(9)[0].message, /Did you mean MTU\?/);
  assert.equal(f.onLine(14)[0].severity, 'hint');
  // export: NM ignores the line, bash sets the variable
  assert.match(f.onLine(10)[0].message, /NetworkManager ignores this line.*sets NM_CONTROLLED/);
  // $DEVICE: bash expands, NM keeps it literally
  assert.match(f.onLine(11)[0].message, /bash\) reads NAME as "tun20" but NetworkManager reads "\$DEVICE"/);
  // TTL out of range
  assert.deepEqual(f.onLine(12).map((x) => x.code), ['invalid-value']);
  // LANG=C ls: bash would run a command; nothing is run
  assert.ok(f.onLine(13).some((x) => /bash runs the command `ls`.*only reaches that command's environment.*never runs it/.test(x.message)));
  // the endpoint: IPIP6 → ip6tnl ipip6, normalized address, default 4, 1452
  const e = f.file.endpoints[0];
  assert.equal(e.local?.value, '2001:db8:a::1');
  assert.equal(e.tunnel?.kind.value, 'ip6tnl');
  assert.equal(e.tunnel?.encapsulation.value, 'ipip6');
  assert.equal(e.tunnel?.encapLimit?.value, 4);
  assert.equal(e.tunnel?.mtu?.value, 1452);
  assert.deepEqual(e.tunnel?.innerAddresses.map((a) => a.value), ['10.20.20.1/30']);
});

test('invalid values: fallback device, outer family, GRE key, MTU', () => {
  const f = analyseFile(`${FIXTURES}/ifcfg/ifcfg-v4bad`);
  assert.match(f.onLine(0)[0].message, /fallback tunnel device/);
  assert.match(f.onLine(2)[0].message, /over IPv6, but MY_OUTER_IPADDR is an IPv4 address/);
  assert.match(f.onLine(4)[0].message, /KEY must be a number/);
  assert.match(f.onLine(5)[0].message, /MTU must be a number/);
  assert.ok(f.findings.every((x) => x.code === 'invalid-value' && x.severity === 'error'));
  assert.equal(f.file.endpoints[0].local, undefined, 'a wrong-family address is not used');
  assert.equal(f.file.endpoints[0].tunnel?.mtu?.value, 1448, 'an invalid MTU leaves the kernel default');
});

test('the tunnel check: no remote address, a GRE key on a tunnel without GRE', () => {
  const f = analyseText('DEVICE=t\n<|TYPE|>=IPIP6\n<|KEY|>=5\n', '/x/ifcfg-t');
  expectFinding(f.r, 'invalid-value', f.marks!.ranges[0]);
  assert.match(f.onLine(1)[0].message, /TYPE=IPIP6 without PEER_OUTER_IPADDR/);
  expectFinding(f.r, 'invalid-value', f.marks!.ranges[1]);
  assert.match(f.onLine(2)[0].message, /KEY is a GRE key; TYPE=IPIP6 has no GRE header/);
  assert.equal(f.file.endpoints[0].tunnel?.greKey?.value, 5, 'the model keeps what ifup-tunnel passes');
});

test('a non-tunnel ifcfg has no endpoint and no findings', () => {
  const f = analyseFile(`${FIXTURES}/ifcfg/ifcfg-eth0`);
  assert.deepEqual(f.findings, []);
  assert.deepEqual(f.file.endpoints, []);
  assert.deepEqual(f.file.symbols.map((s) => s.name), ['TYPE', 'DEVICE', 'ONBOOT', 'BOOTPROTO']);
});

test('bad quoting: NM rejects, bash reads; an unterminated quote is the parser\'s own syntax error', () => {
  const f = analyseText('DEVICE=tun1\nNAME="a $b"\nX=<|\'|>unterminated\n');
  assert.ok(f.onLine(1).some((x) => /NetworkManager rejects this value.*`\$` or a backquote/.test(x.message)));
  const bash = expectFinding(f.r, 'syntax-error', f.marks!.ranges[0]);
  assert.equal(bash.severity, 'error');
  assert.match(bash.message, /bash \(initscripts sources this file\) fails here: unterminated single quote/);
  const parsed = dialect.parse(TextDocument.create(f.uri, 'ifcfg', 1, f.file.text), f.r.service.workspace.context());
  assert.deepEqual(parsed.findings, [bash], 'the parser reports only what bash cannot read');
});

test('duplicate keys: the last wins, the earlier one is flagged', () => {
  const f = analyseText('TYPE=GRE6\nDEVICE=tun1\n<|MTU|>=1400\nMTU=1300\nPEER_OUTER_IPADDR=2001:db8::2\n');
  expectFinding(f.r, 'duplicate-key', f.marks!.ranges[0]);
  assert.equal(f.file.endpoints[0].tunnel?.mtu?.value, 1300);
  assert.equal(f.file.endpoints[0].tunnel?.mtu?.source, 'written');
  assert.equal(f.file.endpoints[0].name, 'tun1');
});

test('the device name falls back to the file name', () => {
  const f = analyseText('TYPE=GRE\nMY_OUTER_IPADDR=192.0.2.1\nPEER_OUTER_IPADDR=192.0.2.2\nKEY=7\n', '/x/ifcfg-gre7');
  const e = f.file.endpoints[0];
  assert.equal(e.name, 'gre7');
  assert.equal(e.tunnel?.kind.value, 'gre');
  assert.equal(e.tunnel?.encapLimit, undefined, 'IPv4 GRE has no encapsulation limit');
  assert.equal(e.tunnel?.greKey?.value, 7);
  assert.equal(e.tunnel?.mtu?.value, 1472, '1500 − 20 − 8 (GRE with key)');
});

test('path MTU setting is the underlay', () => {
  const f = analyseText('TYPE=GRE6\nDEVICE=t\nPEER_OUTER_IPADDR=2001:db8::2\n', '/x/ifcfg-t', { pathMtu: 9000 });
  assert.equal(f.file.endpoints[0].tunnel?.mtu?.value, 9000 - 40 - 4 - 8);
});

test('hover on TYPE shows the effective encaplimit and MTU with reasons', () => {
  const f = analyseText('DEVICE=tun10\nTY<|>PE=GRE6\nPEER_OUTER_IPADDR=2001:db8:b::1\n', '/x/ifcfg-tun10');
  const h = f.hover(f.marks!.positions[0]);
  assert.ok(h);
  assert.match(h, /encapsulation limit 4\*\*: every packet carries an 8-byte IPv6 Destination Options header/);
  assert.match(h, /MTU 1448/);
  assert.match(h, /initscripts 10\.03/);
});

test('completion: keys at line start, values after =', () => {
  const keys = analyseText('DEVICE=tun10\nMY_OU<|>\n');
  assert.ok(keys.complete(keys.marks!.positions[0]).includes('MY_OUTER_IPADDR'));
  const vals = analyseText('TYPE=<|>\n');
  const labels = vals.complete(vals.marks!.positions[0]);
  assert.ok(labels.includes('GRE6') && labels.includes('IPIP6'));
  const bool = analyseText('ONBOOT=<|>\n');
  assert.deepEqual(bool.complete(bool.marks!.positions[0]), ['yes', 'no']);
});

test('symbols: the tunnel interface with its variables', () => {
  const f = analyseFile(`${SAMPLES}/founding-case/linux/ifcfg-tun10`);
  assert.equal(f.file.symbols.length, 1);
  assert.equal(f.file.symbols[0].name, 'tun10');
  assert.equal(f.file.symbols[0].detail, 'ip6gre');
  assert.ok(f.file.symbols[0].children!.some((c) => c.name === 'PEER_OUTER_IPADDR'));
});

test('line ledger: known keys are the model, unknown ones and commands reported, continuations continued', () => {
  const f = analyseText(
    [
      '# a comment', // 0
      'DEVICE=tun1', // 1 known key
      'MY_NOTE=x', // 2 the user's own variable: reported (hint)
      'export FOO', // 3 a declaration without a value: outside
      'export BAR=1', // 4 only bash assigns: reported
      'NAME="two', // 5 known key, a multi-line bash word
      'lines"', // 6 … continued
      'cat <<EOF', // 7 a command bash runs: reported
      'body', // 8 here-document body: continued
      'EOF', // 9
      ';;', // 10 neither reader takes anything: reported
      '',
    ].join('\n'),
  );
  assert.deepEqual(f.lineUse(), ['trivia', 'model', 'unread', 'outside', 'unread', 'model', 'continued', 'unread', 'continued', 'continued', 'unread', 'trivia']);
  for (const line of [2, 4, 7, 10]) assert.ok(f.onLine(line).length > 0, `line ${line} is reported`);
  assert.match(f.onLine(10)[0].message, /Neither reader takes anything from this line/);
  assert.equal(f.onLine(10)[0].code, 'syntax-error');
});
