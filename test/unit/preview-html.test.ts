// The preview's pure HTML builder: the CSP, the nonce on every script, escaping of config text and
// the initial data carried in a data-* attribute (never in inline script).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, makeNonce, previewCsp, renderPreviewHtml } from '../../client/src/preview/html';
import type { LayoutResponse } from '../../server/src/protocol/preview';
import { foundingCase, hostileNames, XSS } from '../webview/fixtures';

const NONCE = 'AbCdEf0123456789XyZ';
const base = { cspSource: 'https://webview.test', nonce: NONCE, scriptUri: 'https://webview.test/dist/webview.js', styleUri: 'https://webview.test/media/preview.css' };

function cspOf(html: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(m, 'CSP meta tag');
  return m[1].replace(/&#39;/g, "'");
}

test('the CSP is strict: default-src none, nonce scripts, styles from the extension only', () => {
  const csp = cspOf(renderPreviewHtml({ ...base, data: foundingCase() }));
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
  assert.equal(directives['default-src'], "'none'");
  assert.equal(directives['script-src'], `'nonce-${NONCE}'`);
  assert.equal(directives['style-src'], 'https://webview.test');
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https:(?!\/\/webview\.test)|\*/);
  assert.equal(csp, previewCsp('https://webview.test', NONCE));
});

test('every script carries the nonce and loads from the given uri; no inline script or style', () => {
  const html = renderPreviewHtml({ ...base, data: foundingCase() });
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1);
  for (const [, attrs, body] of scripts) {
    assert.match(attrs, new RegExp(`nonce="${NONCE}"`));
    assert.match(attrs, /src="https:\/\/webview\.test\/dist\/webview\.js"/);
    assert.equal(body.trim(), '');
  }
  assert.doesNotMatch(html, /<style\b|\sstyle="|\son[a-z]+=/i);
  assert.match(html, /<link rel="stylesheet" href="https:\/\/webview\.test\/media\/preview\.css">/);
});

test('asWebviewUri resolves dist/webview.js and media/preview.css', () => {
  const html = renderPreviewHtml({ cspSource: 'vscode-resource:', nonce: NONCE, asWebviewUri: (p) => `https://file+.vscode-resource.test/ext/${p}` });
  assert.match(html, /src="https:\/\/file\+\.vscode-resource\.test\/ext\/dist\/webview\.js"/);
  assert.match(html, /href="https:\/\/file\+\.vscode-resource\.test\/ext\/media\/preview\.css"/);
  assert.throws(() => renderPreviewHtml({ cspSource: 'x', nonce: NONCE }), /scriptUri/);
  assert.throws(() => renderPreviewHtml({ ...base, nonce: `a" onload="x` }), /nonce/);
});

test('config text is escaped everywhere; the data attribute round-trips to the same object', () => {
  const data = hostileNames();
  const html = renderPreviewHtml({ ...base, data, source: { uri: data.from.file, position: { line: 4, character: 0 } } });
  assert.ok(!html.includes(XSS), 'raw markup from the config must not appear');
  assert.ok(html.includes(escapeHtml(XSS)));
  assert.match(html, /<title>Packet layout: &lt;img src=x onerror=alert\(1\)&gt; → Tunnel20<\/title>/);
  const m = /data-state="([^"]*)"/.exec(html);
  assert.ok(m);
  const decoded = m[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const state = JSON.parse(decoded) as { data: LayoutResponse; source: unknown };
  assert.deepEqual(state.data, JSON.parse(JSON.stringify(data)));
  assert.deepEqual(state.source, { uri: data.from.file, position: { line: 4, character: 0 } });
});

test('escapeHtml and makeNonce', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  const a = makeNonce();
  assert.match(a, /^[A-Za-z0-9]{32}$/);
  assert.notEqual(a, makeNonce());
});

test('without data the page still renders a hint and an empty state', () => {
  const html = renderPreviewHtml(base);
  assert.match(html, /Show packet layout/);
  assert.match(html, /data-state="\{\}"/);
});

test('a reveal message from the webview opens only a file of the pair shown', async () => {
  const { revealTarget } = await import('../../server/src/protocol/preview');
  const data = {
    from: { id: 'a', name: 'tun10', vendor: 'linux', file: 'file:///ws/linux/ifcfg-tun10', line: 3, protectedBy: { name: 'gre6', file: 'file:///ws/linux/ipsec.conf', line: 4 } },
    to: { id: 'b', name: 'Tunnel20', vendor: 'cisco-ios', file: 'file:///ws/cisco/r1-confg', line: 40 },
  } as never;
  assert.deepEqual(revealTarget(data, { file: 'file:///ws/linux/ipsec.conf', line: 4 }), { file: 'file:///ws/linux/ipsec.conf', line: 4 });
  assert.deepEqual(revealTarget(data, { file: 'file:///ws/cisco/r1-confg', line: 40 }), { file: 'file:///ws/cisco/r1-confg', line: 40 });
  // Foreign uris: another file, a command link, a remote resource, a line that is not one.
  assert.equal(revealTarget(data, { file: 'file:///etc/shadow', line: 0 }), undefined);
  assert.equal(revealTarget(data, { file: 'command:workbench.action.terminal.new', line: 0 }), undefined);
  assert.equal(revealTarget(data, { file: 'https://evil.example/x', line: 0 }), undefined);
  assert.equal(revealTarget(undefined, { file: 'file:///ws/linux/ipsec.conf', line: 4 }), undefined);
  assert.deepEqual(revealTarget(data, { file: 'file:///ws/linux/ifcfg-tun10', line: -5 }), { file: 'file:///ws/linux/ifcfg-tun10', line: 0 });
});
