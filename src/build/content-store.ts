/**
 * Astro's content store keeps each note's rendering until the note's own file
 * changes. A note's HTML also depends on the pipeline that made it (its code,
 * packages and base path) and shows the notes it links to (their URL, title
 * and preview excerpt), so when either changes the store must go: Astro then
 * passes every note to the note renderer again, which finds in the note cache
 * (its key covers all of these) every note whose HTML stays the same and
 * renders the others.
 *
 * Doing this here rather than through Astro's config keeps the config, and
 * with it the incremental page cache (src/lib/page-cache.ts), unchanged.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './cache-file';

/** Where Astro keeps its content store: the cache folder in a build, `.astro/` under `astro dev`. */
export function contentStoreFile(options: { command: 'build' | 'dev'; cacheDir: string; root: string }): string {
  return options.command === 'dev' ? join(options.root, '.astro', 'data-store.json') : join(options.cacheDir, 'data-store.json');
}

/**
 * Drops the store when the notes' renderings depend on other things than
 * those it was filled with (`digest`: NoteRenderer.storeDigest, the pipeline
 * and the link targets), and records the current ones beside it. Returns
 * whether it dropped it.
 */
export function dropStoreIfStale(storeFile: string, digest: string): boolean {
  const stamp = `${storeFile}.garden-links`;
  const previous = existsSync(stamp) ? readFileSync(stamp, 'utf8') : undefined;
  // A store without a stamp was filled before this check existed: what it depends on is unknown.
  const stale = existsSync(storeFile) && previous !== digest;
  if (stale) rmSync(storeFile, { force: true });
  if (previous !== digest) writeFileAtomic(stamp, digest);
  return stale;
}
