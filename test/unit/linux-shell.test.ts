// Shell scripts: only `ip` commands are read, their arguments are checked with iproute2's meaning,
// and what they do to tunnel devices becomes endpoints (creators, or partial changes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dialect } from '../../server/src/languages/shellscript';
import { IP_OBJECT_READERS } from '../../server/src/languages/shared/ip';
import { lexShell, wordValue } from '../../server/src/languages/shared/shellLexer';
import { isPartialLinuxEndpoint, ANY_IFUP_DEVICE } from '../../server/src/model/linuxTunnels';
import { expectFinding } from '../helpers/analyse';
import { costRatio } from '../helpers/growth';
import { FIXTURES, SAMPLES, analyseFile, analyseInFolder, analyseText } from './linux-helpers';

const S = `${FIXTURES}/script`;

test('matches shell scripts and ifup-local hooks', () => {
  assert.ok(dialect.matches('/sbin/ifup-local', ''));
  assert.ok(dialect.matches('/x/setup.sh', ''));
  assert.ok(dialect.matches('/x/setup', '#!/bin/bash\n'));
  assert.ok(!dialect.matches('/x/notes.txt', 'hello'));
});

test('the lexer quotes like bash and never expands substitutions', () => {
  const l = lexShell('A="x $B" C=\'$D\' ip link set "$1" type ip6gre `rm -rf /` $(reboot) # c\nnext line\\\n  continued');
  assert.equal(l.commands.length, 2);
  const w = l.commands[0].words;
  assert.equal(w[0].assign?.name, 'A');
  assert.equal(wordValue(w[0].assign!.parts, new Map([['B', 'b']])), 'x b');
  assert.equal(wordValue(w[1].assign!.parts), '$D');
  assert.equal(w.length, 10, 'the comment is not a word');
  assert.equal(wordValue(w[8].parts), undefined, 'backquotes stay dynamic');
  assert.equal(wordValue(w[9].parts), undefined, 'command substitution stays dynamic');
  assert.deepEqual(l.commands[1].words.map((x) => wordValue(x.parts)), ['next', 'line', 'continued'], 'line continuation joins');
});

test('the lexer: redirections drop their fd and target, here-document bodies are no commands', () => {
  const text = 'A=1 2>err B=2 cmd x >out\ncat <<-EOF\n\tip link add bogus type ip6gre\n\tEOF\nip a ;; echo "unterminated';
  const l = lexShell(text);
  assert.deepEqual(l.commands.map((c) => c.words.map((x) => x.raw)), [['A=1', 'B=2', 'cmd', 'x'], ['cat'], ['ip', 'a'], ['echo', '"unterminated']]);
  assert.equal(l.commands[0].words[1].assign?.name, 'B', 'a redirection between assignments keeps the next word an assignment');
  assert.deepEqual(l.heredocs.map((h) => text.slice(h.start, h.end)), ['\tip link add bogus type ip6gre\n\tEOF\n']);
  assert.deepEqual(l.syntax.map((s) => text.slice(s.start, s.end)), ['2', '>', 'err', '>', 'out', '<<-EOF', ';;']);
  assert.deepEqual(l.errors.map((e) => e.message), ['unterminated double quote']);
});

test('the lexer is linear on a long run of assignment words (the assignment test once rescanned them all)', () => {
  const r = costRatio(() => lexShell('a=1 '.repeat(40_000)), () => lexShell('ab  '.repeat(40_000)));
  assert.ok(r.ratio < 5, `assignments cost ${r.ratio.toFixed(1)} times plain words (${r.a.toFixed(0)} vs ${r.b.toFixed(0)} ms)`);
});

test('ip objects dispatch through one table; the parser reports nothing itself', () => {
  assert.deepEqual(Object.keys(IP_OBJECT_READERS).sort(), ['address', 'link', 'tunnel', 'xfrm']);
  assert.deepEqual(dialect.parseCodes, []);
  assert.deepEqual(dialect.checks!.map((c) => c.id).sort(), ['shellscript/ioctl-on-ip6gre', 'shellscript/ip-arguments']);
});

test('unrelated shell gets no findings and no endpoints', () => {
  const f = analyseFile(`${S}/standalone/unrelated.sh`);
  assert.deepEqual(f.findings, []);
  assert.deepEqual(f.file.endpoints, []);
});

test('a script that creates tunnels: ip link add / ip -6 tunnel add, then changes them', () => {
  const f = analyseFile(`${S}/standalone/tunnels.sh`);
  assert.equal(f.findings.length, 1);
  assert.equal(f.findings[0].range.start.line, 5);
  assert.match(f.findings[0].message, /`encaplimit 0` still adds the 8-byte Destination Options header/);
  const [t40, t41, t42] = f.file.endpoints;
  assert.equal(t40.name, 'tun40');
  assert.equal(t40.local?.value, '2001:db8:a::1', '$LOCAL resolved from the script');
  assert.equal(t40.remote?.value, '2001:db8:b::1');
  assert.equal(t40.tunnel?.greKey?.value, 5);
  assert.equal(t40.tunnel?.encapLimit?.value, 0);
  assert.equal(t40.tunnel?.encapLimit?.source, 'written');
  assert.equal(t40.tunnel?.mtu?.value, 1400, 'ip link set mtu after creation');
  assert.deepEqual(t40.tunnel?.innerAddresses.map((a) => a.value), ['10.40.40.1/30']);
  assert.ok(!isPartialLinuxEndpoint(t40));
  assert.equal(t41.tunnel?.kind.value, 'ip6tnl');
  assert.equal(t41.tunnel?.encapsulation.value, 'ipip6');
  assert.equal(t41.tunnel?.encapLimit?.value, 4);
  assert.match(t41.tunnel!.encapLimit!.rule!, /ip -6 tunnel add` default encaplimit 4/);
  assert.equal(t41.tunnel?.mtu?.value, 1452);
  assert.equal(t42.tunnel?.encapLimit?.value, 'none', 'continued line read');
  assert.equal(t42.tunnel?.greKey?.value, 7);
  assert.equal(t42.tunnel?.mtu?.value, 1452, '1500 − 40 − 8 (GRE with key), no option');
});

test('bad arguments get invalid-value with the iproute2 meaning', () => {
  const f = analyseFile(`${S}/standalone/bad-args.sh`);
  assert.match(f.onLine(1)[0].message, /does not know tunnel mode "ip6gree"/);
  assert.ok(f.onLine(2).some((x) => /IPv6 outer header; `local 10.0.0.1`/.test(x.message)));
  assert.ok(f.onLine(2).some((x) => /ELIM := \{ none \| 0\.\.255 \}/.test(x.message)));
  assert.deepEqual(f.onLine(3).map((x) => x.message.replace(/;.*/, '')), ['`encaplimit` exists only for ip6gre, ip6gretap and ip6tnl']);
  assert.match(f.onLine(4)[0].message, /Put the tunnel name first/);
  assert.match(f.onLine(5)[0].message, /`key` takes a number/);
  assert.match(f.onLine(6)[0].message, /mode takes transport/);
  assert.match(f.onLine(7)[0].message, /10\.9\.9\.300\/24/);
  assert.ok(f.findings.every((x) => x.code === 'invalid-value'));
});

test('xfrm key material never appears in findings, hovers or symbols', () => {
  const key = '0x00112233445566778899aabbccddeeff';
  const f = analyseText(`ip xfrm state add src 2001:db8:a::1 dst 2001:db8:b::1 proto esp spi 0x100 mode bad enc 'cbc(aes)' 0x0011<|>2233445566778899aabbccddeeff\n`, '/x/xfrm.sh');
  assert.equal(f.findings.length, 1);
  const h = f.hover(f.marks!.positions[0]);
  assert.equal(h, 'Key material: hidden.');
  for (const s of [JSON.stringify(f.findings), JSON.stringify(f.file.symbols), JSON.stringify(f.file.endpoints), h!]) assert.ok(!s.includes(key.slice(2)));
});

test('ifup-local: a guarded "$1" names the device; the change is a partial endpoint', () => {
  const f = analyseInFolder(`${S}/ipip6-fixed/ifup-local`);
  assert.deepEqual(f.findings, []);
  assert.equal(f.file.endpoints.length, 1);
  const e = f.file.endpoints[0];
  assert.equal(e.name, 'tun30');
  assert.ok(isPartialLinuxEndpoint(e));
  assert.equal(e.tunnel?.encapLimit?.value, 'none');
  assert.ok(f.file.dependencies.some((u: string) => u.endsWith('/ifcfg-tun30')), 'the sibling ifcfg is a dependency');
});

test('an unguarded "$1" in ifup-local means every device', () => {
  const f = analyseFile(`${FIXTURES}/tree/host1/sbin/ifup-local`);
  assert.equal(f.file.endpoints[0].tunnel?.device, ANY_IFUP_DEVICE);
  assert.equal(f.file.endpoints[0].tunnel?.mtu?.value, 1400);
});

test('`ip -6 tunnel change … encaplimit none` on an ip6gre tunnel from a sibling ifcfg is flagged', () => {
  const f = analyseInFolder(`${S}/ip6gre-ioctl/ifup-local`);
  assert.equal(f.findings.length, 1);
  assert.equal(f.findings[0].code, 'config-ignored');
  assert.equal(f.findings[0].severity, 'warning');
  assert.deepEqual(f.findings[0].range, { start: { line: 3, character: 45 }, end: { line: 3, character: 49 } }, 'on the value `none`');
  assert.match(f.findings[0].message, /tun10 is ip6gre \(ifcfg-tun10\).*ip link set dev tun10 type ip6gre encaplimit none/);
});

test('the same change after the script itself created the ip6gre device is flagged too; on ip6tnl it is not', () => {
  const gre = analyseText('ip -6 tunnel add tun1 mode ip6gre remote 2001:db8::2\nip -6 tunnel change tun1 encaplimit <|none|>\n', '/x/a.sh');
  assert.match(expectFinding(gre.r, 'config-ignored', gre.marks!.ranges[0]).message, /tun1 is ip6gre \(this script\)/);
  const tnl = analyseText('ip -6 tunnel add tun1 mode ipip6 remote 2001:db8::2\nip -6 tunnel change tun1 encaplimit none\n', '/x/b.sh');
  assert.deepEqual(tnl.findings, []);
  assert.equal(tnl.file.endpoints[0].tunnel?.encapLimit?.value, 'none');
});

test('hover on a change shows the merged result with the sibling ifcfg', () => {
  const f = analyseInFolder(`${SAMPLES}/fixed-by-script/linux/ifup-local`);
  const line = f.file.text.split('\n').findIndex((l: string) => /^\s*ip .*encaplimit none/.test(l));
  const col = f.file.text.split('\n')[line].indexOf('none');
  const h = f.hover({ line, character: col + 1 });
  assert.ok(h);
  assert.match(h, /\*\*encaplimit none\*\*: no Destination Options header/);
  assert.match(h, /After `ifcfg-tun10` created it/);
  assert.match(h, /MTU 1400/);
  assert.match(h, /local `2001:db8:a::1`/);
});

test('completion after ip, after type and after encaplimit', () => {
  const labels = (src: string) => {
    const f = analyseText(src, '/x/a.sh');
    return f.complete(f.marks!.positions[0]);
  };
  assert.ok(labels('ip <|>\n').includes('tunnel'));
  assert.deepEqual(labels('ip link <|>\n'), ['add', 'set', 'delete', 'show']);
  assert.ok(labels('ip link add tun1 type <|>\n').includes('ip6gre'));
  assert.deepEqual(labels('ip link set tun1 type ip6gre encaplimit <|>\n'), ['none', '4']);
  assert.ok(labels('ip link add t type ip6gre <|>\n').includes('encaplimit'));
});

test('symbols list the ip commands', () => {
  const f = analyseFile(`${S}/standalone/tunnels.sh`);
  assert.ok(f.file.symbols.some((s) => s.name === 'ip link add tun40'));
  assert.ok(f.file.symbols.some((s) => s.name === 'ip -6 tunnel add tun41'));
});

test('line ledger: ip commands are the model, other shell outside by rule, continuations continued', () => {
  const f = analyseText(
    [
      '#!/bin/sh', // 0 trivia
      'LOCAL=2001:db8:a::1', // 1 an assignment the ip commands read: model
      'case "$1" in', // 2 not ip: outside
      '  tun10)', // 3 not ip: outside
      '    ip link add tun10 type ip6gre \\', // 4 model
      '      local $LOCAL encaplimit none', // 5 continued
      '    ;;', // 6 shell syntax only: outside
      'esac', // 7 outside
      'ip route add default via 192.0.2.1', // 8 an ip object that makes no tunnel: outside
      'cat <<EOF', // 9 outside
      'ip link add bogus type ip6gre', // 10 here-document body: continued
      'EOF', // 11 continued
      '',
    ].join('\n'),
    '/x/t.sh',
  );
  assert.deepEqual(f.lineUse(), ['trivia', 'model', 'outside', 'outside', 'model', 'continued', 'outside', 'outside', 'outside', 'outside', 'continued', 'continued', 'trivia']);
  assert.equal(f.file.tree.marks.find((m: { from: number }) => m.from === 8).rule, 'ip-object');
  assert.equal(f.file.tree.marks.find((m: { from: number }) => m.from === 7).rule, 'not-ip');
  assert.deepEqual(f.findings, []);
  assert.equal(f.file.endpoints.length, 1, 'the here-document body is not read as a command');
});
