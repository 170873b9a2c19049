// charon itself against the swanctl-conf dialect (test/helpers/charon.ts: Debian 12's 5.9.8 in
// its own network namespace): every case whose verdict we claim (test/helpers/swanctlCases.ts),
// syntax and release cases, what 5.9.8 takes without a word, and every swanctl.conf of samples/,
// loaded into charon and analysed by us. Agreement: charon refuses the configuration (a
// connection, a pool, the file) exactly when we report an error, on the key charon names (the
// line of a syntax error). The figures go to the output; any disagreement fails.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { analyse } from '../helpers/analyse';
import { startCharon, type Charon, type LoadResult } from '../helpers/charon';
import { CASES, SWANCTL_PATH, caseFile } from '../helpers/swanctlCases';
import type { Finding } from '../../server/src/core/types';

const ROOT = resolve(__dirname, '../..');

/** Whole files: syntax, releases, lists, what charon 5.9.8 loads without complaint. */
const FILES: [string, string][] = [
  ['key : value', 'connections {\n  gw {\n    remote_addrs : 192.0.2.2\n    version = 2\n  }\n}\n'],
  ['trailing backslash', 'connections {\n  gw {\n    remote_addrs = 192.0.2.2,\\\n    192.0.2.3\n  }\n}\n'],
  ['dot in a name', 'connections {\n  gw.1 {\n  }\n}\n'],
  ['section without a name', 'connections {\n  {\n  }\n}\n'],
  ['bare word', 'connections {\n  gw {\n    remote_addrs 192.0.2.2\n  }\n}\n'],
  ['missing brace', 'connections {\n  gw {\n    remote_addrs = 192.0.2.2\n  }\n'],
  ['extra brace', 'connections {\n  gw {\n  }\n}\n}\n'],
  ['unterminated quote', 'connections {\n  gw {\n    remote_addrs = "192.0.2.2\n  }\n}\n'],
  ['quoted name', 'connections {\n  "gw" {\n  }\n}\n'],
  ['one-line nesting trap', 'connections {\n  gw { remote_addrs = 192.0.2.2 children { c { } } }\n}\n'],
  ['include = x (a key)', caseFile('    include = x')],
  ['missing include', caseFile('    include nothere.conf')],
  ['6.x per_cpu_sas', caseFile('', '        per_cpu_sas = yes')],
  ['6.x mode = iptfs', caseFile('', '        mode = iptfs')],
  ['6.x icmp', caseFile('', '        icmp = yes')],
  ['6.x ML-KEM', caseFile('    proposals = aes256-sha384-mlkem768')],
  ['6.x ke1_', caseFile('    proposals = aes256-sha384-ecp384-ke1_mlkem768')],
  ['5.9.14 ocsp', caseFile('    ocsp = both')],
  ['5.9.10 hw_offload = packet', caseFile('', '        hw_offload = packet')],
  ['5.9.10 childless = prefer', caseFile('    childless = prefer')],
  ['label_mode selinux', caseFile('', '        label_mode = selinux')],
  ['version = 3', caseFile('    version = 3')],
  ['prefix /33', caseFile('', '        local_ts = 10.1.0.0/33')],
  ['blank in a list', caseFile('', '        local_ts = 10.0.0.0/8 10.1.0.0/16')],
  ['%any in a selector', caseFile('', '        local_ts = %any')],
  ['bad IP as host name', caseFile('    local_addrs = 192.168.0.300')],
  ['empty list items', caseFile('    proposals = aes128-sha256-modp2048,, default,')],
  ['trailing dash', caseFile('', '        esp_proposals = aes128-sha256-')],
  ['unknown pool', caseFile('    pools = nowhere')],
  ['key directly under connections', 'connections {\n  version = 2\n  gw {\n    remote_addrs = 192.0.2.2\n  }\n}\n'],
  ['unknown top-level section', 'connection {\n  gw {\n  }\n}\nconnections {\n  gw {\n  }\n}\n'],
  ['unknown subsection', caseFile('    lokal {\n    }')],
  ['unknown secret type', 'secrets {\n  psk-1 {\n    secret = x\n  }\n}\n' + caseFile('')],
  ['pool attribute typo', 'pools {\n  p {\n    addrs = 10.3.0.0/24\n    dsn = 10.1.0.53\n  }\n}\n' + caseFile('    pools = p')],
  ['pool numbered attribute', 'pools {\n  p {\n    addrs = 10.3.0.0/24\n    25 = 0x01\n  }\n}\n' + caseFile('    pools = p')],
  ['inheritance', 'connections {\n  base {\n    version = 2\n  }\n  gw : connections.base {\n    remote_addrs = 192.0.2.2\n  }\n}\n'],
];

function samples(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n === 'swanctl.conf') out.push([relative(ROOT, p), readFileSync(p, 'utf8')]);
    }
  };
  walk(join(ROOT, 'samples'));
  return out;
}

const ALL: [string, string][] = [
  ...CASES.map(([c, ch], i): [string, string] => [`case ${i + 1}: ${(c || ch).trim().replace(/\s+/g, ' ')}`, caseFile(c, ch)]),
  ...FILES,
  ...samples(),
];

let charon: Charon;
before(async () => {
  charon = await startCharon();
});
after(async () => {
  await charon?.stop();
});

const refuses = (r: LoadResult) => r.verdict === 'CONN_ERROR' || r.verdict === 'REJECT_SYNTAX' || r.verdict === 'LOAD_ABORTED';
const charonKeys = (r: LoadResult) => [...[...r.conns.map((c) => c.error ?? ''), ...r.notes].join(' ').matchAll(/(?:invalid value for|unknown option|invalid attribute|invalid section): ([^,\s]+)/g)].map((m) => m[1]);

function agree(text: string, r: LoadResult, errors: Finding[]): string | undefined {
  if (!refuses(r)) return errors.length ? `charon ${r.verdict}, we report ${errors.map((e) => `${e.code}@${e.range.start.line + 1}`).join(' ')}` : undefined;
  if (!errors.length) return `charon ${r.verdict} (${r.raw.replace(/\n/g, ' ; ').slice(0, 200)}), we report no error`;
  if (r.verdict === 'REJECT_SYNTAX') {
    const line = r.syntaxError?.line;
    const syntax = errors.filter((e) => e.code === 'syntax-error');
    const ok = line ? syntax.some((e) => e.range.start.line + 1 <= line && line <= e.range.end.line + 1) : syntax.length > 0;
    return ok ? undefined : `charon: syntax error at line ${line}; we: ${errors.map((e) => `${e.code}@${e.range.start.line + 1}`).join(' ')}`;
  }
  const lines = text.split('\n');
  for (const key of charonKeys(r)) {
    const on = errors.some((e) => new RegExp(`^\\s*${key}\\s*(=|\\{|:)`).test(lines[e.range.start.line] ?? ''));
    if (!on) return `charon names ${key}; we: ${errors.map((e) => `${e.code}@${e.range.start.line + 1}: ${e.message.slice(0, 80)}`).join(' | ')}`;
  }
  return undefined;
}

test('charon 5.9.8 and the swanctl-conf dialect agree on every generated case and every sample', async (t) => {
  assert.equal(charon.version, '5.9.8');
  const tally = new Map<string, { n: number; agree: number }>();
  const disagree: string[] = [];
  for (const [label, text] of ALL) {
    const r = await charon.load({ text });
    const errors = analyse({ [SWANCTL_PATH]: text }).findings.filter((f) => f.severity === 'error');
    const why = agree(text, r, errors);
    const c = tally.get(r.verdict) ?? { n: 0, agree: 0 };
    c.n++;
    if (!why) c.agree++;
    else disagree.push(`${label}: ${why}`);
    tally.set(r.verdict, c);
  }
  for (const [v, c] of tally) t.diagnostic(`charon ${v}: ${c.agree}/${c.n} agree`);
  assert.ok(ALL.length > 80, `${ALL.length} cases`);
  assert.deepEqual(disagree, []);
});
