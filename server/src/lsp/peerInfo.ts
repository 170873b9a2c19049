// Custom requests for the editor's chrome (status bar, "Pair with…", "Check workspace"):
//   tunnelLens/peerInfo  {uri, position?}  → which tunnel of this file, its peer, the pair's findings
//   tunnelLens/endpoints {}                → every tunnel end of the workspace, for a quick pick
//   tunnelLens/reindex   {}                → re-reads the workspace folders from disk, then a summary
// Built from the same composed endpoints and pairs the peer checks use. No analysis here.
import type { Connection } from 'vscode-languageserver/node';
import type { LanguageService } from '../service/languageService';
import type { Endpoint } from '../core/endpoint';
import { listFilesRecursively } from '../node/nodeFs';
import { pathToUri, uriToPath } from '../core/uri';
import { PAIRING_FILE } from '../service/scopes';

export const PEER_INFO_REQUEST = 'tunnelLens/peerInfo';
export const ENDPOINTS_REQUEST = 'tunnelLens/endpoints';
export const REINDEX_REQUEST = 'tunnelLens/reindex';

export interface EndpointInfo {
  id: string;
  name: string;
  vendor: string;
  /** The file that defines the tunnel end (uri). */
  file: string;
  line: number;
  /** The IPsec conn that protects it, when it lives in another file. */
  protectedBy?: { name: string; file: string; line: number };
  local?: string;
  remote?: string;
}

export interface PeerInfoParams {
  uri: string;
  position?: { line: number; character: number };
}

export interface PeerInfo {
  endpoint: EndpointInfo;
  /** Absent when the tunnel end is not paired with anything in the workspace. */
  peer?: EndpointInfo;
  pairedBy?: 'address' | 'address-half' | 'pairing-file';
  /** Findings in the files of both ends (device, conn and peer files), by severity. */
  errorCount: number;
  warningCount: number;
  /** How many tunnel ends this file defines or protects. */
  endpointsInFile: number;
}

export interface ReindexResult {
  files: number;
  endpoints: number;
  pairs: number;
  errors: number;
  warnings: number;
}

function describe(e: Endpoint): EndpointInfo {
  const out: EndpointInfo = { id: e.id, name: e.name, vendor: e.vendor, file: e.uri, line: e.range.start.line };
  const c = e.protectedBy;
  if (c) out.protectedBy = { name: c.name, file: c.uri, line: c.range.start.line };
  if (e.local?.value) out.local = String(e.local.value);
  if (e.remote?.value) out.remote = String(e.remote.value);
  return out;
}

/** The composed endpoints defined or protected in uri, nearest-first to the line when given. */
function endpointsIn(service: LanguageService, uri: string, line?: number): Endpoint[] {
  const hits: { e: Endpoint; start: number; end: number }[] = [];
  for (const e of service.endpoints()) {
    if (e.uri === uri) hits.push({ e, start: e.range.start.line, end: e.range.end.line });
    else if (e.protectedBy?.uri === uri) hits.push({ e, start: e.protectedBy.range.start.line, end: e.protectedBy.range.end.line });
  }
  if (line === undefined) return hits.map((h) => h.e);
  const dist = (h: { start: number; end: number }) => (line < h.start ? h.start - line : line > h.end ? line - h.end : 0);
  return hits.sort((x, y) => dist(x) - dist(y)).map((h) => h.e);
}

export function peerInfo(service: LanguageService, p: PeerInfoParams): PeerInfo | null {
  const mine = endpointsIn(service, p.uri, p.position?.line);
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

export function registerPeerInfo(connection: Connection, service: LanguageService, republish: () => void): void {
  const safely =
    <P, R>(name: string, fallback: R, fn: (p: P) => R | Promise<R>) =>
    async (p: P): Promise<R> => {
      try {
        return await fn(p);
      } catch (e) {
        connection.console.error(`${name} failed: ${e instanceof Error ? e.message : String(e)}`);
        return fallback;
      }
    };
  connection.onRequest(PEER_INFO_REQUEST, safely(PEER_INFO_REQUEST, null, (p: PeerInfoParams) => peerInfo(service, p)));
  connection.onRequest(
    ENDPOINTS_REQUEST,
    safely(ENDPOINTS_REQUEST, [] as EndpointInfo[], () => service.endpoints().map(describe)),
  );
  connection.onRequest(
    REINDEX_REQUEST,
    safely(REINDEX_REQUEST, null as ReindexResult | null, async () => {
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
