// The settings grammar of libstrongswan's settings_parser.y over the token stream of lexer.ts
// (docs/reference/swanctl-conf.md §1):
//   statements := { NEWLINE | section | setting }
//   section    := NAME '{' statements '}' | NAME ':' NAME { ',' NAME } '{' statements '}'
//   setting    := NAME '=' { NAME | STRING }          (the parts joined by one space)
// charon stops at the first syntax error and then reads none of the file; this parser reports each
// error with bison's message and recovers (rest of the line skipped, a stray `{` read as a block of
// its own), so the editor still has an outline and hovers. The tree keeps every occurrence as
// written; merge.ts computes what charon sees.
import type { Range } from 'vscode-languageserver-types';
import { LineUse, markLines } from '../../core/lines';
import { tokenName, type IncludeInfo, type Token } from './lexer';

export interface ValuePart {
  text: string;
  range: Range;
  quoted: boolean;
}

export interface Setting {
  kind: 'setting';
  key: string;
  keyRange: Range;
  uri: string;
  /** The value as charon stores it: the parts joined by one space; '' for `key =`. */
  value: string;
  parts: ValuePart[];
  /** From the first part to the last (the key's end for an empty value). */
  valueRange: Range;
  parent: Section;
}

export interface Section {
  kind: 'section';
  /** '' for the root and for a block recovered from a syntax error. */
  name: string;
  uri: string;
  nameRange: Range;
  /** From the name to the closing brace (to the last item when the brace is missing or elsewhere). */
  range: Range;
  refs: { name: string; range: Range; uri: string }[];
  items: (Section | Setting | IncludeNode)[];
  parent?: Section;
  /** A block read only to recover from a syntax error: charon never gets here. */
  recovered?: boolean;
  closeRange?: Range;
}

export interface IncludeNode extends IncludeInfo {
  kind: 'include';
  uri: string;
  parent: Section;
}

export interface SyntaxIssue {
  message: string;
  uri: string;
  range: Range;
  /** For an error in an included file: the include statement of the file being parsed that led there. */
  via?: { uri: string; range: Range };
}

export interface WrittenTree {
  root: Section;
  errors: SyntaxIssue[];
}

const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);

export function parseTokens(tokens: Token[], rootUri: string, ledger: Uint8Array): WrittenTree {
  const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const root: Section = { kind: 'section', name: '', uri: rootUri, nameRange: zero, range: zero, refs: [], items: [] };
  const errors: SyntaxIssue[] = [];
  let p = 0;
  let section = root;
  let eofReported = false;

  const own = (t: Token) => t.uri === rootUri;
  const mark = (t: Token, use: LineUse = LineUse.model) => {
    if (own(t)) markLines(ledger, t.range.start.line, t.range.start.line, use);
    // A quoted value over several lines: the lines after its first are its continuation.
    if (own(t) && t.range.end.line > t.range.start.line) markLines(ledger, t.range.start.line + 1, t.range.end.line, LineUse.continued);
  };
  /** The next grammar token; include statements in between are recorded where they stand. */
  const peek = (): Token => {
    while (tokens[p].type === 'include') {
      const t = tokens[p++];
      mark(t);
      section.items.push({ kind: 'include', uri: t.uri, parent: section, ...t.include! });
    }
    return tokens[p];
  };
  const next = (): Token => {
    const t = peek();
    if (t.type !== 'eof') p++;
    return t;
  };
  const error = (t: Token, expecting: string) => {
    const what = t.type === 'string-error' ? `${t.error}; ` : '';
    errors.push({ message: `${what}syntax error, unexpected ${tokenName(t)}, expecting ${expecting}`, uri: t.uri, range: t.range, via: t.via });
    mark(t);
  };
  /** Skips the rest of the bad line; braces opened on it are read as a recovered block. */
  const recover = (bad: Token) => {
    let open = 0;
    for (;;) {
      const t = peek();
      if (t.type === 'eof') break;
      if (t.uri === bad.uri && t.range.start.line > bad.range.end.line) break;
      if (t.type === 'rbrace') {
        if (open === 0) break;
        open--;
      }
      if (t.type === 'lbrace') open++;
      mark(next());
    }
    for (let k = 0; k < open; k++) {
      const block: Section = { kind: 'section', name: '', uri: bad.uri, nameRange: bad.range, range: bad.range, refs: [], items: [], parent: section, recovered: true };
      section.items.push(block);
      statements(block, true);
    }
  };

  const closeSection = (s: Section, t: Token | undefined) => {
    if (t && t.uri === s.uri && before(s.nameRange.start, t.range.start)) s.range = { start: s.nameRange.start, end: t.range.end };
    else {
      const last = s.items[s.items.length - 1];
      const end = last ? (last.kind === 'setting' && last.uri === s.uri ? last.valueRange.end : last.kind === 'section' && last.uri === s.uri ? last.range.end : s.nameRange.end) : s.nameRange.end;
      s.range = { start: s.nameRange.start, end };
    }
    if (t) s.closeRange = t.range;
  };

  function statements(s: Section, nested: boolean): void {
    const outer = section;
    section = s;
    const expecting = nested ? "NAME or NEWLINE or '}'" : 'end of file or NAME or NEWLINE';
    for (;;) {
      const t = peek();
      if (t.type === 'newline') {
        next();
        continue;
      }
      if (t.type === 'eof') {
        if (nested) {
          // bison names no line here (docs/reference/swanctl-conf.md §1): the section is never
          // closed. Said once, by the innermost open section.
          if (!eofReported) error(t, expecting);
          eofReported = true;
          closeSection(s, undefined);
        }
        break;
      }
      if (t.type === 'rbrace') {
        if (nested) {
          mark(next());
          closeSection(s, t);
          break;
        }
        error(next(), expecting);
        continue;
      }
      if (t.type === 'name') {
        nameStatement(s);
        continue;
      }
      const bad = next();
      error(bad, expecting);
      if (bad.type === 'lbrace') {
        // `{` without a name: read its block so that its `}` closes it, not the enclosing section.
        const block: Section = { kind: 'section', name: '', uri: bad.uri, nameRange: bad.range, range: bad.range, refs: [], items: [], parent: s, recovered: true };
        s.items.push(block);
        statements(block, true);
        section = s;
      } else recover(bad);
    }
    section = outer;
  }

  function nameStatement(s: Section): void {
    const name = next();
    mark(name);
    const t = peek();
    if (t.type === 'lbrace') {
      mark(next());
      const child: Section = { kind: 'section', name: name.text, uri: name.uri, nameRange: name.range, range: name.range, refs: [], items: [], parent: s };
      s.items.push(child);
      statements(child, true);
      section = s;
      return;
    }
    if (t.type === 'colon') {
      mark(next());
      const refs: Section['refs'] = [];
      for (;;) {
        const r = peek();
        if (r.type !== 'name') {
          error(next(), 'NAME');
          recover(r);
          return;
        }
        mark(next());
        refs.push({ name: r.text, range: r.range, uri: r.uri });
        const sep = peek();
        if (sep.type === 'comma') {
          mark(next());
          continue;
        }
        if (sep.type === 'lbrace') {
          mark(next());
          break;
        }
        error(next(), '"," or \'{\'');
        recover(sep);
        return;
      }
      const child: Section = { kind: 'section', name: name.text, uri: name.uri, nameRange: name.range, range: name.range, refs, items: [], parent: s };
      s.items.push(child);
      statements(child, true);
      section = s;
      return;
    }
    if (t.type === 'equals') {
      mark(next());
      const parts: ValuePart[] = [];
      for (;;) {
        const v = peek();
        if (v.type === 'name' || v.type === 'string') {
          mark(next());
          parts.push({ text: v.text, range: v.range, quoted: v.type === 'string' });
          continue;
        }
        if (v.type === 'newline') next();
        else if (v.type === 'string-error') {
          next();
          // The string runs to the end of the file: the whole of it is the error's range.
          errors.push({ message: `${v.error}; syntax error, unexpected STRING_ERROR, expecting NAME or NEWLINE or '}'`, uri: v.uri, range: v.range, via: v.via });
          mark(v);
          // The string swallowed the rest of the file: the unclosed sections are this error too.
          eofReported = true;
        }
        break;
      }
      // A value never spans an include (the value state reads no include), so its parts are in the key's file.
      const valueRange = parts.length ? { start: parts[0].range.start, end: parts[parts.length - 1].range.end } : { start: t.range.end, end: t.range.end };
      s.items.push({ kind: 'setting', key: name.text, keyRange: name.range, uri: name.uri, value: parts.map((x) => x.text).join(' '), parts, valueRange, parent: s });
      return;
    }
    error(next(), ": or '{' or '='");
    recover(t);
  }

  statements(root, false);
  return { root, errors };
}

/** Every section of a written tree, depth first. */
export function* allSections(s: Section): Generator<Section> {
  yield s;
  for (const i of s.items) if (i.kind === 'section') yield* allSections(i);
}

/** The dotted path of a written section ('connections.gw.children.net'). */
export function pathOf(s: Section): string[] {
  const out: string[] = [];
  for (let x: Section | undefined = s; x && x.parent; x = x.parent) out.unshift(x.name);
  return out;
}
