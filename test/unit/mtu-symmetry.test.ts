// "One pair should not tell its two ends different MTUs for the same path" (issue 15): the
// mtu-exceeds-path figure, its fix and the hover are the pair's, whichever end is `a`, whichever
// file was read first, and whichever end's ESP proposal order is taken.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { maxInnerPacket } from '../../codec';
import { PEER_CHECKS } from '../../server/src/checks/peer';
import type { PeerFinding, PeerPair } from '../../server/src/checks/peerTypes';
import type { Endpoint } from '../../server/src/core/endpoint';
import { DEFAULT_SETTINGS } from '../../server/src/core/types';
import { endpointStack, pathFit } from '../../server/src/model/stack';
import { iosEndpoint, linuxEndpoint, prop, written, IOS_URI, LINUX_URI } from '../helpers/endpoints';
import { analyse } from '../helpers/analyse';

function exceeds(a: Endpoint, b: Endpoint): PeerFinding[] {
  const check = PEER_CHECKS.find((c) => c.codes.includes('mtu-exceeds-path' as never))!;
  const out: PeerFinding[] = [];
  check.run({ a, b, pairedBy: 'address' } as PeerPair, { settings: DEFAULT_SETTINGS, workspaceHasPairs: true }, (f) => out.push(f));
  return out;
}

/** The figure a finding tells its end ("… exceeds the N bytes that fit …: set it to N."). */
const told = (f: PeerFinding) => {
  const m = /exceeds the (\d+) bytes that fit .*set it to (\d+)\./.exec(f.message);
  assert.ok(m, f.message);
  assert.equal(m[1], m[2]);
  return Number(m[1]);
};

function pairWithMtu(mtu: number): [Endpoint, Endpoint] {
  const linux = linuxEndpoint();
  linux.tunnel!.mtu = written(mtu, LINUX_URI, 6);
  const ios = iosEndpoint();
  ios.tunnel!.mtu = written(mtu, IOS_URI, 26);
  return [linux, ios];
}

test('mtu-exceeds-path: the Linux end (Destination Options) and the Cisco end (none) are told the same figure, in either order', () => {
  const [linux, ios] = pairWithMtu(1406);
  // The two directions differ on the wire: only the Linux end sends the 8-byte option.
  assert.equal(maxInnerPacket(endpointStack(linux, ios)!, 1500), 1402);
  assert.equal(maxInnerPacket(endpointStack(ios, linux)!, 1500), 1418);
  for (const [a, b] of [
    [linux, ios],
    [ios, linux],
  ]) {
    const found = exceeds(a, b);
    assert.deepEqual(found.map((f) => f.uri).sort(), [IOS_URI, LINUX_URI].sort(), 'both ends are told (1406 fits neither direction of the pair)');
    assert.deepEqual(found.map(told), [1402, 1402]);
  }
  assert.equal(pathFit(linux, ios, 1500)!.fits, pathFit(ios, linux, 1500)!.fits);
  // 1402 fits both directions: neither end is told anything.
  assert.deepEqual(exceeds(...pairWithMtu(1402)), []);
});

test('mtu-exceeds-path: the figure does not depend on which end offers its ESP proposals first', () => {
  // A prefers AES-GCM-16 (no ICV of its own, 8-byte IV), B AES-CBC-256/SHA-256; both accept both.
  const gcm = prop(['AES_GCM_16_256'], [], []);
  const cbc = prop(['AES_CBC_256'], ['HMAC_SHA2_256_128'], []);
  const [a, b] = pairWithMtu(1440);
  a.ipsec!.esp = written([gcm, cbc], LINUX_URI, 9);
  b.ipsec!.esp = written([cbc, gcm], IOS_URI, 9);
  const mine = endpointStack(a, b)!;
  const theirs = endpointStack(a, b, 'peer')!;
  assert.notEqual(mine.enc, theirs.enc, 'the two proposal orders choose different transforms');
  const figures = [exceeds(a, b), exceeds(b, a)].map((fs) => fs.map(told));
  assert.equal(new Set(figures.flat()).size, 1, JSON.stringify(figures));
  const expected = Math.min(...[endpointStack(a, b), endpointStack(a, b, 'peer'), endpointStack(b, a), endpointStack(b, a, 'peer')].map((s) => maxInnerPacket(s!, 1500)));
  assert.equal(figures[0][0], expected);
  assert.equal(pathFit(a, b, 1500)!.fits, expected);
  assert.equal(pathFit(b, a, 1500)!.fits, expected);
  assert.equal(JSON.stringify(pathFit(a, b, 1500)!.stack.enc), JSON.stringify(pathFit(b, a, 1500)!.stack.enc), 'the bounding stack is the same from both ends');
});

test('the founding case with MTU 1406 on both ends: both files, read in either order, get the same MTU and the same fix', () => {
  const dir = 'samples/founding-case';
  const read = (p: string) => readFileSync(`${dir}/${p}`, 'utf8');
  const files: [string, string][] = [
    ['/site/tunnel-lens.json', read('tunnel-lens.json')],
    ['/site/linux/ifcfg-tun10', read('linux/ifcfg-tun10').replace('MTU=1400', 'MTU=1406')],
    ['/site/linux/ipsec.conf', read('linux/ipsec.conf')],
    ['/site/linux/ipsec.secrets', read('linux/ipsec.secrets')],
    ['/site/cisco/c897va-confg', read('cisco/c897va-confg').replace(' ip mtu 1400', ' ip mtu 1406')],
  ];
  assert.ok(files[1][1].includes('MTU=1406') && files[4][1].includes('ip mtu 1406'));
  const results = [files, [...files].reverse()].map((order) => {
    const r = analyse(new Map(order));
    const mtu = r.findings.filter((f) => f.code === 'mtu-exceeds-path');
    assert.deepEqual(mtu.map((f) => f.uri.replace(/.*\//, '')).sort(), ['c897va-confg', 'ifcfg-tun10'], r.findings.map((f) => f.message).join('\n'));
    return mtu.map((f) => ({ file: f.uri.replace(/.*\//, ''), figure: told(f as PeerFinding), fixes: f.fixes.map((x) => x.title) })).sort((x, y) => x.file.localeCompare(y.file));
  });
  assert.deepEqual(results[0], results[1], 'the order the files were read in changes nothing');
  // The hover on the router's tunnel: its own packets fit 1418 bytes, the pair's path only 1402.
  const r = analyse(new Map(files));
  const cisco = r.uri('/site/cisco/c897va-confg');
  const line = files[4][1].split('\n').indexOf('interface Tunnel20');
  assert.ok(line > 0);
  const hover = r.service.hover(cisco, { line, character: 3 });
  const text = JSON.stringify(hover?.contents ?? '');
  assert.match(text, /Largest inner packet on a 1500-byte path: \*\*1418 bytes\*\*/, text);
  assert.match(text, /fit only \*\*1402 bytes\*\*: set the MTU to 1402 on both ends/, text);
  for (const f of results[0]) {
    assert.equal(f.figure, 1402, `${f.file} is told the pair's figure`);
    assert.ok(f.fixes.some((t) => t.startsWith('Set the tunnel MTU to 1402')), `${f.file}: ${f.fixes.join(' | ')}`);
  }
});
