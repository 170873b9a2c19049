// The CLI's contract for bad calls: one clear line on stderr, exit 2, never a stack trace.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, runCliUnprivileged } from '../helpers/cli';

function assertUsageError(args: string[], pattern: RegExp) {
  const r = runCli(args);
  assert.equal(r.code, 2, `exit status for ${args.join(' ')}: ${r.stderr}`);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line: ${r.stderr}`);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(r.stderr, /\bat \S+ \(|Error:|node:internal/, 'no stack trace');
}

test('usage and I/O errors exit 2 with one line', () => {
  assertUsageError([], /no command given/);
  assertUsageError(['frobnicate'], /unknown command 'frobnicate'/);
  assertUsageError(['check'], /no PATH given/);
  assertUsageError(['check', '/nonexistent/path'], /no such file or folder/);
  assertUsageError(['check', '--format', 'xml', 'samples'], /--format must be one of text, json, sarif/);
  assertUsageError(['check', '--bogus', 'samples'], /unknown option --bogus/);
  assertUsageError(['check', '--libreswan'], /needs a value/);
  assertUsageError(['check', '--libreswan', 'latest', 'samples'], /--libreswan takes a Libreswan version such as 4\.10 \(known: 3\.25 to 5\.4\)/);
  assertUsageError(['check', '--ios', 'banana', 'samples'], /--ios takes a Cisco IOS \/ IOS-XE version such as 15\.7/);
  assertUsageError(['help', 'frobnicate'], /no command 'frobnicate'/);
  assertUsageError(['check', '--path-mtu', '12', 'samples'], /--path-mtu/);
  assertUsageError(['endpoints', '--format', 'sarif', 'samples'], /--format must be one of text, json/);
  assertUsageError(['decode', '/nonexistent.pcap'], /nonexistent/);
});

test('a file no dialect reads is a usage error; an unreadable one an I/O error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-cli-'));
  const png = join(dir, 'picture.png');
  writeFileSync(png, 'not a config');
  assertUsageError(['check', png], /not a file Tunnel Lens reads/);
  // Root reads any file whatever its mode: the permission case runs as an unprivileged user.
  chmodSync(dir, 0o755);
  const secret = join(dir, 'ipsec.conf');
  writeFileSync(secret, 'conn a\n');
  chmodSync(secret, 0);
  const r = runCliUnprivileged(['check', secret]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr.trim(), /^tunnel-lens check: \S+ipsec\.conf: cannot be read \(permission denied\)$/);
  // In a folder, an unreadable config is a finding, not silence.
  const r2 = runCliUnprivileged(['check', dir]);
  assert.match(r2.stdout, /ipsec\.conf:1:1: warning \[file-unreadable\] Not read: it cannot be read \(permission denied\)/);
});

test('special files: a FIFO or a device given as PATH is one line and exit 2, never a hang; in a folder, a finding', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-cli-'));
  const fifo = join(dir, 'ipsec.conf');
  execFileSync('mkfifo', [fifo]);
  assertUsageError(['check', fifo], /ipsec\.conf: a FIFO, not a regular file; not read/);
  assertUsageError(['check', '/dev/zero'], /\/dev\/zero: a character device, not a regular file; not read/);
  const r = runCli(['check', dir]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /ipsec\.conf:1:1: warning \[file-unreadable\] Not read: it is not a regular file \(a FIFO\)/);
  assert.match(r.stdout, /1 file\(s\) checked/);
});

test('help CMD and CMD --help print the command\'s options and an example; an unknown version is read as the nearest known one, said on stderr', () => {
  for (const cmd of ['check', 'fix', 'endpoints', 'layout', 'decode']) {
    const a = runCli(['help', cmd]);
    const b = runCli([cmd, '--help']);
    assert.equal(a.code, 0);
    assert.equal(a.stdout, b.stdout);
    assert.match(a.stdout, new RegExp(`^tunnel-lens ${cmd} `));
    assert.match(a.stdout, /Example/);
  }
  assert.match(runCli(['help', 'decode']).stdout, /--sa SPI:ENC:KEY\[:INTEG:KEY\] +SPI as 0x1001[^\n]*aes-cbc-128/);
  const r = runCli(['check', '--libreswan', '9.9', 'samples/founding-case']);
  assert.match(r.stderr, /--libreswan 9\.9 is not a Libreswan release Tunnel Lens knows \(3\.25 to 5\.4\): the rules of 5\.4 apply/);
});

test('--help prints the usage and exits 0', () => {
  const r = runCli(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /tunnel-lens check/);
  assert.match(r.stdout, /tunnel-lens decode/);
});
