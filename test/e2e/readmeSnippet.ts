// The editor setups of README.md, as the e2e tests run them: the fenced block between
// `<!-- NAME: … -->` and `<!-- /NAME -->`, verbatim. The one string a test may replace is the
// placeholder install path of the server, `/path/to/tunnel-lens/dist/server.js`.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const README = join(resolve(__dirname, '../..'), 'README.md');
export const SERVER_PLACEHOLDER = '/path/to/tunnel-lens/dist/server.js';

export function readmeSnippet(name: string): string {
  const text = readFileSync(README, 'utf8');
  const open = new RegExp(`<!-- ${name}(:[^>]*)? -->\\n`);
  const m = open.exec(text);
  if (!m) throw new Error(`README.md has no <!-- ${name}: … --> marker`);
  const end = text.indexOf(`<!-- /${name} -->`, m.index);
  if (end < 0) throw new Error(`README.md has no <!-- /${name} --> marker`);
  const block = /^```[a-z]*\n([\s\S]*?)^```\s*$/m.exec(text.slice(m.index + m[0].length, end));
  if (!block) throw new Error(`README.md: no fenced code block between the ${name} markers`);
  return block[1];
}

/** The snippet with the server's real path in place of the placeholder (which it must contain). */
export function readmeSnippetFor(name: string, serverJs: string): string {
  const s = readmeSnippet(name);
  if (!s.includes(SERVER_PLACEHOLDER)) throw new Error(`README.md's ${name} block does not name ${SERVER_PLACEHOLDER}`);
  return s.split(SERVER_PLACEHOLDER).join(serverJs);
}
