// The IOS command positions that hold a secret (languages/shared/secretSlots.ts;
// docs/reference/ios-grammar.md §12). Each row finds its secret among a command line's words, the
// keywords canonical (`cry isa key` is `crypto isakmp key`) and lower-case: the pre-shared keys the
// model reads (§3.2, §4.4, §4.5), and the passwords, keys and communities of commands Tunnel Lens
// does not model, which are hidden all the same. A key type (`0`, `5`, `6`, `7`, `8`, `9`) before a
// secret is no secret; a type word with nothing after it is the secret itself, as parseSecret()
// reads it. A hashed or type 7 value is hidden as a clear one is. `tunnel key N` is the GRE key: no
// secret, and it keeps showing.
import type { SecretSlot } from '../shared/secretSlots';
import type { Token } from './lexer';
import type { Node } from './parser';

/** A secret's words: [first, end) indexes into the line's words. */
export type WordSpan = readonly [number, number];

export interface IosSecretSlot extends SecretSlot {
  /**
   * The secret's words on a line (`w`: the words after `no`/`default`, keywords canonical and
   * lower-case, the rest as written), none when this row does not hold the line.
   */
  find(w: readonly string[], n: Node): WordSpan[];
}

const KEY_TYPES = new Set(['0', '6', '7']);
const PASSWORD_TYPES = new Set(['0', '4', '5', '6', '7', '8', '9']);

/** The secret from word `i` (after an optional key type) to the end of the line, or just one word. */
function at(w: readonly string[], i: number, types: ReadonlySet<string> = KEY_TYPES, toEnd = false): WordSpan[] {
  if (i < 0 || i >= w.length) return [];
  const j = types.has(w[i]) && i + 1 < w.length ? i + 1 : i;
  return [[j, toEnd ? w.length : j + 1]];
}

const lower = (s: string | undefined) => (s ?? '').toLowerCase();
/** The first index at or after `from` whose word is one of `words`, or -1. */
function indexOf(w: readonly string[], words: readonly string[], from = 0): number {
  for (let i = from; i < w.length; i++) if (words.includes(lower(w[i]))) return i;
  return -1;
}
const parentWords = (n: Node) => (n.parent ? [...n.parent.path, ...n.parent.args.map((t) => t.text.toLowerCase())] : []);

export const IOS_SECRET_SLOTS: readonly IosSecretSlot[] = [
  {
    id: 'cisco-ios/isakmp-key',
    where: 'crypto isakmp key [0|6|7] KEY address …|hostname …: an IKEv1 pre-shared key',
    find: (w) => (w[0] === 'crypto' && w[1] === 'isakmp' && w[2] === 'key' ? at(w, 3) : []),
  },
  {
    id: 'cisco-ios/keyring-psk',
    where: 'crypto keyring NAME → pre-shared-key address …|hostname … key [0|6|7] KEY',
    find: (w, n) => {
      if (n.mode !== 'keyring' || w[0] !== 'pre-shared-key') return [];
      const k = indexOf(w, ['key'], 2);
      // Without `key`, the last word may be meant as one: hidden too.
      return k >= 0 ? at(w, k + 1) : w.length > 3 ? [[w.length - 1, w.length]] : [];
    },
  },
  {
    id: 'cisco-ios/ikev2-keyring-psk',
    where: 'crypto ikev2 keyring NAME → peer P → pre-shared-key [local|remote] [0|6|7] KEY',
    find: (w, n) => (n.mode === 'ikev2-keyring-peer' && w[0] === 'pre-shared-key' ? at(w, w[1] === 'local' || w[1] === 'remote' ? 2 : 1) : []),
  },
  {
    id: 'cisco-ios/ikev2-profile-psk',
    where: 'crypto ikev2 profile NAME → authentication local|remote pre-share key [0|6|7] KEY',
    find: (w, n) => (n.mode === 'ikev2-profile' && w[0] === 'authentication' ? at(w, indexOf(w, ['key'], 2) < 0 ? -1 : indexOf(w, ['key'], 2) + 1) : []),
  },
  {
    id: 'cisco-ios/username',
    where: 'username NAME [privilege N] … password|secret [0|5|7|8|9] PASSWORD',
    find: (w) => (lower(w[0]) === 'username' ? at(w, indexOf(w, ['password', 'secret'], 2) < 0 ? -1 : indexOf(w, ['password', 'secret'], 2) + 1, PASSWORD_TYPES, true) : []),
  },
  {
    id: 'cisco-ios/enable',
    where: 'enable secret|password [level N] [0|5|7|8|9] PASSWORD',
    find: (w) => {
      if (lower(w[0]) !== 'enable' || !['secret', 'password'].includes(lower(w[1]))) return [];
      return at(w, lower(w[2]) === 'level' ? 4 : 2, PASSWORD_TYPES, true);
    },
  },
  {
    id: 'cisco-ios/snmp-community',
    where: 'snmp-server community STRING …, snmp-server host H [traps|informs] [version V [auth|noauth|priv]] STRING …, snmp-server user U G v3 auth ALG KEY [priv ALG [BITS] KEY]',
    find: (w) => {
      if (lower(w[0]) !== 'snmp-server') return [];
      const w1 = lower(w[1]);
      if (w1 === 'community') return at(w, 2, new Set());
      if (w1 === 'host') {
        let i = 3;
        if (['traps', 'informs'].includes(lower(w[i]))) i++;
        if (lower(w[i]) === 'version') {
          i += 2;
          if (['auth', 'noauth', 'priv'].includes(lower(w[i]))) i++;
        }
        return at(w, i, new Set());
      }
      if (w1 === 'user') {
        const out: WordSpan[] = [];
        const a = indexOf(w, ['auth'], 4);
        if (a >= 0) out.push(...at(w, a + 2, new Set()));
        const p = indexOf(w, ['priv'], 4);
        if (p >= 0) out.push(...at(w, /^\d+$/.test(w[p + 2] ?? '') && p + 3 < w.length ? p + 3 : p + 2, new Set()));
        return out;
      }
      return [];
    },
  },
  {
    id: 'cisco-ios/aaa-server-key',
    where: 'tacacs-server|radius-server key [0|6|7] KEY, … host H … key [0|7] KEY, tacacs|radius server NAME → key [0|6|7] KEY',
    find: (w, n) => {
      const w0 = lower(w[0]);
      if (w0 === 'tacacs-server' || w0 === 'radius-server') {
        const k = indexOf(w, ['key'], 1);
        return k >= 0 ? at(w, k + 1, KEY_TYPES, true) : [];
      }
      const p = parentWords(n);
      if (w0 === 'key' && (p[0] === 'tacacs' || p[0] === 'radius') && lower(p[1]) === 'server') return at(w, 1, KEY_TYPES, true);
      if (w0 === 'client' && p[0] === 'aaa') {
        const k = indexOf(w, ['server-key'], 1);
        return k >= 0 ? at(w, k + 1, KEY_TYPES, true) : [];
      }
      if (w0 === 'server-key' && p[0] === 'aaa') return at(w, 1, KEY_TYPES, true);
      return [];
    },
  },
  {
    id: 'cisco-ios/key-string',
    where: 'key chain NAME → key N → key-string [0|7] KEY (and every other `key-string KEY`)',
    find: (w) => {
      const k = indexOf(w, ['key-string']);
      return k >= 0 ? at(w, k + 1, KEY_TYPES, true) : [];
    },
  },
  {
    id: 'cisco-ios/ppp-password',
    where: 'ppp chap password [0|7] PASSWORD, ppp pap sent-username U password [0|7] PASSWORD',
    find: (w) => {
      if (lower(w[0]) !== 'ppp') return [];
      const k = indexOf(w, ['password'], 1);
      return k >= 0 ? at(w, k + 1, KEY_TYPES, true) : [];
    },
  },
  {
    id: 'cisco-ios/ntp-key',
    where: 'ntp authentication-key N md5 KEY [7]',
    find: (w) => (lower(w[0]) === 'ntp' && lower(w[1]) === 'authentication-key' ? at(w, 4, new Set()) : []),
  },
  {
    id: 'cisco-ios/ospf-md5',
    where: 'ip ospf message-digest-key N md5 [0|7] KEY (also in `area … virtual-link`)',
    find: (w) => {
      const k = indexOf(w, ['message-digest-key']);
      return k >= 0 ? at(w, k + 3, KEY_TYPES, true) : [];
    },
  },
  {
    id: 'cisco-ios/authentication-key',
    where: 'ip ospf authentication-key [0|7] KEY, area … authentication-key KEY, and every other `authentication-key KEY` but ntp\'s',
    find: (w) => {
      if (lower(w[0]) === 'ntp') return [];
      const k = indexOf(w, ['authentication-key']);
      return k >= 0 ? at(w, k + 1, KEY_TYPES, true) : [];
    },
  },
  {
    id: 'cisco-ios/neighbor-password',
    where: 'router bgp N → neighbor X password [0|7] PASSWORD',
    find: (w) => (lower(w[0]) === 'neighbor' && lower(w[2]) === 'password' ? at(w, 3, KEY_TYPES, true) : []),
  },
  {
    id: 'cisco-ios/nhrp-authentication',
    where: 'ip nhrp authentication STRING (DMVPN)',
    find: (w) => (w[0] === 'ip' && w[1] === 'nhrp' && lower(w[2]) === 'authentication' ? at(w, 3, new Set(), true) : []),
  },
  {
    id: 'cisco-ios/line-password',
    where: 'line con|vty|aux … → password [0|7] PASSWORD',
    find: (w, n) => (lower(w[0]) === 'password' && n.parent?.path[0] === 'line' ? at(w, 1, KEY_TYPES, true) : []),
  },
  {
    id: 'cisco-ios/client-group-key',
    where: 'crypto isakmp client configuration group G → key [0|6|7] KEY (the group\'s pre-shared key)',
    find: (w, n) => {
      const p = parentWords(n);
      return lower(w[0]) === 'key' && p[0] === 'crypto' && p[1] === 'isakmp' && lower(p[2]) === 'client' ? at(w, 1, KEY_TYPES, true) : [];
    },
  },
  {
    id: 'cisco-ios/manual-session-key',
    where: 'crypto map M N ipsec-manual → set session-key inbound|outbound esp SPI cipher [hex] KEY [authenticator [hex] KEY], … ah SPI [hex] KEY',
    find: (w) => {
      if (w[0] !== 'set' || lower(w[1]) !== 'session-key') return [];
      const out: WordSpan[] = [];
      const after = (i: number) => (lower(w[i]) === 'hex' ? i + 1 : i);
      for (const kw of ['cipher', 'authenticator']) {
        const k = indexOf(w, [kw], 3);
        if (k >= 0) out.push(...at(w, after(k + 1), new Set()));
      }
      if (lower(w[3]) === 'ah') out.push(...at(w, after(5), new Set()));
      return out;
    },
  },
];

/** The words of a line as the rows read them: canonical keywords, then the arguments as written. */
export function slotWords(n: Node): string[] {
  return [...n.path, ...n.args.map((t) => t.text)];
}

export interface IosSecretHit {
  slot: IosSecretSlot;
  /** The secret's words on the line. */
  tokens: Token[];
}

/**
 * The hits of a node, kept while it lives: a keystroke re-parses one line and keeps the other
 * nodes, so the check, hover and secretValues() read the table once per line, not once per
 * version of a 100,000-line file. A row may read the parent's words, so a node given another
 * parent is read again.
 */
const HITS = new WeakMap<Node, { parent: Node | undefined; hits: IosSecretHit[] }>();
const NONE: IosSecretHit[] = [];

/** The secrets of one command line, by the table. */
export function iosSecretsOf(n: Node): IosSecretHit[] {
  if (n.words.length < 2) return NONE;
  const known = HITS.get(n);
  if (known && known.parent === n.parent) return known.hits;
  const hits = readSecrets(n);
  HITS.set(n, { parent: n.parent, hits: hits.length ? hits : NONE });
  return hits.length ? hits : NONE;
}

function readSecrets(n: Node): IosSecretHit[] {
  const w = slotWords(n);
  const out: IosSecretHit[] = [];
  for (const slot of IOS_SECRET_SLOTS) {
    for (const [a, b] of slot.find(w, n)) {
      const tokens = n.words.slice(a, b);
      if (tokens.length) out.push({ slot, tokens });
    }
  }
  return out;
}

/** Every secret value of a file's lines, as written on its line (for secretValues(); redactionStrings() adds its long words). */
export function iosSecretValues(nodes: readonly Node[], lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    for (const h of iosSecretsOf(n)) {
      const line = lines[n.line] ?? '';
      out.push(line.slice(h.tokens[0].start, h.tokens[h.tokens.length - 1].end));
    }
  }
  return out;
}
