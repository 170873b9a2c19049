// The preview's HTML, as a pure function of what the host knows (markdown preview's
// WebviewResourceProvider idea): no vscode import, so tests render the very same page in Chromium.
// Strict CSP: nothing but the extension's own stylesheet and the nonce'd script; the initial data
// travels in a data-* attribute, never in inline script.
import type { LayoutResponse, PreviewSource } from '../../../server/src/protocol/preview';

export interface PreviewHtmlOptions {
  /** webview.cspSource (or a test origin). */
  cspSource: string;
  nonce: string;
  /** Either the two resolved uris, or a resolver for paths relative to the extension root. */
  scriptUri?: string;
  styleUri?: string;
  asWebviewUri?: (relativePath: string) => string;
  data?: LayoutResponse;
  source?: PreviewSource;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** A fresh nonce (32 chars from [A-Za-z0-9]); crypto.getRandomValues exists in Node 20 and browsers. */
export function makeNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => chars[b % chars.length]).join('');
}

export function previewCsp(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `img-src ${cspSource} data:`, `style-src ${cspSource}`, `font-src ${cspSource}`, `script-src 'nonce-${nonce}'`].join('; ') + ';';
}

export function renderPreviewHtml(o: PreviewHtmlOptions): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(o.nonce)) throw new Error('renderPreviewHtml: the nonce must be 16+ base64/alphanumeric characters');
  const script = o.scriptUri ?? o.asWebviewUri?.('dist/webview.js');
  const style = o.styleUri ?? o.asWebviewUri?.('media/preview.css');
  if (!script || !style) throw new Error('renderPreviewHtml: give scriptUri and styleUri, or asWebviewUri');
  const title = o.data ? `Packet layout: ${o.data.title}` : 'Packet layout';
  const state = JSON.stringify({ data: o.data, source: o.source });
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(previewCsp(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(style)}">
<title>${escapeHtml(title)}</title>
</head>
<body>
<div id="tl-preview-data" hidden data-state="${escapeHtml(state)}"></div>
<header class="tl-header">
<h1 id="tl-title">${escapeHtml(title)}</h1>
<p id="tl-description" class="tl-muted">${escapeHtml(o.data?.description ?? 'Place the cursor on a tunnel definition and run “Show packet layout”.')}</p>
</header>
<main id="tl-root" aria-live="polite"></main>
<script nonce="${escapeHtml(o.nonce)}" src="${escapeHtml(script)}"></script>
</body>
</html>
`;
}
