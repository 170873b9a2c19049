// Draws one packet view: proportional header blocks over a byte ruler, a details pane with the
// fields of the hovered or focused header, the hex dump (the header's bytes highlighted) and, for
// packets on the wire, the overhead table.
import type { Field, Layer } from '../../codec';
import { h } from './dom';
import type { ComputedView } from './views';

/** Headers are drawn to scale; a payload this long would flatten them, so it is drawn shortened. */
const PAYLOAD_DRAWN = 48;
const HEX_ROW = 16;
/**
 * Labels for headers too narrow for their full name (the full name is in the title, the aria-label
 * and the details). A block is never narrower than its short label (fitLabels), so no label is cut.
 */
const SHORT: Partial<Record<Layer['id'], string>> = {
  ethernet: 'Eth',
  vlan: 'VLAN',
  hopbyhop: 'HbH',
  dstopts: 'DstOpt',
  routing: 'Rt',
  fragment: 'Frag',
  'esp-encrypted': 'ESP enc',
  'esp-trailer': 'ESP trl',
  'esp-icv': 'ICV',
};
/** The narrowest a block is drawn, whatever its share of the bytes. */
const MIN_BLOCK = 28;

function layerClass(l: Layer): string {
  return `tl-l-${l.id}`;
}

function fieldValue(f: Field): string {
  return typeof f.value === 'number' ? String(f.value) : f.value;
}

export interface RenderedView {
  root: HTMLElement;
}

export function renderView(v: ComputedView, post: (m: { type: 'exportPcap'; variant: 'sent' | 'fixed' }) => void): HTMLElement {
  const card = h('section', { class: `tl-view tl-view-${v.id}`, 'data-view': v.id, 'aria-label': v.label });
  const head = h('div', { class: 'tl-view-head' }, h('h2', { text: v.label }));
  if (v.exportVariant) {
    const variant = v.exportVariant;
    const b = h('button', { type: 'button', class: 'tl-export', 'data-variant': variant, text: variant === 'sent' ? 'Export pcap' : 'Export pcap (encaplimit none)' });
    b.addEventListener('click', () => post({ type: 'exportPcap', variant }));
    head.append(b);
  }
  card.append(head, h('p', { class: 'tl-muted tl-view-title', text: v.title }));

  const notes = [...v.notes.map((n) => ({ sev: n.severity, text: n.message })), ...v.errors.map((e) => ({ sev: 'error' as const, text: e }))];
  if (notes.length) card.append(h('ul', { class: 'tl-notes' }, notes.map((n) => h('li', { class: `tl-note tl-note-${n.sev}`, text: `${n.sev}: ${n.text}` }))));

  const detailsId = `tl-details-${v.id}`;
  const diagram = h('div', { class: 'tl-diagram', role: 'list', 'aria-label': `${v.label}: headers in order` });
  const ruler = h('div', { class: 'tl-ruler', 'aria-hidden': 'true' });
  const details = h('div', { class: 'tl-details', id: detailsId, 'aria-live': 'polite' }, h('p', { class: 'tl-muted', text: 'Hover over or focus a header to see its fields.' }));
  const hex = renderHex(v);
  const blocks: HTMLElement[] = [];

  v.layers.forEach((l, i) => {
    const grow = l.id === 'payload' ? Math.min(l.length, PAYLOAD_DRAWN) : Math.max(l.length, 2);
    const label = `${l.name}, ${l.length} bytes at offset ${l.offset}${l.encrypted ? ', encrypted on the wire' : ''}`;
    const block = h(
      'div',
      {
        class: `tl-block ${layerClass(l)}${l.encrypted ? ' tl-encrypted' : ''}${l.id === 'payload' ? ' tl-elided' : ''}`,
        role: 'listitem',
        tabindex: 0,
        'aria-label': label,
        title: label,
        'aria-describedby': detailsId,
        'data-layer': i,
        'data-name': l.name,
        'data-offset': l.offset,
        'data-length': l.length,
      },
      h('span', { class: 'tl-block-name', 'data-full': l.name, 'data-short': SHORT[l.id] ?? l.name, text: l.name }),
      h('span', { class: 'tl-block-len', text: `${l.length} B` }),
    );
    block.style.flexGrow = String(grow);
    const tick = h('div', { class: 'tl-tick' }, h('span', { text: String(l.offset) }));
    tick.style.flexGrow = String(grow);
    if (i === v.layers.length - 1) tick.append(h('span', { class: 'tl-tick-end', text: String(l.offset + l.length) }));
    const select = () => {
      for (const b of blocks) b.classList.toggle('tl-selected', b === block);
      showDetails(details, l);
      highlight(hex, l.offset, l.length);
      for (const row of Array.from(details.querySelectorAll<HTMLElement>('tr[data-offset]'))) {
        const on = () => highlight(hex, Number(row.dataset.offset), Number(row.dataset.length), 'tl-hl-field', l);
        row.addEventListener('mouseenter', on);
        row.addEventListener('focus', on);
      }
    };
    block.addEventListener('mouseenter', select);
    block.addEventListener('focus', select);
    block.addEventListener('keydown', (e) => {
      const k = e.key;
      const next = k === 'ArrowRight' ? blocks[i + 1] : k === 'ArrowLeft' ? blocks[i - 1] : undefined;
      if (next) {
        e.preventDefault();
        next.focus();
      }
    });
    blocks.push(block);
    diagram.append(block);
    ruler.append(tick);
  });

  card.append(h('div', { class: 'tl-diagram-wrap' }, diagram, ruler), legend(v), details);
  watchLabels(diagram, ruler);
  if (v.overhead) card.append(renderOverhead(v));
  card.append(h('h3', { text: v.wireEncrypted ? 'Hex dump (as on the wire: ESP payload encrypted with the sample key)' : 'Hex dump' }), hex);
  return card;
}

/**
 * Every block at least as wide as its short label and its length (the ruler's ticks the same, so
 * they stay aligned), then each block's full name where it fits and its short form where not.
 * Rerun whenever the diagram's width changes (a resized panel, a tab shown).
 */
function fitLabels(diagram: HTMLElement, ruler: HTMLElement): void {
  if (diagram.clientWidth === 0) return; // hidden tab: measured when it is shown
  const blocks = Array.from(diagram.querySelectorAll<HTMLElement>('.tl-block'));
  const ticks = Array.from(ruler.querySelectorAll<HTMLElement>('.tl-tick'));
  // The text's own width (subpixel), and the room its span gives it (content box).
  const textWidth = (el: HTMLElement) => {
    const r = document.createRange();
    r.selectNodeContents(el);
    return r.getBoundingClientRect().width;
  };
  const pad = (el: HTMLElement) => {
    const cs = getComputedStyle(el);
    return parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight);
  };
  const names = blocks.map((b) => b.querySelector<HTMLElement>('.tl-block-name')!);
  blocks.forEach((b, i) => {
    const name = names[i];
    const len = b.querySelector<HTMLElement>('.tl-block-len');
    name.textContent = name.dataset.short!;
    const cs = getComputedStyle(b);
    const frame = parseFloat(cs.borderLeftWidth) + parseFloat(cs.borderRightWidth) + parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight);
    // 2 px to spare: a text a fraction of a pixel too wide already gets its ellipsis.
    const need = Math.max(MIN_BLOCK, Math.ceil(Math.max(textWidth(name) + pad(name), len ? textWidth(len) + pad(len) : 0) + frame + 2));
    b.style.minWidth = ticks[i].style.minWidth = `${need}px`;
  });
  blocks.forEach((b, i) => {
    const name = names[i];
    name.textContent = name.dataset.full!;
    // The room is the block's content box (the span shrinks to its text, so its own width says nothing).
    if (textWidth(name) + pad(name) > b.clientWidth - pad(b) - 1) name.textContent = name.dataset.short!;
  });
}

function watchLabels(diagram: HTMLElement, ruler: HTMLElement): void {
  let width = -1;
  const run = () => {
    if (diagram.clientWidth === width) return;
    width = diagram.clientWidth;
    fitLabels(diagram, ruler);
  };
  if (typeof ResizeObserver === 'function') new ResizeObserver(run).observe(diagram);
  requestAnimationFrame(run);
}

function legend(v: ComputedView): HTMLElement {
  const parts: (HTMLElement | string)[] = [];
  if (v.layers.some((l) => l.encrypted)) parts.push(h('span', { class: 'tl-legend-enc', text: 'hatched' }), ': inside ESP (encrypted on the wire, fields shown decrypted with the sample key). ');
  if (v.layers.some((l) => l.id === 'payload')) parts.push('The payload is drawn shortened; headers are to scale.');
  return h('p', { class: 'tl-legend tl-muted' }, parts);
}

function showDetails(details: HTMLElement, l: Layer): void {
  details.replaceChildren(
    h('h3', { class: 'tl-details-title', text: `${l.name}: offset ${l.offset}, ${l.length} bytes${l.encrypted ? ' (encrypted on the wire)' : ''}` }),
    l.fields.length
      ? h(
          'table',
          { class: 'tl-fields' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Field' }), h('th', { scope: 'col', text: 'Offset' }), h('th', { scope: 'col', text: 'Length' }), h('th', { scope: 'col', text: 'Value' }))),
          h(
            'tbody',
            {},
            l.fields.map((f) =>
              h(
                'tr',
                { tabindex: 0, 'data-offset': f.offset, 'data-length': f.length, 'data-field': f.name },
                h('td', { text: f.name }),
                h('td', { class: 'tl-num', text: String(f.offset) }),
                h('td', { class: 'tl-num', text: String(f.length) }),
                h('td', { class: 'tl-value', text: fieldValue(f) }),
              ),
            ),
          ),
        )
      : h('p', { class: 'tl-muted', text: 'No fields (data).' }),
  );
}

function highlight(hex: HTMLElement, offset: number, length: number, cls = 'tl-hl', layer?: Layer): void {
  if (cls === 'tl-hl') hex.querySelectorAll('.tl-hl-field').forEach((s) => s.classList.remove('tl-hl-field'));
  hex.querySelectorAll(`.${cls}`).forEach((s) => s.classList.remove(cls));
  if (layer) highlight(hex, layer.offset, layer.length);
  const end = offset + length;
  hex.querySelectorAll<HTMLElement>('span[data-o]').forEach((s) => {
    const o = Number(s.dataset.o);
    if (o >= offset && o < end) s.classList.add(cls);
  });
}

function renderHex(v: ComputedView): HTMLElement {
  const dump = h('div', { class: 'tl-hex', role: 'table', 'aria-label': `${v.label}: hex dump, ${v.bytes.length} bytes` });
  const payload = v.layers.find((l) => l.id === 'payload');
  const rows = Math.ceil(v.bytes.length / HEX_ROW);
  let elided = 0;
  const flush = () => {
    if (!elided) return;
    dump.append(h('div', { class: 'tl-hex-elided', role: 'row', text: `⋯ ${elided} rows (${elided * HEX_ROW} bytes) of payload ⋯` }));
    elided = 0;
  };
  for (let r = 0; r < rows; r++) {
    const start = r * HEX_ROW;
    const end = Math.min(start + HEX_ROW, v.bytes.length);
    // Rows wholly inside the payload, but the first and last of it, are summarized.
    if (payload && start >= payload.offset + HEX_ROW && end <= payload.offset + payload.length - HEX_ROW) {
      elided++;
      continue;
    }
    flush();
    const row = h('div', { class: 'tl-hex-row', role: 'row' }, h('span', { class: 'tl-hex-off', text: start.toString(16).padStart(4, '0') }));
    const cells = h('span', { class: 'tl-hex-bytes' });
    const ascii = h('span', { class: 'tl-hex-ascii' });
    for (let o = start; o < end; o++) {
      const b = v.bytes[o];
      const layer = v.layers.find((l) => o >= l.offset && o < l.offset + l.length);
      cells.append(h('span', { 'data-o': o, class: layer ? `tl-h-${layer.id}` : undefined, text: b.toString(16).padStart(2, '0') }));
      ascii.append(h('span', { 'data-o': o, text: b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.' }));
    }
    row.append(cells, ascii);
    dump.append(row);
  }
  flush();
  return dump;
}

function renderOverhead(v: ComputedView): HTMLElement {
  const o = v.overhead!;
  return h(
    'div',
    { class: 'tl-overhead-wrap' },
    h('h3', { text: 'Overhead' }),
    h(
      'table',
      { class: 'tl-overhead' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Added by' }), h('th', { scope: 'col', text: 'Bytes' }))),
      h(
        'tbody',
        {},
        o.rows.map((r) => h('tr', {}, h('td', { text: r.name }), h('td', { class: 'tl-num', text: String(r.bytes) }))),
        h('tr', { class: 'tl-total' }, h('td', { text: 'Total overhead' }), h('td', { class: 'tl-num', text: String(o.total) })),
        h('tr', { class: 'tl-max' }, h('td', { text: 'Largest inner packet' }), h('td', { class: 'tl-num tl-max-inner', text: String(o.maxInnerPacket) })),
        h('tr', {}, h('td', { text: 'Sample packet on the wire' }), h('td', { class: 'tl-num', text: String(o.packetLength) })),
      ),
    ),
  );
}
