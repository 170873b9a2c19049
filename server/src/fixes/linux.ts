// Edits that remove the Destination Options header from a Linux tunnel (`encaplimit none`) or set
// its MTU, in whatever file defines the value: the `ip` command of a script, a .netdev, a
// .nmconnection, or — for a tunnel an ifcfg file creates, which no ifcfg key can change — the
// companion /sbin/ifup-local script (created or extended; docs/reference/ifcfg.md §6).
import type { Endpoint } from '../core/endpoint';
import { basenameOfUri, dirnameUri, joinUri } from '../core/uri';
import type { Fix, TextEditSpec } from '../core/types';
import { appendBlock, findLine, insertLineAfter, replaceRange, splitLines, textAt } from './text';
import type { FixContext } from './context';
import { atLeast } from '../core/versions';
import { NETPLAN_DROPIN_FILE, netplanNetdevName, netplanTunnelOf } from '../model/netplan';

type Place = 'ifcfg' | 'netdev' | 'nmconnection' | 'script' | 'ifupdown' | 'netplan';

/** Where Debian's ifupdown reads interface definitions (the ifupdown dialect's files). */
const IFUPDOWN_PATH = /(^|\/)network\/interfaces(\.d\/[^/]+)?$/;

function placeKind(uri: string): Place {
  const name = basenameOfUri(uri);
  if (IFUPDOWN_PATH.test(decodeURIComponent(uri))) return 'ifupdown';
  if (/(^|\/)netplan\/[^/]+\.yaml$/.test(uri)) return 'netplan';
  if (/\.netdev\.d\/[^/]+\.conf$/.test(uri)) return 'netdev';
  if (name.startsWith('ifcfg-')) return 'ifcfg';
  if (name.endsWith('.netdev')) return 'netdev';
  if (name.endsWith('.nmconnection')) return 'nmconnection';
  return 'script';
}

/** The iproute2 command that sets `encaplimit none` on an existing device of this kind. */
export function encaplimitNoneCommand(e: Endpoint): string {
  const dev = e.tunnel?.device ?? e.name;
  const kind = e.tunnel?.kind.value ?? '';
  // ip6gre's ioctl `change` path ignores encaplimit when the addresses stay (kernel source reading,
  // docs/reference/linux-kernel-tunnels.md §5); netlink `ip link set … type ip6gre` sets it.
  if (kind.startsWith('ip6gre')) return `ip link set dev ${dev} type ${kind} encaplimit none`;
  return `ip -6 tunnel change ${dev} encaplimit none`;
}

/** Sets `Key=value` in an ini section, replacing a written key or adding it under the section. */
function setIniKey(uri: string, text: string, section: string, key: string, value: string): TextEditSpec {
  const lines = splitLines(text);
  const head = findLine(text, new RegExp(`^\\s*\\[${section.replace(/[-[\]]/g, '\\$&')}\\]\\s*$`));
  if (head === undefined) return appendBlock(uri, text, `\n[${section}]\n${key}=${value}`);
  let end = lines.length;
  for (let i = head + 1; i < lines.length; i++) if (/^\s*\[/.test(lines[i])) { end = i; break; }
  const at = findLine(text, new RegExp(`^\\s*${key}\\s*=`), head + 1, end);
  if (at !== undefined) return { uri, range: { start: { line: at, character: 0 }, end: { line: at, character: lines[at].length } }, newText: `${key}=${value}` };
  return insertLineAfter(uri, text, head, `${key}=${value}`);
}

const NM_FLAG_IGN_ENCAP_LIMIT = 1;


/** The fix that makes the tunnel send no Destination Options header, or undefined. */
export function encaplimitNoneFix(e: Endpoint, ctx: FixContext): Fix | undefined {
  const limit = e.tunnel?.encapLimit;
  if (e.vendor !== 'linux' || !limit?.uri) return undefined;
  const uri = limit.uri;
  const text = ctx.text(uri);
  if (text === undefined) return undefined;
  const dev = e.tunnel!.device ?? e.name;
  switch (placeKind(uri)) {
    case 'netdev':
      return { title: `Set EncapsulationLimit=none for ${dev} in ${basenameOfUri(uri)}`, edits: [setIniKey(uri, text, 'Tunnel', 'EncapsulationLimit', 'none')], isPreferred: true };
    case 'nmconnection': {
      if (e.tunnel!.kind.value.startsWith('ip6gre') && e.version && !atLeast(e.version.value, '1.42.6')) return undefined;
      const lines = splitLines(text);
      const flagsLine = findLine(text, /^\s*flags\s*=/);
      const current = flagsLine === undefined ? 0 : Number.parseInt(lines[flagsLine].split('=')[1] ?? '0', 0) || 0;
      const flags = String(current | NM_FLAG_IGN_ENCAP_LIMIT);
      return { title: `Set flags=${flags} (ip6-ign-encap-limit) for ${dev} in ${basenameOfUri(uri)}`, edits: [setIniKey(uri, text, 'ip-tunnel', 'flags', flags)], isPreferred: true };
    }
    case 'script': {
      if (limit.source === 'written' && limit.range && textAt(text, limit.range) !== '') {
        return { title: `Use encaplimit none in the ip command for ${dev}`, edits: [replaceRange(uri, limit.range, 'none')], isPreferred: true };
      }
      const line = limit.range?.start.line;
      if (line === undefined) return undefined;
      const l = splitLines(text)[line];
      if (!/\bip\b/.test(l) || /\\\s*$/.test(l)) return undefined;
      const end = l.replace(/\s+(#.*)?$/, '').length;
      const at = { line, character: end };
      return { title: `Add encaplimit none to the ip command that creates ${dev}`, edits: [{ uri, range: { start: at, end: at }, newText: ' encaplimit none' }], isPreferred: true };
    }
    case 'ifcfg':
      return ifupLocalFix(e, uri, ctx);
    case 'ifupdown':
      return ifupdownEncapFix(e, uri, text);
    case 'netplan':
      return netplanEncapFix(e, uri, text, ctx);
  }
}

/** The host's /etc/systemd/network for a netplan file (`<root>/etc/netplan/x.yaml`), else the folder beside its own. */
function systemdNetworkDir(yamlUri: string): string {
  const m = /^(.*)\/(etc|run|lib)\/netplan\/[^/]+$/.exec(yamlUri);
  return m ? `${m[1]}/etc/systemd/network` : joinUri(dirnameUri(dirnameUri(yamlUri)), 'systemd', 'network');
}

/**
 * netplan has no key for the encapsulation limit (docs/reference/netplan.md §3): for the networkd
 * renderer a drop-in of the .netdev netplan generates, `/etc/systemd/network/10-netplan-<id>.netdev.d/`
 * with `[Tunnel] EncapsulationLimit=none` (a new file, or the existing one edited); for the
 * NetworkManager renderer `networkmanager: passthrough: ip-tunnel.flags: "1"` under the tunnel.
 */
function netplanEncapFix(e: Endpoint, uri: string, text: string, ctx: FixContext): Fix | undefined {
  const np = netplanTunnelOf(e);
  if (!np) return undefined;
  if (np.renderer === 'networkd') {
    const dropin = joinUri(systemdNetworkDir(uri), `${netplanNetdevName(np.id)}.d`, NETPLAN_DROPIN_FILE);
    const existing = ctx.text(dropin);
    const title = `Add the drop-in ${netplanNetdevName(np.id)}.d/${NETPLAN_DROPIN_FILE} with [Tunnel] EncapsulationLimit=none (netplan has no key for it; networkd applies it when it creates ${np.id}: delete the device or reboot)`;
    if (existing !== undefined) return { title, edits: [setIniKey(dropin, existing, 'Tunnel', 'EncapsulationLimit', 'none')], isPreferred: true };
    const zero = { line: 0, character: 0 };
    const body = `# Tunnel Lens: netplan has no key for the RFC 2473 encapsulation limit; this drop-in of the\n# ${netplanNetdevName(np.id)} that netplan generates removes the IPv6 Destination Options header.\n[Tunnel]\nEncapsulationLimit=none\n`;
    return { title, createFiles: [dropin], edits: [{ uri: dropin, range: { start: zero, end: zero }, newText: body }], isPreferred: true };
  }
  if (e.tunnel!.kind.value.startsWith('ip6gre') && e.version && !atLeast(e.version.value, '1.42.6')) return undefined;
  const modeLine = e.tunnel!.kind.range?.start.line;
  const idLine = e.range.start.line;
  if (modeLine === undefined || e.tunnel!.kind.uri !== uri) return undefined;
  const lines = splitLines(text);
  const indent = /^(\s*)/.exec(lines[modeLine] ?? '')![1];
  const idIndent = /^(\s*)/.exec(lines[idLine] ?? '')![1].length;
  if (!/^\s*mode\s*:/.test(lines[modeLine] ?? '') || indent.length <= idIndent) return undefined;
  for (let l = idLine + 1; l < lines.length && (lines[l].trim() === '' || /^(\s*)/.exec(lines[l])![1].length > idIndent); l++) if (new RegExp(`^${indent}networkmanager\\s*:`).test(lines[l])) return undefined;
  const step = indent.slice(idIndent) || '  ';
  const block = [`${indent}networkmanager:`, `${indent}${step}passthrough:`, `${indent}${step}${step}ip-tunnel.flags: "1"`].join('\n');
  return { title: `Add networkmanager: passthrough: ip-tunnel.flags: "1" (ip6-ign-encap-limit) to ${np.id} (netplan has no key for the encapsulation limit)`, edits: [insertLineAfter(uri, text, modeLine, block)], isPreferred: true };
}

/** The indentation of a stanza's options: the next line's when it is one, else a tab. */
function optionIndent(lines: string[], header: number): string {
  const next = lines[header + 1];
  return next !== undefined && /^\s+\S/.test(next) ? /^\s+/.exec(next)![0] : '\t';
}

/**
 * ifupdown (docs/reference/ifupdown.md §3, §5): a written encaplimit becomes `none`; an inet6
 * tunnel stanza (ifupdown ≥ 0.8.40) gets `encaplimit none`, an ifupdown-ng one `tunnel-encaplimit
 * none`; an inet tunnel stanza, which has no such option, an `up` line that sets it over netlink
 * (and the MTU again, which the change makes the kernel recompute).
 */
function ifupdownEncapFix(e: Endpoint, uri: string, text: string): Fix | undefined {
  const limit = e.tunnel!.encapLimit!;
  const dev = e.tunnel!.device ?? e.name;
  if (limit.source === 'written' && limit.range && textAt(text, limit.range) !== '') {
    return { title: `Use encaplimit none for ${dev}`, edits: [replaceRange(uri, limit.range, 'none')], isPreferred: true };
  }
  const header = limit.range?.start.line;
  if (header === undefined) return undefined;
  const lines = splitLines(text);
  const h = lines[header] ?? '';
  if (!/^\s*iface\s/.test(h)) return undefined;
  const indent = optionIndent(lines, header);
  if (/ifupdown-ng runs/.test(e.tunnel!.kind.rule ?? '')) {
    return { title: `Add tunnel-encaplimit none to the ${dev} stanza (ifupdown-ng)`, edits: [insertLineAfter(uri, text, header, `${indent}tunnel-encaplimit none`)], isPreferred: true };
  }
  if (/^\s*iface\s+\S+\s+inet6\s+tunnel\b/.test(h)) {
    return { title: `Add encaplimit none to the ${dev} stanza (ifupdown 0.8.40 or later)`, edits: [insertLineAfter(uri, text, header, `${indent}encaplimit none`)], isPreferred: true };
  }
  const mtu = e.tunnel!.mtu;
  const cmd = encaplimitNoneCommand({ ...e, tunnel: { ...e.tunnel!, device: '$IFACE' } });
  const block = [`${indent}up ${cmd}`, ...(mtu?.source === 'written' ? [`${indent}up ip link set dev $IFACE mtu ${mtu.value}`] : [])].join('\n');
  return { title: `Add \`up ${cmd}\` to the ${dev} stanza (its method has no encaplimit option)`, edits: [insertLineAfter(uri, text, header, block)], isPreferred: true };
}

/** ifcfg cannot set the limit: /sbin/ifup-local (run by ifup-post with the device as $1) can. */
function ifupLocalFix(e: Endpoint, ifcfgUri: string, ctx: FixContext): Fix {
  const dev = e.tunnel!.device ?? e.name;
  const scriptUri = joinUri(dirnameUri(ifcfgUri), 'ifup-local');
  const mtu = e.tunnel!.mtu;
  // Changing the tunnel makes the kernel recompute its MTU; a written MTU is set again after it.
  const body = [`    ${encaplimitNoneCommand(e)}`, ...(mtu?.source === 'written' ? [`    ip link set dev ${dev} mtu ${mtu.value}`] : [])];
  const block = [
    `# Tunnel Lens: ifcfg-${dev} cannot set the encapsulation limit; without this, every packet of`,
    `# ${dev} carries an IPv6 Destination Options header that breaks ESP transport mode on Cisco IOS.`,
    `if [ "$1" = "${dev}" ]; then`,
    ...body,
    'fi',
  ].join('\n');
  const existing = ctx.text(scriptUri);
  // An editor's edit cannot set a file's mode, and initscripts runs /sbin/ifup-local only when it
  // is executable: the title and the script say how to install it (`tunnel-lens fix` sets 755).
  const title = `Run \`${encaplimitNoneCommand(e)}\` from ${existing === undefined ? 'a new' : 'the'} ifup-local script (no ifcfg key can set it; install it with \`install -m 755 ifup-local /sbin/ifup-local\`)`;
  if (existing !== undefined) return { title, edits: [appendBlock(scriptUri, existing, block)], isPreferred: true };
  const zero = { line: 0, character: 0 };
  return { title, createFiles: [scriptUri], edits: [{ uri: scriptUri, range: { start: zero, end: zero }, newText: `#!/bin/bash\n# /sbin/ifup-local: ifup-post runs it with the device name as $1, only when it is executable:\n#   install -m 755 ifup-local /sbin/ifup-local\n${block}\n` }], isPreferred: true };
}

/** Sets the tunnel's MTU where it is defined (or, for an ifcfg tunnel without MTU=, adds the key). */
export function linuxMtuEdit(e: Endpoint, mtu: number, ctx: FixContext): TextEditSpec | undefined {
  const m = e.tunnel?.mtu;
  if (e.vendor !== 'linux' || !m) return undefined;
  if (m.source === 'written' && m.uri && m.range) return replaceRange(m.uri, m.range, String(mtu));
  const text = ctx.text(e.uri);
  if (text === undefined) return undefined;
  switch (placeKind(e.uri)) {
    case 'ifcfg':
      return appendBlock(e.uri, text, `MTU=${mtu}`);
    case 'netdev':
      return setIniKey(e.uri, text, 'NetDev', 'MTUBytes', String(mtu));
    case 'nmconnection':
      return setIniKey(e.uri, text, 'ip-tunnel', 'mtu', String(mtu));
    case 'script':
      return appendBlock(e.uri, text, `ip link set dev ${e.tunnel!.device ?? e.name} mtu ${mtu}`);
    case 'netplan': {
      const modeLine = e.tunnel!.kind.range?.start.line;
      const l = modeLine === undefined ? undefined : splitLines(text)[modeLine];
      if (l === undefined || !/^\s*mode\s*:/.test(l) || e.tunnel!.kind.uri !== e.uri) return undefined;
      return insertLineAfter(e.uri, text, modeLine!, `${/^(\s*)/.exec(l)![1]}mtu: ${mtu}`);
    }
    case 'ifupdown': {
      const header = e.range.start.line;
      if (!/^\s*iface\s/.test(splitLines(text)[header] ?? '')) return undefined;
      return insertLineAfter(e.uri, text, header, `${optionIndent(splitLines(text), header)}mtu ${mtu}`);
    }
  }
}
