// One line of ipsec.conf, as tokens, into its parts: indented or not, an optional `key=`, and the
// words that follow. chevrotain parses one line at a time, so an error never swallows the lines
// after it (every error of the file is reported).
import { EmbeddedActionsParser, type IToken } from './chevrotain';
import type { Range } from 'vscode-languageserver-types';
import { ALL_TOKENS, Braced, Equals, Indent, Quoted, Word } from './lexer';

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
    return { text, range: tokenRange(tok), quoted: !!quoted, braced: !!braced };
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
            node.equals = this.ACTION(() => tokenRange(eq));
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

const enum Kind {
  Indent,
  Word,
  Quoted,
  Braced,
  Equals,
  Other,
}

function kindOf(tok: IToken): Kind {
  const t = tok.tokenType;
  if (t === Indent) return Kind.Indent;
  const c = t.CATEGORIES;
  if (t === Word || c?.includes(Word)) return Kind.Word;
  if (t === Quoted || c?.includes(Quoted)) return Kind.Quoted;
  if (t === Braced || c?.includes(Braced)) return Kind.Braced;
  if (t === Equals || c?.includes(Equals)) return Kind.Equals;
  return Kind.Other;
}

function partOf(tok: IToken, kind: Kind): ValuePart {
  const quoted = kind === Kind.Quoted;
  const braced = kind === Kind.Braced;
  const text = quoted || braced ? tok.image.slice(1, -1) : tok.image;
  return { text, range: tokenRange(tok), quoted, braced };
}

/**
 * The grammar of `line` read directly (an LL(1) line of a few tokens), with the same node;
 * undefined when the line does not fit it, which chevrotain then parses for its error. Running the
 * chevrotain rule was most of the time of parsing 10,000 small files (its recorder, its error list).
 */
function parseLineDirect(tokens: IToken[]): LineNode | undefined {
  const node: LineNode = { indent: false, words: [] };
  const n = tokens.length;
  let i = 0;
  let k = i < n ? kindOf(tokens[i]) : Kind.Other;
  if (k === Kind.Indent) {
    node.indent = true;
    i++;
    k = i < n ? kindOf(tokens[i]) : Kind.Other;
  }
  if (i < n && (k === Kind.Word || k === Kind.Quoted)) {
    const first = tokens[i];
    const firstKind = k;
    i++;
    k = i < n ? kindOf(tokens[i]) : Kind.Other;
    if (i < n && k === Kind.Equals) {
      node.key = partOf(first, firstKind);
      node.equals = tokenRange(tokens[i]);
      i++;
    } else node.words.push(partOf(first, firstKind));
    for (; i < n; i++) {
      k = kindOf(tokens[i]);
      if (k === Kind.Indent || k === Kind.Other) return undefined;
      pushMerged(node.words, partOf(tokens[i], k));
    }
  }
  return i === n ? node : undefined;
}

/** Parses the tokens of one line; on a syntax error, the token it stopped at. */
export function parseLine(tokens: IToken[]): { node: LineNode } | { errorAt: IToken } {
  const direct = parseLineDirect(tokens);
  return direct ? { node: direct } : parseLineGrammar(tokens);
}

/** The chevrotain rule alone (what parseLine falls back to; the tests hold the direct reading to it). */
export function parseLineGrammar(tokens: IToken[]): { node: LineNode } | { errorAt: IToken } {
  const parser = (parserInstance ??= new LineParser());
  parser.input = tokens;
  const node = parser.line();
  if (parser.errors.length === 0) return { node };
  const e = parser.errors[0];
  return { errorAt: e.token && !isNaN(e.token.startOffset) ? e.token : tokens[tokens.length - 1] };
}

/** Tokens with no blank between them are one word (`pfs` `=` `no` -> `pfs=no`). */
function pushMerged(words: ValuePart[], p: ValuePart): void {
  const last = words[words.length - 1];
  if (last && !last.quoted && !p.quoted && last.range.end.line === p.range.start.line && last.range.end.character === p.range.start.character) {
    words[words.length - 1] = { text: last.text + p.text, range: { start: last.range.start, end: p.range.end }, quoted: false, braced: last.braced || p.braced };
  } else words.push(p);
}

export function tokenRange(tok: IToken): Range {
  const sl = (tok.startLine ?? 1) - 1;
  const sc = (tok.startColumn ?? 1) - 1;
  const el = (tok.endLine ?? tok.startLine ?? 1) - 1;
  const ec = tok.endColumn ?? sc + tok.image.length;
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}
