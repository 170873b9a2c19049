// The direct reading of one ipsec.conf line (lineParser.ts parseLineDirect) against the chevrotain
// rule it stands in for: the same node for every line of the corpora and of mutated lines, and the
// same error token where the rule fails (the direct reading then hands the line to the rule).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { IToken } from '../../server/src/languages/ipsec-conf/chevrotain';
import { lexerFor, Newline } from '../../server/src/languages/ipsec-conf/lexer';
import { parseLine, parseLineGrammar } from '../../server/src/languages/ipsec-conf/lineParser';
import { CORPUS } from '../helpers/corpus';
import { prng } from '../helpers/prng';

function files(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    const st = statSync(p);
    if (st.isDirectory()) files(p, out);
    else if (/\.conf$/.test(n) && st.size < 200_000) out.push(p);
  }
  return out;
}

function lines(text: string, daemon: 'libreswan' | 'strongswan'): IToken[][] {
  const out: IToken[][] = [];
  let cur: IToken[] = [];
  for (const t of lexerFor(daemon).tokenize(text).tokens) {
    if (t.tokenType === Newline || t.tokenType.CATEGORIES?.includes(Newline)) {
      out.push(cur);
      cur = [];
    } else cur.push(t);
  }
  out.push(cur);
  return out;
}

const MUTATIONS = ['=', ' = ', '"', '"x y"', '{a}', '{', '}', '#', ' ', '\t', 'x=', '==', 'a"b"'];

test('the direct line reading gives what the chevrotain rule gives, on corpus lines and mutations', () => {
  const rand = prng(0x11ae);
  let checked = 0;
  for (const [dir, daemon] of [
    ['libreswan', 'libreswan'],
    ['libreswan-v4.10', 'libreswan'],
    ['strongswan', 'strongswan'],
  ] as const) {
    for (const f of files(join(CORPUS, dir))) {
      const text = readFileSync(f, 'utf8');
      const src = text.split('\n');
      const mutated = src.map((l) => {
        if (rand() < 0.5 || l.length === 0) return l;
        const at = Math.floor(rand() * (l.length + 1));
        return l.slice(0, at) + MUTATIONS[Math.floor(rand() * MUTATIONS.length)] + l.slice(at);
      });
      for (const t of [text, mutated.join('\n')]) {
        for (const toks of lines(t, daemon)) {
          assert.deepEqual(parseLine(toks), parseLineGrammar(toks), `${f}: ${toks.map((x) => x.image).join(' ')}`);
          checked++;
        }
      }
    }
  }
  assert.ok(checked > 1000, `${checked} lines`);
});
