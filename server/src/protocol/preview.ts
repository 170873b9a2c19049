// The preview's contracts, shared by the language server (the `tunnelLens/layout` request), the
// extension host (panel.ts) and the webview script. No vscode, no node:* imports: all three bundles
// read it, the browser one included.
import type { LayoutSa, TunnelStack } from '../../../codec/layout';

export const PREVIEW_VIEW_TYPE = 'tunnelLens.preview';
/** The workspace file that pairs tunnel ends by name and marks a deployment's root. */
export const PAIRING_FILE = 'tunnel-lens.json';
export const SHOW_PACKET_LAYOUT_COMMAND = 'tunnelLens.showPacketLayout';

export interface PreviewPosition {
  line: number;
  character: number;
}

export interface LayoutRequestParams {
  uri: string;
  position: PreviewPosition;
}

/** One side of the tunnel, as the panel names it. Never carries a value from the config beyond names. */
export interface PreviewEndpoint {
  /** Stable endpoint id (uri#name). */
  id: string;
  name: string;
  vendor: 'libreswan' | 'strongswan' | 'cisco-ios' | 'linux';
  /** Where the tunnel is defined: document uri and 0-based line (LSP convention). */
  file: string;
  line: number;
  /** The file of the IPsec conn that protects a Linux device, when it is another file. */
  protectedBy?: { name: string; file: string; line: number };
  /** Device kind as written (ip6gre, ip6tnl, `gre ipv6`…), for the subtitle. */
  kind?: string;
}

/** The real sample packet of a stack, built by the server with node crypto (encrypted ESP). */
export interface PreviewSample {
  /** Raw IP bytes (no link layer), lower-case hex. */
  hex: string;
  /** The generated sample SA that decrypts it (a fixed pattern, never a key from a config). */
  sa?: LayoutSa;
  encrypted: boolean;
  maxInnerPacket: number;
  packetLength: number;
  innerLength: number;
}

export interface LayoutResponse {
  title: string;
  /** A line about the tunnel (kinds, transforms); config text, so the webview escapes it like the rest. */
  description: string;
  /** The side that sends the packet shown, and the side that receives it. */
  from: PreviewEndpoint;
  to?: PreviewEndpoint;
  /** Which of the two the request's position was on. */
  atCursor: 'from' | 'to';
  pathMtu: number;
  /** The stack as sent (endpointStack of the sender towards the receiver). */
  stack: TunnelStack;
  sample: PreviewSample;
  /** Founding case (IPv6 outer + Destination Options + ESP transport): the same stack with encaplimit none. */
  fixedStack?: TunnelStack;
  fixedSample?: PreviewSample;
  /** The receiver is a Cisco IOS router that mis-parses the founding-case packet. */
  ciscoMisparse: boolean;
  /** Every file whose edits change this answer (both peers' device and conn files). */
  watch: string[];
}

/** What the host stores for restore and re-requests with. */
export interface PreviewSource {
  uri: string;
  position: PreviewPosition;
}

export interface PreviewState {
  source?: PreviewSource;
  data?: LayoutResponse;
  view?: string;
}

export type ToWebviewMessage =
  | { type: 'update'; data: LayoutResponse; source: PreviewSource }
  | { type: 'noTunnel'; message: string; source?: PreviewSource }
  | { type: 'exported'; file: string };

export type ExportVariant = 'sent' | 'fixed';

export type FromWebviewMessage =
  | { type: 'ready' }
  | { type: 'exportPcap'; variant: ExportVariant }
  | { type: 'reveal'; file: string; line: number };

export function isFromWebviewMessage(m: unknown): m is FromWebviewMessage {
  if (!m || typeof m !== 'object') return false;
  const t = (m as { type?: unknown }).type;
  if (t === 'ready') return true;
  if (t === 'exportPcap') return (m as { variant?: unknown }).variant === 'sent' || (m as { variant?: unknown }).variant === 'fixed';
  if (t === 'reveal') return typeof (m as { file?: unknown }).file === 'string' && typeof (m as { line?: unknown }).line === 'number';
  return false;
}

/**
 * The file a `reveal` message may open: only a file of the pair the panel shows (each end's
 * definition and the conn that protects it), at a line inside it. A webview is untrusted input:
 * a message naming any other uri (another workspace file, a `command:` or remote uri) is refused.
 */
export function revealTarget(data: LayoutResponse | undefined, message: { file: string; line: number }): { file: string; line: number } | undefined {
  if (!data) return undefined;
  const allowed = new Set<string>();
  for (const e of [data.from, data.to]) {
    if (!e) continue;
    allowed.add(e.file);
    if (e.protectedBy) allowed.add(e.protectedBy.file);
  }
  if (!allowed.has(message.file) || !message.file.startsWith('file:')) return undefined;
  const line = Number.isInteger(message.line) && message.line >= 0 && message.line < 10_000_000 ? message.line : 0;
  return { file: message.file, line };
}
