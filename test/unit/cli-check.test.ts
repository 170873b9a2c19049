// `tunnel-lens check` and `endpoints` on the samples, as a user or a CI job runs them: the DESIGN
// JSON shape, SARIF 2.1.0, exit codes, paths as given, and no secret anywhere.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { runCli } from '../helpers/cli';
import { ALL_CODES, isConfigCode } from '../../server/src/core/codes';

const SAMPLE_KEY = 'Tunn3l-L3ns-Sampl3!';

test('check --format json on the founding case: the founding finding on both peers, exit 1', () => {
  const r = runCli(['check', '--format', 'json', 'samples/founding-case']);
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as { findings: any[] };
  assert.deepEqual([...new Set(out.findings.map((f) => f.code))], ['encaplimit-transport-interop']);
  const files = out.findings.map((f) => f.file).sort();
  assert.deepEqual(files, ['samples/founding-case/cisco/c897va-confg', 'samples/founding-case/linux/ifcfg-tun10']);
  for (const f of out.findings) {
    assert.deepEqual(Object.keys(f).filter((k) => k !== 'detail').sort(), ['code', 'file', 'fixes', 'message', 'range', 'related', 'severity']);
    assert.ok(f.message.length <= 160, `one short sentence: ${f.message}`);
    assert.equal(typeof f.range.start.line, 'number');
    assert.ok(f.related.every((x: any) => x.file && x.range && x.message));
    assert.ok(f.fixes.every((x: any) => x.title && x.edits.every((e: any) => e.file && e.range && typeof e.newText === 'string')));
  }
  const linux = out.findings.find((f) => f.file.endsWith('ifcfg-tun10'));
  assert.equal(linux.range.start.line, 7, 'on the TYPE=GRE6 line that makes ifup-tunnel create the ip6gre device');
});

test('the fixed variants are clean: exit 0', () => {
  for (const dir of ['samples/fixed-by-script', 'samples/fixed-by-networkd', 'samples/fixed-by-nm']) {
    const r = runCli(['check', dir]);
    assert.equal(r.code, 0, `${dir}: ${r.stdout}`);
    assert.match(r.stdout, /0 error\(s\), 0 warning\(s\), 0 info/);
  }
});

test('check --format sarif is SARIF 2.1.0 with one rule per code and related locations', () => {
  const r = runCli(['check', '--format', 'sarif', 'samples/founding-case']);
  assert.equal(r.code, 1);
  const log = JSON.parse(r.stdout);
  assert.equal(log.version, '2.1.0');
  const run = log.runs[0];
  assert.equal(run.tool.driver.name, 'tunnel-lens');
  assert.deepEqual(run.tool.driver.rules.map((x: any) => x.id), ALL_CODES.filter(isConfigCode));
  const res = run.results.find((x: any) => x.locations[0].physicalLocation.artifactLocation.uri.endsWith('ifcfg-tun10'));
  assert.equal(res.ruleId, 'encaplimit-transport-interop');
  assert.equal(res.level, 'error');
  assert.equal(res.locations[0].physicalLocation.region.startLine, 8, '1-based');
  assert.ok(res.relatedLocations.length >= 1);
  assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
});

test('no output format ever shows a pre-shared key', () => {
  for (const args of [
    ['check', 'samples'],
    ['check', '--format', 'json', 'samples'],
    ['check', '--format', 'sarif', 'samples'],
    ['endpoints', 'samples'],
    ['endpoints', '--format', 'json', 'samples'],
  ]) {
    const r = runCli(args);
    assert.ok(r.stdout.length > 100, args.join(' '));
    assert.ok(!r.stdout.includes(SAMPLE_KEY) && !r.stderr.includes(SAMPLE_KEY), `${args.join(' ')} prints the key`);
    assert.ok(!/pskDigest"\s*:\s*"/.test(r.stdout), `${args.join(' ')} prints a key digest`);
  }
});

test('endpoints shows the encapsulation limit in force with the place that sets it, and the MTU with its reason', () => {
  const broken = runCli(['endpoints', 'samples/founding-case']).stdout;
  assert.match(broken, /encapsulation limit in force: 4 \(.*iproute2's default 4.* at samples\/founding-case\/linux\/ifcfg-tun10:8\)/);
  assert.match(broken, /MTU: 1400 \(samples\/founding-case\/linux\/ifcfg-tun10:13\)/);
  const script = runCli(['endpoints', 'samples/fixed-by-script']).stdout;
  assert.match(script, /encapsulation limit in force: none \(samples\/fixed-by-script\/linux\/ifup-local:11\)/);
  const networkd = runCli(['endpoints', 'samples/fixed-by-networkd']).stdout;
  assert.match(networkd, /encapsulation limit in force: none \(samples\/fixed-by-networkd\/linux\/tun10\.netdev:\d+\)/);
  const nm = runCli(['endpoints', 'samples/fixed-by-nm']).stdout;
  assert.match(nm, /encapsulation limit in force: none \(samples\/fixed-by-nm\/linux\/tun10\.nmconnection:\d+\)/);
  assert.match(broken, /IKE proposals: AES_CBC_128-HMAC_SHA1-MODP2048/);
  assert.match(broken, /pair: Tunnel20 .* <-> tun10 /);
  const json = JSON.parse(runCli(['endpoints', '--format', 'json', 'samples/founding-case']).stdout);
  const linux = json.endpoints.find((e: any) => e.vendor === 'linux');
  assert.equal(linux.tunnel.encapLimit.value, 4);
  assert.equal(linux.tunnel.encapLimit.source, 'default');
  assert.equal(linux.ipsec.pskDigest.set, true);
});

test('layout FILE[:LINE] reads the tunnel the way the editor does: 1402 broken, 1418 fixed', () => {
  const broken = JSON.parse(runCli(['layout', 'samples/founding-case/linux/ifcfg-tun10', '--format', 'json']).stdout);
  assert.equal(broken.maxInnerPacket, 1402);
  assert.deepEqual(broken.layers.slice(0, 4).map((l: any) => l.name), ['IPv6', 'Destination Options', 'ESP', 'GRE']);
  const fixed = JSON.parse(runCli(['layout', 'samples/fixed-by-script/linux/ifcfg-tun10', '--format', 'json']).stdout);
  assert.equal(fixed.maxInnerPacket, 1418);
  const conn = JSON.parse(runCli(['layout', 'samples/founding-case/linux/ipsec.conf:9', '--format', 'json']).stdout);
  assert.equal(conn.maxInnerPacket, 1402, 'the conn line shows the tunnel it protects');
  const tunnelMode = JSON.parse(runCli(['layout', 'samples/founding-case/linux/ifcfg-tun10', '--esp', 'tunnel', '--format', 'json']).stdout);
  assert.equal(tunnelMode.maxInnerPacket, 1370, 'flags override what the file says');
  const none = runCli(['layout', 'samples/founding-case/linux/ipsec.secrets']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /defines no tunnel/);
});
