/**
 * Astro's content store keeps each note's rendering until the note's own file
 * changes. A note's HTML also shows the notes it links to (their URL, title
 * and preview excerpt), so when those change the store must go: Astro then
 * passes every note to the note renderer again, which finds most of them in
 * the note cache (its key covers each link's target) and renders only the
 * notes whose links now read differently.
 *
 * Doing this here rather than through Astro's config keeps the config, and
 * with it the incremental page cache (src/lib/page-cache.ts), unchanged.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where Astro keeps its content store: the cache folder in a build, `.astro/` under `astro dev`. */
export function contentStoreFile(options: { command: 'build' | 'dev'; cacheDir: string; root: string }): string {
  return options.command === 'dev' ? join(options.root, '.astro', 'data-store.json') : join(options.cacheDir, 'data-store.json');
}

/**
 * Drops the store when the link targets differ from the ones it was filled
 * with, and records the current ones beside it. Returns whether it dropped it.
 */
export function dropStoreIfLinksChanged(storeFile: string, linksDigest: string): boolean {
  const stamp = `${storeFile}.garden-links`;
  const previous = existsSync(stamp) ? readFileSync(stamp, 'utf8') : undefined;
  // A store without a stamp was filled before this check existed: its links are unknown.
  const stale = existsSync(storeFile) && previous !== linksDigest;
  if (stale) rmSync(storeFile, { force: true });
  mkdirSync(dirname(stamp), { recursive: true });
  if (previous !== linksDigest) writeFileSync(stamp, linksDigest);
  return stale;
}
