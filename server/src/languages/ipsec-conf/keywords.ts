// The keyword TABLE of both daemons. Libreswan rows: the set Debian's Libreswan 4.10 accepts (each
// key's section, per-end flag, parser type and word list probed with `addconn --checkconfig`), and
// every keyword of the 5.x tags, with the versions each is known in, the words each version takes
// and the defaults per version, from docs/reference/libreswan-keywords-5x.tsv and
// docs/reference/libreswan-5.md (ranges: docs/reference/ipsec-conf-grammar.md §6, §10).
// strongSwan rows follow src/starter/keywords.txt of 5.9 (case-sensitive gperf table).
import { atLeast, compareVersions } from '../../core/versions';

export type KwType =
  | 'bool' // 4.10 lexer: y|yes|true|on|n|no|false|off, lower-case only; 5.x: a word list, any case, with 1|0
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
  /** The words the oldest version listed takes (4.10's, unless `valuesFrom` says otherwise). */
  values?: string[];
  /** Word lists that changed: from version V on, these words ('any': not checked). The last entry not after the target wins. */
  valuesFrom?: [version: string, words: string[] | 'any'][];
  /** Values of another version that a fix can rewrite for an older target (keyexchange=ikev2 → ikev2=yes). */
  olderSpelling?: Record<string, string>;
  /** May be given more than once (appended, kt_appendstring): never a duplicate. */
  repeatable?: boolean;
  /** Canonical field it shares (duplicates across aliases collide). */
  field?: string;
  /** First version that knows it (Libreswan); absent: every version from 3.25. */
  since?: string;
  /** First version that no longer knows it. */
  removedIn?: string;
  /** Versions [from, until) inside since..removedIn that do not know it, and why. */
  gap?: { from: string; until: string; why: string };
  /** Versions before this one accept it and ignore it (kt_obsolete in its first releases). */
  ignoredUntil?: string;
  /** From this version on, accepted, warned about and ignored (kt_obsolete). */
  obsoleteIn?: string;
  /** Earlier than `since` only in builds with this option: a warning, not an error, before `since`. */
  buildOption?: string;
  /** From this version on, an alias of another keyword (hover only). */
  aliasOf?: { from: string; name: string };
  /** Still accepted but obsolete: the replacement, shown by deprecated-option. */
  deprecated?: string;
  /** Deprecated only from this version on. */
  deprecatedFrom?: string;
  /** Libreswan's default per major, for hover and the model. */
  def?: { lsw3?: string; lsw4?: string; lsw5?: string; ss?: string };
  /** Defaults that changed within a major: from version V on (the last entry not after the target wins). */
  defFrom?: [version: string, value: string][];
  doc?: string;
}

const YN = ['yes', 'no'];
const AUTO = ['ignore', 'add', 'ondemand', 'route', 'start', 'up', 'keep'];
const FAMILY = ['ipv4', 'ipv6', 'inet', 'inet6', 'v4', 'v6'];
const FOUR = ['never', 'permit', 'propose', 'insist', 'yes', 'always', 'no'];
/** The boolean words of 5.x's yn_option_names (any case), which also prefix yna/yne/ynf lists. */
const YN5 = ['yes', 'no', 'true', 'false', 'on', 'off', 'y', 'n'];

/** Libreswan's boolean words: the 3.x/4.x lexer's (lower case only), and 5.x's word list (any case). */
export const LSW_BOOL_WORDS = { lsw4: ['y', 'yes', 'true', 'on', 'n', 'no', 'false', 'off'], lsw5: [...YN5, '1', '0'] };

/** The versions the table tells apart, oldest first: a guess picks among them. */
export const LIBRESWAN_5X = ['5.0', '5.1', '5.2', '5.3', '5.4'];

/** The left-KEY= spelling (docs/reference/libreswan-5.md §1: parse_leftright eats a `-` from v5.0). */
export const DASHED_SINCE = '5.0';
/** A per-end key without left/right: 5.3 warns "treated as right-KEY=", 5.4 refuses it (docs/reference/libreswan-5.md §1). */
export const BARE_WARNED_IN = '5.3';
export const BARE_REFUSED_IN = '5.4';

type Row = [name: string, sect: Sect, type: KwType, extra?: Partial<Keyword>];

const rows = (names: readonly string[], sect: Sect, type: KwType, extra?: Partial<Keyword>): Row[] => names.map((n): Row => [n, sect, type, extra]);

// ---------------------------------------------------------------- Libreswan 3.25 - 5.4
const LSW_ROWS: Row[] = [
  // config setup: strings / numbers
  ...rows(['curl-iface', 'ddos-ike-threshold', 'dumpdir', 'ipsecdir', 'keep-alive', 'listen', 'max-halfopen-ike', 'myvendorid',
    'nflog-all', 'nhelpers', 'nssdir', 'ocsp-cache-size', 'ocsp-timeout', 'ocsp-trustname', 'ocsp-uri', 'protostack', 'secretsfile', 'seedbits',
    'statsbin', 'virtual-private'], 'setup', 'string'),
  ...rows(['dnssec-anchors', 'dnssec-rootkey-file'], 'setup', 'string', { since: '3.21' }),
  ...rows(['global-redirect-to'], 'setup', 'string', { since: '3.28' }),
  ['global-redirect', 'setup', 'enum', { since: '3.28', valuesFrom: [['5.3', ['no', 'yes', 'auto']]], doc: 'A string up to 5.2 (not checked); from 5.3 no|yes|auto.' }],
  ['ike-socket-bufsize', 'setup', 'string', { since: '3.22' }],
  ['interfaces', 'setup', 'string', { obsoleteIn: '4.8' }],
  ['ikev1-secctx-attr-type', 'setup', 'string', { since: '4.0', obsoleteIn: '5.0' }],
  ['secctx-attr-type', 'setup', 'string', { obsoleteIn: '5.0' }],
  ['syslog', 'setup', 'string', { obsoleteIn: '5.3' }],
  ['xfrmlifetime', 'setup', 'string', { aliasOf: { from: '5.3', name: 'expire-lifetime' } }],
  ['logfile', 'setup', 'string', { doc: 'File pluto logs to (instead of syslog).' }],
  ['plutostderrlog', 'setup', 'string', { deprecated: 'logfile', field: 'logfile', obsoleteIn: '5.3' }],
  ['virtual_private', 'setup', 'string', { deprecated: 'virtual-private', field: 'virtual-private', obsoleteIn: '5.3' }],
  ...rows(['crl-strict', 'drop-oppo-null', 'logappend', 'logtime', 'ocsp-enable', 'ocsp-strict'], 'setup', 'bool'),
  ['dnssec-enable', 'setup', 'bool', { since: '3.21' }],
  ...rows(['ike-socket-errqueue', 'logip'], 'setup', 'bool', { since: '3.22' }),
  ['audit-log', 'setup', 'bool', { since: '3.30' }],
  ['listen-tcp', 'setup', 'bool', { since: '4.0', def: { lsw4: 'no', lsw5: 'no' } }],
  ['listen-udp', 'setup', 'bool', { since: '4.0', def: { lsw4: 'yes', lsw5: 'yes' } }],
  ['uniqueids', 'setup', 'bool', { def: { lsw3: 'yes', lsw4: 'yes', lsw5: 'yes' }, doc: 'Replace an older IKE SA when the same ID connects again.' }],
  ...rows(['crlcheckinterval', 'ocsp-cache-max-age', 'ocsp-cache-min-age', 'shuntlifetime'], 'setup', 'time'),
  ['curl-timeout', 'setup', 'time', { aliasOf: { from: '5.3', name: 'crl-timeout' } }],
  ['ddos-mode', 'setup', 'enum', { values: ['auto', 'busy', 'unlimited'], def: { lsw3: 'auto', lsw4: 'auto', lsw5: 'auto' } }],
  ['ikev1-policy', 'setup', 'enum', {
    since: '4.2', values: ['accept', 'drop', 'reject'], def: { lsw4: 'accept', lsw5: 'drop' },
    doc: 'What pluto does with IKEv1: accept, or drop/reject (then it also refuses to load IKEv1 conns). Default accept in 4.x, drop from 5.0 (IKEv1 is off unless this says accept).',
  }],
  ['ocsp-method', 'setup', 'enum', { values: ['get', 'post'] }],
  // 5.x debug names (cpu-usage, routing, add-prefix, …) are not the 4.x debug-… list: 5.x words are not checked.
  ['plutodebug', 'setup', 'list', {
    values: ['all', 'none', 'base', 'tmi', 'private', 'crypt', 'debug-add-prefix', 'debug-base', 'debug-cpu-usage', 'debug-crypt', 'debug-private', 'debug-refcnt', 'debug-tmi', 'debug-whackwatch'],
    valuesFrom: [['5.0', 'any']],
  }],
  // 5.x config setup keys
  ['debug', 'setup', 'list', { since: '5.1', removedIn: '5.3', valuesFrom: [['5.0', 'any']], doc: 'Debug flags (5.1 and 5.2 take debug=/plutodebug= in both sections).' }],
  ['ipsec-interface-managed', 'setup', 'bool', { since: '5.2' }],
  ['crl-timeout', 'setup', 'time', { since: '5.3', doc: 'Timeout fetching a CRL (curl-timeout= before 5.3).' }],
  ['expire-lifetime', 'setup', 'time', { since: '5.3' }],
  ['expire-shunt-interval', 'setup', 'time', { since: '5.3' }],
  ...rows(['logstderr', 'rundir'], 'setup', 'string', { since: '5.3' }),
  ...rows(['dns-resolver', 'exampledir', 'seeddev'], 'setup', 'string', { since: '5.4' }),
  ['loglimit', 'setup', 'bool', { since: '5.4' }],
  ['seccomp', 'setup', 'enum', { since: '5.4', buildOption: 'USE_SECCOMP', values: ['enabled', 'disabled', 'tolerant'] }],
  // Libreswan 3.x setup keys gone by 4.10 (4.10 gives a syntax error)
  ...rows(['klipsdebug', 'plutofork', 'force_busy', 'force-busy', 'nat_traversal', 'oe', 'disable_port_floating', 'force_keepalive',
    'plutostderrlogtime', 'plutorestartoncrash', 'perpeerlog', 'perpeerlogdir', 'fragicmp', 'hidetos', 'overridemtu', 'strictcrlpolicy',
    'crl_strict', 'ocsp_strict', 'ocsp_enable', 'ocsp_uri', 'ocsp_timeout', 'ocsp_trust_name', 'nat-ikeport', 'nat_ikeport', 'keep_alive'], 'setup', 'string', { removedIn: '4.0' }),

  // conn: booleans
  ...rows(['cisco-unity', 'fake-strongswan', 'initial-contact', 'modecfgpull', 'nat-keepalive', 'nm-configured', 'overlapip', 'pam-authorize', 'send-vendorid',
    'vti-routing', 'vti-shared'], 'conn', 'bool'),
  ['decap-dscp', 'conn', 'bool', { since: '3.23' }],
  ...rows(['ms-dh-downgrade', 'reauth'], 'conn', 'bool', { since: '3.25' }),
  ['require-id-on-certificate', 'conn', 'bool', { since: '3.30' }],
  ['intermediate', 'conn', 'bool', { since: '4.0' }],
  ['ignore-peer-dns', 'conn', 'bool', { since: '4.2' }],
  ['ikepad', 'conn', 'bool', { valuesFrom: [['5.2', [...YN5, 'auto']]] }],
  ['send-no-esp-tfc', 'conn', 'bool', { aliasOf: { from: '5.3', name: 'send-esp-tfc-padding-not-supported' } }],
  ['aggressive', 'conn', 'bool', { def: { lsw3: 'no', lsw4: 'no', lsw5: 'no' }, doc: 'IKEv1 Aggressive Mode.' }],
  ['aggrmode', 'conn', 'bool', { field: 'aggressive', deprecated: 'aggressive' }],
  ['compress', 'conn', 'bool', { def: { lsw3: 'no', lsw4: 'no', lsw5: 'no', ss: 'no' }, doc: 'IPComp compression.' }],
  ['mobike', 'conn', 'bool', { since: '3.23', def: { lsw3: 'no', lsw4: 'no', lsw5: 'no', ss: 'yes' } }],
  ['narrowing', 'conn', 'bool', { def: { lsw3: 'no', lsw4: 'no', lsw5: 'no' }, doc: 'IKEv2 traffic selector narrowing.' }],
  ['nopmtudisc', 'conn', 'bool', { since: '3.23', def: { lsw3: 'no', lsw4: 'no', lsw5: 'no' } }],
  ['pfs', 'conn', 'bool', { def: { lsw3: 'yes', lsw4: 'yes', lsw5: 'yes' }, doc: 'Perfect Forward Secrecy for the Child SA keys: a DH exchange on rekey (group from esp=, else the IKE group).' }],
  ['rekey', 'conn', 'bool', { def: { lsw3: 'yes', lsw4: 'yes', lsw5: 'yes', ss: 'yes' } }],
  ['sha2-truncbug', 'conn', 'bool', { def: { lsw3: 'no', lsw4: 'no', lsw5: 'no' }, doc: 'Use the 96-bit draft truncation of HMAC-SHA2-256 in ESP (strongSwan: sha256_96). Both ends must agree or ESP ICVs fail.' }],
  ['sha2_truncbug', 'conn', 'bool', { field: 'sha2-truncbug', removedIn: '4.0' }],
  ...rows(['cat', 'modecfgclient', 'modecfgserver', 'xauthclient', 'xauthserver'], 'conn', 'bool', { perEnd: true }),
  // 5.x conn booleans
  ['encap-dscp', 'conn', 'bool', { since: '5.0' }],
  ['pfs-rekey-workaround', 'conn', 'bool', { since: '5.0' }],
  ['groundhog', 'conn', 'bool', { since: '5.0', perEnd: true }],
  ...rows(['iptfs', 'iptfs-fragmentation'], 'conn', 'bool', { since: '5.2' }),
  ['session-resumption', 'conn', 'bool', { since: '5.2' }],
  ...rows(['cisco-split', 'share-lease'], 'conn', 'bool', { since: '5.3' }),
  ['send-esp-tfc-padding-not-supported', 'conn', 'bool', { since: '5.3', doc: 'Do not send ESP_TFC_PADDING_NOT_SUPPORTED (send-no-esp-tfc= before 5.3).' }],
  ...rows(['reject-simultaneous-ike-auth', 'send-supported-auth-methods'], 'conn', 'bool', { since: '5.4' }),
  // conn: enums
  ['accept-redirect', 'conn', 'enum', { values: ['yes', 'no', 'auto'], valuesFrom: [['5.0', [...YN5, '1', '0']]], since: '3.28' }],
  ['send-redirect', 'conn', 'enum', { values: ['yes', 'no', 'auto'], valuesFrom: [['5.0', [...YN5, 'auto']]], since: '3.28' }],
  ['enable-tcp', 'conn', 'enum', { values: ['fallback', 'no', 'yes'], valuesFrom: [['5.0', [...YN5, 'fallback']]], since: '4.0', doc: 'IKE and ESP over TCP (RFC 8229).' }],
  ['encapsulation', 'conn', 'enum', { values: ['auto', 'no', 'yes'], valuesFrom: [['5.0', [...YN5, 'auto']]], def: { lsw3: 'auto', lsw4: 'auto', lsw5: 'auto' }, doc: 'Force UDP encapsulation of ESP (NAT-T) even without NAT (+8 bytes per packet).' }],
  ['esn', 'conn', 'enum', { values: ['either', 'no', 'yes'], valuesFrom: [['5.0', [...YN5, 'either']]], def: { lsw3: 'no', lsw4: 'either', lsw5: 'either' }, doc: 'Extended Sequence Numbers.' }],
  ['fragmentation', 'conn', 'enum', { values: ['force', 'insist', 'never', 'no', 'yes'], valuesFrom: [['5.0', [...YN5, 'force', 'never', 'insist']]], def: { lsw3: 'yes', lsw4: 'yes', lsw5: 'yes', ss: 'yes' }, doc: 'IKE fragmentation (not ESP).' }],
  ['ikev2', 'conn', 'enum', {
    values: FOUR, valuesFrom: [['5.0', [...FOUR, 'true', 'false', 'on', 'off', 'y', 'n']]], def: { lsw3: 'permit', lsw4: 'yes' },
    deprecated: 'keyexchange=', deprecatedFrom: '5.0',
    doc: 'IKE version. 3.25: never/permit/propose/insist (permit = initiate IKEv1, accept both). 4.x and 5.x: a boolean (never/permit/no = IKEv1, propose/insist/yes/always = IKEv2). 5.x: deprecated for keyexchange=.',
  }],
  ['nic-offload', 'conn', 'enum', { since: '3.21', values: ['auto', 'no', 'yes'], valuesFrom: [['5.0', ['no', 'crypto', 'packet', 'yes']]], def: { lsw5: 'no' } }],
  ['ppk', 'conn', 'enum', { since: '3.23', values: FOUR, valuesFrom: [['5.0', [...FOUR, 'true', 'false', 'on', 'off', 'y', 'n']]] }],
  ['auth', 'conn', 'enum', { perEnd: true, values: ['eaponly', 'ecdsa', 'never', 'null', 'rsa', 'rsasig', 'secret'], doc: 'Authentication method of this end (IKEv2 asymmetric authentication).' }],
  ['autheap', 'conn', 'enum', { since: '4.6', perEnd: true, values: ['none', 'tls'] }],
  ['auto', 'conn', 'enum', { values: AUTO, def: { lsw3: 'ignore', lsw4: 'ignore', lsw5: 'ignore', ss: 'ignore' }, doc: 'What happens at startup: add (load, wait), start (initiate), ondemand/route (on traffic), ignore.' }],
  ['hostaddrfamily', 'conn', 'enum', { since: '3.25', values: FAMILY, doc: 'Address family of left= and right= (normally guessed from them).' }],
  ['clientaddrfamily', 'conn', 'enum', { since: '3.25', values: FAMILY, obsoleteIn: '5.3' }],
  ['connaddrfamily', 'conn', 'enum', { values: FAMILY, removedIn: '4.0' }],
  ['dpdaction', 'conn', 'enum', { values: ['clear', 'hold', 'restart', 'restart_by_peer'], obsoleteIn: '5.0', doc: 'Action when Dead Peer Detection declares the peer dead (obsolete in 5.x: accepted and ignored).' }],
  ['failureshunt', 'conn', 'enum', { values: ['drop', 'hold', 'none', 'passthrough', 'reject'], valuesFrom: [['5.3', ['drop', 'hold', 'none', 'pass', 'passthrough', 'reject']]] }],
  ['keyexchange', 'conn', 'enum', {
    values: ['ike'], valuesFrom: [['5.0', ['ike', 'ikev1', 'ikev2']]], olderSpelling: { ikev1: 'ikev2=no', ikev2: 'ikev2=yes' }, def: { lsw5: 'ikev2' },
    doc: 'Libreswan 3.x/4.x: only `ike` (no effect). 5.0+: ike|ikev1|ikev2, replacing ikev2=; unset (or `ike`) is IKEv2 unless ikev2=no, and IKEv1 needs ikev1-policy=accept in config setup.',
  }],
  ['nat-ikev1-method', 'conn', 'enum', { values: ['both', 'drafts', 'none', 'rfc'] }],
  ['negotiationshunt', 'conn', 'enum', { values: ['drop', 'hold', 'passthrough'], valuesFrom: [['5.3', ['drop', 'hold', 'pass', 'passthrough']]] }],
  ['phase2', 'conn', 'enum', { values: ['ah', 'default', 'esp'], valuesFrom: [['5.4', ['ah', 'esp']]], def: { lsw3: 'esp', lsw4: 'esp', lsw5: 'esp' }, doc: 'ESP or AH for the Child SA.' }],
  ['remote-peer-type', 'conn', 'enum', { values: ['cisco'], valuesFrom: [['5.3', ['ietf', 'cisco']]], doc: 'Cisco interop (IKEv1 Unity).' }],
  ['remote_peer_type', 'conn', 'enum', { values: ['cisco'], valuesFrom: [['5.3', ['ietf', 'cisco']]], field: 'remote-peer-type', deprecated: 'remote-peer-type', gap: { from: '4.0', until: '4.2', why: 'dropped in 4.0, back as an alias in 4.2' } }],
  ['sendca', 'conn', 'enum', { values: ['all', 'issuer', 'none'] }],
  ['sendcert', 'conn', 'enum', { perEnd: true, values: ['always', 'alwayssend', 'never', 'sendifasked'], valuesFrom: [['5.3', ['always', 'alwayssend', 'never', 'sendifasked', 'no', 'yes', 'ifasked']]] }],
  ['type', 'conn', 'enum', { values: ['tunnel', 'transport', 'passthrough', 'pass', 'drop', 'reject'], def: { lsw3: 'tunnel', lsw4: 'tunnel', lsw5: 'tunnel', ss: 'tunnel' }, doc: 'IPsec mode: tunnel (new outer IP header, +40 bytes for IPv6) or transport (ESP inserted after the existing IP header and its extension headers); or a shunt.' }],
  ['xauthby', 'conn', 'enum', { values: ['alwaysok', 'file', 'pam'] }],
  ['xauthfail', 'conn', 'enum', { values: ['hard', 'soft'] }],
  // conn: times
  ['ikelifetime', 'conn', 'time', { def: { lsw3: '1h', lsw4: '8h', lsw5: '8h', ss: '3h' }, doc: 'Lifetime of the IKE SA (max 24h).' }],
  ['ipsec-lifetime', 'conn', 'time', { since: '4.8', field: 'ipsec-lifetime', def: { lsw4: '8h', lsw5: '8h' }, doc: 'Lifetime of the IPsec (Child) SA (max 24h).' }],
  ['salifetime', 'conn', 'time', { field: 'ipsec-lifetime', aliasOf: { from: '5.3', name: 'ipsec-lifetime' }, def: { lsw3: '8h', lsw4: '8h', lsw5: '8h' }, doc: 'Lifetime of the IPsec SA (an alias of ipsec-lifetime from 5.3).' }],
  ['keylife', 'conn', 'time', { field: 'ipsec-lifetime', def: { lsw3: '8h', lsw4: '8h', lsw5: '8h', ss: '1h' }, doc: 'Alias of ipsec-lifetime: lifetime of the IPsec SA.' }],
  ['lifetime', 'conn', 'time', { field: 'ipsec-lifetime', def: { lsw3: '8h', lsw4: '8h', lsw5: '8h', ss: '1h' }, doc: 'Alias of ipsec-lifetime: lifetime of the IPsec SA.' }],
  ['rekeymargin', 'conn', 'time', { def: { lsw3: '9m', lsw4: '9m', lsw5: '9m', ss: '9m' } }],
  ['dpddelay', 'conn', 'time', { doc: 'Dead Peer Detection interval.' }],
  ['dpdtimeout', 'conn', 'time', { aliasOf: { from: '5.0', name: 'ikev1-dpdtimeout' }, doc: 'IKEv1 DPD timeout (5.0-5.3: an alias of ikev1-dpdtimeout; 5.4 swapped them back).' }],
  ['ikev1-dpdtimeout', 'conn', 'time', { since: '5.0', field: 'dpdtimeout', aliasOf: { from: '5.4', name: 'dpdtimeout' } }],
  ['retransmit-interval', 'conn', 'time'],
  ['retransmit-timeout', 'conn', 'time', { def: { lsw4: '60s', lsw5: '60s' }, defFrom: [['5.4', '30s']] }],
  ['ipsec-max-bytes', 'conn', 'time', { since: '4.8' }],
  ['ipsec-max-packets', 'conn', 'time', { since: '4.8' }],
  ...rows(['iptfs-drop-time', 'iptfs-init-delay'], 'conn', 'time', { since: '5.2' }),
  ['rekeyfuzz', 'conn', 'percent', { def: { lsw3: '100%', lsw4: '100%', lsw5: '100%', ss: '100%' } }],
  // conn: strings
  ...rows(['mark', 'mark-in', 'mark-out', 'metric', 'modecfgbanner', 'priority', 'reqid', 'tfc', 'vti-interface'], 'conn', 'string'),
  ['keyingtries', 'conn', 'string', { obsoleteIn: '5.3' }],
  ['replay-window', 'conn', 'string', { def: { lsw3: '32', lsw4: '128', lsw5: '128' }, doc: 'IPsec replay window (packets; 0 turns replay protection off).' }],
  ...rows(['modecfgdns', 'modecfgdomains'], 'conn', 'string', { since: '3.23' }),
  ...rows(['redirect-to', 'accept-redirect-to'], 'conn', 'string', { since: '3.28' }),
  ['ipsec-interface', 'conn', 'string', { since: '3.30', doc: 'Route the conn through an XFRM interface (ipsecN): yes or a number (3.30-4.15 only when built with USE_XFRM_INTERFACE, the default).' }],
  ...rows(['tcp-remoteport'], 'conn', 'string', { since: '4.0' }),
  ['sec-label', 'conn', 'string', { since: '4.2' }],
  ['policy-label', 'conn', 'string', { aliasOf: { from: '5.3', name: 'sec-label' } }],
  ['nflog', 'conn', 'string', { aliasOf: { from: '5.3', name: 'nflog-group' } }],
  ['alsoflip', 'conn', 'string', { removedIn: '5.0' }],
  ['connalias', 'conn', 'string', { repeatable: true }],
  ['mtu', 'conn', 'number', { doc: 'MTU of the route pluto installs for the tunnel (not the interface MTU).' }],
  ['forceencaps', 'conn', 'string', { deprecated: 'encapsulation=yes', obsoleteIn: '3.20', removedIn: '5.0' }],
  // 5.x conn strings
  ['debug', 'conn', 'list', { since: '5.0', valuesFrom: [['5.0', 'any']], doc: 'Debug flags for this conn.' }],
  ['plutodebug', 'conn', 'list', { since: '5.1', removedIn: '5.3', valuesFrom: [['5.0', 'any']] }],
  ['ppk-ids', 'conn', 'string', { since: '5.0' }],
  ...rows(['iptfs-max-queue-size', 'iptfs-packet-size', 'iptfs-reorder-window'], 'conn', 'string', { since: '5.2' }),
  ['nflog-group', 'conn', 'number', { since: '5.3', doc: 'NFLOG group for this conn\'s traffic (nflog= before 5.3).' }],
  ['clones', 'conn', 'string', { since: '5.4' }],
  ['also', 'conn', 'also', { doc: 'Include the keys of another conn section (may be defined later; repeatable). Libreswan 4.x: a key set both here and in the target is a duplicate error.' }],
  ['authby', 'conn', 'string', { def: { lsw3: 'rsasig', lsw4: 'rsasig,ecdsa', lsw5: 'rsasig,ecdsa', ss: 'pubkey' }, doc: 'How both ends authenticate: secret (PSK), rsasig, ecdsa, null, never; a comma list in 4.x.' }],
  ['ike', 'conn', 'proposal', { doc: 'IKE SA proposals: ENCR[-PRF][;DH], comma-separated alternatives; `+` joins alternatives inside one IKEv2 proposal.' }],
  ['esp', 'conn', 'proposal', { field: 'esp', doc: 'ESP (Child SA) proposals: ENCR[-INTEG][;DH]. The DH group is the PFS group, used only with pfs=yes.' }],
  ['phase2alg', 'conn', 'proposal', { field: 'esp', doc: 'Alias of esp= (4.x: one field with esp= and ah=; setting both is a duplicate). 5.3+: its own, deprecated, field.' }],
  ['ah', 'conn', 'proposal', { field: 'esp', doc: 'AH proposals (with phase2=ah); up to 5.2 the same field as esp=, from 5.3 it implies phase2=ah.' }],
  ['left', 'conn', 'host', { doc: 'Address of the left end: IP, hostname, %defaultroute, %any, %<iface>.' }],
  ['right', 'conn', 'host', { doc: 'Address of the right end: IP, hostname, %defaultroute, %any, %<iface>.' }],
  ['subnet', 'conn', 'subnet', { perEnd: true, doc: 'Private network behind this end (default: the end itself, /32 or /128).' }],
  ['subnets', 'conn', 'string', { perEnd: true, doc: '{a b c} list: one conn per subnet pair.' }],
  ['protoport', 'conn', 'protoport', { perEnd: true, doc: 'Restrict the SA to PROTO[/PORT] (gre, 47/0, tcp/22). Libreswan 3.x/4.x lose an all-digit value (`47`): the conn is dropped.' }],
  ['id', 'conn', 'id', { perEnd: true, doc: 'Identity of this end (IP, @fqdn, DN, %fromcert); default its address.' }],
  ...rows(['addresspool', 'ca', 'cert', 'ckaid', 'nexthop', 'rsasigkey', 'sourceip', 'updown', 'username', 'vti'], 'conn', 'string', { perEnd: true }),
  ...rows(['ikeport'], 'conn', 'string', { perEnd: true, since: '4.0' }),
  ...rows(['ecdsakey', 'pubkey'], 'conn', 'string', { perEnd: true, since: '4.8' }),
  ['xauthusername', 'conn', 'string', { perEnd: true, aliasOf: { from: '5.3', name: 'username' }, gap: { from: '4.0', until: '4.2', why: 'dropped in 4.0, back as an alias in 4.2' } }],
  ['interface-ip', 'conn', 'subnet', {
    perEnd: true, since: '3.30', ignoredUntil: '3.32', gap: { from: '4.4', until: '5.0', why: 'compiled out (#if 0)' },
    doc: 'Address pluto puts on the XFRM interface of ipsec-interface= (3.30-3.31: accepted and ignored; 3.32-4.3: read; 4.4-4.15: unknown, compiled out; 5.0+: read again).',
  }],
  ['eddsakey', 'conn', 'string', { perEnd: true, since: '5.4' }],
  ['updown-config', 'conn', 'string', { perEnd: true, since: '5.4' }],
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

// ---------------------------------------------------------------- Libreswan versions of a row

/** Whether a Libreswan version knows a keyword, and how. */
export type Availability =
  | { known: true; obsolete?: string; ignored?: boolean }
  | { known: false; why: 'before'; since: string; buildOption?: string }
  | { known: false; why: 'removed'; removedIn: string }
  | { known: false; why: 'gap'; from: string; until: string; reason: string };

export function availability(kw: Keyword, version: string): Availability {
  if (kw.removedIn && atLeast(version, kw.removedIn)) return { known: false, why: 'removed', removedIn: kw.removedIn };
  if (kw.since && !atLeast(version, kw.since)) return { known: false, why: 'before', since: kw.since, buildOption: kw.buildOption };
  if (kw.gap && atLeast(version, kw.gap.from) && !atLeast(version, kw.gap.until)) return { known: false, why: 'gap', from: kw.gap.from, until: kw.gap.until, reason: kw.gap.why };
  if (kw.ignoredUntil && !atLeast(version, kw.ignoredUntil)) return { known: true, ignored: true };
  if (kw.obsoleteIn && atLeast(version, kw.obsoleteIn)) return { known: true, obsolete: kw.obsoleteIn };
  return { known: true };
}

/** The versions a row is read in, for hover: "3.32-4.3 and 5.0+ (compiled out (#if 0) in 4.4-4.15)". */
export function versionNote(kw: Keyword): string | undefined {
  const parts: string[] = [];
  const from = kw.ignoredUntil ?? kw.since;
  if (kw.gap) parts.push(`Libreswan ${from ? `${from}-` : 'up to '}${previousRelease(kw.gap.from)} and ${kw.gap.until}+ (${kw.gap.why} in ${kw.gap.from}-${previousRelease(kw.gap.until)})`);
  else if (from && kw.removedIn) parts.push(`Libreswan ${from}-${previousRelease(kw.removedIn)}`);
  else if (from) parts.push(`Libreswan ${from}+`);
  else if (kw.removedIn) parts.push(`Libreswan up to ${previousRelease(kw.removedIn)} (removed in ${kw.removedIn})`);
  if (kw.ignoredUntil && kw.since) parts.push(`${kw.since}-${previousRelease(kw.ignoredUntil)} accept it and ignore it`);
  if (kw.buildOption && kw.since) parts.push(`before ${kw.since} only in builds with ${kw.buildOption}`);
  if (kw.obsoleteIn) parts.push(`obsolete (accepted and ignored) from ${kw.obsoleteIn}`);
  if (kw.aliasOf) parts.push(`an alias of ${kw.aliasOf.name} from ${kw.aliasOf.from}`);
  return parts.length ? parts.join('; ') : undefined;
}

/** "4.4" → "4.3", "5.0" → "4.15", "4.0" → "3.32": the last release before a version (the tags of docs/reference/libreswan-5.md). */
export function previousRelease(v: string): string {
  const LAST: Record<string, string> = { '4.0': '3.32', '5.0': '4.15', '3.0': '2.6' };
  if (LAST[v]) return LAST[v];
  const [maj, min] = v.split('.').map(Number);
  return min > 0 ? `${maj}.${min - 1}` : v;
}

/** The words a version takes for a keyword; undefined when it checks none (a string before 5.4, 5.x debug names). */
export function valuesFor(kw: Keyword, version: string): string[] | undefined {
  let words: string[] | 'any' | undefined = kw.values;
  for (const [v, w] of kw.valuesFrom ?? []) if (atLeast(version, v)) words = w;
  return words === 'any' ? undefined : words;
}

/** The versions in which a word is valid: the first range of the table's version steps that lists it. */
export function wordVersions(kw: Keyword, word: string): { from?: string; until?: string } | undefined {
  const steps: [string | undefined, string[] | 'any' | undefined][] = [[undefined, kw.values], ...(kw.valuesFrom ?? [])];
  const w = word.toLowerCase();
  for (let i = 0; i < steps.length; i++) {
    const words = steps[i][1];
    // An unchecked step ('any') says nothing about where a word starts to be valid.
    if (words !== 'any' && words?.includes(w)) {
      let j = i + 1;
      while (j < steps.length && (steps[j][1] === 'any' || (steps[j][1] as string[] | undefined)?.includes(w))) j++;
      return { from: steps[i][0], until: j < steps.length ? steps[j][0] : undefined };
    }
  }
  return undefined;
}

/** Libreswan's boolean words for a version (3.x/4.x lexer or 5.x word list). */
export function boolWords(version: string): string[] {
  return atLeast(version, '5.0') ? LSW_BOOL_WORDS.lsw5 : LSW_BOOL_WORDS.lsw4;
}

/** A row's default for a target: the per-major value, or a later change within the major. */
export function defaultFor(kw: Keyword, t: { daemon: 'libreswan' | 'strongswan'; major: number; version: string }): string | undefined {
  if (t.daemon === 'strongswan') return kw.def?.ss;
  let d = !kw.def ? undefined : t.major < 4 ? kw.def.lsw3 : t.major < 5 ? kw.def.lsw4 : kw.def.lsw5;
  for (const [v, value] of kw.defFrom ?? []) if (atLeast(t.version, v)) d = value;
  return d;
}

/** Every version the Libreswan rows tell apart, oldest first (since, removedIn, gap and value steps). */
export function libreswanVersionSteps(): string[] {
  const out = new Set<string>(['3.25', '4.10', ...LIBRESWAN_5X]);
  for (const kw of LIBRESWAN_KEYWORDS) {
    for (const v of [kw.since, kw.removedIn, kw.gap?.from, kw.gap?.until, kw.ignoredUntil, kw.obsoleteIn, ...(kw.valuesFrom ?? []).map((x) => x[0])]) if (v) out.add(v);
  }
  return [...out].sort(compareVersions);
}

/** The row of a Libreswan keyword by name and section (for the checks that name one). */
export function libreswanKeyword(name: string, sect: Sect): Keyword | undefined {
  return LSW_INDEX.get(name)?.find((k) => k.sect === sect);
}

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
  /** Written with the `left-kw` spelling (Libreswan 5.0+). */
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

/** Every spelling valid in a section (in a Libreswan version, when given), for completion and did-you-mean. */
export function spellings(daemon: 'libreswan' | 'strongswan', sect: Sect, version?: string): string[] {
  const rows = daemon === 'libreswan' ? LIBRESWAN_KEYWORDS : STRONGSWAN_KEYWORDS;
  const out: string[] = [];
  for (const r of rows) {
    if (r.sect !== sect) continue;
    if (daemon === 'libreswan' && version && !availability(r, version).known) continue;
    if (r.perEnd) out.push(`left${r.name}`, `right${r.name}`);
    else out.push(r.name);
  }
  return [...new Set(out)];
}

/** The other daemon knows this key: used to say "this is a strongSwan keyword". */
export function otherDaemonKnows(written: string, daemon: 'libreswan' | 'strongswan'): boolean {
  return lookupKey(written, daemon === 'libreswan' ? 'strongswan' : 'libreswan').length > 0;
}
