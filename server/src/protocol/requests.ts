// The custom LSP requests as typed objects: the client's sendRequest and the server's onRequest
// take these, so params and answers cannot drift apart. The webview never imports this file (it
// speaks postMessage, protocol/preview.ts); vscode-languageserver-protocol is pure JavaScript.
import { RequestType } from 'vscode-languageserver-protocol';
import type { LayoutRequestParams, LayoutResponse } from './preview';
import type { EndpointInfo, PeerInfo, PeerInfoParams, ReindexResult } from './peerInfo';

export const LayoutRequest = new RequestType<LayoutRequestParams, LayoutResponse | null, void>('tunnelLens/layout');
export const PeerInfoRequest = new RequestType<PeerInfoParams, PeerInfo | null, void>('tunnelLens/peerInfo');
export const EndpointsRequest = new RequestType<Record<string, never>, EndpointInfo[], void>('tunnelLens/endpoints');
export const ReindexRequest = new RequestType<Record<string, never>, ReindexResult | null, void>('tunnelLens/reindex');
