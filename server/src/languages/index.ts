// The dialect registry. Order matters: the first dialect whose `matches` claims a file wins, so
// the specific names come before the content sniffers.
import type { DialectModule, LanguageId } from '../core/types';
import { dialect as ipsecSecrets } from './ipsec-secrets';
import { dialect as ifcfg } from './ifcfg';
import { dialect as systemdNetdev } from './systemd-netdev';
import { dialect as nmConnection } from './nm-connection';
import { dialect as ifupdown } from './ifupdown';
import { dialect as netplan } from './netplan';
import { dialect as swanctlConf } from './swanctl-conf';
import { dialect as ipsecConf } from './ipsec-conf';
import { dialect as ciscoIos } from './cisco-ios';
import { dialect as shellscript } from './shellscript';

export const DIALECTS: readonly DialectModule[] = [
  ipsecSecrets,
  ifcfg,
  systemdNetdev,
  nmConnection,
  ifupdown,
  netplan,
  swanctlConf,
  ipsecConf,
  ciscoIos,
  shellscript,
];

const byId = new Map<LanguageId, DialectModule>(DIALECTS.map((d) => [d.id, d]));

export function dialectById(id: string): DialectModule | undefined {
  return byId.get(id as LanguageId);
}

/**
 * Names of copies no daemon reads: editor backups, package managers' saved and new versions
 * (`gre6.conf.bak`, `ipsec.conf.rpmnew`, `interfaces.dpkg-old`). Libreswan's `include
 * /etc/ipsec.d/*.conf` skips them, ifup and networkd never see them; read as configs they would
 * make an archived conn a second candidate for its tunnel (a false pairing-ambiguous).
 */
const ARCHIVED = /\.(bak|orig|old|save|rpmnew|rpmsave|rpmorig|dpkg-old|dpkg-dist|dpkg-new|ucf-old|ucf-dist|swp)$|~$/i;

/** The dialect of a file from its path and its first lines; undefined when none claims it. */
export function detectDialect(path: string, head: string): DialectModule | undefined {
  if (ARCHIVED.test(path)) return undefined;
  return DIALECTS.find((d) => d.matches(path, head));
}

/** VS Code's language id for shell scripts is 'shellscript'; the others are ours. */
export function isLanguageId(id: string): id is LanguageId {
  return byId.has(id as LanguageId);
}
