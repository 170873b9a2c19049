// Quick fixes for the founding case (filled in once the Linux dialect's edit points are known).
import type { Endpoint } from '../model/endpoint';
import type { Fix, Settings } from '../service/types';

export function encaplimitFixes(_me: Endpoint, _peer: Endpoint | undefined, _settings: Settings): Fix[] {
  return [];
}
