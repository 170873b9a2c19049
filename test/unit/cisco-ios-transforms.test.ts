// One table of IOS algorithm words (model/iosTransforms.ts), and everything that reads it agrees:
// what completion offers validates, what validation accepts the endpoints read, the CLI's
// `--enc`/`--integ` accept exactly the IOS words the codec can run, the codec's copy of the IOS
// spellings is the table's, and the PFS quick fix writes only groups IOS lists, which read back
// as the group the fix meant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseText, ctxWith } from '../fixtures/cisco-ios/parse';
import { mark } from '../helpers/markers';
import { dialect } from '../../server/src/languages/cisco-ios';
import {
  IKEV2_ENCRYPTION, IOS_DH_GROUP_NUMBERS, IOS_TRANSFORMS, OFFERED_TRANSFORMS, iosDhGroup, keyLengthsOf, transformCanonical,
} from '../../server/src/model/iosTransforms';
import { DH_GROUP_NUMBERS } from '../../server/src/model/algorithms';
import { parseEncryption, parseIntegrity } from '../../server/src/cli/algorithmNames';
import { ENCRYPTION_SPELLINGS, INTEGRITY_SPELLINGS, encryptionByName, integrityByName } from '../../codec/algorithmNames';
import { setIosPfs } from '../../server/src/fixes/ios';
import { DEFAULT_SETTINGS } from '../../server/src/core/types';

const invalid = (text: string) => parseText(text).findings.filter((f) => f.code === 'invalid-value').map((f) => f.message);

/** Completion labels at each `<|>` of the text. */
function completions(src: string): string[][] {
  const m = mark(src);
  const f = parseText(m.text);
  return m.positions.map((p) => dialect.complete!(f, p, ctxWith()).map((c) => c.label));
}

test('transform sets: completion offers every transform validation accepts, except the show-output spellings', () => {
  const [offered] = completions('crypto ipsec transform-set TS <|>\n');
  const accepted = Object.keys(IOS_TRANSFORMS);
  assert.deepEqual([...offered].sort(), [...OFFERED_TRANSFORMS].sort());
  assert.deepEqual(accepted.filter((w) => !offered.includes(w)).sort(), ['esp-192-aes', 'esp-256-aes']);
  for (const w of accepted) {
    assert.deepEqual(invalid(`crypto ipsec transform-set TS ${w}\n`), [], w);
    for (const len of keyLengthsOf(IOS_TRANSFORMS[w])) assert.deepEqual(invalid(`crypto ipsec transform-set TS ${w} ${len}\n`), [], `${w} ${len}`);
  }
  assert.equal(invalid('crypto ipsec transform-set TS esp-sha1-hmac\n').length, 1);
});

test('transform sets: the endpoint reads each ESP word as the table names it', () => {
  for (const [w, t] of Object.entries(IOS_TRANSFORMS)) {
    if (t.kind !== 'encr' && t.kind !== 'integ') continue;
    for (const len of [undefined, ...keyLengthsOf(t)]) {
      const f = parseText([
        `crypto ipsec transform-set TS ${w}${len ? ` ${len}` : ''}`,
        'crypto ipsec profile P',
        ' set transform-set TS',
        'interface Tunnel1',
        ' tunnel source 192.0.2.1',
        ' tunnel destination 198.51.100.1',
        ' tunnel protection ipsec profile P',
      ].join('\n'));
      const esp = f.endpoints[0].ipsec!.esp!.value[0];
      assert.deepEqual(t.kind === 'encr' ? esp.encr : esp.integ, [transformCanonical(w, len)], `${w} ${len ?? ''}`);
    }
  }
});

test('proposal values: every value completion offers validates, and what it does not offer is rejected or a superset', () => {
  const [isakmpEnc, isakmpHash, isakmpGroup, ikev2Enc, ikev2Integ, ikev2Prf, ikev2Group, pfs] = completions([
    'crypto isakmp policy 10',
    ' encryption <|>',
    ' hash <|>',
    ' group <|>',
    'crypto ikev2 proposal P',
    ' encryption <|>',
    ' integrity <|>',
    ' prf <|>',
    ' group <|>',
    'crypto ipsec profile IP',
    ' set pfs <|>',
  ].join('\n'));
  const policy = (line: string) => invalid(`crypto isakmp policy 10\n ${line}\n`);
  const proposal = (line: string) => invalid(`crypto ikev2 proposal P\n encryption aes-cbc-128\n integrity sha1\n group 14\n ${line}\n`);
  for (const v of isakmpEnc) assert.deepEqual(policy(`encryption ${v}`), [], v);
  for (const v of isakmpHash) assert.deepEqual(policy(`hash ${v}`), [], v);
  for (const v of isakmpGroup) assert.deepEqual(policy(`group ${v}`), [], v);
  for (const v of ikev2Enc) assert.deepEqual(proposal(`encryption ${v}`).filter((m) => !/incomplete|AES-GCM/.test(m)), [], v);
  for (const v of [...ikev2Integ, ...ikev2Prf]) assert.deepEqual(proposal(`integrity ${v}`), [], v);
  for (const v of ikev2Group) assert.deepEqual(proposal(`group ${v}`), [], v);
  for (const v of pfs) assert.deepEqual(invalid(`crypto ipsec profile IP\n set pfs ${v}\n`), [], v);
  assert.deepEqual(ikev2Enc.sort(), Object.keys(IKEV2_ENCRYPTION).sort());
  assert.deepEqual(isakmpGroup, IOS_DH_GROUP_NUMBERS);
  assert.deepEqual(pfs, IOS_DH_GROUP_NUMBERS.map((n) => `group${n}`));
  // Each place has its own spelling of SHA-1.
  assert.equal(policy('hash sha1').length, 1);
  assert.equal(proposal('integrity sha').length, 1);
  // Groups IOS does not list but the registry knows are accepted, never offered.
  assert.ok(!isakmpGroup.includes('18'));
  assert.deepEqual(policy('group 18'), []);
  assert.equal(policy('group 99').length, 1);
});

test('the CLI takes exactly the IOS words of the table whose algorithm the codec runs', () => {
  for (const [w, t] of Object.entries(IOS_TRANSFORMS)) {
    for (const len of [undefined, ...keyLengthsOf(t)]) {
      const canonical = transformCanonical(w, len);
      const typed = len ? `${w} ${len}` : w;
      if (t.kind === 'encr') {
        const codec = encryptionByName(canonical!);
        if (codec) assert.equal(parseEncryption(typed), codec, typed);
        else assert.throws(() => parseEncryption(typed), /unknown encryption/, typed);
      } else if (t.kind === 'integ') {
        const codec = integrityByName(canonical!);
        if (codec) assert.equal(parseIntegrity(typed), codec, typed);
        else assert.throws(() => parseIntegrity(typed), /unknown integrity/, typed);
      }
    }
  }
  assert.equal(parseEncryption('esp-aes-256'), 'aes-cbc-256');
  assert.equal(parseEncryption('ESP_GCM 128'), 'aes-gcm-128');
  assert.throws(() => parseIntegrity('esp-sha1-hmac'), /unknown integrity/);
});

test('IOS words have one table: the codec holds none of them, the CLI reads them from the table', () => {
  const ios = (spellings: readonly string[]) => spellings.filter((x) => /^(esp|ah|comp)-/.test(x));
  assert.deepEqual(ios(ENCRYPTION_SPELLINGS), []);
  assert.deepEqual(ios(INTEGRITY_SPELLINGS), []);
  for (const [w, t] of Object.entries(IOS_TRANSFORMS)) {
    for (const len of [undefined, ...keyLengthsOf(t)]) {
      const canonical = transformCanonical(w, len)!;
      const runnable = t.kind === 'encr' ? encryptionByName(canonical) : t.kind === 'integ' ? integrityByName(canonical) : undefined;
      if (!runnable) continue;
      const word = len ? `${w} ${len}` : w;
      assert.equal(t.kind === 'encr' ? parseEncryption(word) : parseIntegrity(word), runnable, word);
    }
  }
});

test('the PFS fix writes `set pfs groupN` for the groups IOS lists, and the line reads back as that group', () => {
  const text = [
    'crypto ipsec transform-set TS esp-aes esp-sha-hmac',
    'crypto ipsec profile P',
    ' set transform-set TS',
    ' set pfs group5',
    'interface Tunnel1',
    ' tunnel source 192.0.2.1',
    ' tunnel destination 198.51.100.1',
    ' tunnel protection ipsec profile P',
  ].join('\n');
  const f = parseText(text);
  const ep = f.endpoints[0];
  const ctx = { text: () => text, settings: DEFAULT_SETTINGS };
  for (const n of IOS_DH_GROUP_NUMBERS) {
    const edit = setIosPfs(ep, iosDhGroup(n)!, ctx)!;
    assert.equal(edit.newText.trim(), `set pfs group${n}`);
    const fixed = text.split('\n').map((l, i) => (i === edit.range.start.line ? edit.newText : l)).join('\n');
    assert.equal(parseText(fixed).endpoints[0].ipsec?.pfs?.value, iosDhGroup(n));
  }
  // A group IOS does not list gets no fix rather than a wrong number.
  for (const canonical of [DH_GROUP_NUMBERS[18], DH_GROUP_NUMBERS[31]]) assert.equal(setIosPfs(ep, canonical, ctx), undefined, canonical);
});
