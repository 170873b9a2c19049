// The IPsec side a NetworkManager-libreswan VPN profile makes: the conn NetworkManager-libreswan
// hands to pluto, built from the [vpn] keys with the defaults the plugin writes when a key is
// absent (docs/reference/nm-libreswan.md §2): ikev2=never (IKEv1), no ike=/esp= (Libreswan's
// defaults), type tunnel, left=%defaultroute, rightsubnet=0.0.0.0/0, authby=secret, 24h lifetimes
// for IKEv1; `nm-auto-defaults=no` writes only what is given. Proposals are read with Libreswan's
// syntax (languages/shared/proposals). The pre-shared key of [vpn-secrets] becomes a digest
// (model/secretDigest.ts), never the key. What the profile gets wrong is recorded as an issue.
import type { AuthMethod, Endpoint, IpsecBinding, Proposal, TrafficSelector, Valued } from '../../core/endpoint';
import { Code } from '../../core/codes';
import { parseAddress, parsePrefix } from '../../core/address';
import { range } from '../../core/ranges';
import type { ParseContext } from '../../core/types';
import { defaulted, derived, written } from '../../core/valued';
import { directiveIn, versionParts } from '../../core/versions';
import { secretDigest } from '../../model/secretDigest';
import type { Issue } from '../shared/findings';
import { lastEntry, type IniEntry, type IniFile } from '../shared/ini';
import { parseProtoPort, parseTime } from '../shared/ipsecValues';
import { defaultProposals, parseProposals, type ProposalKind, type ProposalTarget } from '../shared/proposals';
import { DEFAULT_LIBRESWAN, NM_AGGRMODE_ESP, NM_AGGRMODE_IKE, NM_LIBRESWAN_KEYS, NM_LIBRESWAN_SERVICE } from './libreswanKeys';

export interface LibreswanVpn {
  endpoint?: Endpoint;
  issues: Issue[];
  /** The pre-shared key's entry (its value is never shown), when the profile saves one. */
  psk?: IniEntry;
  /** The IDs the PSK is for, as the plugin writes its secrets file. */
  pskIds?: { local?: string; remote: string[] };
}

/** True for a NetworkManager-libreswan profile. */
export function isLibreswanVpn(ini: IniFile): boolean {
  return lastEntry(ini, 'vpn', 'service-type')?.value === NM_LIBRESWAN_SERVICE;
}

const LIBRESWAN = 'NetworkManager-libreswan';

/** Libreswan's version: a `# tunnel-lens: libreswan X` directive, the setting, else the default. */
function target(text: string, ctx: ParseContext, uri: string): { t: ProposalTarget; version: Valued<string> } {
  const d = directiveIn(text, '#', 'libreswan');
  const v = d?.version ?? ctx.settings.versions.libreswan ?? DEFAULT_LIBRESWAN;
  const [major, minor] = versionParts(v);
  const version = d?.version ? written(v, uri, range(d.line, d.start, d.end), 'tunnel-lens directive') : ctx.settings.versions.libreswan ? defaulted(v, 'setting tunnelLens.libreswanVersion') : defaulted(v, `no directive or setting; Libreswan ${v} assumed`);
  return { t: { daemon: 'libreswan', version: v, major: major ?? 0, minor: minor ?? 0 }, version };
}

export function libreswanVpn(ini: IniFile, text: string, uri: string, ctx: ParseContext): LibreswanVpn {
  const out: LibreswanVpn = { issues: [] };
  const issue = (code: Issue['code'], severity: Issue['severity'], message: string, r: Issue['range']) => out.issues.push({ code, severity, message, range: r });
  const vpn = ini.sections.find((s) => s.name === 'vpn')!;
  const get = (k: string) => lastEntry(ini, 'vpn', k);
  const val = (k: string) => get(k)?.value;
  const w = <T>(v: T, e: IniEntry, rule?: string) => written(v, uri, e.valueRange, rule);
  const { t, version } = target(text, ctx, uri);
  const auto = val('nm-auto-defaults') !== 'no';
  const plugin = (what: string) => `${LIBRESWAN} writes ${what} when the key is absent`;
  // Values the plugin refuses (sanitize_setting_vpn): a quote, a line break or a non-printable character.
  for (const s of ini.sections.filter((x) => x.name === 'vpn'))
    for (const e of s.entries) if (/["\x00-\x1f\x7f]/.test(e.value) && NM_LIBRESWAN_KEYS[e.key]) issue(Code.invalidValue, 'error', `${LIBRESWAN} refuses a value with a double quote or a control character: the profile is invalid.`, e.valueRange);

  const rightE = get('right');
  if (!rightE || rightE.value === '') {
    issue(Code.invalidValue, 'error', `"'right' key needs to be present": ${LIBRESWAN} refuses the profile without the peer.`, vpn.headerRange);
    return out;
  }
  // IKE version: ikev2= as pluto reads it (Libreswan ≥ 4: never/no/permit are IKEv1).
  const ikev2E = get('ikev2');
  const v2word = ikev2E?.value.toLowerCase();
  let ikeVersion: Valued<1 | 2 | 'either'>;
  let initiates: Valued<1 | 2> | undefined;
  if (!ikev2E) {
    ikeVersion = auto ? defaulted<1>(1, plugin('ikev2=never (IKEv1, the plugin\'s default)'), uri, vpn.headerRange) : defaulted<2>(2, `nm-auto-defaults=no: no ikev2= is written, so Libreswan ${t.version}'s default applies`);
  } else if (t.major < 4) {
    const word = v2word!;
    if (word === 'never' || word === 'no') ikeVersion = w<1>(1, ikev2E);
    else if (word === 'insist' || word === 'always') ikeVersion = w<2>(2, ikev2E);
    else {
      ikeVersion = w<'either'>('either', ikev2E);
      initiates = w<1 | 2>(word === 'propose' || word === 'yes' ? 2 : 1, ikev2E);
    }
  } else ikeVersion = w(['never', 'permit', 'no'].includes(v2word!) ? 1 : 2, ikev2E);
  const v: 1 | 2 = ikeVersion.value === 1 ? 1 : initiates?.value === 1 ? 1 : 2;
  if (v === 1 && ikeVersion.value === 1 && t.major >= 5) {
    issue(Code.versionIncompatible, 'error', `${ikev2E ? `ikev2=${ikev2E.value}` : 'Without ikev2=, the plugin writes ikev2=never:'} an IKEv1 conn, which Libreswan ${t.version} refuses by default ("global ikev1-policy=drop does not allow IKEv1 connections"). Set ikev2=insist.`, ikev2E?.valueRange ?? vpn.headerRange);
  } else if (v === 1 && ikeVersion.value === 1 && !ikev2E && version.source !== 'written' && !ctx.settings.versions.libreswan) {
    issue(Code.versionIncompatible, 'warning', `Without ikev2=, ${LIBRESWAN} writes ikev2=never: an IKEv1 conn, which Libreswan 5 refuses by default (ikev1-policy=drop). Set ikev2=insist (or declare the Libreswan version with \`# tunnel-lens: libreswan X\`).`, vpn.headerRange);
  }

  const leftidE = get('leftid');
  const aggressive = auto && v === 1 && !!leftidE;
  const pfsE = get('pfs');
  const pfsOn = !(pfsE?.value === 'no');
  if (pfsE && pfsE.value !== 'no') issue(Code.configIgnored, 'warning', `${LIBRESWAN} writes only pfs=no: pfs=${pfsE.value} is dropped and Libreswan's default pfs=yes applies.`, pfsE.valueRange);
  const proposals = (kind: ProposalKind): { value: Valued<Proposal[]> } | undefined => {
    const e = get(kind);
    if (e && e.value !== '') {
      const r = parseProposals(kind, e.value, t, { ikeVersion: v, pfs: pfsOn });
      if (r.errors.length) {
        issue(Code.invalidValue, 'error', `${kind}=: ${r.errors[0]} (Libreswan ${t.version} refuses the conn ${LIBRESWAN} hands it).`, e.valueRange);
        return undefined;
      }
      return { value: w(r.proposals, e) };
    }
    if (aggressive) {
      const s = kind === 'ike' ? NM_AGGRMODE_IKE : NM_AGGRMODE_ESP;
      return { value: defaulted(parseProposals(kind, s, t, { ikeVersion: 1, pfs: pfsOn }).proposals, plugin(`${kind}=${s} for IKEv1 with leftid (aggressive mode)`), uri, leftidE!.valueRange) };
    }
    const d = defaultProposals(kind, t, v);
    return { value: defaulted(d.proposals, `${LIBRESWAN} writes no ${kind}=, so the ${d.rule} applies (or the crypto-policies conn %default of /etc/ipsec.conf)`) };
  };
  const ike = proposals('ike');
  const esp = proposals('esp');
  const binding: IpsecBinding = { ikeVersion, initiatesIkeVersion: initiates };
  if (ike) binding.ike = ike.value;
  if (esp) binding.esp = esp.value;
  binding.ikeStrict = true;
  binding.espStrict = true;
  const espDh = esp?.value.value[0]?.dh[0];
  const pfsValue: string | false | 'ike' = !pfsOn ? false : espDh ?? 'ike';
  binding.pfs = pfsE && !pfsOn ? w<string | false | 'ike'>(false, pfsE) : defaulted(pfsValue, `${LIBRESWAN} writes no pfs= (only pfs=no is ever written): Libreswan's default pfs=yes`);
  const typeE = get('type');
  if (typeE && !['transport', 'tunnel'].includes(typeE.value)) issue(Code.invalidValue, 'error', 'type= takes transport or tunnel.', typeE.valueRange);
  binding.mode = typeE && typeE.value === 'transport' ? w<'transport' | 'tunnel'>('transport', typeE) : typeE && typeE.value === 'tunnel' ? w<'transport' | 'tunnel'>('tunnel', typeE) : defaulted('tunnel', `${LIBRESWAN} writes no type=: Libreswan's default type=tunnel (transport needs type=transport, NetworkManager-libreswan ≥ 1.2.20)`);

  // Ends. left absent: %defaultroute (the source address towards right, at run time).
  const leftE = get('left');
  const local: Valued<string> = leftE && leftE.value !== '' ? w(parseAddress(leftE.value)?.text ?? leftE.value, leftE) : defaulted('%defaultroute', plugin('left=%defaultroute'), uri, vpn.headerRange);
  const remote = w(parseAddress(rightE.value)?.text ?? rightE.value, rightE);
  const idOf = (e: IniEntry) => (parseAddress(e.value) ? parseAddress(e.value)!.text : /^[@%]/.test(e.value) ? e.value : `@${e.value}`);
  const rightidE = get('rightid');
  binding.localId = leftidE ? w(idOf(leftidE), leftidE, /^[@%]/.test(leftidE.value) || parseAddress(leftidE.value) ? undefined : 'the plugin prepends @ to a name') : defaulted(local.value, 'leftid defaults to left=', uri, leftE?.valueRange ?? vpn.headerRange);
  binding.remoteId = rightidE ? w(idOf(rightidE), rightidE) : defaulted(remote.value, 'rightid defaults to right=', uri, rightE.valueRange);
  const cert = ['leftcert', 'rightcert', 'leftrsasigkey', 'rightrsasigkey'].map(get).find(Boolean);
  const auth: Valued<AuthMethod> = cert ? w<AuthMethod>('rsasig', cert) : get('authby') ? w<AuthMethod>('psk', get('authby')!, `${LIBRESWAN} 1.2.30 writes authby=secret`) : defaulted<AuthMethod>('psk', plugin('authby=secret'), uri, vpn.headerRange);
  binding.authLocal = auth;
  binding.authRemote = auth;
  const life = (k: 'ikelifetime' | 'salifetime', v2Default: number): Valued<number> => {
    const e = get(k);
    const secs = e && parseTime(e.value, 'libreswan');
    if (e && secs === undefined) issue(Code.invalidValue, 'error', `${k}= takes a time (N, Ns, Nm, Nh, Nd).`, e.valueRange);
    if (e && secs !== undefined) return w(secs, e);
    if (auto && v === 1) return defaulted(86400, plugin(`${k}=24h for IKEv1`));
    return defaulted(v2Default, `Libreswan ${t.version} default ${k === 'ikelifetime' ? 'ikelifetime' : 'ipsec-lifetime'}=8h`);
  };
  binding.ikeLifetime = life('ikelifetime', 8 * 3600);
  binding.saLifetime = life('salifetime', 8 * 3600);

  // Traffic selectors: rightsubnet defaults to 0.0.0.0/0 (::/0 for IPv6): a remote-access profile.
  const fam = parseAddress(remote.value)?.family ?? parseAddress(local.value)?.family ?? (val('hostaddrfamily') === 'ipv6' ? 'ipv6' : undefined);
  const subnet = (e: IniEntry | undefined, host: string): string[] => {
    if (e) {
      const p = parsePrefix(e.value);
      if (!p) issue(Code.invalidValue, 'error', `${e.key}= takes an address or prefix.`, e.valueRange);
      return p ? [`${p.text}/${p.prefixLength}`] : [];
    }
    const a = parseAddress(host);
    return a ? [`${a.text}/${a.family === 'ipv6' ? 128 : 32}`] : [];
  };
  const lsE = get('leftsubnet');
  const rsE = get('rightsubnet');
  const v6Inner = val('clientaddrfamily') === 'ipv6' || (lsE && parseAddress(lsE.value.split('/')[0])?.family === 'ipv6');
  const lpp = get('leftprotoport');
  const rpp = get('rightprotoport');
  const lp = lpp ? parseProtoPort(lpp.value) : undefined;
  const rp = rpp ? parseProtoPort(rpp.value) : undefined;
  for (const [e, p] of [[lpp, lp], [rpp, rp]] as const) if (e && !p) issue(Code.invalidValue, 'error', `${e.key}= takes PROTOCOL[/PORT] (gre, 47, tcp/22).`, e.valueRange);
  const ts: TrafficSelector = {
    protocol: lp?.protocol ?? rp?.protocol,
    localPort: lp?.port || undefined,
    remotePort: rp?.port || undefined,
    localSubnets: subnet(lsE, local.value),
    remoteSubnets: rsE ? subnet(rsE, remote.value) : auto ? [v6Inner ? '::/0' : '0.0.0.0/0'] : subnet(undefined, remote.value),
  };
  binding.trafficSelector = rsE || lsE || lpp ? w(ts, (rsE ?? lsE ?? lpp)!) : auto ? defaulted(ts, plugin(`rightsubnet=${v6Inner ? '::/0' : '0.0.0.0/0'} (a remote-access profile; a host-to-host one needs leftsubnet/rightsubnet)`), uri, vpn.headerRange) : derived(ts, 'host-to-host: the addresses of left= and right=');

  // The pre-shared key: saved in [vpn-secrets] when pskvalue-flags is 0 and pskinputmodes is not unused.
  const psk = lastEntry(ini, 'vpn-secrets', 'pskvalue');
  const flags = val('pskvalue-flags') ?? '0';
  if (auth.value === 'psk' && psk && psk.value !== '' && flags === '0' && val('pskinputmodes') !== 'unused') {
    if (/["\n]/.test(psk.value)) issue(Code.invalidValue, 'error', `${LIBRESWAN} refuses a pre-shared key with a double quote or a line break.`, psk.keyRange);
    else {
      binding.pskDigest = { value: secretDigest(psk.value), source: 'written', uri, range: psk.keyRange };
      out.psk = psk;
      out.pskIds = { local: leftidE ? idOf(leftidE) : undefined, remote: [remote.value, ...(rightidE ? [idOf(rightidE)] : [])] };
    }
  }

  const nameE = lastEntry(ini, 'connection', 'id') ?? lastEntry(ini, 'connection', 'uuid');
  const name = nameE?.value || 'vpn';
  out.endpoint = {
    id: `${uri}#${name}`,
    uri,
    range: vpn.headerRange,
    name,
    vendor: 'libreswan',
    version,
    family: fam ? derived(fam, `the address family of right=${rightE.value}`, uri, rightE.valueRange) : undefined,
    local,
    remote,
    ipsec: binding,
  };
  return out;
}
