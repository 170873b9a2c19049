// The preview's server side: the `tunnelLens/layout` request and the "Show packet layout" code
// lens on tunnel definitions. The answer is built from the composed endpoints (device + IPsec conn)
// and the pairs the peer checks use, so the panel shows exactly what the findings talk about.
import type { Connection } from 'vscode-languageserver/node';
import type { LanguageService } from '../service/languageService';
import type { Endpoint } from '../core/endpoint';
import type { Settings } from '../core/types';
import { endpointStack } from '../model/stack';
import { endpointAt, peerOf } from '../service/endpointAt';
import { hasEncapLimitHeader, layout, type TunnelStack } from '../../../codec/layout';
import { toHex } from '../../../codec/bytes';
import { nodeCrypto } from '../../../codec/crypto-node';
import { LayoutRequest } from '../protocol/requests';
import { documentUri, handler, ParamsError, position } from './params';
import {
  type LayoutRequestParams,
  type LayoutResponse,
  type PreviewEndpoint,
  type PreviewPosition,
  type PreviewSample,
} from '../protocol/preview';

export type { LayoutRequestParams, LayoutResponse };

export function registerLayout(connection: Connection, service: LanguageService, ready: () => void = () => undefined): void {
  const log = (line: string) => connection.console.error(line);
  connection.onCodeLens(
    handler(log, 'codeLens', [], (p) => {
      ready();
      const file = service.parse(documentUri(p));
      if (!file) return [];
      return file.endpoints
        .filter((e) => e.tunnel || e.ipsec)
        .map((e) => ({
          range: e.range,
          command: { title: 'Show packet layout', command: 'tunnelLens.showPacketLayout', arguments: [file.uri, e.range.start] },
        }));
    }),
  );
  connection.onRequest(
    LayoutRequest,
    handler(log, LayoutRequest.method, null as LayoutResponse | null, (p) => {
      if (typeof p.uri !== 'string') throw new ParamsError('uri must be a string');
      ready();
      return layoutAt(service, p.uri, position(p.position));
    }),
  );
}

export function layoutAt(service: LanguageService, uri: string, position: PreviewPosition): LayoutResponse | null {
  const me = endpointAt(service, uri, position);
  if (!me) return null;
  return buildLayoutResponse(me, peerOf(service, me), service.workspace.context().settings);
}

/** Founding case: IPv6 outer with the Destination Options header in front of transport-mode ESP. */
export function isFoundingCase(s: TunnelStack | undefined): s is TunnelStack {
  return !!s && hasEncapLimitHeader(s) && s.esp === 'transport';
}

function describeEndpoint(e: Endpoint): PreviewEndpoint {
  const out: PreviewEndpoint = { id: e.id, name: e.name, vendor: e.vendor, file: e.uri, line: e.range.start.line };
  if (e.tunnel?.kind.value) out.kind = e.tunnel.kind.value;
  const c = e.protectedBy;
  if (c) out.protectedBy = { name: c.name, file: c.uri, line: c.range.start.line };
  return out;
}

function sampleOf(stack: TunnelStack, pathMtu: number): PreviewSample {
  const r = layout(stack, pathMtu, { crypto: nodeCrypto });
  return {
    hex: toHex(r.bytes),
    sa: r.sa,
    encrypted: r.encrypted,
    maxInnerPacket: r.maxInnerPacket,
    packetLength: r.packetLength,
    innerLength: r.innerLength,
  };
}

function stackWords(s: TunnelStack): string {
  const parts = [s.outer === 'ipv6' ? 'IPv6' : 'IPv4'];
  if (s.encap !== 'none') parts.push(s.encap === 'gre' ? 'GRE' : 'IP-in-IP');
  if (s.outer === 'ipv6' && s.encap !== 'none') parts.push(`encaplimit ${s.encapLimit}`);
  parts.push(s.esp === 'none' ? 'no ESP' : `ESP ${s.esp} ${s.enc}${s.integ !== 'none' ? '/' + s.integ : ''}`);
  parts.push(`inner ${s.inner === 'ipv6' ? 'IPv6' : 'IPv4'}`);
  return parts.join(', ');
}

/**
 * The response for one endpoint and its peer (if paired). When the cursor is on the Cisco side of
 * a founding-case pair the packet shown is the Linux peer's — the one the Cisco mis-parses.
 */
export function buildLayoutResponse(me: Endpoint, peer: Endpoint | undefined, settings: Pick<Settings, 'pathMtu'>): LayoutResponse | null {
  let from = me;
  let to = peer;
  let atCursor: 'from' | 'to' = 'from';
  let stack = endpointStack(me, peer);
  if (peer && !isFoundingCase(stack)) {
    const theirs = endpointStack(peer, me);
    if (isFoundingCase(theirs)) {
      from = peer;
      to = me;
      atCursor = 'to';
      stack = theirs;
    }
  }
  if (!stack) return null;
  const pathMtu = settings.pathMtu;
  const founding = isFoundingCase(stack);
  const fixedStack: TunnelStack | undefined = founding ? { ...stack, encapLimit: 'none' } : undefined;
  const watch = [...new Set([from, to].flatMap((e) => (e ? [e.uri, e.protectedBy?.uri] : [])).filter((u): u is string => !!u))];
  const device = (e: Endpoint) => e.tunnel?.device ?? e.name;
  return {
    title: to ? `${device(from)} → ${device(to)}` : device(from),
    description: [from.tunnel?.kind.value, stackWords(stack)].filter(Boolean).join(' · '),
    from: describeEndpoint(from),
    to: to ? describeEndpoint(to) : undefined,
    atCursor,
    pathMtu,
    stack,
    sample: sampleOf(stack, pathMtu),
    fixedStack,
    fixedSample: fixedStack ? sampleOf(fixedStack, pathMtu) : undefined,
    ciscoMisparse: founding && to?.vendor === 'cisco-ios',
    watch,
  };
}
