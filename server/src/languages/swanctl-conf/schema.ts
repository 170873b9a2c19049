// The swanctl.conf schema as data: every key charon takes in each kind of section, the parser that
// reads its value, its defaults in 5.9 and 6.x and the release that brought it. From
// docs/reference/swanctl-keywords.tsv (swanctl.opt and vici_config.c's rule tables, tags 5.2.0 …
// 6.0.6); value parsers in values.ts. `since` is the first release that accepts the key (undefined:
// older than 5.2, where this schema starts); `until` the first release that refuses it again.

export type ValueType =
  | 'uint' | 'uint64' | 'bool' | 'time' | 'time32' | 'bytes' | 'dscp' | 'if_id' | 'mark' | 'set_mark' | 'tfc'
  | 'action' | 'mode' | 'auth' | 'id' | 'ids' | 'string' | 'addrs' | 'pools' | 'vips' | 'ts' | 'files' | 'oids'
  | 'ike-proposals' | 'esp-proposals' | 'ah-proposals'
  | 'fragmentation' | 'childless' | 'send_cert' | 'unique' | 'ocsp' | 'revocation' | 'hw_offload' | 'copy_dscp'
  | 'label_mode' | 'per_cpu_sas'
  | 'secret' | 'pool-addrs' | 'pool-attr' | 'uris';

export interface KeySpec {
  key: string;
  type: ValueType;
  /** Default text for 5.9 and 6.x (docs/reference/swanctl-keywords.tsv). */
  default59?: string;
  default6?: string;
  since?: string;
  until?: string;
  summary: string;
}

/** What a section is: decides which keys and subsections charon takes in it. */
export type SectionKind =
  | 'top' | 'connections' | 'conn' | 'local' | 'remote' | 'cert' | 'children' | 'child'
  | 'secrets' | 'secret' | 'pools' | 'pool' | 'authorities' | 'authority';

type Row = [key: string, type: ValueType, default59: string, default6: string, since: string, summary: string];

const rows = (list: Row[], until: Record<string, string> = {}): readonly KeySpec[] =>
  list.map(([key, type, d59, d6, since, summary]) => ({
    key,
    type,
    ...(d59 ? { default59: d59 } : {}),
    ...(d6 ? { default6: d6 } : {}),
    ...(since ? { since } : {}),
    ...(until[key] ? { until: until[key] } : {}),
    summary,
  }));

export const CONN_KEYS = rows([
  ['version', 'uint', '0', '0', '', '0 = answer IKEv1 and IKEv2, initiate with IKEv2; 1 = IKEv1 only; 2 = IKEv2 only.'],
  ['local_addrs', 'addrs', '%any', '%any', '', 'Own outer addresses: the first plain address or name is the source when initiating; as responder any listed address/subnet/range may match.'],
  ['remote_addrs', 'addrs', '%any', '%any', '', 'Peer outer addresses; an initiator needs at least one plain address or name; names are resolved at each lookup.'],
  ['local_port', 'uint', '500', '500', '', 'Own IKE port; unset means the socket plugin port (500); a non-500 port skips the 4500 float.'],
  ['remote_port', 'uint', '500', '500', '', 'Peer IKE port to send to.'],
  ['proposals', 'ike-proposals', 'default', 'default', '', 'IKE proposals; `default` expands to the built-in non-AEAD and AEAD proposals; IKEv1 keeps one algorithm per kind.'],
  ['vips', 'vips', '', '', '', 'Virtual IPs to request from the peer via configuration payloads.'],
  ['aggressive', 'bool', 'no', 'no', '', 'IKEv1 Aggressive Mode instead of Main Mode (PSK hash exposed).'],
  ['pull', 'bool', 'yes', 'yes', '', 'IKEv1 Mode Config: pull (client asks) when yes, push when no.'],
  ['dscp', 'dscp', '000000', '000000', '5.5.2', 'DSCP value for outgoing IKE packets, written in binary.'],
  ['encap', 'bool', 'no', 'no', '', 'Fake NAT-D payloads so ESP is forced into UDP encapsulation.'],
  ['mobike', 'bool', 'yes', 'yes', '', 'Enable IKEv2 MOBIKE (address changes, NAT-T float).'],
  ['dpd_delay', 'time', '0s', '0s', '', 'Interval of liveness checks when idle; 0 = no active DPD.'],
  ['dpd_timeout', 'time', '0s', '0s', '', 'IKEv1 only: time after which a silent peer is declared dead.'],
  ['fragmentation', 'fragmentation', 'yes', 'yes', '', 'IKE fragmentation: use when supported / only accept / never / always (also IKEv1).'],
  ['childless', 'childless', 'allow', 'allow', '5.8.0', 'RFC 6023 childless IKE_SA initiation handling.'],
  ['send_certreq', 'bool', 'yes', 'yes', '', 'Send certificate request payloads.'],
  ['send_cert', 'send_cert', 'ifasked', 'ifasked', '', 'When to send the own certificate.'],
  ['ocsp', 'ocsp', '', 'reply', '5.9.14', 'RFC 4806 OCSP content in IKE: request, send, both or neither.'],
  ['ppk_id', 'id', '', '', '5.7.0', 'Identity of the post-quantum preshared key (RFC 8784).'],
  ['ppk_required', 'bool', 'no', 'no', '5.7.0', 'Fail unless a PPK is used.'],
  ['keyingtries', 'uint', '1', '1', '', 'How many retransmission sequences an initiation may use.'],
  ['unique', 'unique', 'no', 'no', '', 'Uniqueness policy per remote identity; also controls INITIAL_CONTACT.'],
  ['reauth_time', 'time', '0s', '0s', '', 'Interval of full IKE reauthentication (make-before-break or break-before-make).'],
  ['rekey_time', 'time', '4h', '4h', '', 'Interval of IKE_SA rekeying; default 4h when neither rekey_time nor reauth_time is set.'],
  ['over_time', 'time', '10% of rekey_time/reauth_time', '10% of rekey_time/reauth_time', '', 'Hard IKE_SA lifetime beyond rekey/reauth time; default 10% of the larger of the two.'],
  ['rand_time', 'time', 'over_time', 'over_time', '', 'Random amount subtracted from rekey/reauth times; default over_time, capped at half the rekey/reauth time.'],
  ['pools', 'pools', '', '', '', 'Address pools to assign virtual IPs from, tried in order.'],
  ['if_id_in', 'if_id', '0', '0', '5.8.0', 'Default inbound XFRM interface ID for the children.'],
  ['if_id_out', 'if_id', '0', '0', '5.8.0', 'Default outbound XFRM interface ID for the children.'],
  ['mediation', 'bool', 'no', 'no', '5.5.2', 'IKEv2 mediation (NAT traversal rendezvous) connection; needs ME support compiled in.'],
  ['mediated_by', 'string', '', '', '5.5.2', 'Mediation connection through which this one is set up.'],
  ['mediation_peer', 'id', '', '', '5.5.2', 'Identity of the peer to reach through mediation; defaults to the remote id.'],
]);

/** The rules of an authentication round; charon shares them between local and remote rounds. */
export const AUTH_KEYS = rows([
  ['round', 'uint', '0', '0', '5.4.0', 'Order of this round among the rounds of its side.'],
  ['auth', 'auth', 'pubkey', 'pubkey', '', 'Authentication method: `psk`, `pubkey` (or `rsa`/`ecdsa` with constraints), `eap[-method]`, `xauth[-backend]`; remote rounds: what the peer must use.'],
  ['id', 'id', '', '', '', 'IKE identity: own (default: the IP address, or the certificate subject) or the one the peer must present (default %any).'],
  ['eap_id', 'id', 'id', 'id', '', 'Identity used in EAP, if it differs from the IKE identity.'],
  ['aaa_id', 'id', 'remote-id', 'remote-id', '', 'Expected identity of the AAA (RADIUS) server behind the peer.'],
  ['xauth_id', 'id', 'id', 'id', '', 'XAuth user name, if it differs from the IKE identity.'],
  ['ca_id', 'id', '', '', '5.8.2', 'Subject of the CA the peer chain must contain.'],
  ['groups', 'ids', '', '', '', 'Peer must be member of one of these groups (attribute certs / RADIUS Class).'],
  ['cert_policy', 'oids', '', '', '5.5.2', 'Certificate policy OIDs the peer certificate must carry.'],
  ['certs', 'files', '', '', '', 'Certificates (in x509/): own ones, or the ones the peer must use (pinning); swanctl reads and sends them inline.'],
  ['cacerts', 'files', '', '', '5.2.1', 'CA certificates (in x509ca/) the peer chain must end in.'],
  ['pubkeys', 'files', '', '', '5.4.0', 'Raw public keys (in pubkey/) to authenticate with instead of certificates.'],
  ['revocation', 'revocation', 'relaxed', 'relaxed', '', 'How hard CRL/OCSP failures on the peer chain are.'],
]);

/** `cert<suffix>` and `cacert<suffix>` subsections of a round. */
export const CERT_KEYS = rows([
  ['file', 'string', '', '', '5.5.2', 'Certificate file loaded by charon (absolute, or relative to charon\'s working directory).'],
  ['handle', 'string', '', '', '5.5.2', 'PKCS#11 key ID of the certificate.'],
  ['slot', 'uint', '', '', '5.5.2', 'PKCS#11 slot to look in.'],
  ['module', 'string', '', '', '5.5.2', 'PKCS#11 module name.'],
]);

export const CHILD_KEYS = rows([
  ['ah_proposals', 'ah-proposals', '', '', '', 'AH proposals; if set, AH is used instead of ESP.'],
  ['esp_proposals', 'esp-proposals', 'default', 'default', '', 'ESP proposals; a key exchange here is PFS, used only when rekeying or in CREATE_CHILD_SA (never for the first IKEv2 child).'],
  ['sha256_96', 'bool', 'no', 'no', '5.5.3', 'Use the non-standard 96-bit truncation for HMAC-SHA-256 (old Linux peers).'],
  ['local_ts', 'ts', 'dynamic', 'dynamic', '', 'Own side of the traffic selectors; dynamic = outer address or virtual IP.'],
  ['remote_ts', 'ts', 'dynamic', 'dynamic', '', 'Peer side of the traffic selectors.'],
  ['rekey_time', 'time', '1h', '1h, or life_time / 1.1', '', 'CHILD_SA rekey interval.'],
  ['life_time', 'time', 'rekey_time + 10%', 'rekey_time + 10%', '', 'Hard CHILD_SA lifetime; default rekey_time + 10%.'],
  ['rand_time', 'time', 'life_time - rekey_time', 'life_time - rekey_time', '', 'Random amount subtracted from rekey_time; default life_time - rekey_time.'],
  ['rekey_bytes', 'bytes', '0', '0, or life_bytes / 1.1', '', 'Rekey after this much traffic; 0 = off.'],
  ['life_bytes', 'bytes', 'rekey_bytes + 10%', 'rekey_bytes + 10%', '', 'Hard traffic limit; default rekey_bytes + 10%.'],
  ['rand_bytes', 'bytes', 'life_bytes - rekey_bytes', 'life_bytes - rekey_bytes', '', 'Random amount subtracted from rekey_bytes.'],
  ['rekey_packets', 'uint64', '0', '0, or life_packets / 1.1', '', 'Rekey after this many packets; 0 = off.'],
  ['life_packets', 'uint64', 'rekey_packets + 10%', 'rekey_packets + 10%', '', 'Hard packet limit; default rekey_packets + 10%.'],
  ['rand_packets', 'uint64', 'life_packets - rekey_packets', 'life_packets - rekey_packets', '', 'Random amount subtracted from rekey_packets.'],
  ['updown', 'string', '', '', '', 'Script run on CHILD_SA up/down events (with arguments, run by the shell).'],
  ['hostaccess', 'bool', 'no', 'no', '', 'Let the local host itself use the tunnel (updown firewall rules).'],
  ['mode', 'mode', 'tunnel', 'tunnel', '', 'IPsec mode; transport/beet/iptfs are negotiated and fall back to tunnel if the peer refuses.'],
  ['policies', 'bool', 'yes', 'yes', '5.3.3', 'Install IPsec policies (no = SAs only, e.g. for route-based setups).'],
  ['policies_fwd_out', 'bool', 'no', 'no', '5.5.1', 'Also install outbound FWD policies.'],
  ['dpd_action', 'action', 'clear', 'clear', '', 'What to do with the CHILD_SA when DPD declares the peer dead.'],
  ['ipcomp', 'bool', 'no', 'no', '', 'Offer IPComp compression.'],
  ['inactivity', 'time32', '0s', '0s', '', 'Close the CHILD_SA after this long without traffic; 0 = never.'],
  ['reqid', 'uint', '0', '0', '', 'Fixed reqid for the SAs/policies; 0 = allocate.'],
  ['priority', 'uint', '0', '0', '5.5.0', 'Fixed policy priority; 0 = computed.'],
  ['interface', 'string', '', '', '5.5.0', 'Restrict policies to this interface.'],
  ['mark_in', 'mark', '0/0x00000000', '0/0x00000000', '', 'XFRM mark on inbound policies (and SA with mark_in_sa).'],
  ['mark_in_sa', 'bool', 'no', 'no', '5.6.1', 'Also set mark_in on the inbound SA.'],
  ['mark_out', 'mark', '0/0x00000000', '0/0x00000000', '', 'XFRM mark on outbound policy and SA.'],
  ['set_mark_in', 'set_mark', '0/0x00000000', '0/0x00000000', '5.7.0', 'Mark the kernel sets on inbound packets after processing.'],
  ['set_mark_out', 'set_mark', '0/0x00000000', '0/0x00000000', '5.7.0', 'Mark the kernel sets on outbound packets after processing.'],
  ['if_id_in', 'if_id', '0', '0', '5.8.0', 'Inbound XFRM interface ID (route-based VPN); overrides the connection value.'],
  ['if_id_out', 'if_id', '0', '0', '5.8.0', 'Outbound XFRM interface ID (route-based VPN); overrides the connection value.'],
  ['label', 'string', '', '', '5.9.6', 'Security label (SELinux context) for the SA/policies.'],
  ['label_mode', 'label_mode', 'system', 'system', '5.9.6', 'How security labels are used.'],
  ['tfc_padding', 'tfc', '0', '0', '', 'Traffic Flow Confidentiality padding of ESP packets.'],
  ['replay_window', 'uint', '32', '32', '', 'Anti-replay window size.'],
  ['per_cpu_sas', 'per_cpu_sas', '', 'no', '6.0.2', 'Negotiate per-CPU SAs (RFC 9611); `encap` also varies the UDP source port.'],
  ['hw_offload', 'hw_offload', 'no', 'no', '5.5.3', 'Kernel/NIC offload of the SAs.'],
  ['copy_df', 'bool', 'yes', 'yes', '5.7.0', 'Copy the DF bit to the outer header (tunnel mode).'],
  ['copy_ecn', 'bool', 'yes', 'yes', '5.7.0', 'Copy ECN bits between inner and outer header.'],
  ['copy_dscp', 'copy_dscp', 'out', 'out', '5.7.0', 'Which direction(s) copy DSCP between inner and outer header.'],
  ['icmp', 'bool', '', 'no', '6.0.5', 'Forward ICMP errors that match the policies (needs a 6.x kernel feature).'],
  ['start_action', 'action', 'none', 'none', '', 'What charon does when the config is loaded: nothing, install trap policies, initiate, or both.'],
  ['close_action', 'action', 'none', 'none', '', 'What to do when the peer closes the CHILD_SA.'],
]);

export const POOL_KEYS = rows([
  ['addrs', 'pool-addrs', '', '', '', 'Addresses handed out, a subnet or a range `a-b`; required.'],
  ['dns', 'pool-attr', '', '', '', 'DNS servers sent with the leases.'],
  ['nbns', 'pool-attr', '', '', '', 'WINS servers sent with the leases.'],
  ['dhcp', 'pool-attr', '', '', '', 'DHCP servers sent with the leases.'],
  ['netmask', 'pool-attr', '', '', '', 'Netmask sent with the leases.'],
  ['server', 'pool-attr', '', '', '', 'Internal server addresses sent with the leases.'],
  ['subnet', 'pool-attr', '', '', '', 'Protected subnets sent with the leases.'],
  ['split_include', 'pool-attr', '', '', '', 'Cisco Unity split-include subnets.'],
  ['split_exclude', 'pool-attr', '', '', '', 'Cisco Unity local-LAN (split-exclude) subnets.'],
  ['p_cscf', 'pool-attr', '', '', '6.0.3', 'P-CSCF servers (RFC 7651) sent with the leases.'],
  ['address', 'pool-attr', '', '', '', 'Internal address attribute (undocumented name vici accepts).'],
]);

export const AUTHORITY_KEYS = rows([
  ['cacert', 'string', '', '', '5.3.3', 'CA certificate file (in x509ca/); required unless file or handle is given.'],
  ['file', 'string', '', '', '5.5.2', 'CA certificate file loaded by charon.'],
  ['handle', 'string', '', '', '5.5.2', 'PKCS#11 key ID of the CA certificate.'],
  ['slot', 'uint', '', '', '5.5.2', 'PKCS#11 slot.'],
  ['module', 'string', '', '', '5.5.2', 'PKCS#11 module.'],
  ['crl_uris', 'uris', '', '', '5.3.3', 'Where to fetch CRLs of this CA.'],
  ['ocsp_uris', 'uris', '', '', '5.3.3', 'OCSP responders for this CA.'],
  ['cert_uri_base', 'string', '', '', '5.3.3', 'Base URI for hash-and-URL certificate lookups.'],
]);

export interface SecretKind {
  /** Section name prefix (swanctl's `strpfx`). */
  prefix: string;
  summary: string;
  since?: string;
  until?: string;
  /** Shared secrets (`secret` plus `id*` owners) or key files (`file` plus passphrase). */
  shape: 'shared' | 'file' | 'token';
}

/** Secret sections by name prefix, in the order swanctl tests them (load_creds.c load_secret). */
export const SECRET_KINDS: readonly SecretKind[] = [
  { prefix: 'eap', shape: 'shared', summary: 'EAP shared secret.' },
  { prefix: 'xauth', shape: 'shared', summary: 'XAuth password.' },
  { prefix: 'ntlm', shape: 'shared', since: '5.5.2', summary: 'NTLM hash secret (EAP-MSCHAPv2 without RADIUS).' },
  { prefix: 'ike', shape: 'shared', summary: 'IKE pre-shared key; its `id*` keys name the identities that share it (none: any).' },
  { prefix: 'ppk', shape: 'shared', since: '5.7.0', summary: 'Post-quantum preshared key (RFC 8784).' },
  { prefix: 'private', shape: 'file', since: '5.5.1', summary: 'Passphrase for an encrypted private key file in private/.' },
  { prefix: 'rsa', shape: 'file', summary: 'Passphrase for an encrypted RSA key in rsa/.' },
  { prefix: 'ecdsa', shape: 'file', summary: 'Passphrase for an encrypted ECDSA key in ecdsa/.' },
  { prefix: 'bliss', shape: 'file', until: '6.0.0', summary: 'Passphrase for a BLISS key in bliss/ (gone in 6.0).' },
  { prefix: 'pkcs8', shape: 'file', summary: 'Passphrase for an encrypted PKCS#8 key in pkcs8/.' },
  { prefix: 'pkcs12', shape: 'file', since: '5.3.0', summary: 'Passphrase for a PKCS#12 container in pkcs12/.' },
  { prefix: 'token', shape: 'token', since: '5.5.2', summary: 'Private key on a PKCS#11 token.' },
];

export const SECRET_KEYS: Record<SecretKind['shape'], readonly KeySpec[]> = {
  shared: rows([
    ['secret', 'secret', '', '', '', 'The secret: text (quote it for blanks or `#`), `0x` hex or `0s` base64. Tunnel Lens never shows it.'],
    ['id', 'id', '', '', '', 'An identity that owns this secret; every key starting with `id` is one (`id`, `id-1`, `id_moon`).'],
  ]),
  file: rows([
    ['file', 'string', '', '', '', 'The key file (relative to its folder, e.g. rsa/) this passphrase unlocks.'],
    ['secret', 'secret', '', '', '', 'Passphrase of the key file. Tunnel Lens never shows it.'],
  ]),
  token: rows([
    ['handle', 'string', '', '', '5.5.2', 'Key ID on the token.'],
    ['slot', 'uint', '', '', '5.5.2', 'Token slot.'],
    ['module', 'string', '', '', '5.5.2', 'PKCS#11 module name.'],
    ['pin', 'secret', '', '', '5.5.2', 'PIN of the token. Tunnel Lens never shows it.'],
  ]),
};

export const TOP_SECTIONS: Readonly<Record<string, { summary: string; since?: string }>> = {
  connections: { summary: 'One subsection per connection (IKE SA configuration), each with its authentication rounds and children.' },
  secrets: { summary: 'Credentials: shared secrets (sent to charon) and passphrases of private keys (read by swanctl).' },
  pools: { summary: 'Virtual IP and attribute pools served by charon, named by a connection\'s `pools`.' },
  authorities: { summary: 'CA definitions with CRL/OCSP locations.', since: '5.3.3' },
};

/** Subsections of a connection (vici_config.c peer_sn: `children` exactly, `local*`/`remote*` prefixes, any case). */
export const CONN_SUBSECTIONS = {
  children: 'The CHILD_SAs (IPsec SA pairs) of this connection, one subsection each.',
  local: 'A local authentication round (`local`, or any name starting with `local`: `local-eap`, `local2`).',
  remote: 'A remote authentication round (`remote`, or any name starting with `remote`).',
} as const;

export const KEYS_OF: Partial<Record<SectionKind, readonly KeySpec[]>> = {
  conn: CONN_KEYS,
  local: AUTH_KEYS,
  remote: AUTH_KEYS,
  cert: CERT_KEYS,
  child: CHILD_KEYS,
  pool: POOL_KEYS,
  authority: AUTHORITY_KEYS,
};

const index = new Map<string, KeySpec>();
for (const [kind, list] of Object.entries(KEYS_OF)) for (const k of list!) index.set(`${kind}:${k.key}`, k);

export function keySpec(kind: SectionKind, key: string): KeySpec | undefined {
  return index.get(`${kind}:${key}`);
}

/** Keys swanctl splits at commas before sending (load_conns.c is_list_key, load_pools.c). */
export const LIST_TYPES: ReadonlySet<ValueType> = new Set<ValueType>(['addrs', 'ike-proposals', 'esp-proposals', 'ah-proposals', 'ts', 'vips', 'pools', 'ids', 'oids', 'files', 'pool-attr', 'uris']);
