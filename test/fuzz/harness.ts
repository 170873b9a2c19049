// The fuzz harness shared by test/fuzz/fuzz.test.ts (seeded, 5,000 cases) and bench/fuzz.ts
// (100,000+ cases per dialect): mutations of the corpus files (read in place from ../shared/corpus),
// of samples/ and of the test fixtures, plus random bytes, fed to the language service (parse, every
// per-file and peer check, hover, completion, symbols, folding, code actions, definition,
// references) and to the pcap decoder. A failure is an exception escaping, a "failed while …"
// internal-error finding (a dialect or check that threw), or a case over the time limit.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../../server/src/service/languageService';
import { DEFAULT_SETTINGS, type FileSystem } from '../../server/src/core/types';
import { fromHex } from '../../codec/bytes';
import { nodeCrypto } from '../../codec/crypto-node';
import type { EspSa } from '../../codec/espAlgorithms';
import { decodePacket } from '../../codec/packet';
import { readCapture } from '../../codec/pcap';
import { Code } from '../../server/src/core/codes';
import { LANGUAGE_IDS } from '../../server/src/core/languages';
import { ledgerOf } from '../helpers/ledger';

export const ROOT = resolve(__dirname, '../..');
export const CORPUS = resolve(ROOT, '../shared/corpus');

export const DIALECT_IDS = LANGUAGE_IDS;
export type DialectId = (typeof DIALECT_IDS)[number];

import { prng } from '../helpers/prng';
export { prng };

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else if (st.size < 200_000) out.push(p);
  }
  return out;
}

/** The dialect a seed file feeds, by name (corpus folders by their kind). */
function dialectOfPath(p: string): DialectId | undefined {
  const base = p.split('/').pop()!;
  if (/\.(pcap|pcapng|csv|tsv|md)$|MANIFEST|SHA256SUMS|esp_sa|tunnel-lens\.json$/i.test(base)) return undefined;
  if ((p.includes('/corpus/strongswan-swanctl/') && !p.includes('/tools/')) || (/(^|\/)swanctl\.conf$|\/swanctl\/(conf\.d\/)?[^/]*\.conf$/.test(p) && !p.includes('/strongswan.d/'))) return 'swanctl-conf';
  if (/\.secrets$|secrets/i.test(base)) return 'ipsec-secrets';
  if (/^ifcfg-/.test(base)) return 'ifcfg';
  if (/\.(netdev|network)$/.test(base) || /\.(netdev|network)\.d\/[^/]+\.conf$/.test(p)) return 'systemd-netdev';
  if (/(^|\/)network\/interfaces(\.d\/[^/]+)?$/.test(p)) return 'ifupdown';
  if (/(^|\/)netplan\/[^/]+\.yaml$/.test(p)) return 'netplan';
  if (/\.nmconnection$/.test(base)) return 'nm-connection';
  if (/^ifup-|^ifdown-|\.sh$/.test(base)) return 'shellscript';
  if (p.includes('/corpus/ios/') || /-confg$|\.ios$|\.cfg$|ios-snippet$/.test(base)) return 'cisco-ios';
  if (p.includes('/corpus/libreswan') || p.includes('/corpus/strongswan') || /\.conf$/.test(base)) return 'ipsec-conf';
  return undefined;
}

/** Seed texts per dialect: corpus files, samples, fixtures, and a few written here for the thin ones. */
export function loadSeeds(): Record<DialectId, string[]> {
  const seeds = Object.fromEntries(DIALECT_IDS.map((d) => [d, [] as string[]])) as Record<DialectId, string[]>;
  const files = [...walk(join(CORPUS, 'libreswan')), ...walk(join(CORPUS, 'libreswan-v4.10')), ...walk(join(CORPUS, 'strongswan')), ...walk(join(CORPUS, 'strongswan-swanctl')), ...walk(join(CORPUS, 'ios')), ...walk(join(ROOT, 'samples')), ...walk(join(ROOT, 'test/fixtures'))];
  for (const f of files) {
    const d = dialectOfPath(f);
    if (d) seeds[d].push(readFileSync(f, 'latin1'));
  }
  seeds.shellscript.push(
    '#!/bin/sh\nip -6 tunnel add tun10 mode ip6gre local 2001:db8:a::1 remote 2001:db8:b::1 encaplimit none\nip link set tun10 up mtu 1448\nip addr add 10.10.10.1/30 dev tun10\n',
    '#!/bin/bash\nif [ "$1" = tun10 ]; then\n  ip link add tun10 type ip6gre local 2001:db8:a::1 remote 2001:db8:b::1 encaplimit none ttl 64 key 42\n  ip -6 tunnel change tun10 encaplimit 4\n  ip xfrm state add src 2001:db8:a::1 dst 2001:db8:b::1 proto esp spi 0x1001 mode transport enc "cbc(aes)" 0x00112233445566778899aabbccddeeff\nfi\n',
  );
  seeds['systemd-netdev'].push('[NetDev]\nName=tun10\nKind=ip6gre\nMTUBytes=1448\n\n[Tunnel]\nLocal=2001:db8:a::1\nRemote=2001:db8:b::1\nEncapsulationLimit=none\nKey=7\n');
  seeds['nm-connection'].push('[connection]\nid=tun10\ntype=ip-tunnel\ninterface-name=tun10\n\n[ip-tunnel]\nmode=ip6gre\nlocal=2001:db8:a::1\nremote=2001:db8:b::1\nflags=1\nencapsulation-limit=4\n\n[ipv4]\nmethod=manual\naddress1=10.10.10.1/30\n');
  seeds.ifupdown.push(
    'source /etc/network/interfaces.d/*\nsource-directory interfaces.d\nauto tun10\niface tun10 inet tunnel\n\tmode ip6gre\n\tendpoint 2001:db8:b::1\n\tlocal 2001:db8:a::1 # comment\n\taddress 192.0.2.1\n\tnetmask 30\n\tencaplimit none\n\tup ip link set dev $IFACE type ip6gre \\\n\t  encaplimit none\n\tpre-up ip -6 tunnel change tun10 encaplimit none; ip addr add 10.0.0.1/30 dev $IFACE\n\tdown ip link del $IFACE\n\nmapping eth*\n\tscript /usr/local/bin/map\n\tmap eth0\n',
    '# tunnel-lens: ifupdown-ng\niface tun11\n\tuse tunnel\n\ttunnel-mode ip6gretap\n\ttunnel-local-dev ens3\n\ttunnel-remote 2001:db8:b::1\n\ttunnel-encaplimit none\n\ttunnel-ignore-df yes\n\tencaplimit none\n\taddress 192.0.2.9/30\n\tinherits base\ntemplate base\n\tmtu 1400\niface ens3 inet6 static\n\taddress 2001:db8:a::1/64\n\tgateway 2001:db8:a::ffff\n\twpa-psk TEST-ONLY-fuzz-wifi-psk\n',
  );
  seeds.netplan.push(
    'network:\n  version: 2\n  renderer: NetworkManager\n  ethernets:\n    ens3:\n      addresses: [203.0.113.5/24, "2001:db8:a::5/64": {label: x}]\n      gateway6: 2001:db8:a::1\n  tunnels:\n    tun10:\n      mode: ip6gre\n      remote: 2001:db8:b::1\n      keys: {input: 5, output: 6}\n      networkmanager:\n        passthrough:\n          ip-tunnel.flags: "1"\n    wg0:\n      mode: wireguard\n      keys:\n        private: TEST-ONLY-fuzz-wg-key\n---\n',
    'network:\n  tunnels:\n    t: {mode: ipip6, local: 2001:db8::1, remote: 2001:db8::2, ttl: 300, encaplimit: none, mtu: 99999}\n  bogus: 1\n',
  );
  seeds['systemd-netdev'].push('[Match]\nName=tun10 tun*\n\n[Link]\nMTUBytes=1400\n\n[Network]\nAddress=192.0.2.5/30\nGateway=192.0.2.6\nTunnel=tun10\n\n[Address]\nAddress=2001:db8::1/64\n\n[Route]\nGateway=2001:db8::ffff\n');
  seeds['nm-connection'].push('[connection]\nid=vpn\ntype=vpn\n\n[vpn]\nikev2=permit\nright=198.51.100.2\nleftid=host\nike=aes256-sha2;modp2048\nesp=aes_gcm256\npfs=yes\ntype=transport\nleftprotoport=gre/0\nrightsubnet=192.0.2.0/24\nnm-auto-defaults=no\nservice-type=org.freedesktop.NetworkManager.libreswan\n\n[vpn-secrets]\npskvalue=TEST-ONLY-fuzz-vpn-psk\nxauthpassword=TEST-ONLY-fuzz-xauth\n');
  seeds['ipsec-secrets'].push('2001:db8:a::1 2001:db8:b::1 : PSK "secret"\n%any : RSA "key.pem"\ninclude /etc/ipsec.d/*.secrets\n@left @right : PSK 0sYWJjZA==\n');
  return seeds;
}

const NOISE_WORDS = [
  'conn', 'also=', 'include', '%default', '=', '"', "'", '\\', '#', '!', ';', ',', '{', '}', '[', ']', '${', '$(', '`', '^C', 'banner motd', 'interface',
  'crypto map X 10 ipsec-isakmp', 'tunnel mode gre ipv6', 'exit', 'end', 'no', 'quit', 'certificate', 'key-string', 'ip -6 tunnel add', 'encaplimit',
  'mode', 'type=', 'left=', 'right=', 'ike=', 'esp=', '0x', '::', '255.255.255.255', '/129', '99999999999999999999', '-1', 'NaN', '\u0000', '\uffff',
  '\ud800', '\u202e', '\r', '\t', '    ', '\n\n\n', 'TYPE=GRE6', 'DEVICE=', '[Tunnel]', '[ip-tunnel]', 'flags=', 'PSK', ':',
];

/** One mutation of a text (or a few stacked), driven by the PRNG. */
export function mutate(text: string, rnd: () => number, others: readonly string[]): string {
  const int = (n: number) => Math.floor(rnd() * n);
  let s = text;
  const rounds = 1 + int(4);
  for (let r = 0; r < rounds; r++) {
    const at = int(s.length + 1);
    switch (int(12)) {
      case 0: // flip a character
        s = s.slice(0, at) + String.fromCharCode(int(rnd() < 0.9 ? 128 : 0x10000)) + s.slice(at + 1);
        break;
      case 1: // delete a range
        s = s.slice(0, at) + s.slice(at + int(200));
        break;
      case 2: // duplicate a range
        s = s.slice(0, at) + s.slice(at, at + int(400)) + s.slice(at);
        break;
      case 3: // insert a noise word
        s = s.slice(0, at) + NOISE_WORDS[int(NOISE_WORDS.length)] + s.slice(at);
        break;
      case 4: // splice a piece of another seed
        {
          const o = others[int(others.length)] ?? '';
          const from = int(o.length + 1);
          s = s.slice(0, at) + o.slice(from, from + int(600)) + s.slice(at);
        }
        break;
      case 5: // truncate
        s = s.slice(0, at);
        break;
      case 6: // shuffle lines
        {
          const lines = s.split('\n');
          for (let i = 0; i < 3 && lines.length > 1; i++) {
            const a = int(lines.length);
            const b = int(lines.length);
            [lines[a], lines[b]] = [lines[b], lines[a]];
          }
          s = lines.join('\n');
        }
        break;
      case 7: // indentation changes
        s = s.replace(/\n[ \t]*/g, (m) => (rnd() < 0.1 ? '\n' + ' '.repeat(int(6)) : m));
        break;
      case 8: // numbers to extremes
        s = s.replace(/\d+/g, (m) => (rnd() < 0.1 ? ['0', '4294967296', '65536', '999999999999999999999', '-5', '1e309'][int(6)] : m));
        break;
      case 9: // random bytes
        s = s.slice(0, at) + Array.from({ length: int(64) }, () => String.fromCharCode(int(256))).join('') + s.slice(at);
        break;
      case 10: // line endings
        s = rnd() < 0.5 ? s.replace(/\n/g, '\r\n') : s.replace(/\n/g, '\r');
        break;
      case 11: // a very long line
        s = s.slice(0, at) + 'x'.repeat(int(20_000)) + s.slice(at);
        break;
    }
  }
  return s;
}

export interface Failure {
  dialect: string;
  case: number;
  what: string;
  input: string;
}

const FILE_NAMES: Record<DialectId, string> = {
  'ipsec-conf': 'ipsec.conf',
  'swanctl-conf': 'swanctl.conf',
  'ipsec-secrets': 'ipsec.secrets',
  'cisco-ios': 'router-confg',
  ifcfg: 'ifcfg-tun10',
  shellscript: 'ifup-local',
  'systemd-netdev': 'tun10.netdev',
  'nm-connection': 'tun10.nmconnection',
  ifupdown: 'network/interfaces',
  netplan: 'netplan/60-tunnels.yaml',
};

/** A language service over an in-memory file system (one peer file stays in it for pairing). */
export function fuzzService(files: Map<string, string>) {
  const fs: FileSystem = {
    readFile: (uri) => files.get(uri),
    readDirectory: (uri) => [...files.keys()].filter((k) => k.startsWith(uri.replace(/\/?$/, '/'))),
  };
  return new LanguageService({ fs, settings: () => DEFAULT_SETTINGS });
}

/**
 * Runs one text through the service and every feature; returns what went wrong, if anything.
 * `timeLimitMs`: a case slower than this is a failure.
 */
export function runCase(service: LanguageService, dialect: DialectId, text: string, rnd: () => number, n: number, timeLimitMs = 1000): string | undefined {
  const uri = `file:///fuzz/${n % 4}/${FILE_NAMES[dialect]}`;
  // CPU time of this process, not wall time: the other processes of a shared machine do not count.
  const c0 = process.cpuUsage();
  try {
    service.workspace.openDocument(TextDocument.create(uri, dialect, n + 1, text));
    const findings = service.findings(uri);
    const internal = findings.find((f) => f.code === Code.internalError || /This is a bug in Tunnel Lens/.test(f.message));
    if (internal) return `internal error finding: ${internal.message}`;
    // No line silently dropped, on fuzzed input too (core/lines.ts).
    const ledger = ledgerOf(service, uri);
    if (ledger && ledger.dropped > 0) return `dropped lines: ${ledger.dropped}, first at line ${ledger.droppedLines[0] + 1}`;
    service.diagnostics(uri);
    const lines = text.split(/\r\n|\r|\n/);
    const pos = () => {
      const line = Math.floor(rnd() * (lines.length + 1));
      return { line, character: Math.floor(rnd() * ((lines[line]?.length ?? 0) + 3)) };
    };
    for (let i = 0; i < 3; i++) service.hover(uri, pos());
    for (let i = 0; i < 2; i++) service.complete(uri, pos());
    service.symbols(uri);
    service.folding(uri);
    const a = pos();
    service.codeActions(uri, { start: a, end: pos() });
    for (const f of findings.slice(0, 3)) service.codeActions(uri, f.range);
    service.definition(uri, pos());
    service.references(uri, pos());
  } catch (e) {
    return `exception: ${e instanceof Error ? `${e.message}\n${e.stack?.split('\n').slice(1, 6).join('\n')}` : String(e)}`;
  } finally {
    service.workspace.delete(uri);
  }
  const c = process.cpuUsage(c0);
  const ms = (c.user + c.system) / 1000;
  if (ms > timeLimitMs) return `slow: ${ms.toFixed(0)} ms of CPU`;
  return undefined;
}

/** Fuzzes one dialect for `cases` cases; returns the failures and the time taken. */
export function fuzzDialect(dialect: DialectId, seeds: string[], cases: number, seed: number, timeLimitMs = 1000) {
  const rnd = prng(seed);
  // The founding-case peers stay in the workspace so that fuzzed files also go through pairing and the peer checks.
  const files = new Map<string, string>();
  const service = fuzzService(files);
  const sample = (p: string) => join(ROOT, 'samples/founding-case', p);
  for (const [p, id] of [['cisco/c897va-confg', 'cisco-ios'], ['linux/ipsec.conf', 'ipsec-conf'], ['linux/ifcfg-tun10', 'ifcfg']] as const) {
    if (!existsSync(sample(p))) continue;
    const uri = `file:///fuzz/${p}`;
    files.set(uri, readFileSync(sample(p), 'utf8'));
    service.workspace.openDocument(TextDocument.create(uri, id, 1, files.get(uri)!));
  }
  const failures: Failure[] = [];
  const t0 = performance.now();
  let slowest = 0;
  for (let n = 0; n < cases; n++) {
    const base = seeds.length ? seeds[Math.floor(rnd() * seeds.length)] : '';
    const text = rnd() < 0.05 ? Array.from({ length: Math.floor(rnd() * 2000) }, () => String.fromCharCode(Math.floor(rnd() * 256))).join('') : mutate(base, rnd, seeds);
    const c0 = performance.now();
    const state = rnd(); // the feature positions of a re-run repeat the first run's
    let what = runCase(service, dialect, text, prng(state * 2 ** 32), n, timeLimitMs);
    // On a shared machine (the test tiers run two files at once) a GC pause or another process can
    // make one case slow: it must be slow three times running to count.
    for (let retry = 0; retry < 2 && what?.startsWith('slow'); retry++) what = runCase(service, dialect, text, prng(state * 2 ** 32), n, timeLimitMs);
    slowest = Math.max(slowest, performance.now() - c0);
    if (what) failures.push({ dialect, case: n, what, input: text });
  }
  return { failures, ms: performance.now() - t0, slowest };
}

export const BENCH_SA: EspSa = {
  spi: 0x1001,
  enc: 'aes-cbc-128',
  encKey: fromHex('00112233445566778899aabbccddeeff')!,
  integ: 'hmac-sha1-96',
  integKey: fromHex('0102030405060708090a0b0c0d0e0f1011121314')!,
};

export function loadPcapSeeds(): Uint8Array[] {
  return walk(join(CORPUS, 'pcaps'))
    .filter((f) => /\.pcap(ng)?$/.test(f))
    .map((f) => new Uint8Array(readFileSync(f)));
}

/** Fuzzes the capture reader and the packet decoder (with and without the SA, with the clear-ESP view). */
export function fuzzPcap(seeds: Uint8Array[], cases: number, seed: number, timeLimitMs = 1000) {
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const failures: Failure[] = [];
  const t0 = performance.now();
  let slowest = 0;
  let packets = 0;
  for (let n = 0; n < cases; n++) {
    let b: Uint8Array;
    if (rnd() < 0.05 || seeds.length === 0) b = Uint8Array.from({ length: int(3000) }, () => int(256));
    else {
      b = seeds[int(seeds.length)].slice();
      const rounds = 1 + int(8);
      for (let r = 0; r < rounds; r++) {
        const at = int(b.length);
        const k = int(5);
        if (k <= 1) b[at] = int(256);
        else if (k === 2) b = b.slice(0, at);
        else if (k === 3) b[at] ^= 1 << int(8);
        else {
          const c = new Uint8Array(b.length + 16);
          c.set(b.subarray(0, at));
          for (let i = 0; i < 16; i++) c[at + i] = int(256);
          c.set(b.subarray(at), at + 16);
          b = c;
        }
      }
    }
    const c0 = performance.now();
    try {
      const cap = readCapture(b);
      for (const p of cap.packets.slice(0, 50)) {
        packets++;
        decodePacket(p.data, p.linkType, { sas: [BENCH_SA, { ...BENCH_SA, spi: p.data.length > 60 ? ((p.data[54] << 24) | (p.data[55] << 16) | (p.data[56] << 8) | p.data[57]) >>> 0 : 1 }], crypto: nodeCrypto });
        decodePacket(p.data, p.linkType, { sas: [BENCH_SA], espClear: true });
        decodePacket(p.data, int(300), {});
      }
    } catch (e) {
      failures.push({ dialect: 'pcap', case: n, what: `exception: ${e instanceof Error ? `${e.message}\n${e.stack?.split('\n').slice(1, 5).join('\n')}` : String(e)}`, input: Buffer.from(b).toString('base64') });
    }
    const ms = performance.now() - c0;
    slowest = Math.max(slowest, ms);
    if (ms > timeLimitMs) failures.push({ dialect: 'pcap', case: n, what: `slow: ${ms.toFixed(0)} ms`, input: Buffer.from(b).toString('base64') });
  }
  return { failures, ms: performance.now() - t0, slowest, packets };
}
