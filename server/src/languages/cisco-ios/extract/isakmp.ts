// IKEv1: `crypto isakmp policy`, `crypto isakmp key`, `crypto keyring`, `crypto isakmp profile`
// (docs/reference/ios-grammar.md §3).
import type { IosConfig, IsakmpPolicy, IsakmpProfile, Keyring, PskEntry } from '../model';
import type { Node } from '../parser';
import { addRef, addrWithMask, parseSecret, rangeOf, word } from '../words';
import { NOT_MODELLED, readChildren, type Family, type Handler } from './dispatch';

/** A policy attribute: the first argument, unset by `no`. */
const attribute = (key: 'hash' | 'authentication' | 'group' | 'lifetime'): Handler<IsakmpPolicy> => (pol, c) => {
  pol[key] = c.negated ? undefined : c.args[0] ? word(c, c.args[0]) : undefined;
};

const POLICY: Family<IsakmpPolicy> = {
  commands: {
    encryption: (pol, c) => {
      pol.encryption = c.negated ? undefined : c.args.map((t) => word(c, t));
    },
    hash: attribute('hash'),
    authentication: attribute('authentication'),
    group: attribute('group'),
    lifetime: attribute('lifetime'),
  },
};

/** `crypto isakmp policy PRIORITY`; a priority written twice reads into the same policy. */
export const readIsakmpPolicy: Handler<IosConfig> = (cfg, n) => {
  const a0 = n.args[0];
  if (!a0) return false;
  const prio = Number(a0.text);
  let pol = cfg.isakmpPolicies.find((x) => x.priority === prio);
  if (!pol) {
    pol = { priority: prio, node: n, nameRange: rangeOf(n.line, a0) };
    cfg.isakmpPolicies.push(pol);
  }
  readChildren(n, POLICY, pol, cfg);
};

/** `crypto isakmp key [0|6|7] KEY address A [mask] | address ipv6 P/len | hostname H`. */
export const readIsakmpKey: Handler<IosConfig> = (cfg, n) => {
  const a = n.args;
  if (a.length < 2) return;
  const idx = a.findIndex((t, i) => i >= 1 && /^(address|hostname)$/i.test(t.text));
  if (idx < 1) return;
  const secret = parseSecret(n, a.slice(0, idx));
  if (!secret) return;
  const e: PskEntry = { secret, node: n };
  if (/^hostname$/i.test(a[idx].text)) e.hostname = a[idx + 1]?.text;
  else if (/^ipv6$/i.test(a[idx + 1]?.text ?? '')) e.address = addrWithMask(a[idx + 2], undefined);
  else e.address = addrWithMask(a[idx + 1], a[idx + 2]);
  cfg.isakmpKeys.push(e);
};

const KEYRING: Family<Keyring> = {
  commands: {
    // pre-shared-key {address A [mask] | address ipv6 P/len | hostname H} key [0|6|7] KEY
    'pre-shared-key': (kr, c) => {
      const ca = c.args;
      const ki = ca.findIndex((t) => /^key$/i.test(t.text));
      if (ki < 0) return;
      const secret = parseSecret(c, ca.slice(ki + 1));
      if (!secret) return;
      const e: PskEntry = { secret, node: c };
      if (c.path[1] === 'hostname') e.hostname = ca[0]?.text;
      else if (/^ipv6$/i.test(ca[0]?.text ?? '')) e.address = addrWithMask(ca[1], undefined);
      else e.address = addrWithMask(ca[0], ki > 1 ? ca[1] : undefined);
      kr.keys.push(e);
    },
    'local-address': NOT_MODELLED,
  },
  skipsNegated: true,
};

/** `crypto keyring NAME`. */
export const readKeyring: Handler<IosConfig> = (cfg, n) => {
  const a0 = n.args[0];
  if (!a0) return false;
  const kr: Keyring = cfg.keyrings.get(a0.text) ?? { name: a0.text, node: n, nameRange: rangeOf(n.line, a0), keys: [] };
  cfg.keyrings.set(kr.name, kr);
  readChildren(n, KEYRING, kr, cfg);
};

const PROFILE: Family<IsakmpProfile> = {
  commands: {
    keyring: (pr, c, cfg) => {
      const a0 = c.args[0];
      if (a0) pr.keyrings.push(addRef(cfg.refs, a0.text, 'keyring', c, a0));
    },
    'match identity address': (pr, c) => {
      const m = addrWithMask(c.args[0], c.args[1]);
      if (m) pr.matchAddresses.push(m);
    },
    lifetime: (pr, c) => {
      if (c.args[0]) pr.lifetime = word(c, c.args[0]);
    },
    // Identities by host name or certificate, and the profile's local and DPD settings.
    match: NOT_MODELLED,
    'self-identity': NOT_MODELLED,
    'local-address': NOT_MODELLED,
    keepalive: NOT_MODELLED,
    vrf: NOT_MODELLED,
  },
  skipsNegated: true,
};

/** `crypto isakmp profile NAME`. */
export const readIsakmpProfile: Handler<IosConfig> = (cfg, n: Node) => {
  const a0 = n.args[0];
  if (!a0) return false;
  const pr: IsakmpProfile = cfg.isakmpProfiles.get(a0.text) ?? { name: a0.text, node: n, nameRange: rangeOf(n.line, a0), keyrings: [], matchAddresses: [] };
  cfg.isakmpProfiles.set(pr.name, pr);
  readChildren(n, PROFILE, pr, cfg);
};
