// The editor-chrome requests (status bar, "Pair with…", "Check workspace"): their params and
// answers, shared by the server (lsp/peerInfo.ts) and the client. Types only: no vscode, no node.
//   tunnelLens/peerInfo  {uri, position?}  → which tunnel of this file, its peer, the pair's findings
//   tunnelLens/endpoints {}                → every tunnel end of the workspace, for a quick pick
//   tunnelLens/reindex   {}                → re-reads the workspace folders from disk, then a summary
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

