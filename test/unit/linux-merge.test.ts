// mergeLinuxEndpoints: script changes fold into the creating ifcfg endpoint when the device names
// match and the files share a folder tree; the CLI listing explains encaplimit and MTU.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldLinuxChanges, mergeLinuxEndpoints, listLinuxTunnelLimits, formatLinuxTunnelLimits, shareFolderTree } from '../../server/src/model/linuxMerge';
import { isPartialLinuxEndpoint } from '../../server/src/model/linuxTunnels';
import { FIXTURES, SAMPLES, analyseFile } from './linux-helpers';

/** The endpoints each file yields on its own (as the peer analysis gathers them, before merging). */
const eps = (...paths: string[]) => paths.flatMap((p) => analyseFile(p).file.endpoints);

test('founding case fixed by script: encaplimit none from ifup-local, MTU set again after the kernel recomputed it', () => {
  const all = eps(`${SAMPLES}/fixed-by-script/linux/ifcfg-tun10`, `${SAMPLES}/fixed-by-script/linux/ifup-local`);
  assert.equal(all.length, 2);
  const merged = mergeLinuxEndpoints(all);
  assert.equal(merged.length, 1);
  const e = merged[0];
  assert.ok(!isPartialLinuxEndpoint(e));
  assert.ok(e.uri.endsWith('/ifcfg-tun10'));
  assert.equal(e.tunnel?.encapLimit?.value, 'none');
  assert.ok(e.tunnel?.encapLimit?.uri?.endsWith('/ifup-local'), 'the place that sets it is the script');
  assert.equal(e.tunnel?.mtu?.value, 1400);
  assert.ok(e.tunnel?.mtu?.uri?.endsWith('/ifup-local'), 'the script sets the MTU again after the change');
  assert.equal(e.local?.value, '2001:db8:a::1', 'the creator keeps its addresses');
});

test('ipip6 + `ip -6 tunnel change` applies and overwrites MTU= (kernel recomputes)', () => {
  const fold = foldLinuxChanges(eps(`${FIXTURES}/script/ipip6-fixed/ifcfg-tun30`, `${FIXTURES}/script/ipip6-fixed/ifup-local`));
  const merged = fold.endpoints;
  assert.deepEqual(fold.ignored, [], 'ip6tnl takes the ioctl change');
  assert.equal(merged.length, 1);
  assert.equal(merged[0].tunnel?.encapLimit?.value, 'none');
  assert.equal(merged[0].tunnel?.mtu?.value, 1460);
  assert.match(merged[0].tunnel!.mtu!.rule!, /overwrites the MTU 1400/);
});

test('ip6gre + `ip -6 tunnel change`: the ioctl path leaves encaplimit 4, and the fold says why', () => {
  const fold = foldLinuxChanges(eps(`${FIXTURES}/script/ip6gre-ioctl/ifcfg-tun10`, `${FIXTURES}/script/ip6gre-ioctl/ifup-local`));
  const merged = fold.endpoints;
  assert.equal(merged.length, 1);
  assert.equal(fold.ignored.length, 1);
  assert.ok(fold.ignored[0].change.uri.endsWith('/ifup-local'));
  assert.equal(fold.ignored[0].range.start.line, 3, 'the encaplimit value of the script');
  assert.match(fold.ignored[0].message, /^tun10 is ip6gre \(ifcfg-tun10\): the kernel's ioctl change path/);
  assert.equal(merged[0].tunnel?.encapLimit?.value, 4);
  assert.match(merged[0].tunnel!.encapLimit!.rule!, /does not apply to ip6gre/);
  assert.equal(merged[0].tunnel?.mtu?.value, 1448);
});

test('folder trees: host1/sbin/ifup-local changes host1/etc/…/ifcfg-tun10, not host2', () => {
  const h1 = `${FIXTURES}/tree/host1/etc/sysconfig/network-scripts/ifcfg-tun10`;
  const hook = `${FIXTURES}/tree/host1/sbin/ifup-local`;
  const h2 = `${FIXTURES}/tree/host2/ifcfg-tun10`;
  assert.ok(shareFolderTree(`file://${h1}`, `file://${hook}`));
  assert.ok(!shareFolderTree('file:///srv/a/b/c/d/ifcfg-tun10', 'file:///srv/x/ifup-local'), 'more than three levels apart');
  assert.ok(!shareFolderTree('file:///a/x', 'file:///b/y'), 'only the root in common');
  const merged = mergeLinuxEndpoints(eps(h1, h2, hook));
  assert.equal(merged.length, 2);
  const [m1, m2] = merged;
  assert.equal(m1.tunnel?.encapLimit?.value, 'none', 'an unguarded "$1" applies to the device ifup brought up');
  assert.equal(m1.tunnel?.mtu?.value, 1400, 'the script re-applies the MTU after the change');
  assert.equal(m1.tunnel?.mtu?.source, 'written');
  assert.equal(m2.tunnel?.encapLimit?.value, 4, 'another host is untouched');
});

test('a change with no creator stays a partial endpoint', () => {
  const merged = mergeLinuxEndpoints(eps(`${FIXTURES}/script/ipip6-fixed/ifup-local`));
  assert.equal(merged.length, 1);
  assert.ok(isPartialLinuxEndpoint(merged[0]));
});

test('non-Linux endpoints pass through untouched', () => {
  const other = { id: 'x#Tunnel20', uri: 'file:///x/r1.ios', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, name: 'Tunnel20', vendor: 'cisco-ios' as const };
  const merged = mergeLinuxEndpoints([other, ...eps(`${SAMPLES}/founding-case/linux/ifcfg-tun10`)]);
  assert.deepEqual(merged[0], other);
  assert.equal(merged.length, 2);
});

test('the CLI listing: encaplimit and MTU with reasons', () => {
  const broken = listLinuxTunnelLimits(eps(`${SAMPLES}/founding-case/linux/ifcfg-tun10`));
  assert.equal(broken.length, 1);
  assert.equal(broken[0].device, 'tun10');
  assert.equal(broken[0].encapLimit.value, 4);
  assert.match(broken[0].encapLimit.effect, /8-byte IPv6 Destination Options header/);
  assert.match(broken[0].encapLimit.why, /iproute2's default 4/);
  assert.equal(broken[0].mtu.value, 1400);
  const fixed = listLinuxTunnelLimits(eps(`${SAMPLES}/fixed-by-script/linux/ifcfg-tun10`, `${SAMPLES}/fixed-by-script/linux/ifup-local`));
  assert.equal(fixed.length, 1);
  assert.equal(fixed[0].encapLimit.value, 'none');
  const text = formatLinuxTunnelLimits(fixed);
  assert.match(text, /tun10 \(ip6gre\)/);
  assert.match(text, /encaplimit none: no Destination Options header.*written at line \d+ of ifup-local/);
  assert.match(text, /mtu 1400/);
});
