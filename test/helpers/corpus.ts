// Where the shared corpora live: read in place, never copied into the project.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const SHARED = resolve(__dirname, '../../../shared');
export const CORPUS = resolve(SHARED, 'corpus');

export function corpusDir(name: string): string {
  const dir = resolve(CORPUS, name);
  if (!existsSync(dir)) throw new Error(`corpus ${dir} is missing: the shared/ folder must sit beside the repository (../shared)`);
  return dir;
}
