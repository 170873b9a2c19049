// Access lists: numbered `access-list N …`, named `ip access-list extended|standard NAME` and
// `ipv6 access-list NAME`. Entries keep what a crypto ACL selects: action, protocol, addresses and
// ports (docs/reference/ios-grammar.md §6.3).
import { parseAddress, parsePrefix, wildcardToPrefixLength } from '../../../core/address';
import type { Token } from '../lexer';
import type { Node } from '../parser';
import type { Acl, AclEntry, IosConfig } from '../model';
import { lineRange, rangeOf } from '../words';
import { NOT_MODELLED, readChildren, type Family, type Handler } from './dispatch';

const PROTOCOLS: Readonly<Record<string, number | undefined>> = {
  ip: undefined, ipv6: undefined, gre: 47, esp: 50, ahp: 51, ah: 51, tcp: 6, udp: 17, icmp: 1, ipinip: 4, igmp: 2, ospf: 89,
  eigrp: 88, pim: 103, sctp: 132, nos: 94, pcp: 108, 'icmpv6': 58,
};

const PORT_NAMES: Readonly<Record<string, number>> = {
  isakmp: 500, 'non500-isakmp': 4500, www: 80, telnet: 23, ssh: 22, domain: 53, bootps: 67, bootpc: 68, tftp: 69, ntp: 123, snmp: 161, bgp: 179, https: 443,
};

/** Reads an address spec (`any`, `host A`, `A W`, `P/len`, `A` in a standard ACL); returns a prefix and how many words it used. */
function readAddr(toks: readonly Token[], i: number, v6: boolean, standard = false): { prefix?: string; used: number } | undefined {
  const t = toks[i]?.text.toLowerCase();
  if (t === undefined) return undefined;
  if (t === 'any') return { prefix: v6 ? '::/0' : '0.0.0.0/0', used: 1 };
  if (t === 'any4') return { prefix: '0.0.0.0/0', used: 1 };
  if (t === 'any6') return { prefix: '::/0', used: 1 };
  if (t === 'host') {
    const a = parseAddress(toks[i + 1]?.text ?? '');
    return { prefix: a ? `${a.text}/${a.family === 'ipv6' ? 128 : 32}` : undefined, used: 2 };
  }
  if (t === 'object-group' || t === 'addrgroup' || t === 'interface') return { prefix: undefined, used: 2 };
  if (t.includes('/')) {
    const p = parsePrefix(t);
    return { prefix: p ? `${p.text}/${p.prefixLength}` : undefined, used: 1 };
  }
  const a = parseAddress(t);
  if (!a) return undefined;
  const w = toks[i + 1]?.text;
  const wa = w ? parseAddress(w) : undefined;
  if (wa && wa.family === 'ipv4' && a.family === 'ipv4') {
    const len = wildcardToPrefixLength(wa.text);
    return { prefix: len === undefined ? undefined : `${a.text}/${len}`, used: 2 };
  }
  if (standard || a.family === 'ipv4') return { prefix: `${a.text}/32`, used: 1 };
  return { prefix: `${a.text}/128`, used: 1 };
}

function readPort(toks: readonly Token[], i: number): { port?: number; used: number } {
  const t = toks[i]?.text.toLowerCase();
  if (t === 'eq') {
    const p = toks[i + 1]?.text.toLowerCase() ?? '';
    return { port: /^\d+$/.test(p) ? Number(p) : PORT_NAMES[p], used: 2 };
  }
  if (t === 'gt' || t === 'lt' || t === 'neq') return { used: 2 };
  if (t === 'range') return { used: 3 };
  return { used: 0 };
}

export function parseAclEntry(node: Node, kind: Acl['kind'], toks: readonly Token[]): AclEntry | undefined {
  let i = 0;
  let seq: number | undefined;
  if (/^sequence$/i.test(toks[0]?.text ?? '')) i++;
  if (/^\d+$/.test(toks[i]?.text ?? '')) seq = Number(toks[i++].text);
  const action = toks[i]?.text.toLowerCase();
  if (action !== 'permit' && action !== 'deny') return undefined;
  i++;
  const entry: AclEntry = { action, seq, node, range: lineRange(node) };
  const v6 = kind === 'ipv6';
  if (kind === 'standard') {
    const a = readAddr(toks, i, false, true);
    entry.src = a?.prefix;
    return entry;
  }
  const proto = toks[i]?.text.toLowerCase();
  if (proto === undefined) return entry;
  entry.protocolWord = proto;
  if (/^\d+$/.test(proto)) entry.protocol = Number(proto) === 0 ? undefined : Number(proto);
  else entry.protocol = PROTOCOLS[proto];
  i++;
  const s = readAddr(toks, i, v6);
  if (!s) return entry;
  entry.src = s.prefix;
  i += s.used;
  const sp = readPort(toks, i);
  entry.srcPort = sp.port;
  i += sp.used;
  const d = readAddr(toks, i, v6);
  if (!d) return entry;
  entry.dst = d.prefix;
  i += d.used;
  entry.dstPort = readPort(toks, i).port;
  return entry;
}

/** Numbered ACLs: 1–99 and 1300–1999 are standard, the others extended. */
function numberedKind(num: number): Acl['kind'] {
  return (num >= 1 && num <= 99) || (num >= 1300 && num <= 1999) ? 'standard' : 'extended';
}

function aclOf(cfg: IosConfig, name: Token, kind: Acl['kind'], n: Node): Acl {
  let acl = cfg.acls.get(name.text);
  if (!acl) {
    acl = { name: name.text, kind, nodes: [], nameRange: rangeOf(n.line, name), entries: [] };
    cfg.acls.set(acl.name, acl);
  }
  acl.nodes.push(n);
  return acl;
}

/** `access-list N permit|deny …`: each line adds an entry; `no access-list N` empties the list. */
export const readNumberedAcl: Handler<IosConfig> = (cfg, n) => {
  const a = n.args;
  if (!a[0] || !/^\d+$/.test(a[0].text)) return false;
  const kind = numberedKind(Number(a[0].text));
  const acl = aclOf(cfg, a[0], kind, n);
  if (n.negated) acl.entries = [];
  else {
    const e = parseAclEntry(n, kind, a.slice(1));
    if (e) acl.entries.push(e);
  }
};

/** A named ACL being read, with the kind its header gives (a name may be reused by another kind of list). */
interface Named {
  acl: Acl;
  kind: Acl['kind'];
}

/** One entry line of a named ACL (`[sequence] [SEQ] permit|deny …`); other lines hold no entry. */
const entry: Handler<Named> = ({ acl, kind }, c) => {
  const e = parseAclEntry(c, kind, c.tokens);
  if (!e) return false;
  acl.entries.push(e);
};

const NAMED: Family<Named> = {
  commands: { permit: entry, deny: entry, sequence: entry, remark: NOT_MODELLED },
  // Numbered entries (`10 permit …`) start with their sequence number.
  unlisted: entry,
  skipsNegated: true,
};

const NAMED_KIND: Readonly<Record<string, Acl['kind']>> = { 'ip access-list extended': 'extended', 'ip access-list standard': 'standard', 'ipv6 access-list': 'ipv6' };

/** `ip access-list extended|standard NAME`, `ipv6 access-list NAME`. */
export const readNamedAcl: Handler<IosConfig> = (cfg, n) => {
  const a0 = n.args[0];
  if (!a0 || !n.opens) return false;
  const kind = NAMED_KIND[n.path.join(' ')];
  readChildren(n, NAMED, { acl: aclOf(cfg, a0, kind, n), kind }, cfg);
};
