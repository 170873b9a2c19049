// Hover on a tunnel's definition line adds the computed packet and overhead (DESIGN: "the computed
// overhead on tunnel lines"), for the stack towards the paired peer.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { analyseFiles, readFolder } from '../helpers/memoryWorkspace';

function hoverText(folder: string, file: string, re: RegExp): string {
  const files = readFolder(resolve(__dirname, '../../samples', folder));
  const { service } = analyseFiles(files);
  const uri = [...files.keys()].find((k) => k.endsWith(file))!;
  const line = files.get(uri)!.split('\n').findIndex((l) => re.test(l));
  const h = service.hover(uri, { line, character: 1 });
  return h ? (h.contents as { value: string }).value : '';
}

test('the Linux tunnel definition shows the Destination Options header and 1402 bytes', () => {
  const t = hoverText('founding-case', 'linux/ifcfg-tun10', /^DEVICE=/);
  assert.match(t, /IPv6 \| Destination Options \(8\) \| ESP transport/);
  assert.match(t, /\*\*1402 bytes\*\*/);
});

test('the conn header and the router interface show their own stacks', () => {
  assert.match(hoverText('founding-case', 'linux/ipsec.conf', /^conn /), /\*\*1402 bytes\*\*/);
  assert.match(hoverText('founding-case', 'cisco/c897va-confg', /^interface Tunnel20/), /IPv6 \| ESP transport .* \| GRE \| inner IPv4[\s\S]*\*\*1418 bytes\*\*/);
  assert.match(hoverText('fixed-by-script', 'linux/ifcfg-tun10', /^DEVICE=/), /\*\*1418 bytes\*\*/);
});
