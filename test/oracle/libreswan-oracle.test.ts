// The real Debian Libreswan 4.10 against our ipsec-conf dialect: generated configs through
// `addconn --checkconfig` and proposal strings through `algparse`, compared verdict by verdict.
// Deliberate differences are listed in DIFFERENCES with who is right and why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatProposal, parseProposals, type ProposalKind } from '../../server/src/languages/shared/proposals';
import { detectTarget } from '../../server/src/languages/ipsec-conf/version';
import { DEFAULT_SETTINGS } from '../../server/src/core/types';
import { analyse } from '../helpers/analyse';

const ADDCONN = '/usr/libexec/ipsec/addconn';
const ALGPARSE = '/usr/libexec/ipsec/algparse';
const SETTINGS = { ...DEFAULT_SETTINGS, versions: { libreswan: '4.10' } };
const T410 = detectTarget('', SETTINGS);

function requireLibreswan() {
  assert.ok(existsSync(ADDCONN) && existsSync(ALGPARSE), 'Libreswan 4.10 is not installed: apt-get install libreswan');
}

// ---- configs: body lines are joined with \n; `conn a` gets left/right so conns are complete ----
const base = 'conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n';
const CONF_CASES: Record<string, string> = {
  'plain conn': base + '\ttype=transport\n',
  'unknown keyword': base + '\tfrobnicate=yes\n',
  'typo keyword': base + '\tleftsubent=10.0.0.0/8\n',
  'bad enum': base + '\ttype=tunel\n',
  'enum upper case': base + '\ttype=TRANSPORT\n',
  'bool upper case': base + '\tpfs=YES\n',
  'bool bad word': base + '\tpfs=maybe\n',
  'bool empty': base + '\tpfs=\n',
  'time empty': base + '\tikelifetime=\n',
  'string empty': base + '\tleftid=\n',
  'time ok': base + '\tikelifetime=8h\n\tsalifetime=3600s\n',
  'time decimal (silently dropped)': base + '\tikelifetime=1.5h\n',
  'keyexchange ikev1': base + '\tkeyexchange=ikev1\n',
  'keyexchange ikev2': base + '\tkeyexchange=ikev2\n',
  'keyexchange ike': base + '\tkeyexchange=ike\n',
  'ikev2 insist': base + '\tikev2=insist\n',
  'ikev2 bogus': base + '\tikev2=sometimes\n',
  'left-kw spelling': base + '\tleft-subnet=10.0.0.0/8\n',
  'unindented body line': 'conn a\nleft=192.0.2.1\n',
  'indented conn': '  conn a\n\tleft=192.0.2.1\n',
  'conn key in config setup': 'config setup\n\ttype=tunnel\n',
  'setup key in conn (warning)': base + '\tlogfile=/tmp/x\n',
  'duplicate key': base + '\ttype=tunnel\n\ttype=transport\n',
  'duplicate via also': base + '\talso=b\n\ttype=tunnel\nconn b\n\ttype=transport\n',
  'duplicate alias esp/phase2alg': base + '\tesp=aes\n\tphase2alg=aes\n',
  'also forward reference': base + '\talso=b\nconn b\n\tauthby=secret\n',
  'also missing target': base + '\talso=nowhere\n',
  'also in %default': 'conn %default\n\talso=b\nconn b\n\tleft=192.0.2.1\n\tright=192.0.2.2\n',
  'protoport all digits': base + '\tleftprotoport=47\n',
  'protoport 47/0': base + '\tleftprotoport=47/0\n\trightprotoport=gre\n',
  'protoport quoted digits': base + '\tleftprotoport="47"\n',
  'id all digits': base + '\trightid=12345\n',
  'id quoted digits': base + '\trightid="12345"\n',
  'strongSwan subnet suffix': base + '\tleftsubnet=10.0.0.0/8[gre]\n',
  'bad subnet': base + '\tleftsubnet=10.0.0/8/9\n',
  'value with blank': base + '\tike=aes128-sha1 ,aes256-sha2\n',
  'quoted value with blank': base + '\tleftid="@foo bar"\n',
  'braced list': base + '\tleftsubnets={10.0.1.0/24 10.0.2.0/24}\n',
  'comment at column 0 inside section': base + '# comment\n\ttype=transport\n',
  'trailing comment': base + '\ttype=transport # comment\n',
  'hash inside value': base + '\tleftid=@foo#bar\n',
  'x- comment key': base + '\tx-note=anything = goes here\n',
  'strongSwan-only keyword': base + '\tleftfirewall=yes\n',
  'ca section': 'ca foo\n\tcacert=x.pem\n',
  'version line': 'version 2.0\n' + base,
  'case-insensitive key': base + '\tType=transport\n',
  'founding case (3.25 spelling, 4.10 reading)': base + '\ttype=transport\n\tikev2=insist\n\tike=aes128-sha1;modp2048\n\tesp=aes128-sha1;modp2048\n\tleftprotoport=gre\n\trightprotoport=gre\n\tauthby=secret\n',
  'crlf line endings': base.replace(/\n/g, '\r\n') + '\ttype=transport\r\n',
  'two errors in one file': base + '\tfrobnicate=1\n\tunknownkey2=2\n',
};

/** Cases where we deliberately give a different verdict than addconn, and who is right. */
const DIFFERENCES: Record<string, string> = {
  // none expected: every entry above must agree on accept/reject.
};

type Verdict = 'accept' | 'reject';

function oracleConf(dir: string, name: string, text: string): { verdict: Verdict; out: string } {
  const f = join(dir, name.replace(/[^a-z0-9]+/gi, '_') + '.conf');
  writeFileSync(f, text);
  const r = spawnSync(ADDCONN, ['--checkconfig', '--config', f], { encoding: 'utf8' });
  const out = `${r.stdout}${r.stderr}`.trim();
  // exit 1/3 reject the file; exit 0 with "while loading"/"ignoring"/"warning"-free output accepts it
  const connDropped = /while loading|not valid in section|is not valid in/.test(out);
  return { verdict: r.status === 0 && !connDropped ? 'accept' : 'reject', out };
}

function oursConf(name: string, text: string): { verdict: Verdict; errors: string[] } {
  const path = `/tmp/${name.replace(/[^a-z0-9]+/gi, '_')}/ipsec.conf`;
  const r = analyse({ [path]: text }, SETTINGS);
  // The file's own findings, as addconn judges one file.
  const findings = r.service.parse(r.uri(path))?.findings ?? [];
  const errors = findings.filter((x) => x.severity === 'error').map((x) => `${x.code}: ${x.message}`);
  return { verdict: errors.length ? 'reject' : 'accept', errors };
}

test('addconn --checkconfig verdicts match ours', () => {
  requireLibreswan();
  const dir = mkdtempSync(join(tmpdir(), 'tl-ipsec-oracle-'));
  try {
    const mismatches: string[] = [];
    for (const [name, text] of Object.entries(CONF_CASES)) {
      const o = oracleConf(dir, name, text);
      const u = oursConf(name, text);
      if (o.verdict !== u.verdict && !DIFFERENCES[name]) mismatches.push(`${name}: addconn ${o.verdict} (${o.out || 'no output'}), we ${u.verdict} (${u.errors.join(' | ') || 'no error'})`);
    }
    console.log(`addconn cases: ${Object.keys(CONF_CASES).length}, mismatches: ${mismatches.length}`);
    assert.deepEqual(mismatches, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---- proposals: [kind, string, ikeVersion, pfs] ----
const ALG_CASES: [ProposalKind, string, 1 | 2, boolean][] = [
  ['ike', 'aes128-sha1;modp2048', 2, true],
  ['esp', 'aes128-sha1;modp2048', 2, true],
  ['esp', 'aes128-sha1;modp2048', 2, false],
  ['ike', 'aes128-sha1-modp2048', 2, true],
  ['ike', 'aes_gcm256', 2, true],
  ['ike', 'aes-sha2', 2, true],
  ['ike', 'aes_gcm256-sha2', 2, true],
  ['esp', 'aes_gcm256', 2, true],
  ['esp', 'aes_gcm-null', 2, true],
  ['ike', 'aes_gcm+chacha20_poly1305-sha2;dh19+dh31', 2, true],
  ['ike', 'aes+3des', 1, true],
  ['ike', 'aes_gcm+aes', 2, true],
  ['esp', 'aes128-sha1!', 2, true],
  ['ike', 'aes128-sha1;modp1024', 2, true],
  ['ike', 'aes128-sha1;modp1536', 2, true],
  ['ike', 'AES256-SHA2_256', 2, true],
  ['esp', 'aes128gcm16', 2, true],
  ['ike', 'aes128-aes256-sha1-modp2048', 2, true],
  ['esp', 'aes128-sha1-esn', 2, true],
  ['esp', 'aes', 1, true],
  ['ike', 'aes', 1, true],
  ['ike', '3des-md5;modp1536', 2, true],
  ['esp', '3des-md5', 2, true],
  ['esp', 'null-sha1', 2, true],
  ['esp', 'aes_ctr', 2, true],
  ['esp', 'camellia', 2, true],
  ['esp', 'aes-aes_xcbc', 2, true],
  ['ike', 'aes-aes_xcbc', 2, true],
  ['esp', 'aes-sha2_512', 2, true],
  ['esp', 'aes-sha2_384', 2, true],
  ['ike', 'aes-md5', 2, true],
  ['esp', 'aes-sha1;dh22', 2, true],
  ['ike', 'aes_ccm', 2, true],
  ['esp', 'chacha20_poly1305', 2, true],
  ['esp', 'des-sha1', 2, true],
  ['esp', 'aes-none', 2, true],
  ['esp', 'aes-aes_cmac', 2, true],
  ['ike', 'aes-sha2;dh32', 2, true],
  ['esp', 'aes256-sha256', 2, true],
  ['ike', 'aes128-sha2_256;ecp_256', 2, true],
  ['esp', 'aes_gcm_a', 2, true],
  ['esp', 'aes_gcm_b-256', 2, true],
  ['ike', 'aes-sha1-modp768', 2, true],
  ['ah', 'sha1', 2, true],
  ['ah', 'sha2_512', 2, true],
  ['ike', '3des', 2, true],
  ['ike', 'aes256-sha1-ecp256', 2, true],
  ['ike', 'aes128-sha1', 1, true],
  ['esp', 'aes128-sha1', 1, true],
  ['ike', 'aes256-sha2_512;modp4096,aes128-sha1;modp2048', 2, true],
  ['esp', 'aes256-sha2_512,aes128-sha1', 2, true],
  ['ike', 'blowfish-sha1', 2, true],
  ['ike', 'aes999-sha1', 2, true],
  ['esp', 'aes-128-sha1', 2, true],
  ['ike', 'aes_cbc_256-sha2_512-dh20', 2, true],
  ['ike', 'curve25519', 2, true],
  ['esp', 'aes_gcm-sha1', 2, true],
];

const ALG_DIFFERENCES: Record<string, string> = {};

function runAlgparse(kind: ProposalKind, s: string, v: 1 | 2, pfs: boolean): { ok: boolean; lines: string[]; out: string } {
  const args = [v === 1 ? '-v1' : '-v2', ...(pfs ? ['-pfs'] : []), `${kind}=${s}`];
  const r = spawnSync(ALGPARSE, args, { encoding: 'utf8' });
  const out = `${r.stdout}${r.stderr}`;
  const lines = r.stdout.split('\n').filter((l) => l.startsWith('\t') && !l.includes('ERROR') && !l.includes('ignoring') && !l.includes('WARNING')).map((l) => l.trim());
  return { ok: r.status === 0 && !/ERROR/.test(out), lines, out };
}

test('algparse expansions match our canonical proposals', () => {
  requireLibreswan();
  const mismatches: string[] = [];
  for (const [kind, s, v, pfs] of ALG_CASES) {
    const key = `${kind}=${s} v${v}${pfs ? ' pfs' : ''}`;
    const o = runAlgparse(kind, s, v, pfs);
    const u = parseProposals(kind, s, T410, { ikeVersion: v, pfs });
    const ours = u.proposals.map((p) => formatProposal(kind, p));
    const agree = o.ok ? u.errors.length === 0 && JSON.stringify(ours) === JSON.stringify(o.lines) : u.errors.length > 0;
    if (!agree && !ALG_DIFFERENCES[key]) mismatches.push(`${key}: algparse ${o.ok ? o.lines.join(' ') : 'rejects: ' + o.out.trim().split('\n').pop()} | we ${u.errors.length ? 'reject: ' + u.errors[0] : ours.join(' ')}`);
  }
  console.log(`algparse cases: ${ALG_CASES.length}, mismatches: ${mismatches.length}`);
  assert.deepEqual(mismatches, []);
});
