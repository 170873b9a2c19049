// The packet-layout preview in Debian's headless Chromium: the real renderPreviewHtml page, the real
// dist/webview.js bundle and media/preview.css, under the real CSP, served from a fake origin that
// page.route answers (nothing leaves the machine), with a stub acquireVsCodeApi.
// Needs /usr/bin/chromium (`apt-get install chromium`) and `node esbuild.mjs` first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderPreviewHtml } from '../../client/src/preview/html';
import type { LayoutResponse } from '../../server/src/protocol/preview';
import { fixedCase, foundingCase, hostileNames, linuxToLinux, XSS } from './fixtures';

const CHROMIUM = '/usr/bin/chromium';
const ORIGIN = 'https://webview.test';
const OUT = 'test-artifacts/webview';
const NONCE = 'TestNonce0123456789abcdef';

let browser: Browser;

before(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with \`apt-get install chromium\` (never download a browser)`);
  if (!existsSync('dist/webview.js')) throw new Error('dist/webview.js is missing: build it with `node esbuild.mjs` first');
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
});

interface Loaded {
  page: Page;
  dialogs: string[];
  requests: string[];
  posted: () => Promise<{ type: string; [k: string]: unknown }[]>;
  csp: () => Promise<string[]>;
}

declare global {
  interface Window {
    __posted: { type: string; [k: string]: unknown }[];
    __csp: string[];
    acquireVsCodeApi: () => unknown;
  }
}

async function open(data: LayoutResponse | undefined, opts: { theme?: string; width?: number; html?: (h: string) => string } = {}): Promise<Loaded> {
  let html = renderPreviewHtml({ cspSource: ORIGIN, nonce: NONCE, scriptUri: `${ORIGIN}/dist/webview.js`, styleUri: `${ORIGIN}/media/preview.css`, data, source: data ? { uri: data.from.file, position: { line: data.from.line, character: 0 } } : undefined });
  if (opts.html) html = opts.html(html);
  const page = await browser.newPage({ viewport: { width: opts.width ?? 1100, height: 900 } });
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => requests.push(r.url()));
  // A string, not a function: tsx would wrap a function's inner names in a `__name` helper the page lacks.
  await page.addInitScript(`
    window.__posted = []; window.__csp = []; let state;
    window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => state, setState: (s) => { state = s; } });
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
    // VS Code puts the theme kind on <body> before the page's scripts run.
    document.addEventListener('DOMContentLoaded', () => document.body.classList.add(${JSON.stringify(opts.theme ?? 'vscode-light')}));
  `);
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort(); // no remote content, ever
    const p = url.pathname;
    if (p === '/index.html') return route.fulfill({ contentType: 'text/html', body: html });
    if (p === '/dist/webview.js') return route.fulfill({ path: 'dist/webview.js', contentType: 'text/javascript' });
    if (p === '/media/preview.css') return route.fulfill({ path: 'media/preview.css', contentType: 'text/css' });
    return route.fulfill({ status: 404, body: '' });
  });
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
  return {
    page,
    dialogs,
    requests,
    posted: () => page.evaluate(() => window.__posted),
    csp: () => page.evaluate(() => window.__csp),
  };
}

const blockNames = (page: Page, view: string) => page.locator(`section[data-view="${view}"] .tl-block`).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.name));

test('founding case towards a Cisco: layers in order, largest inner packet, hex dump, hover and focus, mis-parse beside the fix, no CSP violation', async () => {
  const { page, csp, dialogs, requests } = await open(foundingCase(), { theme: 'vscode-light' });
  try {
    assert.match(await page.locator('#tl-title').innerText(), /tun10 → Tunnel20/);
    const sent = await blockNames(page, 'sent');
    assert.deepEqual(sent.slice(0, 5), ['IPv6', 'Destination Options', 'ESP', 'GRE', 'IPv4']);
    assert.deepEqual(sent.slice(-2), ['ESP Trailer', 'ESP ICV']);
    assert.equal(await page.locator('#tl-max-inner').innerText(), '1402 bytes');
    assert.match(await page.locator('.tl-facts').first().innerText(), /1418 with encaplimit none; 1370 with ESP tunnel mode/);
    assert.equal(await page.locator('section[data-view="sent"] .tl-max-inner').innerText(), '1402');
    assert.ok((await page.locator('section[data-view="sent"] .tl-hex-row').count()) >= 6, 'hex dump rows');
    assert.match(await page.locator('section[data-view="sent"] .tl-hex-elided').innerText(), /rows .* of payload/);
    assert.match(await page.locator('.tl-alert').innerText(), /mis-parses/);

    // Hover: the Destination Options header shows its Tunnel Encapsulation Limit and lights its 8 bytes.
    await page.locator('section[data-view="sent"] .tl-block[data-name="Destination Options"]').hover();
    const details = page.locator('#tl-details-sent');
    assert.match(await details.innerText(), /Destination Options: offset 40, 8 bytes/);
    assert.equal(await details.locator('tr[data-field="Tunnel Encapsulation Limit"] .tl-value').innerText(), '4');
    assert.equal(await page.locator('section[data-view="sent"] .tl-hex-bytes .tl-hl').count(), 8);
    await page.screenshot({ path: `${OUT}/preview-light.png`, fullPage: true });

    // Keyboard: focus the first header, then move right with the arrow key to the ESP header.
    await page.locator('section[data-view="sent"] .tl-block').first().focus();
    assert.match(await details.innerText(), /IPv6: offset 0, 40 bytes/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.name), 'ESP');
    assert.match(await details.locator('tr[data-field="SPI"] .tl-value').innerText(), /0x00001001/i);
    assert.equal(await page.locator('section[data-view="sent"] .tl-block[data-name="ESP"]').getAttribute('tabindex'), '0');
    assert.match((await page.locator('section[data-view="sent"] .tl-block[data-name="ESP"]').getAttribute('aria-label')) ?? '', /ESP, 24 bytes at offset 48/);

    // The views.
    const tabs = await page.locator('[role="tab"]').allInnerTexts();
    assert.deepEqual(tabs, ['As sent', 'As the peer decrypts it', 'Cisco mis-parse']);
    await page.locator('[role="tab"][data-tab="decrypted"]').click();
    assert.deepEqual(await blockNames(page, 'decrypted'), ['IPv6', 'Destination Options', 'GRE', 'IPv4', 'ICMP', 'Payload']);
    await page.locator('[role="tab"][data-tab="misparse"]').click();
    assert.equal(await page.locator('#tl-panel-misparse').isVisible(), true);
    assert.deepEqual((await blockNames(page, 'misparse')).slice(0, 2), ['IPv6', 'GRE']);
    // The "GRE" header the Cisco reads is the Destination Options header as sent: next header 50
    // (ESP), length 0, TEL option (type 4, length 1, value 4), PadN.
    await page.locator('section[data-view="misparse"] .tl-block[data-name="GRE"]').hover();
    const hl = await page.locator('section[data-view="misparse"] .tl-hex-bytes .tl-hl').allInnerTexts();
    assert.equal(hl.slice(0, 8).join(' '), '32 00 04 01 04 01 01 00');
    assert.match(await page.locator('section[data-view="misparse"] .tl-notes').innerText(), /Destination Options header as the start of protocol 47/);
    assert.deepEqual((await blockNames(page, 'fixed')).slice(0, 4), ['IPv6', 'ESP', 'GRE', 'IPv4']);
    assert.equal(await page.locator('section[data-view="fixed"] .tl-max-inner').innerText(), '1418');
    await page.screenshot({ path: `${OUT}/preview-misparse-light.png`, fullPage: true });

    assert.deepEqual(await csp(), []);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith(ORIGIN)), []);
  } finally {
    await page.close();
  }
});

test('dark theme renders with its own colours (screenshot)', async () => {
  const { page, csp } = await open(foundingCase(), { theme: 'vscode-dark' });
  try {
    await page.locator('section[data-view="sent"] .tl-block[data-name="GRE"]').hover();
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(31, 31, 31)');
    await page.screenshot({ path: `${OUT}/preview-dark.png`, fullPage: true });
    await page.locator('[role="tab"][data-tab="misparse"]').click();
    await page.screenshot({ path: `${OUT}/preview-misparse-dark.png`, fullPage: true });
    assert.deepEqual(await csp(), []);
  } finally {
    await page.close();
  }
});

test('no Cisco peer: no mis-parse view, the fixed packet has its own tab; the fixed config shows 1418', async () => {
  const a = await open(linuxToLinux());
  try {
    const tabs = await a.page.locator('[role="tab"]').allInnerTexts();
    assert.deepEqual(tabs, ['As sent', 'As the peer decrypts it', 'With encaplimit none']);
    assert.equal(await a.page.locator('section[data-view="misparse"]').count(), 0);
    assert.equal(await a.page.locator('.tl-alert').count(), 1);
    assert.doesNotMatch(await a.page.locator('.tl-alert').innerText(), /The Cisco peer mis-parses/);
    assert.deepEqual(await a.csp(), []);
  } finally {
    await a.page.close();
  }
  const b = await open(fixedCase());
  try {
    assert.deepEqual((await blockNames(b.page, 'sent')).slice(0, 4), ['IPv6', 'ESP', 'GRE', 'IPv4']);
    assert.equal(await b.page.locator('#tl-max-inner').innerText(), '1418 bytes');
    assert.deepEqual(await b.page.locator('[role="tab"]').allInnerTexts(), ['As sent', 'As the peer decrypts it']);
    assert.equal(await b.page.locator('.tl-alert').count(), 0);
  } finally {
    await b.page.close();
  }
});

test('config text is shown as text: an <img onerror> name and description run nothing', async () => {
  const { page, csp, dialogs } = await open(hostileNames());
  try {
    assert.equal(await page.locator('#tl-title').innerText(), `Packet layout: ${XSS} → Tunnel20`);
    assert.match(await page.locator('#tl-description').innerText(), new RegExp(XSS.replace(/[()]/g, '\\$&')));
    assert.equal(await page.locator('img').count(), 0);
    // and again through an update message
    const d = hostileNames();
    d.title = `${XSS} (updated)`;
    await page.evaluate((data) => window.postMessage({ type: 'update', data, source: { uri: data.from.file, position: { line: 0, character: 0 } } }, '*'), d);
    await page.waitForFunction(() => document.getElementById('tl-title')!.textContent!.includes('(updated)'));
    assert.equal(await page.locator('#tl-title').innerText(), `Packet layout: ${XSS} (updated)`);
    assert.ok((await page.locator('.tl-endpoint-name').allInnerTexts()).includes(XSS));
    assert.equal(await page.locator('img').count(), 0);
    await page.waitForTimeout(100);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(await csp(), []);
  } finally {
    await page.close();
  }
});

test('messages: ready first, an update redraws, Export pcap posts exportPcap with the variant, state is saved', async () => {
  const { page, posted, csp } = await open(undefined);
  try {
    assert.deepEqual(await posted(), [{ type: 'ready' }]);
    assert.equal(await page.locator('.tl-block').count(), 0);
    const d = foundingCase();
    await page.evaluate((data) => window.postMessage({ type: 'update', data, source: { uri: data.from.file, position: { line: 0, character: 0 } } }, '*'), d);
    await page.waitForSelector('section[data-view="sent"] .tl-block');
    await page.locator('section[data-view="sent"] button.tl-export').click();
    await page.locator('[role="tab"][data-tab="misparse"]').click();
    await page.locator('section[data-view="fixed"] button.tl-export').click();
    const msgs = (await posted()).filter((m) => m.type === 'exportPcap');
    assert.deepEqual(msgs, [{ type: 'exportPcap', variant: 'sent' }, { type: 'exportPcap', variant: 'fixed' }]);
    await page.evaluate(() => window.postMessage({ type: 'exported', file: '/tmp/x.pcap' }, '*'));
    await page.waitForSelector('.tl-banner');
    assert.match(await page.locator('.tl-banner').innerText(), /Wrote \/tmp\/x.pcap/);
    const state = await page.evaluate(() => (window.acquireVsCodeApi() as { getState(): { view?: string; source?: unknown } }).getState());
    assert.equal(state.view, 'misparse');
    assert.ok(state.source);
    assert.deepEqual(await csp(), []);
  } finally {
    await page.close();
  }
});

test('the CSP is in force: an inline script or style without the nonce is blocked', async () => {
  const { page, csp } = await open(foundingCase(), {
    html: (h) => h.replace('</body>', `<script>window.ran = 1</script><div id="styled" style="color: rgb(255, 0, 0)">x</div></body>`),
  });
  try {
    assert.equal(await page.evaluate(() => (window as unknown as { ran?: number }).ran), undefined);
    assert.notEqual(await page.locator('#styled').evaluate((e) => getComputedStyle(e).color), 'rgb(255, 0, 0)');
    const v = await csp();
    assert.ok(v.some((x) => x.startsWith('script-src')), v.join());
    assert.ok(v.some((x) => x.startsWith('style-src')), v.join());
  } finally {
    await page.close();
  }
});

/** Every block's label in a view, once fitLabels has run: its text, whether it is cut, its title and aria-label. */
async function labels(page: Page, view: string) {
  const sel = `section[data-view="${view}"] .tl-block`;
  await page.waitForFunction((s) => Array.from(document.querySelectorAll<HTMLElement>(s)).every((b) => b.style.minWidth !== ''), sel);
  return page.locator(sel).evaluateAll((els) =>
    els.map((b) => {
      const n = b.querySelector<HTMLElement>('.tl-block-name')!;
      const l = b.querySelector<HTMLElement>('.tl-block-len')!;
      return {
        name: (b as HTMLElement).dataset.name!,
        text: n.textContent!,
        // Cut: the text wider than the room its span gives it (an ellipsis), or drawn past its block.
        cut: (() => {
          const r = document.createRange();
          r.selectNodeContents(n);
          const text = r.getBoundingClientRect();
          const box = b.getBoundingClientRect();
          // The room: the block's content box, less the label's own padding.
          const bs = getComputedStyle(b);
          const ns = getComputedStyle(n);
          // (no named helper here: tsx would wrap it in a `__name` call the page lacks)
          const room = box.width - [bs.borderLeftWidth, bs.borderRightWidth, bs.paddingLeft, bs.paddingRight, ns.paddingLeft, ns.paddingRight].reduce((sum, v) => sum + (parseFloat(v) || 0), 0);
          return n.scrollWidth > n.clientWidth || l.scrollWidth > l.clientWidth || text.width > room || text.left < box.left || text.right > box.right;
        })(),
        title: b.getAttribute('title'),
        aria: b.getAttribute('aria-label'),
        left: b.getBoundingClientRect().left,
      };
    }),
  );
}

for (const width of [320, 800, 1600]) {
  test(`labels at ${width} px: Destination Options and the trailer are readable (full or short, never cut), full names in title and aria-label, ruler aligned`, async () => {
    const { page, csp } = await open(foundingCase(), { width });
    try {
      for (const [tab, views] of [
        ['sent', ['sent']],
        ['decrypted', ['decrypted']],
        ['misparse', ['misparse', 'fixed']],
      ] as const) {
        await page.locator(`[role="tab"][data-tab="${tab}"]`).click();
        for (const view of views) {
          const all = await labels(page, view);
          for (const b of all) {
            assert.equal(b.cut, false, `${view} at ${width}px: "${b.text}" of ${b.name} is cut`);
            assert.doesNotMatch(b.text, /…|\.\.\./);
            assert.ok(b.aria?.startsWith(`${b.name}, `), `aria-label of ${b.name}: ${b.aria}`);
            assert.equal(b.title, b.aria, 'the hover shows the full name');
          }
          const dst = all.find((b) => b.name === 'Destination Options');
          if (view === 'sent' || view === 'decrypted') {
            assert.ok(dst, `${view} has the Destination Options block`);
            assert.ok(['Destination Options', 'DstOpt'].includes(dst.text), dst.text);
            assert.match(dst.aria!, /^Destination Options, 8 bytes at offset 40/);
          }
          const trailer = all.find((b) => b.name === 'ESP Trailer');
          if (view === 'sent' || view === 'fixed') {
            assert.ok(trailer && ['ESP Trailer', 'ESP trl'].includes(trailer.text), trailer?.text);
          }
          if (width >= 800) {
            const scrolls = await page.locator(`section[data-view="${view}"] .tl-diagram-wrap`).evaluate((w) => w.scrollWidth > w.clientWidth);
            assert.equal(scrolls, false, `${view} at ${width}px: the diagram fits without scrolling`);
          }
          // The ruler's ticks start where their blocks start.
          const ticks = await page.locator(`section[data-view="${view}"] .tl-tick`).evaluateAll((els) => els.map((t) => t.getBoundingClientRect().left));
          assert.equal(ticks.length, all.length);
          ticks.forEach((x, i) => assert.ok(Math.abs(x - all[i].left) <= 1, `${view} at ${width}px: tick ${i} at ${x}, block at ${all[i].left}`));
        }
      }
      await page.screenshot({ path: `${OUT}/preview-labels-${width}.png`, fullPage: true });
      assert.deepEqual(await csp(), []);
    } finally {
      await page.close();
    }
  });
}

test('the panel opens at the top, on the summary, and goes back there for another tunnel (not where it was scrolled to)', async () => {
  const { page } = await open(foundingCase(), { width: 800 });
  try {
    const summaryInView = () =>
      page.evaluate(() => {
        const r = document.querySelector('.tl-summary')!.getBoundingClientRect();
        return { y: window.scrollY, top: r.top, fits: r.top >= 0 && r.top < window.innerHeight };
      });
    await page.waitForSelector('section[data-view="sent"] .tl-block');
    assert.deepEqual(await summaryInView().then((s) => [s.y, s.fits]), [0, true]);
    const tall = await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight + 200);
    assert.ok(tall, 'the page is taller than the panel, so it could open scrolled');
    // Scrolled down to the hex dump, then the panel is reloaded (VS Code sets the html again):
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    assert.ok((await page.evaluate(() => window.scrollY)) > 200);
    await page.reload();
    await page.waitForSelector('section[data-view="sent"] .tl-block');
    await page.waitForTimeout(200);
    assert.deepEqual(await summaryInView().then((s) => [s.y, s.fits]), [0, true]);
    // Scrolled down, then another tunnel is shown in the same panel: back to its summary.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const d = linuxToLinux();
    await page.evaluate((data) => window.postMessage({ type: 'update', data, source: { uri: data.from.file, position: { line: 0, character: 0 } } }, '*'), d);
    await page.waitForFunction((t) => document.getElementById('tl-title')!.textContent!.includes(t), d.title);
    assert.deepEqual(await summaryInView().then((s) => [s.y, s.fits]), [0, true]);
    // The same tunnel redrawn (an edit of its file) keeps the reader's place.
    await page.evaluate(() => window.scrollTo(0, 300));
    await page.evaluate((data) => window.postMessage({ type: 'update', data, source: { uri: data.from.file, position: { line: 0, character: 0 } } }, '*'), d);
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => window.scrollY), 300);
  } finally {
    await page.close();
  }
});
