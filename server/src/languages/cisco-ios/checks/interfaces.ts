// Interfaces: MTU, MSS and tunnel key ranges; tunnel source and destination in the family the
// tunnel mode carries; destinations the mode forbids; overlay modes before IOS-XE 17.6; two tunnels
// IOS cannot tell apart (docs/reference/ios-grammar.md §7, §8).
import { Code } from '../../../core/codes';
import { parseAddress } from '../../../core/address';
import type { Fix } from '../../../core/types';
import { DEFAULT_TUNNEL_MODE, RANGES, supportsOverlay, versionLabel } from '../defaults';
import { modeFamily } from '../endpoints/tunnel';
import { iosCheck, rangeCheck } from './common';

const DEFAULT_MODE_WORDS = DEFAULT_TUNNEL_MODE.split(' ');

export const interfaces = iosCheck('tunnel-interfaces', [Code.invalidValue, Code.versionIncompatible, Code.duplicateKey], (t, report, file) => {
  const { cfg, version } = t;
  const seen = new Map<string, string>();
  for (const itf of cfg.interfaces.values()) {
    if (itf.ipMtu) rangeCheck(report, itf.ipMtu, RANGES.ipMtu, 'ip mtu', 'error');
    if (itf.ipv6Mtu) rangeCheck(report, itf.ipv6Mtu, RANGES.ipv6Mtu, 'ipv6 mtu', 'error');
    if (itf.adjustMss) rangeCheck(report, itf.adjustMss, RANGES.adjustMss, 'ip tcp adjust-mss', 'error');
    if (itf.tunnelKey) rangeCheck(report, itf.tunnelKey, RANGES.tunnelKey, 'tunnel key', 'error');
    const words = itf.tunnelMode?.words ?? DEFAULT_MODE_WORDS;
    const modeText = words.join(' ');
    const family = modeFamily(words);
    const dest = itf.tunnelDestination;
    const da = dest ? parseAddress(dest.text) : undefined;
    const addressModes = /^(gre( ip| ipv6)?|gre multipoint( ipv6)?|ipsec ipv4.*|ipsec ipv6.*|ipip.*|ipv6|ipv6ip.*)$/.test(modeText);
    if (da && addressModes && da.family !== family && !/^(ipv6ip|gre multipoint)/.test(modeText)) {
      const want = da.family === 'ipv6' ? (words[0] === 'ipsec' ? 'ipsec ipv6' : words[0] === 'ipip' ? 'ipv6' : 'gre ipv6') : words[0] === 'ipsec' ? 'ipsec ipv4' : 'gre ip';
      const fixRange = itf.tunnelMode?.range;
      const fixes: Fix[] = fixRange ? [{ title: `Use "tunnel mode ${want}"`, edits: [{ uri: file.uri, range: fixRange, newText: `tunnel mode ${want}` }], isPreferred: true }] : [];
      report({ code: Code.invalidValue, severity: 'error', message: `tunnel destination ${dest!.text} is ${da.family === 'ipv6' ? 'IPv6' : 'IPv4'} but tunnel mode ${modeText}${itf.tunnelMode ? '' : ` (the ${versionLabel(version)} default)`} carries the tunnel over ${family === 'ipv6' ? 'IPv6' : 'IPv4'}; use tunnel mode ${want}`, range: dest!.range, fixes });
    }
    if (dest && /^(gre multipoint|ipv6ip (6to4|isatap|6rd|auto-))/.test(modeText)) {
      // The IOS-XE YANG model forbids it [V]; whether every CLI release rejects it is unverified, so warn.
      report({ code: Code.invalidValue, severity: 'warning', message: `tunnel mode ${modeText} takes no tunnel destination (the IOS-XE model forbids it; peers are learned via NHRP or automatically)`, range: dest.range });
    }
    const src = itf.tunnelSource;
    const sa = src && !src.iface ? parseAddress(src.text) : undefined;
    if (sa && addressModes && sa.family !== family && !/^(gre multipoint)$/.test(modeText)) {
      report({ code: Code.invalidValue, severity: 'error', message: `tunnel source ${src!.text} is ${sa.family === 'ipv6' ? 'IPv6' : 'IPv4'} but tunnel mode ${modeText} carries the tunnel over ${family === 'ipv6' ? 'IPv6' : 'IPv4'}`, range: src!.range });
    }
    if (itf.tunnelMode && /^ipsec ipv[46] v[46]-overlay$/.test(modeText) && !supportsOverlay(version)) {
      report({ code: Code.versionIncompatible, severity: 'warning', message: `tunnel mode ${modeText} is in the IOS-XE 17.6.1 model; support in ${versionLabel(version)} is unverified`, range: itf.tunnelMode.range });
    }
    // Two tunnels IOS cannot tell apart: same source, destination, mode and key.
    if (itf.tunnelSource && dest && /^Tunnel/i.test(itf.name)) {
      const key = `${itf.tunnelSource.text.toLowerCase()}|${da?.text ?? dest.text}|${modeText}|${itf.tunnelKey?.text ?? ''}`;
      const other = seen.get(key);
      if (other) report({ code: Code.duplicateKey, severity: 'warning', message: `${itf.name} has the same tunnel source, destination, mode and key as ${other}: IOS cannot tell their packets apart (add a distinct tunnel key)`, range: dest.range });
      else seen.set(key, itf.name);
    }
  }
});
