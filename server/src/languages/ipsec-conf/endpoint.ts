// Resolved conns -> normalized Endpoints (core/endpoint.ts), every value with its origin.
//
// Which end is local: Libreswan and strongSwan decide at run time by matching the host's own
// addresses, which a static checker cannot do. Rule used here (documented in the hover too):
// left is local, unless right is %defaultroute (or %<iface>) while left is not, or left is
// %any/%any6 while right is not - then right is local. A conn that uses leftid=@… keeps left.
import type { AuthMethod, Endpoint, IpsecBinding, Proposal, TrafficSelector, Valued } from '../../core/endpoint';
import { parseAddress, parsePrefix } from '../../core/address';
import { defaulted, derived, written as writtenAt } from '../../core/valued';
import { atLeast } from '../../core/versions';
import { defaultProposals, parseProposals, type ProposalKind } from '../shared/proposals';
import type { Resolved } from './resolve';
import type { Entry } from './tree';
import { defaultFor, lookupKey } from './keywords';
import { parseProtoPort, parseTime } from './values';
import { targetLabel, type Target } from './version';

/** A value as the entry's value text writes it. */
function written<T>(value: T, e: Entry): Valued<T> {
  return writtenAt(value, e.uri, e.valueRange);
}

function get(r: Resolved, f: string): Entry | undefined {
  return r.fields.get(f);
}

function lower(r: Resolved, f: string): string | undefined {
  return get(r, f)?.value.toLowerCase();
}

/** IKE version: 3.25 four-valued ikev2=, 4.x boolean ikev2=, 5.x keyexchange=, strongSwan keyexchange=. */
export function ikeVersionOf(r: Resolved, t: Target): { v: Valued<1 | 2 | 'either'>; initiates?: Valued<1 | 2> } {
  const label = targetLabel(t);
  const kx = get(r, 'keyexchange');
  const kxv = kx?.value.toLowerCase();
  if (t.daemon === 'strongswan') {
    if (kx && kxv === 'ikev1') return { v: written(1, kx) };
    if (kx && kxv === 'ikev2') return { v: written(2, kx) };
    const base = kx ? written<'either'>('either', kx) : defaulted<'either'>('either', `${label} default keyexchange=ike`);
    return { v: base, initiates: kx ? written<2>(2, kx) : defaulted<2>(2, `${label}: keyexchange=ike initiates IKEv2`) };
  }
  if (kx && atLeast(t.version, '5.0') && (kxv === 'ikev1' || kxv === 'ikev2')) return { v: written(kxv === 'ikev1' ? 1 : 2, kx) };
  const e = get(r, 'ikev2');
  const w = e?.value.toLowerCase();
  if (t.major < 4) {
    const word = w ?? 'permit';
    const mk = <T>(value: T): Valued<T> => (e ? written(value, e) : defaulted(value, `${label} default ikev2=permit`));
    if (word === 'never' || word === 'no') return { v: mk<1>(1) };
    if (word === 'insist' || word === 'always') return { v: mk<2>(2) };
    if (word === 'propose' || word === 'yes') return { v: mk<'either'>('either'), initiates: mk<2>(2) };
    return { v: mk<'either'>('either'), initiates: mk<1>(1) };
  }
  // 4.x: IKEv2 unless ikev2= says otherwise; 5.x: keyexchange= unset (or ike) is IKEv2 unless ikev2=no
  // (docs/reference/libreswan-5.md §1, §2).
  if (!e) return { v: defaulted<2>(2, atLeast(t.version, '5.0') ? `${label} default: IKEv2 (no keyexchange=, IKEv1 only with keyexchange=ikev1)` : `${label} default ikev2=yes`) };
  return { v: written(['never', 'permit', 'no'].includes(w!) ? 1 : 2, e) };
}

function pfsOn(r: Resolved, t: Target): boolean {
  if (t.daemon === 'strongswan') return true;
  const v = lower(r, 'pfs');
  return v === undefined || ['y', 'yes', 'true', 'on'].includes(v);
}

/** ike=/esp= as canonical proposals; undefined when the written string is invalid. */
export function proposalsOf(kind: ProposalKind, r: Resolved, t: Target, ikeV: 1 | 2): { value: Valued<Proposal[]>; strict: boolean } | undefined {
  const field = kind === 'ike' ? 'ike' : 'esp';
  const e = get(r, field);
  const o = { ikeVersion: ikeV, pfs: pfsOn(r, t) };
  if (e && e.value !== '') {
    const res = parseProposals(kind, e.value, t, o);
    if (res.errors.length) return undefined;
    if (t.daemon === 'strongswan' && !res.strict && kind !== 'ah') {
      // Without a trailing `!` charon appends its default proposals, so it accepts those too.
      const d = defaultProposals(kind, t, ikeV);
      const rule = `as written, plus the ${targetLabel(t)} default ${field}= that charon appends (no trailing \`!\`)`;
      return { value: derived([...res.proposals, ...d.proposals], rule, e.uri, e.valueRange), strict: false };
    }
    return { value: written(res.proposals, e), strict: res.strict };
  }
  const d = defaultProposals(kind, t, ikeV);
  return { value: defaulted(d.proposals, d.rule), strict: t.daemon === 'libreswan' };
}

const AUTH_WORDS: Record<string, AuthMethod> = {
  secret: 'psk', psk: 'psk', rsasig: 'rsasig', rsa: 'rsasig', 'rsa-sha1': 'rsasig', 'rsa-sha2': 'rsasig', 'rsa-sha2_256': 'rsasig', 'rsa-sha2_384': 'rsasig',
  'rsa-sha2_512': 'rsasig', ecdsa: 'ecdsa', 'ecdsa-sha2': 'ecdsa', ecdsasig: 'ecdsa', null: 'null', never: 'never', pubkey: 'pubkey', eaponly: 'eap',
  xauthpsk: 'xauth', xauthrsasig: 'xauth',
};

function authOf(r: Resolved, t: Target, end: 'left' | 'right'): Valued<AuthMethod> | undefined {
  const own = get(r, `${end}auth`);
  if (own) {
    const w = own.value.toLowerCase();
    const m = AUTH_WORDS[w] ?? (w.startsWith('eap') ? 'eap' : w.startsWith('xauth') ? 'xauth' : undefined);
    return m && written(m, own);
  }
  const by = get(r, 'authby');
  if (by) {
    const first = by.value.toLowerCase().split(/[,|]/)[0];
    const m = AUTH_WORDS[first];
    return m && written(m, by);
  }
  const def: AuthMethod = t.daemon === 'strongswan' ? 'pubkey' : 'rsasig';
  return defaulted(def, `${targetLabel(t)} default authby=${t.daemon === 'strongswan' ? 'pubkey' : t.major < 4 ? 'rsasig' : 'rsasig,ecdsa'}`);
}

/** A lifetime as written, else the keyword table's default for the target (docs/reference/libreswan-5.md §2). */
function lifetime(r: Resolved, t: Target, field: string, defaultKey = field): Valued<number> {
  const e = get(r, field);
  const secs = e && parseTime(e.value, t.daemon);
  if (e && secs !== undefined) return written(secs, e);
  const kw = lookupKey(defaultKey, t.daemon).find((h) => h.kw.sect === 'conn' && !h.end)?.kw;
  const text = (kw && defaultFor(kw, t)) ?? '';
  const d = parseTime(text, t.daemon) ?? 0;
  return defaulted(d, `${targetLabel(t)} default ${field}=${text}`);
}

function isLocalRight(left: string | undefined, right: string | undefined): boolean {
  const l = (left ?? '').toLowerCase();
  const rr = (right ?? '').toLowerCase();
  const routeLike = (x: string) => x.startsWith('%') && !x.startsWith('%any') && !x.startsWith('%opportunistic') && !x.startsWith('%group');
  if (routeLike(rr) && !routeLike(l)) return true;
  if ((l === '%any' || l === '%any6' || l === '%any4') && !rr.startsWith('%any')) return true;
  return false;
}

function addrValued(e: Entry | undefined): Valued<string> | undefined {
  if (!e) return undefined;
  const a = parseAddress(e.value);
  return written(a ? a.text : e.value, e);
}

function subnets(r: Resolved, end: 'left' | 'right', host: Entry | undefined): string[] {
  const s = get(r, `${end}subnet`) ?? get(r, `${end}subnets`);
  if (s) {
    return s.value
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((x) => x.replace(/\[[^\]]*\]$/, ''))
      .map((x) => {
        const pp = parsePrefix(x);
        return pp ? `${pp.text}/${pp.prefixLength}` : x;
      });
  }
  const a = host && parseAddress(host.value);
  return a ? [`${a.text}/${a.family === 'ipv6' ? 128 : 32}`] : [];
}

function strongswanSubnetProto(r: Resolved, end: 'left' | 'right'): { protocol?: number; port?: number } | undefined {
  const s = get(r, `${end}subnet`);
  const m = s && /\[([^\]]*)\]$/.exec(s.value.split(',')[0]);
  return m ? parseProtoPort(m[1]) : undefined;
}

export function endpointOf(r: Resolved, t: Target, uri: string): Endpoint | undefined {
  const left = get(r, 'left');
  const right = get(r, 'right');
  if (!left || !right) return undefined;
  const type = lower(r, 'type') ?? 'tunnel';
  if (!['tunnel', 'transport'].includes(type)) return undefined;
  const rightLocal = isLocalRight(left.value, right.value);
  const [lend, rend]: ['left' | 'right', 'left' | 'right'] = rightLocal ? ['right', 'left'] : ['left', 'right'];
  const local = rightLocal ? right : left;
  const remote = rightLocal ? left : right;
  const label = targetLabel(t);

  const ike = ikeVersionOf(r, t);
  const v: 1 | 2 = ike.v.value === 1 ? 1 : ike.initiates?.value === 1 ? 1 : 2;
  const ikeP = proposalsOf('ike', r, t, v);
  const espP = proposalsOf(lower(r, 'phase2') === 'ah' ? 'ah' : 'esp', r, t, v);

  const ipsec: IpsecBinding = { ikeVersion: ike.v, initiatesIkeVersion: ike.initiates };
  if (ikeP) {
    ipsec.ike = ikeP.value;
    ipsec.ikeStrict = ikeP.strict;
  }
  if (espP) {
    ipsec.esp = espP.value;
    ipsec.espStrict = espP.strict;
  }
  // PFS: Libreswan pfs= (default yes) with the esp= DH group or the IKE group; strongSwan: a DH group in esp=.
  const espDh = espP?.value.value[0]?.dh[0];
  const pfsE = get(r, 'pfs');
  if (t.daemon === 'libreswan') {
    const on = pfsOn(r, t);
    const value: string | false | 'ike' = !on ? false : espDh ?? 'ike';
    ipsec.pfs = pfsE ? written(value, pfsE) : espDh && espP?.value.source === 'written' ? { ...espP.value, value } : defaulted(value, `${label} default pfs=yes`);
  } else {
    // The esp= line itself (not the proposal list, which may carry the appended defaults).
    const espE = get(r, 'esp');
    ipsec.pfs = espDh && espE ? written(espDh, espE) : espP && espE ? written<string | false>(false, espE) : defaulted(false, `${label} default esp= has no DH group`);
  }
  const typeE = get(r, 'type');
  ipsec.mode = typeE ? written(type as 'tunnel' | 'transport', typeE) : defaulted('tunnel', `${label} default type=tunnel`);

  const lpp = get(r, `${lend}protoport`);
  const rpp = get(r, `${rend}protoport`);
  const lp = lpp ? parseProtoPort(lpp.value) : t.daemon === 'strongswan' ? strongswanSubnetProto(r, lend) : undefined;
  const rp = rpp ? parseProtoPort(rpp.value) : t.daemon === 'strongswan' ? strongswanSubnetProto(r, rend) : undefined;
  const ts: TrafficSelector = {
    protocol: lp?.protocol ?? rp?.protocol,
    localPort: lp?.port || undefined,
    remotePort: rp?.port || undefined,
    localSubnets: subnets(r, lend, local),
    remoteSubnets: subnets(r, rend, remote),
  };
  const tsE = lpp ?? rpp ?? get(r, `${lend}subnet`);
  ipsec.trafficSelector = tsE ? written(ts, tsE) : derived(ts, 'host-to-host: the addresses of left= and right=');
  ipsec.authLocal = authOf(r, t, lend);
  ipsec.authRemote = authOf(r, t, rend);
  const lid = get(r, `${lend}id`);
  const rid = get(r, `${rend}id`);
  ipsec.localId = lid ? written(lid.value, lid) : defaulted(local.value, `${lend}id defaults to ${lend}=`, uri, local.valueRange);
  ipsec.remoteId = rid ? written(rid.value, rid) : defaulted(remote.value, `${rend}id defaults to ${rend}=`, uri, remote.valueRange);
  ipsec.ikeLifetime = lifetime(r, t, 'ikelifetime');
  // Libreswan's field is ipsec-lifetime (salifetime= is the spelling every version reads).
  ipsec.saLifetime = t.daemon === 'strongswan' ? lifetime(r, t, 'keylife') : lifetime(r, t, 'ipsec-lifetime', 'salifetime');

  const la = parseAddress(local.value);
  const ra = parseAddress(remote.value);
  const famE = get(r, 'hostaddrfamily');
  const fam = la?.family ?? ra?.family ?? (famE && /6/.test(famE.value) ? 'ipv6' : famE ? 'ipv4' : undefined);
  const ep: Endpoint = {
    id: `${uri}#${r.section.name}`,
    uri,
    range: r.section.headerRange,
    name: r.section.name,
    vendor: t.daemon,
    version: t.range ? writtenAt(t.version, uri, t.range) : defaulted(t.version, t.reason),
    family: fam ? (la ? written(fam, local) : ra ? written(fam, remote) : written(fam, famE!)) : undefined,
    local: addrValued(local),
    remote: addrValued(remote),
    ipsec,
  };
  return ep;
}
