// Range helpers every layer uses (0-based lines and characters, LSP convention).
import type { Position, Range } from 'vscode-languageserver-types';

export function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** True when pos lies inside r, both ends included. */
export function contains(r: Range, pos: Position): boolean {
  if (pos.line < r.start.line || pos.line > r.end.line) return false;
  if (pos.line === r.start.line && pos.character < r.start.character) return false;
  if (pos.line === r.end.line && pos.character > r.end.character) return false;
  return true;
}
