/**
 * The one digest of the code that makes the site: the lockfile (so the version
 * of every package, the pipeline's and Astro's own included) and every file
 * of the project's own code, found by walking the folders rather than listed
 * by hand, with the site's base path mixed in because every link and asset
 * URL carries it. Everything the build keeps between runs — rendered notes,
 * the per-file memo, the page cache keys, Astro's content store — is valid
 * only for the digest it was made with. Worked out once per process
 * (astro.config.ts) and handed down.
 */
import { createHash, type Hash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** What counts as the project's code: the lockfile, the config and every file under these folders. */
export const CODE_PATHS = ['package-lock.json', 'astro.config.ts', 'src', 'scripts', 'public'] as const;

/** `settings`: what else from the environment changes every page (e.g. whether social cards are drawn). */
export function codeDigest(projectRoot: string, base: string, settings = ''): string {
  const hash = createHash('sha256').update(`base ${base}\n`);
  if (settings) hash.update(`settings ${settings}\n`);
  for (const path of CODE_PATHS) addPath(hash, projectRoot, join(projectRoot, path));
  return hash.digest('hex').slice(0, 24);
}

/** A file by its path and bytes, a folder by every file under it in name order, a missing path as missing. */
function addPath(hash: Hash, root: string, path: string): void {
  const name = relative(root, path).split(sep).join('/');
  let stats;
  try {
    stats = statSync(path);
  } catch {
    hash.update(`missing ${name}\n`);
    return;
  }
  if (stats.isDirectory()) {
    for (const child of readdirSync(path).sort()) addPath(hash, root, join(path, child));
    return;
  }
  hash.update(`${name}\n`).update(readFileSync(path)).update('\n');
}
