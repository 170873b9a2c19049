// The keyfile keys that hold a secret (languages/shared/secretSlots.ts; docs/reference/ifcfg.md §8,
// docs/reference/nm-libreswan.md §3): every key of [vpn-secrets], a VPN plugin's secret data
// items, the Wi-Fi, 802.1X, mobile broadband, PPPoE, DSL and MACsec secrets, WireGuard's private
// key and each peer's pre-shared key. A GRE `input-key`/`output-key` of [ip-tunnel] is no secret.
import type { IniSecretSlot } from '../shared/iniFeatures';

const WIFI_SECURITY = ['psk', 'wep-key0', 'wep-key1', 'wep-key2', 'wep-key3', 'leap-password'];

export const NM_SECRET_SLOTS: readonly IniSecretSlot[] = [
  { id: 'nm-connection/vpn-secrets', section: 'vpn-secrets', where: '[vpn-secrets] every key (pskvalue, xauthpassword, password …)' },
  { id: 'nm-connection/vpn-data', section: 'vpn', keys: ['pskvalue', 'xauthpassword', 'password', 'psk', 'cert-pass', 'http-proxy-password'], where: '[vpn] a secret written as a data item' },
  { id: 'nm-connection/wifi-security', section: 'wifi-security', keys: WIFI_SECURITY, where: '[wifi-security] psk=, wep-key0= …, leap-password=' },
  { id: 'nm-connection/wifi-security-long', section: '802-11-wireless-security', keys: WIFI_SECURITY, where: '[802-11-wireless-security] (the long section name) psk= …' },
  {
    id: 'nm-connection/802-1x',
    section: '802-1x',
    keys: ['password', 'password-raw', 'private-key-password', 'phase2-private-key-password', 'pin', 'ca-cert-password', 'client-cert-password', 'phase2-ca-cert-password', 'phase2-client-cert-password'],
    where: '[802-1x] password=, private-key-password=, pin= …',
  },
  { id: 'nm-connection/wireguard-private-key', section: 'wireguard', keys: ['private-key'], where: '[wireguard] private-key=' },
  { id: 'nm-connection/wireguard-peer-psk', section: 'wireguard-peer.', keys: ['preshared-key'], where: '[wireguard-peer.PUBLICKEY] preshared-key=' },
  { id: 'nm-connection/pppoe', section: 'pppoe', keys: ['password'], where: '[pppoe] password=' },
  { id: 'nm-connection/gsm', section: 'gsm', keys: ['password', 'pin'], where: '[gsm] password=, pin=' },
  { id: 'nm-connection/cdma', section: 'cdma', keys: ['password'], where: '[cdma] password=' },
  { id: 'nm-connection/adsl', section: 'adsl', keys: ['password'], where: '[adsl] password=' },
  { id: 'nm-connection/macsec', section: 'macsec', keys: ['mka-cak'], where: '[macsec] mka-cak=' },
  { id: 'nm-connection/psk-anywhere', section: '*', keys: ['psk'], where: 'psk= in any section' },
];
