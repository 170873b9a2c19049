// IKEv2: `crypto ikev2 proposal`, `policy`, `keyring` (with its `peer` sub-mode) and `profile`
// (docs/reference/ios-grammar.md §4).
import { parseAddress } from '../../../core/address';
import type { Ikev2Keyring, Ikev2Peer, Ikev2Policy, Ikev2Profile, Ikev2Proposal, IosConfig } from '../model';
import { addRef, addrWithMask, lineRange, parseSecret, rangeOf, word } from '../words';
import { NOT_MODELLED, readChildren, type Family, type Handler } from './dispatch';

/** A proposal list: every word of the line, emptied by `no`. */
const list = (key: 'encryption' | 'integrity' | 'prf' | 'group'): Handler<Ikev2Proposal> => (pr, c) => {
  pr[key] = c.negated ? [] : c.args.map((t) => word(c, t));
};

const PROPOSAL: Family<Ikev2Proposal> = {
  commands: { encryption: list('encryption'), integrity: list('integrity'), prf: list('prf'), group: list('group') },
};

export const readIkev2Proposal: Handler<IosConfig> = (cfg, n) => {
  const a0 = n.args[0];
  if (!a0) return false;
  const pr: Ikev2Proposal = cfg.ikev2Proposals.get(a0.text) ?? { name: a0.text, node: n, nameRange: rangeOf(n.line, a0), encryption: [], integrity: [], prf: [], group: [] };
  cfg.ikev2Proposals.set(pr.name, pr);
  readChildren(n, PROPOSAL, pr, cfg);
};

const POLICY: Family<Ikev2Policy> = {
  commands: {
    proposal: (pol, c, cfg) => {
      for (const t of c.args) pol.proposals.push(addRef(cfg.refs, t.text, 'ikev2-proposal', c, t));
    },
    'match address local': (pol, c) => {
      const pa = c.args[0] && parseAddress(c.args[0].text);
      if (pa) pol.matchLocal.push(pa.text);
    },
    // Front-door VRF and inbound-only matches do not change which proposals a tunnel offers.
    match: NOT_MODELLED,
  },
  skipsNegated: true,
};

export const readIkev2Policy: Handler<IosConfig> = (cfg, n) => {
  const a0 = n.args[0];
  if (!a0) return false;
  const pol: Ikev2Policy = cfg.ikev2Policies.get(a0.text) ?? { name: a0.text, node: n, nameRange: rangeOf(n.line, a0), proposals: [], matchLocal: [] };
  cfg.ikev2Policies.set(pol.name, pol);
  readChildren(n, POLICY, pol, cfg);
};

const PEER: Family<Ikev2Peer> = {
  commands: {
    address: (peer, d) => {
      const m = addrWithMask(d.args[0], d.args[1]);
      if (m) peer.addresses.push(m);
    },
    hostname: (peer, d) => {
      if (d.args[0]) peer.hostname = d.args[0].text;
    },
    'pre-shared-key': (peer, d) => {
      const s = parseSecret(d, d.args);
      if (d.path[1] === 'local') peer.pskLocal = s;
      else if (d.path[1] === 'remote') peer.pskRemote = s;
      else peer.psk = s;
    },
    identity: NOT_MODELLED,
    description: NOT_MODELLED,
  },
  skipsNegated: true,
};

const KEYRING: Family<Ikev2Keyring> = {
  commands: {
    peer: (kr, c, cfg) => {
      const a0 = c.args[0];
      if (!a0) return false;
      const peer: Ikev2Peer = { name: a0.text, node: c, nameRange: rangeOf(c.line, a0), addresses: [] };
      kr.peers.push(peer);
      readChildren(c, PEER, peer, cfg);
    },
  },
  skipsNegated: true,
};

export const readIkev2Keyring: Handler<IosConfig> = (cfg, n) => {
  const a0 = n.args[0];
  if (!a0) return false;
  const kr: Ikev2Keyring = cfg.ikev2Keyrings.get(a0.text) ?? { name: a0.text, node: n, nameRange: rangeOf(n.line, a0), peers: [] };
  cfg.ikev2Keyrings.set(kr.name, kr);
  readChildren(n, KEYRING, kr, cfg);
};

/** `authentication local|remote METHOD`; `pre-share key K` carries the key inline. */
const authentication = (side: 'local' | 'remote'): Handler<Ikev2Profile> => (pr, c) => {
  const method = c.path[2];
  if (!method) return false;
  const w = { text: method, range: lineRange(c) };
  const ki = c.args.findIndex((t) => /^key$/i.test(t.text));
  const inline = ki >= 0 ? parseSecret(c, c.args.slice(ki + 1)) : undefined;
  if (side === 'local') {
    pr.authLocal.push(w);
    if (inline) pr.inlineLocal = inline;
  } else {
    pr.authRemote.push(w);
    if (inline) pr.inlineRemote = inline;
  }
};

/** The identity words after the keywords that select it (`address 192.0.2.1`, `fqdn peer.example`). */
const identityText = (c: { path: string[]; args: { text: string }[] }, from: number) => [c.path[from], ...c.args.map((t) => t.text)].filter(Boolean).join(' ');

const PROFILE: Family<Ikev2Profile> = {
  commands: {
    'match identity remote': (pr, c) => {
      pr.matchRemote.push({ text: identityText(c, 3), range: lineRange(c) });
    },
    'identity local': (pr, c) => {
      pr.identityLocal = { text: identityText(c, 2), range: lineRange(c) };
    },
    'authentication local': authentication('local'),
    'authentication remote': authentication('remote'),
    'keyring local': (pr, c, cfg) => {
      const a0 = c.args[0];
      if (a0) pr.keyring = addRef(cfg.refs, a0.text, 'ikev2-keyring', c, a0);
    },
    lifetime: (pr, c) => {
      if (c.args[0]) pr.lifetime = word(c, c.args[0]);
    },
    // Local-address and VRF matches, certificates, AAA keyrings, DPD and VRFs: not negotiated values.
    match: NOT_MODELLED,
    identity: NOT_MODELLED,
    authentication: NOT_MODELLED,
    keyring: NOT_MODELLED,
    dpd: NOT_MODELLED,
    ivrf: NOT_MODELLED,
  },
  skipsNegated: true,
};

export const readIkev2Profile: Handler<IosConfig> = (cfg, n) => {
  const a0 = n.args[0];
  if (!a0) return false;
  const pr: Ikev2Profile = cfg.ikev2Profiles.get(a0.text) ?? { name: a0.text, node: n, nameRange: rangeOf(n.line, a0), matchRemote: [], authLocal: [], authRemote: [] };
  cfg.ikev2Profiles.set(pr.name, pr);
  readChildren(n, PROFILE, pr, cfg);
};
