// undefined-reference: a name that no object of its kind in this file defines. The smart defaults
// (`default` transform set, IPsec profile, IKEv2 proposal and policy) exist unless removed.
import { Code } from '../../../core/codes';
import type { Severity } from '../../../core/types';
import type { IosConfig, Ref } from '../model';
import { iosCheck } from './common';

/** Kinds whose `default` object exists implicitly (IOS smart defaults), with the command that removes it. */
const SMART_DEFAULTS: Readonly<Record<string, string>> = {
  'transform-set': 'crypto ipsec transform-set',
  'ipsec-profile': 'crypto ipsec profile',
  'ikev2-proposal': 'crypto ikev2 proposal',
  'ikev2-policy': 'crypto ikev2 policy',
};

export const KIND_NAMES: Readonly<Record<string, string>> = {
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

/** Whether an object of a kind is defined, by the collection that holds that kind. */
const DEFINED: Readonly<Record<string, (cfg: IosConfig, name: string, ref: Ref) => boolean>> = {
  'transform-set': (cfg, name) => cfg.transformSets.has(name),
  'ipsec-profile': (cfg, name) => cfg.ipsecProfiles.has(name),
  'ikev2-profile': (cfg, name) => cfg.ikev2Profiles.has(name),
  'isakmp-profile': (cfg, name) => cfg.isakmpProfiles.has(name),
  'ikev2-proposal': (cfg, name) => cfg.ikev2Proposals.has(name),
  'ikev2-keyring': (cfg, name) => cfg.ikev2Keyrings.has(name),
  keyring: (cfg, name) => cfg.keyrings.has(name),
  acl: (cfg, name) => cfg.acls.has(name),
  interface: (cfg, name) => cfg.interfaces.has(name),
  'crypto-map': (cfg, name, ref) => {
    const v6 = isIpv6MapRef(cfg, ref);
    return cfg.cryptoMaps.some((e) => e.map === name && (v6 === undefined || e.ipv6 === v6));
  },
};

function isDefined(cfg: IosConfig, r: Ref): boolean {
  if (SMART_DEFAULTS[r.kind] && r.name === 'default' && !cfg.disabledDefaults.has(SMART_DEFAULTS[r.kind])) return true;
  return DEFINED[r.kind]?.(cfg, r.name, r) ?? true;
}

/** Whether a crypto map reference is an interface's `ipv6 crypto map` (true), `crypto map` (false), or neither. */
function isIpv6MapRef(cfg: IosConfig, ref: Ref): boolean | undefined {
  for (const itf of cfg.interfaces.values()) {
    if (itf.ipv6CryptoMap === ref) return true;
    if (itf.cryptoMap === ref) return false;
  }
  return undefined;
}

export const references = iosCheck('references', [Code.undefinedReference], (t, report) => {
  for (const r of t.cfg.refs) {
    if (isDefined(t.cfg, r)) continue;
    const what = KIND_NAMES[r.kind] ?? r.kind;
    // An interface missing from a `show run | section crypto` extract is common and harmless to IOS
    // (the tunnel stays down until it exists); a missing crypto object leaves the SA unconfigurable.
    const severity: Severity = r.kind === 'interface' ? 'warning' : 'error';
    report({ code: Code.undefinedReference, severity, message: `${what} "${r.name}" is not defined in this file`, range: r.range });
  }
});
