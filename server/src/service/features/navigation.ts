// Go to definition and find references for named objects (also=, transform sets, profiles, ACLs,
// interfaces) and for file references (include). Names resolve in the file itself first, then in
// the files it depends on (includes).
import type { Location, Position, Range } from 'vscode-languageserver-types';
import type { ParsedFile, SymbolDef, SymbolRef } from '../../core/types';

export function contains(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

function flatten(defs: SymbolDef[]): SymbolDef[] {
  return defs.flatMap((d) => [d, ...flatten(d.children ?? [])]);
}

/** The symbol or reference under the cursor, as a (name, kind) key. */
function keyAt(file: ParsedFile, pos: Position): { name: string; kind: string; ref?: SymbolRef } | undefined {
  const ref = file.references.find((r) => contains(r.range, pos));
  if (ref) return { name: ref.name, kind: ref.kind, ref };
  const def = flatten(file.symbols).find((d) => contains(d.selectionRange, pos));
  return def && { name: def.name, kind: def.kind };
}

export function definition(file: ParsedFile, pos: Position, scope: ParsedFile[]): Location[] {
  const key = keyAt(file, pos);
  if (!key) return [];
  if (key.ref?.targetUris) {
    const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return key.ref.targetUris.map((uri) => ({ uri, range: zero }));
  }
  for (const f of [file, ...scope.filter((s) => s !== file)]) {
    const hits = flatten(f.symbols).filter((d) => d.kind === key.kind && d.name === key.name);
    if (hits.length) return hits.map((d) => ({ uri: f.uri, range: d.selectionRange }));
  }
  return [];
}

export function references(file: ParsedFile, pos: Position, scope: ParsedFile[], includeDeclaration: boolean): Location[] {
  const key = keyAt(file, pos);
  if (!key || key.ref?.targetUris) return [];
  const out: Location[] = [];
  for (const f of [file, ...scope.filter((s) => s !== file)]) {
    for (const r of f.references) if (r.kind === key.kind && r.name === key.name) out.push({ uri: f.uri, range: r.range });
    if (includeDeclaration) {
      for (const d of flatten(f.symbols)) {
        if (d.kind === key.kind && d.name === key.name) out.push({ uri: f.uri, range: d.selectionRange });
      }
    }
  }
  return out;
}
