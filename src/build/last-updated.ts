/**
 * The last commit of every file of the garden, from one `git log` over the
 * whole garden folder as a build starts (not one per file), written to the
 * cache folder for the note pages (src/lib/load.ts reads it) and kept for the
 * sitemap's `lastmod`. A garden that is not in git (or no git at all) has
 * no commit dates: the pages then show only the `updated:` authors write.
 */
import { execFileSync } from 'node:child_process';
import { join, relative, sep } from 'node:path';
import { COMMIT_MARK, lastUpdatedByUrl, parseGitLog } from '../lib/last-updated';
import type { GardenSnapshot } from './link-targets';
import type { IsoDate } from '../lib/dates';
import { writeFileAtomic } from './cache-file';

/** Commit dates by path in the garden (`bits/kv-cache.md`); empty outside git. */
export function gitCommitDates(contentDir: string): Map<string, IsoDate> {
  try {
    const output = execFileSync('git', ['-C', contentDir, '-c', 'core.quotePath=false', 'log', `--format=${COMMIT_MARK}%cI`, '--name-only', '--relative', '--', '.'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
    });
    return parseGitLog(output);
  } catch {
    return new Map();
  }
}

/**
 * Writes the dates keyed as Astro's content layer names the notes'
 * files (`entry.filePath`: relative to the project, with `/`), and returns
 * the file's path.
 */
export function writeCommitDates(dates: ReadonlyMap<string, IsoDate>, options: { contentDir: string; projectRoot: string; cacheDir: string }): string {
  const file = join(options.cacheDir, 'garden-commit-dates.json');
  const byEntry = [...dates].map(([path, date]) => [relative(options.projectRoot, join(options.contentDir, path)).split(sep).join('/'), date]);
  writeFileAtomic(file, JSON.stringify(Object.fromEntries(byEntry)));
  return file;
}

/**
 * `serialize` for @astrojs/sitemap: a note page's entry gets its last change
 * as `lastmod` (frontmatter `updated:`, else the commit date), worked out
 * once from the garden the build read.
 */
export function sitemapLastmod(snapshot: () => GardenSnapshot, commits: ReadonlyMap<string, IsoDate>) {
  let byUrl: Map<string, IsoDate> | undefined;
  return <Item extends { url: string; lastmod?: string | undefined }>(item: Item): Item => {
    const { model, targets } = snapshot();
    byUrl ??= lastUpdatedByUrl(model, targets, commits);
    const date = byUrl.get(new URL(item.url).pathname);
    return date ? { ...item, lastmod: date } : item;
  };
}
