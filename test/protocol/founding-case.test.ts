// The founding case through the real server over stdio, as Neovim or Emacs would drive it: the
// workspace is indexed from disk, diagnostics are pushed for both peers (open or not) with the
// peer's line as related information, the quick fix is a code action, and editing one peer updates
// the other's diagnostics.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../helpers/lspClient';

const SAMPLE = resolve(__dirname, '../../samples/founding-case');

function workspace(): { dir: string; linux: string; cisco: string; conf: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tl-proto-'));
  cpSync(SAMPLE, dir, { recursive: true });
  return {
    dir,
    linux: `file://${dir}/linux/ifcfg-tun10`,
    cisco: `file://${dir}/cisco/c897va-confg`,
    conf: `file://${dir}/linux/ipsec.conf`,
  };
}

test('diagnostics for both peers, related information into the peer file, and the fix as a code action', async () => {
  const ws = workspace();
  const s = await startServer({ workspaceFolder: ws.dir });
  try {
    const text = readFileSync(new URL(ws.linux), 'utf8');
    const linuxDiags = await s.open(ws.linux, text, 'ifcfg');
    const founding = linuxDiags.find((d) => d.code === 'encaplimit-transport-interop');
    assert.ok(founding, `founding finding on the Linux side: ${JSON.stringify(linuxDiags.map((d) => d.code))}`);
    assert.equal(founding.severity, 1);
    assert.equal(founding.source, 'tunnel-lens');
    assert.ok(founding.relatedInformation?.some((r) => r.location.uri === ws.cisco), 'related information points into the Cisco file');
    assert.deepEqual(linuxDiags.filter((d) => d.code !== 'encaplimit-transport-interop').map((d) => d.message), [], 'nothing that is not true');

    // The router's file is not open, yet its diagnostics are pushed too (the Problems panel shows it).
    const ciscoDiags = s.latest.get(ws.cisco) ?? (await s.diagnostics(ws.cisco));
    assert.ok(ciscoDiags.some((d) => d.code === 'encaplimit-transport-interop'));

    const actions = await s.codeActions(ws.linux, founding.range, [founding]);
    const titles = (actions ?? []).map((a) => ('title' in a ? a.title : ''));
    assert.ok(titles.some((t) => /encaplimit none/.test(t) && /ifup-local/.test(t)), titles.join(' | '));
    assert.ok(titles.some((t) => /tunnel mode \(costs 32 bytes: largest inner packet 1370 instead of 1402\)/.test(t)), titles.join(' | '));

    const hover = await s.hover(ws.linux, founding.range.start);
    assert.ok(hover, 'hover on the TYPE line');
    assert.match(JSON.stringify(hover.contents), /encap/i);
  } finally {
    await s.stop();
  }
});

test('editing the router config to tunnel mode clears the founding finding on the Linux side', async () => {
  const ws = workspace();
  const s = await startServer({ workspaceFolder: ws.dir });
  try {
    const linuxText = readFileSync(new URL(ws.linux), 'utf8');
    await s.open(ws.linux, linuxText, 'ifcfg');
    const confText = readFileSync(new URL(ws.conf), 'utf8');
    await s.open(ws.conf, confText, 'ipsec-conf');
    const ciscoText = readFileSync(new URL(ws.cisco), 'utf8');
    await s.open(ws.cisco, ciscoText, 'cisco-ios');
    const cleared = s.diagnostics(ws.linux, (d) => !d.some((x) => x.code === 'encaplimit-transport-interop'));
    await s.change(ws.conf, 2, confText.replace('type=transport', 'type=tunnel'));
    await s.change(ws.cisco, 2, ciscoText.replace(' mode transport', ' mode tunnel'));
    const after = await cleared;
    // Tunnel mode costs 32 bytes: the MTU of 1400 written on the tunnel no longer fits (1370 does).
    assert.deepEqual(after.map((d) => d.code), ['mtu-exceeds-path']);
    assert.match(String(after[0].message), /fit a 1500-byte path: set it to 1370/);
  } finally {
    await s.stop();
  }
});

test('document symbols, folding, completion and go to definition on ipsec.conf', async () => {
  const s = await startServer();
  try {
    const uri = 'file:///tmp/tl-proto-sym/ipsec.conf';
    const text = '# tunnel-lens: libreswan 4.10\nconn base\n\tauthby=secret\n\nconn a\n\talso=base\n\tleft=192.0.2.1\n\tright=198.51.100.2\n\tauto=add\n';
    const diags = await s.open(uri, text, 'ipsec-conf');
    assert.deepEqual(diags.filter((d) => d.severity === 1), []);
    const symbols = (await s.symbols(uri)) as { name: string }[];
    assert.deepEqual(symbols.map((x) => x.name).filter((n) => n === 'base' || n === 'a'), ['base', 'a']);
    const folds = await s.folding(uri);
    assert.ok((folds ?? []).some((f) => f.startLine === 4), JSON.stringify(folds));
    const def = (await s.definition(uri, { line: 5, character: 7 })) as { range: { start: { line: number } } }[];
    assert.equal(def[0].range.start.line, 1);
    const items = await s.completion(uri, { line: 8, character: 1 });
    const labels = (Array.isArray(items) ? items : (items?.items ?? [])).map((i) => i.label);
    assert.ok(labels.includes('ikelifetime') && labels.includes('type'), labels.slice(0, 20).join(','));
  } finally {
    await s.stop();
  }
});

test('a file created on disk (not open) is indexed from the watcher event: the ifup-local fix clears the finding', async () => {
  const { writeFileSync } = await import('node:fs');
  const { DidChangeWatchedFilesNotification } = await import('vscode-languageserver-protocol/node');
  const ws = workspace();
  const s = await startServer({ workspaceFolder: ws.dir });
  try {
    const text = readFileSync(new URL(ws.linux), 'utf8');
    const before = await s.open(ws.linux, text, 'ifcfg');
    assert.ok(before.some((d) => d.code === 'encaplimit-transport-interop'));
    const script = `${ws.dir}/linux/ifup-local`;
    writeFileSync(script, '#!/bin/bash\nif [ "$1" = "tun10" ]; then\n    ip link set dev tun10 type ip6gre encaplimit none\n    ip link set dev tun10 mtu 1400\nfi\n');
    const cleared = s.diagnostics(ws.linux, (d) => !d.some((x) => x.code === 'encaplimit-transport-interop'));
    const ciscoClearing = s.diagnostics(ws.cisco, (d) => !d.some((x) => x.code === 'encaplimit-transport-interop'));
    await s.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: `file://${script}`, type: 1 }] });
    assert.deepEqual((await cleared).map((d) => d.code), []);
    const ciscoCleared = await ciscoClearing;
    assert.deepEqual(ciscoCleared, [], 'the router file, not open, is cleared too');
  } finally {
    await s.stop();
  }
});
