// One file name per dialect (and per way of naming it) that an editor setup of the README must
// attach Tunnel Lens to, with the Emacs major mode README.md's Emacs block gives it. The Neovim and
// Emacs tests open (Neovim) or look up (Emacs) each one after the founding-case steps.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DIALECT_FILES: [path: string, emacsMode: string][] = [
  ["etc/ipsec.conf", "ipsec-conf-mode"],
  ["etc/ipsec.d/tun10.conf", "ipsec-conf-mode"],
  ["etc/ipsec.secrets", "ipsec-secrets-mode"],
  ["etc/ipsec.d/tun10.secrets", "ipsec-secrets-mode"],
  ["etc/swanctl/swanctl.conf", "swanctl-conf-mode"],
  ["etc/swanctl/conf.d/tun10.conf", "swanctl-conf-mode"],
  ["etc/sysconfig/network-scripts/ifcfg-tun10", "ifcfg-mode"],
  ["sbin/ifup-local", "sh-mode"],
  ["sbin/ifup-pre-local", "sh-mode"],
  ["tunnel-up.sh", "sh-mode"],
  ["etc/network/interfaces", "ifupdown-mode"],
  ["etc/network/interfaces.d/tun10", "ifupdown-mode"],
  ["etc/netplan/01-tun10.yaml", "netplan-mode"],
  ["etc/systemd/network/tun10.netdev", "systemd-netdev-mode"],
  ["etc/systemd/network/tun10.network", "systemd-netdev-mode"],
  ["etc/systemd/network/tun10.netdev.d/key.conf", "systemd-netdev-mode"],
  ["etc/systemd/network/tun10.network.d/mtu.conf", "systemd-netdev-mode"],
  ["etc/NetworkManager/system-connections/tun10.nmconnection", "nm-connection-mode"],
  ["cisco/c897va-confg", "cisco-ios-mode"],
  ["cisco/r1.ios", "cisco-ios-mode"],
  ["cisco/r1.cisco", "cisco-ios-mode"],
];

/** Writes the table as JSON into dir (for the editor's script) and returns its path. */
export function writeDialectFiles(dir: string): string {
  const file = join(dir, 'dialect-files.json');
  writeFileSync(file, JSON.stringify(DIALECT_FILES));
  return file;
}
