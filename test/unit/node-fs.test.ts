// The disk as Tunnel Lens reads it: only regular files, within the size limit by stat (before
// reading), inside the workspace; everything else refused with a reason, in bounded time.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, openSync, closeSync, ftruncateSync, symlinkSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeFileSystem, listFilesRecursively } from '../../server/src/node/nodeFs';
import { pathToUri } from '../../server/src/core/uri';

function sandbox() {
  const root = mkdtempSync(join(tmpdir(), 'tl-fs-'));
  const ws = join(root, 'ws');
  mkdirSync(ws);
  return { root, ws, done: () => rmSync(root, { recursive: true, force: true }) };
}

test('a regular file is read (a UTF-8 byte order mark dropped); a folder and a missing file are not', () => {
  const s = sandbox();
  try {
    writeFileSync(join(s.ws, 'ipsec.conf'), '\ufeffconn a\n');
    const fs = createNodeFileSystem({ maxBytes: () => 1000, roots: () => [s.ws] });
    assert.equal(fs.readFile(pathToUri(join(s.ws, 'ipsec.conf'))), 'conn a\n');
    assert.equal(fs.readFile(pathToUri(s.ws)), undefined);
    assert.equal(fs.unreadReason!(pathToUri(s.ws))?.reason, 'directory');
    assert.equal(fs.readFile(pathToUri(join(s.ws, 'nope'))), undefined);
    assert.equal(fs.unreadReason!(pathToUri(join(s.ws, 'nope')))?.reason, 'missing');
  } finally {
    s.done();
  }
});

test('a FIFO is refused without being opened (opening it would block forever)', () => {
  const s = sandbox();
  try {
    const fifo = join(s.ws, 'ipsec.conf');
    execFileSync('mkfifo', [fifo]);
    const fs = createNodeFileSystem({ maxBytes: () => 1000 });
    assert.equal(fs.readFile(pathToUri(fifo)), undefined);
    assert.deepEqual(fs.unreadReason!(pathToUri(fifo)), { reason: 'not-regular', what: 'a FIFO' });
    assert.ok(listFilesRecursively(s.ws).includes(fifo), 'listed, so the reader can say it skipped it');
  } finally {
    s.done();
  }
});

test('/dev/zero and a symlink to it are refused; /proc files are read within the limit', () => {
  const s = sandbox();
  try {
    const fs = createNodeFileSystem({ maxBytes: () => 4096 });
    assert.equal(fs.readFile('file:///dev/zero'), undefined);
    assert.equal(fs.unreadReason!('file:///dev/zero')?.what, 'a character device');
    symlinkSync('/dev/zero', join(s.ws, 'ipsec.secrets'));
    assert.equal(fs.readFile(pathToUri(join(s.ws, 'ipsec.secrets'))), undefined);
    // /proc files say size 0 but have content: the read is bounded by the limit, not by stat.
    const self = fs.readFile('file:///proc/self/status');
    assert.ok(self === undefined || self.length <= 4096);
  } finally {
    s.done();
  }
});

test('a file over the limit is refused from stat, before reading (a 1 GB sparse file costs nothing)', () => {
  const s = sandbox();
  try {
    const big = join(s.ws, 'router-confg');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 1024 * 1024 * 1024);
    closeSync(fd);
    const fs = createNodeFileSystem({ maxBytes: () => 20 * 1024 * 1024 });
    const before = process.memoryUsage().rss;
    assert.equal(fs.readFile(pathToUri(big)), undefined);
    assert.deepEqual(fs.unreadReason!(pathToUri(big)), { reason: 'too-large', size: 1024 * 1024 * 1024 });
    assert.ok(process.memoryUsage().rss - before < 100 * 1024 * 1024, 'not read into memory');
  } finally {
    s.done();
  }
});

test('nothing outside the workspace roots is read, through a symlink or a path; a symlink loop is refused', () => {
  const s = sandbox();
  try {
    const outside = join(s.root, 'shadow');
    writeFileSync(outside, 'root:$6$secret:19000:0:99999:7:::\n');
    symlinkSync(outside, join(s.ws, 'ipsec.conf'));
    symlinkSync(join(s.ws, 'loop-a'), join(s.ws, 'loop-b'));
    symlinkSync(join(s.ws, 'loop-b'), join(s.ws, 'loop-a'));
    const fs = createNodeFileSystem({ maxBytes: () => 1000, roots: () => [s.ws] });
    assert.equal(fs.readFile(pathToUri(join(s.ws, 'ipsec.conf'))), undefined);
    assert.equal(fs.unreadReason!(pathToUri(join(s.ws, 'ipsec.conf')))?.reason, 'outside-workspace');
    assert.equal(fs.readFile(pathToUri(outside)), undefined);
    assert.equal(fs.readFile(pathToUri(join(s.ws, 'loop-a'))), undefined);
    assert.deepEqual(fs.unreadReason!(pathToUri(join(s.ws, 'loop-a'))), { reason: 'unreadable', what: 'a symlink loop' });
    // A symlink inside the workspace to a file inside it is read.
    writeFileSync(join(s.ws, 'real.conf'), 'conn x\n');
    symlinkSync(join(s.ws, 'real.conf'), join(s.ws, 'link.conf'));
    assert.equal(fs.readFile(pathToUri(join(s.ws, 'link.conf'))), 'conn x\n');
    const listed = listFilesRecursively(s.ws);
    assert.ok(listed.includes(join(s.ws, 'loop-a')) && listed.includes(join(s.ws, 'link.conf')));
  } finally {
    s.done();
  }
});
