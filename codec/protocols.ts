// Protocol numbers (IANA "Assigned Internet Protocol Numbers") and EtherTypes, as data.

export const IPPROTO = {
  HOPOPTS: 0,
  ICMP: 1,
  IPV4: 4,
  TCP: 6,
  UDP: 17,
  IPV6: 41,
  ROUTING: 43,
  FRAGMENT: 44,
  GRE: 47,
  ESP: 50,
  AH: 51,
  ICMPV6: 58,
  NONE: 59,
  DSTOPTS: 60,
} as const;

export const ETHERTYPE = {
  IPV4: 0x0800,
  IPV6: 0x86dd,
  VLAN: 0x8100,
  QINQ: 0x88a8,
  PPP: 0x880b,
} as const;

/** Protocol names for field values ("47 (GRE)"). */
export const IPPROTO_NAMES: Readonly<Record<number, string>> = {
  0: 'Hop-by-Hop Options',
  1: 'ICMP',
  4: 'IPv4',
  6: 'TCP',
  17: 'UDP',
  41: 'IPv6',
  43: 'Routing',
  44: 'Fragment',
  47: 'GRE',
  50: 'ESP',
  51: 'AH',
  58: 'ICMPv6',
  59: 'No Next Header',
  60: 'Destination Options',
  135: 'Mobility',
};

export const ETHERTYPE_NAMES: Readonly<Record<number, string>> = {
  0x0800: 'IPv4',
  0x86dd: 'IPv6',
  0x8100: '802.1Q VLAN',
  0x88a8: '802.1ad VLAN',
  0x880b: 'PPP',
};

export function protoLabel(n: number): string {
  const name = IPPROTO_NAMES[n];
  return name ? `${n} (${name})` : String(n);
}

export function etherTypeLabel(n: number): string {
  const name = ETHERTYPE_NAMES[n];
  const hex = '0x' + n.toString(16).padStart(4, '0');
  return name ? `${hex} (${name})` : hex;
}
