// The global commands: which family reads each top-level section. A section changes only what
// it names (the incremental reading in sections.ts relies on that). Global commands this table
// does not list (routing, AAA, QoS, …) are outside the model (docs/reference/ios-grammar.md §10).
import { NOT_MODELLED, readLine, type Family, type Handler } from './dispatch';
import type { IosConfig } from '../model';
import type { Node, ParseTree } from '../parser';
import { emptyConfig } from '../model';
import { word } from '../words';
import { readInterface } from './interface';
import { readIkev2Keyring, readIkev2Policy, readIkev2Profile, readIkev2Proposal } from './ikev2';
import { readIsakmpKey, readIsakmpPolicy, readIsakmpProfile, readKeyring } from './isakmp';
import { readCryptoMap, readGlobalSaLifetime, readIpsecProfile, readTransformSet } from './ipsec';
import { readNamedAcl, readNumberedAcl } from './acl';

/** The first argument of a one-line global setting. */
const setting = (key: 'hostname' | 'version'): Handler<IosConfig> => (cfg, n) => {
  if (!n.args[0]) return false;
  cfg[key] = word(n, n.args[0]);
};

const WEAK_CRYPTO_REENABLED = /^crypto engine compliance shield disable/i;

const ROOTS: Family<IosConfig> = {
  commands: {
    hostname: setting('hostname'),
    version: setting('version'),
    interface: readInterface,
    'crypto isakmp policy': readIsakmpPolicy,
    'crypto isakmp key': readIsakmpKey,
    'crypto isakmp profile': readIsakmpProfile,
    'crypto keyring': readKeyring,
    'crypto ikev2 proposal': readIkev2Proposal,
    'crypto ikev2 policy': readIkev2Policy,
    'crypto ikev2 keyring': readIkev2Keyring,
    'crypto ikev2 profile': readIkev2Profile,
    'crypto ipsec transform-set': readTransformSet,
    'crypto ipsec profile': readIpsecProfile,
    'crypto ipsec security-association lifetime seconds': readGlobalSaLifetime,
    'crypto ipsec security-association': NOT_MODELLED,
    'crypto map': readCryptoMap,
    'crypto dynamic-map': readCryptoMap,
    // The weak algorithms IOS-XE 17.11 refuses are accepted again (docs/reference/ios-grammar.md §8).
    'crypto engine': (cfg, n) => {
      if (n.tokens.length < 5 || !WEAK_CRYPTO_REENABLED.test(n.tokens.map((t) => t.text).join(' '))) return false;
      cfg.weakCryptoReenabled = true;
    },
    // Certificates and keys: authentication by certificate is modelled by its method only.
    'crypto pki': NOT_MODELLED,
    'crypto ca': NOT_MODELLED,
    'crypto key': NOT_MODELLED,
    'access-list': readNumberedAcl,
    'ip access-list extended': readNamedAcl,
    'ip access-list standard': readNamedAcl,
    'ipv6 access-list': readNamedAcl,
    // Read by the parser: later lines are not configuration.
    end: () => {},
    banner: NOT_MODELLED,
    router: NOT_MODELLED,
    line: NOT_MODELLED,
  },
};

/**
 * A global `no crypto …` or `default crypto …` deletes or resets an object; the model keeps only
 * the removal of a smart default (`no crypto ikev2 proposal default`), which changes what the
 * other objects fall back to.
 */
const NEGATED_CRYPTO: Family<IosConfig> = {
  commands: {
    crypto: (cfg, n) => {
      if (n.args[0]?.text !== 'default') return false;
      cfg.disabledDefaults.add(n.path.join(' '));
    },
  },
};

/** Reads one top-level section (a root and its lines) into cfg. */
export function extractRoot(cfg: IosConfig, n: Node): void {
  readLine(n, n.negated && n.path[0] === 'crypto' ? NEGATED_CRYPTO : ROOTS, cfg, cfg);
}

/** The whole model, reading the top-level sections in order. */
export function extract(tree: ParseTree): IosConfig {
  const cfg = emptyConfig();
  for (const n of tree.roots) extractRoot(cfg, n);
  return cfg;
}
