// A hostile or simply odd workspace, through the real CLI (dist/cli.js): every case ends within a
// bounded time with a finding or one clear line, reads no more than the size limit, prints nothing
// of what it must not read, and executes nothing. Figures (time, peak RSS) go to the test output.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CLI_JS } from '../helpers/cli';

const PRELOAD = resolve(__dirname, '../helpers/reportMaxRss.cjs');
const TIME_LIMIT_MS = 60_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  maxRssMb: number;
}

function cli(args: string[], opts: { unprivileged?: boolean } = {}): Run {
  const node = [process.execPath, '--require', PRELOAD, CLI_JS, ...args];
  const [cmd, ...rest] = opts.unprivileged && process.getuid?.() === 0 ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', ...node] : node;
  const t0 = performance.now();
  const r = spawnSync(cmd, rest, { encoding: 'utf8', timeout: TIME_LIMIT_MS, maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t0;
  assert.equal(r.signal, null, `${args.join(' ')}: killed (${r.signal}) after ${ms.toFixed(0)} ms — a hang`);
  const rss = /MAXRSS_KB (\d+)/.exec(r.stderr);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.replace(/\nMAXRSS_KB \d+\n/, ''), ms, maxRssMb: rss ? Number(rss[1]) / 1024 : NaN };
}

function workspace(): string {
  const d = mkdtempSync(join(tmpdir(), 'tl-hostile-'));
  chmodSync(d, 0o755);
  return d;
}

const figures: string[] = [];
const note = (name: string, r: Run) => figures.push(`${name}: exit ${r.code}, ${r.ms.toFixed(0)} ms, peak RSS ${r.maxRssMb.toFixed(0)} MB`);
const noStack = (r: Run) => assert.doesNotMatch(r.stderr, /\bat \S+ \(|node:internal|Error: /, r.stderr);
const oneLine = (r: Run) => assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);

test('a FIFO: in the workspace (a finding), as the PATH (one line), as an include target and as tunnel-lens.json (no hang)', () => {
  const d = workspace();
  mkdirSync(join(d, 'site'));
  execFileSync('mkfifo', [join(d, 'site', 'ipsec.secrets')]);
  execFileSync('mkfifo', [join(d, 'tunnel-lens.json')]);
  execFileSync('mkfifo', [join(d, 'site', 'fifo.conf')]);
  writeFileSync(join(d, 'site', 'ipsec.conf'), 'include fifo.conf\nconn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n');
  const r = cli(['check', d]);
  note('FIFO in the workspace', r);
  assert.match(r.stdout, /ipsec\.secrets:1:1: warning \[file-unreadable\] Not read: it is not a regular file \(a FIFO\)/);
  noStack(r);
  const p = cli(['check', join(d, 'site', 'ipsec.secrets')]);
  assert.equal(p.code, 2);
  oneLine(p);
  assert.match(p.stderr, /a FIFO, not a regular file; not read/);
});

test('/dev/zero and /proc as a PATH, as a symlink in the workspace, and /dev/zero as an include: bounded, no crash', () => {
  const z = cli(['check', '/dev/zero']);
  assert.equal(z.code, 2);
  oneLine(z);
  const d = workspace();
  symlinkSync('/dev/zero', join(d, 'ipsec.conf'));
  symlinkSync('/proc/self', join(d, 'proc'));
  writeFileSync(join(d, 'other.conf'), '# tunnel-lens: libreswan 4.10\ninclude /dev/zero\nconn a\n\tleft=192.0.2.1\n');
  const r = cli(['check', d]);
  note('/dev/zero symlink and include', r);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  assert.match(r.stdout, /ipsec\.conf:1:1: warning \[file-unreadable\]/);
  assert.ok(r.maxRssMb < 400, `peak RSS ${r.maxRssMb} MB`);
  const proc = cli(['check', '/proc/self/']);
  note('/proc/self as PATH', proc);
  assert.ok(proc.code !== null && proc.code <= 2);
  noStack(proc);
});

test('a symlink loop and a symlink to a file outside the workspace: a finding each; the outside file is never shown', () => {
  const d = workspace();
  const outside = mkdtempSync(join(tmpdir(), 'tl-outside-'));
  writeFileSync(join(outside, 'shadow'), 'root:$6$SHADOWMARKER$hash:19000:0:99999:7:::\n');
  symlinkSync(join(outside, 'shadow'), join(d, 'ipsec.conf'));
  symlinkSync(join(d, 'b.secrets'), join(d, 'a.secrets'));
  symlinkSync(join(d, 'a.secrets'), join(d, 'b.secrets'));
  mkdirSync(join(d, 'ipsec.d'));
  symlinkSync(join(d, 'ipsec.d', 'x.secrets'), join(d, 'ipsec.d', 'x.secrets'));
  const r = cli(['check', '--format', 'json', d]);
  note('symlink loop and outside symlink', r);
  assert.doesNotMatch(r.stdout + r.stderr, /SHADOWMARKER/);
  assert.match(r.stdout, /lies outside the workspace/);
  assert.match(r.stdout, /a symlink loop/);
});

test('includes of /etc/shadow and ../ outside the workspace: not read, never shown', () => {
  const d = workspace();
  const outside = mkdtempSync(join(tmpdir(), 'tl-outside-'));
  writeFileSync(join(outside, 'leak.conf'), 'conn leak\n\tleftid=@LEAKMARKER\n\tbogus=LEAKMARKER2\n');
  mkdirSync(join(d, 'etc'));
  writeFileSync(join(d, 'etc', 'ipsec.conf'), `# tunnel-lens: libreswan 4.10\ninclude /etc/shadow\ninclude ../../${outside.split('/').pop()}/leak.conf\ninclude ${outside}/leak.conf\nconn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n`);
  const r = cli(['check', d]);
  note('includes outside the workspace', r);
  assert.doesNotMatch(r.stdout + r.stderr, /LEAKMARKER|root:/);
});

test('a 1 GB sparse file, a 10 MB line, NUL bytes, invalid UTF-8, a BOM, CRLF: findings, bounded memory', () => {
  const d = workspace();
  const fd = openSync(join(d, 'big-confg'), 'w');
  ftruncateSync(fd, 1024 * 1024 * 1024);
  closeSync(fd);
  writeFileSync(join(d, 'ifcfg-long'), `DEVICE=long\nTYPE=GRE6\nNAME=${'x'.repeat(10 * 1024 * 1024)}\n`);
  writeFileSync(join(d, 'ifcfg-nul'), 'DEVICE=nul\u0000\nTYPE=GRE6\n\u0000\u0000PEER_OUTER_IPADDR=2001:db8::1\n');
  writeFileSync(join(d, 'ifcfg-utf8'), Buffer.concat([Buffer.from('DEVICE=bad\nNAME='), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('\n')]));
  writeFileSync(join(d, 'ifcfg-bom'), '\ufeffDEVICE=bom\r\nTYPE=GRE6\r\nPEER_OUTER_IPADDR=2001:db8::9\r\n');
  const r = cli(['check', '--format', 'json', d]);
  note('1 GB sparse, 10 MB line, NUL, bad UTF-8, BOM, CRLF', r);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const out = JSON.parse(r.stdout) as { findings: { code: string; file: string; message: string }[] };
  assert.ok(out.findings.some((f) => f.code === 'file-too-large' && f.file.endsWith('big-confg')));
  assert.ok(out.findings.every((f) => f.message.length < 2000), 'no 10 MB message');
  assert.ok(!out.findings.some((f) => f.file.endsWith('ifcfg-bom') && f.code === 'unknown-keyword'), 'a BOM is not part of the first key');
  assert.ok(r.maxRssMb < 600, `peak RSS ${r.maxRssMb} MB`);
});

test('ANSI escapes and control characters in a file never reach the terminal', () => {
  const d = workspace();
  writeFileSync(join(d, 'ipsec.conf'), '# tunnel-lens: libreswan 4.10\nconn a\n\tleft=192.0.2.1\n\tbogus\u001b[2J\u001b]0;pwned\u0007=1\n\ttype=tun\u009bel\n');
  const r = cli(['check', d]);
  assert.doesNotMatch(r.stdout + r.stderr, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
});

test('also= chains 10,000 deep, an also= diamond, include *.conf fan-out, a 1,000,000-line file: bounded', () => {
  const d = workspace();
  const chain = ['# tunnel-lens: libreswan 4.10'];
  for (let i = 0; i < 10_000; i++) chain.push(`conn c${i}\n\talso=c${i + 1}\n`);
  chain.push('conn c10000\n\tleft=192.0.2.1\n');
  mkdirSync(join(d, 'chain'));
  writeFileSync(join(d, 'chain', 'ipsec.conf'), chain.join('\n'));
  const diamond = ['# tunnel-lens: libreswan 4.10', 'conn w0\n\tleft=192.0.2.1\n', 'conn w1\n\talso=w0\n'];
  for (let i = 2; i < 60; i++) diamond.push(`conn w${i}\n\talso=w${i - 1}\n\talso=w${i - 2}\n`);
  mkdirSync(join(d, 'diamond'));
  writeFileSync(join(d, 'diamond', 'ipsec.conf'), diamond.join('\n'));
  mkdirSync(join(d, 'fanout'));
  for (let i = 0; i < 9; i++) writeFileSync(join(d, 'fanout', `f${i}.conf`), 'include *.conf\n');
  writeFileSync(join(d, 'fanout', 'ipsec.conf'), 'include *.conf\n');
  mkdirSync(join(d, 'million'));
  writeFileSync(join(d, 'million', 'r1-confg'), '!\n'.repeat(1_000_000));
  const r = cli(['check', d]);
  note('also= chain, diamond, fan-out, 1M lines', r);
  assert.ok(r.code === 0 || r.code === 1, r.stderr.slice(0, 500));
  noStack(r);
  assert.ok(r.maxRssMb < 1500, `peak RSS ${r.maxRssMb} MB`);
});

test('$(…) and backticks in every shell-read value are never executed', () => {
  const d = workspace();
  const marker = join(d, 'EXECUTED');
  const cmd = `$(touch ${marker})`;
  const tick = `\`touch ${marker}\``;
  writeFileSync(join(d, 'ifcfg-tun10'), `DEVICE="${cmd}"\nTYPE=GRE6\nMY_OUTER_IPADDR=${tick}\nPEER_OUTER_IPADDR="$(touch ${marker})"\nNAME=${tick}\n`);
  writeFileSync(join(d, 'ifup-local'), `#!/bin/sh\nDEV=${cmd}\nip link add $DEV type ip6gre local ${tick} remote "$(touch ${marker})"\nip -6 tunnel change ${cmd} encaplimit ${tick}\n`);
  writeFileSync(join(d, 'tun10.nmconnection'), `[connection]\nid=${cmd}\ntype=ip-tunnel\n[ip-tunnel]\nmode=ip6gre\nremote=${tick}\n`);
  writeFileSync(join(d, 'ipsec.conf'), `conn a\n\tleft=${cmd}\n\tleftupdown=${tick}\n\tright=%any\n`);
  const r = cli(['check', d]);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const e = cli(['endpoints', d]);
  assert.ok(e.code === 0 || e.code === 1, e.stderr);
  assert.equal(existsSync(marker), false, 'something in a file was executed');
});

test('a file unreadable for permission: a finding (run as an unprivileged user; root reads everything)', () => {
  const d = workspace();
  writeFileSync(join(d, 'ipsec.conf'), 'conn a\n\tleft=192.0.2.1\n');
  chmodSync(join(d, 'ipsec.conf'), 0);
  const r = cli(['check', d], { unprivileged: true });
  assert.match(r.stdout, /ipsec\.conf:1:1: warning \[file-unreadable\] Not read: it cannot be read \(permission denied\)/);
});

test('a folder given as a file, and a file given where a folder is expected: one clear line or a normal run', () => {
  const d = workspace();
  mkdirSync(join(d, 'ipsec.conf'));
  const r = cli(['check', join(d, 'ipsec.conf')]);
  assert.ok(r.code === 0 || r.code === 1 || r.code === 2);
  noStack(r);
  const l = cli(['layout', `${join(d, 'ipsec.conf')}:3`]);
  assert.equal(l.code, 2);
  oneLine(l);
});

test('figures', (t) => {
  for (const f of figures) t.diagnostic(f);
});
