// Reads ipsec.conf text into its tree (tree.ts) the way Libreswan's parser.y and strongSwan's
// parser.y do: section headers in column 0, indented body lines, comments and blank lines anywhere
// (docs/reference/ipsec-conf-grammar.md §2, §4, §7). The lexer cuts the text into tokens, each line
// of tokens is parsed on its own (lineParser.ts), and this reader assembles the lines into
// sections. Whatever it cannot read becomes a syntax problem with its range; it never throws.
import type { IToken } from './chevrotain';
import type { Range } from 'vscode-languageserver-types';
import { COMMENT_KEY, readKey } from './keyReading';
import { Indent, lexerFor, Newline } from './lexer';
import { parseLine, tokenRange, type LineNode, type ValuePart } from './lineParser';
import { quoteValue } from '../../core/redact';
import { secretLines } from './secrets';
import type { Entry, ParsedConf, Section } from './tree';
import type { Daemon } from './version';

/** Words that start a top-level statement; indented, they are an error in both daemons. */
const HEADER_WORDS = new Set(['conn', 'config', 'include', 'version', 'ca']);

type HeaderRule = (r: ConfReader, head: ValuePart, rest: ValuePart[]) => void;

/** The column-0 statements of each daemon (strongSwan adds `ca NAME`). */
const COMMON_HEADERS: Record<string, HeaderRule> = {
  conn: (r, head, rest) => r.conn(head, rest),
  config: (r, head, rest) => r.configSetup(head, rest),
  include: (r, head, rest) => r.include(head, rest),
  version: (r, head) => r.version(head),
};
const HEADERS: Record<Daemon, Record<string, HeaderRule>> = {
  libreswan: COMMON_HEADERS,
  strongswan: { ...COMMON_HEADERS, ca: (r, head, rest) => r.ca(head, rest) },
};

/** Parses a document (one file, no includes followed). Never throws. */
export function parseConf(text: string, uri: string, daemon: Daemon): ParsedConf {
  const reader = new ConfReader(uri, daemon, secretLines(text));
  const lexed = lexerFor(daemon).tokenize(text);
  for (const e of lexed.errors) {
    const line = (e.line ?? 1) - 1;
    const col = (e.column ?? 1) - 1;
    reader.error(`syntax error: unexpected character '${q(text.substr(e.offset, Math.min(e.length, 20)))}'`, { start: { line, character: col }, end: { line, character: col + Math.max(1, e.length) } }, 'an unexpected character');
  }
  for (const line of tokenLines(lexed.tokens)) reader.line(line);
  return reader.out;
}

/** The tokens between Newline tokens: one statement each (a continued strongSwan string stays in its line). */
function tokenLines(tokens: IToken[]): IToken[][] {
  const lines: IToken[][] = [];
  let cur: IToken[] = [];
  for (const t of tokens) {
    if (t.tokenType === Newline || t.tokenType.CATEGORIES?.includes(Newline)) {
      lines.push(cur);
      cur = [];
    } else cur.push(t);
  }
  lines.push(cur);
  return lines;
}

class ConfReader {
  readonly out: ParsedConf;
  private section: Section | undefined;
  private sawSection = false;

  constructor(
    private readonly uri: string,
    private readonly daemon: Daemon,
    secrets: ParsedConf['secretLines'],
  ) {
    this.out = { uri, daemon, sections: [], includes: [], versions: [], errors: [], multiLine: [], secretLines: secrets };
  }

  /**
   * A problem of a line the reader cannot read. On a line whose key holds a secret (secrets.ts)
   * the message gives the key, the place and `reason`, never the line's text.
   */
  error(message: string, range: Range, reason = 'the daemon cannot read it'): void {
    const secret = this.out.secretLines.get(range.start.line);
    if (secret) message = `syntax error in the value of ${q(secret.key)}= (${reason}); the value is a secret, so its text is not shown`;
    this.out.errors.push({ message, range });
  }

  line(toks: IToken[]): void {
    if (toks.length === 0) return;
    if (toks.length === 1 && toks[0].tokenType === Indent) return; // blank or comment-only line
    const first = (toks[0].startLine ?? 1) - 1;
    const last = (toks[toks.length - 1].endLine ?? 1) - 1;
    if (last > first) this.out.multiLine.push([first, last]);
    const parsed = parseLine(toks);
    if ('errorAt' in parsed) {
      this.error(`syntax error [${q(parsed.errorAt.image)}]`, tokenRange(parsed.errorAt));
      return;
    }
    if (parsed.node.indent) this.body(parsed.node);
    else this.topLevel(parsed.node);
  }

  private topLevel(node: LineNode): void {
    // A bad column-0 line does not end the section (best recovery: later body lines still belong to it).
    if (node.key) {
      this.error(`syntax error [${q(node.key.text)}]: a key=value line must be indented (it would start a new section)`, node.key.range);
      return;
    }
    const [head, ...rest] = node.words;
    const rules = HEADERS[this.daemon];
    const rule = !head.quoted && Object.hasOwn(rules, head.text) ? rules[head.text] : undefined;
    if (rule) rule(this, head, rest);
    else this.error(`syntax error [${q(head.text)}]: expected \`conn NAME\`, \`config setup\`${this.daemon === 'strongswan' ? ', `ca NAME`' : ''} or \`include FILE\` in column 0`, head.range);
  }

  conn(head: ValuePart, rest: ValuePart[]): void {
    if (rest.length !== 1) {
      this.error(rest.length === 0 ? 'syntax error: conn needs a name' : `syntax error [${q(rest[1].text)}]: a conn name cannot contain blanks`, rest[1]?.range ?? head.range);
      if (rest.length === 0) return;
    }
    this.open(newSection('conn', rest[0], head.range, this.uri));
  }

  configSetup(head: ValuePart, rest: ValuePart[]): void {
    if (rest.length !== 1 || rest[0].text !== 'setup') {
      this.error(`syntax error [${q(rest[0]?.text ?? 'config')}]: expected \`config setup\``, rest[0]?.range ?? head.range);
      return;
    }
    const s = newSection('setup', rest[0], head.range, this.uri);
    s.name = 'setup';
    this.open(s);
  }

  ca(head: ValuePart, rest: ValuePart[]): void {
    if (rest.length !== 1) {
      this.error('syntax error: ca needs a name', head.range);
      return;
    }
    this.open(newSection('ca', rest[0], head.range, this.uri));
  }

  include(head: ValuePart, rest: ValuePart[]): void {
    if (rest.length !== 1) {
      this.error(rest.length === 0 ? 'syntax error: include needs a file name' : `syntax error [${q(rest[1].text)}]`, rest[1]?.range ?? head.range);
      if (rest.length === 0) return;
    }
    this.out.includes.push({ path: rest[0].text, range: span(head.range, rest[0].range), pathRange: rest[0].range, uri: this.uri });
    this.section = undefined;
  }

  version(head: ValuePart): void {
    // Libreswan: only before the first section (parser.y versionstmt); strongSwan's lexer eats it anywhere.
    if (this.sawSection && this.daemon === 'libreswan') this.error('syntax error [version]: `version` must come before the first section', head.range);
    else this.out.versions.push(head.range);
  }

  private open(s: Section): void {
    this.section = s;
    this.sawSection = true;
    this.out.sections.push(s);
  }

  private body(node: LineNode): void {
    if (!node.key) {
      const w = node.words[0];
      if (this.daemon === 'strongswan' && w.text === 'include' && node.words.length === 2) {
        this.out.includes.push({ path: node.words[1].text, range: span(w.range, node.words[1].range), pathRange: node.words[1].range, uri: this.uri });
        return;
      }
      if (HEADER_WORDS.has(w.text)) this.error(`syntax error [${w.text}]: \`${w.text}\` must start in column 0`, w.range);
      else this.error(`syntax error [${q(w.text)}]: expected key=value`, w.range);
      return;
    }
    if (!this.section) {
      this.error(`syntax error [${q(node.key.text)}]: indented line outside a section`, node.key.range);
      return;
    }
    const entry = this.entry(node, node.key, this.section);
    if (!entry) return;
    this.section.entries.push(entry);
    this.section.range = span(this.section.range, entry.range);
  }

  private entry(node: LineNode, key: ValuePart, section: Section): Entry | undefined {
    let words = node.words;
    let valueText: string;
    let valueRange: Range;
    const lsw = this.daemon === 'libreswan';
    if (lsw && COMMENT_KEY.test(key.text)) {
      // x- comment keys take the rest of the line verbatim (spaces and '=' included)
      valueText = words.map((x) => x.text).join(' ');
      valueRange = words.length ? span(words[0].range, words[words.length - 1].range) : emptyAt(node.equals!);
      words = [];
    } else if (words.length > 1 && lsw) {
      this.error(`syntax error [${q(words[1].text)}]: a value cannot contain blanks unless quoted`, words[1].range, 'a value cannot contain blanks unless quoted');
      return undefined;
    } else {
      valueText = words.map((x) => x.text).join(' '); // strongSwan joins words with one space
      valueRange = words.length ? span(words[0].range, words[words.length - 1].range) : emptyAt(node.equals!);
    }
    if (!lsw) {
      const eq = words.find((x) => !x.quoted && x.text.includes('='));
      if (eq) {
        this.error(`syntax error, unexpected EQ: strongSwan values cannot contain '=' unless quoted`, eq.range, "strongSwan values cannot contain '=' unless quoted");
        return undefined;
      }
      valueText = unescapeStrongswan(valueText, words.some((x) => x.quoted));
    }
    return {
      key: key.text,
      keyRange: key.range,
      value: valueText,
      valueRange,
      quoted: words.some((x) => x.quoted),
      braced: words.some((x) => x.braced),
      range: span(key.range, valueText !== '' ? valueRange : node.equals!),
      uri: this.uri,
      section,
      reading: readKey(key.text, this.daemon, section.kind),
    };
  }
}

/** File text in a message: cut short, control characters shown as escapes. */
const q = (text: string) => quoteValue(text);

function span(a: Range, b: Range): Range {
  return { start: a.start, end: b.end };
}

function emptyAt(r: Range): Range {
  return { start: r.end, end: r.end };
}

function newSection(kind: Section['kind'], name: ValuePart, head: Range, uri: string): Section {
  const headerRange = span(head, name.range);
  return { kind, name: name.text, nameRange: name.range, headerRange, range: headerRange, entries: [], uri };
}

/** strongSwan quoted strings: \" \\ \n \t escapes and backslash-newline continuation. */
function unescapeStrongswan(s: string, quoted: boolean): string {
  if (!quoted) return s;
  return s.replace(/\\(\r?\n|.)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c.startsWith('\n') || c.startsWith('\r') ? '' : c));
}
