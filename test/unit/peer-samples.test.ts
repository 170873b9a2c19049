// Every cross-peer code on real configs (samples/pairs/<code>/<variant>/, each folder one deployment
// with its own tunnel-lens.json), loaded through the real LanguageService as the CLI loads a folder.
// For each code and dialect pair: the "raise" variant has exactly the expected findings (code, file,
// line, severity, related location in the peer's file) and nothing else; the near-identical "-ok"
// variant has no finding at all (hints aside). (The same rules on synthetic endpoints:
// peer-checks.test.ts.)
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { loadWorkspace } from '../../server/src/cli/workspaceLoader';
import { PEER_CHECKS } from '../../server/src/checks/peer';
import { DEFAULT_SETTINGS, type Finding, type Severity } from '../../server/src/core/types';
import { uriToPath } from '../../server/src/core/uri';

const SAMPLES = resolve(__dirname, '../../samples');
const PAIRS = join(SAMPLES, 'pairs');

/** [file in the variant folder, text on the finding's line, file of its related location (null: none)]. */
type At = [file: string, lineText: string, relatedFile: string | null];

interface Case {
  code: string;
  /** Folder under samples/pairs/<code>/ (or under samples/ with `dir`). */
  variant: string;
  severity: Severity;
  at: At[];
  /** The near-identical folders that must not raise anything; default `<variant>-ok`. */
  ok?: string[];
  /** A folder directly under samples/ (the founding case and its fixes). */
  dir?: string;
}

const CASES: Case[] = [
  {
    code: 'peer-unpaired', variant: 'libreswan-strongswan-ios', severity: 'info',
    at: [['cisco/r1-confg', 'interface Tunnel1', null]],
  },
  {
    code: 'peer-unpaired', variant: 'script-ios', severity: 'info',
    at: [['linux/tunnels.sh', 'ip tunnel add tun1', null]],
  },
  {
    code: 'peer-address-mismatch', variant: 'ios-ios', severity: 'error',
    at: [['cisco/r2-confg', 'tunnel destination 203.0.113.10', 'cisco/r1-confg']],
  },
  {
    code: 'peer-address-mismatch', variant: 'ifcfg-ios', severity: 'error',
    at: [['cisco/r1-confg', 'tunnel destination 192.0.2.11', 'linux/ifcfg-tun0']],
  },
  {
    code: 'outer-family-mismatch', variant: 'ios-ios', severity: 'error',
    at: [
      ['cisco/r1-confg', 'interface Tunnel0', 'cisco/r2-confg'],
      ['cisco/r2-confg', 'tunnel mode gre ipv6', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'outer-family-mismatch', variant: 'netdev-ios', severity: 'error',
    at: [
      ['cisco/r1-confg', 'interface Tunnel0', 'linux/tun0.netdev'],
      ['linux/tun0.netdev', 'Kind=ip6gre', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'tunnel-encap-mismatch', variant: 'script-ios', severity: 'error',
    at: [
      ['cisco/r1-confg', 'tunnel mode gre ipv6', 'linux/tunnels.sh'],
      ['linux/tunnels.sh', 'mode ipip6', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'tunnel-encap-mismatch', variant: 'ifcfg-ios', severity: 'error',
    at: [
      ['cisco/r1-confg', 'tunnel mode gre ipv6', 'linux/ifcfg-tun10'],
      ['linux/ifcfg-tun10', 'TYPE=IPIP6', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'gre-key-mismatch', variant: 'ios-ios', severity: 'error',
    at: [
      ['cisco/r1-confg', 'tunnel key 100', 'cisco/r2-confg'],
      ['cisco/r2-confg', 'tunnel key 200', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'gre-key-mismatch', variant: 'netdev-libreswan-ios', severity: 'error',
    at: [
      ['cisco/r1-confg', 'interface Tunnel0', 'linux/tun0.netdev'],
      ['linux/tun0.netdev', 'Key=100', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'ike-version-mismatch', variant: 'libreswan325-ios', severity: 'warning',
    at: [['linux/ipsec.conf', 'conn r1-gre', 'cisco/r1-confg']],
  },
  {
    code: 'ike-version-mismatch', variant: 'strongswan-ios', severity: 'error',
    at: [
      ['cisco/r1-confg', 'set ikev2-profile', 'linux/ipsec.conf'],
      ['linux/ipsec.conf', 'keyexchange=ikev1', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'ike-version-mismatch', variant: 'libreswan325-libreswan410', severity: 'warning',
    at: [['west/ipsec.conf', 'conn east-gre', 'east/ipsec.conf']],
  },
  {
    code: 'ike-proposal-mismatch', variant: 'libreswan-ios-smartdefault', severity: 'error',
    at: [
      ['cisco/r1-confg', 'interface Tunnel0', 'linux/ipsec.conf'],
      ['linux/ipsec.conf', 'conn r1-gre', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'ike-proposal-mismatch', variant: 'strongswan-ios', severity: 'error',
    at: [
      ['cisco/r1-confg', 'crypto ikev2 proposal PROP-1', 'linux/ipsec.conf'],
      ['linux/ipsec.conf', 'ike=aes256-sha384-ecp384!', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'ike-proposal-mismatch', variant: 'swanctl-ios', severity: 'error',
    at: [
      ['cisco/r1-confg', 'crypto ikev2 proposal PROP-1', 'linux/swanctl.conf'],
      ['linux/swanctl.conf', 'proposals = aes256-sha384-ecp384', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'ike-proposal-mismatch', variant: 'ios-ios', severity: 'error',
    at: [
      ['cisco/r1-confg', 'crypto isakmp policy 10', 'cisco/r2-confg'],
      ['cisco/r2-confg', 'crypto isakmp policy 10', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'esp-proposal-mismatch', variant: 'libreswan-ios', severity: 'error',
    at: [
      ['cisco/r1-confg', 'set transform-set TS-1', 'linux/ipsec.conf'],
      ['linux/ipsec.conf', 'conn r1-gre', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'esp-proposal-mismatch', variant: 'strongswan-ios', severity: 'error',
    at: [
      ['cisco/r1-confg', 'set transform-set TS-1', 'linux/ipsec.conf'],
      ['linux/ipsec.conf', 'esp=aes256gcm16!', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'esp-proposal-mismatch', variant: 'swanctl-ios', severity: 'error',
    at: [
      ['cisco/r1-confg', 'set transform-set TS-1', 'linux/swanctl.conf'],
      ['linux/swanctl.conf', 'esp_proposals = aes256gcm16-modp2048', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'esp-proposal-mismatch', variant: 'libreswan325-libreswan410', severity: 'error',
    at: [
      ['east/ipsec.conf', 'conn west-gre', 'west/ipsec.conf'],
      ['west/ipsec.conf', 'conn east-gre', 'east/ipsec.conf'],
    ],
  },
  {
    code: 'pfs-mismatch', variant: 'libreswan-ios', severity: 'warning',
    at: [
      ['cisco/r1-confg', 'crypto map CMAP 10', 'linux/ipsec.conf'],
      ['linux/ipsec.conf', 'pfs=yes', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'pfs-mismatch', variant: 'ios-ios', severity: 'error',
    at: [
      ['cisco/r1-confg', 'set pfs group14', 'cisco/r2-confg'],
      ['cisco/r2-confg', 'crypto ipsec profile IPSEC-1', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'pfs-mismatch', variant: 'strongswan-ios', severity: 'warning',
    at: [
      ['cisco/r1-confg', 'set pfs group14', 'linux/ipsec.conf'],
      ['linux/ipsec.conf', 'esp=aes128-sha1-modp3072!', 'cisco/r1-confg'],
    ],
  },
  {
    // The strongSwan 5.9.8 default ESP proposals have no key exchange; the -ok twin is the same file for 6.0.2, whose defaults make PFS optional.
    code: 'pfs-mismatch', variant: 'swanctl-ios', severity: 'warning',
    at: [
      ['cisco/r1-confg', 'set pfs group14', 'linux/swanctl.conf'],
      ['linux/swanctl.conf', ' gre {', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'pfs-mismatch', variant: 'libreswan325-libreswan410', severity: 'warning',
    at: [
      ['east/ipsec.conf', 'conn west-gre', 'west/ipsec.conf'],
      ['west/ipsec.conf', 'pfs=no', 'east/ipsec.conf'],
    ],
  },
  {
    code: 'ipsec-mode-mismatch', variant: 'ifcfg-libreswan-ios', severity: 'error',
    at: [
      ['cisco/r1-confg', 'crypto ipsec transform-set TS-1', 'linux/ipsec.conf'],
      ['linux/ipsec.conf', 'type=transport', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'ipsec-mode-mismatch', variant: 'libreswan-ios-fallback', severity: 'warning',
    at: [['cisco/r1-confg', 'mode transport', 'linux/ipsec.conf']],
  },
  {
    code: 'ipsec-mode-mismatch', variant: 'libreswan-ios-require', severity: 'error',
    at: [
      ['cisco/r1-confg', 'mode transport require', 'linux/ipsec.conf'],
      ['linux/ipsec.conf', 'type=tunnel', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'ipsec-mode-mismatch', variant: 'swanctl-ios', severity: 'error',
    at: [
      ['cisco/r1-confg', 'mode transport require', 'linux/swanctl.conf'],
      ['linux/swanctl.conf', ' gre {', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'traffic-selector-mismatch', variant: 'libreswan-ios', severity: 'error',
    at: [
      ['cisco/r1-confg', 'ip access-list extended CRYPTO-1', 'linux/ipsec.conf'],
      ['linux/ipsec.conf', 'conn r1-gre', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'traffic-selector-mismatch', variant: 'strongswan-ios', severity: 'error',
    at: [
      ['cisco/r1-confg', 'ip access-list extended CRYPTO-1', 'linux/ipsec.conf'],
      ['linux/ipsec.conf', 'leftsubnet=10.1.0.0/24', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'auth-method-mismatch', variant: 'libreswan-ios', severity: 'error',
    at: [
      ['cisco/r1-confg', 'authentication local pre-share', 'linux/ipsec.conf'],
      ['linux/ipsec.conf', 'authby=rsasig', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'auth-method-mismatch', variant: 'ios-ios', severity: 'error',
    at: [
      ['cisco/r1-confg', 'authentication pre-share', 'cisco/r2-confg'],
      ['cisco/r2-confg', 'authentication rsa-sig', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'psk-mismatch', variant: 'libreswan-ios', severity: 'error',
    at: [
      ['cisco/r1-confg', 'pre-shared-key', 'linux/ipsec.secrets'],
      ['linux/ipsec.secrets', ': PSK', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'psk-mismatch', variant: 'strongswan-ios', severity: 'error',
    at: [
      ['cisco/r1-confg', 'pre-shared-key', 'linux/ipsec.secrets'],
      ['linux/ipsec.secrets', ': PSK', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'psk-mismatch', variant: 'ios-ios', severity: 'error',
    at: [
      ['cisco/r1-confg', 'crypto isakmp key', 'cisco/r2-confg'],
      ['cisco/r2-confg', 'crypto isakmp key', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'lifetime-mismatch', variant: 'libreswan-ios', severity: 'info',
    at: [
      ['cisco/r1-confg', 'interface Tunnel0', 'linux/ipsec.conf'],
      ['linux/ipsec.conf', 'ikelifetime=8h', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'lifetime-mismatch', variant: 'libreswan325-libreswan410', severity: 'info',
    at: [
      ['east/ipsec.conf', 'conn west-gre', 'west/ipsec.conf'],
      ['west/ipsec.conf', 'conn east-gre', 'east/ipsec.conf'],
    ],
  },
  {
    code: 'encaplimit-transport-interop', variant: 'nmconnection-strongswan-ios', severity: 'error',
    at: [
      ['cisco/r1-confg', 'mode transport', 'linux/tun10.nmconnection'],
      ['linux/tun10.nmconnection', 'mode=8', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'encaplimit-transport-interop', variant: 'script-libreswan-ios', severity: 'error',
    at: [
      ['cisco/r1-confg', 'mode transport', 'linux/tunnels.sh'],
      ['linux/tunnels.sh', 'mode ipip6', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'encaplimit-transport-interop', variant: 'founding-case', dir: 'founding-case', severity: 'error',
    ok: ['fixed-by-script', 'fixed-by-networkd', 'fixed-by-nm'],
    at: [
      ['cisco/c897va-confg', 'mode transport', 'linux/ifcfg-tun10'],
      ['linux/ifcfg-tun10', 'TYPE=GRE6', 'cisco/c897va-confg'],
    ],
  },
  {
    code: 'encaplimit-transport-interop', variant: 'founding-case-swanctl', dir: 'founding-case-swanctl', severity: 'error',
    ok: ['fixed-swanctl-tunnel-mode'],
    at: [
      ['cisco/c897va-confg', 'mode transport', 'linux/ifcfg-tun10'],
      ['linux/ifcfg-tun10', 'TYPE=GRE6', 'cisco/c897va-confg'],
    ],
  },
  {
    code: 'encaplimit-transport-interop', variant: 'tunnel-protection', dir: 'tunnel-protection', severity: 'error', ok: [],
    at: [
      ['cisco/c897va-tp-confg', 'mode transport', 'linux/ifcfg-tun10'],
      ['linux/ifcfg-tun10', 'TYPE=GRE6', 'cisco/c897va-tp-confg'],
    ],
  },
  {
    code: 'mtu-exceeds-path', variant: 'ifcfg-libreswan-ios', severity: 'warning',
    at: [
      ['cisco/r1-confg', 'ip mtu 1476', null],
      ['linux/ifcfg-tun0', 'MTU=1476', null],
    ],
  },
  {
    code: 'mtu-exceeds-path', variant: 'ios-ios', severity: 'info',
    at: [
      ['cisco/r1-confg', 'interface Tunnel0', null],
      ['cisco/r2-confg', 'interface Tunnel0', null],
    ],
  },
  {
    code: 'mtu-mismatch', variant: 'netdev-libreswan-ios', severity: 'warning',
    at: [
      ['cisco/r1-confg', 'ip mtu 1380', 'linux/tun0.netdev'],
      ['linux/tun0.netdev', 'MTUBytes=1400', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'mtu-mismatch', variant: 'ios-ios', severity: 'warning',
    at: [
      ['cisco/r1-confg', 'ip mtu 1400', 'cisco/r2-confg'],
      ['cisco/r2-confg', 'ip mtu 1380', 'cisco/r1-confg'],
    ],
  },
  {
    code: 'protection-mismatch', variant: 'ifcfg-ios', severity: 'error',
    at: [
      ['linux/ifcfg-tun0', 'DEVICE=tun0', 'cisco/r1-confg'],
      ['cisco/r1-confg', 'set transform-set TS-1', 'linux/ifcfg-tun0'],
    ],
  },
  {
    code: 'pairing-ambiguous', variant: 'ifcfg-ios-archive', severity: 'warning',
    at: [
      ['linux/ifcfg-tun0', 'DEVICE=tun0', 'cisco/r1-confg'],
      ['cisco/r1-confg', 'interface Tunnel0', 'linux/ifcfg-tun0'],
      ['cisco/r1-2024-01-15-confg', 'interface Tunnel0', 'linux/ifcfg-tun0'],
    ],
  },
];

interface Loaded {
  findings: (Finding & { file: string })[];
  /** The whole output as the JSON formats would carry it, for the secrets check. */
  json: string;
}

function load(dir: string): Loaded {
  const ws = loadWorkspace([dir], DEFAULT_SETTINGS);
  const findings = ws.uris.flatMap((u) => ws.service.findings(u).map((f) => ({ ...f, file: relative(dir, uriToPath(u)).split(sep).join('/') })));
  return { findings, json: JSON.stringify(findings) };
}

const rel = (dir: string, uri: string) => relative(dir, uriToPath(uri)).split(sep).join('/');
const show = (dir: string, fs: (Finding & { file: string })[]) =>
  fs.map((f) => `  ${f.severity} ${f.code} ${f.file}:${f.range.start.line + 1} ${f.message.slice(0, 140)}`).join('\n') || '  (none)';

/** 0-based line of the first line in file, not a comment, that contains text. */
function lineOf(dir: string, file: string, text: string): number {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  const i = lines.findIndex((l) => !/^\s*[#!]/.test(l) && l.includes(text));
  assert.ok(i >= 0, `${file} has no line with ${JSON.stringify(text)}`);
  return i;
}

const raiseDir = (c: Case) => (c.dir ? join(SAMPLES, c.dir) : join(PAIRS, c.code, c.variant));
const okDirs = (c: Case) => (c.ok ?? [`${c.variant}-ok`]).map((v) => (c.dir ? join(SAMPLES, v) : join(PAIRS, c.code, v)));

for (const c of CASES) {
  test(`${c.code}: raised on ${c.dir ?? `pairs/${c.code}/${c.variant}`}, nothing else there`, () => {
    const dir = raiseDir(c);
    const { findings } = load(dir);
    const listing = `\nfindings in ${relative(SAMPLES, dir)}:\n${show(dir, findings)}`;
    // Nothing but the expected code (hints are style, not consequence).
    const others = findings.filter((f) => f.code !== c.code && f.severity !== 'hint');
    assert.deepEqual(others.map((f) => `${f.code} ${f.file}:${f.range.start.line + 1}`), [], `only ${c.code} is true for this config${listing}`);
    const mine = findings.filter((f) => f.code === c.code);
    assert.equal(mine.length, c.at.length, `expected ${c.at.length} ${c.code} finding(s)${listing}`);
    for (const [file, text, relatedFile] of c.at) {
      const line = lineOf(dir, file, text);
      const f = mine.find((x) => x.file === file && x.range.start.line === line);
      assert.ok(f, `expected ${c.code} at ${file}:${line + 1} (${JSON.stringify(text)})${listing}`);
      assert.equal(f.severity, c.severity, `severity at ${file}:${line + 1}`);
      if (relatedFile === null) continue;
      const peerLines = f.related.filter((r) => rel(dir, r.uri) === relatedFile);
      assert.ok(peerLines.length > 0, `${file}:${line + 1}: related information points into ${relatedFile}; got ${JSON.stringify(f.related.map((r) => `${rel(dir, r.uri)}:${r.range.start.line + 1}`))}`);
      for (const r of peerLines) readFileSync(join(dir, relatedFile), 'utf8').split('\n')[r.range.start.line] ?? assert.fail(`related line ${r.range.start.line + 1} outside ${relatedFile}`);
    }
  });
  for (const ok of okDirs(c)) {
    test(`${c.code}: not raised on the near-identical ${relative(SAMPLES, ok)}`, () => {
      const { findings } = load(ok);
      const real = findings.filter((f) => f.severity !== 'hint');
      assert.deepEqual(real.map((f) => `${f.severity} ${f.code} ${f.file}:${f.range.start.line + 1}`), [], `no finding is true for this config:\n${show(ok, real)}`);
    });
  }
}

test('every cross-peer code has a raise/ok sample pair, and every sample folder is in the table', () => {
  const covered = new Set(CASES.map((c) => c.code));
  assert.deepEqual(PEER_CHECKS.flatMap((c) => c.codes).filter((c) => !covered.has(c)), []);
  const inTable = new Set(CASES.filter((c) => !c.dir).flatMap((c) => [c.variant, ...(c.ok ?? [`${c.variant}-ok`])].map((v) => `${c.code}/${v}`)));
  const onDisk = readdirSync(PAIRS).flatMap((code) => readdirSync(join(PAIRS, code)).filter((v) => statSync(join(PAIRS, code, v)).isDirectory()).map((v) => `${code}/${v}`));
  assert.deepEqual(onDisk.filter((v) => !inTable.has(v)), [], 'sample folders without a test');
  assert.deepEqual([...inTable].filter((v) => !onDisk.includes(v)), [], 'table rows without a folder');
});

/** Every pre-shared key written in a folder's files (ipsec.secrets PSK "…", IOS keyrings and isakmp keys). */
function keysIn(dir: string): string[] {
  const keys: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const t = readFileSync(p, 'utf8');
        for (const m of t.matchAll(/PSK\s+"([^"]+)"/g)) keys.push(m[1]);
        for (const m of t.matchAll(/^\s*pre-shared-key\s+(?:local\s+|remote\s+)?(?:0\s+)?(\S+)/gm)) keys.push(m[1]);
        for (const m of t.matchAll(/^crypto isakmp key\s+(?:0\s+)?(\S+)/gm)) keys.push(m[1]);
      }
    }
  };
  walk(dir);
  return keys;
}

test('psk-mismatch and every other finding: no pre-shared key text appears in any finding, related message or fix', () => {
  const dirs = CASES.flatMap((c) => [raiseDir(c), ...okDirs(c)]);
  let checked = 0;
  for (const dir of dirs) {
    const keys = keysIn(dir);
    if (keys.length === 0) continue;
    const { json } = load(dir);
    for (const k of keys) assert.ok(!json.includes(k), `${relative(SAMPLES, dir)}: the key ${k.slice(0, 3)}… appears in the findings`);
    checked++;
  }
  assert.ok(checked > 20, `keys were found in ${checked} folders`);
});
