// chevrotain lexers for ipsec.conf. The file is line-oriented: a line starting with blanks is a
// section body line (FIRST_SPACES in Libreswan's parser.lex), anything else a section header or
// top-level statement. After `=` (and after a header word) values are lexed in a VALUE mode whose
// word rule differs per daemon: Libreswan `[^" \t\n]+` (may hold = and #), strongSwan
// `[^"#= \t\n]+` with escapes and line continuation inside quotes (docs/reference/
// ipsec-conf-grammar.md §2, §7).
import { createToken, Lexer, type CustomPatternMatcherFunc, type TokenType } from './chevrotain';
import type { Daemon } from './version';

/** Blanks at the very start of a line only. */
const indentMatcher: CustomPatternMatcherFunc = (text, offset) => {
  if (offset !== 0 && text[offset - 1] !== '\n') return null;
  const m = /^[ \t]+/.exec(text.slice(offset, offset + 256));
  return m ? (m as unknown as RegExpExecArray) : null;
};

export const Newline = createToken({ name: 'Newline', pattern: /\r?\n/, line_breaks: true, pop_mode: true });
export const NewlineTop = createToken({ name: 'NewlineTop', pattern: /\r?\n/, line_breaks: true, categories: [Newline] });
export const Indent = createToken({ name: 'Indent', pattern: indentMatcher, line_breaks: false, start_chars_hint: [' ', '\t'] });
export const Blank = createToken({ name: 'Blank', pattern: /[ \t]+/, group: Lexer.SKIPPED });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\n]*/, group: 'comments' });
export const Equals = createToken({ name: 'Equals', pattern: '=' });
export const EqualsPush = createToken({ name: 'EqualsPush', pattern: '=', push_mode: 'value', categories: [Equals] });

/** Categories the parser consumes; each daemon's lexer has its own concrete tokens. */
export const Word = createToken({ name: 'Word', pattern: Lexer.NA });
export const Quoted = createToken({ name: 'Quoted', pattern: Lexer.NA });
export const Braced = createToken({ name: 'Braced', pattern: Lexer.NA });

// Line mode: keys and header words. A key ends at '=', blank or '#'.
const KeyWord = createToken({ name: 'KeyWord', pattern: /[^\s="#]+/, categories: [Word] });
const LswQuoted = createToken({ name: 'LswQuoted', pattern: /"[^"\n]*"/, categories: [Quoted] });
const SsQuoted = createToken({ name: 'SsQuoted', pattern: /"(?:[^"\\\n]|\\[\s\S])*"/, line_breaks: true, categories: [Quoted] });
const LswBraced = createToken({ name: 'LswBraced', pattern: /\{[^"\n}]*\}/, categories: [Braced] });
const LswValueWord = createToken({ name: 'LswValueWord', pattern: /[^"\s#{][^"\s]*|\{[^"\s}]*(?=[\s"]|$)/, categories: [Word] });
const SsValueWord = createToken({ name: 'SsValueWord', pattern: /[^"#=\s]+/, categories: [Word] });
const ValueComment = createToken({ name: 'ValueComment', pattern: /#[^\n]*/, group: 'comments' });
const StrayEquals = createToken({ name: 'StrayEquals', pattern: '=', categories: [Equals] });

export const ALL_TOKENS: TokenType[] = [Newline, NewlineTop, Indent, Blank, Comment, Equals, EqualsPush, Word, Quoted, Braced, KeyWord, LswQuoted, SsQuoted, LswBraced, LswValueWord, SsValueWord, ValueComment, StrayEquals];

function build(daemon: Daemon): Lexer {
  const quoted = daemon === 'libreswan' ? LswQuoted : SsQuoted;
  const valueTokens: TokenType[] =
    daemon === 'libreswan'
      ? [Newline, Blank, ValueComment, LswQuoted, LswBraced, LswValueWord]
      : [Newline, Blank, ValueComment, SsQuoted, StrayEquals, SsValueWord];
  return new Lexer(
    {
      modes: {
        line: [NewlineTop, Indent, Blank, Comment, quoted, EqualsPush, KeyWord],
        value: valueTokens,
      },
      defaultMode: 'line',
    },
    // Lines end at \n only, as both daemons read them (a lone \r is a character of the value), so
    // every range counts the lines the line ledger and core/lines.ts count.
    { positionTracking: 'full', ensureOptimizations: false, skipValidations: true, recoveryEnabled: true, lineTerminatorsPattern: /\n/g, lineTerminatorCharacters: ['\n'] },
  );
}

const lexers: Partial<Record<Daemon, Lexer>> = {};

export function lexerFor(daemon: Daemon): Lexer {
  return (lexers[daemon] ??= build(daemon));
}
