// Include expansion (languages/shared/includes.ts) for ipsec.conf and ipsec.secrets, and also=
// resolution (ipsec-conf/resolve.ts): absolute includes against the workspace's copy of the host's
// root, only a literal include that names nothing is a finding, each file read once per expansion
// within a budget; also= resolved once per conn, without recursion, linear on chains and diamonds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../../server/src/service/languageService';
import { DEFAULT_SETTINGS, type FileSystem, type ParsedFile } from '../../server/src/core/types';
import type { IpsecConfTree } from '../../server/src/languages/ipsec-conf';
import type { SecretsTree } from '../../server/src/languages/ipsec-secrets';
import { INCLUDE_BUDGET } from '../../server/src/languages/shared/includes';
import { MAX_WALK } from '../../server/src/languages/ipsec-conf/resolve';
import { analyse } from '../helpers/analyse';
import { filesOf, memoryFs, readFolder } from '../helpers/memoryFs';
import { growthRatio } from '../helpers/growth';
import { pathToUri } from '../../server/src/core/uri';

const HOSTS = resolve(__dirname, '../fixtures/hosts');
const V410 = { versions: { libreswan: '4.10' } };

/** A service over files in memory that counts every read. */
function counting(files: Record<string, string>) {
  const fs = memoryFs(filesOf(files));
  const reads = new Map<string, number>();
  const counted: FileSystem = { ...fs, readFile: (u) => (reads.set(u, (reads.get(u) ?? 0) + 1), fs.readFile(u)) };
  const service = new LanguageService({ fs: counted, settings: () => ({ ...DEFAULT_SETTINGS, versions: { libreswan: '4.10' } }) });
  return { service, reads };
}

test('the stock includes of the real host trees resolve against their own etc/: no "matches no file", the included files are read', () => {
  for (const host of ['debian12-libreswan-ifupdown', 'rhel9-libreswan', 'centos7-ifcfg', 'nm-libreswan-vpn']) {
    const r = analyse(readFolder(resolve(HOSTS, host)), V410);
    for (const name of ['ipsec.conf', 'ipsec.secrets']) {
      const uri = pathToUri(resolve(HOSTS, host, 'etc', name));
      const f = r.service.parse(uri)!;
      assert.ok(f, `${host}/${name}`);
      const bad = r.service.findings(uri).filter((x) => /matches no file|no such file|not followed|cannot read/.test(x.message));
      assert.deepEqual(bad.map((x) => x.message), [], `${host}/etc/${name}`);
      if (!existsSync(resolve(HOSTS, host, 'etc/ipsec.d'))) continue; // (nm-libreswan-vpn has none: the wildcard matches nothing, silently)
      if (name === 'ipsec.conf') {
        const t = f.tree as IpsecConfTree;
        const wildcard = t.includes.find((i) => i.stmt.path === '/etc/ipsec.d/*.conf')!;
        assert.ok(wildcard.targets.some((u) => u.endsWith(`/${host}/etc/ipsec.d/gre6.conf`)), `${host}: ${JSON.stringify(wildcard.targets)}`);
      } else {
        const t = f.tree as SecretsTree;
        assert.ok(t.includes[0].uris.some((u) => u.endsWith(`/${host}/etc/ipsec.d/gre6.secrets`)), host);
        assert.ok(t.entries.some((e) => e.uri.endsWith('gre6.secrets')), `${host}: the included PSK is read`);
      }
    }
  }
  // RHEL's crypto-policies include is followed into the tree's own copy.
  const rhel = analyse(readFolder(resolve(HOSTS, 'rhel9-libreswan')), V410);
  const t = rhel.service.parse(pathToUri(resolve(HOSTS, 'rhel9-libreswan/etc/ipsec.conf')))!.tree as IpsecConfTree;
  assert.ok(t.included.some((c) => c.uri.endsWith('/rhel9-libreswan/etc/crypto-policies/back-ends/libreswan.config')));
});

test('an absolute include with no copy of the host root above the file is not read: an info finding says so', () => {
  const { service, reads } = counting({ '/work/a/ipsec.conf': 'include /etc/ipsec.d/*.conf\ninclude /etc/crypto-policies/back-ends/libreswan.config\nconn a\n\tleft=192.0.2.1\n', '/etc/ipsec.d/x.conf': 'conn leak\n' });
  const uri = 'file:///work/a/ipsec.conf';
  service.workspace.openDocument(TextDocument.create(uri, 'ipsec-conf', 1, 'include /etc/ipsec.d/*.conf\ninclude /etc/crypto-policies/back-ends/libreswan.config\nconn a\n\tleft=192.0.2.1\n'));
  const f = service.findings(uri).filter((x) => x.code === 'undefined-reference');
  assert.deepEqual(f.map((x) => [x.range.start.line, x.severity]), [[0, 'info'], [1, 'info']]);
  assert.ok(f.every((x) => /is not followed/.test(x.message)));
  assert.equal(reads.get('file:///etc/ipsec.d/x.conf'), undefined, 'the real /etc is never read');
  const s = 'file:///work/a/ipsec.secrets';
  service.workspace.openDocument(TextDocument.create(s, 'ipsec-secrets', 1, 'include /etc/ipsec.d/*.secrets\n'));
  assert.deepEqual(service.findings(s).map((x) => [x.code, x.severity]), [['undefined-reference', 'info']]);
});

test('only a literal include that names no file is a finding; a wildcard may match nothing (ipsec.conf and ipsec.secrets)', () => {
  const r = analyse({
    '/h/etc/ipsec.conf': 'include /etc/ipsec.d/*.conf\ninclude /etc/nothere/*.conf\ninclude /etc/ipsec.d/missing.conf\ninclude ipsec.d/*.conf\n',
    '/h/etc/ipsec.secrets': 'include /etc/ipsec.d/*.secrets\ninclude /etc/ipsec.d/missing.secrets\n',
    '/h/etc/hostname': 'h\n',
  }, V410);
  const conf = r.service.findings(r.uri('/h/etc/ipsec.conf')).filter((x) => x.code === 'undefined-reference');
  assert.deepEqual(conf.map((x) => [x.range.start.line, x.severity]), [[2, 'warning']]);
  const sec = r.service.findings(r.uri('/h/etc/ipsec.secrets')).filter((x) => x.code === 'undefined-reference');
  assert.deepEqual(sec.map((x) => [x.range.start.line, x.severity]), [[1, 'warning']]);
});

test('include *.conf fan-out: every file read once per expansion, and the expansion stops at its budget with a finding', () => {
  const files: Record<string, string> = { '/f/ipsec.conf': 'include *.conf\nconn a\n\tleft=192.0.2.1\n' };
  for (let i = 0; i < 9; i++) files[`/f/f${i}.conf`] = `include *.conf\nconn c${i}\n\tleft=192.0.2.1\n`;
  const { service, reads } = counting(files);
  service.workspace.refreshFromDisk('file:///f/ipsec.conf', 'ipsec-conf');
  const f = service.parse('file:///f/ipsec.conf') as ParsedFile<IpsecConfTree>;
  assert.equal(f.tree.included.length, 9, 'each file parsed once');
  for (let i = 0; i < 9; i++) assert.equal(reads.get(`file:///f/f${i}.conf`), 1, `f${i}.conf read once`);
  assert.ok(f.findings.some((x) => /include cycle/.test(x.message)), 'the include of itself is a cycle');
  const many: Record<string, string> = { '/b/ipsec.conf': 'include d/*.conf\n' };
  for (let i = 0; i < INCLUDE_BUDGET.files + 10; i++) many[`/b/d/x${String(i).padStart(4, '0')}.conf`] = `conn x${i}\n\tleft=192.0.2.1\n`;
  const b = counting(many);
  b.service.workspace.refreshFromDisk('file:///b/ipsec.conf', 'ipsec-conf');
  const bf = b.service.parse('file:///b/ipsec.conf') as ParsedFile<IpsecConfTree>;
  assert.equal(bf.tree.included.length, INCLUDE_BUDGET.files);
  const budget = b.service.findings('file:///b/ipsec.conf').filter((x) => /not followed past/.test(x.message));
  assert.equal(budget.length, 1);
  assert.equal(budget[0].severity, 'warning');
  assert.ok([...b.reads.values()].every((n) => n === 1));
});

test('also=: a 10,000-deep chain resolves without recursion, a diamond and a chain cost linear time, cycles are still named', () => {
  const chain = (n: number) => {
    const parts = ['# tunnel-lens: libreswan 4.10'];
    for (let i = 0; i < n; i++) parts.push(`conn c${i}\n\talso=c${i + 1}\n`);
    parts.push(`conn c${n}\n\tleft=192.0.2.1\n\tright=192.0.2.2\n`);
    return parts.join('\n');
  };
  const run = (text: string) => {
    const service = new LanguageService({ fs: memoryFs(), settings: () => DEFAULT_SETTINGS });
    service.workspace.openDocument(TextDocument.create('file:///a/ipsec.conf', 'ipsec-conf', 1, text));
    return service.parse('file:///a/ipsec.conf') as ParsedFile<IpsecConfTree>;
  };
  const deep = run(chain(10_000));
  const c0 = deep.tree.conf.sections.find((s) => s.name === 'c0')!;
  assert.equal(deep.tree.resolved.get(c0)!.fields.get('left')?.value, '192.0.2.1');
  assert.equal(deep.tree.resolved.get(c0)!.via.get('left'), 'also=c10000');
  const diamond = (n: number) => {
    const parts = ['# tunnel-lens: libreswan 4.10', 'conn w0\n\tleft=192.0.2.1\n\ttype=transport\n', 'conn w1\n\talso=w0\n\tright=192.0.2.2\n'];
    for (let i = 2; i < n; i++) parts.push(`conn w${i}\n\talso=w${i - 1}\n\talso=w${i - 2}\n`);
    return parts.join('\n');
  };
  const d = run(diamond(60));
  const top = d.tree.conf.sections.find((s) => s.name === 'w59')!;
  assert.equal(d.tree.resolved.get(top)!.fields.get('type')?.value, 'transport');
  assert.deepEqual(d.tree.resolved.get(top)!.duplicates, [], 'a section reached twice is no duplicate of itself');
  // Four times the input, about four times the work (16× would be quadratic; the old resolver was
  // exponential on the diamond). The bound sits between the two, far from either.
  const chainGrowth = growthRatio((n) => () => run(chain(n)), 1000, 4, 3);
  assert.ok(chainGrowth.ratio < 8, `chain: ${JSON.stringify(chainGrowth)}`);
  const diamondGrowth = growthRatio((n) => () => run(diamond(n)), 200, 4, 3);
  assert.ok(diamondGrowth.ratio < 8, `diamond: ${JSON.stringify(diamondGrowth)}`);
  // A cycle is named on each also= of the loop, with the chain that closes it.
  const cyc = run('# tunnel-lens: libreswan 4.10\nconn a\n\talso=b\nconn b\n\talso=c\nconn c\n\talso=a\n');
  const msgs = cyc.findings.filter((x) => /makes a cycle/.test(x.message)).map((x) => [x.range.start.line, x.message]).sort((x, y) => (x[0] as number) - (y[0] as number));
  assert.deepEqual(msgs, [
    [2, 'also=b makes a cycle: b → c → a → b'],
    [4, 'also=c makes a cycle: c → a → b → c'],
    [6, 'also=a makes a cycle: a → b → c → a'],
  ]);
});

test('also=: a conn above a cycle of more than MAX_WALK conns stops walking there with a finding, not a hang', () => {
  const parts = ['# tunnel-lens: libreswan 4.10', 'conn top\n\talso=r0\n'];
  const n = MAX_WALK + 50;
  for (let i = 0; i < n; i++) parts.push(`conn r${i}\n\talso=r${(i + 1) % n}\n`);
  const service = new LanguageService({ fs: memoryFs(), settings: () => DEFAULT_SETTINGS });
  service.workspace.openDocument(TextDocument.create('file:///c/ipsec.conf', 'ipsec-conf', 1, parts.join('\n')));
  const f = service.parse('file:///c/ipsec.conf') as ParsedFile<IpsecConfTree>;
  const top = f.tree.conf.sections.find((s) => s.name === 'top')!;
  assert.ok(f.tree.resolved.get(top)!.truncated);
  assert.ok(f.findings.some((x) => x.range.start.line === f.tree.resolved.get(top)!.truncated!.range.start.line && /stops following it here/.test(x.message)));
  for (const c of f.findings.filter((x) => /makes a cycle/.test(x.message))) assert.ok(c.message.length < 400, 'a long chain is cut in the message');
});
