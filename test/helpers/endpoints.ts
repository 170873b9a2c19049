// Builds Endpoint objects for rule tests: a complete, matching founding-case pair by default, each
// test changes the one value it is about.
import type { Endpoint, Proposal, Valued } from '../../server/src/core/endpoint';

const range = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 10 } });
export const written = <T>(value: T, uri: string, line: number): Valued<T> => ({ value, source: 'written', uri, range: range(line) });
export const defaulted = <T>(value: T, rule: string): Valued<T> => ({ value, source: 'default', rule });
export const prop = (encr: string[], integ: string[], dh: string[], prf: string[] = []): Proposal => ({ encr, integ, prf, dh });

export const LINUX_URI = 'file:///ws/linux/ifcfg-tun10';
export const CONN_URI = 'file:///ws/linux/ipsec.conf';
export const IOS_URI = 'file:///ws/cisco/c897va-confg';

export function linuxEndpoint(): Endpoint {
  const conn: Endpoint = {
    id: `${CONN_URI}#tun10`,
    uri: CONN_URI,
    range: range(3),
    name: 'tun10',
    vendor: 'libreswan',
    version: written('3.25', CONN_URI, 0),
    local: written('2001:db8:a::1', CONN_URI, 5),
    remote: written('2001:db8:b::1', CONN_URI, 6),
    family: written('ipv6', CONN_URI, 5),
    ipsec: {
      ikeVersion: written(2, CONN_URI, 7),
      ike: written([prop(['AES_CBC_128'], ['HMAC_SHA1_96'], ['MODP2048'], ['HMAC_SHA1'])], CONN_URI, 8),
      esp: written([prop(['AES_CBC_128'], ['HMAC_SHA1_96'], ['MODP2048'])], CONN_URI, 9),
      pfs: written('MODP2048', CONN_URI, 10),
      mode: written('transport', CONN_URI, 11),
      trafficSelector: written({ protocol: 47, localSubnets: [], remoteSubnets: [] }, CONN_URI, 12),
      authLocal: written('psk', CONN_URI, 13),
      pskDigest: written('d1', 'file:///ws/linux/ipsec.secrets', 0),
      ikeLifetime: defaulted(3600, 'Libreswan 3.25 default ikelifetime='),
      saLifetime: defaulted(28800, 'Libreswan 3.25 default salifetime='),
    },
  };
  return {
    id: `${LINUX_URI}#tun10`,
    uri: LINUX_URI,
    range: range(0),
    name: 'tun10',
    vendor: 'linux',
    local: written('2001:db8:a::1', LINUX_URI, 3),
    remote: written('2001:db8:b::1', LINUX_URI, 4),
    family: written('ipv6', LINUX_URI, 3),
    tunnel: {
      kind: written('ip6gre', LINUX_URI, 1),
      encapsulation: written('gre', LINUX_URI, 1),
      encapLimit: { value: 4, source: 'default', uri: LINUX_URI, range: range(1), rule: 'iproute2 default for a tunnel created by ifcfg' },
      innerAddresses: [written('10.10.10.1', LINUX_URI, 5)],
      mtu: written(1400, LINUX_URI, 6),
      device: 'tun10',
    },
    ipsec: conn.ipsec,
    protectedBy: conn,
  };
}

export function iosEndpoint(): Endpoint {
  return {
    id: `${IOS_URI}#Tunnel20`,
    uri: IOS_URI,
    range: range(20),
    name: 'Tunnel20',
    vendor: 'cisco-ios',
    version: written('15.7', IOS_URI, 1),
    local: written('2001:db8:b::1', IOS_URI, 22),
    remote: written('2001:db8:a::1', IOS_URI, 23),
    family: written('ipv6', IOS_URI, 22),
    localInterface: 'Dialer1',
    tunnel: {
      kind: written('gre ipv6', IOS_URI, 24),
      encapsulation: written('gre', IOS_URI, 24),
      innerAddresses: [written('10.10.10.2', IOS_URI, 21)],
      mtu: written(1400, IOS_URI, 26),
      device: 'Tunnel20',
    },
    ipsec: {
      ikeVersion: written(2, IOS_URI, 5),
      ike: written([prop(['AES_CBC_128'], ['HMAC_SHA1_96'], ['MODP2048'], ['HMAC_SHA1'])], IOS_URI, 6),
      esp: written([prop(['AES_CBC_128'], ['HMAC_SHA1_96'], [])], IOS_URI, 10),
      pfs: written('MODP2048', IOS_URI, 14),
      mode: written('transport', IOS_URI, 11),
      trafficSelector: written({ protocol: 47, localSubnets: [], remoteSubnets: [] }, IOS_URI, 16),
      authLocal: written('psk', IOS_URI, 8),
      pskDigest: written('d1', IOS_URI, 9),
      ikeLifetime: defaulted(86400, 'IOS 15.7 default IKEv2 SA lifetime'),
      saLifetime: defaulted(3600, 'IOS 15.7 default IPsec SA lifetime'),
    },
  };
}
