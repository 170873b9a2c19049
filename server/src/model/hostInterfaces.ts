// The host's own interface addresses, as its network configuration assigns them: the uplink that
// carries a tunnel's outer packets, and the one that holds the default route. `left=%defaultroute`
// (and a tunnel without `local`) takes its address from the kernel's route to the peer at run time
// (docs/reference/stock-layouts.md §5); a checker without a live host resolves it from these. The
// Linux front ends that configure interfaces (ifupdown, netplan, systemd-networkd .network) offer
// them through `hostAddresses(file)` on their dialect module (HostAddressSource), so the service
// never reads a dialect's tree.
import type { Family, Valued } from '../core/endpoint';
import type { ParsedFile } from '../core/types';
import { parseAddress } from '../core/address';

export interface HostAddress {
  /** The file that assigns the address. */
  uri: string;
  /** The interface (ens3), or the netplan/networkd name it is matched by. */
  device: string;
  /** Normalized address, without the prefix length; written at the line that assigns it. */
  address: Valued<string>;
  prefixLength?: number;
  family: Family;
  /** The gateway of a default route of this family through this interface, where one is configured. */
  defaultGateway?: Valued<string>;
}

/** What a dialect that assigns interface addresses offers the peer analysis. */
export interface HostAddressSource<T = unknown> {
  hostAddresses(file: ParsedFile<T>): HostAddress[];
}

/** The host addresses a dialect module offers for a file (none when it is no HostAddressSource). */
export function hostAddressesOf(dialect: object, file: ParsedFile): HostAddress[] {
  const source = dialect as Partial<HostAddressSource>;
  return typeof source.hostAddresses === 'function' ? source.hostAddresses(file) : [];
}

/**
 * The address the kernel would use towards `remote`, as far as the configuration says it: an
 * address of the same family on an interface with a default route of that family, else the only
 * address of that family. Undefined when nothing or several candidates decide it.
 */
export function sourceAddressFor(addresses: readonly HostAddress[], remote: string | undefined): HostAddress | undefined {
  const family = remote ? parseAddress(remote)?.family : undefined;
  return family ? sourceAddressOfFamily(addresses, family) : undefined;
}

/** The same for a family: the address of the interface with the default route, else the only one. */
export function sourceAddressOfFamily(addresses: readonly HostAddress[], family: Family): HostAddress | undefined {
  const same = addresses.filter((a) => a.family === family && !isLinkLocal(a));
  const routed = same.filter((a) => a.defaultGateway);
  // One interface decides: its first address is the one the kernel prefers as the source.
  const one = (list: HostAddress[]) => (list.length > 0 && list.every((a) => a.device === list[0].device && a.uri === list[0].uri) ? list[0] : undefined);
  return routed.length ? one(routed) : one(same);
}

function isLinkLocal(a: HostAddress): boolean {
  const v = a.address.value.toLowerCase();
  return a.family === 'ipv6' ? v.startsWith('fe80:') : v.startsWith('169.254.') || v.startsWith('127.');
}
