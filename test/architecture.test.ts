// The layers of docs/ARCHITECTURE.md, enforced: every import of every source file (type-only
// imports too) must point down or sideways within its own layer. A wrong-way import fails here with
// the file, the import and the rule it breaks.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');

interface Layer {
  name: string;
  /** Which files belong to it (first match wins, most specific first). */
  match: RegExp;
  /** Layers it may import from (itself is always allowed). */
  may: string[];
  /** Packages (bare specifiers) it may import; node:* modules only where listed. */
  packages: RegExp;
}

// Most specific first. Paths are relative to the repository root.
const LAYERS: Layer[] = [
  { name: 'core', match: /^server\/src\/core\//, may: [], packages: /^(vscode-languageserver-types|vscode-languageserver-textdocument|ipaddr\.js|vscode-uri)$/ },
  { name: 'codec-node', match: /^codec\/crypto-node\.ts$/, may: ['codec', 'core'], packages: /^node:crypto$/ },
  { name: 'codec', match: /^codec\//, may: ['core'], packages: /^$/ },
  { name: 'protocol', match: /^server\/src\/protocol\//, may: ['core', 'codec'], packages: /^vscode-languageserver-protocol$/ },
  // The model runs in the server and the CLI only (never the webview): node:crypto for the per-process
  // secret digest key (model/secretDigest.ts).
  { name: 'model', match: /^server\/src\/model\//, may: ['core', 'codec'], packages: /^(vscode-languageserver-types|node:crypto)$/ },
  { name: 'dialect-shared', match: /^server\/src\/languages\/shared\//, may: ['core', 'model'], packages: /^(vscode-languageserver-types|vscode-languageserver-textdocument|picomatch|yaml)$/ },
  { name: 'dialect-registry', match: /^server\/src\/languages\/index\.ts$/, may: ['dialect', 'core'], packages: /^$/ },
  {
    name: 'dialect',
    match: /^server\/src\/languages\/[^/]+\//,
    may: ['dialect-shared', 'core', 'model', 'codec'],
    packages: /^(vscode-languageserver-types|vscode-languageserver-textdocument|chevrotain|picomatch|yaml)$/,
  },
  { name: 'checks', match: /^server\/src\/checks\//, may: ['core', 'model', 'codec'], packages: /^(vscode-languageserver-types)$/ },
  { name: 'fixes', match: /^server\/src\/fixes\//, may: ['core', 'model', 'codec', 'checks', 'protocol'], packages: /^(vscode-languageserver-types|vscode-languageserver-textdocument)$/ },
  {
    name: 'service',
    match: /^server\/src\/service\//,
    may: ['core', 'model', 'codec', 'checks', 'fixes', 'dialect-registry', 'protocol'],
    packages: /^(vscode-languageserver-types|vscode-languageserver-textdocument|picomatch)$/,
  },
  { name: 'node-io', match: /^server\/src\/node\//, may: ['core'], packages: /^node:(fs|path)$/ },
  {
    name: 'lsp',
    match: /^server\/src\/lsp\//,
    may: ['service', 'protocol', 'core', 'model', 'codec', 'codec-node', 'node-io'],
    packages: /^(vscode-languageserver(\/node)?|vscode-languageserver-textdocument|vscode-languageserver-types|node:[a-z0-9_]+)$/,
  },
  { name: 'server-entry', match: /^server\/src\/server\.ts$/, may: ['lsp', 'core'], packages: /^vscode-languageserver\/node$/ },
  {
    name: 'cli',
    match: /^server\/src\/cli(\/|\.ts$)/,
    may: ['service', 'protocol', 'core', 'model', 'codec', 'codec-node', 'node-io', 'dialect-registry'],
    packages: /^(sarif|diff|vscode-languageserver-textdocument|node:[a-z0-9_]+)$/,
  },
  { name: 'webview', match: /^client\/webview\//, may: ['protocol', 'codec', 'core'], packages: /^$/ },
  { name: 'client', match: /^client\/src\//, may: ['protocol', 'codec', 'core'], packages: /^(vscode|vscode-languageclient(\/node)?|node:[a-z_]+)$/ },
];

const layerOf = (file: string): Layer | undefined => LAYERS.find((l) => l.match.test(file));

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.ts')) out.push(relative(ROOT, p));
    }
  };
  walk(join(ROOT, dir));
  return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every import of a file: [specifier, resolved repository path or the package name]. */
function importsOf(file: string): { spec: string; target: string; relativeSpec: boolean }[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: { spec: string; target: string; relativeSpec: boolean }[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    // A relative path into node_modules is a package (the chevrotain shim loads its single-file build).
    const pkg = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(spec);
    if (pkg) out.push({ spec: pkg[1], target: pkg[1], relativeSpec: false });
    else if (spec.startsWith('.')) {
      let target = relative(ROOT, resolve(join(ROOT, dirname(file)), spec));
      if (!target.endsWith('.ts')) {
        try {
          target = statSync(join(ROOT, target)).isDirectory() ? `${target}/index.ts` : `${target}.ts`;
        } catch {
          target = `${target}.ts`;
        }
      }
      out.push({ spec, target, relativeSpec: true });
    } else out.push({ spec, target: spec, relativeSpec: false });
  }
  return out;
}

/** The dialect folder of a path: 'cisco-ios' for server/src/languages/cisco-ios/x.ts. */
const dialectFolder = (p: string) => /^server\/src\/languages\/([^/]+)\//.exec(p)?.[1];

export function violations(files: string[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    const layer = layerOf(file);
    if (!layer) {
      out.push(`${file}: in no layer of test/architecture.test.ts`);
      continue;
    }
    for (const imp of importsOf(file)) {
      if (!imp.relativeSpec) {
        if (!layer.packages.test(imp.spec)) out.push(`${file}: imports package '${imp.spec}', which layer ${layer.name} may not use`);
        continue;
      }
      const to = layerOf(imp.target);
      if (!to) {
        out.push(`${file}: imports '${imp.spec}' (${imp.target}), which is in no layer`);
        continue;
      }
      if (to === layer) {
        // Within the dialect layer, a dialect may import only its own folder.
        if (layer.name === 'dialect' && dialectFolder(file) !== dialectFolder(imp.target)) {
          out.push(`${file}: imports '${imp.spec}' from another dialect (${dialectFolder(imp.target)}); shared code belongs in languages/shared`);
        }
        continue;
      }
      if (!layer.may.includes(to.name)) out.push(`${file}: imports '${imp.spec}' from layer ${to.name}, which layer ${layer.name} may not import`);
    }
  }
  return out;
}

const ALL = [...sources('server/src'), ...sources('codec'), ...sources('client')];

test('every import points the way docs/ARCHITECTURE.md allows', () => {
  assert.deepEqual(violations(ALL), []);
});

test('the rule would fail on the wrong-way imports this structure replaced', () => {
  // Checked against files as they were: the server importing from client/, the client re-exporting
  // the server, one dialect importing another, checks importing a dialect, the service reading a
  // dialect's tree, core importing the model.
  const fake = (file: string, spec: string) => {
    const layer = layerOf(file)!;
    const target = relative(ROOT, resolve(join(ROOT, dirname(file)), spec)) + '.ts';
    const to = layerOf(target);
    if (!to) return `${file} → ${spec}: in no layer`;
    if (to === layer) return layer.name === 'dialect' && dialectFolder(file) !== dialectFolder(target) ? `${file} → ${spec}: another dialect` : undefined;
    return layer.may.includes(to.name) ? undefined : `${file} → ${spec}: ${layer.name} may not import ${to.name}`;
  };
  for (const [file, spec] of [
    ['server/src/lsp/layout.ts', '../../../client/src/preview/protocol'],
    ['client/src/protocol.ts', '../../server/src/lsp/peerInfo'],
    ['server/src/languages/shellscript/index.ts', '../ifcfg'],
    ['server/src/languages/ifcfg/reader.ts', '../shellscript/lexer'],
    ['server/src/checks/peer/mode.ts', '../../languages/cisco-ios/objects'],
    ['server/src/service/secretsLink.ts', '../languages/ipsec-secrets'],
    ['server/src/core/types.ts', '../model/algorithms'],
    ['codec/packet.ts', '../server/src/model/stack'],
    ['client/webview/main.ts', '../../server/src/service/languageService'],
  ] as const) {
    assert.ok(fake(file, spec), `${file} → ${spec} should be a violation`);
  }
});
