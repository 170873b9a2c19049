// What the fuzzers found (test/fuzz, bench/fuzz.ts), each pinned at the depth it was fixed.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../../server/src/service/languageService';
import { analysePeers } from '../../server/src/service/peers';
import { joinUri } from '../../server/src/core/uri';
import { buildRegistry } from '../../server/src/service/registry';
import { DEFAULT_SETTINGS, type ParsedFile } from '../../server/src/core/types';
import type { Endpoint } from '../../server/src/core/endpoint';
import { costRatio, growthRatio } from '../helpers/growth';

const noFs = { readFile: () => undefined, readDirectory: () => undefined };

test('shellscript: a long word after `ip … remote` is not quadratic in the $1-guard search (time grows linearly)', () => {
  const work = (n: number) => {
    const text = '#!/bin/sh\nPEER=2001:db8:b::1\nip link add name tun40 type ip6gre local ::1 remo' + 'x'.repeat(n) + '\nip link set tun40 up\nip -6 tunnel change tun40 encaplimit none\n';
    return () => {
      const service = new LanguageService({ fs: noFs, settings: () => DEFAULT_SETTINGS });
      const uri = 'file:///r/ifup-local';
      service.workspace.openDocument(TextDocument.create(uri, 'shellscript', 1, text));
      service.findings(uri);
    };
  };
  // Quadratic (the bug: every start inside the word re-scanned it) makes four times the input cost
  // sixteen times the time; linear, four. The bound sits between them.
  const g = growthRatio(work, 100_000, 4, 3);
  assert.ok(g.ratio < 8, `four times the word multiplied the time by ${g.ratio.toFixed(2)} (${g.small.toFixed(0)} → ${g.large.toFixed(0)} ms)`);
});

test('shellscript: the $1 guard is still found after the fix (word = $1 and $1 = word)', () => {
  const service = new LanguageService({ fs: noFs, settings: () => DEFAULT_SETTINGS });
  for (const guard of ['[ "$1" = tun10 ]', '[ tun10 = "$1" ]']) {
    const uri = `file:///g/${guard.length}/ifup-local`;
    service.workspace.openDocument(TextDocument.create(uri, 'shellscript', 1, `#!/bin/sh\nif ${guard}; then\n  ip -6 tunnel change tun10 encaplimit none\nfi\n`));
    assert.ok(service.parse(uri));
  }
});

test('peer analysis: more endpoints than a call takes arguments (a file near the size limit) does not overflow the stack', () => {
  const eps = Array.from({ length: 300_000 }, (_, i) => ({ uri: 'file:///big/router-confg', id: `e${i}`, name: `Tunnel${i}`, vendor: 'cisco' }) as unknown as Endpoint);
  const file = { uri: 'file:///big/router-confg', version: 1, languageId: 'cisco-ios', text: '', findings: [], endpoints: eps, symbols: [], references: [], folding: [], dependencies: [], tree: undefined } as unknown as ParsedFile;
  const r = analysePeers([file], buildRegistry(), DEFAULT_SETTINGS, noFs);
  assert.equal(r.endpoints.length, 300_000);
});

test('ipsec-secrets: an include pattern with a malformed [class] is matched literally, not a parser crash', () => {
  const service = new LanguageService({ fs: noFs, settings: () => DEFAULT_SETTINGS });
  for (const pattern of ['/etc/ipsec.d/*.se[z-a]', '/etc/ipsec.d/*[Åê', 'ipsec.d/[6}}-e.secrets']) {
    const uri = `file:///s/${pattern.length}/ipsec.secrets`;
    service.workspace.openDocument(TextDocument.create(uri, 'ipsec-secrets', 1, `192.0.2.1 192.0.2.2 : PSK "x"\ninclude ${pattern}\n`));
    const bug = service.findings(uri).filter((f) => /bug in Tunnel Lens/.test(f.message));
    assert.deepEqual(bug, []);
  }
});

test('include paths with a lone surrogate (ipsec.conf and ipsec.secrets) resolve instead of throwing URI malformed', () => {
  const service = new LanguageService({ fs: noFs, settings: () => DEFAULT_SETTINGS });
  const cases: [string, string, string][] = [
    ['ipsec-secrets', 'ipsec.secrets', '192.0.2.1 : PSK "x"\ninclude /etc/ipsec.d/i\ud800psec.secrets\ninclude rel/\udc00x.secrets\n'],
    ['ipsec-conf', 'ipsec.conf', 'config setup\ninclude /etc/ipsec.d/i\ud800psec.conf\nconn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n'],
  ];
  for (const [id, name, text] of cases) {
    const uri = `file:///u/${name}`;
    service.workspace.openDocument(TextDocument.create(uri, id, 1, text));
    assert.deepEqual(service.findings(uri).filter((f) => /bug in Tunnel Lens/.test(f.message)).map((f) => f.message), []);
  }
});

test('ipsec-conf: did-you-mean on a 19,000-character unknown keyword does not measure it against every keyword', () => {
  const run = (line: string) => () => {
    const service = new LanguageService({ fs: noFs, settings: () => DEFAULT_SETTINGS });
    const uri = 'file:///k/ipsec.conf';
    service.workspace.openDocument(TextDocument.create(uri, 'ipsec-conf', 1, `conn a\n\tleft=192.0.2.1\n${line}\n\tright=192.0.2.2\n\tleftsubnt=10.0.0.0/24\n`));
    return service.findings(uri);
  };
  // The same bytes as a value of a known key cost no did-you-mean: the two must cost about the same
  // (before the fix, measuring the huge key against every keyword made it ~100 times dearer).
  const huge = `\tlef${'tx'.repeat(9500)}=1`;
  const r = costRatio(run(huge), run(`\tleftid=@lef${'tx'.repeat(9500)}`));
  assert.ok(r.ratio < 5, `the unknown key cost ${r.ratio.toFixed(1)} times the known one (${r.a.toFixed(0)} vs ${r.b.toFixed(0)} ms)`);
  // Did-you-mean still works for a near miss.
  const f = run(huge)();
  assert.ok(f.some((x) => x.code === 'unknown-keyword' && /leftsubnet/.test(x.message)), JSON.stringify(f.map((x) => x.message)));
});

test('shellscript: a device name with a lone surrogate (its sibling ifcfg-… uri) is not a "URI malformed" crash', () => {
  const service = new LanguageService({ fs: noFs, settings: () => DEFAULT_SETTINGS });
  const uri = 'file:///ls/ifup-local';
  const text = '#!/bin/sh\nip -6 tunnel add tun10 mode ipip6 local 2001:db8:a::1 remote 2001:db8:b::1 encaplimit none\nip link set tun10 mtu 1400 up\nip addr add 10.10.10.1/30 dev tu\ud800n10\nip -6 tunnel change t\udc00 encaplimit 4\n';
  service.workspace.openDocument(TextDocument.create(uri, 'shellscript', 1, text));
  assert.deepEqual(service.findings(uri).filter((f) => /bug in Tunnel Lens/.test(f.message)).map((f) => f.message), []);
  assert.equal(service.symbols(uri).length, 4);
  // The uri helper itself: a lone surrogate is U+FFFD, as the file system would take it.
  assert.equal(joinUri('file:///etc/sysconfig/network-scripts', 'ifcfg-tu\ud800n10'), 'file:///etc/sysconfig/network-scripts/ifcfg-tu%EF%BF%BDn10');
});

test('ifcfg (and the other ini dialects): did-you-mean on a 20,000-character unknown key does not measure it against every key', () => {
  const service = new LanguageService({ fs: noFs, settings: () => DEFAULT_SETTINGS });
  const uri = 'file:///k/ifcfg-tun10';
  // Ten 20,000-character keys cost about what ten 20,000-character values of a known key cost
  // (300–400 ms of Levenshtein against every key before the fix, a few ms after).
  const cost = (text: string) => () => {
    const s2 = new LanguageService({ fs: noFs, settings: () => DEFAULT_SETTINGS });
    s2.workspace.openDocument(TextDocument.create(uri, 'ifcfg', 1, text));
    s2.findings(uri);
  };
  const r = costRatio(cost(`DEVICE=tun10\nTYPE=IPIP6\n${`${'X'.repeat(20_000)}DEVICE=tun10\n`.repeat(10)}`), cost(`DEVICE=tun10\nTYPE=IPIP6\n${`NAME=${'X'.repeat(20_000)}\n`.repeat(10)}`));
  assert.ok(r.ratio < 5, `the unknown keys cost ${r.ratio.toFixed(1)} times the known ones (${r.a.toFixed(0)} vs ${r.b.toFixed(0)} ms)`);
  service.workspace.openDocument(TextDocument.create(uri, 'ifcfg', 1, `DEVICE=tun10\nTYPE=IPIP6\n${`${'X'.repeat(20_000)}DEVICE=tun10\n`.repeat(10)}DEVCE=tun10\n`));
  const f = service.findings(uri);
  // Did-you-mean still works for a near miss, and not for the huge key.
  assert.ok(f.some((x) => x.code === 'unknown-keyword' && /DEVCE .*Did you mean DEVICE\?/.test(x.message)), JSON.stringify(f.map((x) => x.message)));
  assert.ok(f.some((x) => x.code === 'unknown-keyword' && x.message.startsWith('XXXX') && !/Did you mean/.test(x.message)));
});
