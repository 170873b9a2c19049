// The hover text every Linux dialect shows on a tunnel line: the encapsulation limit in force and
// the MTU, each with the reason (written where, or which default rule). What comes from a file
// (names, addresses, file names) is escaped (core/redact.ts).
import type { Endpoint } from '../../core/endpoint';
import { markdownCode, markdownText } from '../../core/redact';
import { describeEncapLimit, describeOrigin, LINUX_KINDS } from '../../model/linuxTunnels';

export function tunnelHoverMarkdown(e: Endpoint): string {
  const t = e.tunnel;
  if (!t) return '';
  const lines: string[] = [];
  const fam = e.family ? ` over ${e.family.value === 'ipv6' ? 'IPv6' : 'IPv4'}` : '';
  lines.push(`**${markdownText(t.device ?? e.name)}**: Linux ${markdownCode(t.kind.value)} (${t.encapsulation.value}${fam})`);
  if (e.local || e.remote) lines.push(`- local ${markdownCode(String(e.local?.value ?? '?'))} → remote ${markdownCode(String(e.remote?.value ?? '?'))}`);
  if (t.greKey) lines.push(`- GRE key ${t.greKey.value}`);
  if (LINUX_KINDS[t.kind.value]?.tel || t.encapLimit) {
    const el = t.encapLimit;
    lines.push(`- **encapsulation limit ${el ? el.value : '?'}**: ${describeEncapLimit(el?.value)}`);
    if (el) lines.push(`  - why: ${markdownText(describeOrigin(el))}`);
  }
  if (t.mtu) lines.push(`- **MTU ${t.mtu.value}**: ${markdownText(describeOrigin(t.mtu))}`);
  if (t.innerAddresses.length) lines.push(`- inner ${t.innerAddresses.map((a) => markdownCode(String(a.value))).join(', ')}`);
  return lines.join('\n');
}
