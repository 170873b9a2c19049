// Parses ipsec.conf text into sections. chevrotain parses one LINE at a time (the grammar is
// line-oriented, so an error never swallows the following lines: every error in the file is
// reported), and a small state machine assembles the lines into sections the way Libreswan's
// parser.y does: headers in column 0, indented body lines, comments and blank lines anywhere.
import { EmbeddedActionsParser, type IToken } from './chevrotain';
import type { Range } from 'vscode-languageserver-types';
import { ALL_TOKENS, Braced, Equals, Indent, lexerFor, Newline, Quoted, Word } from './lexer';
import type { Daemon } from './version';

export interface ValuePart {
  text: string;
  range: Range;
  quoted: boolean;
  braced: boolean;
}

export interface LineNode {
  indent: boolean;
  key?: ValuePart;
  equals?: Range;
  words: ValuePart[];
}

export interface Entry {
  /** As written. */
  key: string;
  keyRange: Range;
  /** Value with quotes/braces stripped; '' for `key=`. */
  value: string;
  valueRange: Range;
  quoted: boolean;
  braced: boolean;
  /** Range of the whole `key=value`. */
  range: Range;
  uri: string;
  section: Section;
}

export interface Section {
  kind: 'setup' | 'conn' | 'ca';
  name: string;
  nameRange: Range;
  headerRange: Range;
  /** Header through the last body line. */
  range: Range;
  entries: Entry[];
  /** strongSwan: include lines inside the section. */
  uri: string;
}

export interface IncludeStmt {
  path: string;
  range: Range;
  pathRange: Range;
  uri: string;
}

export interface SyntaxProblem {
  message: string;
  range: Range;
}

export interface ParsedConf {
  uri: string;
  daemon: Daemon;
  sections: Section[];
  includes: IncludeStmt[];
  errors: SyntaxProblem[];
  commentLines: number[];
}

class LineParser extends EmbeddedActionsParser {
  constructor() {
    super(ALL_TOKENS, { recoveryEnabled: false, skipValidations: true });
    this.performSelfAnalysis();
  }

  private part(tok: IToken): ValuePart {
    const quoted = tok.tokenType.CATEGORIES?.includes(Quoted) || tok.tokenType === Quoted;
    const braced = tok.tokenType.CATEGORIES?.includes(Braced) || tok.tokenType === Braced;
    let text = tok.image;
    if (quoted || braced) text = text.slice(1, -1);
    return { text, range: tokRange(tok), quoted: !!quoted, braced: !!braced };
  }

  public line = this.RULE('line', (): LineNode => {
    const node: LineNode = { indent: false, words: [] };
    this.OPTION(() => {
      this.CONSUME(Indent);
      node.indent = true;
    });
    this.OPTION2(() => {
      const first = this.OR([{ ALT: () => this.CONSUME(Word) }, { ALT: () => this.CONSUME(Quoted) }]);
      this.OR2([
        {
          ALT: () => {
            const eq = this.CONSUME(Equals);
            node.key = this.ACTION(() => this.part(first));
            node.equals = this.ACTION(() => tokRange(eq));
          },
        },
        { ALT: () => this.ACTION(() => node.words.push(this.part(first))) },
      ]);
      this.MANY(() => {
        // '=' after the first word belongs to a value (Libreswan lexes `conn pfs=no`'s name as a VALUE)
        const t = this.OR3([{ ALT: () => this.CONSUME2(Word) }, { ALT: () => this.CONSUME2(Quoted) }, { ALT: () => this.CONSUME(Braced) }, { ALT: () => this.CONSUME2(Equals) }]);
        this.ACTION(() => pushMerged(node.words, this.part(t)));
      });
    });
    return node;
  });
}

let parserInstance: LineParser | undefined;

/** Tokens with no blank between them are one word (`pfs` `=` `no` -> `pfs=no`). */
function pushMerged(words: ValuePart[], p: ValuePart): void {
  const last = words[words.length - 1];
  if (last && !last.quoted && !p.quoted && last.range.end.line === p.range.start.line && last.range.end.character === p.range.start.character) {
    words[words.length - 1] = { text: last.text + p.text, range: { start: last.range.start, end: p.range.end }, quoted: false, braced: last.braced || p.braced };
  } else words.push(p);
}

function tokRange(tok: IToken): Range {
  const sl = (tok.startLine ?? 1) - 1;
  const sc = (tok.startColumn ?? 1) - 1;
  const el = (tok.endLine ?? tok.startLine ?? 1) - 1;
  const ec = tok.endColumn ?? sc + tok.image.length;
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

function span(a: Range, b: Range): Range {
  return { start: a.start, end: b.end };
}

const HEADER_WORDS = new Set(['conn', 'config', 'include', 'version', 'ca']);

/** Parses a document (one file, no includes followed). Never throws. */
export function parseConf(text: string, uri: string, daemon: Daemon): ParsedConf {
  const out: ParsedConf = { uri, daemon, sections: [], includes: [], errors: [], commentLines: [] };
  const lexed = lexerFor(daemon).tokenize(text);
  for (const e of lexed.errors) {
    const line = (e.line ?? 1) - 1;
    const col = (e.column ?? 1) - 1;
    out.errors.push({ message: `syntax error: unexpected character '${text.substr(e.offset, Math.min(e.length, 20))}'`, range: { start: { line, character: col }, end: { line, character: col + Math.max(1, e.length) } } });
  }
  for (const c of lexed.groups.comments ?? []) out.commentLines.push((c.startLine ?? 1) - 1);

  // split into lines at Newline tokens
  const lines: IToken[][] = [];
  let cur: IToken[] = [];
  for (const t of lexed.tokens) {
    if (t.tokenType === Newline || t.tokenType.CATEGORIES?.includes(Newline)) {
      lines.push(cur);
      cur = [];
    } else cur.push(t);
  }
  lines.push(cur);

  const parser = (parserInstance ??= new LineParser());
  let section: Section | undefined;
  let sawSection = false;
  const err = (message: string, range: Range) => out.errors.push({ message, range });

  for (const toks of lines) {
    if (toks.length === 0) continue;
    if (toks.length === 1 && toks[0].tokenType === Indent) continue; // blank or comment-only line
    parser.input = toks;
    const node = parser.line();
    if (parser.errors.length > 0) {
      const e = parser.errors[0];
      const tok = e.token && !isNaN(e.token.startOffset) ? e.token : toks[toks.length - 1];
      err(`syntax error [${tok.image}]`, tokRange(tok));
      continue;
    }
    if (!node.indent) {
      // A bad column-0 line does not end the section (best recovery: later body lines still belong to it).
      if (node.key) {
        err(`syntax error [${node.key.text}]: a key=value line must be indented (it would start a new section)`, node.key.range);
        continue;
      }
      const [head, ...rest] = node.words;
      const w = head.text;
      if (w === 'conn' && !head.quoted) {
        if (rest.length !== 1) {
          err(rest.length === 0 ? 'syntax error: conn needs a name' : `syntax error [${rest[1].text}]: a conn name cannot contain blanks`, rest[1]?.range ?? head.range);
          if (rest.length === 0) continue;
        }
        section = newSection('conn', rest[0], head.range, uri);
      } else if (w === 'config' && !head.quoted) {
        if (rest.length !== 1 || rest[0].text !== 'setup') {
          err(`syntax error [${rest[0]?.text ?? 'config'}]: expected \`config setup\``, rest[0]?.range ?? head.range);
          continue;
        }
        section = newSection('setup', rest[0], head.range, uri);
        section.name = 'setup';
      } else if (w === 'ca' && !head.quoted && daemon === 'strongswan') {
        if (rest.length !== 1) {
          err('syntax error: ca needs a name', head.range);
          continue;
        }
        section = newSection('ca', rest[0], head.range, uri);
      } else if (w === 'include' && !head.quoted) {
        if (rest.length !== 1) {
          err(rest.length === 0 ? 'syntax error: include needs a file name' : `syntax error [${rest[1].text}]`, rest[1]?.range ?? head.range);
          if (rest.length === 0) continue;
        }
        out.includes.push({ path: rest[0].text, range: span(head.range, rest[0].range), pathRange: rest[0].range, uri });
        section = undefined;
        continue;
      } else if (w === 'version' && !head.quoted) {
        // Libreswan: only before the first section (parser.y versionstmt); strongSwan's lexer eats it anywhere.
        if (sawSection && daemon === 'libreswan') err('syntax error [version]: `version` must come before the first section', head.range);
        continue;
      } else {
        err(`syntax error [${w}]: expected \`conn NAME\`, \`config setup\`${daemon === 'strongswan' ? ', `ca NAME`' : ''} or \`include FILE\` in column 0`, head.range);
        continue;
      }
      sawSection = true;
      out.sections.push(section);
      continue;
    }
    // indented line
    if (!node.key) {
      const w = node.words[0];
      if (daemon === 'strongswan' && w.text === 'include' && node.words.length === 2) {
        out.includes.push({ path: node.words[1].text, range: span(w.range, node.words[1].range), pathRange: node.words[1].range, uri });
        continue;
      }
      if (HEADER_WORDS.has(w.text)) err(`syntax error [${w.text}]: \`${w.text}\` must start in column 0`, w.range);
      else err(`syntax error [${w.text}]: expected key=value`, w.range);
      continue;
    }
    if (!section) {
      err(`syntax error [${node.key.text}]: indented line outside a section`, node.key.range);
      continue;
    }
    const key = node.key;
    let words = node.words;
    let valueText: string;
    let valueRange: Range;
    if (daemon === 'libreswan' && /^x[-_]/i.test(key.text)) {
      // x- comment keys take the rest of the line verbatim (spaces and '=' included)
      valueText = words.map((x) => x.text).join(' ');
      valueRange = words.length ? span(words[0].range, words[words.length - 1].range) : emptyAt(node.equals!);
      words = [];
    } else if (words.length > 1 && daemon === 'libreswan') {
      err(`syntax error [${words[1].text}]: a value cannot contain blanks unless quoted`, words[1].range);
      continue;
    } else {
      valueText = words.map((x) => x.text).join(' '); // strongSwan joins words with one space
      valueRange = words.length ? span(words[0].range, words[words.length - 1].range) : emptyAt(node.equals!);
    }
    if (daemon === 'strongswan') {
      const eq = words.find((x) => !x.quoted && x.text.includes('='));
      if (eq) {
        err(`syntax error, unexpected EQ: strongSwan values cannot contain '=' unless quoted`, eq.range);
        continue;
      }
      valueText = unescapeSs(valueText, words.some((x) => x.quoted));
    }
    const entry: Entry = {
      key: key.text,
      keyRange: key.range,
      value: valueText,
      valueRange,
      quoted: words.some((x) => x.quoted),
      braced: words.some((x) => x.braced),
      range: span(key.range, valueText !== '' ? valueRange : node.equals!),
      uri,
      section,
    };
    section.entries.push(entry);
    section.range = span(section.range, entry.range);
  }
  return out;
}

function emptyAt(r: Range): Range {
  return { start: r.end, end: r.end };
}

function newSection(kind: Section['kind'], name: ValuePart, head: Range, uri: string): Section {
  const headerRange = span(head, name.range);
  return { kind, name: name.text, nameRange: name.range, headerRange, range: headerRange, entries: [], uri };
}

/** strongSwan quoted strings: \" \\ \n \t escapes and backslash-newline continuation. */
function unescapeSs(s: string, quoted: boolean): string {
  if (!quoted) return s;
  return s.replace(/\\(\r?\n|.)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c.startsWith('\n') || c.startsWith('\r') ? '' : c));
}
