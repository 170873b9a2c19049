// The packet-layout preview's browser script. It reads the initial state from the page's data-*
// attribute (or the state VS Code kept for a restored panel), draws the views with the codec and
// talks to the extension host in typed messages (client/src/preview/protocol.ts).
import type { FromWebviewMessage, LayoutResponse, PreviewEndpoint, PreviewSource, PreviewState, ToWebviewMessage } from '../../server/src/protocol/preview';
import { basename, clear, h } from './dom';
import { renderView } from './render';
import { computeViews } from './views';

interface VsCodeApi {
  postMessage(m: FromWebviewMessage): void;
  getState(): PreviewState | undefined;
  setState(s: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
let state: PreviewState = vscode.getState() ?? readInitialState();

function readInitialState(): PreviewState {
  const el = document.getElementById('tl-preview-data');
  try {
    const s = JSON.parse(el?.dataset.state ?? '{}') as PreviewState;
    return s && typeof s === 'object' ? s : {};
  } catch {
    return {};
  }
}

function post(m: FromWebviewMessage): void {
  vscode.postMessage(m);
}

function save(): void {
  vscode.setState(state);
}

const VENDOR: Record<PreviewEndpoint['vendor'], string> = { linux: 'Linux', libreswan: 'Libreswan', strongswan: 'strongSwan', 'cisco-ios': 'Cisco IOS' };

function endpointLine(role: string, e: PreviewEndpoint, here: boolean): HTMLElement {
  const link = h('a', { href: '#', class: 'tl-reveal', title: 'Open the definition', text: `${basename(e.file)}:${e.line + 1}` });
  link.addEventListener('click', (ev) => {
    ev.preventDefault();
    post({ type: 'reveal', file: e.file, line: e.line });
  });
  const conn = e.protectedBy;
  let connLink: HTMLElement | undefined;
  if (conn) {
    connLink = h('a', { href: '#', class: 'tl-reveal', text: `${basename(conn.file)}:${conn.line + 1}` });
    connLink.addEventListener('click', (ev) => {
      ev.preventDefault();
      post({ type: 'reveal', file: conn.file, line: conn.line });
    });
  }
  return h(
    'li',
    { class: 'tl-endpoint', 'data-role': role },
    h('span', { class: 'tl-role', text: role }),
    ' ',
    h('strong', { class: 'tl-endpoint-name', text: e.name }),
    ` (${VENDOR[e.vendor] ?? e.vendor}${e.kind ? ', ' + e.kind : ''}) `,
    link,
    connLink ? [' protected by conn ', h('span', { class: 'tl-endpoint-name', text: conn!.name }), ' ', connLink] : [],
    here ? h('span', { class: 'tl-here', text: ' ← cursor' }) : '',
  );
}

function summary(d: LayoutResponse, maxInner: ReturnType<typeof computeViews>['maxInner']): HTMLElement {
  const facts = h(
    'dl',
    { class: 'tl-facts' },
    h('dt', { text: 'Path MTU' }),
    h('dd', { text: `${d.pathMtu} bytes` }),
    h('dt', { text: 'Largest inner packet' }),
    h('dd', {}, h('strong', { id: 'tl-max-inner', text: `${maxInner.shown} bytes` }), maxInner.fixed !== undefined ? ` (${maxInner.fixed} with encaplimit none; ${maxInner.tunnelMode} with ESP tunnel mode)` : ''),
    h('dt', { text: 'Sample packet' }),
    h('dd', { text: `${d.sample.packetLength} bytes on the wire, inner ${d.sample.innerLength} bytes` }),
  );
  const ends = h('ul', { class: 'tl-endpoints' }, endpointLine('sends', d.from, d.atCursor === 'from'), d.to ? endpointLine('receives', d.to, d.atCursor === 'to') : h('li', { class: 'tl-muted', text: 'No peer found in the workspace: the stack uses this side alone.' }));
  const parts: HTMLElement[] = [ends, facts];
  if (d.sample.sa) {
    const sa = d.sample.sa;
    parts.push(
      h(
        'details',
        { class: 'tl-sa', open: true },
        h('summary', { text: 'Sample SA (generated keys, not from your configs): decrypt the exported pcap with these' }),
        h(
          'dl',
          { class: 'tl-facts' },
          h('dt', { text: 'SPI' }),
          h('dd', { class: 'tl-code', text: sa.spi }),
          h('dt', { text: `Encryption ${sa.enc}` }),
          h('dd', { class: 'tl-code', text: sa.encKey }),
          h('dt', { text: `Integrity ${sa.integ}` }),
          h('dd', { class: 'tl-code', text: sa.integ === 'none' ? '—' : sa.integKey }),
          h('dt', { text: 'Wireshark esp_sa' }),
          h('dd', { class: 'tl-code', text: sa.espSa }),
        ),
      ),
    );
  }
  if (d.ciscoMisparse) {
    parts.unshift(
      h(
        'div',
        { class: 'tl-alert', role: 'alert' },
        h('strong', { text: 'The Cisco peer mis-parses this packet. ' }),
        `Transport-mode ESP sits after the 8-byte Destination Options header (Tunnel Encapsulation Limit); the router sets next header GRE while the payload still begins with the Destination Options bytes. Fix: encaplimit none on the Linux tunnel (largest inner packet ${maxInner.fixed}), or ESP tunnel mode (${maxInner.tunnelMode}).`,
      ),
    );
  } else if (d.fixedStack) {
    parts.unshift(h('div', { class: 'tl-alert tl-alert-warn', role: 'note', text: 'This packet carries a Destination Options header in front of transport-mode ESP; peers that support IPv6 IPsec in tunnel mode only (Cisco IOS) mis-parse it. encaplimit none removes it.' }));
  }
  return h('div', { class: 'tl-summary' }, parts);
}

function renderTabs(c: ReturnType<typeof computeViews>, selected: string): HTMLElement {
  const wrap = h('div', { class: 'tl-tabs-wrap' });
  const list = h('div', { class: 'tl-tabs', role: 'tablist', 'aria-label': 'Views of the packet' });
  const panels: HTMLElement[] = [];
  const buttons: HTMLButtonElement[] = [];
  const pick = c.tabs.some((t) => t.id === selected) ? selected : c.tabs[0].id;
  const activate = (id: string, focus = false) => {
    buttons.forEach((b) => {
      const on = b.dataset.tab === id;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
      if (on && focus) b.focus();
    });
    panels.forEach((p) => (p.hidden = p.dataset.tab !== id));
    state = { ...state, view: id };
    save();
  };
  c.tabs.forEach((t, i) => {
    const b = h('button', { type: 'button', role: 'tab', id: `tl-tab-${t.id}`, 'aria-controls': `tl-panel-${t.id}`, 'data-tab': t.id, text: t.label });
    b.addEventListener('click', () => activate(t.id));
    b.addEventListener('keydown', (e) => {
      const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (!d) return;
      e.preventDefault();
      activate(c.tabs[(i + d + c.tabs.length) % c.tabs.length].id, true);
    });
    buttons.push(b);
    list.append(b);
    const panel = h('div', { role: 'tabpanel', id: `tl-panel-${t.id}`, 'aria-labelledby': `tl-tab-${t.id}`, 'data-tab': t.id, class: `tl-panel${t.views.length > 1 ? ' tl-side-by-side' : ''}` });
    for (const v of t.views) panel.append(renderView(v, post));
    panels.push(panel);
  });
  wrap.append(list, ...panels);
  activate(pick);
  return wrap;
}

// The panel opens at its top, on the summary: never where an earlier document of the same panel
// was scrolled to, nor kept down the page when it switches to another tunnel.
try {
  history.scrollRestoration = 'manual';
} catch {
  /* a sandbox without history */
}
let shownTitle: string | undefined;

function render(): void {
  const root = document.getElementById('tl-root')!;
  const titleEl = document.getElementById('tl-title')!;
  const descEl = document.getElementById('tl-description')!;
  const d = state.data;
  clear(root);
  if (!d) {
    titleEl.textContent = 'Packet layout';
    return;
  }
  titleEl.textContent = `Packet layout: ${d.title}`;
  descEl.textContent = d.description;
  document.title = titleEl.textContent;
  try {
    const c = computeViews(d);
    root.append(summary(d, c.maxInner), renderTabs(c, state.view ?? 'sent'));
    if (shownTitle !== d.title) window.scrollTo(0, 0);
    shownTitle = d.title;
  } catch (e) {
    root.append(h('p', { class: 'tl-note tl-note-error', text: `Cannot draw this stack: ${e instanceof Error ? e.message : String(e)}` }));
  }
}

function showMessage(text: string): void {
  const root = document.getElementById('tl-root')!;
  const note = h('p', { class: 'tl-banner', role: 'status', text });
  root.querySelector('.tl-banner')?.remove();
  root.prepend(note);
}

window.addEventListener('message', (e: MessageEvent<ToWebviewMessage>) => {
  const m = e.data;
  if (!m || typeof m !== 'object') return;
  switch (m.type) {
    case 'update':
      if (!m.data || typeof m.data !== 'object') return;
      state = { ...state, data: m.data, source: m.source };
      save();
      render();
      break;
    case 'noTunnel':
      state = { ...state, data: undefined, source: m.source ?? state.source };
      save();
      render();
      document.getElementById('tl-description')!.textContent = m.message;
      break;
    case 'exported':
      showMessage(`Wrote ${m.file}`);
      break;
  }
});

save();
render();
post({ type: 'ready' });
