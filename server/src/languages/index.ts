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

/** The dialect of a file from its path and its first lines; undefined when none claims it. */
export function detectDialect(path: string, head: string): DialectModule | undefined {
  return DIALECTS.find((d) => d.matches(path, head));
}

/** VS Code's language id for shell scripts is 'shellscript'; the others are ours. */
export function isLanguageId(id: string): id is LanguageId {
  return byId.has(id as LanguageId);
}
