// Generators for the benchmarks (deterministic): a large realistic IOS config, a large ipsec.conf,
// and a hub workspace of N peer pairs (one IOS hub, N Libreswan spokes).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ip4 = (n: number, base = 10) => `${base}.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
/** Spoke public addresses in 198.18.0.0/15 (the benchmarking range), unique for i < 64,000. */
const spokeAddr = (i: number) => `198.${18 + (Math.floor(i / 250) >> 8)}.${Math.floor(i / 250) & 255}.${(i % 250) + 1}`;

/** A realistic IOS config of about `lines` lines: interfaces, tunnels, crypto maps, ACLs, BGP, QoS, routes. */
export function genIos(lines: number): string {
  const out: string[] = [
    'Building configuration...',
    '',
    'Current configuration : 4242424 bytes',
    '!',
    'version 15.7',
    'service timestamps debug datetime msec',
    'service timestamps log datetime msec',
    'service password-encryption',
    '!',
    'hostname BIG-HUB',
    '!',
    'boot-start-marker',
    'boot-end-marker',
    '!',
    'no aaa new-model',
    'ip cef',
    'ipv6 unicast-routing',
    '!',
    'crypto ikev2 proposal PROP-A',
    ' encryption aes-cbc-256 aes-cbc-128',
    ' integrity sha256 sha1',
    ' group 14 19',
    '!',
    'crypto ikev2 policy POL-A',
    ' proposal PROP-A',
    '!',
    'crypto ikev2 keyring KR',
    ' peer ANY',
    '  address 0.0.0.0 0.0.0.0',
    '  pre-shared-key N0tAR3alK3y',
    ' !',
    '!',
    'crypto ikev2 profile PROF-A',
    ' match identity remote address 0.0.0.0',
    ' authentication remote pre-share',
    ' authentication local pre-share',
    ' keyring local KR',
    '!',
    'crypto ipsec transform-set TS-A esp-aes 256 esp-sha256-hmac',
    ' mode tunnel',
    'crypto ipsec transform-set TS-T esp-aes esp-sha-hmac',
    ' mode transport',
    '!',
    'crypto ipsec profile IPSEC-A',
    ' set transform-set TS-A',
    ' set ikev2-profile PROF-A',
    '!',
    'class-map match-any VOICE',
    ' match dscp ef',
    'class-map match-any VIDEO',
    ' match dscp af41',
    '!',
  ];
  // Sections repeated round-robin until the size is reached; each is a few lines.
  let i = 0;
  const cmapEntries: string[] = [];
  const bgpN = Math.max(10, Math.floor(lines / 200));
  while (out.length + cmapEntries.length + 3 * bgpN + 20 < lines) {
    const k = i % 8;
    const n = i++;
    switch (k) {
      case 0:
        out.push(
          `interface GigabitEthernet0/${(n >> 8) & 255}/${n & 255}`,
          ` description access port ${n} to site ${n % 977}`,
          ` ip address ${ip4(n * 4 + 1, 172)} 255.255.255.252`,
          ` ipv6 address 2001:DB8:${(n & 0xffff).toString(16)}::1/64`,
          ' ip access-group ACL-IN-' + (n % 50) + ' in',
          ' service-policy output WAN-QOS',
          ' no shutdown',
          '!',
        );
        break;
      case 1:
        out.push(
          `interface Tunnel${n}`,
          ` description GRE to spoke ${n}`,
          ` ip address ${ip4(n * 4 + 1, 10)} 255.255.255.252`,
          ' ip mtu 1400',
          ' ip tcp adjust-mss 1360',
          ' tunnel source GigabitEthernet0/0/0',
          ` tunnel destination ${spokeAddr(n)}`,
          ' tunnel protection ipsec profile IPSEC-A',
          '!',
        );
        break;
      case 2:
        out.push(
          `ip access-list extended CM-ACL-${n}`,
          ` permit ip 192.168.0.0 0.0.255.255 ${ip4(n << 8, 10)} 0.0.0.255`,
          ` deny   ip any host ${ip4(n, 172)}`,
          '!',
        );
        cmapEntries.push(`crypto map CMAP ${cmapEntries.length + 10} ipsec-isakmp`, ` set peer ${spokeAddr(n)}`, ' set transform-set TS-A', ` match address CM-ACL-${n}`, '!');
        break;
      case 3:
        out.push(
          `ip access-list extended ACL-IN-${n}`,
          ' remark generated filter',
          ` permit tcp any host ${ip4(n, 172)} eq 443`,
          ` permit udp any any eq 500`,
          ` permit esp any any`,
          ` deny   ip any any log`,
          '!',
        );
        break;
      case 4:
        out.push(
          `policy-map QOS-${n}`,
          ' class VOICE',
          '  priority percent 10',
          ' class VIDEO',
          '  bandwidth remaining percent 30',
          ' class class-default',
          '  fair-queue',
          '!',
        );
        break;
      case 5:
        out.push(`route-map RM-${n} permit 10`, ` match ip address prefix-list PL-${n}`, ` set local-preference ${100 + (n % 50)}`, '!', `ip prefix-list PL-${n} seq 5 permit ${ip4(n << 8, 10)}/24`);
        break;
      case 6:
        out.push(`ip route ${ip4(n << 8, 10)} 255.255.255.0 Tunnel${n - 5}`, `ipv6 route 2001:DB8:${(n & 0xffff).toString(16)}:1::/64 Null0`);
        break;
      case 7:
        out.push(`object-group network OG-${n}`, ` host ${ip4(n, 172)}`, ` ${ip4(n << 8, 10)} 255.255.255.0`, '!');
        break;
    }
  }
  // Crypto map entries and BGP at the end (a real config's order).
  out.push(...cmapEntries);
  out.push('!', 'router bgp 65000', ' bgp log-neighbor-changes');
  for (let b = 0; b < bgpN; b++) out.push(` neighbor ${ip4(b * 4 + 2, 10)} remote-as ${65001 + b}`, ` neighbor ${ip4(b * 4 + 2, 10)} description spoke-${b}`);
  out.push(' !', ' address-family ipv4');
  for (let b = 0; b < bgpN; b++) out.push(`  neighbor ${ip4(b * 4 + 2, 10)} activate`);
  out.push(' exit-address-family', '!', 'interface GigabitEthernet0/0/0', ' description WAN', ' ip address 203.0.113.1 255.255.255.0', ' crypto map CMAP', '!');
  out.push('line con 0', ' login', 'line vty 0 4', ' transport input ssh', '!', 'end', '');
  return out.join('\n');
}

/** A Libreswan ipsec.conf of about `lines` lines: config setup, %default, many conns, also= chains. */
export function genIpsecConf(lines: number): string {
  const out = ['# tunnel-lens: libreswan 4.10', 'config setup', '\tlogfile=/var/log/pluto.log', '\tuniqueids=yes', '', 'conn %default', '\tikev2=insist', '\tikelifetime=24h', '', 'conn common', '\tauthby=secret', '\tauto=add', ''];
  let i = 0;
  while (out.length < lines) {
    const n = i++;
    out.push(
      `# site ${n}`,
      `conn site-${n}`,
      '\talso=common',
      '\ttype=tunnel',
      '\tleft=203.0.113.1',
      `\tright=${spokeAddr(n)}`,
      '\tleftsubnet=192.168.0.0/16',
      `\trightsubnet=${ip4(n << 8, 10)}/24`,
      '\tike=aes256-sha2_256;modp2048',
      '\tesp=aes256-sha2_256',
      '\tpfs=yes',
      '\tsalifetime=1h',
      '',
    );
  }
  return out.join('\n');
}

export const HUB_ADDR = '203.0.113.1';

/** Hub IOS config with n peers: even peers via Tunnel interfaces (tunnel protection), odd peers via crypto map entries. */
export function genHub(n: number): string {
  const out = [
    '!',
    'version 15.7',
    'hostname HUB',
    '!',
    'crypto ikev2 proposal PROP-A',
    ' encryption aes-cbc-256',
    ' integrity sha256',
    ' group 14',
    '!',
    'crypto ikev2 policy POL-A',
    ' proposal PROP-A',
    '!',
    'crypto ikev2 keyring KR',
    ' peer ANY',
    '  address 0.0.0.0 0.0.0.0',
    '  pre-shared-key N0tAR3alK3y',
    ' !',
    '!',
    'crypto ikev2 profile PROF-A',
    ' match identity remote address 0.0.0.0',
    ' authentication remote pre-share',
    ' authentication local pre-share',
    ' keyring local KR',
    '!',
    'crypto ipsec transform-set TS-A esp-aes 256 esp-sha256-hmac',
    ' mode tunnel',
    '!',
    'crypto ipsec profile IPSEC-A',
    ' set transform-set TS-A',
    ' set pfs group14',
    ' set ikev2-profile PROF-A',
    '!',
  ];
  const cmap: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      out.push(
        `interface Tunnel${i}`,
        ` description spoke ${i}`,
        ` ip address ${ip4(i * 4 + 1, 10)} 255.255.255.252`,
        ' ip mtu 1400',
        ' tunnel source GigabitEthernet0/0/0',
        ` tunnel destination ${spokeAddr(i)}`,
        ' tunnel protection ipsec profile IPSEC-A',
        '!',
      );
    } else {
      out.push(`ip access-list extended SPOKE-${i}`, ` permit ip 192.168.0.0 0.0.255.255 ${ip4(i << 8, 10)} 0.0.0.255`, '!');
      cmap.push(`crypto map CMAP ${i} ipsec-isakmp`, ` set peer ${spokeAddr(i)}`, ' set transform-set TS-A', ' set pfs group14', ' set ikev2-profile PROF-A', ` match address SPOKE-${i}`, '!');
    }
  }
  out.push(...cmap);
  out.push('interface GigabitEthernet0/0/0', ' description WAN', ` ip address ${HUB_ADDR} 255.255.255.0`, ' crypto map CMAP', '!', 'end', '');
  return out.join('\n');
}

/** The ipsec.conf of spoke i of genHub. */
export function genSpoke(i: number, variant = 0): string {
  const common = ['\tikev2=insist', '\tauthby=secret', `\tleft=${spokeAddr(i)}`, `\tright=${HUB_ADDR}`, '\tike=aes256-sha2_256;modp2048', `\tesp=aes256-sha2_256`, '\tpfs=yes', `\tsalifetime=${variant ? 2 : 1}h`, '\tauto=start'];
  if (i % 2 === 0) {
    return ['# tunnel-lens: libreswan 4.10', 'config setup', '\tlogfile=/var/log/pluto.log', '', `conn hub-gre-${i}`, '\ttype=tunnel', '\tleftprotoport=gre', '\trightprotoport=gre', ...common, ''].join('\n');
  }
  return ['# tunnel-lens: libreswan 4.10', 'config setup', '\tlogfile=/var/log/pluto.log', '', `conn hub-${i}`, '\ttype=tunnel', `\tleftsubnet=${ip4(i << 8, 10)}/24`, '\trightsubnet=192.168.0.0/16', ...common, ''].join('\n');
}

/** Writes a hub workspace of n pairs into a new temp dir; returns its path and file paths. */
export function writeHubWorkspace(n: number): { dir: string; hub: string; spokes: string[] } {
  const dir = mkdtempSync(join(tmpdir(), `tl-hub${n}-`));
  const hub = join(dir, 'hub', 'hub-confg');
  mkdirSync(join(dir, 'hub'));
  writeFileSync(hub, genHub(n));
  const spokes: string[] = [];
  for (let i = 0; i < n; i++) {
    const d = join(dir, 'spokes', `spoke-${i}`);
    mkdirSync(d, { recursive: true });
    const f = join(d, 'ipsec.conf');
    writeFileSync(f, genSpoke(i));
    spokes.push(f);
  }
  return { dir, hub, spokes };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
