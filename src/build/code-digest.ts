/**
 * A digest of some of the project's files, names and contents, in a stable
 * order: what a cache keyed by "the code that made this" needs (the page
 * cache, the note cache, the checker's memo). A folder counts with every file
 * under it; a path that does not exist counts as missing.
 */
import { createHash, type Hash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function filesDigest(root: string, paths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const path of paths) addPath(hash, root, join(root, path));
  return hash.digest('hex').slice(0, 24);
}

function addPath(hash: Hash, root: string, path: string): void {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    hash.update(`missing ${relative(root, path)}\n`);
    return;
  }
  if (stats.isDirectory()) {
    for (const name of readdirSync(path).sort()) addPath(hash, root, join(path, name));
    return;
  }
  hash.update(`${relative(root, path)}\n`).update(readFileSync(path)).update('\n');
}
