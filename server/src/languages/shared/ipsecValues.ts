// Readers of the value types Libreswan and strongSwan conns share: PROTO[/PORT] and times. Each
// returns undefined for what the daemon would not read (docs/reference/ipsec-conf-grammar.md §2,
// §3). Shared by the ipsec.conf dialect and NetworkManager-libreswan profiles (whose keys
// NetworkManager writes into the conn as they are, docs/reference/nm-libreswan.md §2).

// Names as /etc/protocols (netbase) spells them, which is what Libreswan's getprotobyname() sees:
// IPv4-in-IP (ip6tnl ipip6, IOS `tunnel mode ipv6` with IPv4 inside) is `ipencap` 4; `ipip` is 94.
export const PROTOCOLS: Record<string, number> = {
  icmp: 1, igmp: 2, ipencap: 4, ipip: 94, tcp: 6, udp: 17, ipv6: 41, gre: 47, esp: 50, ah: 51, 'ipv6-icmp': 58, icmpv6: 58, sctp: 132, udplite: 136,
};

export function parseProtoPort(v: string): { protocol?: number; port?: number } | undefined {
  const m = /^([A-Za-z0-9-]+|%any)(?:\/(\d+|%any|[A-Za-z][A-Za-z0-9-]*))?$/.exec(v);
  if (!m) return undefined;
  const proto = m[1].toLowerCase();
  let protocol: number | undefined;
  if (proto === '%any') protocol = undefined;
  else if (/^\d+$/.test(proto)) protocol = Number(proto);
  else if (proto in PROTOCOLS) protocol = PROTOCOLS[proto];
  else return undefined;
  if (protocol !== undefined && protocol > 255) return undefined;
  const port = m[2] && /^\d+$/.test(m[2]) ? Number(m[2]) : undefined;
  if (port !== undefined && port > 65535) return undefined;
  return { protocol, port };
}

const TIME_UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** Libreswan time: N | N[smhdw]. Returns seconds. strongSwan: N[.N][smhd]. */
export function parseTime(v: string, daemon: 'libreswan' | 'strongswan'): number | undefined {
  const m = daemon === 'libreswan' ? /^(\d+)([smhdw]?)$/i.exec(v) : /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(v);
  if (!m) return undefined;
  return Math.round(Number(m[1]) * TIME_UNITS[m[2].toLowerCase()]);
}
