// `tunnel-lens fix [--dry-run] [--only CODE]... PATH...`: applies the preferred quick fix of every
// finding, as `eslint --fix` does. A fix can make or change other findings (both peers to tunnel
// mode lowers the MTU), so it works in rounds: analyse, take every preferred fix whose edits do not
// overlap one already taken, apply them in memory, analyse again, until nothing is left to fix.
// Then it prints a unified diff and (without --dry-run) writes the files, giving a created script
// mode 755 (initscripts runs /sbin/ifup-local only when it is executable). A fix that would edit a
// line holding a secret is never applied. A second run finds nothing to do.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Fix, TextEditSpec } from '../core/types';
import { isFindingCode, type FindingCode } from '../core/codes';
import { uriToPath } from '../core/uri';
import { sortFindings } from '../service/findings';
import { CliError, type CliIo, parseArgs, type Subcommand } from './common';
import { displayPath, loadWorkspace, settingsFromFlags, VERSION_FLAGS } from './workspaceLoader';

const MAX_ROUNDS = 10;

const before = (a: TextEditSpec['range']['start'], b: TextEditSpec['range']['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
const overlaps = (x: TextEditSpec, y: TextEditSpec) => x.uri === y.uri && !(before(x.range.end, y.range.start) || before(y.range.end, x.range.start) || (x.range.end.line === y.range.start.line && x.range.end.character === y.range.start.character && !(x.range.start.line === x.range.end.line && x.range.start.character === x.range.end.character)));

/** Only a fix its builder marks preferred: a choice that is the user's (which config is the peer) is never made here. */
function preferred(f: Finding): Fix | undefined {
  return f.fixes.find((x) => x.isPreferred);
}

/** A finding and its twin on the peer's line (symmetric codes) share this key: one side is fixed per round. */
const pairKey = (f: Finding) => `${f.code}|${[f.uri, ...f.related.map((r) => r.uri)].sort().join('|')}`;

export const run: Subcommand = (args: string[], io: CliIo) => {
  const p = parseArgs(args, ['only', ...VERSION_FLAGS], ['dry-run']);
  const only = new Set<FindingCode>();
  for (const c of p.flags.get('only') ?? []) {
    if (!isFindingCode(c)) throw new CliError(`--only takes a finding code (docs/checks.md), not '${c}'`);
    only.add(c);
  }
  const dryRun = p.switches.has('dry-run');
  const ws = loadWorkspace(p.positionals, settingsFromFlags(p, (line) => io.stderr(line + '\n')), (line) => io.stderr(line + '\n'));
  const workspace = ws.service.workspace;
  const original = new Map<string, string | undefined>();
  const current = new Map<string, string>();
  const created = new Set<string>();
  const secrets = [...workspace.secretValues()].filter((s) => s.length >= 4);
  const touchesSecret = (fix: Fix) =>
    fix.edits.some((e) => {
      const text = current.get(e.uri) ?? workspace.fs.readFile(e.uri) ?? '';
      const lines = text.split('\n').slice(e.range.start.line, e.range.end.line + 1).join('\n');
      return secrets.some((s) => lines.includes(s) || e.newText.includes(s));
    });
  let applied = 0;
  // What was fixed once is not fixed again: a fix whose finding stays would otherwise repeat.
  const done = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const findings = sortFindings(workspace.uris().flatMap((u) => ws.service.findings(u))).filter((f) => (only.size === 0 || only.has(f.code)) && f.fixes.length > 0);
    const taken: TextEditSpec[] = [];
    const chosen: Fix[] = [];
    const seen = new Set<string>();
    for (const f of findings) {
      const fix = preferred(f);
      if (!fix || fix.edits.length === 0) continue;
      const key = JSON.stringify(fix.edits);
      // The same fix offered on both peers' findings is applied once; of a symmetric pair (each
      // side "use the peer's value"), one side per round, or the two would swap values.
      if (seen.has(key) || seen.has(pairKey(f)) || done.has(key) || done.has(`${f.code}|${f.uri}|${f.message}`)) continue;
      if (touchesSecret(fix) || fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
      seen.add(key);
      seen.add(pairKey(f));
      done.add(key);
      done.add(`${f.code}|${f.uri}|${f.message}`);
      taken.push(...fix.edits);
      chosen.push(fix);
    }
    if (chosen.length === 0) break;
    // Apply per file, all edits of the round at once (they do not overlap).
    const byUri = new Map<string, TextEditSpec[]>();
    for (const fix of chosen) {
      for (const uri of fix.createFiles ?? []) {
        if (!current.has(uri) && workspace.fs.readFile(uri) === undefined) {
          created.add(uri);
          current.set(uri, '');
        }
      }
      for (const e of fix.edits) (byUri.get(e.uri) ?? byUri.set(e.uri, []).get(e.uri)!).push(e);
    }
    let changed = false;
    for (const [uri, edits] of byUri) {
      const text = current.get(uri) ?? workspace.fs.readFile(uri);
      if (text === undefined) continue;
      if (!original.has(uri)) original.set(uri, created.has(uri) ? undefined : text);
      const next = TextDocument.applyEdits(TextDocument.create(uri, '', 0, text), edits.map((e) => ({ range: e.range, newText: e.newText })));
      if (next !== text) changed = true;
      current.set(uri, next);
      // The next round reads the fixed text (as the editor would after the quick fix).
      workspace.openDocument(TextDocument.create(uri, workspace.document(uri)?.languageId ?? '', (workspace.document(uri)?.version ?? 0) + 1, next));
    }
    applied += chosen.length;
    if (!changed) break;
  }
  for (const [uri, old] of original) {
    const now = current.get(uri)!;
    if (old === now) continue;
    const shown = displayPath(ws, uri);
    const side = (prefix: string) => (path.isAbsolute(shown) ? shown : `${prefix}/${shown}`);
    io.stdout(createTwoFilesPatch(old === undefined ? '/dev/null' : side('a'), side('b'), old ?? '', now, undefined, undefined, { context: 3 }));
    if (dryRun) continue;
    const file = uriToPath(uri);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, now);
      // A created script must be executable to run (initscripts checks -x on /sbin/ifup-local).
      if (old === undefined && now.startsWith('#!')) chmodSync(file, 0o755);
    } catch (e) {
      throw new CliError(`${shown}: cannot write (${(e as Error).message})`);
    }
  }
  const left = workspace.uris().flatMap((u) => ws.service.findings(u));
  const files = [...original.keys()].filter((u) => original.get(u) !== current.get(u)).length;
  io.stderr(`${dryRun ? 'would fix' : 'fixed'} ${applied} finding(s) in ${files} file(s); ${left.filter((f) => f.severity === 'error').length} error(s) left\n`);
  return left.some((f) => f.severity === 'error') ? 1 : 0;
};
