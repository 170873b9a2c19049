// Which kind of swanctl section a name is, given its parent's kind (docs/reference/swanctl-conf.md
// §2): `children` exactly and `local*`/`remote*` by prefix in a connection (any case, peer_sn),
// `cert*`/`cacert*` in a round (auth_sn), secrets by name prefix (load_creds.c, case-sensitive).
import { SECRET_KINDS, TOP_SECTIONS, type SecretKind, type SectionKind } from './schema';

/** What a section is; 'unknown' sections are named by `why`. */
export type Kind =
  | { kind: SectionKind; secret?: SecretKind }
  | { kind: 'unknown'; why: 'top' | 'conn' | 'round' | 'child' | 'secret' | 'pool' | 'authority' | 'cert' | 'inside-unknown' };

export function childKind(parent: Kind, name: string): Kind {
  switch (parent.kind) {
    case 'top':
      return Object.prototype.hasOwnProperty.call(TOP_SECTIONS, name) ? { kind: name as SectionKind } : { kind: 'unknown', why: 'top' };
    case 'connections':
      return { kind: 'conn' };
    case 'conn': {
      const l = name.toLowerCase();
      if (l === 'children') return { kind: 'children' };
      if (l.startsWith('local')) return { kind: 'local' };
      if (l.startsWith('remote')) return { kind: 'remote' };
      return { kind: 'unknown', why: 'conn' };
    }
    case 'local':
    case 'remote': {
      const l = name.toLowerCase();
      return l.startsWith('cert') || l.startsWith('cacert') ? { kind: 'cert' } : { kind: 'unknown', why: 'round' };
    }
    case 'children':
      return { kind: 'child' };
    case 'child':
      return { kind: 'unknown', why: 'child' };
    case 'cert':
      return { kind: 'unknown', why: 'cert' };
    case 'secrets': {
      const s = SECRET_KINDS.find((k) => name.startsWith(k.prefix));
      return s ? { kind: 'secret', secret: s } : { kind: 'unknown', why: 'secret' };
    }
    case 'secret':
      return { kind: 'unknown', why: 'secret' };
    case 'pools':
      return { kind: 'pool' };
    case 'pool':
      return { kind: 'unknown', why: 'pool' };
    case 'authorities':
      return { kind: 'authority' };
    case 'authority':
      return { kind: 'unknown', why: 'authority' };
    default:
      return { kind: 'unknown', why: 'inside-unknown' };
  }
}

/** The kind of the section at a path of names from the root. */
export function kindAt(path: string[]): Kind {
  let k: Kind = { kind: 'top' };
  for (const n of path) k = childKind(k, n);
  return k;
}
