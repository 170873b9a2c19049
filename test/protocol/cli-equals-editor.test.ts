// `tunnel-lens check FOLDER` gives the same findings as the editor (issue #5): the same engine, the
// same workspace, compared finding by finding on a deployment with several kinds of finding.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../helpers/lspClient';
import { runCli } from '../helpers/cli';

const CASES = ['founding-case', 'pairs/pfs-mismatch/libreswan-ios', 'pairs/ipsec-mode-mismatch/libreswan-ios-require'];

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesBelow(join(dir, n)) : [join(dir, n)]));
}

for (const name of CASES) {
  test(`CLI and server agree on samples/${name}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-eq-'));
    cpSync(resolve(__dirname, '../../samples', name), dir, { recursive: true });
    const cli = JSON.parse(runCli(['check', '--format', 'json', dir]).stdout) as { findings: { file: string; code: string; message: string; range: { start: { line: number } } }[] };
    const fromCli = cli.findings.map((f) => `${f.file.slice(dir.length)}:${f.range.start.line} ${f.code} ${f.message}`).sort();
    assert.ok(fromCli.length > 0, 'the case has findings');

    const s = await startServer({ workspaceFolder: dir });
    try {
      const fromServer: string[] = [];
      for (const file of filesBelow(dir).filter((f) => !f.endsWith('.json'))) {
        const uri = `file://${file}`;
        const lang = file.endsWith('ipsec.conf') ? 'ipsec-conf' : file.endsWith('ipsec.secrets') ? 'ipsec-secrets' : file.includes('ifcfg-') ? 'ifcfg' : file.endsWith('-confg') ? 'cisco-ios' : 'plaintext';
        const diags = await s.open(uri, readFileSync(file, 'utf8'), lang);
        for (const d of diags) fromServer.push(`${file.slice(dir.length)}:${d.range.start.line} ${d.code} ${d.message}`);
      }
      assert.deepEqual([...new Set(fromServer)].sort(), fromCli);
    } finally {
      await s.stop();
    }
  });
}
