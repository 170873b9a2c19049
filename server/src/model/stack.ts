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
  const stack = cachedStack(me, peer, offerer);
  // A copy: callers may change theirs (the preview's layout does); the cached one stays as built.
  return stack && { ...stack };
}

// Endpoints are never changed once built (a new version of a file makes new ones), so the stack of
// an endpoint towards a peer is computed once per (endpoint, peer, offerer): the MTU checks, their
// fixes and the hover ask for the same four stacks of a pair from both ends (ten builds a pair).
// Weak both ways: a hub's endpoint outlives many versions of its spokes' endpoints.
const STACKS = new WeakMap<Endpoint, WeakMap<object, [TunnelStack | undefined, TunnelStack | undefined]>>();
const NO_PEER = {};

function cachedStack(me: Endpoint, peer: Endpoint | undefined, offerer: 'me' | 'peer'): TunnelStack | undefined {
  let byPeer = STACKS.get(me);
  if (!byPeer) STACKS.set(me, (byPeer = new WeakMap()));
  let slot = byPeer.get(peer ?? NO_PEER);
  if (!slot) byPeer.set(peer ?? NO_PEER, (slot = [undefined, undefined]));
  const i = offerer === 'me' ? 0 : 1;
  return (slot[i] ??= buildStack(me, peer, offerer));
}

function buildStack(me: Endpoint, peer: Endpoint | undefined, offerer: 'me' | 'peer'): TunnelStack | undefined {
  const outer = me.family?.value ?? parseAddress(me.local?.value ?? '')?.family;
  if (!outer) return undefined;
  // An SA that comes up only when one end initiates comes up in tunnel mode.
  const effective = effectiveMode(me, peer);
  const mode = effective === 'initiator' ? 'tunnel' : effective;
  const esp = me.ipsec?.esp?.value ?? [];
  const theirs = peer?.ipsec?.esp?.value;
  const match = theirs ? (offerer === 'me' ? espMatch(esp, theirs) : swapped(espMatch(theirs, esp))) : undefined;
  const encr = match?.chosen.encr ?? esp[0]?.encr[0];
  const integ = match ? (match.chosen.integ ?? 'NONE') : (esp[0]?.integ[0] ?? 'NONE');
  let inner: 'ipv4' | 'ipv6' | undefined;
  for (const a of me.tunnel?.innerAddresses ?? []) {
    inner = parseAddress(beforeSlash(a.value))?.family;
    if (inner) break;
  }
  const greKey = me.tunnel?.greKey?.value;
  const innerFamily = inner ?? (me.tunnel?.encapsulation.value === 'ip6ip6' || me.tunnel?.encapsulation.value === 'sit' ? 'ipv6' : 'ipv4');
  // The sample packet carries the real addresses where they are known and of the right family
  // (the keys present only then, in this order).
  const stack = {} as TunnelStack;
  const outerSrc = addressOf(me.local?.value, outer);
  if (outerSrc !== undefined) stack.outerSrc = outerSrc;
  const outerDst = addressOf(me.remote?.value, outer);
  if (outerDst !== undefined) stack.outerDst = outerDst;
  const innerSrc = addressOf(me.tunnel?.innerAddresses[0]?.value, innerFamily);
  if (innerSrc !== undefined) stack.innerSrc = innerSrc;
  const innerDst = addressOf(peer?.tunnel?.innerAddresses[0]?.value, innerFamily);
  if (innerDst !== undefined) stack.innerDst = innerDst;
  stack.outer = outer;
  stack.encapLimit = me.tunnel?.encapLimit?.value ?? 'none';
  stack.esp = mode === undefined ? 'none' : mode === 'fail' ? me.ipsec!.mode!.value : mode;
  stack.enc = (encr && encryptionByName(encr)) || 'aes-cbc-128';
  stack.integ = integrityByName(integ) ?? 'hmac-sha1-96';
  stack.encap = me.tunnel ? ENCAP[me.tunnel.encapsulation.value] : 'none';
  stack.greKey = greKey;
  stack.inner = innerFamily;
  return stack;
}

// The ESP match of two proposal lists, once per pair of lists (the four stacks of a pair ask for
// each order twice). The lists are the endpoints' own arrays, never changed.
const MATCHES = new WeakMap<object, WeakMap<object, { m: ReturnType<typeof firstMatch> }>>();

function espMatch(offers: Parameters<typeof firstMatch>[0], accepts: Parameters<typeof firstMatch>[1]): ReturnType<typeof firstMatch> {
  let byAccepts = MATCHES.get(offers);
  if (!byAccepts) MATCHES.set(offers, (byAccepts = new WeakMap()));
  let hit = byAccepts.get(accepts);
  if (!hit) byAccepts.set(accepts, (hit = { m: firstMatch(offers, accepts, 'esp', false) }));
  return hit.m;
}

function beforeSlash(v: string): string {
  const i = v.indexOf('/');
  return i < 0 ? v : v.slice(0, i);
}

function addressOf(v: string | undefined, family: string): string | undefined {
  const a = v === undefined ? undefined : parseAddress(beforeSlash(v));
  return a && a.family === family ? a.text : undefined;
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
  let byPeer = FITS.get(me);
  if (!byPeer) FITS.set(me, (byPeer = new WeakMap()));
  let byMtu = byPeer.get(peer ?? NO_PEER);
  if (!byMtu) byPeer.set(peer ?? NO_PEER, (byMtu = new Map()));
  let fit = byMtu.get(pathMtu);
  if (!byMtu.has(pathMtu)) byMtu.set(pathMtu, (fit = computePathFit(me, peer, pathMtu)));
  return fit && { fits: fit.fits, stack: { ...fit.stack } };
}

const FITS = new WeakMap<Endpoint, WeakMap<object, Map<number, PathFit | undefined>>>();

function computePathFit(me: Endpoint, peer: Endpoint | undefined, pathMtu: number): PathFit | undefined {
  const own = cachedStack(me, peer, 'me');
  if (!own) return undefined;
  const candidates: TunnelStack[] = [own];
  if (peer) {
    for (const s of [cachedStack(me, peer, 'peer'), cachedStack(peer, me, 'me'), cachedStack(peer, me, 'peer')]) if (s) candidates.push(s);
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
