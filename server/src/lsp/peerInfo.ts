// The editor-chrome requests (protocol/peerInfo.ts), answered from the same composed endpoints and
// pairs the peer checks use. No analysis here.
import type { Connection } from 'vscode-languageserver/node';
import type { LanguageService } from '../service/languageService';
import type { Endpoint } from '../core/endpoint';
import { listFilesRecursively } from '../node/nodeFs';
import { pathToUri, uriToPath } from '../core/uri';
import { PAIRING_FILE } from '../service/scopes';
import { endpointsAt } from '../service/endpointAt';
import { ParamsError, params, position } from './params';
import { ResponseError } from 'vscode-languageserver/node';
import { EndpointsRequest, PeerInfoRequest, ReindexRequest } from '../protocol/requests';
import type { EndpointInfo, PeerInfo, PeerInfoParams, ReindexResult } from '../protocol/peerInfo';

function describe(e: Endpoint): EndpointInfo {
  const out: EndpointInfo = { id: e.id, name: e.name, vendor: e.vendor, file: e.uri, line: e.range.start.line };
  const c = e.protectedBy;
  if (c) out.protectedBy = { name: c.name, file: c.uri, line: c.range.start.line };
  if (e.local?.value) out.local = String(e.local.value);
  if (e.remote?.value) out.remote = String(e.remote.value);
  return out;
}

export function peerInfo(service: LanguageService, p: PeerInfoParams): PeerInfo | null {
  const mine = endpointsAt(service, p.uri, p.position?.line);
  if (!mine.length) return null;
  const pairs = service.pairs();
  const pairOf = (e: Endpoint) => pairs.find((x) => x.a.id === e.id || x.b.id === e.id);
  // Prefer the end under the cursor; without a position, the first one that has a peer.
  const me = p.position ? mine[0] : (mine.find(pairOf) ?? mine[0]);
  const pair = pairOf(me);
  const peer = pair ? (pair.a.id === me.id ? pair.b : pair.a) : undefined;
  const files = new Set<string>([p.uri, me.uri]);
  for (const e of [me, peer]) {
    if (!e) continue;
    files.add(e.uri);
    if (e.protectedBy) files.add(e.protectedBy.uri);
  }
  let errorCount = 0;
  let warningCount = 0;
  for (const f of files) {
    for (const finding of service.findings(f)) {
      if (finding.severity === 'error') errorCount++;
      else if (finding.severity === 'warning') warningCount++;
    }
  }
  return {
    endpoint: describe(me),
    peer: peer ? describe(peer) : undefined,
    pairedBy: pair?.pairedBy,
    errorCount,
    warningCount,
    endpointsInFile: mine.length,
  };
}

export function registerPeerInfo(connection: Connection, service: LanguageService, republish: () => void, ready: () => void = () => undefined): void {
  const safely =
    <P, R>(name: string, fallback: R, fn: (p: P) => R | Promise<R>) =>
    async (p: P): Promise<R> => {
      try {
        ready();
        return await fn(p);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        connection.console.error(`${name} failed: ${e instanceof Error ? e.message : String(e)}`);
        return fallback;
      }
    };
  connection.onRequest(
    PeerInfoRequest,
    safely(PeerInfoRequest.method, null, (p: PeerInfoParams) => {
      if (typeof params(p).uri !== 'string') throw new ParamsError('uri must be a string');
      return peerInfo(service, { uri: p.uri, position: p.position === undefined ? undefined : position(p.position) });
    }),
  );
  connection.onRequest(EndpointsRequest, safely(EndpointsRequest.method, [] as EndpointInfo[], () => service.endpoints().map(describe)));
  connection.onRequest(
    ReindexRequest,
    safely(ReindexRequest.method, null as ReindexResult | null, async () => {
      const folders = (await connection.workspace.getWorkspaceFolders().catch(() => null)) ?? [];
      const ws = service.workspace;
      // Files that went away, then every supported file of the folders (open documents win).
      for (const uri of ws.uris()) if (!ws.isOpen(uri)) ws.refreshFromDisk(uri);
      for (const f of folders) {
        if (!f.uri.startsWith('file:')) continue;
        const root = uriToPath(f.uri);
        for (const path of listFilesRecursively(root, 20_000)) ws.refreshFromDisk(pathToUri(path));
        // A pairing file is not a document: forgetting it makes the peer analysis re-read it.
        ws.delete(pathToUri(`${root}/${PAIRING_FILE}`));
      }
      republish();
      let errors = 0;
      let warnings = 0;
      for (const uri of ws.uris()) {
        for (const finding of service.findings(uri)) {
          if (finding.severity === 'error') errors++;
          else if (finding.severity === 'warning') warnings++;
        }
      }
      return { files: ws.uris().length, endpoints: service.endpoints().length, pairs: service.pairs().length, errors, warnings };
    }),
  );
}
