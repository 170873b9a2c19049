// `tunnel-lens layout FILE[:LINE]`: the stack of the tunnel defined there, towards its peer, read the
// way the editor reads it. The deployment is the folder of the nearest tunnel-lens.json; without
// one, the file's folder and its parent (a linux/ + cisco/ layout), so the peer is found.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { endpointStack } from '../model/stack';
import { endpointAt, peerOf } from '../service/endpointAt';
import { PAIRING_FILE } from '../service/scopes';
import { pathToUri } from '../core/uri';
import { DEFAULT_SETTINGS } from '../core/types';
import { CliError } from './common';
import type { EndpointResolver } from './layout';
import { loadWorkspace } from './workspaceLoader';

function deploymentRoot(file: string): string {
  for (let d = dirname(file); ; d = dirname(d)) {
    if (existsSync(join(d, PAIRING_FILE))) return d;
    if (dirname(d) === d) break;
  }
  const parent = dirname(dirname(file));
  return dirname(parent) === parent ? dirname(file) : parent;
}

export const resolveEndpointStack: EndpointResolver = (file, line) => {
  const abs = resolve(file);
  if (!existsSync(abs)) throw new CliError(`${file}: no such file`);
  const ws = loadWorkspace([deploymentRoot(abs)], DEFAULT_SETTINGS);
  const uri = pathToUri(abs);
  if (!ws.service.workspace.document(uri)) throw new CliError(`${file}: not a file Tunnel Lens reads`);
  const me = endpointAt(ws.service, uri, { line: Math.max(0, (line ?? 1) - 1), character: 0 });
  if (!me) throw new CliError(`${file}: defines no tunnel`);
  return endpointStack(me, peerOf(ws.service, me));
};
