// The custom requests the client sends besides the layout (see server/src/lspPeerInfo.ts). Types
// only: the client bundle must not pull in the server.
export const PEER_INFO_REQUEST = 'tunnelLens/peerInfo';
export const ENDPOINTS_REQUEST = 'tunnelLens/endpoints';
export const REINDEX_REQUEST = 'tunnelLens/reindex';

export type { EndpointInfo, PeerInfo, PeerInfoParams, ReindexResult } from '../../server/src/lsp/peerInfo';
