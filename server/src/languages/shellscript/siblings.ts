// The ifcfg-DEVICE files next to a script: the devices an ifup-local hook changes are created by
// them (docs/reference/ifcfg.md §6). Read through ctx.fs, never executed.
import type { Endpoint } from '../../core/endpoint';
import type { ParseContext } from '../../core/types';
import { basenameOfUri, dirnameUri, joinUri } from '../../core/uri';
import { ANY_IFUP_DEVICE } from '../../model/linuxTunnels';
import { readIfcfg } from '../shared/ifcfgRead';
import { ifcfgEndpoint } from '../shared/ifcfgTunnel';

/** The sibling ifcfg files of these devices that exist (every ifcfg-* for the `$1` of a hook). */
export function siblingIfcfgUris(uri: string, devices: string[], ctx: ParseContext): string[] {
  const dir = dirnameUri(uri);
  const names = devices.includes(ANY_IFUP_DEVICE)
    ? (ctx.fs.readDirectory(dir) ?? []).map((u) => basenameOfUri(u)).filter((n) => n.startsWith('ifcfg-'))
    : devices.map((d) => `ifcfg-${d}`);
  return names.map((n) => joinUri(dir, n)).filter((u) => ctx.fs.readFile(u) !== undefined);
}

/** The tunnels those files create. */
export function siblingIfcfgs(uri: string, devices: string[], ctx: ParseContext): { uri: string; endpoint?: Endpoint }[] {
  return siblingIfcfgUris(uri, devices, ctx).map((u) => ({ uri: u, endpoint: ifcfgEndpoint(readIfcfg(ctx.fs.readFile(u) ?? ''), u, ctx.settings.pathMtu) }));
}
