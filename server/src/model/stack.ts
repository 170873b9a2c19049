// The exact packet stack of an endpoint towards its peer, in the codec's terms: outer family,
// Destination Options or not, ESP mode and the negotiated transforms, the tunnel encapsulation and
// the passenger family. The MTU rules and the preview both start from it.
import { encryptionByName, integrityByName, type TunnelStack } from '../../../codec';
import { parseAddress } from '../core/address';
import type { Endpoint } from '../core/endpoint';
import { firstMatch } from './negotiation';
import { effectiveMode } from './mode';

const ENCAP: Record<string, TunnelStack['encap']> = { gre: 'gre', ipip: 'ipip', ipip6: 'ipip', ip6ip6: 'ipip', sit: 'ipip', vti: 'none', none: 'none' };

export function endpointStack(me: Endpoint, peer?: Endpoint): TunnelStack | undefined {
  const outer = me.family?.value ?? parseAddress(me.local?.value ?? '')?.family;
  if (!outer) return undefined;
  // An SA that comes up only when one end initiates comes up in tunnel mode.
  const effective = effectiveMode(me, peer);
  const mode = effective === 'initiator' ? 'tunnel' : effective;
  const esp = me.ipsec?.esp?.value ?? [];
  const match = peer?.ipsec?.esp ? firstMatch(esp, peer.ipsec.esp.value, 'esp', false) : undefined;
  const encr = match?.chosen.encr ?? esp[0]?.encr[0];
  const integ = match ? (match.chosen.integ ?? 'NONE') : (esp[0]?.integ[0] ?? 'NONE');
  const inner = me.tunnel?.innerAddresses.map((a) => parseAddress(a.value.split('/')[0])?.family).find(Boolean);
  const greKey = me.tunnel?.greKey?.value;
  // The sample packet carries the real addresses where they are known and of the right family.
  const addr = (v: string | undefined, family: string) => {
    const a = v === undefined ? undefined : parseAddress(v.split('/')[0]);
    return a && a.family === family ? a.text : undefined;
  };
  const innerFamily = inner ?? (me.tunnel?.encapsulation.value === 'ip6ip6' || me.tunnel?.encapsulation.value === 'sit' ? 'ipv6' : 'ipv4');
  const addresses = Object.fromEntries(
    Object.entries({
      outerSrc: addr(me.local?.value, outer),
      outerDst: addr(me.remote?.value, outer),
      innerSrc: addr(me.tunnel?.innerAddresses[0]?.value, innerFamily),
      innerDst: addr(peer?.tunnel?.innerAddresses[0]?.value, innerFamily),
    }).filter(([, v]) => v !== undefined),
  );
  return {
    ...addresses,
    outer,
    encapLimit: me.tunnel?.encapLimit?.value ?? 'none',
    esp: mode === undefined ? 'none' : mode === 'fail' ? me.ipsec!.mode!.value : mode,
    enc: (encr && encryptionByName(encr)) || 'aes-cbc-128',
    integ: integrityByName(integ) ?? 'hmac-sha1-96',
    encap: me.tunnel ? ENCAP[me.tunnel.encapsulation.value] : 'none',
    greKey,
    inner: innerFamily,
  };
}
