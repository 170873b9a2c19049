// Per-file findings of the IOS dialect. They only look at modeled objects (crypto, ACLs referenced
// by crypto maps, interfaces' tunnel and address lines), so the thousands of IOS commands Tunnel
// Lens does not model can never produce a finding. Severity follows DESIGN.md: what IOS rejects or
// what keeps the tunnel down is an error; what is accepted but risky a warning; style a hint.
// Where the reference material is unverified ([U]) a value is warned about, never rejected.
import type { Range } from 'vscode-languageserver-types';
import type { Finding, Fix, Severity } from '../../core/types';
import { Code, type FindingCode } from '../../core/codes';
import { transformInfo, type TransformType } from '../../model/algorithms';
import { parseAddress } from '../../core/address';
import { ESP_TRANSFORMS, IKEV2_ENCRYPTION, IKE_HASHES, iosDhGroup, isakmpEncryption, suggestTransform } from './algorithms';
import { ISAKMP_POLICY_DEFAULTS, RANGES, REFUSED_FROM_17_11, refusesWeak, supportsOverlay, versionLabel, type IosVersion } from './defaults';
import { modeFamily } from './endpoints';
import type { IosConfig, Ref, Word } from './objects';
import type { ParseTree } from './parser';

export interface CheckContext {
  uri: string;
  cfg: IosConfig;
  tree: ParseTree;
  version: IosVersion;
}

type Emit = (code: FindingCode, severity: Severity, message: string, range: Range, fixes?: Fix[]) => void;

/** Kinds whose `default` object exists implicitly (IOS smart defaults). */
const SMART_DEFAULTS: Readonly<Record<string, string>> = {
  'transform-set': 'crypto ipsec transform-set',
  'ipsec-profile': 'crypto ipsec profile',
  'ikev2-proposal': 'crypto ikev2 proposal',
  'ikev2-policy': 'crypto ikev2 policy',
};

const KIND_NAMES: Readonly<Record<string, string>> = {
  'transform-set': 'transform set',
  'ipsec-profile': 'IPsec profile',
  'ikev2-profile': 'IKEv2 profile',
  'isakmp-profile': 'ISAKMP profile',
  'ikev2-proposal': 'IKEv2 proposal',
  'ikev2-keyring': 'IKEv2 keyring',
  keyring: 'keyring',
  acl: 'access list',
  'crypto-map': 'crypto map',
  interface: 'interface',
};

export function runChecks(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const emit: Emit = (code, severity, message, range, fixes = []) => out.push({ code, severity, message, uri: ctx.uri, range, related: [], fixes });
  checkReferences(ctx, emit);
  checkUnused(ctx, emit);
  checkTransformSets(ctx, emit);
  checkIsakmp(ctx, emit);
  checkIkev2(ctx, emit);
  checkPfs(ctx, emit);
  checkInterfaces(ctx, emit);
  checkAcls(ctx, emit);
  return out;
}

function isDefined(cfg: IosConfig, kind: string, name: string, ref?: Ref): boolean {
  if (SMART_DEFAULTS[kind] && name === 'default' && !cfg.disabledDefaults.has(SMART_DEFAULTS[kind])) return true;
  switch (kind) {
    case 'transform-set': return cfg.transformSets.has(name);
    case 'ipsec-profile': return cfg.ipsecProfiles.has(name);
    case 'ikev2-profile': return cfg.ikev2Profiles.has(name);
    case 'isakmp-profile': return cfg.isakmpProfiles.has(name);
    case 'ikev2-proposal': return cfg.ikev2Proposals.has(name);
    case 'ikev2-keyring': return cfg.ikev2Keyrings.has(name);
    case 'keyring': return cfg.keyrings.has(name);
    case 'acl': return cfg.acls.has(name);
    case 'interface': return cfg.interfaces.has(name);
    case 'crypto-map': {
      const v6 = ref ? isIpv6MapRef(cfg, ref) : undefined;
      return cfg.cryptoMaps.some((e) => e.map === name && (v6 === undefined || e.ipv6 === v6));
    }
    default: return true;
  }
}

function isIpv6MapRef(cfg: IosConfig, ref: Ref): boolean | undefined {
  for (const itf of cfg.interfaces.values()) {
    if (itf.ipv6CryptoMap === ref) return true;
    if (itf.cryptoMap === ref) return false;
  }
  return undefined;
}

function checkReferences(ctx: CheckContext, emit: Emit): void {
  for (const r of ctx.cfg.refs) {
    if (isDefined(ctx.cfg, r.kind, r.name, r)) continue;
    const what = KIND_NAMES[r.kind] ?? r.kind;
    // An interface missing from a `show run | section crypto` extract is common and harmless to IOS
    // (the tunnel stays down until it exists); a missing crypto object leaves the SA unconfigurable.
    const severity: Severity = r.kind === 'interface' ? 'warning' : 'error';
    emit(Code.undefinedReference, severity, `${what} "${r.name}" is not defined in this file`, r.range);
  }
}

function checkUnused(ctx: CheckContext, emit: Emit): void {
  const { cfg } = ctx;
  const used = new Set(cfg.refs.map((r) => `${r.kind}\u0000${r.name}`));
  const check = (kind: string, name: string, range: Range) => {
    if (name === 'default' || used.has(`${kind}\u0000${name}`)) return;
    emit(Code.unusedDefinition, 'hint', `${KIND_NAMES[kind]} "${name}" is not used by anything in this file`, range);
  };
  for (const ts of cfg.transformSets.values()) check('transform-set', ts.name, ts.nameRange);
  for (const p of cfg.ipsecProfiles.values()) check('ipsec-profile', p.name, p.nameRange);
  for (const p of cfg.ikev2Profiles.values()) check('ikev2-profile', p.name, p.nameRange);
  // ISAKMP profiles are also chosen implicitly by `match identity`, so an unreferenced one may be in use.
  for (const p of cfg.ikev2Proposals.values()) check('ikev2-proposal', p.name, p.nameRange);
  for (const k of cfg.ikev2Keyrings.values()) check('ikev2-keyring', k.name, k.nameRange);
  const seen = new Set<string>();
  for (const e of cfg.cryptoMaps) {
    if (e.dynamic || seen.has(e.map)) continue;
    if (e.dynamicRef) continue;
    seen.add(e.map);
    check('crypto-map', e.map, e.nameRange);
  }
}

function weakOrRefused(ctx: CheckContext, emit: Emit, key: string, type: TransformType, canonical: string | undefined, w: Word, what: string): void {
  const { version, cfg } = ctx;
  if (REFUSED_FROM_17_11.has(key) && refusesWeak(version) && !cfg.weakCryptoReenabled) {
    emit(Code.versionIncompatible, 'error', `${versionLabel(version)} refuses ${what} "${w.text}" (weak crypto is rejected from IOS-XE 17.11.1, Cisco FN72510)`, w.range);
    return;
  }
  const info = canonical ? transformInfo(type, canonical) : undefined;
  // DESIGN's weak list (DES, 3DES, MD5, NULL, DH 1/2/5) comes from the registry; group 24 is only refused by 17.11+.
  if (info?.weak) emit(Code.weakAlgorithm, 'warning', `${what} "${w.text}" is weak: ${info.weak}`, w.range);
}

function checkTransformSets(ctx: CheckContext, emit: Emit): void {
  for (const ts of ctx.cfg.transformSets.values()) {
    const counts = { encr: 0, integ: 0, ah: 0, comp: 0 };
    const t = ts.transforms;
    for (let i = 0; i < t.length; i++) {
      const w = t[i];
      const lower = w.text.toLowerCase();
      const row = ESP_TRANSFORMS[lower];
      if (!row) {
        const s = suggestTransform(lower);
        const fixes: Fix[] = s ? [{ title: `Replace with "${s}"`, edits: [{ uri: ctx.uri, range: w.range, newText: s }], isPreferred: true }] : [];
        emit(Code.invalidValue, 'error', `"${w.text}" is not an IOS transform${s ? `; did you mean "${s}"?` : ''} (valid: esp-aes [128|192|256], esp-gcm, esp-gmac, esp-3des, esp-des, esp-null, esp-sha-hmac, esp-sha256-hmac, esp-sha384-hmac, esp-sha512-hmac, esp-md5-hmac, ah-sha-hmac, ah-md5-hmac)`, w.range, fixes);
        continue;
      }
      counts[row.kind]++;
      let canonical = row.canonical;
      if (row.keyLengths && t[i + 1] && /^\d+$/.test(t[i + 1].text)) {
        const len = t[i + 1].text;
        if (!row.keyLengths.includes(len)) {
          emit(Code.invalidValue, 'error', `${w.text} takes a key length of ${row.keyLengths.join(', ')} bits, not ${len}`, t[i + 1].range);
        } else canonical = row.byLength![len];
        i++;
      }
      const typ: TransformType = row.kind === 'encr' ? 'encr' : 'integ';
      if (row.kind === 'ah') canonical = lower.includes('md5') ? 'HMAC_MD5_96' : undefined;
      weakOrRefused(ctx, emit, `transform:${lower}`, typ, canonical, w, 'transform');
    }
    // At most one AH transform and one ESP cipher plus one ESP integrity transform (IOS rejects more).
    if (counts.encr > 1) emit(Code.duplicateKey, 'error', `transform set ${ts.name} has ${counts.encr} ESP encryption transforms; IOS accepts one`, ts.nameRange);
    if (counts.integ > 1) emit(Code.duplicateKey, 'error', `transform set ${ts.name} has ${counts.integ} ESP integrity transforms; IOS accepts one`, ts.nameRange);
    if (counts.ah > 1) emit(Code.duplicateKey, 'error', `transform set ${ts.name} has ${counts.ah} AH transforms; IOS accepts one`, ts.nameRange);
  }
}

function checkIsakmp(ctx: CheckContext, emit: Emit): void {
  for (const p of ctx.cfg.isakmpPolicies) {
    if (p.encryption && p.encryption.length > 0) {
      const words = p.encryption.map((w) => w.text);
      const canon = isakmpEncryption(words);
      const w0 = p.encryption[0];
      if (!canon) emit(Code.invalidValue, 'warning', `"${words.join(' ')}" is not a known IKEv1 cipher (des, 3des, aes [128|192|256])`, w0.range);
      else weakOrRefused(ctx, emit, `isakmp-encryption:${words[0].toLowerCase()}`, 'encr', canon, w0, 'IKEv1 encryption');
    } else {
      emit(Code.weakAlgorithm, 'warning', `ISAKMP policy ${p.priority} sets no encryption: ${versionLabel(ctx.version)} default is ${ISAKMP_POLICY_DEFAULTS.encryptionWords.toUpperCase()} (broken)`, p.nameRange);
    }
    if (p.hash) {
      const h = IKE_HASHES[p.hash.text.toLowerCase()];
      if (!h || p.hash.text.toLowerCase() === 'sha1') emit(Code.invalidValue, 'warning', `"${p.hash.text}" is not a known IKEv1 hash (md5, sha, sha256, sha384, sha512)`, p.hash.range);
      else weakOrRefused(ctx, emit, `isakmp-hash:${p.hash.text.toLowerCase()}`, 'integ', h.integ, p.hash, 'IKEv1 hash');
    }
    if (p.authentication && !/^(pre-share|rsa-sig|rsa-encr|ecdsa-sig)$/i.test(p.authentication.text)) {
      emit(Code.invalidValue, 'warning', `"${p.authentication.text}" is not a known IKEv1 authentication method (pre-share, rsa-sig, rsa-encr)`, p.authentication.range);
    }
    if (p.group) {
      const g = iosDhGroup(p.group.text);
      if (!g) emit(Code.invalidValue, 'warning', `"${p.group.text}" is not a known DH group (1 2 5 14 15 16 19 20 21 24)`, p.group.range);
      else weakOrRefused(ctx, emit, `isakmp-group:${p.group.text}`, 'dh', g, p.group, 'IKEv1 DH group');
    } else {
      emit(Code.weakAlgorithm, 'warning', `ISAKMP policy ${p.priority} sets no group: ${versionLabel(ctx.version)} default is group ${ISAKMP_POLICY_DEFAULTS.group} (768-bit, broken)`, p.nameRange);
    }
    if (p.lifetime) rangeCheck(emit, p.lifetime, RANGES.isakmpLifetime, 'ISAKMP lifetime', 'warning');
  }
}

function checkIkev2(ctx: CheckContext, emit: Emit): void {
  for (const pr of ctx.cfg.ikev2Proposals.values()) {
    let aead = false;
    for (const w of pr.encryption) {
      const c = IKEV2_ENCRYPTION[w.text.toLowerCase()];
      if (!c) {
        emit(Code.invalidValue, 'warning', `"${w.text}" is not a known IKEv2 cipher (aes-cbc-128, aes-cbc-192, aes-cbc-256, aes-gcm-128, aes-gcm-256, 3des, des)`, w.range);
        continue;
      }
      if (transformInfo('encr', c)?.aead) aead = true;
      weakOrRefused(ctx, emit, `ikev2-encryption:${w.text.toLowerCase()}`, 'encr', c, w, 'IKEv2 encryption');
    }
    for (const [list, what, key] of [[pr.integrity, 'IKEv2 integrity', 'ikev2-integrity'], [pr.prf, 'IKEv2 prf', 'ikev2-prf']] as const) {
      for (const w of list) {
        const h = IKE_HASHES[w.text.toLowerCase()];
        if (!h || w.text.toLowerCase() === 'sha') {
          emit(Code.invalidValue, 'warning', `"${w.text}" is not a known ${what} algorithm (sha1, sha256, sha384, sha512, md5)`, w.range);
          continue;
        }
        weakOrRefused(ctx, emit, `${key}:${w.text.toLowerCase()}`, key === 'ikev2-prf' ? 'prf' : 'integ', key === 'ikev2-prf' ? h.prf : h.integ, w, what);
      }
    }
    for (const w of pr.group) {
      const g = iosDhGroup(w.text);
      if (!g) {
        emit(Code.invalidValue, 'warning', `"${w.text}" is not a known DH group (1 2 5 14 15 16 19 20 21 24)`, w.range);
        continue;
      }
      weakOrRefused(ctx, emit, `ikev2-group:${w.text}`, 'dh', g, w, 'IKEv2 DH group');
    }
    // Completeness [U]: IOS marks a proposal incomplete and does not use it.
    const missing: string[] = [];
    if (pr.encryption.length === 0) missing.push('encryption');
    if (pr.group.length === 0) missing.push('group');
    if (aead && pr.prf.length === 0) missing.push('prf (required with AES-GCM)');
    if (!aead && pr.integrity.length === 0 && pr.encryption.length > 0) missing.push('integrity');
    if (missing.length > 0 && pr.name !== 'default') emit(Code.invalidValue, 'warning', `IKEv2 proposal ${pr.name} is incomplete (no ${missing.join(', ')}); IOS does not offer an incomplete proposal`, pr.nameRange);
    if (aead && pr.integrity.length > 0) emit(Code.invalidValue, 'warning', `IKEv2 proposal ${pr.name} combines AES-GCM with integrity; use prf instead (unverified whether IOS rejects it)`, pr.integrity[0].range);
  }
  for (const p of ctx.cfg.ikev2Profiles.values()) {
    if (p.lifetime) rangeCheck(emit, p.lifetime, RANGES.ikev2Lifetime, 'IKEv2 profile lifetime', 'error');
  }
}

function checkPfs(ctx: CheckContext, emit: Emit): void {
  const all = [...ctx.cfg.ipsecProfiles.values(), ...ctx.cfg.cryptoMaps];
  for (const s of all) {
    if (s.pfs && s.pfs.text !== '') {
      const m = /^group(\d+)$/i.exec(s.pfs.text);
      const g = m ? iosDhGroup(m[1]) : undefined;
      if (!g) emit(Code.invalidValue, 'error', `"${s.pfs.text}" is not a PFS group (group1 group2 group5 group14 group15 group16 group19 group20 group21 group24)`, s.pfs.range);
      else weakOrRefused(ctx, emit, `pfs:${s.pfs.text.toLowerCase()}`, 'dh', g, s.pfs, 'PFS group');
    }
    if (s.lifetimeSeconds) rangeCheck(emit, s.lifetimeSeconds, RANGES.saLifetimeSeconds, 'IPsec SA lifetime', 'error');
  }
}

function rangeCheck(emit: Emit, w: Word, [lo, hi]: readonly [number, number], what: string, severity: Severity): void {
  if (!/^\d+$/.test(w.text)) {
    emit(Code.invalidValue, severity, `${what} must be a number (${lo}–${hi}), not "${w.text}"`, w.range);
    return;
  }
  const n = Number(w.text);
  if (n < lo || n > hi) emit(Code.invalidValue, severity, `${what} ${n} is outside ${lo}–${hi}`, w.range);
}

function checkInterfaces(ctx: CheckContext, emit: Emit): void {
  const { cfg, version } = ctx;
  const seen = new Map<string, string>();
  for (const itf of cfg.interfaces.values()) {
    if (itf.ipMtu) rangeCheck(emit, itf.ipMtu, RANGES.ipMtu, 'ip mtu', 'error');
    if (itf.ipv6Mtu) rangeCheck(emit, itf.ipv6Mtu, RANGES.ipv6Mtu, 'ipv6 mtu', 'error');
    if (itf.adjustMss) rangeCheck(emit, itf.adjustMss, RANGES.adjustMss, 'ip tcp adjust-mss', 'error');
    if (itf.tunnelKey) rangeCheck(emit, itf.tunnelKey, RANGES.tunnelKey, 'tunnel key', 'error');
    const words = itf.tunnelMode?.words ?? ['gre', 'ip'];
    const modeText = words.join(' ');
    const family = modeFamily(words);
    const dest = itf.tunnelDestination;
    const da = dest ? parseAddress(dest.text) : undefined;
    const addressModes = /^(gre( ip| ipv6)?|gre multipoint( ipv6)?|ipsec ipv4.*|ipsec ipv6.*|ipip.*|ipv6|ipv6ip.*)$/.test(modeText);
    if (da && addressModes && da.family !== family && !/^(ipv6ip|gre multipoint)/.test(modeText)) {
      const want = da.family === 'ipv6' ? (words[0] === 'ipsec' ? 'ipsec ipv6' : words[0] === 'ipip' ? 'ipv6' : 'gre ipv6') : words[0] === 'ipsec' ? 'ipsec ipv4' : 'gre ip';
      const fixRange = itf.tunnelMode?.range;
      const fixes: Fix[] = fixRange ? [{ title: `Use "tunnel mode ${want}"`, edits: [{ uri: ctx.uri, range: fixRange, newText: `tunnel mode ${want}` }], isPreferred: true }] : [];
      emit(Code.invalidValue, 'error', `tunnel destination ${dest!.text} is ${da.family === 'ipv6' ? 'IPv6' : 'IPv4'} but tunnel mode ${modeText}${itf.tunnelMode ? '' : ` (the ${versionLabel(version)} default)`} carries the tunnel over ${family === 'ipv6' ? 'IPv6' : 'IPv4'}; use tunnel mode ${want}`, dest!.range, fixes);
    }
    if (dest && /^(gre multipoint|ipv6ip (6to4|isatap|6rd|auto-))/.test(modeText)) {
      // The IOS-XE YANG model forbids it [V]; whether every CLI release rejects it is unverified, so warn.
      emit(Code.invalidValue, 'warning', `tunnel mode ${modeText} takes no tunnel destination (the IOS-XE model forbids it; peers are learned via NHRP or automatically)`, dest.range);
    }
    const src = itf.tunnelSource;
    const sa = src && !src.iface ? parseAddress(src.text) : undefined;
    if (sa && addressModes && sa.family !== family && !/^(gre multipoint)$/.test(modeText)) {
      emit(Code.invalidValue, 'error', `tunnel source ${src!.text} is ${sa.family === 'ipv6' ? 'IPv6' : 'IPv4'} but tunnel mode ${modeText} carries the tunnel over ${family === 'ipv6' ? 'IPv6' : 'IPv4'}`, src!.range);
    }
    if (itf.tunnelMode && /^ipsec ipv[46] v[46]-overlay$/.test(modeText) && !supportsOverlay(version)) {
      emit(Code.versionIncompatible, 'warning', `tunnel mode ${modeText} is in the IOS-XE 17.6.1 model; support in ${versionLabel(version)} is unverified`, itf.tunnelMode.range);
    }
    // Two tunnels IOS cannot tell apart: same source, destination, mode and key.
    if (itf.tunnelSource && dest && /^Tunnel/i.test(itf.name)) {
      const key = `${itf.tunnelSource.text.toLowerCase()}|${da?.text ?? dest.text}|${modeText}|${itf.tunnelKey?.text ?? ''}`;
      const other = seen.get(key);
      if (other) emit(Code.duplicateKey, 'warning', `${itf.name} has the same tunnel source, destination, mode and key as ${other}: IOS cannot tell their packets apart (add a distinct tunnel key)`, dest.range);
      else seen.set(key, itf.name);
    }
  }
}

function checkAcls(ctx: CheckContext, emit: Emit): void {
  // Only ACLs that crypto maps use are modeled closely enough to judge; others may use syntax of features we do not model.
  const cryptoAcls = new Set(ctx.cfg.cryptoMaps.map((e) => e.matchAddress?.name).filter((x): x is string => !!x));
  for (const acl of ctx.cfg.acls.values()) {
    const seqs = new Map<number, number>();
    for (const e of acl.entries) {
      if (e.seq === undefined || /^\d+$/.test(acl.name)) continue;
      if (seqs.has(e.seq)) emit(Code.duplicateKey, 'error', `sequence number ${e.seq} is already used in access list ${acl.name} (line ${seqs.get(e.seq)! + 1}); IOS rejects the entry`, e.range);
      else seqs.set(e.seq, e.node.line);
    }
    if (!cryptoAcls.has(acl.name)) continue;
    if (!acl.entries.some((e) => e.action === 'permit')) {
      emit(Code.invalidValue, 'warning', `crypto access list ${acl.name} permits nothing, so the crypto map entry protects no traffic`, acl.nameRange);
    }
  }
}
