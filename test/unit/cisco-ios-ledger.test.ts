// The IOS line ledger: what became of each line, as the family that read it marked it. A line in a
// modelled mode is read by its family's handler, outside by a table entry (a known command the
// model does not read, a mode Tunnel Lens does not model), or — with no entry at all — unread,
// which the corpus ledger test reports. These tests pin the marks and hold every keyword of the
// command tables to an entry, so a keyword added for hover or completion cannot drop its lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseText } from '../fixtures/cisco-ios/parse';
import { dialect } from '../../server/src/languages/cisco-ios';
import { MODE_TABLES, type KwTable, type ModeId } from '../../server/src/languages/cisco-ios/commands';
import { LineUse, accountLines } from '../../server/src/core/lines';

const NAMES = ['unread', 'trivia', 'model', 'outside', 'continued'];
const uses = (text: string) => [...dialect.lineUse(parseText(text))].map((u) => NAMES[u]);

test('each line is marked by what read it', () => {
  const lines: [string, string][] = [
    ['Building configuration...', 'outside'],
    ['!', 'trivia'],
    ['hostname R1', 'model'],
    ['service timestamps debug datetime msec', 'outside'],
    ['crypto ikev2 keyring KR', 'model'],
    [' description peers', 'outside'],
    [' peer LINUX', 'model'],
    ['  address 192.0.2.1', 'model'],
    ['  identity address 192.0.2.1', 'outside'],
    ['  pre-shared-key fake-sample-key-1', 'model'],
    ['crypto ikev2 profile PR', 'model'],
    [' no config-exchange request', 'outside'],
    [' dpd 10 2 on-demand', 'outside'],
    [' keyring local KR', 'model'],
    ['interface Tunnel1', 'model'],
    [' bgp-policy accounting', 'outside'],
    [' ip nat inside', 'outside'],
    [' tunnel path-mtu-discovery', 'outside'],
    [' tunnel mode gre ipv6', 'model'],
    ['interface ATM0', 'model'],
    [' pvc 0/35', 'outside'],
    ['  encapsulation aal5snap', 'outside'],
    ['router bgp 65020', 'outside'],
    [' neighbor 10.10.10.1 remote-as 65010', 'outside'],
    ['crypto map CM client authentication list X', 'outside'],
    ['crypto pki certificate chain TP', 'outside'],
    [' certificate 01', 'outside'],
    ['  3082 01AB', 'continued'],
    ['  quit', 'continued'],
    ['crypto isakmp policy 10', 'model'],
    ['encryption aes', 'model'],
    ['exit', 'model'],
    ['banner motd ^C', 'outside'],
    ['interface Tunnel99', 'continued'],
    ['^C', 'continued'],
    ['end', 'model'],
    ['interface Tunnel5', 'outside'],
  ];
  assert.deepEqual(uses(lines.map(([l]) => l).join('\n')), lines.map(([, u]) => u));
});

test('a section without a name, and a `no` line where the mode applies none, are outside with the lines under them', () => {
  assert.deepEqual(uses(['interface', ' ip address 10.0.0.1 255.255.255.0', 'crypto keyring K', ' no pre-shared-key address 192.0.2.1 key k'].join('\n')), ['outside', 'outside', 'model', 'outside']);
});

/** Every keyword path of a table (`tunnel`, `tunnel mode`, `tunnel mode gre`, …), as words to type. */
function paths(t: KwTable, prefix: string[] = []): string[][] {
  return Object.entries(t).flatMap(([k, kw]) => [[...prefix, k], ...(kw.sub ? paths(kw.sub, [...prefix, k]) : [])]);
}

/** A block that opens each modelled mode, and the indentation of its lines. */
const OPENERS: Partial<Record<ModeId, [string, string]>> = {
  interface: ['interface Tunnel1', ' '],
  'isakmp-policy': ['crypto isakmp policy 10', ' '],
  'isakmp-profile': ['crypto isakmp profile P', ' '],
  keyring: ['crypto keyring K', ' '],
  'ikev2-proposal': ['crypto ikev2 proposal P', ' '],
  'ikev2-policy': ['crypto ikev2 policy P', ' '],
  'ikev2-keyring': ['crypto ikev2 keyring K', ' '],
  'ikev2-keyring-peer': ['crypto ikev2 keyring K\n peer P', '  '],
  'ikev2-profile': ['crypto ikev2 profile P', ' '],
  'transform-set': ['crypto ipsec transform-set T esp-aes', ' '],
  'ipsec-profile': ['crypto ipsec profile P', ' '],
  'crypto-map': ['crypto map M 10 ipsec-isakmp', ' '],
  'acl-ext': ['ip access-list extended A', ' '],
  'acl-std': ['ip access-list standard A', ' '],
  'ipv6-acl': ['ipv6 access-list A', ' '],
};

test('every keyword of every modelled mode, and of the global mode, has an entry: none leaves its line unread', () => {
  for (const [mode, [opener, indent]] of Object.entries(OPENERS)) {
    for (const p of paths(MODE_TABLES[mode as ModeId])) {
      for (const line of [p.join(' '), `${p.join(' ')} x 1`, `no ${p.join(' ')} x`]) {
        const text = `${opener}\n${indent}${line}\n`;
        const f = parseText(text);
        const a = accountLines(dialect.lineUse(f), f.findings.map((x) => x.range.start.line));
        assert.equal(a.dropped, 0, `${mode}: "${line}" is unread`);
      }
    }
  }
  // `end` and `banner` change how the following lines are read; each is checked above in place.
  for (const p of paths(MODE_TABLES.global).filter((p) => p[0] !== 'end' && p[0] !== 'banner')) {
    for (const line of [p.join(' '), `${p.join(' ')} x 1`, `no ${p.join(' ')} x`]) {
      const f = parseText(`${line}\n x\n`);
      const a = accountLines(dialect.lineUse(f), f.findings.map((x) => x.range.start.line));
      assert.equal(a.dropped, 0, `global: "${line}" is unread`);
    }
  }
});

test('the ledger comes from the marks the reader left, not from the text: an unread line stays unread', () => {
  const f = parseText('interface Tunnel1\n tunnel mode gre ipv6\n');
  const node = f.tree.parse.nodes[1];
  node.use = LineUse.unread;
  assert.deepEqual(accountLines(dialect.lineUse(f), []).droppedLines, [1]);
});
