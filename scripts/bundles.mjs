// The bundles, as data: the extension host client, the language server (node-ipc for VS Code,
// --stdio for any other editor), the `tunnel-lens` CLI (and its decode worker) and the preview webview script. esbuild.mjs
// builds them into dist/; scripts/package.mjs builds the extension's three into the .vsix staging.
export function bundleTargets({ outdir = 'dist', production = false, absWorkingDir } = {}) {
  const common = { bundle: true, minify: production, sourcemap: !production, sourcesContent: false, logLevel: 'warning', absWorkingDir };
  return {
    extension: { ...common, entryPoints: ['client/src/extension.ts'], outfile: `${outdir}/extension.js`, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
    server: { ...common, entryPoints: ['server/src/server.ts'], outfile: `${outdir}/server.js`, platform: 'node', format: 'cjs', target: 'node20' },
    cli: { ...common, entryPoints: ['server/src/cli.ts'], outfile: `${outdir}/cli.js`, platform: 'node', format: 'cjs', target: 'node20', banner: { js: '#!/usr/bin/env node' } },
    // the worker threads of `tunnel-lens decode` on a large capture (started by dist/cli.js beside it)
    decodeWorker: { ...common, entryPoints: ['server/src/cli/decodeWorker.ts'], outfile: `${outdir}/decode-worker.js`, platform: 'node', format: 'cjs', target: 'node20' },
    webview: { ...common, entryPoints: ['client/webview/main.ts'], outfile: `${outdir}/webview.js`, platform: 'browser', format: 'iife', target: 'es2022' },
  };
}
