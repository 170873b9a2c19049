// The exact packet stack of an endpoint towards its peer, in the codec's terms: outer family,
// Destination Options or not, ESP mode and the negotiated transforms, the tunnel encapsulation and
// the passenger family. The MTU rules and the preview both start from it.
import { encryptionByName, integrityByName, maxInnerPacket, type TunnelStack } from '../../../codec';
import { parseAddress } from '../core/address';
import type { Endpoint } from '../core/endpoint';
import { firstMatch } from './negotiation';
import { effectiveMode } from './mode';

const swapped = <T extends { a: unknown; b: unknown }>(m: T | undefined): T | undefined => (m ? { ...m, a: m.b, b: m.a } : m);

const ENCAP: Record<string, TunnelStack['encap']> = { gre: 'gre', ipip: 'ipip', ipip6: 'ipip', ip6ip6: 'ipip', sit: 'ipip', vti: 'none', none: 'none' };

/**
 * `offerer`: whose ESP proposal order picks the transforms ('me' by default, as when this end
 * initiates); the responder takes the first of the initiator's proposals it accepts.
 */
export function endpointStack(me: Endpoint, peer?: Endpoint, offerer: 'me' | 'peer' = 'me'): TunnelStack | undefined {
  const outer = me.family?.value ?? parseAddress(me.local?.value ?? '')?.family;
  if (!outer) return undefined;
  // An SA that comes up only when one end initiates comes up in tunnel mode.
  const effective = effectiveMode(me, peer);
  const mode = effective === 'initiator' ? 'tunnel' : effective;
  const esp = me.ipsec?.esp?.value ?? [];
  const theirs = peer?.ipsec?.esp?.value;
  const match = theirs ? (offerer === 'me' ? firstMatch(esp, theirs, 'esp', false) : swapped(firstMatch(theirs, esp, 'esp', false))) : undefined;
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

/** The largest inner packet of a pair's path, and the stack that bounds it. */
export interface PathFit {
  fits: number;
  stack: TunnelStack;
}

/**
 * The largest inner packet that fits the path MTU for the pair's traffic, whichever end sends it and
 * whichever end initiates (which picks the transforms): the smallest of the four. Both ends of a
 * pair get the same figure, whatever the order the pair was found in (`mtu-exceeds-path`, its fix
 * and the hover all read it here). Without a peer, this end's own stack. Ties between stacks that
 * bound it are broken by their text, so the stack named is the same from both ends too.
 */
export function pathFit(me: Endpoint, peer: Endpoint | undefined, pathMtu: number): PathFit | undefined {
  const own = endpointStack(me, peer);
  if (!own) return undefined;
  const candidates: TunnelStack[] = [own];
  if (peer) {
    for (const s of [endpointStack(me, peer, 'peer'), endpointStack(peer, me), endpointStack(peer, me, 'peer')]) if (s) candidates.push(s);
  }
  let best: PathFit | undefined;
  let bestKey = '';
  for (const stack of candidates) {
    const fits = maxInnerPacket(stack, pathMtu);
    const key = stackKey(stack);
    if (!best || fits < best.fits || (fits === best.fits && key < bestKey)) {
      best = { fits, stack };
      bestKey = key;
    }
  }
  return best;
}

/** The stack's layers, without the addresses of either end (which differ by direction). */
function stackKey(s: TunnelStack): string {
  return [s.outer, s.encapLimit, s.esp, s.enc, s.integ, s.encap, s.greKey ?? '', s.inner].join(' ');
}
