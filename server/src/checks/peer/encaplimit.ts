// encaplimit-transport-interop: the founding case. Linux ip6gre/ip6tnl put an IPv6 Destination
// Options header (Tunnel Encapsulation Limit, 8 bytes) into every packet unless `encaplimit none`.
// In ESP transport mode ESP goes in after it; the packet is legal (RFC 4303 §3.1.1) but Cisco
// documents IPv6 IPsec as tunnel-mode only and decrypts it wrongly. Not raised in tunnel mode or
// with `encaplimit none`.
import type { Endpoint } from '../../core/endpoint';
import type { PeerCheckContext, PeerFinding } from '../peerTypes';
import { effectiveMode } from '../../model/mode';
import { because, describe, perEndpoint, placeOf } from './util';
import { Code } from '../../core/codes';

function sendsDestinationOptions(e: Endpoint): boolean {
  const limit = e.tunnel?.encapLimit;
  return e.vendor === 'linux' && e.family?.value === 'ipv6' && !!limit && limit.value !== 'none';
}

function limitText(e: Endpoint): string {
  const v = e.tunnel!.encapLimit!;
  const value = v.value === 0 ? '0 (which still sends the 8-byte option)' : String(v.value);
  return `Tunnel Encapsulation Limit ${value}: ${because(v)}`;
}

function raise(me: Endpoint, peer: Endpoint | undefined, _ctx: PeerCheckContext, report: (f: PeerFinding) => void): void {
  if (!sendsDestinationOptions(me) || effectiveMode(me, peer) !== 'transport') return;
  const mode = me.ipsec!.mode!;
  const related = [{ ...placeOf(me, 'ipsec', mode), message: `ESP is in transport mode here (${because(mode)}).` }];
  const header = `${describe(me)} sends an IPv6 Destination Options header (${limitText(me)}) in front of ESP, because ESP is in transport mode.`;
  if (peer?.vendor === 'cisco-ios') {
    const pm = peer.ipsec?.mode;
    related.push({ ...placeOf(peer, 'ipsec', pm), message: `${describe(peer)} runs ESP in transport mode here (${because(pm)}).` });
    report({
      code: Code.encaplimitTransportInterop,
      severity: 'error',
      message: `${me.name} puts Destination Options before transport-mode ESP; ${peer.name} (Cisco) then drops all traffic. Turn the limit off.`,
      detail: `${header} ${describe(peer)} decrypts such packets wrongly (it takes the Destination Options bytes for GRE): the SAs come up, but no traffic passes. Cisco documents IPv6 IPsec as tunnel mode only. Set \`encaplimit none\` on this tunnel, or use tunnel mode on both peers.`,
      ...placeOf(me, 'tunnel', me.tunnel!.encapLimit),
      related,
    });
    // The router's side, so the engineer looking at the router sees it too.
    report({
      code: Code.encaplimitTransportInterop,
      severity: 'error',
      message: `${me.name} (Linux) puts Destination Options before transport-mode ESP: this router drops its traffic. Turn the limit off there.`,
      detail: `The peer ${describe(me)} sends an IPv6 Destination Options header in front of transport-mode ESP (${limitText(me)}); this router decrypts such packets wrongly and drops the traffic. The fix belongs on the Linux side (\`encaplimit none\`), or use tunnel mode on both peers.`,
      ...placeOf(peer, 'ipsec', pm),
      related: [{ ...placeOf(me, 'tunnel', me.tunnel!.encapLimit), message: `${describe(me)} sets the encapsulation limit here.` }],
    });
  } else if (!peer) {
    report({
      code: Code.encaplimitTransportInterop,
      severity: 'warning',
      message: `${me.name} puts Destination Options before transport-mode ESP: a Cisco peer drops such traffic. Turn the limit off if it is one.`,
      detail: `${header} The packet is legal (RFC 4303 §3.1.1), but Cisco documents IPv6 IPsec as tunnel mode only and decrypts such packets wrongly; if the peer is a Cisco router, set \`encaplimit none\` or use tunnel mode.`,
      ...placeOf(me, 'tunnel', me.tunnel!.encapLimit),
      related,
    });
  }
}

export const encaplimitTransportInterop = perEndpoint(Code.encaplimitTransportInterop, raise);
