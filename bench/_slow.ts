import { fuzzService, prng, runCase } from '../test/fuzz/harness';
const text = '#!/bin/sh\n     ip tunnel add tun0 ' + 'x'.repeat(20000) + '\n';
const s = fuzzService(new Map());
const { TextDocument } = require('vscode-languageserver-textdocument');
for (const n of [1,2]) {
const t0 = performance.now(); s.workspace.openDocument(TextDocument.create('file:///a/ifup-local', 'shellscript', n, text)); s.findings('file:///a/ifup-local'); console.log('findings', performance.now() - t0);
const t1 = performance.now(); s.hover('file:///a/ifup-local', {line:1, character: 5000}); console.log('hover', performance.now() - t1);
const t2 = performance.now(); s.complete('file:///a/ifup-local', {line:1, character: 5000}); console.log('complete', performance.now() - t2);
}
