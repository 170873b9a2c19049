// The language ids of Tunnel Lens's dialects: the one list the registry (languages/index.ts), the
// client's document selector and package.json's languages and activation events must match
// (test/unit/language-ids.test.ts). `shellscript` is VS Code's own id for shell scripts.
export const LANGUAGE_IDS = ['ipsec-conf', 'swanctl-conf', 'ipsec-secrets', 'cisco-ios', 'ifcfg', 'shellscript', 'systemd-netdev', 'nm-connection', 'ifupdown', 'netplan'] as const;

export type LanguageId = (typeof LANGUAGE_IDS)[number];
