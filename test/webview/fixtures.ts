// Layout responses for the webview tests, built by the real server-side builder from hand-made
// endpoints (the founding-case pair of test/helpers/endpoints.ts and variants of it).
import { buildLayoutResponse } from '../../server/src/lsp/layout';
import type { LayoutResponse } from '../../server/src/protocol/preview';
import type { Endpoint } from '../../server/src/core/endpoint';
import { iosEndpoint, linuxEndpoint, written } from '../helpers/endpoints';

export const XSS = '<img src=x onerror=alert(1)>';

function response(me: Endpoint, peer: Endpoint | undefined, pathMtu = 1500): LayoutResponse {
  const r = buildLayoutResponse(me, peer, { pathMtu });
  if (!r) throw new Error('no layout response for the fixture');
  return r;
}

/** Linux ip6gre (encaplimit 4) + ESP transport towards the Cisco C897VA: the founding case. */
export function foundingCase(): LayoutResponse {
  return response(linuxEndpoint(), iosEndpoint());
}

/** The same Linux side towards another Linux host: no Cisco mis-parse. */
export function linuxToLinux(): LayoutResponse {
  const a = linuxEndpoint();
  const b = linuxEndpoint();
  const uri = 'file:///ws/other/ifcfg-tun20';
  const peer: Endpoint = { ...b, id: `${uri}#tun20`, uri, name: 'tun20', local: written('2001:db8:b::1', uri, 3), remote: written('2001:db8:a::1', uri, 4), tunnel: { ...b.tunnel!, device: 'tun20' } };
  return response(a, peer);
}

/** The fixed Linux side (encaplimit none) towards the Cisco. */
export function fixedCase(): LayoutResponse {
  const a = linuxEndpoint();
  a.tunnel!.encapLimit = written('none' as const, a.uri, 2);
  return response(a, iosEndpoint());
}

/** Config text that tries to be markup, in the names and the description. */
export function hostileNames(): LayoutResponse {
  const a = linuxEndpoint();
  a.name = XSS;
  a.tunnel!.device = XSS;
  a.tunnel!.kind = written(XSS, a.uri, 1);
  const r = response(a, iosEndpoint());
  return r;
}
