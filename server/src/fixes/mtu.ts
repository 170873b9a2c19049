// Quick fixes that set the tunnel MTU (and on IOS the TCP MSS) to the computed value (filled in
// once the dialects' edit points are known).
import type { Endpoint } from '../model/endpoint';
import type { Fix } from '../service/types';

export function mtuFixes(_me: Endpoint, _mtu: number, _inner: 'ipv4' | 'ipv6'): Fix[] {
  return [];
}
