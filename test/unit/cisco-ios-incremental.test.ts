// Incremental re-parse of the cisco-ios dialect: for many random edits of corpus files (and of the
// benchmark generator's config), parsing the new text with the previous version's ParsedFile must
// give exactly what a parse from scratch gives: the tree, the objects, endpoints, findings (of the
// dialect's checks), symbols, references, folding and the line ledger. Edits chain (each version is the previous of the next), so a
// reused tree is itself reused again.
import { test } from 'node:test';
import { prng } from '../helpers/prng';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { dialect, parseIosDocument, type IosTree } from '../../server/src/languages/cisco-ios';
import { analyse } from '../../server/src/service/analysis';
import { buildRegistry } from '../../server/src/service/registry';
import { parseIos } from '../../server/src/languages/cisco-ios/parser';
import { extract } from '../../server/src/languages/cisco-ios/extract/roots';
import { buildEndpoints } from '../../server/src/languages/cisco-ios/endpoints/cache';
import type { ParsedFile } from '../../server/src/core/types';
import { ctxWith } from '../fixtures/cisco-ios/parse';
import { genIos } from '../../bench/gen';

const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'ios');

const rng = prng;
const REGISTRY = buildRegistry([dialect], [], []);

/** Snippets that change the parser's state across lines: sections, exits, `end`, banners, blocks. */
const SNIPPETS = [
  '\n', '\n!', '\n!\n', ' ', '  ', '\nend\n', '\nconfigure terminal\n', '\nexit\n', '\ninterface Tunnel9\n tunnel source 10.0.0.1\n',
  '\nbanner motd ^C\nhello\n', '^C', '\nbanner login #\n', '#', '\n key-string\n', '\n  ABCDEF 0123\n', '\n quit\n', 'no ',
  '\ncrypto map CM 10 ipsec-isakmp\n', '\nset peer 192.0.2.9\n', '\n! tunnel-lens: ios 17.12\n', '\ncrypto pki certificate chain X\n certificate 01\n',
  'x', '7', '\r\n', '\r', '\ncrypto isakmp policy 5\nencryption aes\n', '\nip access-list extended A\n permit gre any any\n',
];

function mutate(text: string, r: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const at = Math.floor(r() * (text.length + 1));
  switch (Math.floor(r() * 7)) {
    case 0: // type a character
      return text.slice(0, at) + pick(['7', 'a', ' ', '!', '\n', '-', '/']) + text.slice(at);
    case 1: // delete a short range
      return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(r() * 12)));
    case 2: // delete a longer range (may span sections)
      return text.slice(0, at) + text.slice(Math.min(text.length, at + Math.floor(r() * 400)));
    case 3: // insert a snippet
      return text.slice(0, at) + pick(SNIPPETS) + text.slice(at);
    case 4: { // duplicate a range elsewhere
      const from = Math.floor(r() * text.length);
      const piece = text.slice(from, from + Math.floor(r() * 200));
      return text.slice(0, at) + piece + text.slice(at);
    }
    case 5: { // re-indent or un-indent a line start
      const ls = text.lastIndexOf('\n', at - 1) + 1;
      return text[ls] === ' ' ? text.slice(0, ls) + text.slice(ls + 1) : text.slice(0, ls) + ' ' + text.slice(ls);
    }
    default: // replace a character
      return text.slice(0, at) + pick(['0', 'z', ' ', '\t']) + text.slice(at + 1);
  }
}

/**
 * The whole result as one string (deepStrictEqual on the cyclic tree is very slow): a node's parent
 * is its line, Maps and Sets are their entries, keyword table entries are their canonical path.
 */
function comparable(f: ParsedFile): string {
  const t = f.tree as IosTree;
  const ledger = [...dialect.lineUse(f as ParsedFile<IosTree>)];
  return toJson({ findings: f.findings, endpoints: f.endpoints, symbols: f.symbols, references: f.references, folding: f.folding, parse: t.parse, cfg: t.cfg, version: t.version, ledger });
}

function toJson(x: unknown): string {
  return JSON.stringify(
    x,
    function (key, value) {
      if (key === 'parent') return value ? `node@${value.line}` : null;
      if (key === 'kws') return (value as unknown[]).length;
      if (key === 'node' || key === 'nodes') {
        if (this && (this as { roots?: unknown }).roots) return value; // ParseTree.nodes: in full
        return Array.isArray(value) ? value.map((n: { line: number }) => `node@${n.line}`) : `node@${(value as { line: number }).line}`;
      }
      if (value instanceof Map) return ['Map', ...value.entries()];
      if (value instanceof Set) return ['Set', ...value.values()];
      if (value === undefined) return '(undefined)';
      return value;
    },
  );
}

/**
 * Line-count changes only, as an editor makes them: Enter at the end or the start of a line,
 * Backspace joining a line to the one above, a whole line deleted, a line duplicated (the nodes,
 * sections and endpoints below the edit are carried over with moved lines: parser.ts LineShift).
 */
function mutateLines(text: string, r: () => number): string {
  const lines = text.split('\n');
  const i = Math.floor(r() * lines.length);
  switch (Math.floor(r() * 5)) {
    case 0: // Enter at the end of line i
      lines.splice(i + 1, 0, '');
      break;
    case 1: // Enter at the start of line i
      lines.splice(i, 0, '');
      break;
    case 2: // Backspace at the start of line i: joined to the line above
      if (i > 0) lines.splice(i - 1, 2, lines[i - 1] + lines[i]);
      break;
    case 3: // the whole line deleted
      if (lines.length > 1) lines.splice(i, 1);
      break;
    default: // the line duplicated below itself (a paste)
      lines.splice(i + 1, 0, lines[i]);
  }
  return lines.join('\n');
}

function checkChain(name: string, text: string, edits: number, seed: number, edit: (text: string, r: () => number) => string = mutate): void {
  const r = rng(seed);
  const ctx = ctxWith();
  const uri = `file:///incremental/${encodeURIComponent(name)}`;
  let prev = analyse(TextDocument.create(uri, 'cisco-ios', 1, text), dialect, ctx, REGISTRY);
  for (let v = 2; v < edits + 2; v++) {
    // Mostly small edits on the current text; sometimes a stack of them.
    let next = edit(prev.text, r);
    if (r() < 0.2) next = edit(next, r);
    const doc = TextDocument.create(uri, 'cisco-ios', v, next);
    const inc = analyse(doc, dialect, ctx, REGISTRY, prev);
    const full = analyse(doc, dialect, ctx, REGISTRY);
    try {
      assert.equal(comparable(inc), comparable(full));
      // The model and endpoints built section by section (and reused from the previous version)
      // equal the plain reading of every section in order and building every endpoint.
      const t = inc.tree as IosTree;
      const plain = extract(t.parse);
      assert.equal(toJson(t.cfg), toJson(plain));
      const eps = buildEndpoints({ uri, cfg: plain, version: t.version, versionValued: t.endpoints[0]?.version ?? { value: '', source: 'default' } });
      if (t.endpoints.length > 0) assert.equal(toJson(t.endpoints), toJson(eps));
      assert.equal(t.endpoints.length, eps.length);
    } catch (e) {
      const err = e as { actual?: string; expected?: string; message: string };
      if (typeof err.actual === 'string' && typeof err.expected === 'string') {
        let k = 0;
        while (k < err.actual.length && err.actual[k] === err.expected[k]) k++;
        throw new Error(`${name}: edit ${v - 1} (seed ${seed}) differs from a full parse at ${k}: …${err.actual.slice(Math.max(0, k - 300), k + 200)}\n≠ …${err.expected.slice(Math.max(0, k - 300), k + 200)}`);
      }
      throw new Error(`${name}: edit ${v - 1} (seed ${seed}) differs from a full parse: ${err.message.slice(0, 2000)}`);
    }
    prev = inc;
  }
}

test('incremental re-parse equals a full parse after random edits of corpus files', () => {
  if (!existsSync(CORPUS)) return;
  const files = readdirSync(CORPUS).filter((f) => !f.endsWith('.csv')).sort();
  // Every 16th file (49), plus the largest ones (whole configurations with many sections).
  const bySize = [...files].sort((a, b) => readFileSync(join(CORPUS, b)).length - readFileSync(join(CORPUS, a)).length);
  const chosen = [...new Set([...files.filter((_, i) => i % 16 === 0), ...bySize.slice(0, 6)])];
  let seed = 1;
  for (const f of chosen) checkChain(f, readFileSync(join(CORPUS, f), 'utf8'), 10, seed++);
});

test('incremental re-parse equals a full parse on the generated large config', () => {
  const text = genIos(3000);
  checkChain('gen-3000', text, 60, 0x7e11);
});

test('random line inserts and deletes (Enter, Backspace, line deleted or duplicated): the incremental result equals a full parse', () => {
  // Findings, endpoints (their ranges), symbols, references, folding, tree, model and ledger.
  checkChain('gen-3000 lines', genIos(3000), 40, 0x11e5, mutateLines);
  if (!existsSync(CORPUS)) return;
  const files = readdirSync(CORPUS).filter((f) => !f.endsWith('.csv')).sort();
  const bySize = [...files].sort((a, b) => readFileSync(join(CORPUS, b)).length - readFileSync(join(CORPUS, a)).length);
  let seed = 100;
  for (const f of [...new Set([...files.filter((_, i) => i % 64 === 0), ...bySize.slice(0, 2)])]) checkChain(f, readFileSync(join(CORPUS, f), 'utf8'), 6, seed++, mutateLines);
});

test('an Enter mid-file carries the sections and endpoints below it over with moved lines', () => {
  const text = genIos(3000);
  const uri = 'file:///incremental/enter';
  const ctx = ctxWith();
  const v1 = analyse(TextDocument.create(uri, 'cisco-ios', 1, text), dialect, ctx, REGISTRY);
  const lines = text.split('\n');
  const mid = lines.length >> 1;
  lines.splice(mid, 0, '');
  const v2 = analyse(TextDocument.create(uri, 'cisco-ios', 2, lines.join('\n')), dialect, ctx, REGISTRY, v1);
  const t1 = v1.tree as IosTree;
  const t2 = v2.tree as IosTree;
  const below = t1.endpoints.filter((e) => (e.tunnel?.mtu?.range?.start.line ?? -1) > mid + 50);
  assert.ok(below.length > 0, 'endpoints below the edit');
  for (const e of below) {
    const moved = t2.endpoints.find((x) => x.id === e.id);
    assert.ok(moved && moved !== e, e.id);
    assert.equal(moved.tunnel?.mtu?.range?.start.line, e.tunnel!.mtu!.range!.start.line + 1, e.id);
  }
  assert.equal(comparable(v2), comparable(analyse(TextDocument.create(uri, 'cisco-ios', 2, lines.join('\n')), dialect, ctx, REGISTRY)));
});

test('an identical text reuses the whole tree; a one-character edit keeps the other sections', () => {
  const text = genIos(2000);
  const a = parseIos(text);
  const b = parseIos(text, a);
  assert.equal(b.nodes.length, a.nodes.length);
  assert.ok(b.nodes.every((n, i) => n === a.nodes[i]));
  const at = text.indexOf(' ip mtu 140') + 5;
  const c = parseIos(text.slice(0, at) + '7' + text.slice(at), a);
  const shared = c.nodes.filter((n, i) => n === a.nodes[i]).length;
  assert.ok(shared > a.nodes.length - 20, `only ${shared} of ${a.nodes.length} nodes reused`);
});

test('a one-character edit reuses the other sections\' objects and endpoints, and only rebuilds what changed', () => {
  const text = genIos(3000);
  const ctx = ctxWith();
  const uri = 'file:///incremental/reuse-confg';
  const a = parseIosDocument(TextDocument.create(uri, 'cisco-ios', 1, text), ctx);
  const at = text.indexOf(' ip mtu 140') + 11;
  const b = parseIosDocument(TextDocument.create(uri, 'cisco-ios', 2, text.slice(0, at) + '7' + text.slice(at)), ctx, a);
  const ta = a.tree as IosTree;
  const tb = b.tree as IosTree;
  // The edited tunnel is a new object; every other interface (including one defined in two
  // sections, GigabitEthernet0/0/0, which is read again together with its other section) is the same.
  const itfA = [...ta.cfg.interfaces.values()];
  const itfB = [...tb.cfg.interfaces.values()];
  assert.equal(itfA.length, itfB.length);
  const changed = itfB.filter((x, i) => x !== itfA[i]).map((x) => x.name);
  assert.deepEqual(changed, ['Tunnel1']);
  assert.equal(tb.cfg.acls.size, ta.cfg.acls.size);
  assert.ok([...tb.cfg.acls.values()].every((x) => ta.cfg.acls.get(x.name) === x));
  // Endpoints: only the edited tunnel's is new.
  const fresh = b.endpoints.filter((e, i) => e !== a.endpoints[i]);
  assert.deepEqual(fresh.map((e) => e.name), ['Tunnel1']);
  assert.equal(fresh[0].tunnel?.mtu?.value, 14070);
  // Editing a shared input (the transform set every crypto map entry uses) rebuilds those endpoints.
  const ts = text.indexOf('crypto ipsec transform-set TS-A esp-aes 256') + 'crypto ipsec transform-set TS-A esp-aes '.length;
  const c = parseIosDocument(TextDocument.create(uri, 'cisco-ios', 3, text.slice(0, ts) + '128' + text.slice(ts + 3)), ctx, b);
  const rebuilt = c.endpoints.filter((e, i) => e !== b.endpoints[i]);
  assert.ok(rebuilt.length > 0);
  assert.ok(rebuilt.every((e) => e.ipsec?.esp?.value.some((p) => p.encr.includes('AES_CBC_128'))), 'every rebuilt endpoint uses TS-A');
});
