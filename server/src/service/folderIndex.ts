// Files indexed by the folders they share a tree with (model/linuxMerge.ts treeDistance: two files
// share a folder tree when their nearest common folder is not the root and at most
// FOLDER_LEVELS levels above each). A file is listed under each of its folders at most that many
// levels up, so two files share a tree exactly when they are listed under a common folder, and
// `common` (the depth of their nearest common folder) is the deepest such folder. The peer analysis
// looks up a host's pieces this way instead of measuring every file against every other.

import { dirSegments, MAX_LEVELS_ABOVE as FOLDER_LEVELS } from '../model/linuxMerge';

/** The folders a file is listed under, deepest first: its own folder and up to FOLDER_LEVELS above, never the root. */
export function treeFolders(uri: string): string[] {
  const segs = dirSegments(uri);
  const out: string[] = [];
  for (let k = segs.length; k >= Math.max(1, segs.length - FOLDER_LEVELS); k--) out.push(segs.slice(0, k).join('/'));
  return out;
}
