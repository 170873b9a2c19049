// `tunnel-lens layout FILE[:LINE]`: the stack of the tunnel defined there, towards its peer, read the
// way the editor reads it. The deployment is the folder of the nearest tunnel-lens.json; without
// one, the file's folder and its parent (a linux/ + cisco/ layout), so the peer is found.
import { existsSync, statSync } from 'node:fs';
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
  // A folder or a FIFO is refused here, before its deployment (perhaps /tmp) is walked.
  const st = statSync(abs);
  if (!st.isFile()) throw new CliError(`${file}: ${st.isDirectory() ? 'is a folder, not a file' : 'not a regular file; not read'}`);
  // The deployment is read with a bound: without a tunnel-lens.json it is the file's folder's
  // parent, which may be a large shared folder.
  const ws = loadWorkspace([deploymentRoot(abs)], DEFAULT_SETTINGS, undefined, 10_000);
  const uri = pathToUri(abs);
  const doc = ws.service.workspace.document(uri);
  if (!doc) throw new CliError(`${file}: not a file Tunnel Lens reads`);
  if (line !== undefined && line > doc.lineCount) throw new CliError(`${file}:${line}: the file has ${doc.lineCount} lines`);
  const me = endpointAt(ws.service, uri, { line: Math.max(0, (line ?? 1) - 1), character: 0 });
  if (!me) throw new CliError(`${file}: defines no tunnel`);
  return endpointStack(me, peerOf(ws.service, me));
};
