// chevrotain 11 is ESM-only and its package `exports` give @chevrotain/* no "require" entry. Under
// `node --import tsx` (how the tests run) a CommonJS `import 'chevrotain'` is transpiled to
// require() and fails to resolve @chevrotain/utils. The package's own single-file bundle has no
// imports, so it loads under tsx, plain node (require(esm), Node >= 20.19) and esbuild alike.
// Types still come from the package (type-only import, erased at runtime).
import type * as Chevrotain from 'chevrotain';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const chevrotain: typeof Chevrotain = require('../../../../node_modules/chevrotain/lib/chevrotain.mjs');

export const { createToken, Lexer, EmbeddedActionsParser } = chevrotain;
export type { CustomPatternMatcherFunc, TokenType, IToken } from 'chevrotain';
export type Lexer = Chevrotain.Lexer;
