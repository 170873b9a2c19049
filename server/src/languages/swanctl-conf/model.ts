// swanctl connections → normalized Endpoints (core/endpoint.ts), one per child (the SA pair a
// peer must match), vendor 'strongswan' like a strongSwan ipsec.conf conn, so every peer check
// reads them the same way. Every value is written (at its line), or defaulted by the rule of the
// target release (docs/reference/swanctl-conf.md §3 and §4), on the line of the section that
// would hold it. Which end is local needs no guess here: local_addrs and remote_addrs say it.
import type { Range } from 'vscode-languageserver-types';
import type { AuthMethod, Endpoint, IpsecBinding, Proposal, TrafficSelector, Valued } from '../../core/endpoint';
import { parseAddress, parsePrefix } from '../../core/address';
import { defaulted, derived, written } from '../../core/valued';
import { compareVersions } from '../../core/versions';
import type { View } from './merge';
import type { Setting } from './parser';
import { defaultProposals, defaultRule, parseProposal, type ProposalKind } from './proposals';
import { pskFor, type SharedSecret } from './secrets';
import { listItems, protoPortOf, seconds, strtoul } from './values';
import type { Target } from './version';

/** From 5.9.9 a child with only life_time set rekeys at life_time / 1.1 (vici_config.c check_lifetimes). */
const REKEY_FROM_LIFE_SINCE = '5.9.9';

export interface ConnModel {
  name: string;
  view: View;
  /** The conn's name where this file writes it. */
  nameRange: Range;
}

const nameRangeIn = (v: View, uri: string): Range | undefined => v.own.written.find((s) => s.uri === uri)?.nameRange;

/** The endpoints of the connections this file writes (the first occurrence of the name is here). */
export function endpointsOf(connections: View | undefined, uri: string, t: Target, secrets: SharedSecret[]): Endpoint[] {
  if (!connections) return [];
  const out: Endpoint[] = [];
  for (const conn of connections.children()) {
    const first = conn.own.written[0];
    if (!first || first.uri !== uri) continue;
    const children = conn.child('children')?.children() ?? [];
    const live = children.filter((c) => !/^(pass|drop)$/i.test(c.get('mode')?.value ?? ''));
    if (children.length && !live.length) continue; // only shunt policies: no SA to negotiate
    const base = connBinding(conn, uri, t, secrets);
    if (!live.length) {
      out.push(endpoint(conn.name, `${uri}#${conn.name}`, first.nameRange, uri, t, base));
      continue;
    }
    for (const child of live) {
      const at = nameRangeIn(child, uri) ?? first.nameRange;
      const ipsec = { ...base.ipsec, ...childBinding(child, uri, t, base, at) };
      const name = live.length === 1 ? conn.name : `${conn.name}/${child.name}`;
      out.push(endpoint(name, `${uri}#${conn.name}/${child.name}`, live.length === 1 ? first.nameRange : at, uri, t, { ...base, ipsec }));
    }
  }
  return out;
}

interface Base {
  ipsec: IpsecBinding;
  local?: Valued<string>;
  remote?: Valued<string>;
  family?: Valued<'ipv4' | 'ipv6'>;
  connAt: Range;
}

function endpoint(name: string, id: string, range: Range, uri: string, t: Target, b: Base): Endpoint {
  return {
    id,
    uri,
    range,
    name,
    vendor: 'strongswan',
    version: t.range ? written(t.version, uri, t.range, t.reason) : defaulted(t.version, t.reason),
    family: b.family,
    local: b.local,
    remote: b.remote,
    ipsec: b.ipsec,
  };
}

/** The first plain IP address of an address list (the one charon initiates to or from). */
function firstAddress(s: Setting | undefined, uri: string): Valued<string> | undefined {
  if (!s) return undefined;
  for (const it of listItems(s)) {
    const a = parseAddress(it.text);
    if (a) return written(a.text, uri, it.range);
    if (/^%any[46]?$/.test(it.text) || it.text.includes('/') || it.text.includes('-')) continue;
    // A host name: kept as written (resolved by charon at each lookup).
    if (/^[A-Za-z0-9.-]+$/.test(it.text) && /[A-Za-z]/.test(it.text)) return written(it.text, uri, it.range);
  }
  return undefined;
}

function proposalsOf(s: Setting | undefined, kind: ProposalKind, t: Target, uri: string, at: Range): Valued<Proposal[]> | undefined {
  if (!s) return defaulted(defaultProposals(kind, t, false), defaultRule(kind, t), uri, at);
  const list: Proposal[] = [];
  let usedDefault = false;
  for (const it of listItems(s)) {
    if (it.text.toLowerCase() === 'default') {
      usedDefault = true;
      list.push(...defaultProposals(kind, t, true));
      continue;
    }
    const p = parseProposal(it.text, kind, t);
    if (!p.proposal) return undefined; // charon refuses the connection: no proposals to compare
    list.push(p.proposal);
  }
  return usedDefault ? derived(list, `as written, \`default\` being the ${defaultRule(kind, t)}`, uri, s.valueRange) : written(list, s.uri, s.valueRange);
}

const AUTH: [RegExp, AuthMethod][] = [
  [/^psk$/i, 'psk'],
  [/^rsa/, 'rsasig'],
  [/^ecdsa/, 'ecdsa'],
  [/^(pubkey|ike:|bliss)/, 'pubkey'],
  [/^eap/i, 'eap'],
  [/^xauth/i, 'xauth'],
];

/** The rounds of one side, ordered as charon orders them (`round`, then the order written). */
function rounds(conn: View, side: 'local' | 'remote'): View[] {
  const list = conn.children().filter((c) => c.name.toLowerCase().startsWith(side));
  const round = (v: View) => strtoul(v.get('round')?.value ?? '0').value;
  return list.map((v, i) => ({ v, i })).sort((a, b) => round(a.v) - round(b.v) || a.i - b.i).map((x) => x.v);
}

function connBinding(conn: View, uri: string, t: Target, secrets: SharedSecret[]): Base {
  const connAt = nameRangeIn(conn, uri) ?? conn.own.written[0].nameRange;
  const label = `strongSwan ${t.version}`;
  const ipsec: IpsecBinding = {};
  const ver = conn.get('version');
  const v = ver ? strtoul(ver.value).value : 0;
  if (!ver || v === 0) {
    ipsec.ikeVersion = ver ? written<'either'>('either', ver.uri, ver.valueRange) : defaulted<'either'>('either', `${label} default version = 0 (IKEv1 and IKEv2)`, uri, connAt);
    ipsec.initiatesIkeVersion = ver ? written<2>(2, ver.uri, ver.valueRange, 'version = 0 initiates IKEv2') : defaulted<2>(2, `${label}: version = 0 initiates IKEv2`, uri, connAt);
  } else if (v === 1 || v === 2) ipsec.ikeVersion = written(v as 1 | 2, ver.uri, ver.valueRange);
  const ike = proposalsOf(conn.get('proposals'), 'ike', t, uri, connAt);
  if (ike) ipsec.ike = ike;
  // swanctl appends nothing to a written list (docs/reference/swanctl-conf.md §4): always strict.
  ipsec.ikeStrict = true;
  ipsec.espStrict = true;

  const local = firstAddress(conn.get('local_addrs'), uri);
  const remote = firstAddress(conn.get('remote_addrs'), uri);
  const fam = (x: Valued<string> | undefined) => (x ? parseAddress(x.value)?.family : undefined);
  const family = fam(local) ? { ...local!, value: fam(local)! } : fam(remote) ? { ...remote!, value: fam(remote)! } : undefined;

  const [l] = rounds(conn, 'local');
  const [r] = rounds(conn, 'remote');
  const authOf = (round: View | undefined, side: 'local' | 'remote'): Valued<AuthMethod> | undefined => {
    const a = round?.get('auth');
    if (a) {
      const m = AUTH.find(([re]) => re.test(a.value))?.[1];
      return m && written(m, a.uri, a.valueRange);
    }
    // A round without `auth` carries no method: the swanctl.opt default pubkey for our side; the peer may use any.
    if (side === 'remote') return undefined;
    return defaulted<AuthMethod>('pubkey', `${label} default auth = pubkey`, uri, round ? (nameRangeIn(round, uri) ?? connAt) : connAt);
  };
  ipsec.authLocal = authOf(l, 'local');
  const ra = authOf(r, 'remote');
  if (ra) ipsec.authRemote = ra;
  const lid = l?.get('id');
  const rid = r?.get('id');
  ipsec.localId = lid ? written(lid.value, lid.uri, lid.valueRange) : local ? defaulted(local.value, 'the local id defaults to the IP address', uri, local.range) : undefined;
  ipsec.remoteId = rid ? written(rid.value, rid.uri, rid.valueRange) : defaulted('%any', `${label} default remote id = %any`, uri, connAt);
  if (!ipsec.localId) delete ipsec.localId;

  const rekey = conn.get('rekey_time');
  const reauth = conn.get('reauth_time');
  const rk = rekey ? seconds(rekey.value) : undefined;
  const ra2 = reauth ? seconds(reauth.value) : undefined;
  if (rekey && rk !== undefined && rk > 0) ipsec.ikeLifetime = written(rk, rekey.uri, rekey.valueRange);
  else if (reauth && ra2 !== undefined && ra2 > 0) ipsec.ikeLifetime = written(ra2, reauth.uri, reauth.valueRange, 'reauth_time (no rekey_time)');
  else if (!rekey && !reauth) ipsec.ikeLifetime = defaulted(4 * 3600, `${label} default rekey_time = 4h`, uri, connAt);

  if (ipsec.authLocal?.value === 'psk') {
    const me = ipsec.localId?.value ?? local?.value;
    const peer = ipsec.remoteId?.value === '%any' ? (remote?.value ?? '%any') : ipsec.remoteId?.value;
    const s = me && peer ? pskFor(secrets, me, peer) : undefined;
    if (s) ipsec.pskDigest = { value: s.digest, source: 'written', uri: s.uri, range: s.range };
  }
  return { ipsec, local, remote, family, connAt };
}

function childBinding(child: View, uri: string, t: Target, base: Base, at: Range): IpsecBinding {
  const label = `strongSwan ${t.version}`;
  const out: IpsecBinding = {};
  const ah = child.get('ah_proposals');
  const esp = ah ? proposalsOf(ah, 'ah', t, uri, at) : proposalsOf(child.get('esp_proposals'), 'esp', t, uri, at);
  if (esp) {
    out.esp = esp;
    // PFS: the first key exchange the proposals offer (at a rekey); none at all means no PFS.
    // A NONE among them (6.0.2+ defaults, or `-none`) makes it optional, which checks/peer/pfs.ts reads from the proposals.
    const group = esp.value.flatMap((p) => p.dh).find((d) => d !== 'NONE');
    out.pfs = { ...esp, value: group ?? false };
  }
  const mode = child.get('mode');
  const m = mode?.value.toLowerCase();
  if (mode && (m === 'transport' || m === 'transport_proxy')) out.mode = written('transport', mode.uri, mode.valueRange);
  else if (mode && (m === 'tunnel' || m === 'iptfs')) out.mode = written('tunnel', mode.uri, mode.valueRange);
  else if (!mode) out.mode = defaulted('tunnel', `${label} default mode = tunnel`, uri, at);

  const lts = child.get('local_ts');
  const rts = child.get('remote_ts');
  const side = (s: Setting | undefined, host: Valued<string> | undefined) => {
    const items = s ? listItems(s).map((x) => x.text) : ['dynamic'];
    const subnets: string[] = [];
    let proto: { protocol?: number; port?: number } = {};
    items.forEach((x, i) => {
      const open = x.indexOf('[');
      const addr = open >= 0 ? x.slice(0, open) : x;
      if (open >= 0 && i === 0) proto = protoPortOf(x.slice(open + 1, x.lastIndexOf(']')));
      if (addr === 'dynamic') {
        const a = host && parseAddress(host.value);
        if (a) subnets.push(`${a.text}/${a.family === 'ipv6' ? 128 : 32}`);
        return;
      }
      const p = parsePrefix(addr.split(/\s/)[0]);
      subnets.push(p ? `${p.text}/${p.prefixLength}` : addr);
    });
    return { subnets, proto };
  };
  const l = side(lts, base.local);
  const r = side(rts, base.remote);
  const ts: TrafficSelector = {
    protocol: l.proto.protocol ?? r.proto.protocol,
    localPort: l.proto.port,
    remotePort: r.proto.port,
    localSubnets: l.subnets,
    remoteSubnets: r.subnets,
  };
  const tsAt = lts ?? rts;
  out.trafficSelector = tsAt ? written(ts, tsAt.uri, tsAt.valueRange) : derived(ts, `${label} default local_ts = remote_ts = dynamic: the outer addresses`, uri, at);

  const rekey = child.get('rekey_time');
  const life = child.get('life_time');
  const rk = rekey ? seconds(rekey.value) : undefined;
  if (rekey && rk !== undefined) out.saLifetime = written(rk, rekey.uri, rekey.valueRange);
  else if (!rekey && life && seconds(life.value) !== undefined && compareVersions(t.version, REKEY_FROM_LIFE_SINCE) >= 0)
    out.saLifetime = derived(Math.floor(seconds(life.value)! / 1.1), `${label}: rekey_time = life_time / 1.1`, life.uri, life.valueRange);
  else if (!rekey) out.saLifetime = defaulted(3600, `${label} default rekey_time = 1h`, uri, at);
  return out;
}
