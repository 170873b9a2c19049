// The planted secrets of the marker test (test/protocol/secret-markers.test.ts): a workspace of
// files in which every slot of every dialect's table of secret slots holds a unique marker, in its
// well-formed forms and in malformed ones, beside a GRE key that must keep showing.
//
// To add a dialect: put its table in TABLES (the very table its features read) and its files in
// FILES, each secret written with `s(slotId)` (or `s(slotId, true)` on a malformed line). The test
// holds every row of every table to at least one planted marker.
import type { SecretSlot } from '../../server/src/languages/shared/secretSlots';
import type { LanguageId } from '../../server/src/core/types';
import { IPSEC_CONF_SECRET_SLOTS } from '../../server/src/languages/ipsec-conf/secrets';
import { ALL_IPSEC_SECRETS_SLOTS } from '../../server/src/languages/ipsec-secrets/secrets';
import { IFCFG_SECRET_SLOTS } from '../../server/src/languages/ifcfg/secrets';
import { NM_SECRET_SLOTS } from '../../server/src/languages/nm-connection/secrets';
import { NETDEV_SECRET_SLOTS } from '../../server/src/languages/systemd-netdev/secrets';
import { SHELL_SECRET_SLOTS } from '../../server/src/languages/shared/ip/secrets';
import { IOS_SECRET_SLOTS } from '../../server/src/languages/cisco-ios/secrets';
import { SWANCTL_SECRET_SLOTS } from '../../server/src/languages/swanctl-conf/secrets';
import { NETPLAN_SECRET_SLOTS } from '../../server/src/languages/netplan/secrets';
import { IFUPDOWN_SECRET_SLOTS } from '../../server/src/languages/ifupdown/secrets';

/** Every dialect's table of secret slots, as its features read it. */
export const TABLES: Partial<Record<LanguageId, readonly SecretSlot[]>> = {
  'ipsec-conf': IPSEC_CONF_SECRET_SLOTS,
  'ipsec-secrets': ALL_IPSEC_SECRETS_SLOTS,
  ifcfg: IFCFG_SECRET_SLOTS,
  'nm-connection': NM_SECRET_SLOTS,
  'systemd-netdev': NETDEV_SECRET_SLOTS,
  shellscript: SHELL_SECRET_SLOTS,
  'cisco-ios': IOS_SECRET_SLOTS,
  'swanctl-conf': SWANCTL_SECRET_SLOTS,
  netplan: NETPLAN_SECRET_SLOTS,
  ifupdown: IFUPDOWN_SECRET_SLOTS,
};

/** What every marker contains: no output may hold it, whole or in part. */
export const MARKER_CORE = 'x7Q9';
/** A GRE key: no secret, it must keep showing. */
export const GRE_KEY = '2718281828';

export interface Planted {
  file: string;
  dialect: LanguageId;
  slot: string;
  marker: string;
  malformed: boolean;
}

export interface PlantedFile {
  /** Path inside the workspace. */
  path: string;
  dialect: LanguageId;
  text: string;
}

type Plant = (slot: string, malformed?: boolean) => string;

/** The files of the marker workspace, and every marker planted in them. */
export function markerWorkspace(): { files: PlantedFile[]; planted: Planted[] } {
  const planted: Planted[] = [];
  const files: PlantedFile[] = [];
  let n = 0;
  const file = (path: string, dialect: LanguageId, build: (s: Plant) => string) => {
    const s: Plant = (slot, malformed = false) => {
      const marker = `MARKER${MARKER_CORE}${(n++).toString(36).padStart(3, '0')}Zq`;
      planted.push({ file: path, dialect, slot, marker, malformed });
      return marker;
    };
    files.push({ path, dialect, text: build(s) });
  };

  file('host/etc/ipsec.conf', 'ipsec-conf', (s) =>
    [
      '# tunnel-lens: libreswan 4.10',
      'config setup',
      '\tlogfile=/tmp/pluto.log',
      'conn gre6',
      '\tleft=2001:db8:a::1',
      '\tright=2001:db8:b::1',
      '\tauthby=secret',
      '\ttype=transport',
      '\tleftprotoport=gre',
      '\trightprotoport=gre',
      '\tauto=start',
      'conn keys',
      '\tleft=192.0.2.50',
      '\tright=192.0.2.51',
      `\tpsk=${s('ipsec-conf/psk')}`,
      `\tleftpsk=${s('ipsec-conf/psk')}`,
      `\tright-pskvalue=${s('ipsec-conf/psk')}`,
      `\trightxauthpassword=${s('ipsec-conf/xauth-password')}`,
      `\txauthpass=${s('ipsec-conf/xauth-password')}`,
      `\tleftpassword=${s('ipsec-conf/password')}`,
      `\tsecret=${s('ipsec-conf/password')}`,
      `\tleftprivatekey=${s('ipsec-conf/private-key')}`,
      `\tleftpsk=${s('ipsec-conf/psk', true)} ${s('ipsec-conf/psk', true)}`,
      `\tpskvalue="${s('ipsec-conf/psk', true)} ${s('ipsec-conf/psk', true)}`,
      `\txauthpassword=${s('ipsec-conf/xauth-password', true)}"${s('ipsec-conf/xauth-password', true)}`,
      'include /etc/ipsec.d/*.conf',
      '',
    ].join('\n'),
  );
  file('host/etc/ipsec.d/extra.conf', 'ipsec-conf', (s) => ['conn extra', '\tleft=192.0.2.1', '\tright=192.0.2.2', `\tpassword=${s('ipsec-conf/password')}`, ''].join('\n'));
  file('ss/ipsec.conf', 'ipsec-conf', (s) =>
    [
      '# tunnel-lens: strongswan 5.9',
      'conn a',
      '\tleft=192.0.2.1',
      '\tright=192.0.2.2',
      `\tleftpsk="${s('ipsec-conf/psk')} and ${s('ipsec-conf/psk')}"`,
      `\teappassword=${s('ipsec-conf/password')}`,
      `\tprivkey=${s('ipsec-conf/private-key')}`,
      `\txauthpassword=${s('ipsec-conf/xauth-password', true)}=${s('ipsec-conf/xauth-password', true)}`,
      '',
    ].join('\n'),
  );
  file('host/etc/ipsec.secrets', 'ipsec-secrets', (s) =>
    [
      `2001:db8:a::1 2001:db8:b::1 : PSK "${s('ipsec-secrets/psk')}"`,
      `@u1 : XAUTH "${s('ipsec-secrets/xauth')}"`,
      `@u2 : EAP ${s('ipsec-secrets/eap')}`,
      `@u3 : NTLM "${s('ipsec-secrets/ntlm')}"`,
      `@p1 : PPK "${s('ipsec-secrets/ppk')}"`,
      `: PIN %smartcard1:01 ${s('ipsec-secrets/pin')}`,
      `: RSA /etc/ipsec.d/private/k.pem "${s('ipsec-secrets/key-passphrase')}"`,
      `: ECDSA k.pem ${s('ipsec-secrets/key-passphrase')}`,
      `: P12 /etc/ipsec.d/c.p12 "${s('ipsec-secrets/p12-passphrase')}"`,
      ': RSA {',
      `\tModulus: 0x${s('ipsec-secrets/inline-key')}`,
      `\tPrivateExponent: 0x${s('ipsec-secrets/inline-key')}`,
      '\t}',
      `192.0.2.30 192.0.2.31 : "${s('ipsec-secrets/psk-typeless')}"`,
      `192.0.2.9 : ${s('ipsec-secrets/unknown-type', true)}`,
      `@h @i : PSK${s('ipsec-secrets/unknown-type', true)}`,
      `192.0.2.10 "${s('ipsec-secrets/no-colon', true)}"`,
      `192.0.2.11 : PSK "${s('ipsec-secrets/psk', true)}`,
      `@u4 : XAUTH ${s('ipsec-secrets/xauth', true)} ${s('ipsec-secrets/xauth', true)}`,
      'include /etc/ipsec.d/*.secrets',
      '',
    ].join('\n'),
  );
  file('host/etc/ipsec.d/peer.secrets', 'ipsec-secrets', (s) => [`192.0.2.40 : PSK "${s('ipsec-secrets/psk')}"`, ''].join('\n'));
  // The other end of conn gre6, with another key: psk-mismatch must say so without either key.
  file('peer/etc/ipsec.conf', 'ipsec-conf', () =>
    ['# tunnel-lens: libreswan 4.10', 'conn gre6', '\tleft=2001:db8:b::1', '\tright=2001:db8:a::1', '\tauthby=secret', '\ttype=transport', '\tleftprotoport=gre', '\trightprotoport=gre', '\tauto=start', ''].join('\n'),
  );
  file('peer/etc/ipsec.secrets', 'ipsec-secrets', (s) => [`2001:db8:b::1 2001:db8:a::1 : PSK "${s('ipsec-secrets/psk')}"`, ''].join('\n'));

  file('host/etc/sysconfig/network-scripts/ifcfg-ipsec0', 'ifcfg', (s) =>
    [
      'DEVICE=ipsec0',
      'TYPE=IPSEC',
      'DST=192.0.2.2',
      `IKE_PSK=${s('ifcfg/ike-psk')}`,
      `IPSEC_PSK="${s('ifcfg/ipsec-psk')}"`,
      `KEY_AH_IN=0x${s('ifcfg/manual-keys')}`,
      `KEY_AH_OUT=0x${s('ifcfg/manual-keys')}`,
      `KEY_ESP_IN=0x${s('ifcfg/manual-keys')}`,
      `KEY_ESP_OUT=0x${s('ifcfg/manual-keys')}`,
      `PASSWORD=${s('ifcfg/password')}`,
      `WPA_PSK='${s('ifcfg/wpa-psk')}'`,
      `KEY1=${s('ifcfg/wep-keys')}`,
      `KEY_PASSPHRASE2=${s('ifcfg/wep-keys')}`,
      `IEEE_8021X_PASSWORD=${s('ifcfg/8021x')}`,
      `IEEE_8021X_PRIVATE_KEY_PASSWORD=${s('ifcfg/8021x')}`,
      `MACSEC_MKA_CAK=${s('ifcfg/macsec-cak')}`,
      `VPN_PSK=${s('ifcfg/any-psk')}`,
      `KEY_EXTRA=${s('ifcfg/any-key')}`,
      `MY_PASSPHRASE=${s('ifcfg/any-password')}`,
      `IKE_PSK=${s('ifcfg/ike-psk', true)} ${s('ifcfg/ike-psk', true)}`,
      `WPA_PSK=$(${s('ifcfg/wpa-psk', true)})`,
      `export PASSWORD=${s('ifcfg/password', true)}`,
      `IPSEC_PSK='${s('ifcfg/ipsec-psk', true)}'"${s('ifcfg/ipsec-psk', true)}"\\ x`,
      `MY_PASSWORD="${s('ifcfg/any-password', true)}`,
      '',
    ].join('\n'),
  );
  file('host/etc/sysconfig/network-scripts/ifcfg-gre1', 'ifcfg', () => ['DEVICE=gre1', 'TYPE=GRE', 'MY_OUTER_IPADDR=192.0.2.1', 'PEER_OUTER_IPADDR=192.0.2.2', `KEY=${GRE_KEY}`, ''].join('\n'));

  file('host/etc/NetworkManager/system-connections/all.nmconnection', 'nm-connection', (s) =>
    [
      '[connection]',
      'id=all',
      'type=wifi',
      '[wifi-security]',
      `psk=${s('nm-connection/wifi-security')}`,
      `wep-key0=${s('nm-connection/wifi-security')}`,
      `leap-password=${s('nm-connection/wifi-security')}`,
      '[802-11-wireless-security]',
      `psk=${s('nm-connection/wifi-security-long')}`,
      '[802-1x]',
      `password=${s('nm-connection/802-1x')}`,
      `private-key-password=${s('nm-connection/802-1x')}`,
      `pin=${s('nm-connection/802-1x')}`,
      '[wireguard]',
      `private-key=${s('nm-connection/wireguard-private-key')}`,
      '[wireguard-peer.cGVlcnB1YmxpY2tleQ==]',
      `preshared-key=${s('nm-connection/wireguard-peer-psk')}`,
      '[pppoe]',
      `password=${s('nm-connection/pppoe')}`,
      '[gsm]',
      `password=${s('nm-connection/gsm')}`,
      `pin=${s('nm-connection/gsm')}`,
      '[cdma]',
      `password=${s('nm-connection/cdma')}`,
      '[adsl]',
      `password=${s('nm-connection/adsl')}`,
      '[macsec]',
      `mka-cak=${s('nm-connection/macsec')}`,
      '[team]',
      `psk=${s('nm-connection/psk-anywhere')}`,
      '[vpn]',
      'service-type=org.freedesktop.NetworkManager.openvpn',
      `password=${s('nm-connection/vpn-data')}`,
      '[vpn-secrets]',
      `password=${s('nm-connection/vpn-secrets')}`,
      `cert-pass=${s('nm-connection/vpn-secrets')}`,
      `${s('nm-connection/vpn-secrets', true)}`,
      `${s('nm-connection/vpn-secrets', true)} ${s('nm-connection/vpn-secrets', true)}`,
      '[wifi-security]',
      `psk ${s('nm-connection/wifi-security', true)}`,
      '',
    ].join('\n'),
  );
  file('host/etc/NetworkManager/system-connections/ls.nmconnection', 'nm-connection', (s) =>
    [
      '[connection]',
      'id=ls',
      'type=vpn',
      '[vpn]',
      'service-type=org.freedesktop.NetworkManager.libreswan',
      'right=2001:db8:c::1',
      'leftid=@west',
      'pskvalue-flags=0',
      `pskvalue=${s('nm-connection/vpn-data')}`,
      '[vpn-secrets]',
      `pskvalue=${s('nm-connection/vpn-secrets')}`,
      `xauthpassword=${s('nm-connection/vpn-secrets')}`,
      '',
    ].join('\n'),
  );
  file('host/etc/NetworkManager/system-connections/gre2.nmconnection', 'nm-connection', () =>
    ['[connection]', 'id=gre2', 'type=ip-tunnel', 'interface-name=gre2', '[ip-tunnel]', 'mode=2', 'local=192.0.2.1', 'remote=192.0.2.5', `input-key=${GRE_KEY}`, `output-key=${GRE_KEY}`, ''].join('\n'),
  );

  file('host/etc/systemd/network/wg0.netdev', 'systemd-netdev', (s) =>
    [
      '[NetDev]',
      'Name=wg0',
      'Kind=wireguard',
      '[WireGuard]',
      `PrivateKey=${s('systemd-netdev/wireguard-private-key')}`,
      'PrivateKeyFile=/etc/wg.key',
      '[WireGuardPeer]',
      'PublicKey=cGVlcnB1YmxpY2tleQ==',
      `PresharedKey=${s('systemd-netdev/wireguard-preshared-key')}`,
      '[WireGuard]',
      `${s('systemd-netdev/wireguard-private-key', true)}`,
      `PrivateKey=${s('systemd-netdev/wireguard-private-key', true)}\\`,
      `${s('systemd-netdev/wireguard-private-key', true)}`,
      '',
    ].join('\n'),
  );
  file('host/etc/systemd/network/macsec0.netdev', 'systemd-netdev', (s) =>
    [
      '[NetDev]',
      'Name=macsec0',
      'Kind=macsec',
      '[MACsecTransmitAssociation]',
      `Key=${s('systemd-netdev/macsec-tx-key')}`,
      '[MACsecReceiveAssociation]',
      `Key=${s('systemd-netdev/macsec-rx-key')}`,
      '[MACsecReceiveAssociation]',
      `Key ${s('systemd-netdev/macsec-rx-key', true)}`,
      '',
    ].join('\n'),
  );
  file('host/etc/systemd/network/gre3.netdev', 'systemd-netdev', () => ['[NetDev]', 'Name=gre3', 'Kind=gre', '[Tunnel]', 'Local=192.0.2.1', 'Remote=192.0.2.6', `Key=${GRE_KEY}`, ''].join('\n'));

  file('host/scripts/xfrm.sh', 'shellscript', (s) =>
    [
      '#!/bin/sh',
      `ip xfrm state add src 2001:db8:a::1 dst 2001:db8:b::1 proto esp spi 0x100 mode transport enc 'cbc(aes)' 0x${s('shellscript/xfrm-enc')} auth 'hmac(sha256)' 0x${s('shellscript/xfrm-auth')}`,
      `ip xfrm state add src 2001:db8:a::1 dst 2001:db8:b::1 proto esp spi 0x101 mode transport auth-trunc 'hmac(sha256)' ${s('shellscript/xfrm-auth-trunc')} 128`,
      `ip x s add src 2001:db8:a::1 dst 2001:db8:b::1 proto esp spi 0x102 mode transport aead 'rfc4106(gcm(aes))' "${s('shellscript/xfrm-aead')}" 128`,
      `ip macsec add macsec0 tx sa 0 pn 1 on key 01 ${s('shellscript/macsec-key')}`,
      `ip macsec add macsec0 rx port 1 address c6:19:52:8f:e6:a0 sa 0 pn 1 on key 02 ${s('shellscript/macsec-key')}`,
      `K=${s('shellscript/xfrm-enc')}`,
      `ip xfrm state add src 2001:db8:a::1 dst nowhere proto bogus spi 0x103 mode bad enc aes $K auth sha1 ${s('shellscript/xfrm-auth', true)}`,
      `ip xfrm state add src 2001:db8:a::1 dst 2001:db8:b::1 spi zz enc aes ${s('shellscript/xfrm-enc', true)}${s('shellscript/xfrm-enc', true)}`,
      `ip link add gre4 type gre local 192.0.2.1 remote 192.0.2.7 key ${GRE_KEY}`,
      '',
    ].join('\n'),
  );

  file('router/r1-confg', 'cisco-ios', (s) =>
    [
      'version 15.7',
      'hostname r1',
      `enable secret 9 ${s('cisco-ios/enable')}`,
      `enable password ${s('cisco-ios/enable')}`,
      `enable secret level 5 5 ${s('cisco-ios/enable')}`,
      `username admin privilege 15 secret 5 ${s('cisco-ios/username')}`,
      `username bob password 0 ${s('cisco-ios/username')}`,
      `username carl privilege 15 algorithm-type scrypt secret ${s('cisco-ios/username')}`,
      `crypto isakmp key 0 ${s('cisco-ios/isakmp-key')} address 192.0.2.61`,
      `crypto isakmp key ${s('cisco-ios/isakmp-key')} hostname peer.example`,
      `cry isa key 6 ${s('cisco-ios/isakmp-key')} address ipv6 2001:db8:e::1/128`,
      'crypto keyring KR',
      ` pre-shared-key address 192.0.2.62 key 7 ${s('cisco-ios/keyring-psk')}`,
      ` pre-shared-key hostname peer.example key ${s('cisco-ios/keyring-psk')}`,
      'crypto ikev2 keyring K2',
      ' peer P',
      '  address 192.0.2.63',
      `  pre-shared-key local 0 ${s('cisco-ios/ikev2-keyring-psk')}`,
      `  pre-shared-key remote ${s('cisco-ios/ikev2-keyring-psk')}`,
      ' peer Q',
      '  address 192.0.2.64 255.255.255.255',
      `  pre-shared-key 6 ${s('cisco-ios/ikev2-keyring-psk')}`,
      'crypto ikev2 profile PR',
      ' match identity remote address 192.0.2.63 255.255.255.255',
      ` authentication local pre-share key ${s('cisco-ios/ikev2-profile-psk')}`,
      ' authentication remote pre-share',
      ' keyring local K2',
      `snmp-server community ${s('cisco-ios/snmp-community')} RO 10`,
      `snmp-server host 192.0.2.70 version 2c ${s('cisco-ios/snmp-community')}`,
      `snmp-server user U G v3 auth sha ${s('cisco-ios/snmp-community')} priv aes 128 ${s('cisco-ios/snmp-community')}`,
      `tacacs-server key 7 ${s('cisco-ios/aaa-server-key')}`,
      `radius-server host 192.0.2.71 auth-port 1645 key ${s('cisco-ios/aaa-server-key')}`,
      'tacacs server T1',
      ' address ipv4 192.0.2.72',
      ` key 7 ${s('cisco-ios/aaa-server-key')}`,
      'radius server R1',
      ` key ${s('cisco-ios/aaa-server-key')}`,
      'key chain KC',
      ' key 1',
      `  key-string 7 ${s('cisco-ios/key-string')}`,
      'interface Serial0/0',
      ' ip address 192.0.2.1 255.255.255.0',
      ` ppp chap password 0 ${s('cisco-ios/ppp-password')}`,
      ` ppp pap sent-username u password ${s('cisco-ios/ppp-password')}`,
      ` ip ospf message-digest-key 1 md5 ${s('cisco-ios/ospf-md5')}`,
      ` ip ospf authentication-key 7 ${s('cisco-ios/authentication-key')}`,
      'interface Tunnel7',
      ' ip address 10.7.0.1 255.255.255.252',
      ` ip nhrp authentication ${s('cisco-ios/nhrp-authentication')}`,
      ' tunnel source 192.0.2.1',
      ' tunnel destination 192.0.2.63',
      ` tunnel key ${GRE_KEY}`,
      ' tunnel protection ipsec profile IP',
      'crypto ipsec profile IP',
      ' set ikev2-profile PR',
      `ntp authentication-key 1 md5 ${s('cisco-ios/ntp-key')} 7`,
      'router ospf 1',
      ` area 0 authentication-key ${s('cisco-ios/authentication-key')}`,
      'router bgp 65000',
      ` neighbor 192.0.2.73 password 7 ${s('cisco-ios/neighbor-password')}`,
      'line vty 0 4',
      ` password 7 ${s('cisco-ios/line-password')}`,
      'crypto isakmp client configuration group G',
      ` key ${s('cisco-ios/client-group-key')}`,
      'crypto map M 10 ipsec-manual',
      ` set session-key inbound esp 256 cipher ${s('cisco-ios/manual-session-key')} authenticator ${s('cisco-ios/manual-session-key')}`,
      ` set session-key outbound ah 257 ${s('cisco-ios/manual-session-key')}`,
      // Malformed: a key without its address, a keyring key without `key`, a password with blanks, a lone type word.
      `crypto isakmp key ${s('cisco-ios/isakmp-key', true)}`,
      'crypto keyring KR2',
      ` pre-shared-key address 192.0.2.65 ${s('cisco-ios/keyring-psk', true)}`,
      `username dave password ${s('cisco-ios/username', true)} ${s('cisco-ios/username', true)} !${s('cisco-ios/username', true)}`,
      `no snmp-server community ${s('cisco-ios/snmp-community', true)}`,
      'end',
      '',
    ].join('\n'),
  );

  file('ss/swanctl/swanctl.conf', 'swanctl-conf', (s) =>
    [
      '# tunnel-lens: strongswan 5.9',
      'connections {',
      '  gw {',
      '    local_addrs = 192.0.2.80',
      '    remote_addrs = 192.0.2.81',
      '    local { auth = psk',
      '      id = a.example }',
      '    remote { auth = psk',
      '      id = b.example }',
      '    children { c { esp_proposals = aes128-sha1 } }',
      '  }',
      '}',
      `top = ${s('swanctl-conf/any-in-secrets')}`,
      'secrets {',
      '  ike-1 {',
      '    id-a = a.example',
      `    secret = ${s('swanctl-conf/shared-secret')}`,
      '  }',
      `  eap-x { id = u\n    secret = "${s('swanctl-conf/shared-secret')} and more" }`,
      `  xauth-y { secret = 0x${s('swanctl-conf/shared-secret')} }`,
      `  ntlm-z { secret = 0s${s('swanctl-conf/shared-secret')} }`,
      `  ppk-1 { id = a.example\n    secret = ${s('swanctl-conf/shared-secret')} }`,
      `  private-k { file = k.pem\n    secret = ${s('swanctl-conf/key-passphrase')} }`,
      `  rsa-2 { file = r.pem\n    secret = "${s('swanctl-conf/key-passphrase')}" }`,
      `  pkcs12-3 { file = c.p12\n    secret = ${s('swanctl-conf/key-passphrase')} }`,
      `  token-1 { handle = 01\n    slot = 1\n    module = m\n    pin = ${s('swanctl-conf/token-pin')} }`,
      `  bogus-1 { secret = ${s('swanctl-conf/any-in-secrets')} }`,
      `  ike-2 { pin = ${s('swanctl-conf/any-in-secrets')}\n    secret = ${s('swanctl-conf/shared-secret')} }`,
      '}',
      '',
    ].join('\n'),
  );
  file('ss/swanctl/conf.d/bad.conf', 'swanctl-conf', (s) =>
    [
      'secrets {',
      '  ike-3 {',
      `    secret ${s('swanctl-conf/shared-secret', true)}`,
      `    secret = ${s('swanctl-conf/shared-secret', true)} } ${s('swanctl-conf/shared-secret', true)}`,
      `    secret = "${s('swanctl-conf/shared-secret', true)}`,
      '  }',
      '}',
      '',
    ].join('\n'),
  );

  file('host/etc/netplan/01-net.yaml', 'netplan', (s) =>
    [
      'network:',
      '  version: 2',
      '  wifis:',
      '    wl0:',
      '      access-points:',
      '        home:',
      `          password: ${s('netplan/wifi-password')}`,
      '        corp:',
      '          auth:',
      '            key-management: eap',
      '            identity: me',
      `            password: "${s('netplan/auth-password')}"`,
      `            client-key-password: ${s('netplan/auth-password')}`,
      '  ethernets:',
      '    eth0:',
      '      auth:',
      '        key-management: 802.1x',
      `        password: '${s('netplan/auth-password')}'`,
      '      networkmanager:',
      '        passthrough:',
      `          vpn.secrets.password: ${s('netplan/any-password')}`,
      '  modems:',
      '    cdc0:',
      '      apn: internet',
      `      password: ${s('netplan/modem')}`,
      `      pin: ${s('netplan/modem')}`,
      '  tunnels:',
      '    wg0:',
      '      mode: wireguard',
      `      key: ${s('netplan/wireguard-private-key')}`,
      '      peers:',
      '        - keys:',
      '            public: cGVlcnB1YmxpY2tleQ==',
      `            shared: ${s('netplan/wireguard-peer-psk')}`,
      '          allowed-ips: [10.9.0.0/24]',
      '    wg1:',
      '      mode: wireguard',
      '      keys:',
      `        private: ${s('netplan/wireguard-private-key')}`,
      '    gre5:',
      '      mode: gre',
      '      local: 192.0.2.1',
      '      remote: 192.0.2.90',
      `      key: ${GRE_KEY}`,
      '',
    ].join('\n'),
  );
  file('host/etc/netplan/90-bad.yaml', 'netplan', (s) =>
    ['network:', '  wifis:', '    wl1:', '      access-points:', '        x:', `          password: "${s('netplan/wifi-password', true)} ${s('netplan/wifi-password', true)}`, ''].join('\n'),
  );

  file('host/etc/network/interfaces', 'ifupdown', (s) =>
    [
      'auto wlan0',
      'iface wlan0 inet dhcp',
      '    wpa-ssid home',
      `    wpa-psk ${s('ifupdown/wpa-psk')}`,
      `    wpa-passphrase "${s('ifupdown/wpa-psk')}"`,
      `    wpa-password ${s('ifupdown/wpa-password')}`,
      `    wpa-private-key-passwd ${s('ifupdown/wpa-password')}`,
      `    wpa-wep-key0 ${s('ifupdown/wpa-wep-key')}`,
      `    wireless-key ${s('ifupdown/wireless-key')}`,
      `    wireless-key2 s:${s('ifupdown/wireless-key')}`,
      `    vpn-psk ${s('ifupdown/any-secret')}`,
      `    pre-up ip xfrm state add src 192.0.2.1 dst 192.0.2.2 proto esp spi 0x200 mode transport enc 'cbc(aes)' 0x${s('shellscript/xfrm-enc')} auth 'hmac(sha1)' 0x${s('shellscript/xfrm-auth')}`,
      `    wpa-psk ${s('ifupdown/wpa-psk', true)} ${s('ifupdown/wpa-psk', true)}`,
      `    wpa-password "${s('ifupdown/wpa-password', true)}`,
      `    wireless-key ${s('ifupdown/wireless-key', true)} \\`,
      `        ${s('ifupdown/wireless-key', true)}`,
      '',
    ].join('\n'),
  );
  return { files, planted };
}
