import { test } from 'node:test';
import assert from 'node:assert/strict';
import { treeFolders } from '../../server/src/service/folderIndex';
import { treeDistance } from '../../server/src/model/linuxMerge';

// The index must agree with the pairwise rule it replaces, on every pair of a varied set of paths.
test('treeFolders: two files share a listed folder exactly when treeDistance says they share a tree, and the deepest one is their common depth', () => {
  const names = ['a', 'b', 'etc', 'x'];
  const uris: string[] = ['file:///f.conf'];
  const grow = (prefix: string, depth: number) => {
    uris.push(`file://${prefix}/f.conf`);
    if (depth === 6) return;
    for (const n of names.slice(0, depth < 2 ? 3 : 2)) grow(`${prefix}/${n}`, depth + 1);
  };
  grow('', 0);
  let sharing = 0;
  for (const u of uris) {
    const fu = treeFolders(u);
    for (const v of uris) {
      const fv = new Set(treeFolders(v));
      const shared = fu.filter((f) => fv.has(f));
      const d = treeDistance(u, v);
      assert.equal(shared.length > 0, d !== undefined, `${u} ${v}`);
      if (d) {
        sharing++;
        assert.equal(shared[0].split('/').length, d.common, `${u} ${v}: deepest shared folder`);
      }
    }
  }
  assert.ok(sharing > uris.length, 'the set has pairs that share a tree beyond a file with itself');
});
