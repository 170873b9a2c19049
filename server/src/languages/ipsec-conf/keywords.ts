// The keyword TABLE of both daemons. Libreswan rows are what Debian's Libreswan 4.10 accepts: the
// set, each key's section, per-end flag, parser type and enum values were probed one by one with
// `addconn --checkconfig` (a key is known when it does not give `syntax error [key]`). Version
// columns and defaults come from the sources in docs/reference/ipsec-conf-grammar.md §6 and §10.
// strongSwan rows follow src/starter/keywords.txt of 5.9 (case-sensitive gperf table).

export type KwType =
  | 'bool' // 4.10 lexer: y|yes|true|on|n|no|false|off, lower-case only
  | 'enum'
  | 'list' // space/comma separated enum words (plutodebug)
  | 'time' // N | N[smhdw]
  | 'number'
  | 'percent'
  | 'string'
  | 'proposal'
  | 'host' // left= right=
  | 'subnet'
  | 'protoport'
  | 'id'
  | 'also'
  | 'comment'; // x- keys

export type Sect = 'setup' | 'conn' | 'ca';

export interface Keyword {
  name: string;
  sect: Sect;
  type: KwType;
  /** Written left<name>/right<name> (in 4.10 the bare name is taken as right-only). */
  perEnd?: boolean;
  values?: string[];
  /** May be given more than once (appended, kt_appendstring): never a duplicate. */
  repeatable?: boolean;
  /** Canonical field it shares (duplicates across aliases collide). */
  field?: string;
  /** First / last version that knows it (Libreswan). */
  since?: string;
  removedIn?: string;
  /** Still accepted but obsolete: the replacement, shown by deprecated-option. */
  deprecated?: string;
  /** Libreswan's default per major, for hover and the model. */
  def?: { lsw3?: string; lsw4?: string; lsw5?: string; ss?: string };
  doc?: string;
}

const YN = ['yes', 'no'];
const AUTO = ['ignore', 'add', 'ondemand', 'route', 'start', 'up', 'keep'];
const FAMILY = ['ipv4', 'ipv6', 'inet', 'inet6', 'v4', 'v6'];
const FOUR = ['never', 'permit', 'propose', 'insist', 'yes', 'always', 'no'];

type Row = [name: string, sect: Sect, type: KwType, extra?: Partial<Keyword>];

// ---------------------------------------------------------------- Libreswan (4.10 probed set)
const LSW_ROWS: Row[] = [
  // config setup: strings / numbers
  ...(['curl-iface', 'ddos-ike-threshold', 'dnssec-anchors', 'dnssec-rootkey-file', 'dumpdir', 'global-redirect', 'global-redirect-to',
    'ike-socket-bufsize', 'ikev1-secctx-attr-type', 'interfaces', 'ipsecdir', 'keep-alive', 'listen', 'max-halfopen-ike', 'myvendorid',
    'nflog-all', 'nhelpers', 'nssdir', 'ocsp-cache-size', 'ocsp-timeout', 'ocsp-trustname', 'ocsp-uri', 'protostack', 'secctx-attr-type',
    'secretsfile', 'seedbits', 'statsbin', 'syslog', 'virtual-private', 'xfrmlifetime'] as const).map((n): Row => [n, 'setup', 'string']),
  ['logfile', 'setup', 'string', { doc: 'File pluto logs to (instead of syslog).' }],
  ['plutostderrlog', 'setup', 'string', { deprecated: 'logfile', field: 'logfile' }],
  ['virtual_private', 'setup', 'string', { deprecated: 'virtual-private', field: 'virtual-private' }],
  ...(['audit-log', 'crl-strict', 'dnssec-enable', 'drop-oppo-null', 'ike-socket-errqueue', 'listen-tcp', 'listen-udp', 'logappend', 'logip',
    'logtime', 'ocsp-enable', 'ocsp-strict'] as const).map((n): Row => [n, 'setup', 'bool']),
  ['uniqueids', 'setup', 'bool', { def: { lsw3: 'yes', lsw4: 'yes', lsw5: 'yes' }, doc: 'Replace an older IKE SA when the same ID connects again.' }],
  ...(['crlcheckinterval', 'curl-timeout', 'ocsp-cache-max-age', 'ocsp-cache-min-age', 'shuntlifetime'] as const).map((n): Row => [n, 'setup', 'time']),
  ['ddos-mode', 'setup', 'enum', { values: ['auto', 'busy', 'unlimited'] }],
  ['ikev1-policy', 'setup', 'enum', { values: ['accept', 'drop', 'reject'], doc: 'What pluto does with IKEv1 packets.' }],
  ['ocsp-method', 'setup', 'enum', { values: ['get', 'post'] }],
  ['plutodebug', 'setup', 'list', { values: ['all', 'none', 'base', 'tmi', 'private', 'crypt', 'debug-add-prefix', 'debug-base', 'debug-cpu-usage', 'debug-crypt', 'debug-private', 'debug-refcnt', 'debug-tmi', 'debug-whackwatch'] }],
  // Libreswan 3.x setup keys gone by 4.10 (4.10 gives a syntax error)
  ...(['klipsdebug', 'plutofork', 'force_busy', 'force-busy', 'nat_traversal', 'oe', 'disable_port_floating', 'force_keepalive',
    'plutostderrlogtime', 'plutorestartoncrash', 'perpeerlog', 'perpeerlogdir', 'fragicmp', 'hidetos', 'overridemtu', 'strictcrlpolicy',
    'crl_strict', 'ocsp_strict', 'ocsp_enable', 'ocsp_uri', 'ocsp_timeout', 'ocsp_trust_name', 'nat-ikeport', 'nat_ikeport', 'keep_alive'] as const)
    .map((n): Row => [n, 'setup', 'string', { removedIn: '4.0' }]),

  // conn: booleans
  ...(['cisco-unity', 'decap-dscp', 'fake-strongswan', 'ignore-peer-dns', 'ikepad', 'initial-contact', 'intermediate', 'modecfgpull',
    'ms-dh-downgrade', 'nat-keepalive', 'nm-configured', 'overlapip', 'pam-authorize', 'reauth', 'require-id-on-certificate',
    'send-no-esp-tfc', 'send-vendorid', 'vti-routing', 'vti-shared'] as const).map((n): Row => [n, 'conn', 'bool']),
  ['aggressive', 'conn', 'bool', { def: { lsw3: 'no', lsw4: 'no', lsw5: 'no' }, doc: 'IKEv1 Aggressive Mode.' }],
  ['aggrmode', 'conn', 'bool', { field: 'aggressive', deprecated: 'aggressive' }],
  ['compress', 'conn', 'bool', { def: { lsw3: 'no', lsw4: 'no', lsw5: 'no', ss: 'no' }, doc: 'IPComp compression.' }],
  ['mobike', 'conn', 'bool', { def: { lsw3: 'no', lsw4: 'no', lsw5: 'no', ss: 'yes' } }],
  ['narrowing', 'conn', 'bool', { def: { lsw3: 'no', lsw4: 'no', lsw5: 'no' }, doc: 'IKEv2 traffic selector narrowing.' }],
  ['nopmtudisc', 'conn', 'bool', { def: { lsw3: 'no', lsw4: 'no', lsw5: 'no' } }],
  ['pfs', 'conn', 'bool', { def: { lsw3: 'yes', lsw4: 'yes', lsw5: 'yes' }, doc: 'Perfect Forward Secrecy for the Child SA keys: a DH exchange on rekey (group from esp=, else the IKE group).' }],
  ['rekey', 'conn', 'bool', { def: { lsw3: 'yes', lsw4: 'yes', lsw5: 'yes', ss: 'yes' } }],
  ['sha2-truncbug', 'conn', 'bool', { def: { lsw3: 'no', lsw4: 'no', lsw5: 'no' }, doc: 'Use the 96-bit draft truncation of HMAC-SHA2-256 in ESP (strongSwan: sha256_96). Both ends must agree or ESP ICVs fail.' }],
  ['sha2_truncbug', 'conn', 'bool', { field: 'sha2-truncbug', removedIn: '4.0' }],
  ...(['cat', 'modecfgclient', 'modecfgserver', 'xauthclient', 'xauthserver'] as const).map((n): Row => [n, 'conn', 'bool', { perEnd: true }]),
  // conn: enums
  ['accept-redirect', 'conn', 'enum', { values: ['yes', 'no', 'auto'], since: '3.26' }],
  ['send-redirect', 'conn', 'enum', { values: ['yes', 'no', 'auto'], since: '3.26' }],
  ['enable-tcp', 'conn', 'enum', { values: ['fallback', 'no', 'yes'], since: '4.0', doc: 'IKE and ESP over TCP (RFC 8229).' }],
  ['encapsulation', 'conn', 'enum', { values: ['auto', 'no', 'yes'], def: { lsw3: 'auto', lsw4: 'auto', lsw5: 'auto' }, doc: 'Force UDP encapsulation of ESP (NAT-T) even without NAT (+8 bytes per packet).' }],
  ['esn', 'conn', 'enum', { values: ['either', 'no', 'yes'], def: { lsw3: 'no', lsw4: 'either', lsw5: 'either' }, doc: 'Extended Sequence Numbers.' }],
  ['fragmentation', 'conn', 'enum', { values: ['force', 'insist', 'never', 'no', 'yes'], def: { lsw3: 'yes', lsw4: 'yes', lsw5: 'yes', ss: 'yes' }, doc: 'IKE fragmentation (not ESP).' }],
  ['ikev2', 'conn', 'enum', { values: FOUR, def: { lsw3: 'permit', lsw4: 'yes', lsw5: 'yes' }, doc: 'IKE version. 3.25: never/permit/propose/insist (permit = initiate IKEv1, accept both). 4.x: a boolean (never/permit/no = IKEv1, propose/insist/yes/always = IKEv2). 5.x: deprecated for keyexchange=.' }],
  ['nic-offload', 'conn', 'enum', { values: ['auto', 'no', 'yes'] }],
  ['ppk', 'conn', 'enum', { values: FOUR }],
  ['auth', 'conn', 'enum', { perEnd: true, values: ['eaponly', 'ecdsa', 'never', 'null', 'rsa', 'rsasig', 'secret'], doc: 'Authentication method of this end (IKEv2 asymmetric authentication).' }],
  ['autheap', 'conn', 'enum', { perEnd: true, values: ['none', 'tls'] }],
  ['auto', 'conn', 'enum', { values: AUTO, def: { lsw3: 'ignore', lsw4: 'ignore', lsw5: 'ignore', ss: 'ignore' }, doc: 'What happens at startup: add (load, wait), start (initiate), ondemand/route (on traffic), ignore.' }],
  ['hostaddrfamily', 'conn', 'enum', { values: FAMILY, doc: 'Address family of left= and right= (normally guessed from them).' }],
  ['clientaddrfamily', 'conn', 'enum', { values: FAMILY }],
  ['connaddrfamily', 'conn', 'enum', { values: FAMILY, removedIn: '4.0' }],
  ['dpdaction', 'conn', 'enum', { values: ['clear', 'hold', 'restart', 'restart_by_peer'], doc: 'Action when Dead Peer Detection declares the peer dead (obsolete in 5.x).' }],
  ['failureshunt', 'conn', 'enum', { values: ['drop', 'hold', 'none', 'passthrough', 'reject'] }],
  ['keyexchange', 'conn', 'enum', { values: ['ike'], doc: 'Libreswan 3.x/4.x: only `ike` (no effect). 5.0+: ike|ikev1|ikev2, replacing ikev2=.' }],
  ['nat-ikev1-method', 'conn', 'enum', { values: ['both', 'drafts', 'none', 'rfc'] }],
  ['negotiationshunt', 'conn', 'enum', { values: ['drop', 'hold', 'passthrough'] }],
  ['phase2', 'conn', 'enum', { values: ['ah', 'default', 'esp'], def: { lsw3: 'esp', lsw4: 'esp', lsw5: 'esp' }, doc: 'ESP or AH for the Child SA.' }],
  ['remote-peer-type', 'conn', 'enum', { values: ['cisco'], doc: 'Cisco interop (IKEv1 Unity).' }],
  ['remote_peer_type', 'conn', 'enum', { values: ['cisco'], field: 'remote-peer-type', deprecated: 'remote-peer-type' }],
  ['sendca', 'conn', 'enum', { values: ['all', 'issuer', 'none'] }],
  ['sendcert', 'conn', 'enum', { perEnd: true, values: ['always', 'alwayssend', 'never', 'sendifasked'] }],
  ['type', 'conn', 'enum', { values: ['tunnel', 'transport', 'passthrough', 'pass', 'drop', 'reject'], def: { lsw3: 'tunnel', lsw4: 'tunnel', lsw5: 'tunnel', ss: 'tunnel' }, doc: 'IPsec mode: tunnel (new outer IP header, +40 bytes for IPv6) or transport (ESP inserted after the existing IP header and its extension headers); or a shunt.' }],
  ['xauthby', 'conn', 'enum', { values: ['alwaysok', 'file', 'pam'] }],
  ['xauthfail', 'conn', 'enum', { values: ['hard', 'soft'] }],
  // conn: times
  ['ikelifetime', 'conn', 'time', { def: { lsw3: '1h', lsw4: '8h', lsw5: '8h', ss: '3h' }, doc: 'Lifetime of the IKE SA (max 24h).' }],
  ['ipsec-lifetime', 'conn', 'time', { field: 'ipsec-lifetime', def: { lsw3: '8h', lsw4: '8h', lsw5: '8h' }, doc: 'Lifetime of the IPsec (Child) SA (max 24h).' }],
  ['salifetime', 'conn', 'time', { field: 'ipsec-lifetime', def: { lsw3: '8h', lsw4: '8h', lsw5: '8h' }, doc: 'Alias of ipsec-lifetime: lifetime of the IPsec SA.' }],
  ['keylife', 'conn', 'time', { field: 'ipsec-lifetime', def: { lsw3: '8h', lsw4: '8h', lsw5: '8h', ss: '1h' }, doc: 'Alias of ipsec-lifetime: lifetime of the IPsec SA.' }],
  ['lifetime', 'conn', 'time', { field: 'ipsec-lifetime', def: { lsw3: '8h', lsw4: '8h', lsw5: '8h', ss: '1h' }, doc: 'Alias of ipsec-lifetime: lifetime of the IPsec SA.' }],
  ['rekeymargin', 'conn', 'time', { def: { lsw3: '9m', lsw4: '9m', lsw5: '9m', ss: '9m' } }],
  ['dpddelay', 'conn', 'time', { doc: 'Dead Peer Detection interval.' }],
  ['dpdtimeout', 'conn', 'time'],
  ['retransmit-interval', 'conn', 'time'],
  ['retransmit-timeout', 'conn', 'time'],
  ['ipsec-max-bytes', 'conn', 'time'],
  ['ipsec-max-packets', 'conn', 'time'],
  ['rekeyfuzz', 'conn', 'percent', { def: { lsw3: '100%', lsw4: '100%', lsw5: '100%', ss: '100%' } }],
  // conn: strings
  ...(['ipsec-interface', 'mark', 'mark-in', 'mark-out', 'metric', 'modecfgbanner', 'modecfgdns', 'modecfgdomains', 'nflog', 'policy-label', 'priority',
    'redirect-to', 'accept-redirect-to', 'replay-window', 'reqid', 'sec-label', 'tcp-remoteport', 'tfc', 'vti-interface', 'alsoflip', 'keyingtries'] as const)
    .map((n): Row => [n, 'conn', 'string']),
  ['connalias', 'conn', 'string', { repeatable: true }],
  ['mtu', 'conn', 'number', { doc: 'MTU of the route pluto installs for the tunnel (not the interface MTU).' }],
  ['forceencaps', 'conn', 'string', { deprecated: 'encapsulation=yes' }],
  ['also', 'conn', 'also', { doc: 'Include the keys of another conn section (may be defined later; repeatable). Libreswan 4.x: a key set both here and in the target is a duplicate error.' }],
  ['authby', 'conn', 'string', { def: { lsw3: 'rsasig', lsw4: 'rsasig,ecdsa', lsw5: 'rsasig,ecdsa', ss: 'pubkey' }, doc: 'How both ends authenticate: secret (PSK), rsasig, ecdsa, null, never; a comma list in 4.x.' }],
  ['ike', 'conn', 'proposal', { doc: 'IKE SA proposals: ENCR[-PRF][;DH], comma-separated alternatives; `+` joins alternatives inside one IKEv2 proposal.' }],
  ['esp', 'conn', 'proposal', { field: 'esp', doc: 'ESP (Child SA) proposals: ENCR[-INTEG][;DH]. The DH group is the PFS group, used only with pfs=yes.' }],
  ['phase2alg', 'conn', 'proposal', { field: 'esp', doc: 'Alias of esp= (4.x: one field with esp= and ah=; setting both is a duplicate).' }],
  ['ah', 'conn', 'proposal', { field: 'esp', doc: 'AH proposals (with phase2=ah); in 4.x the same field as esp=.' }],
  ['left', 'conn', 'host', { doc: 'Address of the left end: IP, hostname, %defaultroute, %any, %<iface>.' }],
  ['right', 'conn', 'host', { doc: 'Address of the right end: IP, hostname, %defaultroute, %any, %<iface>.' }],
  ['subnet', 'conn', 'subnet', { perEnd: true, doc: 'Private network behind this end (default: the end itself, /32 or /128).' }],
  ['subnets', 'conn', 'string', { perEnd: true, doc: '{a b c} list: one conn per subnet pair.' }],
  ['protoport', 'conn', 'protoport', { perEnd: true, doc: 'Restrict the SA to PROTO[/PORT] (gre, 47/0, tcp/22). Libreswan 3.x/4.x lose an all-digit value (`47`): the conn is dropped.' }],
  ['id', 'conn', 'id', { perEnd: true, doc: 'Identity of this end (IP, @fqdn, DN, %fromcert); default its address.' }],
  ...(['addresspool', 'ca', 'cert', 'ckaid', 'ecdsakey', 'ikeport', 'nexthop', 'pubkey', 'rsasigkey', 'sourceip', 'updown', 'username', 'vti', 'xauthusername'] as const)
    .map((n): Row => [n, 'conn', 'string', { perEnd: true }]),
];

// ---------------------------------------------------------------- strongSwan 5.9
const SS_BOOL = ['yes', 'no'];
const SS_ROWS: Row[] = [
  ['charondebug', 'setup', 'string'],
  ['uniqueids', 'setup', 'enum', { values: ['yes', 'no', 'never', 'replace', 'keep'] }],
  ['cachecrls', 'setup', 'bool'],
  ['strictcrlpolicy', 'setup', 'enum', { values: ['yes', 'no', 'ifuri'] }],
  ...(['charonstart', 'plutostart', 'plutodebug', 'klipsdebug', 'prepluto', 'postpluto', 'plutostderrlog', 'fragicmp', 'packetdefault', 'hidetos',
    'overridemtu', 'crlcheckinterval', 'nocrsend', 'nat_traversal', 'keep_alive', 'force_keepalive', 'virtual_private', 'interfaces', 'dumpdir',
    'pkcs11module', 'pkcs11initargs', 'pkcs11keepstate', 'pkcs11proxy'] as const).map((n): Row => [n, 'setup', 'string', { deprecated: 'nothing (ignored by charon)' }]),
  ['keyexchange', 'conn', 'enum', { values: ['ike', 'ikev1', 'ikev2'], def: { ss: 'ike' }, doc: 'IKE version: ike (IKEv2 as initiator, either as responder), ikev1, ikev2.' }],
  ['type', 'conn', 'enum', { values: ['tunnel', 'transport', 'transport_proxy', 'beet', 'passthrough', 'pass', 'drop', 'reject'], def: { ss: 'tunnel' }, doc: 'IPsec mode (tunnel or transport) or a shunt.' }],
  ...(['compress', 'installpolicy', 'aggressive', 'rekey', 'reauth', 'sha256_96', 'mobike', 'forceencaps', 'mediation', 'copy_df', 'copy_ecn', 'ppk_required'] as const)
    .map((n): Row => [n, 'conn', 'bool', { values: SS_BOOL }]),
  ['authby', 'conn', 'enum', { values: ['pubkey', 'rsasig', 'ecdsasig', 'psk', 'secret', 'xauthpsk', 'xauthrsasig', 'never'], def: { ss: 'pubkey' } }],
  ...(['keylife', 'lifetime'] as const).map((n): Row => [n, 'conn', 'time', { field: 'keylife', def: { ss: '1h' }, doc: 'Lifetime of the IPsec (Child) SA.' }]),
  ...(['rekeymargin', 'margintime'] as const).map((n): Row => [n, 'conn', 'time', { field: 'rekeymargin', def: { ss: '9m' } }]),
  ['ikelifetime', 'conn', 'time', { def: { ss: '3h' }, doc: 'Lifetime of the IKE SA.' }],
  ...(['lifebytes', 'marginbytes', 'lifepackets', 'marginpackets', 'keyingtries', 'reqid', 'replay_window', 'mark', 'mark_in', 'mark_out', 'mark_in_sa', 'mark_out_sa',
    'set_mark_in', 'set_mark_out', 'if_id_in', 'if_id_out', 'tfc', 'ikedscp', 'xauth_identity', 'eap_identity', 'aaa_identity', 'mediated_by', 'me_peerid', 'ppk_id',
    'inactivity', 'dpddelay', 'dpdtimeout'] as const).map((n): Row => [n, 'conn', 'string']),
  ['rekeyfuzz', 'conn', 'percent', { def: { ss: '100%' } }],
  ['esp', 'conn', 'proposal', { def: { ss: 'aes128-sha256' }, doc: 'ESP proposals enc-integ[-dh][-esn]; a DH group enables PFS; a trailing `!` makes the list strict.' }],
  ['ah', 'conn', 'proposal'],
  ['ike', 'conn', 'proposal', { def: { ss: 'aes128-sha256-modp3072' }, doc: 'IKE proposals enc-integ[-prf]-dh; a trailing `!` makes the list strict (otherwise the daemon appends its defaults).' }],
  ['dpdaction', 'conn', 'enum', { values: ['none', 'clear', 'hold', 'restart'] }],
  ['closeaction', 'conn', 'enum', { values: ['none', 'clear', 'hold', 'restart'] }],
  ['modeconfig', 'conn', 'enum', { values: ['push', 'pull'] }],
  ['xauth', 'conn', 'enum', { values: ['client', 'server'] }],
  ['fragmentation', 'conn', 'enum', { values: ['yes', 'accept', 'force', 'no'] }],
  ['hw_offload', 'conn', 'enum', { values: ['yes', 'no', 'auto'] }],
  ['copy_dscp', 'conn', 'enum', { values: ['out', 'in', 'yes', 'no'] }],
  ['auto', 'conn', 'enum', { values: ['ignore', 'add', 'route', 'start'], def: { ss: 'ignore' } }],
  ['also', 'conn', 'also', { doc: 'Include another conn section; this section\'s own settings win.' }],
  ['pfs', 'conn', 'string', { deprecated: 'a DH group in esp=' }],
  ['pfsgroup', 'conn', 'string', { deprecated: 'a DH group in esp=' }],
  ['eap', 'conn', 'string', { deprecated: 'leftauth=eap-…' }],
  ['left', 'conn', 'host'],
  ['right', 'conn', 'host'],
  ['subnet', 'conn', 'subnet', { perEnd: true }],
  ['protoport', 'conn', 'protoport', { perEnd: true, doc: 'PROTO[/PORT] (the man page prefers leftsubnet=NET[PROTO/PORT]; starter still accepts it).' }],
  ['id', 'conn', 'id', { perEnd: true }],
  ['sendcert', 'conn', 'enum', { perEnd: true, values: ['always', 'ifasked', 'never', 'yes', 'no'] }],
  ...(['firewall', 'hostaccess', 'allowany'] as const).map((n): Row => [n, 'conn', 'bool', { perEnd: true, values: SS_BOOL }]),
  ...(['ikeport', 'sourceip', 'dns', 'updown', 'id2', 'auth', 'auth2', 'sigkey', 'rsasigkey', 'cert', 'cert2', 'certpolicy', 'ca', 'ca2', 'groups', 'groups2'] as const)
    .map((n): Row => [n, 'conn', 'string', { perEnd: true }]),
  ['nexthop', 'conn', 'string', { perEnd: true, deprecated: 'nothing (ignored by charon)' }],
  // ca sections
  ...(['cacert', 'ldaphost', 'ldapbase', 'crluri', 'crluri1', 'crluri2', 'ocspuri', 'ocspuri1', 'ocspuri2', 'certuribase'] as const).map((n): Row => [n, 'ca', 'string']),
  ['also', 'ca', 'also'],
  ['auto', 'ca', 'enum', { values: ['ignore', 'add'] }],
];

function build(rows: Row[]): Keyword[] {
  return rows.map(([name, sect, type, extra]) => ({ name, sect, type, ...extra }));
}

export const LIBRESWAN_KEYWORDS: readonly Keyword[] = build(LSW_ROWS);
export const STRONGSWAN_KEYWORDS: readonly Keyword[] = build(SS_ROWS);

/** Key of a table entry in its namespace: section + name. */
function index(rows: readonly Keyword[], fold: boolean): Map<string, Keyword[]> {
  const m = new Map<string, Keyword[]>();
  for (const r of rows) {
    const k = fold ? r.name.toLowerCase() : r.name;
    m.set(k, [...(m.get(k) ?? []), r]);
  }
  return m;
}
const LSW_INDEX = index(LIBRESWAN_KEYWORDS, true);
const SS_INDEX = index(STRONGSWAN_KEYWORDS, false);

export interface KeyLookup {
  kw: Keyword;
  /** 'left' / 'right' for per-end keys, undefined for the others. */
  end?: 'left' | 'right';
  /** Written with the 5.3+ `left-kw` spelling. */
  dashed?: boolean;
  /** A per-end key written without left/right (4.10 takes it as right). */
  bare?: boolean;
}

/**
 * Finds a written key. Libreswan folds case (strcaseeq); strongSwan does not. Returns every
 * table row with that name so the caller can tell "wrong section" from "unknown".
 */
export function lookupKey(written: string, daemon: 'libreswan' | 'strongswan'): KeyLookup[] {
  const fold = daemon === 'libreswan';
  const idx = fold ? LSW_INDEX : SS_INDEX;
  const key = fold ? written.toLowerCase() : written;
  const out: KeyLookup[] = [];
  for (const kw of idx.get(key) ?? []) {
    if (kw.perEnd) out.push({ kw, bare: true });
    else out.push({ kw });
  }
  const m = /^(left|right)(-?)(.+)$/.exec(key);
  if (m) {
    for (const kw of idx.get(m[3]) ?? []) {
      if (kw.perEnd) out.push({ kw, end: m[1] as 'left' | 'right', dashed: m[2] === '-' });
    }
  }
  return out;
}

/** Every spelling valid in a section, for completion and did-you-mean. */
export function spellings(daemon: 'libreswan' | 'strongswan', sect: Sect): string[] {
  const rows = daemon === 'libreswan' ? LIBRESWAN_KEYWORDS : STRONGSWAN_KEYWORDS;
  const out: string[] = [];
  for (const r of rows) {
    if (r.sect !== sect) continue;
    if (r.perEnd) out.push(`left${r.name}`, `right${r.name}`);
    else out.push(r.name);
  }
  return [...new Set(out)];
}

/** The other daemon knows this key: used to say "this is a strongSwan keyword". */
export function otherDaemonKnows(written: string, daemon: 'libreswan' | 'strongswan'): boolean {
  return lookupKey(written, daemon === 'libreswan' ? 'strongswan' : 'libreswan').length > 0;
}
