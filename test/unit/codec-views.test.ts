// The preview's other views: as the peer decrypts it, and the Cisco mis-parse of the founding case.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toHex } from '../../codec/bytes';
import { nodeCrypto } from '../../codec/crypto-node';
import { FOUNDING_CASE_STACK, layout } from '../../codec/layout';
import { ciscoMisparseView, decryptedView } from '../../codec/views';

test('decrypted view of the founding case: IPv6 | DestOpt(nh 47) | GRE | IPv4, lengths fixed', () => {
  const r = layout(FOUNDING_CASE_STACK, 1500, { crypto: nodeCrypto, innerLength: 84 });
  const v = decryptedView(r.decoded)!;
  assert.deepEqual(v.errors, []);
  assert.deepEqual(v.layers.map((l) => l.name), ['IPv6', 'Destination Options', 'GRE', 'IPv4', 'ICMP', 'Payload']);
  // 40 + 8 + 4 + 84: ESP header, IV, trailer and ICV gone
  assert.equal(v.bytes.length, 136);
  assert.equal(toHex(v.bytes, 40, 48), '2f00040104010100');
  assert.equal((v.bytes[4] << 8) | v.bytes[5], 96);
  assert.ok(v.notes.every((n) => n.code !== 'bad-checksum'));
});

test('Cisco mis-parse: next header GRE, the DestOpt bytes read as a GRE header with protocol 0x0401', () => {
  const r = layout(FOUNDING_CASE_STACK, 1500, { crypto: nodeCrypto, innerLength: 84 });
  const v = ciscoMisparseView(r.decoded)!;
  assert.deepEqual(v.layers.map((l) => l.name), ['IPv6', 'GRE', 'Payload']);
  assert.equal(v.bytes[6], 47);
  // on the wire the DestOpt's next header is 50 (ESP): 32 00 04 01 04 01 01 00
  assert.equal(toHex(v.bytes, 40, 48), '3200040104010100');
  const gre = v.layers[1];
  assert.equal(gre.fields.find((f) => f.name === 'Protocol Type')?.value, '0x0401');
  assert.equal(gre.fields.find((f) => f.name === 'Flags and Version')?.value, '0x3200'); // K and S bits set by the option bytes
  assert.ok(v.notes.some((n) => n.code === 'encaplimit-transport-interop'));
});

test('no mis-parse view without the founding-case shape; tunnel-mode decrypted view is the inner packet', () => {
  assert.equal(ciscoMisparseView(layout({ ...FOUNDING_CASE_STACK, encapLimit: 'none' }, 1500, { crypto: nodeCrypto }).decoded), undefined);
  const t = layout({ ...FOUNDING_CASE_STACK, esp: 'tunnel' }, 1500, { crypto: nodeCrypto, innerLength: 100 });
  assert.equal(ciscoMisparseView(t.decoded), undefined);
  const v = decryptedView(t.decoded)!;
  assert.deepEqual(v.layers.map((l) => l.name), ['IPv6', 'Destination Options', 'GRE', 'IPv4', 'ICMP', 'Payload']);
  assert.equal(v.bytes.length, 40 + 8 + 4 + 100);
  // also works on a sample built without crypto (webview path)
  const clear = layout(FOUNDING_CASE_STACK, 1500, { innerLength: 84 });
  assert.equal(toHex(ciscoMisparseView(clear.decoded)!.bytes), toHex(ciscoMisparseView(layout(FOUNDING_CASE_STACK, 1500, { crypto: nodeCrypto, innerLength: 84 }).decoded)!.bytes));
  assert.equal(decryptedView(layout({ ...FOUNDING_CASE_STACK, esp: 'none' }, 1500).decoded), undefined);
});

test('codec/ imports nothing from node or vscode except crypto-node.ts', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const dir = join(__dirname, '..', '..', 'codec');
  const offenders = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && f !== 'crypto-node.ts')
    .filter((f) => /from\s+['"](node:|vscode|fs|crypto|path|os)['"/]/.test(readFileSync(join(dir, f), 'utf8')) || /require\(/.test(readFileSync(join(dir, f), 'utf8')));
  assert.deepEqual(offenders, []);
  assert.doesNotMatch(readFileSync(join(dir, 'index.ts'), 'utf8'), /from '\.\/crypto-node'/);
});
