// The CLI's contract for bad calls: one clear line on stderr, exit 2, never a stack trace.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';

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
  assertUsageError(['check', '--libreswan', 'latest', 'samples'], /takes a version/);
  assertUsageError(['check', '--path-mtu', '12', 'samples'], /--path-mtu/);
  assertUsageError(['endpoints', '--format', 'sarif', 'samples'], /--format must be one of text, json/);
  assertUsageError(['decode', '/nonexistent.pcap'], /nonexistent/);
});

test('a file no dialect reads is a usage error; an unreadable one an I/O error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-cli-'));
  const png = join(dir, 'picture.png');
  writeFileSync(png, 'not a config');
  assertUsageError(['check', png], /not a file Tunnel Lens reads/);
  if (process.getuid?.() !== 0) {
    const secret = join(dir, 'ipsec.conf');
    writeFileSync(secret, 'conn a\n');
    chmodSync(secret, 0);
    assertUsageError(['check', secret], /cannot be read/);
  }
});

test('--help prints the usage and exits 0', () => {
  const r = runCli(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /tunnel-lens check/);
  assert.match(r.stdout, /tunnel-lens decode/);
});
