// `interface NAME` (and `interface range …`): addresses, MTUs, the tunnel lines, crypto map
// bindings (docs/reference/ios-grammar.md §7).
import { netmaskToPrefixLength, parseAddress, parsePrefix } from '../../../core/address';
import type { Interface, IosConfig } from '../model';
import type { Node } from '../parser';
import { addRef, expandRange, interfaceNameFrom, lineRange, spanOf, word } from '../words';
import { NOT_MODELLED, readChildren, type Family, type Handler } from './dispatch';

/** A value that `no` removes and a line sets to its first argument. */
const lastWord = (key: 'mtu' | 'ipMtu' | 'ipv6Mtu' | 'adjustMss' | 'tunnelDestination' | 'tunnelKey'): Handler<Interface> => (itf, c) => {
  itf[key] = c.negated || !c.args[0] ? undefined : word(c, c.args[0]);
};

const INTERFACE: Family<Interface> = {
  commands: {
    'ip address': (itf, c) => {
      const a = c.args;
      if (c.negated) {
        itf.ipv4 = [];
        return;
      }
      const pa = parseAddress(a[0]?.text ?? '');
      if (!pa || pa.family !== 'ipv4') return;
      const len = a[1] ? netmaskToPrefixLength(a[1].text) : undefined;
      const entry = { address: pa.text, prefixLength: len, range: lineRange(c) };
      // Without `secondary` a second address replaces the first.
      if (/^secondary$/i.test(a[2]?.text ?? '')) itf.ipv4.push(entry);
      else itf.ipv4 = [entry, ...itf.ipv4.filter((x, i) => i > 0)];
    },
    'ipv6 address': (itf, c) => {
      if (c.negated) {
        itf.ipv6 = [];
        return;
      }
      const a0 = c.args[0];
      const pp = parsePrefix(a0?.text ?? '');
      if (pp && pp.family === 'ipv6' && a0.text.includes('/')) itf.ipv6.push({ address: pp.text, prefixLength: pp.prefixLength, range: lineRange(c) });
    },
    mtu: lastWord('mtu'),
    'ip mtu': lastWord('ipMtu'),
    'ipv6 mtu': lastWord('ipv6Mtu'),
    'ip tcp adjust-mss': lastWord('adjustMss'),
    'ipv6 tcp adjust-mss': NOT_MODELLED,
    'tunnel source': (itf, c, cfg) => {
      const a = c.args;
      if (c.negated || !a[0]) {
        itf.tunnelSource = undefined;
        return;
      }
      if (parseAddress(a[0].text)) itf.tunnelSource = word(c, a[0]);
      else {
        const nm = interfaceNameFrom(a)!;
        const r = addRef(cfg.refs, nm.name, 'interface', c, nm.toks);
        itf.tunnelSource = { text: nm.name, range: r.range, iface: nm.name };
      }
    },
    'tunnel destination': lastWord('tunnelDestination'),
    'tunnel mode': (itf, c) => {
      itf.tunnelMode = c.negated ? undefined : { words: [...c.path.slice(2), ...c.args.map((t) => t.text.toLowerCase())], range: lineRange(c) };
    },
    'tunnel key': lastWord('tunnelKey'),
    'tunnel protection ipsec profile': (itf, c, cfg) => {
      const a0 = c.args[0];
      itf.protection = c.negated || !a0 ? undefined : addRef(cfg.refs, a0.text, 'ipsec-profile', c, a0);
    },
    'crypto map': (itf, c, cfg) => {
      const a0 = c.args[0];
      if (a0) itf.cryptoMap = c.negated ? undefined : addRef(cfg.refs, a0.text, 'crypto-map', c, a0);
    },
    'ipv6 crypto map': (itf, c, cfg) => {
      const a0 = c.args[0];
      if (a0) itf.ipv6CryptoMap = c.negated ? undefined : addRef(cfg.refs, a0.text, 'crypto-map', c, a0);
    },
    // Other tunnel settings (vrf, ttl, path-mtu-discovery, …) do not change what the peers negotiate.
    tunnel: NOT_MODELLED,
    'tunnel protection': NOT_MODELLED,
    description: NOT_MODELLED,
    shutdown: NOT_MODELLED,
    keepalive: NOT_MODELLED,
  },
};

function interfaceOf(cfg: IosConfig, name: string, node: Node, nameRange: Interface['nameRange']): Interface {
  let itf = cfg.interfaces.get(name);
  if (!itf) {
    itf = { name, nodes: [], nameRange, ipv4: [], ipv6: [] };
    cfg.interfaces.set(name, itf);
  }
  itf.nodes.push(node);
  return itf;
}

/** `interface NAME` or `interface range A-B, C`: every interface it names reads the block. */
export const readInterface: Handler<IosConfig> = (cfg, n) => {
  const a = n.args;
  if (a.length === 0) return false;
  const isRange = /^range$/i.test(a[0].text);
  const names = isRange ? expandRange(a.slice(1).map((t) => t.text).join(' ')) : [interfaceNameFrom(a)?.name ?? a[0].text];
  const nameToks = isRange ? a.slice(1) : interfaceNameFrom(a)?.toks ?? [a[0]];
  if (names.length === 0) return false;
  for (const name of names) readChildren(n, INTERFACE, interfaceOf(cfg, name, n, spanOf(n.line, nameToks)), cfg);
};
