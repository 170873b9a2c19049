// NetworkManager-libreswan VPN profiles (`[vpn] service-type=org.freedesktop.NetworkManager.libreswan`)
// as data: the [vpn] data keys of NetworkManager-libreswan 1.2.30's params[] with the version that
// brought each, and what the plugin writes into the conn when a key is absent
// (docs/reference/nm-libreswan.md §2, §5); the [vpn-secrets] keys (§3), which hold secrets.
import type { IniKeyDoc } from '../shared/iniFeatures';

export const NM_LIBRESWAN_SERVICE = 'org.freedesktop.NetworkManager.libreswan';

export interface LibreswanKey extends IniKeyDoc {
  /** NetworkManager-libreswan version that accepts the key (older ones reject the profile). */
  since?: string;
}

/** The [vpn] keys of a libreswan profile (any other makes the profile invalid). */
export const NM_LIBRESWAN_KEYS: Record<string, LibreswanKey> = {
  'service-type': { doc: 'The VPN plugin: org.freedesktop.NetworkManager.libreswan.' },
  'user-name': { doc: 'NetworkManager\'s VPN user name (IKEv1 XAUTH falls back to it).' },
  persistent: { doc: 'Reconnect when the connection drops.' },
  timeout: { doc: 'Activation timeout.' },
  ikev2: { doc: 'IKE version: `insist` (IKEv2). **Absent: the plugin writes ikev2=never (IKEv1)**, which Libreswan 5 refuses by default (ikev1-policy=drop).', values: ['insist', 'propose', 'never', 'yes', 'no'] },
  right: { doc: 'The peer (required): its address or name.' },
  left: { doc: 'This end\'s address. Absent: left=%defaultroute (the source address of the route to the peer).' },
  leftid: { doc: 'This end\'s IKE identity (a value that is no address and starts with neither @ nor % gets @). With IKEv1 it switches to aggressive mode, with ike=aes256-sha1;modp1536 and esp=aes256-sha1 when those are absent.' },
  rightid: { doc: 'The peer\'s IKE identity.' },
  leftcert: { doc: 'This end\'s certificate nickname (authentication by certificate).' },
  rightcert: { doc: 'The peer\'s certificate.', since: '1.2.20' },
  leftrsasigkey: { doc: 'This end\'s RSA key (%cert with leftcert).' },
  rightrsasigkey: { doc: 'The peer\'s RSA key (%cert with a certificate).' },
  leftmodecfgclient: { doc: 'Ask the peer for an address (mode config). Absent: yes; only `no` turns it off (since 1.2.20).', values: ['no', 'yes'] },
  authby: { doc: 'Authentication; the plugin writes authby=secret unless a certificate or RSA key is set.', since: '1.2.18' },
  pfs: { doc: 'Only `pfs=no` is written; any other value is dropped and Libreswan\'s default pfs=yes applies.', values: ['no'] },
  ike: { doc: 'IKE proposals, Libreswan syntax. Absent: not written, so Libreswan\'s defaults (or the crypto-policies conn %default) apply; IKEv1 with leftid: aes256-sha1;modp1536.' },
  esp: { doc: 'ESP proposals, Libreswan syntax (≤ 1.2.22 written as phase2alg=). Absent: Libreswan\'s defaults; IKEv1 with leftid: aes256-sha1.' },
  ikelifetime: { doc: 'IKE SA lifetime. Absent: 24h for IKEv1, Libreswan\'s default for IKEv2.' },
  salifetime: { doc: 'IPsec SA lifetime. Absent: 24h for IKEv1, Libreswan\'s default for IKEv2.' },
  hostaddrfamily: { doc: 'Outer address family (ipv4, ipv6).', since: '1.2.20', values: ['ipv4', 'ipv6'] },
  clientaddrfamily: { doc: 'Inner address family (obsolete in Libreswan ≥ 5.3).', since: '1.2.20', values: ['ipv4', 'ipv6'] },
  leftsubnet: { doc: 'This end\'s traffic selector. Absent: this end\'s address.', since: '1.2.20' },
  rightsubnet: { doc: 'The peer\'s traffic selector. **Absent: 0.0.0.0/0** (or ::/0 with IPv6): the plugin is built for remote access.' },
  leftxauthusername: { doc: 'IKEv1 XAUTH user (Libreswan < 4).' },
  leftusername: { doc: 'IKEv1 XAUTH user (Libreswan ≥ 4).' },
  narrowing: { doc: 'IKEv2 narrowing.', values: ['yes', 'no'] },
  fragmentation: { doc: 'IKE fragmentation.', values: ['yes', 'no', 'force'] },
  mobike: { doc: 'MOBIKE.', values: ['yes', 'no'] },
  dpddelay: { doc: 'Dead peer detection delay.', since: '1.2.18' },
  dpdtimeout: { doc: 'Dead peer detection timeout.', since: '1.2.18' },
  dpdaction: { doc: 'Dead peer detection action.', since: '1.2.18' },
  'ipsec-interface': { doc: 'XFRM interface id.', since: '1.2.18' },
  type: { doc: 'IPsec mode: `transport` or tunnel. **Absent: not written, so Libreswan\'s default type=tunnel.**', since: '1.2.20', values: ['transport', 'tunnel'] },
  'require-id-on-certificate': { doc: 'Require the ID on the certificate.', since: '1.2.24' },
  leftsendcert: { doc: 'When to send this end\'s certificate.', since: '1.2.27' },
  rightca: { doc: 'The peer\'s CA.', since: '1.2.27' },
  leftprotoport: { doc: 'This end\'s protocol/port selector (gre for GRE only).', since: '1.2.29' },
  rightprotoport: { doc: 'The peer\'s protocol/port selector.', since: '1.2.29' },
  rekey: { doc: 'Rekey. Absent: rekey=yes with keyingtries=1.', values: ['yes', 'no'] },
  vendor: { doc: 'Not written; vendor=Cisco adds cisco-unity=yes.' },
  Domain: { doc: 'Not written.' },
  dhgroup: { doc: 'Not written.' },
  pfsgroup: { doc: 'Not written.' },
  pskinputmodes: { doc: 'Where the PSK comes from: save, ask, unused.', values: ['save', 'ask', 'unused'] },
  xauthpasswordinputmodes: { doc: 'Where the XAUTH password comes from.', values: ['save', 'ask', 'unused'] },
  'pskvalue-flags': { doc: '0: the PSK is saved in [vpn-secrets]; 1: an agent holds it; 2: not saved.', values: ['0', '1', '2'] },
  'xauthpassword-flags': { doc: 'Where the XAUTH password is kept.', values: ['0', '1', '2'] },
  'nm-auto-defaults': { doc: '`no`: write every key as given and add nothing (since 1.2.27).', since: '1.2.27', values: ['no', 'yes'] },
  'nm-connect-mode': { doc: '`ondemand`: add and route the conn instead of bringing it up.', since: '1.2.29', values: ['ondemand'] },
};

/** The [vpn-secrets] keys of a libreswan profile: every value is a secret, never shown. */
export const NM_LIBRESWAN_SECRET_KEYS: Record<string, LibreswanKey> = {
  pskvalue: { doc: 'The pre-shared key (written to /etc/ipsec.d/ipsec-<uuid>.secrets while the VPN is up). Never shown.' },
  xauthpassword: { doc: 'The IKEv1 XAUTH password (passed to pluto). Never shown.' },
};

/** What the plugin writes for a minimal profile, for IKEv1 with leftid (aggressive mode): ike= and esp=. */
export const NM_AGGRMODE_IKE = 'aes256-sha1;modp1536';
export const NM_AGGRMODE_ESP = 'aes256-sha1';

/** Libreswan's version when nothing says it: the ipsec.conf dialect's default (docs/reference/ipsec-conf-proposals.md §3). */
export const DEFAULT_LIBRESWAN = '4.10';
