// The netplan keys that hold a secret (languages/shared/secretSlots.ts; docs/reference/netplan.md
// §5): a Wi-Fi access point's `password`, the 802.1X `auth:` passwords, a modem's password and PIN,
// a WireGuard tunnel's private key (`keys: private`, or a scalar `key` on a wireguard tunnel) and a
// peer's pre-shared key (`keys: shared`). A scalar `key`, `keys: input`/`output` of a GRE or VTI tunnel is its GRE
// key: no secret, and it keeps showing; `private-key-flags` says where NetworkManager keeps the key
// and is none. A path is the keys from the document's root, sequence items left out
// (`network tunnels wg0 peers keys shared`).
import type { SecretSlot } from '../shared/secretSlots';

export interface NetplanSecretSlot extends SecretSlot {
  /** Whether the value at this path (and, for `key`, the tunnel's mode and the value) is this secret. */
  test(path: readonly string[], tunnelMode: string | undefined, value: string | undefined): boolean;
}

const last = (p: readonly string[]) => p[p.length - 1];
const under = (p: readonly string[], key: string) => p.slice(0, -1).includes(key);
/** A GRE key as netplan takes it: a number or a dotted quad. */
const GRE_KEY = /^\d+(\.\d+){3}$|^\d+$/;

export const NETPLAN_SECRET_SLOTS: readonly NetplanSecretSlot[] = [
  {
    id: 'netplan/wifi-password',
    where: 'wifis: DEV: access-points: SSID: password:',
    test: (p) => last(p) === 'password' && p[1] === 'wifis' && under(p, 'access-points') && !under(p, 'auth'),
  },
  {
    id: 'netplan/auth-password',
    where: 'auth: password:, auth: client-key-password: (802.1X, Wi-Fi WPA-EAP)',
    test: (p) => (last(p) === 'password' || last(p) === 'client-key-password') && under(p, 'auth'),
  },
  {
    id: 'netplan/wireguard-private-key',
    where: 'tunnels: DEV: keys: private: (or key: private:), or key: KEY on a wireguard tunnel',
    test: (p, mode, value) =>
      p[1] === 'tunnels' &&
      ((p.length === 5 && (p[3] === 'keys' || p[3] === 'key') && last(p) === 'private') || (p.length === 4 && p[3] === 'key' && (mode === 'wireguard' || (value !== undefined && !GRE_KEY.test(value.trim()))))),
  },
  {
    id: 'netplan/wireguard-peer-psk',
    where: 'tunnels: DEV: peers: - keys: shared:',
    test: (p) => p[1] === 'tunnels' && under(p, 'peers') && p[p.length - 2] === 'keys' && last(p) === 'shared',
  },
  {
    id: 'netplan/modem',
    where: 'modems: DEV: password:, pin: (the carrier network\'s password, the SIM PIN)',
    test: (p) => p[1] === 'modems' && p.length === 4 && (last(p) === 'password' || last(p) === 'pin'),
  },
  {
    id: 'netplan/any-password',
    where: 'any other password:, *-password:, *.password:, psk: or private-key: key (NetworkManager passthrough secrets too)',
    test: (p) => /(^|[-._])(password|psk)$|^private-key$/.test(last(p) ?? ''),
  },
];

/** The slot the value at a path is, if it holds a secret. */
export function netplanSecretSlot(path: readonly string[], tunnelMode?: string, value?: string): NetplanSecretSlot | undefined {
  return NETPLAN_SECRET_SLOTS.find((s) => s.test(path, tunnelMode, value));
}
