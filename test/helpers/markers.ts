// Positions marked inside test text, as Langium's tests do: `<|>` is a position, `<|…|>` a range.
// The markers are removed; what remains is the document text.
import type { Position, Range } from 'vscode-languageserver-types';

export interface Marked {
  text: string;
  positions: Position[];
  ranges: Range[];
}

export function mark(source: string): Marked {
  const positions: Position[] = [];
  const ranges: Range[] = [];
  let text = '';
  let line = 0;
  let character = 0;
  const open: Position[] = [];
  for (let i = 0; i < source.length; ) {
    if (source.startsWith('<|>', i)) {
      positions.push({ line, character });
      i += 3;
    } else if (source.startsWith('<|', i)) {
      open.push({ line, character });
      i += 2;
    } else if (source.startsWith('|>', i) && open.length > 0) {
      ranges.push({ start: open.pop()!, end: { line, character } });
      i += 2;
    } else {
      const ch = source[i];
      text += ch;
      if (ch === '\n') {
        line++;
        character = 0;
      } else {
        character++;
      }
      i++;
    }
  }
  return { text, positions, ranges };
}
