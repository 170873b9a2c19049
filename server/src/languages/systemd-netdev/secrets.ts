// The .netdev keys that hold a secret (languages/shared/secretSlots.ts; docs/reference/ifcfg.md
// §8): WireGuard's private key and a peer's pre-shared key, and a MACsec association's key.
// PrivateKeyFile=, PresharedKeyFile= and KeyFile= name files (paths, no secret), and [Tunnel]
// Key=, InputKey=, OutputKey= are GRE keys: they keep showing.
import type { IniSecretSlot } from '../shared/iniFeatures';

export const NETDEV_SECRET_SLOTS: readonly IniSecretSlot[] = [
  { id: 'systemd-netdev/wireguard-private-key', section: 'WireGuard', keys: ['PrivateKey'], where: '[WireGuard] PrivateKey=' },
  { id: 'systemd-netdev/wireguard-preshared-key', section: 'WireGuardPeer', keys: ['PresharedKey'], where: '[WireGuardPeer] PresharedKey=' },
  { id: 'systemd-netdev/macsec-tx-key', section: 'MACsecTransmitAssociation', keys: ['Key'], where: '[MACsecTransmitAssociation] Key=' },
  { id: 'systemd-netdev/macsec-rx-key', section: 'MACsecReceiveAssociation', keys: ['Key'], where: '[MACsecReceiveAssociation] Key=' },
];
