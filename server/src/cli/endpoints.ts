// `tunnel-lens endpoints`: the normalized model, for users and tests. Every value carries where it
// came from (file:line, or the version rule that defaulted it). Secrets never appear: a PSK shows
// only as "set".
import type { Endpoint, Origin, Valued } from '../core/endpoint';
import { proposalsText } from '../model/negotiation';
import { formatFlag, parseArgs, type Subcommand } from './common';
import { displayPath, loadWorkspace, settingsFromFlags, VERSION_FLAGS, type LoadedWorkspace } from './workspaceLoader';

function serializable(ws: LoadedWorkspace, e: Endpoint): unknown {
  return JSON.parse(
    JSON.stringify(e, (key, value) => {
      if (key === 'pskDigest') return value === undefined ? undefined : { set: true, ...originOnly(value as Valued<string>) };
      if (key === 'protectedBy') return (value as Endpoint | undefined)?.id;
      if (key === 'uri' && typeof value === 'string') return displayPath(ws, value);
      return value;
    }),
  );
}

function originOnly(v: Origin): Origin {
  return { source: v.source, uri: v.uri, range: v.range, rule: v.rule };
}

function where(ws: LoadedWorkspace, v: Origin | undefined): string {
  if (!v) return '';
  if (v.source === 'written' && v.uri && v.range) return ` (${displayPath(ws, v.uri)}:${v.range.start.line + 1})`;
  if (v.rule) return ` (${v.rule}${v.uri && v.range ? ` at ${displayPath(ws, v.uri)}:${v.range.start.line + 1}` : ''})`;
  return ` (${v.source})`;
}

const show = <T>(ws: LoadedWorkspace, label: string, v: Valued<T> | undefined, fmt: (x: T) => string = String) =>
  v === undefined ? [] : [`  ${label}: ${fmt(v.value)}${where(ws, v)}`];


function textEndpoint(ws: LoadedWorkspace, e: Endpoint): string {
  const t = e.tunnel;
  const s = e.ipsec;
  return [
    `${e.name} [${e.vendor}${e.version ? ' ' + e.version.value : ''}] ${displayPath(ws, e.uri)}:${e.range.start.line + 1}`,
    ...show(ws, 'family', e.family),
    ...show(ws, 'local', e.local),
    ...(e.localInterface ? [`  local interface: ${e.localInterface}`] : []),
    ...show(ws, 'remote', e.remote),
    ...(t
      ? [
          ...show(ws, 'tunnel', t.kind),
          ...show(ws, 'encapsulation', t.encapsulation),
          ...show(ws, 'GRE key', t.greKey),
          ...show(ws, 'encapsulation limit in force', t.encapLimit),
          ...show(ws, 'MTU', t.mtu),
          ...t.innerAddresses.flatMap((a) => show(ws, 'inner address', a)),
        ]
      : []),
    ...(s
      ? [
          ...(e.protectedBy ? [`  protected by: ${e.protectedBy.name} (${displayPath(ws, e.protectedBy.uri)}:${e.protectedBy.range.start.line + 1})`] : []),
          ...show(ws, 'IKE version', s.ikeVersion),
          ...show(ws, 'IKE proposals', s.ike, (ps) => proposalsText(ps, 'ike', 99)),
          ...show(ws, 'ESP proposals', s.esp, (ps) => proposalsText(ps, 'esp', 99)),
          ...show(ws, 'PFS', s.pfs, (x) => (x === false ? 'no' : x)),
          ...show(ws, 'mode', s.mode, (m) => m + (s.modeRequired ? ' (required)' : '')),
          ...show(ws, 'auth', s.authLocal),
          ...(s.pskDigest ? [`  pre-shared key: set${where(ws, s.pskDigest)}`] : []),
          ...show(ws, 'IKE lifetime', s.ikeLifetime, (x) => `${x}s`),
          ...show(ws, 'SA lifetime', s.saLifetime, (x) => `${x}s`),
        ]
      : []),
  ].join('\n');
}

export const run: Subcommand = (args, io) => {
  const p = parseArgs(args, ['format', ...VERSION_FLAGS]);
  const format = formatFlag(p, ['text', 'json'], 'text');
  const ws = loadWorkspace(p.positionals, settingsFromFlags(p, (line) => io.stderr(line + '\n')), (line) => io.stderr(line + '\n'));
  const endpoints = ws.service.endpoints();
  const pairs = ws.service.pairs();
  if (format === 'json') {
    const out = {
      endpoints: endpoints.map((e) => serializable(ws, e)),
      pairs: pairs.map((x) => ({ a: x.a.id, b: x.b.id, pairedBy: x.pairedBy })),
    };
    io.stdout(JSON.stringify(out, null, 2) + '\n');
  } else {
    for (const e of endpoints) io.stdout(textEndpoint(ws, e) + '\n\n');
    for (const x of pairs) io.stdout(`pair: ${x.a.name} (${displayPath(ws, x.a.uri)}) <-> ${x.b.name} (${displayPath(ws, x.b.uri)}) by ${x.pairedBy}\n`);
    io.stdout(`${endpoints.length} endpoint(s), ${pairs.length} pair(s)\n`);
  }
  return 0;
};
